package cn.sgz.activity.internal;

import cn.sgz.activity.PersonHistorySource;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.evidence.EvidenceService;
import cn.sgz.evidence.PhotoView;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The service records a person took part in (named among the people served, signed in or signed for goods), with
 * whether each counts and up to three photo thumbnails, for the person's page.
 */
@Component
@Order(1)
class RecordHistory implements PersonHistorySource {

    static final int LIMIT = 200;

    private final ServiceRecordService records;
    private final EvidenceService evidence;

    RecordHistory(ServiceRecordService records, EvidenceService evidence) {
        this.records = records;
        this.evidence = evidence;
    }

    @Override
    public List<PersonEvent> eventsOf(long recipientId) {
        return records.ofRecipient(recipientId, LIMIT).stream().map(this::event).toList();
    }

    private PersonEvent event(ServiceRecordView r) {
        List<String> thumbs = evidence.photosOf(ServiceRecordService.OWNER_TYPE, r.id()).stream()
                .limit(3)
                .map(PhotoView::id)
                .map(id -> "/photos/" + id + "/thumb")
                .toList();
        String reason = r.counts() || r.reasons().isEmpty()
                ? ""
                : "：" + r.reasons().get(0).label();
        return new PersonEvent(
                r.serviceDate(),
                r.kind().label(),
                r.title(),
                (r.orgUnitName() == null ? r.stationName() : r.orgUnitName())
                        + (r.workers() == null || r.workers().isBlank() ? "" : " · " + r.workers()),
                (r.counts() ? "计入" : "不计入") + reason,
                r.counts(),
                "/records/" + r.id(),
                thumbs,
                r.id());
    }
}
