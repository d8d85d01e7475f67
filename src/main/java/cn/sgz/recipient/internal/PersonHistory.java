package cn.sgz.recipient.internal;

import cn.sgz.activity.PersonHistorySource;
import cn.sgz.activity.PersonHistorySource.PersonEvent;
import cn.sgz.recipient.AssessmentView;
import cn.sgz.recipient.FollowUpView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything about one person in time order (newest first), for their page and the API: home assessments,
 * follow-ups and ledger status changes from this module; service records (with photo thumbnails), cases and
 * relief from the modules that implement {@link PersonHistorySource}. An assessment, follow-up or relief is
 * itself a service record: their lines take the record's 计入/不计入 and photos instead of repeating it.
 */
@Service
public class PersonHistory {

    private final RecipientAccess access;
    private final RecipientService recipients;
    private final AssessmentService assessments;
    private final FollowUpService followUps;
    private final ObjectProvider<PersonHistorySource> sources;

    PersonHistory(
            RecipientAccess access,
            RecipientService recipients,
            AssessmentService assessments,
            FollowUpService followUps,
            ObjectProvider<PersonHistorySource> sources) {
        this.access = access;
        this.recipients = recipients;
        this.assessments = assessments;
        this.followUps = followUps;
        this.sources = sources;
    }

    @Transactional(readOnly = true)
    public List<PersonEvent> of(long recipientId) {
        access.requireVisible(recipientId);
        List<PersonEvent> own = new ArrayList<>();
        String page = "/recipients/" + recipientId;
        for (AssessmentView a : assessments.forRecipient(recipientId)) {
            own.add(new PersonEvent(
                    a.assessedOn(),
                    "入户需求评估",
                    "入户需求评估"
                            + (a.riskLevel() == null
                                    ? ""
                                    : "（风险等级：" + a.riskLevel().label() + "）"),
                    (a.assessor() == null ? "" : "评估人 " + a.assessor())
                            + (a.needs().isEmpty() ? "" : " · 需求：" + a.needLabels()),
                    null,
                    null,
                    page + "#assessments",
                    List.of(),
                    a.serviceRecordId()));
        }
        for (FollowUpView f : followUps.recordsOf(recipientId)) {
            own.add(new PersonEvent(
                    f.followedOn(),
                    "回访",
                    f.method().label(),
                    (f.recordedBy() == null ? "" : f.recordedBy() + " · ")
                            + (f.findings() == null ? "" : cut(f.findings(), 60)),
                    null,
                    null,
                    page + "#followups",
                    List.of(),
                    f.serviceRecordId()));
        }
        for (RecipientService.StatusChange s : recipients.history(recipientId)) {
            if (s.effectiveDate() != null) {
                own.add(new PersonEvent(
                        s.effectiveDate(),
                        "台账状态",
                        s.statusLabel(),
                        s.note() == null ? "" : s.note(),
                        null,
                        null,
                        page + "#status-history",
                        List.of(),
                        null));
            }
        }
        List<PersonEvent> records = new ArrayList<>();
        List<PersonEvent> others = new ArrayList<>(own);
        sources.orderedStream()
                .forEach(s -> s.eventsOf(recipientId).forEach(e -> {
                    if (e.href() != null && e.href().startsWith("/records/")) {
                        records.add(e);
                    } else {
                        others.add(e);
                    }
                }));
        return merge(others, records);
    }

    /** Lines about a record take its status and photos; records not claimed by another line stay as they are. */
    static List<PersonEvent> merge(List<PersonEvent> others, List<PersonEvent> records) {
        Map<Long, PersonEvent> byRecord = new LinkedHashMap<>();
        records.forEach(r -> byRecord.putIfAbsent(r.recordId(), r));
        Map<Long, Boolean> claimed = new HashMap<>();
        List<PersonEvent> out = new ArrayList<>();
        for (PersonEvent e : others) {
            PersonEvent r = e.recordId() == null ? null : byRecord.get(e.recordId());
            if (r == null) {
                out.add(e);
                continue;
            }
            claimed.put(e.recordId(), true);
            out.add(new PersonEvent(
                    e.date(),
                    e.kind(),
                    e.title(),
                    e.detail(),
                    e.status() != null ? e.status() : r.status(),
                    e.ok() != null ? e.ok() : r.ok(),
                    e.href(),
                    e.thumbnails().isEmpty() ? r.thumbnails() : e.thumbnails(),
                    e.recordId()));
        }
        byRecord.forEach((id, r) -> {
            if (!claimed.containsKey(id)) {
                out.add(r);
            }
        });
        out.sort(Comparator.comparing(PersonEvent::date, Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }

    private static String cut(String s, int max) {
        String t = s.strip();
        return t.length() <= max ? t : t.substring(0, max) + "…";
    }
}
