package cn.sgz.casework.internal;

import cn.sgz.casework.internal.CaseworkInputs.NewReferral;
import cn.sgz.casework.internal.CaseworkInputs.ReferralFollowUp;
import cn.sgz.org.Role;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import java.time.LocalDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is decided about a case rather than typed into it: the station head approves or returns a
 * submitted closure, a closed case is reopened with a reason, and a case is referred (转介) elsewhere
 * and the referral followed up.
 */
@Service
public class CaseDecisions {

    private final CaseService cases;
    private final CaseStore store;
    private final FormStore forms;
    private final ReferralStore referrals;
    private final LogStore log;
    private final CaseworkAccess access;
    private final ApplicationEventPublisher events;

    CaseDecisions(
            CaseService cases,
            CaseStore store,
            FormStore forms,
            ReferralStore referrals,
            LogStore log,
            CaseworkAccess access,
            ApplicationEventPublisher events) {
        this.cases = cases;
        this.store = store;
        this.forms = forms;
        this.referrals = referrals;
        this.log = log;
        this.access = access;
        this.events = events;
    }

    @Transactional
    public CaseView approveClosure(long id, String note) {
        CaseView c = pendingClosure(id);
        LocalDate closed = forms.find(CaseService.OWNER, id, FormType.CLOSURE, 0)
                .map(f -> LocalDate.parse(f.value("closeDate")))
                .orElse(ChinaTime.today());
        String n = note == null || note.isBlank() ? null : limit(note.strip(), 500, "note", "审批意见");
        store.decideClosure(id, true, access.me().username(), n, closed);
        log.add(CaseService.OWNER, id, access.me().username(), "CLOSURE_APPROVE", n);
        events.publishEvent(AuditEvent.success("CASE_CLOSURE_APPROVE", CaseService.OWNER, id, c.orgPath(), n));
        return cases.get(id);
    }

    @Transactional
    public CaseView returnClosure(long id, String reason) {
        CaseView c = pendingClosure(id);
        String why = required(reason, 500, "reason", "请填写退回原因（2～500个字），告诉社工需要补充或修改什么");
        store.decideClosure(id, false, access.me().username(), why, null);
        log.add(CaseService.OWNER, id, access.me().username(), "CLOSURE_RETURN", why);
        events.publishEvent(AuditEvent.success("CASE_CLOSURE_RETURN", CaseService.OWNER, id, c.orgPath(), why));
        return cases.get(id);
    }

    /** A closed case is reopened for more service; the reason stays in its history. */
    @Transactional
    public CaseView reopen(long id, String reason) {
        access.requireWriter();
        CaseView c = cases.get(id);
        if (c.stage() != CaseStage.CLOSED) {
            throw new ConflictException("只有已结案的个案可以重新开案（当前：" + c.stage().label() + "）");
        }
        String why = required(reason, 500, "reason", "请填写重新开案的原因（2～500个字）");
        store.reopen(id);
        log.add(CaseService.OWNER, id, access.me().username(), "REOPEN", why);
        events.publishEvent(AuditEvent.success("CASE_REOPEN", CaseService.OWNER, id, c.orgPath(), why));
        return cases.get(id);
    }

    @Transactional
    public ReferralView refer(long id, NewReferral in) {
        access.requireWriter();
        CaseView c = cases.get(id);
        if (c.stage() == CaseStage.CLOSED) {
            throw new ConflictException("个案已结案，不能再转介；如需转介请先重新开案");
        }
        if (in == null) {
            throw BusinessException.field("organisation", "请填写转介机构");
        }
        required(in.organisation(), 100, "organisation", "转介：请填写接收的机构或部门（不超过100个字）");
        required(in.reason(), 1000, "reason", "转介：请填写转介原因（2～1000个字）");
        if (in.resource() != null) {
            limit(in.resource(), 200, "resource", "转介资源");
        }
        if (in.contact() != null) {
            limit(in.contact(), 100, "contact", "联系人及电话");
        }
        if (in.referredOn() == null || in.referredOn().isAfter(ChinaTime.today())) {
            throw BusinessException.field("referredOn", "转介：请填写转介日期（不能晚于今天）");
        }
        long rid =
                referrals.insert(id, c.stationId(), c.orgPath(), in, access.me().username());
        log.add(
                CaseService.OWNER,
                id,
                access.me().username(),
                "REFERRAL",
                "转介至 " + in.organisation().strip());
        events.publishEvent(AuditEvent.success("CASE_REFERRAL", CaseService.OWNER, id, c.orgPath(), "转介#" + rid));
        return referrals.find(id, rid).orElseThrow();
    }

    @Transactional
    public ReferralView followUp(long id, long referralId, ReferralFollowUp in) {
        access.requireWriter();
        CaseView c = cases.get(id);
        referrals.find(id, referralId).orElseThrow(() -> new NotFoundException("转介记录"));
        if (in == null || in.status() == null || in.status() == ReferralStatus.REFERRED) {
            throw BusinessException.field("status", "转介跟进：请选择跟进结果（对方已接收、问题已解决或对方未接收）");
        }
        String note = required(in.note(), 1000, "note", "转介跟进：请填写跟进情况（2～1000个字）");
        referrals.followUp(referralId, in.status(), note, ChinaTime.today());
        log.add(
                CaseService.OWNER,
                id,
                access.me().username(),
                "REFERRAL_FOLLOW_UP",
                in.status().label());
        events.publishEvent(AuditEvent.success(
                "CASE_REFERRAL_FOLLOW_UP",
                CaseService.OWNER,
                id,
                c.orgPath(),
                "转介#" + referralId + " " + in.status().name()));
        return referrals.find(id, referralId).orElseThrow();
    }

    /** Only the head of the case's station decides, and only a submitted closure. */
    private CaseView pendingClosure(long id) {
        CaseView c = cases.get(id);
        if (!access.is(Role.STATION_HEAD)) {
            throw new ForbiddenException("只有社工站站长可以审批结案");
        }
        if (c.stage() != CaseStage.CLOSING) {
            throw new ConflictException("该个案没有待审批的结案申请（当前：" + c.stage().label() + "）");
        }
        return c;
    }

    private static String required(String s, int max, String field, String message) {
        String v = s == null ? "" : s.strip();
        if (v.length() < 2 || v.length() > max) {
            throw BusinessException.field(field, message);
        }
        return v;
    }

    private static String limit(String s, int max, String field, String label) {
        if (s.strip().length() > max) {
            throw BusinessException.field(field, label + "不能超过" + max + "个字");
        }
        return s.strip();
    }
}
