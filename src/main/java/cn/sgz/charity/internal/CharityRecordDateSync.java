package cn.sgz.charity.internal;

import cn.sgz.activity.RecordSummaries;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.shared.AuditEvent;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Relief events and promotions keep their record's date so that period queries stay inside this
 * module's tables. When a record is edited on its own page, the activity module announces it (as an
 * audit event, inside the same transaction) and the stored date follows.
 */
@Component
class CharityRecordDateSync {

    private final RecordSummaries summaries;
    private final CharityReliefStore reliefs;
    private final CharityProjectStore projects;

    CharityRecordDateSync(RecordSummaries summaries, CharityReliefStore reliefs, CharityProjectStore projects) {
        this.summaries = summaries;
        this.reliefs = reliefs;
        this.projects = projects;
    }

    @EventListener
    void on(AuditEvent event) {
        if (!"RECORD_UPDATE".equals(event.action()) || !ServiceRecordService.OWNER_TYPE.equals(event.targetType())
                || event.targetId() == null) {
            return;
        }
        long id = Long.parseLong(event.targetId());
        if (reliefs.findByRecord(id).isEmpty() && !projects.recordLinked(id)) {
            return; // most edited records are not charity records: two index look-ups and done
        }
        var summary = summaries.find(List.of(id)).get(id);
        if (summary != null) {
            reliefs.syncDate(id, summary.serviceDate());
            projects.syncDate(id, summary.serviceDate());
        }
    }
}
