package cn.sgz.portal.internal;

import cn.sgz.org.CurrentUser;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.ScopeService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: one per role, each showing that role's area and what to do next. */
@Controller
class HomeController {

    private final ScopeService scopes;
    private final OrgDirectory directory;
    private final ProgressAlerts alerts;
    private final cn.sgz.recipient.FollowUpReminders reminders;
    private final cn.sgz.casework.CaseworkOversight casework;
    private final cn.sgz.feedback.ComplaintService complaints;
    private final cn.sgz.reporting.ReportService reports;
    private final cn.sgz.evaluation.RectificationBoard rectifications;
    private final TodoService todo;
    private final cn.sgz.evidence.EvidenceService evidence;

    HomeController(
            ScopeService scopes,
            OrgDirectory directory,
            ProgressAlerts alerts,
            cn.sgz.recipient.FollowUpReminders reminders,
            cn.sgz.casework.CaseworkOversight casework,
            cn.sgz.feedback.ComplaintService complaints,
            cn.sgz.reporting.ReportService reports,
            cn.sgz.evaluation.RectificationBoard rectifications,
            TodoService todo,
            cn.sgz.evidence.EvidenceService evidence) {
        this.evidence = evidence;
        this.rectifications = rectifications;
        this.todo = todo;
        this.scopes = scopes;
        this.directory = directory;
        this.alerts = alerts;
        this.reminders = reminders;
        this.casework = casework;
        this.complaints = complaints;
        this.reports = reports;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser me = scopes.currentUser();
        model.addAttribute("counts", directory.countVisibleByType());
        model.addAttribute("staff", directory.countVisibleStaff());
        model.addAttribute("stations", directory.visibleUnits(OrgUnitType.STATION));
        model.addAttribute(
                "ownUnit",
                me.orgUnitId() == null
                        ? null
                        : directory.findVisible(me.orgUnitId()).orElse(null));
        model.addAttribute("types", java.util.List.of(OrgUnitType.values()));
        ProgressAlerts.Alerts current = alerts.current();
        model.addAttribute("alerts", current.shown());
        model.addAttribute("alertsSnapshot", current.snapshot());
        // station work: one to-do list in priority order replaces the separate follow-up, report and 整改 lists
        boolean hasTodo = todo.applies();
        model.addAttribute("hasTodo", hasTodo);
        if (hasTodo) {
            model.addAttribute("todo", todo.current(TodoService.LINES));
        }
        if (!hasTodo) {
            // a count and the first 8 names: a city's roster holds tens of thousands of people
            cn.sgz.recipient.FollowUpReminders.Overdue overdue = reminders.overdue(8);
            model.addAttribute("overdue", overdue.first());
            model.addAttribute("overdueTotal", overdue.total());
            // overdue reports for those who owe them and the bureau; reports waiting for this user's step
            model.addAttribute("reports", reports.attention());
            // 整改 items raised by evaluators: the bureau and evaluators follow them up
            model.addAttribute("rectifications", rectifications.openItems());
        }
        if (me.role() != cn.sgz.org.Role.SOCIAL_WORKER) {
            // closures wait for the station head; stalled cases are what a supervisor asks about first
            model.addAttribute("casework", casework.overview(null, null));
        }
        // 重复照片申诉 waiting for the county bureau's decision (待裁定), in its scope
        model.addAttribute(
                "photoContests",
                evidence.decidesContests()
                        ? evidence.contests(cn.sgz.evidence.ContestStatus.PENDING, 200)
                        : java.util.List.of());
        // residents' cases past their reply deadline (bureau, city, administrator; empty for others)
        model.addAttribute("overdueComplaints", complaints.overdue());
        return "portal/home";
    }
}
