package cn.sgz.recipient.internal;

import cn.sgz.activity.RecordForm;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.recipient.FollowUpMethod;
import cn.sgz.recipient.RecipientCategory;
import cn.sgz.shared.vocabulary.ServiceField;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the service record behind a home assessment or a follow-up, in the same transaction, and
 * remembers it on the ledger row. The worker then adds the watermarked photos to that record, and the
 * evidence rules decide whether it counts — the same as for any other service.
 */
@Component
class ServiceRecordBridge {

    private final ServiceRecordService records;
    private final RecipientStore store;
    private final JdbcClient jdbc;

    ServiceRecordBridge(ServiceRecordService records, RecipientStore store, JdbcClient jdbc) {
        this.records = records;
        this.store = store;
        this.jdbc = jdbc;
    }

    /**
     * Only station staff write service records; an officer's entry (e.g. a bureau correcting a ledger)
     * stays a ledger entry without a service record, and so does not count as a station service.
     */
    boolean applies() {
        return records.canWrite();
    }

    long assessment(StoredRecipient r, long assessmentId, LocalDate on, String summary) {
        long id = create(r, ServiceKind.HOME_ASSESSMENT, "入户需求评估：" + r.name(), on, summary);
        jdbc.sql("UPDATE home_assessment SET service_record_id = ? WHERE id = ?")
                .params(id, assessmentId)
                .update();
        return id;
    }

    long followUp(StoredRecipient r, long followUpId, FollowUpMethod method, LocalDate on, String findings) {
        ServiceKind kind = method == FollowUpMethod.PHONE ? ServiceKind.FOLLOW_UP_PHONE : ServiceKind.FOLLOW_UP_VISIT;
        long id = create(r, kind, (method == FollowUpMethod.PHONE ? "电话回访：" : "上门回访：") + r.name(), on, findings);
        jdbc.sql("UPDATE followup_record SET service_record_id = ? WHERE id = ?")
                .params(id, followUpId)
                .update();
        return id;
    }

    private long create(StoredRecipient r, ServiceKind kind, String title, LocalDate on, String content) {
        RecordForm form = new RecordForm(
                r.orgUnitId(),
                null,
                kind,
                domainOf(r),
                title,
                on,
                null,
                null,
                kind == ServiceKind.FOLLOW_UP_PHONE ? "电话" : "服务对象家中",
                false,
                false,
                null,
                1,
                content == null ? null : content.length() > 4000 ? content.substring(0, 4000) : content,
                null,
                List.of(new RecordForm.ParticipantInput(r.id(), r.name())));
        return records.create(form).id();
    }

    /** The service domain follows the person's first ledger category. */
    private ServiceField domainOf(StoredRecipient r) {
        List<CategoryRow> cats = store.categoriesOf(List.of(r.id())).getOrDefault(r.id(), List.of());
        RecipientCategory first =
                cats.isEmpty() ? RecipientCategory.OTHER : cats.get(0).category();
        return switch (first) {
            case SOCIAL_ASSISTANCE -> ServiceField.SOCIAL_ASSISTANCE;
            case ELDERLY -> ServiceField.ELDERLY;
            case CHILD -> ServiceField.CHILDREN;
            case DISABLED -> ServiceField.DISABILITY;
            case OTHER -> ServiceField.OTHER;
        };
    }
}
