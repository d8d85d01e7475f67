package cn.sgz.progress.internal;

import cn.sgz.evidence.EvidenceChanged;
import cn.sgz.progress.ComplianceService;
import cn.sgz.shared.AuditEvent;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the compliance snapshot honest. Every committed write announces itself with an {@link AuditEvent} (and
 * evidence with {@link EvidenceChanged}); the stations under the event's org path are marked stale, so the next
 * reader (or the sweep below) recomputes them. Reads, sign-ins, exports and downloads change no fact and are
 * ignored. The sweep also refreshes figures computed for an earlier day or older than
 * {@code sgz.compliance.snapshot.max-age}, for changes that announce nothing.
 */
@Component
class SnapshotRefresher {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRefresher.class);

    /** Audit actions that change no fact an indicator counts. */
    static final Pattern NO_FACT = Pattern.compile(
            "LOGIN.*|LOGOUT|PASSWORD_CHANGE|TOKEN_.*|TOTP_.*|SETUP_ADMIN|ACCESS_DENIED|VIEW.*|.*EXPORT|.*DOWNLOAD");

    private final SnapshotStore store;
    private final ComplianceService compliance;

    SnapshotRefresher(SnapshotStore store, @Lazy ComplianceService compliance) {
        this.store = store;
        this.compliance = compliance;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AuditEvent event) {
        if (!"SUCCESS".equals(event.result())
                || event.action() == null
                || NO_FACT.matcher(event.action()).matches()) {
            return;
        }
        store.markStale(event.targetOrgPath());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EvidenceChanged event) {
        // A photo added or removed comes with its audit event naming the station. A photo found to repeat another
        // changes the other owner's standing, perhaps at another station, and evidence names no org path: all stale.
        if (!"PHOTO_ADDED".equals(event.cause()) && !"PHOTO_REMOVED".equals(event.cause())) {
            store.markStale(null);
        }
    }

    @Scheduled(
            initialDelayString = "${sgz.compliance.snapshot.sweep:PT1M}",
            fixedDelayString = "${sgz.compliance.snapshot.sweep:PT1M}")
    void sweep() {
        try {
            int n = compliance.refreshDue();
            if (n > 0) {
                log.debug("refreshed the compliance snapshot of {} projects", n);
            }
        } catch (RuntimeException e) {
            log.warn("指标快照定时刷新失败", e);
        }
    }
}
