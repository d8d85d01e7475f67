package cn.sgz.casework.internal;

import cn.sgz.activity.RecordForm;
import cn.sgz.activity.RecordSummaries;
import cn.sgz.activity.RecordSummaries.RecordSummary;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.casework.internal.CaseworkInputs.NewSession;
import cn.sgz.casework.internal.CaseworkInputs.PhotoFile;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.evidence.ReasonCode;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.vocabulary.LedgerDomain;
import cn.sgz.shared.vocabulary.ServiceField;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Sessions are service records: this writes them through the activity module (so evidence rules and
 * qualification apply as to any record) and reads back, many at once, which of them count.
 */
@Component
public class SessionRecords {

    private final ServiceRecordService records;
    private final RecordSummaries summaries;

    SessionRecords(ServiceRecordService records, RecordSummaries summaries) {
        this.records = records;
        this.summaries = summaries;
    }

    /** What a session record is about, beside what the worker typed. */
    public record Target(
            long stationId,
            Long projectId,
            ServiceKind kind,
            LedgerDomain domain,
            String title,
            boolean indoor,
            Long recipientId,
            String personName) {}

    /** A sign-in line for a person picked from the ledgers: 姓名 #台账编号. */
    static final java.util.regex.Pattern PICKED = java.util.regex.Pattern.compile("(.+?)\\s*#(\\d{1,18})");

    /** Creates the record, its sign-in sheet and photo; returns the record. Rolls back with the caller. */
    public ServiceRecordView create(
            Target t, NewSession s, Map<String, String> fields, String worker, PhotoFile photo) {
        String content = joined(
                fields,
                "sessionGoal",
                "本节目标",
                "process",
                "服务过程",
                "interaction",
                "参与者表现",
                "reflection",
                "社工反思",
                "nextPlan",
                "下节计划");
        List<RecordForm.ParticipantInput> people = new ArrayList<>();
        if (t.recipientId() != null) {
            people.add(new RecordForm.ParticipantInput(t.recipientId(), t.personName()));
        }
        // people picked from the ledgers sign in as "姓名 #台账编号" (the picker writes it): they are the session's
        // people served too, and their sign-in takes the ledger's phone
        for (String raw :
                s.attendance() == null ? new String[0] : s.attendance().split("\\R")) {
            java.util.regex.Matcher m = PICKED.matcher(raw.strip());
            if (m.matches()) {
                long rid = Long.parseLong(m.group(2));
                if (people.stream().noneMatch(p -> Long.valueOf(rid).equals(p.recipientId()))) {
                    people.add(new RecordForm.ParticipantInput(rid, m.group(1).strip()));
                }
            }
        }
        ServiceRecordView r = records.create(new RecordForm(
                t.stationId(),
                t.projectId(),
                t.kind(),
                activityDomain(t.domain()),
                t.title(),
                s.serviceDate(),
                s.startTime(),
                s.endTime(),
                s.place(),
                t.indoor(),
                false,
                worker,
                people.size(),
                cut(content, 4000),
                cut(fields.get("outcome"), 2000),
                people));
        int line = 0;
        for (String raw :
                s.attendance() == null ? new String[0] : s.attendance().split("\\R")) {
            line++;
            java.util.regex.Matcher picked = PICKED.matcher(raw.strip());
            String[] parts = raw.strip().split("[\\s,，、]+", 2);
            if (parts[0].isEmpty()) {
                continue;
            }
            try {
                if (picked.matches()) {
                    records.addSignIn(r.id(), picked.group(1).strip(), null, Long.parseLong(picked.group(2)));
                    continue;
                }
                records.addSignIn(r.id(), parts[0], parts.length > 1 ? parts[1].strip() : null, null);
            } catch (BusinessException e) {
                throw BusinessException.field("attendance", "签到表第" + line + "行（" + raw.strip() + "）：" + e.getMessage());
            }
        }
        if (photo != null && photo.size() > 0) {
            records.addPhoto(
                    r.id(),
                    PhotoPurpose.SCENE,
                    PhotoSource.GALLERY,
                    null,
                    photo.name(),
                    photo.size(),
                    photo.content(),
                    null);
        }
        return r;
    }

    /**
     * Session views in date order: a session counts when its record counts and, for group sessions, at
     * least {@code minAttendees} signed in; counting sessions are numbered 第1节, 第2节 …
     */
    public List<SessionView> views(List<SessionStore.Row> rows, int minAttendees, FormCodec codec) {
        Map<Long, RecordSummary> sums =
                summaries.find(rows.stream().map(SessionStore.Row::recordId).toList());
        List<SessionStore.Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((SessionStore.Row r) ->
                        sums.containsKey(r.recordId()) ? sums.get(r.recordId()).serviceDate() : r.serviceDate())
                .thenComparing(SessionStore.Row::id));
        List<SessionView> out = new ArrayList<>();
        int number = 0;
        for (SessionStore.Row row : sorted) {
            RecordSummary s = sums.get(row.recordId());
            int attendees = s == null ? 0 : s.signInCount();
            boolean voided = s == null || s.voided();
            boolean enough = minAttendees <= 0 || attendees >= minAttendees;
            boolean counts = s != null && s.counts() && enough;
            out.add(new SessionView(
                    row.id(),
                    row.recordId(),
                    row.unitSeq(),
                    counts ? ++number : null,
                    s == null ? row.serviceDate() : s.serviceDate(),
                    counts,
                    voided,
                    attendees,
                    minAttendees,
                    counts ? null : reason(s, attendees, minAttendees, enough),
                    codec.read(row.content()),
                    row.createdBy()));
        }
        return out;
    }

    /** Summaries of many records (the engine's scan). */
    public Map<Long, RecordSummary> summaries(List<Long> recordIds) {
        return summaries.find(recordIds);
    }

    static String reason(RecordSummary s, int attendees, int min, boolean enough) {
        if (s == null) {
            return "服务记录不存在";
        }
        if (s.voided()) {
            return "服务记录已作废";
        }
        List<String> parts = new ArrayList<>();
        if (!s.counts()) {
            String codes = s.reasons() == null ? "" : s.reasons();
            List<String> labels = Arrays.stream(codes.split(","))
                    .filter(c -> !c.isBlank())
                    .map(c -> {
                        try {
                            return ReasonCode.valueOf(c.strip()).label();
                        } catch (IllegalArgumentException e) {
                            return c;
                        }
                    })
                    .distinct()
                    .toList();
            parts.add(labels.isEmpty() ? "服务记录未计入服务次数" : String.join("、", labels));
        }
        if (!enough) {
            parts.add("签到 " + attendees + " 人，少于本项目要求的每节不少于 " + min + " 人");
        }
        return String.join("；", parts);
    }

    static ServiceField activityDomain(LedgerDomain d) {
        if (d == null) {
            return null;
        }
        return switch (d) {
            case SOCIAL_ASSISTANCE -> ServiceField.SOCIAL_ASSISTANCE;
            case ELDERLY -> ServiceField.ELDERLY;
            case CHILD -> ServiceField.CHILDREN;
            case DISABLED -> ServiceField.DISABILITY;
            case OTHER, ALL -> ServiceField.OTHER;
        };
    }

    private static String joined(Map<String, String> fields, String... keysAndLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < keysAndLabels.length; i += 2) {
            labels.put(keysAndLabels[i], keysAndLabels[i + 1]);
        }
        StringBuilder sb = new StringBuilder();
        labels.forEach((k, l) -> {
            String v = fields.get(k);
            if (v != null && !v.isBlank()) {
                sb.append(sb.length() == 0 ? "" : "\n").append(l).append("：").append(v);
            }
        });
        return sb.toString();
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }
}
