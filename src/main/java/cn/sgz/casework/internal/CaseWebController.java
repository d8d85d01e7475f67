package cn.sgz.casework.internal;

import cn.sgz.activity.RecipientPicker;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.org.OrgUnitView;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.vocabulary.LedgerDomain;
import cn.sgz.shared.web.FormSubmission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Base64;
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

/** 个案 pages: list, opening a case, the case file with its steps, each form, sessions and decisions. */
@Controller
class CaseWebController {

    private final CaseService cases;
    private final CaseDecisions decisions;
    private final CaseworkAccess access;
    private final ServiceRecordService records;

    private final CaseworkTies ties;

    CaseWebController(
            CaseService cases,
            CaseDecisions decisions,
            CaseworkAccess access,
            ServiceRecordService records,
            CaseworkTies ties) {
        this.ties = ties;
        this.cases = cases;
        this.decisions = decisions;
        this.access = access;
        this.records = records;
    }

    @GetMapping("/cases")
    String list(
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) CaseStage stage,
            @RequestParam(required = false) Boolean mine,
            @RequestParam(required = false) LedgerDomain domain,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        // filtered by 服务领域 and by the date the case was opened (接案日期), 20 cards a page
        cn.sgz.shared.web.ListPage<CaseView> p = cn.sgz.shared.web.ListPage.of(
                filtered(cases.list(stationId, stage, Boolean.TRUE.equals(mine)), domain, from, to), page, 20);
        model.addAttribute("cases", p.items());
        model.addAttribute("listPage", p);
        model.addAttribute("domains", LedgerDomain.values());
        model.addAttribute("domain", domain);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("stations", access.stations());
        model.addAttribute("stages", CaseStage.values());
        model.addAttribute("stationId", stationId);
        model.addAttribute("stage", stage);
        model.addAttribute("mine", mine);
        model.addAttribute("canWrite", cases.canWrite());
        return "casework/cases";
    }

    @GetMapping("/cases/new")
    String newCase(
            @RequestParam(required = false) Long stationId, @RequestParam(required = false) String q, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("intakeDate", ChinaTime.today().toString());
        return newForm(model, stationId, q, null, null, null, values);
    }

    private String newForm(
            Model model,
            Long stationId,
            String q,
            Long recipientId,
            LedgerDomain domain,
            String title,
            Map<String, String> values) {
        Long station = stationId != null ? stationId : access.ownStation();
        List<OrgUnitView> stations = access.stations();
        if (station == null && !stations.isEmpty()) {
            station = stations.get(0).id();
        }
        // the picker searches as the worker types; a person already chosen (a form sent back) shows as a chip
        List<RecipientPicker.RecipientOption> picked = recipientId == null
                ? List.of()
                : records.pickedRecipient(recipientId).stream().toList();
        model.addAttribute("stations", stations);
        model.addAttribute("stationId", station);
        model.addAttribute("picked", picked);
        model.addAttribute("recipientId", recipientId);
        model.addAttribute(
                "domains",
                List.of(
                        LedgerDomain.SOCIAL_ASSISTANCE,
                        LedgerDomain.ELDERLY,
                        LedgerDomain.CHILD,
                        LedgerDomain.DISABLED,
                        LedgerDomain.OTHER));
        model.addAttribute("domain", domain);
        model.addAttribute("title", title);
        model.addAttribute("specs", FormType.INTAKE.fields());
        model.addAttribute("values", values);
        return "casework/case-new";
    }

    @PostMapping("/cases")
    String create(
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) Long recipientId,
            @RequestParam(required = false) LedgerDomain domain,
            @RequestParam(required = false) String title,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        Map<String, String> intake = FormParams.fields(request);
        return FormSubmission.run(
                model,
                response,
                () -> {
                    CaseView c =
                            cases.create(new CaseworkInputs.NewCase(stationId, recipientId, domain, title, intake));
                    flash.addFlashAttribute("notice", "已接案（" + c.code() + "）。下一步：填写预估表。");
                    return "redirect:/cases/" + c.id();
                },
                () -> newForm(model, stationId, null, recipientId, domain, title, intake));
    }

    @GetMapping("/cases/{id}")
    String detail(@PathVariable long id, Model model) {
        CaseDetail d = cases.detail(id);
        model.addAttribute("d", d);
        model.addAttribute("c", d.c());
        model.addAttribute(
                "tie", ties.tie("cw_case", d.c().id(), d.c().stationId(), d.c().projectId(), d.c().openedOn()));
        model.addAttribute("steps", FormType.CASE_FILE);
        model.addAttribute(
                "referralStatuses", List.of(ReferralStatus.ACCEPTED, ReferralStatus.RESOLVED, ReferralStatus.DECLINED));
        model.addAttribute("today", ChinaTime.today());
        return "casework/case";
    }

    @GetMapping("/cases/{id}/forms/{type}")
    String form(@PathVariable long id, @PathVariable FormType type, Model model) {
        CaseDetail d = cases.detail(id);
        Map<String, String> values =
                d.form(type).map(CaseWebController::withVersion).orElseGet(() -> defaults(type));
        return formPage(model, d, type, values);
    }

    private String formPage(Model model, CaseDetail d, FormType type, Map<String, String> values) {
        if (!type.belongsTo(CaseService.OWNER) || type.sessionForm()) {
            throw new cn.sgz.shared.NotFoundException("表单");
        }
        model.addAttribute("d", d);
        model.addAttribute("c", d.c());
        model.addAttribute("type", type);
        model.addAttribute("specs", type.fields());
        model.addAttribute("values", values);
        model.addAttribute("action", "/cases/" + d.c().id() + "/forms/" + type.name());
        model.addAttribute("back", "/cases/" + d.c().id());
        model.addAttribute("heading", d.c().code() + " " + d.c().title());
        // A closing or closed file is frozen, and a reader may not write: show the saved form as text instead of
        // fields that would only end in a 409 or 403 and lose what was typed.
        model.addAttribute(
                "readOnlyReason",
                !d.canWrite()
                        ? "您可以查看本表，不能修改。"
                        : d.c().stage().frozen()
                                ? (d.c().stage() == CaseStage.CLOSING
                                        ? "结案申请待站长审批，档案暂不能修改；站长退回后可继续修改。"
                                        : "个案已结案，档案只读；如需补充，请在个案页填写原因后重新开案。")
                                : null);
        return "casework/form";
    }

    @PostMapping("/cases/{id}/forms/{type}")
    String saveForm(
            @PathVariable long id,
            @PathVariable FormType type,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        Map<String, String> values = FormParams.fields(request);
        return FormSubmission.run(
                model,
                response,
                () -> conflictRedisplay(
                        model,
                        response,
                        () -> {
                            cases.saveForm(id, type, values);
                            flash.addFlashAttribute(
                                    "notice",
                                    type == FormType.CLOSURE ? "已提交结案申请，等待站长审批。" : "已保存" + type.documentName() + "。");
                            return "redirect:/cases/" + id
                                    + (type == FormType.AGREEMENT ? "/forms/AGREEMENT#signature" : "");
                        },
                        () -> formPage(model, cases.detail(id), type, values)),
                () -> formPage(model, cases.detail(id), type, values));
    }

    /** The signed page (a photo) or the on-screen signature (canvas PNG as a data URL). */
    @PostMapping("/cases/{id}/agreement/signature")
    String signature(
            @PathVariable long id,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String signatureData,
            RedirectAttributes flash) {
        CaseworkInputs.PhotoFile photo = FormParams.photo(file);
        boolean onScreen = photo == null && signatureData != null && signatureData.startsWith("data:image/png;base64,");
        if (onScreen) {
            byte[] png = Base64.getDecoder().decode(signatureData.substring("data:image/png;base64,".length()));
            photo = new CaseworkInputs.PhotoFile("signature.png", png.length, new java.io.ByteArrayInputStream(png));
        }
        try {
            cases.addAgreementSignature(id, photo, onScreen);
            flash.addFlashAttribute("notice", onScreen ? "已保存现场签名。" : "已上传签字页。");
        } catch (BusinessException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/" + id + "/forms/AGREEMENT#signature";
    }

    @GetMapping("/cases/{id}/sessions/new")
    String newSession(@PathVariable long id, Model model) {
        return sessionPage(model, cases.detail(id), Map.of(), null);
    }

    private String sessionPage(Model model, CaseDetail d, Map<String, String> values, SessionInput in) {
        model.addAttribute("c", d.c());
        model.addAttribute("heading", d.c().code() + " " + d.c().title());
        model.addAttribute("specs", FormType.CASE_PROCESS.fields());
        model.addAttribute("values", values);
        model.addAttribute("si", in == null ? SessionInput.today() : in);
        model.addAttribute("action", "/cases/" + d.c().id() + "/sessions");
        model.addAttribute("back", "/cases/" + d.c().id());
        model.addAttribute("gathering", false);
        model.addAttribute("units", List.of());
        model.addAttribute("nextNumber", d.sessions().size() + 1);
        model.addAttribute("kindLabel", "个案服务");
        return "casework/session-form";
    }

    /** What the session form keeps when it is shown again with errors. */
    record SessionInput(
            LocalDate serviceDate, String startTime, String endTime, String place, Integer unitSeq, String attendance) {
        static SessionInput today() {
            return new SessionInput(ChinaTime.today(), null, null, null, null, null);
        }
    }

    @PostMapping("/cases/{id}/sessions")
    String addSession(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate serviceDate,
            @RequestParam(required = false) String startTime,
            @RequestParam(required = false) String endTime,
            @RequestParam(required = false) String place,
            @RequestParam(required = false) MultipartFile photo,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        Map<String, String> fields = FormParams.fields(request);
        SessionInput in = new SessionInput(serviceDate, startTime, endTime, place, null, null);
        return FormSubmission.run(
                model,
                response,
                () -> {
                    SessionView s = cases.addSession(
                            id,
                            new CaseworkInputs.NewSession(serviceDate, startTime, endTime, place, null, fields, null),
                            FormParams.photo(photo));
                    flash.addFlashAttribute(
                            "notice",
                            s.counts()
                                    ? "已记录，计入第" + s.number() + "节。"
                                    : "已记录服务（服务记录 #" + s.recordId() + "），暂不计入：" + s.reason() + "。请在服务记录中补充照片。");
                    return "redirect:/cases/" + id + "#sessions";
                },
                () -> sessionPage(model, cases.detail(id), fields, in));
    }

    @PostMapping("/cases/{id}/closure/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes flash) {
        return act(id, flash, () -> decisions.approveClosure(id, note), "已批准结案。");
    }

    @PostMapping("/cases/{id}/closure/return")
    String returnClosure(
            @PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return act(id, flash, () -> decisions.returnClosure(id, reason), "已退回结案申请。");
    }

    @PostMapping("/cases/{id}/reopen")
    String reopen(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return act(id, flash, () -> decisions.reopen(id, reason), "已重新开案，可继续记录服务。");
    }

    @PostMapping("/cases/{id}/referrals")
    String refer(
            @PathVariable long id,
            @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String resource,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String contact,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate referredOn,
            RedirectAttributes flash) {
        return act(
                id,
                flash,
                () -> decisions.refer(
                        id, new CaseworkInputs.NewReferral(organisation, resource, reason, contact, referredOn)),
                "已登记转介，请及时跟进。");
    }

    @PostMapping("/cases/{id}/referrals/{referralId}/follow-up")
    String followUp(
            @PathVariable long id,
            @PathVariable long referralId,
            @RequestParam(required = false) ReferralStatus status,
            @RequestParam(required = false) String note,
            RedirectAttributes flash) {
        return act(
                id,
                flash,
                () -> decisions.followUp(id, referralId, new CaseworkInputs.ReferralFollowUp(status, note)),
                "已记录转介跟进。");
    }

    private static String act(long id, RedirectAttributes flash, Runnable action, String done) {
        try {
            action.run();
            flash.addFlashAttribute("notice", done);
        } catch (BusinessException | ConflictException | cn.sgz.shared.ForbiddenException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/" + id;
    }

    /** Sensible starting values: today's date on date fields, the usual duties in an agreement. */
    static Map<String, String> defaults(FormType type) {
        Map<String, String> v = new LinkedHashMap<>();
        type.fields().stream()
                .filter(f -> f.kind() == cn.sgz.casework.internal.FieldSpec.Kind.DATE && !"plannedDate".equals(f.key()))
                .forEach(f -> v.put(f.key(), ChinaTime.today().toString()));
        if (type == FormType.AGREEMENT) {
            v.put("duties", "社工按约定时间提供服务，尊重案主意愿；案主如实提供信息，按约定参与服务。任何一方可提出调整或终止服务。");
            v.put("confidentiality", "社工对案主信息保密；涉及案主或他人人身安全、违法犯罪等情形除外，并依法报告。");
        }
        return v;
    }

    /** A saved form's values plus the version it was read at, sent back by the page as the hidden f.version. */
    static Map<String, String> withVersion(cn.sgz.casework.internal.FormView f) {
        Map<String, String> values = new LinkedHashMap<>(f.values());
        values.put("version", String.valueOf(f.version()));
        return values;
    }

    /**
     * Someone else saved the form meanwhile: answer 409 with the page re-rendered, keeping what the
     * person typed (and the version they had), with the message naming both versions.
     */
    static String conflictRedisplay(
            Model model,
            HttpServletResponse response,
            java.util.function.Supplier<String> action,
            java.util.function.Supplier<String> redisplay) {
        try {
            return action.get();
        } catch (ConflictException e) {
            model.addAttribute("formError", e.getMessage());
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return redisplay.get();
        }
    }

    /** The cases of this 服务领域 opened (接案) within [from, to]; the page and the API filter alike. */
    static List<CaseView> filtered(List<CaseView> all, LedgerDomain domain, LocalDate from, LocalDate to) {
        return cn.sgz.shared.web.ListPage.between(
                all.stream().filter(c -> domain == null || c.domain() == domain).toList(),
                CaseView::openedOn,
                from,
                to);
    }
}
