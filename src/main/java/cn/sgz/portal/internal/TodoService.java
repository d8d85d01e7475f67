package cn.sgz.portal.internal;

import cn.sgz.activity.RecordFilter;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.casework.CaseworkTodo;
import cn.sgz.evaluation.RectificationBoard;
import cn.sgz.evidence.EvidenceService;
import cn.sgz.evidence.Qualification;
import cn.sgz.evidence.QualificationStatus;
import cn.sgz.evidence.ReasonCode;
import cn.sgz.org.CurrentUser;
import cn.sgz.org.Role;
import cn.sgz.org.ScopeService;
import cn.sgz.portal.TodoList;
import cn.sgz.portal.TodoList.Group;
import cn.sgz.portal.TodoList.Item;
import cn.sgz.recipient.AssessmentReminders;
import cn.sgz.recipient.DueEntry;
import cn.sgz.recipient.DueStatus;
import cn.sgz.recipient.FollowUpReminders;
import cn.sgz.reporting.ReportService;
import cn.sgz.reporting.ReportView;
import cn.sgz.shared.ChinaTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Builds a station worker's to-do list from the modules that know the work (see {@link TodoList}). Every source
 * answers inside the user's scope; a social worker sees the records they wrote and the cases and groups they run,
 * everyone else in station work sees their stations'.
 */
@Service
class TodoService {

    /** Lines shown per group on the home page; the group's total and its "all" page say the rest. */
    static final int LINES = 6;

    private final ScopeService scopes;
    private final FollowUpReminders followUps;
    private final AssessmentReminders assessments;
    private final ServiceRecordService records;
    private final CaseworkTodo casework;
    private final ReportService reports;
    private final RectificationBoard rectifications;
    private final EvidenceService evidence;

    TodoService(
            ScopeService scopes,
            FollowUpReminders followUps,
            AssessmentReminders assessments,
            ServiceRecordService records,
            CaseworkTodo casework,
            ReportService reports,
            RectificationBoard rectifications,
            EvidenceService evidence) {
        this.scopes = scopes;
        this.followUps = followUps;
        this.assessments = assessments;
        this.records = records;
        this.casework = casework;
        this.reports = reports;
        this.rectifications = rectifications;
        this.evidence = evidence;
    }

    /** Whether the user has a to-do list (roles that do station work). */
    boolean applies() {
        return scopes.currentUser().role().doesStationWork();
    }

    TodoList current(int lines) {
        if (!applies()) {
            return new TodoList(List.of(), 0);
        }
        List<Group> groups = new ArrayList<>();
        add(groups, followUps(lines));
        add(groups, assessments(lines));
        add(groups, records(lines));
        add(groups, sessions(lines));
        add(groups, reports(lines));
        add(groups, rectifications(lines));
        return new TodoList(groups, groups.stream().mapToLong(Group::total).sum());
    }

    private static void add(List<Group> groups, Group g) {
        if (g.total() > 0) {
            groups.add(g);
        }
    }

    private Group followUps(int lines) {
        List<DueEntry> open = followUps.open();
        List<Item> items = open.stream()
                .limit(lines)
                .map(e -> new Item(
                        e.status() == DueStatus.OVERDUE ? "已逾期" : "本期待回访",
                        e.status() == DueStatus.OVERDUE ? "bad" : "warn",
                        e.name() + " · " + e.orgUnitName(),
                        (e.riskLevel() == null ? "" : "风险" + e.riskLevel().label() + " · ")
                                + e.frequency().label() + " · 本期至 " + e.periodEnd()
                                + (e.lastFollowedOn() == null ? " · 从未回访" : " · 上次 " + e.lastFollowedOn()),
                        "/followups/record/" + e.recipientId(),
                        "记录回访"))
                .toList();
        return new Group("FOLLOW_UPS", "回访", open.size(), items, "/followups/due");
    }

    private Group assessments(int lines) {
        AssessmentReminders.OwedList owed = assessments.owed(lines);
        List<Item> items = owed.people().stream()
                .map(p -> new Item(
                        p.lastAssessedOn() == null ? "未评估" : "需再评估",
                        "warn",
                        p.name() + " · " + p.orgUnitName(),
                        p.lastAssessedOn() == null
                                ? "台账在册，尚无入户需求评估"
                                : "上次评估 " + p.lastAssessedOn() + "，本期（" + p.periodStart() + " 起）尚未评估",
                        "/recipients/" + p.recipientId() + "/assessments/new",
                        "入户评估"))
                .toList();
        return new Group("ASSESSMENTS", "入户评估", owed.total(), items, "/needs");
    }

    private Group records(int lines) {
        CurrentUser me = scopes.currentUser();
        boolean mine = me.role() == Role.SOCIAL_WORKER;
        LocalDate from = ChinaTime.today().minusYears(1);
        RecordFilter filter =
                new RecordFilter(null, null, from, null, mine, null, QualificationStatus.EXCLUDED, false, lines, 0);
        List<ServiceRecordView> excluded = records.list(filter);
        long total = records.totals(filter).total();
        // a record held back only by photos whose duplicate finding is contested waits for the bureau: the worker
        // has done what they can, so it is shown as 申诉中, not as something to fix
        Set<Long> contested = evidence.pendingContests(excluded.stream()
                .flatMap(r -> r.reasons().stream())
                .filter(reason -> reason.code() == ReasonCode.DUPLICATE_PHOTO)
                .map(Qualification.Reason::photoId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        List<Item> items = excluded.stream().map(r -> recordItem(r, contested)).toList();
        return new Group(
                "RECORDS",
                "不计入的服务记录",
                total,
                items,
                "/records?qualification=EXCLUDED&from=" + from + (mine ? "&mine=true" : ""));
    }

    static Item recordItem(ServiceRecordView r, Set<Long> contestedPhotos) {
        if (!r.reasons().isEmpty()
                && r.reasons().stream()
                        .allMatch(
                                x -> x.code() == ReasonCode.DUPLICATE_PHOTO && contestedPhotos.contains(x.photoId()))) {
            return new Item(
                    "申诉中",
                    "warn",
                    r.serviceDate() + " " + r.title(),
                    "重复照片认定已申诉，待区县民政局裁定；裁定维持申诉后自动计入",
                    "/records/" + r.id() + "#photos",
                    "查看申诉");
        }
        Qualification.Reason first = r.reasons().isEmpty() ? null : r.reasons().get(0);
        String[] fix = fix(r.id(), first);
        String detail = first == null
                ? "尚未判定"
                : first.label()
                        + (r.reasons().size() > 1 ? "（另有 " + (r.reasons().size() - 1) + " 项）" : "");
        return new Item("不计入", "bad", r.serviceDate() + " " + r.title(), detail, fix[0], fix[1]);
    }

    /** Where the first reason is fixed and what the button says. */
    static String[] fix(long id, Qualification.Reason reason) {
        String page = "/records/" + id;
        if (reason == null) {
            return new String[] {page, "查看"};
        }
        return switch (reason.code()) {
            case NO_PHOTO -> new String[] {page + "/camera", "拍照补证"};
            case PHOTO_NO_TIME, PHOTO_NO_PLACE, PHOTO_DATE_MISMATCH, PHOTO_TOO_FAR, DUPLICATE_PHOTO ->
                new String[] {page + "#photos", "更换照片"};
            case NO_SIGN_IN, ATTENDEE_PHONE_INVALID, BELOW_MIN_ATTENDEES -> new String[] {page + "#sign-ins", "补签到表"};
            case NO_RECEIPT -> new String[] {page + "#receipts", "补领取单据"};
            case NO_SCREENSHOT -> new String[] {page + "#photos", "上传截图"};
            case NO_PUBLICITY_LINK -> new String[] {page + "/edit", "填发布链接"};
            case SPOT_CHECK_FAILED -> new String[] {page, "查看抽查说明"};
        };
    }

    private Group sessions(int lines) {
        List<CaseworkTodo.SessionDue> due = casework.due();
        List<Item> items = due.stream()
                .limit(lines)
                .map(s -> new Item(
                        s.overdue() ? "已逾期" : "待开展",
                        s.overdue() ? "bad" : "warn",
                        s.kind() + " · " + s.title(),
                        s.detail(),
                        s.href(),
                        "记录服务"))
                .toList();
        return new Group("SESSIONS", "个案与小组服务", due.size(), items, "/cases");
    }

    private Group reports(int lines) {
        List<Item> items = new ArrayList<>();
        ReportService.ReportAttention attention = reports.attention();
        for (ReportView r : attention.overdue()) {
            items.add(new Item(
                    "逾期未报",
                    "bad",
                    r.title(),
                    "截止 " + r.dueOn() + " · " + r.statusLabel(),
                    r.id() == null ? "/reports?projectId=" + r.projectId() : "/reports/" + r.id(),
                    "填写报告"));
        }
        for (ReportView r : attention.waiting()) {
            items.add(new Item(r.statusLabel(), "warn", r.title(), "等待您处理", "/reports/" + r.id(), "处理"));
        }
        return new Group(
                "REPORTS", "报告报送", items.size(), items.stream().limit(lines).toList(), "/reports");
    }

    private Group rectifications(int lines) {
        List<Item> items = new ArrayList<>();
        for (RectificationBoard.OpenItem x : rectifications.openItems()) {
            items.add(new Item(
                    x.overdue() ? "整改逾期" : "待整改",
                    x.overdue() ? "bad" : "warn",
                    x.stationName() + " · " + x.title(),
                    "期限 " + x.deadline() + " · " + x.statusLabel(),
                    x.link(),
                    "去整改"));
        }
        return new Group(
                "RECTIFICATIONS",
                "未完成的整改事项",
                items.size(),
                items.stream().limit(lines).toList(),
                "/rectifications");
    }
}
