package cn.sgz.community.internal;

import cn.sgz.activity.RecordForm;
import cn.sgz.activity.RecordSummaries;
import cn.sgz.activity.RecordSummaries.RecordSummary;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The community module's way to the activity module: creates the service record behind an activity,
 * checks a record someone wants to link, and reads whether records count. Never recomputes evidence.
 */
@Component
public class RecordBridge {

    private final ServiceRecordService records;
    private final RecordSummaries summaries;

    RecordBridge(ServiceRecordService records, RecordSummaries summaries) {
        this.records = records;
        this.summaries = summaries;
    }

    /** Creates a record of the kind at the station (or one of its rooms); errors name the record's fields. */
    /** Whom the record's service was for (培训对象), so that an indicator with that subtype counts it alone. */
    public void setAudience(long recordId, String audience) {
        records.setAudience(recordId, audience);
    }

    public ServiceRecordView create(
            long stationId,
            ServiceKind kind,
            RecordInput in,
            String defaultTitle,
            List<RecordForm.ParticipantInput> participants) {
        if (in == null) {
            throw BusinessException.field("record", "服务记录：请填写活动日期、地点等信息");
        }
        String title = in.title() == null || in.title().isBlank() ? defaultTitle : in.title();
        try {
            return records.create(new RecordForm(
                    in.orgUnitId() == null ? stationId : in.orgUnitId(),
                    null,
                    kind,
                    null,
                    title,
                    in.serviceDate(),
                    in.startTime(),
                    in.endTime(),
                    in.place(),
                    in.indoor(),
                    false,
                    in.workers(),
                    in.participantCount(),
                    in.content(),
                    in.outcome(),
                    participants,
                    in.outdoorReason(),
                    null,
                    null,
                    null));
        } catch (BusinessException e) {
            // prefix the record's fields so the API says which part of the body was wrong
            throw new BusinessException(
                    e.code(),
                    "服务记录：" + e.getMessage(),
                    e.problems().stream()
                            .map(p -> new BusinessException.FieldProblem("record." + p.field(), "服务记录：" + p.message()))
                            .toList());
        }
    }

    /** A visible record of one of the kinds at the station; a foreign or unknown id answers like a wrong one. */
    public ServiceRecordView requireRecord(Long recordId, long stationId, Set<ServiceKind> kinds, String field) {
        if (recordId == null) {
            throw BusinessException.field(field, "服务记录：请选择要关联的服务记录");
        }
        ServiceRecordView r;
        try {
            r = records.get(recordId);
        } catch (NotFoundException e) {
            throw BusinessException.field(field, "服务记录：记录不存在或不在您的管辖范围内");
        }
        if (r.stationId() != stationId) {
            throw BusinessException.field(field, "服务记录：该记录不属于本社工站");
        }
        if (!kinds.contains(r.kind())) {
            throw BusinessException.field(
                    field,
                    "服务记录：只能关联"
                            + kinds.stream().map(ServiceKind::label).sorted().collect(Collectors.joining("、"))
                            + "类型的记录");
        }
        if (r.voided()) {
            throw BusinessException.field(field, "服务记录：该记录已作废");
        }
        return r;
    }

    public Map<Long, RecordSummary> summaries(Collection<Long> recordIds) {
        return recordIds.isEmpty() ? Map.of() : summaries.find(recordIds);
    }

    /** Lines for the given record ids, newest first; ids of records that no longer exist are left out. */
    public List<RecordRef> refs(Collection<Long> recordIds) {
        return summaries(recordIds).values().stream()
                .map(RecordBridge::ref)
                .sorted(java.util.Comparator.comparing(RecordRef::serviceDate)
                        .reversed()
                        .thenComparing(RecordRef::recordId, java.util.Comparator.reverseOrder()))
                .toList();
    }

    public static RecordRef ref(RecordSummary s) {
        return new RecordRef(
                s.id(),
                s.kind(),
                s.title(),
                s.serviceDate(),
                s.counts(),
                s.voided(),
                s.counts() ? null : s.voided() ? "记录已作废" : reasonLabels(s.reasons()));
    }

    /** "NO_PHOTO,NO_SIGN_IN" → "没有现场照片；室内活动缺少签到表". */
    static String reasonLabels(String codes) {
        if (codes == null || codes.isBlank()) {
            return null;
        }
        return java.util.Arrays.stream(codes.split(","))
                .map(String::strip)
                .map(c -> {
                    try {
                        return cn.sgz.evidence.ReasonCode.valueOf(c).label();
                    } catch (IllegalArgumentException e) {
                        return c;
                    }
                })
                .collect(Collectors.joining("；"));
    }

    /** Adds a person to the record's sign-in sheet (签到表), as if typed on the record page. */
    public void addSignIn(long recordId, String name, String phone) {
        records.addSignIn(recordId, name, phone, null);
    }

    /** Visible records of a kind at a station, newest first (at most 500). */
    public List<ServiceRecordView> list(
            long stationId, ServiceKind kind, java.time.LocalDate from, java.time.LocalDate to) {
        return records.list(
                new cn.sgz.activity.RecordFilter(stationId, kind, from, to, null, null, null, null, 500, 0));
    }

    /** A visible record, or "not found" named as the caller's thing. */
    public ServiceRecordView get(long recordId, String what) {
        try {
            return records.get(recordId);
        } catch (NotFoundException e) {
            throw new NotFoundException(what);
        }
    }
}
