package cn.sgz.recipient.internal;

import cn.sgz.recipient.DueEntry;
import cn.sgz.recipient.DueStatus;
import cn.sgz.recipient.ElderlyFlag;
import cn.sgz.recipient.FollowUpMethod;
import cn.sgz.recipient.NeedCode;
import cn.sgz.recipient.RecipientCategory;
import cn.sgz.recipient.RecipientView;
import cn.sgz.recipient.RiskLevel;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.web.FormSubmission;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Home assessments, the needs list, the due list and recording a follow-up (phone-first pages). */
@Controller
class CareWebController {

    private final RecipientService recipients;
    private final AssessmentService assessments;
    private final FollowUpService followUps;
    private final RecipientAccess access;

    CareWebController(
            RecipientService recipients,
            AssessmentService assessments,
            FollowUpService followUps,
            RecipientAccess access) {
        this.recipients = recipients;
        this.assessments = assessments;
        this.followUps = followUps;
        this.access = access;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("today", ChinaTime.today());
        model.addAttribute("riskLevels", RiskLevel.values());
        model.addAttribute("elderlyFlags", ElderlyFlag.values());
        model.addAttribute("needCodes", NeedCode.values());
    }

    @GetMapping("/recipients/{id}/assessments/new")
    String assessmentForm(@PathVariable long id, Model model) {
        access.requireWriter();
        RecipientView r = recipients.get(id);
        model.addAttribute("r", r);
        List<String> flags = r.categories().stream()
                .filter(c -> c.category() == RecipientCategory.ELDERLY)
                .flatMap(c -> c.flags().stream())
                .toList();
        Set<ElderlyFlag> current = EnumSet.noneOf(ElderlyFlag.class);
        flags.forEach(f -> current.add(ElderlyFlag.valueOf(f)));
        model.addAttribute("currentFlags", flags);
        model.addAttribute("elderly", r.in(RecipientCategory.ELDERLY));
        model.addAttribute("child", r.in(RecipientCategory.CHILD));
        model.addAttribute(
                "suggestedRisk",
                r.in(RecipientCategory.ELDERLY) ? AssessmentService.suggestedRisk(current) : r.riskLevel());
        return "recipient/assessment-form";
    }

    @PostMapping("/recipients/{id}/assessments")
    String assess(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assessedOn,
            @RequestParam(required = false) String economy,
            @RequestParam(required = false) String housing,
            @RequestParam(required = false) String health,
            @RequestParam(required = false) String care,
            @RequestParam(required = false) Set<NeedCode> needs,
            @RequestParam(required = false) String needsText,
            @RequestParam(required = false) String strengths,
            @RequestParam(required = false) RiskLevel riskLevel,
            @RequestParam(required = false) Set<ElderlyFlag> elderlyFlags,
            @RequestParam(required = false) String childGuardianship,
            @RequestParam(required = false) String childCare,
            @RequestParam(required = false) String childSchooling,
            @RequestParam(required = false) RiskLevel childSafetyRisk,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        RecipientView r = recipients.get(id);
        return FormSubmission.run(
                model,
                response,
                () -> {
                    var saved = assessments.record(
                            id,
                            new AssessmentService.AssessmentForm(
                                    assessedOn,
                                    economy,
                                    housing,
                                    health,
                                    care,
                                    needs,
                                    needsText,
                                    strengths,
                                    riskLevel,
                                    r.in(RecipientCategory.ELDERLY) && elderlyFlags == null
                                            ? EnumSet.noneOf(ElderlyFlag.class)
                                            : elderlyFlags,
                                    childGuardianship,
                                    childCare,
                                    childSchooling,
                                    childSafetyRisk));
                    flash.addFlashAttribute("notice", "已保存入户评估。请为本次入户上传现场水印照片，否则不计入服务次数。");
                    flash.addFlashAttribute("evidenceRecordId", saved.serviceRecordId());
                    return "redirect:/recipients/" + id;
                },
                () -> assessmentForm(id, model));
    }

    @GetMapping("/needs")
    String needs(@RequestParam(required = false) Long stationId, Model model) {
        model.addAttribute("list", assessments.needsList(stationId));
        model.addAttribute("stations", access.stations());
        model.addAttribute("stationId", stationId);
        return "recipient/needs";
    }

    @GetMapping("/followups/due")
    String due(@RequestParam(defaultValue = "false") boolean all, Model model) {
        List<DueEntry> entries = followUps.dueList(ChinaTime.today(), null, !all);
        model.addAttribute("entries", entries);
        model.addAttribute("all", all);
        model.addAttribute(
                "overdue",
                entries.stream().filter(e -> e.status() == DueStatus.OVERDUE).count());
        model.addAttribute(
                "dueCount",
                entries.stream().filter(e -> e.status() == DueStatus.DUE).count());
        return "recipient/due";
    }

    @GetMapping("/followups/record/{id}")
    String followUpForm(@PathVariable long id, Model model) {
        access.requireWriter();
        model.addAttribute("r", recipients.get(id));
        return "recipient/followup-form";
    }

    @PostMapping("/followups/record/{id}")
    String record(
            @PathVariable long id,
            @RequestParam(required = false) FollowUpMethod method,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate followedOn,
            @RequestParam(required = false) String findings,
            @RequestParam(required = false) RiskLevel riskAfter,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    RecipientView r = recipients.get(id);
                    var saved = followUps.record(
                            id, new FollowUpService.FollowUpForm(method, followedOn, findings, riskAfter));
                    flash.addFlashAttribute(
                            "notice",
                            "已记录对“" + r.name() + "”的回访"
                                    + (method == FollowUpMethod.VISIT ? "。上门回访需上传现场水印照片才计入服务次数。" : ""));
                    flash.addFlashAttribute("evidenceRecordId", saved.serviceRecordId());
                    return "redirect:/followups/due";
                },
                () -> followUpForm(id, model));
    }
}
