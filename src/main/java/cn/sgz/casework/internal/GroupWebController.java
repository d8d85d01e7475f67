package cn.sgz.casework.internal;

import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.vocabulary.LedgerDomain;
import cn.sgz.shared.web.FormSubmission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 小组 and 社区服务 pages (/groups, /community-services): list, plan, unit plans, sessions, evaluation. */
@Controller
class GroupWebController {

    private static final List<LedgerDomain> DOMAINS = List.of(
            LedgerDomain.SOCIAL_ASSISTANCE,
            LedgerDomain.ELDERLY,
            LedgerDomain.CHILD,
            LedgerDomain.DISABLED,
            LedgerDomain.OTHER);

    private final GroupService groups;
    private final CaseworkAccess access;

    private final CaseworkTies ties;

    GroupWebController(GroupService groups, CaseworkAccess access, CaseworkTies ties) {
        this.ties = ties;
        this.groups = groups;
        this.access = access;
    }

    @GetMapping({"/groups", "/community-services"})
    String list(
            HttpServletRequest request,
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) GroupStage stage,
            @RequestParam(required = false) LedgerDomain domain,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        GroupKind kind = GroupApiController.kindOf(request);
        model.addAttribute("kind", kind);
        cn.sgz.shared.web.ListPage<GroupView> p = cn.sgz.shared.web.ListPage.of(
                filtered(groups.list(kind, stationId, stage), domain, from, to), page, 20);
        model.addAttribute("groups", p.items());
        model.addAttribute("listPage", p);
        model.addAttribute("domains", LedgerDomain.values());
        model.addAttribute("domain", domain);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("stations", access.stations());
        model.addAttribute("stages", GroupStage.values());
        model.addAttribute("stationId", stationId);
        model.addAttribute("stage", stage);
        model.addAttribute("canWrite", groups.canWrite());
        return "casework/groups";
    }

    @GetMapping({"/groups/new", "/community-services/new"})
    String newGroup(HttpServletRequest request, Model model) {
        GroupKind kind = GroupApiController.kindOf(request);
        return newForm(model, kind, access.ownStation(), null, null, CaseWebController.defaults(kind.planForm()));
    }

    private String newForm(
            Model model, GroupKind kind, Long stationId, String name, LedgerDomain domain, Map<String, String> values) {
        model.addAttribute("kind", kind);
        model.addAttribute("stations", access.stations());
        model.addAttribute("stationId", stationId);
        model.addAttribute("name", name);
        model.addAttribute("domains", DOMAINS);
        model.addAttribute("domain", domain);
        model.addAttribute("specs", kind.planForm().fields());
        model.addAttribute("values", values);
        return "casework/group-new";
    }

    @PostMapping({"/groups", "/community-services"})
    String create(
            HttpServletRequest request,
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) LedgerDomain domain,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        GroupKind kind = GroupApiController.kindOf(request);
        Map<String, String> plan = FormParams.fields(request);
        return FormSubmission.run(
                model,
                response,
                () -> {
                    GroupView g = groups.create(kind, new CaseworkInputs.NewGroup(stationId, name, domain, plan));
                    flash.addFlashAttribute(
                            "notice",
                            "已建立" + kind.label() + "（" + g.code() + "）。"
                                    + (kind.unitPlans() ? "下一步：填写第1节的单元计划书。" : "下一步：开展活动并记录。"));
                    return "redirect:" + g.href();
                },
                () -> newForm(model, kind, stationId, name, domain, plan));
    }

    @GetMapping({"/groups/{id}", "/community-services/{id}"})
    String detail(HttpServletRequest request, @PathVariable long id, Model model) {
        GroupDetail d = groups.detail(GroupApiController.kindOf(request), id);
        model.addAttribute("d", d);
        model.addAttribute("g", d.g());
        model.addAttribute("kind", d.g().kind());
        model.addAttribute(
                "tie", ties.tie("cw_group", d.g().id(), d.g().stationId(), d.g().projectId(), d.g().openedOn()));
        return "casework/group";
    }

    /** The plan or the evaluation report. */
    @GetMapping({"/groups/{id}/forms/{type}", "/community-services/{id}/forms/{type}"})
    String form(HttpServletRequest request, @PathVariable long id, @PathVariable FormType type, Model model) {
        GroupDetail d = groups.detail(GroupApiController.kindOf(request), id);
        var existing = type == d.g().kind().planForm() ? d.plan() : d.evaluation();
        return formPage(
                model,
                d,
                type,
                0,
                existing.map(CaseWebController::withVersion).orElseGet(() -> CaseWebController.defaults(type)));
    }

    @GetMapping("/groups/{id}/units/{seq}")
    String unit(@PathVariable long id, @PathVariable int seq, Model model) {
        GroupDetail d = groups.detail(GroupKind.GROUP, id);
        return formPage(
                model,
                d,
                FormType.UNIT_PLAN,
                seq,
                d.units().stream()
                        .filter(u -> u.seq() == seq)
                        .findFirst()
                        .map(CaseWebController::withVersion)
                        .orElseGet(LinkedHashMap::new));
    }

    private String formPage(Model model, GroupDetail d, FormType type, int seq, Map<String, String> values) {
        GroupView g = d.g();
        if (!type.belongsTo(g.kind().name()) || type.sessionForm()) {
            throw new NotFoundException("表单");
        }
        model.addAttribute("type", type);
        model.addAttribute("seq", seq);
        model.addAttribute("specs", type.fields());
        model.addAttribute("values", values);
        model.addAttribute(
                "action", type == FormType.UNIT_PLAN ? g.href() + "/units/" + seq : g.href() + "/forms/" + type.name());
        model.addAttribute("back", g.href());
        model.addAttribute("heading", g.code() + " " + g.name());
        model.addAttribute("title", seq > 0 ? type.documentName() + "（第" + seq + "节）" : type.documentName());
        model.addAttribute("readOnlyReason", d.canWrite() ? null : "您可以查看本表，不能修改。");
        return "casework/form";
    }

    @PostMapping({"/groups/{id}/forms/{type}", "/community-services/{id}/forms/{type}"})
    String saveForm(
            HttpServletRequest request,
            @PathVariable long id,
            @PathVariable FormType type,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        GroupKind kind = GroupApiController.kindOf(request);
        Map<String, String> values = FormParams.fields(request);
        return FormSubmission.run(
                model,
                response,
                () -> CaseWebController.conflictRedisplay(
                        model,
                        response,
                        () -> {
                            groups.saveForm(kind, id, type, 0, values);
                            flash.addFlashAttribute("notice", "已保存" + type.documentName() + "。");
                            return "redirect:/" + kind.path() + "/" + id;
                        },
                        () -> formPage(model, groups.detail(kind, id), type, 0, values)),
                () -> formPage(model, groups.detail(kind, id), type, 0, values));
    }

    @PostMapping("/groups/{id}/units/{seq}")
    String saveUnit(
            HttpServletRequest request,
            @PathVariable long id,
            @PathVariable int seq,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        Map<String, String> values = FormParams.fields(request);
        return FormSubmission.run(
                model,
                response,
                () -> CaseWebController.conflictRedisplay(
                        model,
                        response,
                        () -> {
                            groups.saveForm(GroupKind.GROUP, id, FormType.UNIT_PLAN, seq, values);
                            flash.addFlashAttribute("notice", "已保存第" + seq + "节的单元计划书。");
                            return "redirect:/groups/" + id;
                        },
                        () -> formPage(model, groups.detail(GroupKind.GROUP, id), FormType.UNIT_PLAN, seq, values)),
                () -> formPage(model, groups.detail(GroupKind.GROUP, id), FormType.UNIT_PLAN, seq, values));
    }

    /** A person picked for the sign-in sheet, as the picker's chip shows them. */
    record PickedAttendee(long id, String name) {}

    @GetMapping({"/groups/{id}/sessions/new", "/community-services/{id}/sessions/new"})
    String newSession(
            HttpServletRequest request,
            @PathVariable long id,
            @RequestParam(required = false) Integer unit,
            Model model) {
        GroupDetail d = groups.detail(GroupApiController.kindOf(request), id);
        return sessionPage(
                model,
                d,
                Map.of(),
                new CaseWebController.SessionInput(ChinaTime.today(), null, null, null, unit, null));
    }

    private String sessionPage(
            Model model, GroupDetail d, Map<String, String> values, CaseWebController.SessionInput in) {
        GroupView g = d.g();
        model.addAttribute("heading", g.code() + " " + g.name());
        model.addAttribute("specs", FormType.GROUP_PROCESS.fields());
        model.addAttribute("values", values);
        model.addAttribute("si", in);
        model.addAttribute("action", g.href() + "/sessions");
        model.addAttribute("back", g.href());
        model.addAttribute("gathering", true);
        model.addAttribute("units", g.kind().unitPlans() ? d.openUnits() : List.of());
        model.addAttribute("unitPlans", g.kind().unitPlans());
        model.addAttribute("minAttendees", g.minAttendees());
        model.addAttribute("nextNumber", d.sessions().size() + 1);
        model.addAttribute("kindLabel", g.kind().label());
        model.addAttribute("stationId", g.stationId());
        // on a redisplay the picked people come back as chips, the typed lines stay in the text box
        List<PickedAttendee> chips = new java.util.ArrayList<>();
        StringBuilder typed = new StringBuilder();
        for (String line :
                in.attendance() == null ? new String[0] : in.attendance().split("\\R")) {
            java.util.regex.Matcher m = SessionRecords.PICKED.matcher(line.strip());
            if (m.matches()) {
                chips.add(new PickedAttendee(
                        Long.parseLong(m.group(2)), m.group(1).strip()));
            } else if (!line.isBlank()) {
                typed.append(typed.isEmpty() ? "" : "\n").append(line.strip());
            }
        }
        model.addAttribute("pickedAttendees", chips);
        model.addAttribute(
                "si",
                new CaseWebController.SessionInput(
                        in.serviceDate(), in.startTime(), in.endTime(), in.place(), in.unitSeq(), typed.toString()));
        return "casework/session-form";
    }

    @PostMapping({"/groups/{id}/sessions", "/community-services/{id}/sessions"})
    String addSession(
            HttpServletRequest request,
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate serviceDate,
            @RequestParam(required = false) String startTime,
            @RequestParam(required = false) String endTime,
            @RequestParam(required = false) String place,
            @RequestParam(required = false) Integer unitSeq,
            @RequestParam(name = "attendance", required = false) String typedAttendance,
            @RequestParam(required = false) List<String> picked,
            @RequestParam(required = false) MultipartFile photo,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        GroupKind kind = GroupApiController.kindOf(request);
        // people picked from the ledgers travel as "姓名 #台账编号" lines before the typed ones
        String attendance = picked == null || picked.isEmpty()
                ? typedAttendance
                : String.join("\n", picked)
                        + (typedAttendance == null || typedAttendance.isBlank() ? "" : "\n" + typedAttendance);
        Map<String, String> fields = FormParams.fields(request);
        CaseWebController.SessionInput in =
                new CaseWebController.SessionInput(serviceDate, startTime, endTime, place, unitSeq, attendance);
        return FormSubmission.run(
                model,
                response,
                () -> {
                    SessionView s = groups.addSession(
                            kind,
                            id,
                            new CaseworkInputs.NewSession(
                                    serviceDate, startTime, endTime, place, unitSeq, fields, attendance),
                            FormParams.photo(photo));
                    flash.addFlashAttribute(
                            "notice",
                            s.counts()
                                    ? "已记录，计入第" + s.number() + "节。"
                                    : "已记录活动（服务记录 #" + s.recordId() + "），不计入：" + s.reason() + "。");
                    return "redirect:/" + kind.path() + "/" + id + "#sessions";
                },
                () -> sessionPage(model, groups.detail(kind, id), fields, in));
    }

    /** The groups of this 服务领域 opened within [from, to]; the page and the API filter alike. */
    static List<GroupView> filtered(List<GroupView> all, LedgerDomain domain, LocalDate from, LocalDate to) {
        return cn.sgz.shared.web.ListPage.between(
                all.stream().filter(g -> domain == null || g.domain() == domain).toList(),
                GroupView::openedOn,
                from,
                to);
    }
}
