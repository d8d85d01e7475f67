package cn.sgz.recipient;

import cn.sgz.recipient.internal.AssessmentService;
import cn.sgz.recipient.internal.FollowUpService;
import cn.sgz.recipient.internal.LedgerQuery;
import cn.sgz.recipient.internal.RecipientService;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a worker takes into the field and brings back (issue 21): the people of their station and who is due a
 * follow-up, masked exactly as the ledger pages show them, and follow-ups recorded offline. Scope and roles are
 * checked by the ledger services behind it.
 */
@Service
public class FieldWork {

    /** At most this many people go onto a phone (a station keeps a few hundred). */
    public static final int MAX_PEOPLE = 2000;

    private final RecipientService recipients;
    private final FollowUpService followUps;
    private final AssessmentService assessments;

    FieldWork(RecipientService recipients, FollowUpService followUps, AssessmentService assessments) {
        this.recipients = recipients;
        this.followUps = followUps;
        this.assessments = assessments;
    }

    /** One person of the station as the phone keeps them: masked ID number, phone as the ledger shows it. */
    public record Person(
            long id,
            String name,
            String gender,
            int age,
            String orgUnitName,
            String maskedIdNumber,
            String phone,
            String address,
            String categories,
            RiskLevel riskLevel,
            long version) {}

    /** Active people in the current user's scope, in ledger order. */
    @Transactional(readOnly = true)
    public List<Person> people() {
        List<Person> out = new ArrayList<>();
        int size = 200;
        for (int page = 0; out.size() < MAX_PEOPLE; page++) {
            RecipientService.LedgerPage p = recipients.ledger(LedgerQuery.all(), page, size);
            for (RecipientView r : p.items()) {
                out.add(new Person(
                        r.id(),
                        r.name(),
                        r.gender(),
                        r.age(),
                        r.orgUnitName(),
                        r.maskedIdNumber(),
                        r.phone(),
                        r.address(),
                        r.categoryLabels(),
                        r.riskLevel(),
                        r.version()));
            }
            if (page + 1 >= p.pages()) {
                break;
            }
        }
        return out.size() > MAX_PEOPLE ? out.subList(0, MAX_PEOPLE) : out;
    }

    /** Everyone on the follow-up roster with their standing today (done ones included). */
    @Transactional(readOnly = true)
    public List<DueEntry> due() {
        return followUps.dueList(ChinaTime.today(), null, false);
    }

    /**
     * A follow-up made offline.
     *
     * @param baseRisk the person's risk level the phone showed when the entry was made
     * @param baseVersion the person's version the phone had
     */
    public record OfflineFollowUp(
            Long recipientId,
            FollowUpMethod method,
            LocalDate followedOn,
            String findings,
            RiskLevel riskAfter,
            RiskLevel baseRisk,
            Long baseVersion) {}

    /** The stored follow-up and the service record behind it (null for roles that write no records). */
    public record RecordedFollowUp(long followUpId, Long serviceRecordId, long recipientId, String recipientName) {}

    /**
     * Records a follow-up made offline. A person no longer in the user's scope (moved to another station, merged)
     * is refused with a reason naming the field; a risk level changed online since the phone's copy is never
     * overwritten: {@link PersonChangedException} carries both versions.
     */
    @Transactional
    public RecordedFollowUp recordFollowUp(OfflineFollowUp f) {
        if (f.recipientId() == null) {
            throw BusinessException.field("recipientId", "请选择回访的服务对象");
        }
        RecipientView now;
        try {
            now = recipients.get(f.recipientId());
        } catch (NotFoundException e) {
            throw BusinessException.field("recipientId", "该服务对象已不在您的社工站（可能已转到其他站、被合并或删除），这条回访不能记在本站；请核对后修改或放弃");
        }
        RiskLevel after = f.riskAfter();
        boolean changesRisk = after != null && after != f.baseRisk();
        boolean changedOnline = (f.baseVersion() != null && f.baseVersion() != now.version())
                || (f.baseVersion() != null && f.baseRisk() != now.riskLevel());
        if (changesRisk && changedOnline && after != now.riskLevel()) {
            throw new PersonChangedException(
                    now.id(), now.name(), now.riskLevel(), now.version(), after, f.baseRisk(), f.baseVersion());
        }
        FollowUpView v = followUps.record(
                f.recipientId(),
                new FollowUpService.FollowUpForm(f.method(), f.followedOn(), f.findings(), changesRisk ? after : null));
        return new RecordedFollowUp(v.id(), v.serviceRecordId(), now.id(), now.name());
    }

    /**
     * A home assessment made offline (the 入户调查记录表's common part; the elderly and child sections are filled
     * online).
     */
    public record OfflineAssessment(
            Long recipientId,
            LocalDate assessedOn,
            String economy,
            String housing,
            String health,
            String care,
            Set<NeedCode> needs,
            String needsText,
            String strengths,
            RiskLevel riskLevel,
            RiskLevel baseRisk,
            Long baseVersion) {}

    /** The stored assessment and the service record behind it. */
    public record RecordedAssessment(long assessmentId, Long serviceRecordId, long recipientId, String recipientName) {}

    /** Records a home assessment made offline; refusals and conflicts as for {@link #recordFollowUp}. */
    @Transactional
    public RecordedAssessment recordAssessment(OfflineAssessment a) {
        RecipientView now = current(a.recipientId(), "入户评估");
        guard(
                now,
                a.riskLevel() != null && a.riskLevel() != a.baseRisk(),
                a.riskLevel(),
                a.baseRisk(),
                a.baseVersion());
        AssessmentView v = assessments.record(
                a.recipientId(),
                new AssessmentService.AssessmentForm(
                        a.assessedOn(),
                        a.economy(),
                        a.housing(),
                        a.health(),
                        a.care(),
                        a.needs(),
                        a.needsText(),
                        a.strengths(),
                        a.riskLevel(),
                        null,
                        null,
                        null,
                        null,
                        null));
        return new RecordedAssessment(v.id(), v.serviceRecordId(), now.id(), now.name());
    }

    private RecipientView current(Long recipientId, String what) {
        if (recipientId == null) {
            throw BusinessException.field("recipientId", "请选择" + what + "的服务对象");
        }
        try {
            return recipients.get(recipientId);
        } catch (NotFoundException e) {
            throw BusinessException.field(
                    "recipientId", "该服务对象已不在您的社工站（可能已转到其他站、被合并或删除），这条" + what + "不能记在本站；请核对后修改或放弃");
        }
    }

    /** Never overwrite a risk level changed online since the phone's copy: 409 with both versions. */
    private static void guard(
            RecipientView now, boolean changesRisk, RiskLevel mine, RiskLevel baseRisk, Long baseVersion) {
        boolean changedOnline = baseVersion != null && (baseVersion != now.version() || baseRisk != now.riskLevel());
        if (changesRisk && changedOnline && mine != now.riskLevel()) {
            throw new PersonChangedException(
                    now.id(), now.name(), now.riskLevel(), now.version(), mine, baseRisk, baseVersion);
        }
    }
}
