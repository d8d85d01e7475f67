package cn.sgz.recipient.internal;

import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.cluster.ClusterJobs;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploaded import lists hold full ID numbers: a list that is not confirmed within
 * {@code sgz.import.retention} (default 24 h) loses its file. One conditional UPDATE does it, so
 * several instances running the job at once only find nothing left to purge; a list being imported
 * at that moment (status IMPORTING) or already imported is never touched. The scheduled run also takes the
 * cluster lock {@code import-purge} ({@link ClusterJobs}), so one instance purges per interval.
 */
@Component
public class ImportRetention {

    private static final Logger log = LoggerFactory.getLogger(ImportRetention.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Duration retention;
    private final ClusterJobs cluster;

    ImportRetention(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            ClusterJobs cluster,
            @Value("${sgz.import.retention:24h}") Duration retention) {
        this.jdbc = jdbc;
        this.cluster = cluster;
        this.events = events;
        this.retention = retention;
    }

    @Scheduled(
            initialDelayString = "${sgz.import.purge-initial-delay:5m}",
            fixedDelayString = "${sgz.import.purge-interval:1h}")
    void scheduled() {
        cluster.runOnce("import-purge", Duration.ofMinutes(10), this::purge);
    }

    /** Purges the files of unconfirmed lists older than the retention time; returns how many. */
    @Transactional
    public int purge() {
        int purged = jdbc.sql("UPDATE recipient_import SET content = NULL, status = ? WHERE content IS NOT NULL "
                        + "AND status IN (?, ?) AND created_at < ?")
                .params(
                        ImportReport.EXPIRED,
                        ImportReport.CHECKED,
                        ImportReport.HAS_PROBLEMS,
                        ChinaTime.offsetNow().minus(retention))
                .update();
        if (purged > 0) {
            log.info("已清除 {} 个超过 {} 未确认导入的名单文件", purged, retention);
            events.publishEvent(new AuditEvent(
                    "system",
                    "IMPORT_PURGE",
                    "RECIPIENT_IMPORT",
                    null,
                    null,
                    "SUCCESS",
                    "清除未确认导入的名单文件 " + purged + " 个（保留期 " + retention + "）"));
        }
        return purged;
    }
}
