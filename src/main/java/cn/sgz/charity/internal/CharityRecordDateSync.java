package cn.sgz.charity.internal;

import cn.sgz.activity.ServiceRecordChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Relief events and promotions keep their record's date so that period queries stay inside this
 * module's tables. When a record is edited on its own page, the activity module announces it (inside
 * the same transaction) and the stored date follows.
 */
@Component
class CharityRecordDateSync {

    private final CharityReliefStore reliefs;
    private final CharityProjectStore projects;

    CharityRecordDateSync(CharityReliefStore reliefs, CharityProjectStore projects) {
        this.reliefs = reliefs;
        this.projects = projects;
    }

    @EventListener
    void on(ServiceRecordChanged changed) {
        long id = changed.recordId();
        if (reliefs.findByRecord(id).isEmpty() && !projects.recordLinked(id)) {
            return; // most edited records are not charity records: two index look-ups and done
        }
        reliefs.syncDate(id, changed.serviceDate());
        projects.syncDate(id, changed.serviceDate());
    }
}
