package cn.sgz.feedback.internal;

import cn.sgz.evidence.StoredFile;
import cn.sgz.feedback.CaseStatus;
import cn.sgz.feedback.ComplaintService;
import cn.sgz.feedback.ComplaintService.Filter;
import cn.sgz.feedback.FeedbackKind;
import cn.sgz.feedback.SatisfactionResults;
import cn.sgz.org.CurrentUser;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.org.Role;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.web.FormSubmission;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The bureau's pages for residents' cases: list, one case with its handling steps, statistics, settings. */
@Controller
class ComplaintWebController {

    private final ComplaintService complaints;
    private final SatisfactionResults satisfaction;
    private final FeedbackSettings settings;
    private final OrgDirectory orgs;
    private final ScopeService scopes;

    ComplaintWebController(
            ComplaintService complaints,
            SatisfactionResults satisfaction,
            FeedbackSettings settings,
            OrgDirectory orgs,
            ScopeService scopes) {
        this.complaints = complaints;
        this.satisfaction = satisfaction;
        this.settings = settings;
        this.orgs = orgs;
        this.scopes = scopes;
    }

    @GetMapping("/complaints")
    String list(
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) FeedbackKind kind,
            @RequestParam(required = false) Long stationId,
            @RequestParam(defaultValue = "false") boolean overdue,
            Model model) {
        CurrentUser me = scopes.currentUser();
        model.addAttribute("cases", complaints.list(new Filter(status, kind, stationId, overdue)));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("kinds", FeedbackKind.values());
        model.addAttribute(
                "stations", me.role() == Role.AGENCY_MANAGER ? List.of() : orgs.visibleUnits(OrgUnitType.STATION));
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        model.addAttribute("stationId", stationId);
        model.addAttribute("overdue", overdue);
        model.addAttribute("isAgency", me.role() == Role.AGENCY_MANAGER);
        model.addAttribute("isBureau", me.role() == Role.BUREAU_OFFICER);
        model.addAttribute("seesStats", me.role().managesOrgTree() || me.role() == Role.EVALUATOR);
        return "feedback/list";
    }

    @GetMapping("/complaints/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("c", complaints.get(id));
        return "feedback/detail";
    }

    private String act(long id, Model model, HttpServletResponse response, Runnable action) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    action.run();
                    return "redirect:/complaints/" + id;
                },
                () -> detail(id, model));
    }

    @PostMapping("/complaints/{id}/assign")
    String assign(
            @PathVariable long id,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) Long version,
            Model model,
            HttpServletResponse response) {
        return act(id, model, response, () -> complaints.assign(id, assignee, note, version));
    }

    @PostMapping("/complaints/{id}/explanation-request")
    String requestExplanation(
            @PathVariable long id,
            @RequestParam(required = false) String request,
            @RequestParam(required = false) Long version,
            Model model,
            HttpServletResponse response) {
        return act(id, model, response, () -> complaints.requestExplanation(id, request, version));
    }

    @PostMapping("/complaints/{id}/explanation")
    String explain(
            @PathVariable long id,
            @RequestParam(required = false) String explanation,
            @RequestParam(required = false) Long version,
            Model model,
            HttpServletResponse response) {
        return act(id, model, response, () -> complaints.explain(id, explanation, version));
    }

    @PostMapping("/complaints/{id}/reply")
    String reply(
            @PathVariable long id,
            @RequestParam(required = false) String reply,
            @RequestParam(required = false) Long version,
            Model model,
            HttpServletResponse response) {
        return act(id, model, response, () -> complaints.reply(id, reply, version));
    }

    @PostMapping("/complaints/{id}/follow-up")
    String followUp(
            @PathVariable long id,
            @RequestParam(required = false) Integer satisfaction,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) Long version,
            Model model,
            HttpServletResponse response) {
        return act(id, model, response, () -> complaints.followUp(id, satisfaction, note, version));
    }

    @PostMapping("/complaints/{id}/close")
    String close(
            @PathVariable long id,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) Long version,
            Model model,
            HttpServletResponse response) {
        return act(id, model, response, () -> complaints.close(id, note, version));
    }

    @GetMapping("/complaints/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        StoredFile f = complaints.photo(id, photoId);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noStore())
                .body(f.bytes());
    }

    @GetMapping("/complaints/stats")
    String stats(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        LocalDate f = from == null ? ChinaTime.today().withDayOfYear(1) : from;
        LocalDate t = to == null ? ChinaTime.today() : to;
        List<OrgUnitView> stations = orgs.visibleUnits(OrgUnitType.STATION);
        model.addAttribute("rows", complaints.stats(f, t));
        model.addAttribute("stations", stations);
        model.addAttribute(
                "satisfaction",
                satisfaction.byStation(stations.stream().map(OrgUnitView::id).toList(), f, t));
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        return "feedback/stats";
    }

    private long ownBureau() {
        CurrentUser me = scopes.currentUser();
        if (me.role() != Role.BUREAU_OFFICER || me.orgUnitId() == null) {
            throw new ForbiddenException("只有区县民政局可以修改意见反馈设置");
        }
        return orgs.findVisible(me.orgUnitId())
                .filter(u -> u.type() == OrgUnitType.COUNTY_BUREAU)
                .map(OrgUnitView::id)
                .orElseThrow(() -> new ForbiddenException("只有区县民政局可以修改意见反馈设置"));
    }

    @GetMapping("/complaints/settings")
    String settingsPage(Model model) {
        model.addAttribute("s", settings.of(ownBureau()));
        return "feedback/settings";
    }

    @PostMapping("/complaints/settings")
    String saveSettings(
            @RequestParam(required = false) String hotline,
            @RequestParam(required = false) Integer replyWorkingDays,
            @RequestParam(required = false) String questions,
            @RequestParam(required = false) Long version,
            Model model,
            HttpServletResponse response) {
        long bureau = ownBureau();
        Supplier<String> redisplay = () -> {
            model.addAttribute(
                    "s",
                    new FeedbackSettings.Settings(
                            bureau,
                            hotline,
                            replyWorkingDays == null ? 0 : replyWorkingDays,
                            questions == null ? List.of() : List.of(questions.split("\n")),
                            version == null ? -1 : version));
            return "feedback/settings";
        };
        return FormSubmission.run(
                model,
                response,
                () -> {
                    settings.save(bureau, hotline, replyWorkingDays, questions, version);
                    return "redirect:/complaints/settings?saved";
                },
                redisplay);
    }
}
