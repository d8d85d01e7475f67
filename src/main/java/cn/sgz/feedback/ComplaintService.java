package cn.sgz.feedback;

import cn.sgz.evidence.FileStore;
import cn.sgz.evidence.StoredFile;
import cn.sgz.feedback.internal.CaseAccess;
import cn.sgz.feedback.internal.CaseAccess.Access;
import cn.sgz.feedback.internal.CaseRows;
import cn.sgz.feedback.internal.CaseRows.Row;
import cn.sgz.org.CurrentUser;
import cn.sgz.org.Role;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bureau side of residents' cases. The county bureau owning the station handles every case (and is
 * the only one to see the resident's phone in full); the city and the administrator read; the agency
 * serving the station sees a case only once the bureau asks it for an explanation, and then only that
 * case; station staff see none. A case outside these rules answers 404 like an unknown id. Every step
 * checks the version the officer read (409 when someone else was faster) and is audited.
 */
@Service
public class ComplaintService {

    private final CaseRows rows;
    private final CaseAccess access;
    private final FileStore files;
    private final ApplicationEventPublisher events;

    ComplaintService(CaseRows rows, CaseAccess access, FileStore files, ApplicationEventPublisher events) {
        this.rows = rows;
        this.access = access;
        this.files = files;
        this.events = events;
    }

    /** Filters of the case list; all optional. */
    public record Filter(CaseStatus status, FeedbackKind kind, Long stationId, boolean overdueOnly) {

        public static Filter none() {
            return new Filter(null, null, null, false);
        }
    }

    /** Whether the signed-in user has a case list at all (bureau, city, administrator, agency manager). */
    public boolean canSeeCases() {
        return access.seesCases(access.user().role());
    }

    @Transactional(readOnly = true)
    public List<ComplaintView> list(Filter filter) {
        CurrentUser me = access.user();
        if (!access.seesCases(me.role())) {
            return List.of();
        }
        if (filter.stationId() != null) {
            access.requireVisibleStation(filter.stationId());
        }
        return rows.list(access.scope(), me, filter).stream()
                .map(r -> view(r, access.accessTo(r).orElseThrow(), false))
                .toList();
    }

    @Transactional(readOnly = true)
    public ComplaintView get(long id) {
        Row r = visible(id);
        Access a = access.accessTo(r).orElseThrow();
        if (a == Access.HANDLER && r.phone() != null) {
            events.publishEvent(AuditEvent.success(
                    "VIEW_PERSONAL", "FEEDBACK_CASE", id, r.stationPath(), "查看群众反馈 " + r.receiptNo() + "（含联系电话）"));
        }
        return view(r, a, true);
    }

    /** 办理中: the bureau takes the case and names who handles it. */
    @Transactional
    public ComplaintView assign(long id, String assignee, String note, Long version) {
        Row r = handled(id);
        if (r.status() != CaseStatus.RECEIVED && r.status() != CaseStatus.IN_PROGRESS) {
            throw new BusinessException("INVALID_STATE", "本件已" + r.status().label() + "，不能再交办");
        }
        String who = text(assignee, "assignee", "承办人", 50);
        if (who == null) {
            who = access.user().displayName();
        }
        String n = text(note, "note", "交办说明", 500);
        update(
                r,
                version,
                "status = ?, assignee = ?, assigned_at = ?",
                CaseStatus.IN_PROGRESS.name(),
                who,
                ChinaTime.offsetNow());
        return step(r, "ASSIGN", "交办：" + who + (n == null ? "" : "。" + n), "FEEDBACK_ASSIGN");
    }

    /** Asks the agency serving the station for a written explanation (it then sees this case only). */
    @Transactional
    public ComplaintView requestExplanation(long id, String request, Long version) {
        Row r = handled(id);
        if (r.agencyId() == null) {
            throw new BusinessException("NO_AGENCY", "该社工站没有承接机构，无法要求机构说明");
        }
        if (r.status() == CaseStatus.CLOSED) {
            throw new BusinessException("INVALID_STATE", "本件已办结");
        }
        String req = required(request, "request", "需要机构说明的问题", 1000);
        CaseStatus next = r.status() == CaseStatus.RECEIVED ? CaseStatus.IN_PROGRESS : r.status();
        update(
                r,
                version,
                "status = ?, explanation_request = ?, explanation_requested_at = ?, assignee = COALESCE(assignee, ?), "
                        + "assigned_at = COALESCE(assigned_at, ?)",
                next.name(),
                req,
                ChinaTime.offsetNow(),
                access.user().displayName(),
                ChinaTime.offsetNow());
        return step(r, "EXPLAIN_REQUEST", "要求承接机构说明：" + req, "FEEDBACK_EXPLAIN_REQUEST");
    }

    /** The agency's explanation (agency manager of the agency asked). */
    @Transactional
    public ComplaintView explain(long id, String explanation, Long version) {
        Row r = visible(id);
        Access a = access.accessTo(r).orElseThrow();
        if (a != Access.EXPLAINER) {
            throw new ForbiddenException("只有被要求说明的承接机构可以提交情况说明");
        }
        if (r.status() == CaseStatus.CLOSED) {
            throw new BusinessException("INVALID_STATE", "本件已办结，不能再提交说明");
        }
        String text = required(explanation, "explanation", "情况说明", 2000);
        update(
                r,
                version,
                "explanation = ?, explained_by = ?, explained_at = ?",
                text,
                access.user().displayName(),
                ChinaTime.offsetNow());
        return step(r, "EXPLAIN", "承接机构提交情况说明", "FEEDBACK_EXPLAIN");
    }

    /** 已答复: the reply the resident reads with the query code. */
    @Transactional
    public ComplaintView reply(long id, String reply, Long version) {
        Row r = handled(id);
        if (!r.status().awaitingReply()) {
            throw new BusinessException("INVALID_STATE", "本件已" + r.status().label() + "，不能重复答复");
        }
        String text = required(reply, "reply", "答复内容", 1000);
        if (text.length() < 5) {
            throw BusinessException.field("reply", "答复内容：请至少写 5 个字");
        }
        update(
                r,
                version,
                "status = ?, reply = ?, replied_by = ?, replied_at = ?, assignee = COALESCE(assignee, ?)",
                CaseStatus.REPLIED.name(),
                text,
                access.user().displayName(),
                ChinaTime.offsetNow(),
                access.user().displayName());
        return step(r, "REPLY", "答复群众" + (r.overdue() ? "（已超过答复时限）" : ""), "FEEDBACK_REPLY");
    }

    /** 回访: how satisfied the resident is with the handling (1 非常不满意 … 5 非常满意). */
    @Transactional
    public ComplaintView followUp(long id, Integer satisfaction, String note, Long version) {
        Row r = handled(id);
        if (r.status() != CaseStatus.REPLIED) {
            throw new BusinessException(
                    "INVALID_STATE", "答复之后才能回访（本件现为" + r.status().label() + "）");
        }
        if (satisfaction == null || satisfaction < 1 || satisfaction > 5) {
            throw BusinessException.field("satisfaction", "回访满意度：请选择 1 到 5（5 为非常满意）");
        }
        String n = text(note, "note", "回访记录", 1000);
        update(
                r,
                version,
                "status = ?, followup_satisfaction = ?, followup_note = ?, followed_up_by = ?, followed_up_at = ?",
                CaseStatus.FOLLOWED_UP.name(),
                satisfaction,
                n,
                access.user().displayName(),
                ChinaTime.offsetNow());
        return step(r, "FOLLOW_UP", "回访：满意度 " + satisfaction + " 分" + (n == null ? "" : "。" + n), "FEEDBACK_FOLLOW_UP");
    }

    /** 已办结. A complaint that left a phone number is followed up first. */
    @Transactional
    public ComplaintView close(long id, String note, Long version) {
        Row r = handled(id);
        if (r.status() == CaseStatus.CLOSED) {
            throw new BusinessException("INVALID_STATE", "本件已办结");
        }
        if (r.status().awaitingReply()) {
            throw new BusinessException("INVALID_STATE", "请先答复群众再办结");
        }
        if (r.status() == CaseStatus.REPLIED && r.kind() == FeedbackKind.COMPLAINT && r.phone() != null) {
            throw new BusinessException("INVALID_STATE", "投诉件须先电话回访、记录群众对办理的满意度，再办结");
        }
        String n = text(note, "note", "办结说明", 1000);
        update(
                r,
                version,
                "status = ?, close_note = ?, closed_by = ?, closed_at = ?",
                CaseStatus.CLOSED.name(),
                n,
                access.user().displayName(),
                ChinaTime.offsetNow());
        return step(r, "CLOSE", "办结" + (n == null ? "" : "：" + n), "FEEDBACK_CLOSE");
    }

    /** A photo the resident attached (JPEG without metadata), for whoever may see the case. */
    @Transactional(readOnly = true)
    public StoredFile photo(long id, long photoId) {
        Row r = visible(id);
        String key = rows.photoKey(r.id(), photoId).orElseThrow(() -> new NotFoundException("照片"));
        try (InputStream in = files.open(key)) {
            return new StoredFile(in.readAllBytes(), "image/jpeg", r.receiptNo() + "-" + photoId + ".jpg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cases past their reply deadline in the caller's area (bureau, city, administrator; others none). */
    @Transactional(readOnly = true)
    public List<OverdueCase> overdue() {
        CurrentUser me = access.user();
        if (me.role() != Role.BUREAU_OFFICER && me.role() != Role.CITY_OFFICER && me.role() != Role.ADMIN) {
            return List.of();
        }
        LocalDate today = ChinaTime.today();
        return rows.list(access.scope(), me, new Filter(null, null, null, true)).stream()
                .map(r -> new OverdueCase(
                        r.id(),
                        r.receiptNo(),
                        r.kind(),
                        r.stationName(),
                        r.replyDueOn(),
                        ChronoUnit.DAYS.between(r.replyDueOn(), today)))
                .toList();
    }

    /** Cases per station, kind and month (of submission) in the caller's area; aggregates only. */
    @Transactional(readOnly = true)
    public List<ComplaintStats> stats(LocalDate from, LocalDate to) {
        Role role = access.user().role();
        if (role == Role.AGENCY_MANAGER || !role.managesOrgTree() && role != Role.EVALUATOR) {
            throw new ForbiddenException("统计只对民政局和第三方评估开放");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw BusinessException.field("from", "开始日期不能晚于结束日期");
        }
        return rows.stats(access.scope(), from, to);
    }

    // ------------------------------------------------------------------ helpers

    private Row visible(long id) {
        Row r = rows.find(id).orElseThrow(() -> new NotFoundException("反馈件"));
        if (access.accessTo(r).isEmpty()) {
            throw new NotFoundException("反馈件");
        }
        return r;
    }

    private Row handled(long id) {
        Row r = visible(id);
        if (access.accessTo(r).orElseThrow() != Access.HANDLER) {
            throw new ForbiddenException("只有社工站所属的区县民政局可以办理");
        }
        return r;
    }

    private void update(Row r, Long version, String set, Object... values) {
        if (version == null) {
            throw BusinessException.field("version", "缺少版本号（version），请刷新页面后重试");
        }
        if (version != r.version() || !rows.update(r.id(), version, set, values)) {
            throw new ConflictException("本件已被他人处理（版本已变化），请刷新后重试");
        }
    }

    private ComplaintView step(Row before, String logAction, String note, String auditAction) {
        rows.log(before.id(), access.user().displayName(), logAction, note);
        events.publishEvent(AuditEvent.success(
                auditAction,
                "FEEDBACK_CASE",
                before.id(),
                before.stationPath(),
                before.kind().label() + " " + before.receiptNo() + " · " + cut(note, 120)));
        Row after = rows.find(before.id()).orElseThrow();
        return view(after, access.accessTo(after).orElseThrow(), true);
    }

    private ComplaintView view(Row r, Access a, boolean full) {
        boolean handler = a == Access.HANDLER;
        boolean explainer = a == Access.EXPLAINER;
        String phone = handler ? r.phone() : CaseAccess.mask(r.phone());
        return new ComplaintView(
                r.id(),
                r.receiptNo(),
                r.kind(),
                r.stationId(),
                r.stationName(),
                r.content(),
                r.serviceNamed(),
                r.workerNamed(),
                phone,
                !handler && r.phone() != null,
                r.status(),
                r.submittedAt(),
                r.replyDueOn(),
                r.overdue(),
                r.assignee(),
                r.assignedAt(),
                r.explanationRequest(),
                r.explanationRequestedAt(),
                r.explanation(),
                r.explainedBy(),
                r.explainedAt(),
                r.reply(),
                r.repliedBy(),
                r.repliedAt(),
                r.followupSatisfaction(),
                explainer ? null : r.followupNote(),
                r.followedUpAt(),
                r.closeNote(),
                r.closedBy(),
                r.closedAt(),
                full ? rows.photoIds(r.id()) : List.of(),
                full && !explainer ? rows.logOf(r.id()) : List.of(),
                handler,
                explainer && r.status() != CaseStatus.CLOSED,
                r.version());
    }

    private static String text(String value, String field, String label, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw BusinessException.field(field, label + "：不超过 " + max + " 个字");
        }
        return v;
    }

    private static String required(String value, String field, String label, int max) {
        String v = text(value, field, label, max);
        if (v == null) {
            throw BusinessException.field(field, label + "：请填写");
        }
        return v;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
