package cn.sgz.activity.internal;

import cn.sgz.activity.ServiceRecordService;
import cn.sgz.evidence.EvidenceChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps stored qualifications current: when the evidence module reports that a record's photos
 * changed (including "a later photo elsewhere copies one of yours"), the record is qualified again
 * inside the same transaction.
 */
@Component
class QualificationUpdater {

    private final ServiceRecordService records;

    QualificationUpdater(ServiceRecordService records) {
        this.records = records;
    }

    @EventListener
    void on(EvidenceChanged event) {
        if (ServiceRecordService.OWNER_TYPE.equals(event.ownerType())) {
            records.recompute(event.ownerId());
        }
    }
}
