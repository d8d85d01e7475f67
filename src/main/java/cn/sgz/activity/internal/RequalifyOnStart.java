package cn.sgz.activity.internal;

import cn.sgz.activity.ServiceRecordService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Qualification is stored, so when the rules change (QualificationRules.VERSION) the records qualified under the
 * old rules are qualified again at start-up, before the demo data and before anyone reads a figure.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequalifyOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RequalifyOnStart.class);

    private final ServiceRecordService records;

    RequalifyOnStart(ServiceRecordService records) {
        this.records = records;
    }

    @Override
    public void run(ApplicationArguments args) {
        int total = 0;
        for (int n = records.requalifyStaleBatch(); n > 0; n = records.requalifyStaleBatch()) {
            total += n;
        }
        if (total > 0) {
            log.info("按新的计入规则重新判定了 {} 条服务记录", total);
        }
    }
}
