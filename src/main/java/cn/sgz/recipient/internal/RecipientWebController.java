package cn.sgz.recipient.internal;

import cn.sgz.org.OrgUnitView;
import cn.sgz.recipient.AssistanceSubtype;
import cn.sgz.recipient.ChildSubtype;
import cn.sgz.recipient.DisabilityGrade;
import cn.sgz.recipient.DisabilityType;
import cn.sgz.recipient.ElderlyFlag;
import cn.sgz.recipient.FollowUpFrequency;
import cn.sgz.recipient.RecipientCategory;
import cn.sgz.recipient.RecipientStatus;
import cn.sgz.recipient.RecipientView;
import cn.sgz.recipient.RiskLevel;
import cn.sgz.recipient.SubsidyStatus;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Ledger pages: list and search, one person's record, register and edit, household, status, merge. */
@Controller
class RecipientWebController {

    private final RecipientService recipients;
    private final HouseholdService household;
    private final AssessmentService assessments;
    private final FollowUpService followUps;
    private final RecipientAccess access;

    private final PersonHistory personHistory;

    RecipientWebController(
            RecipientService recipients,
            HouseholdService household,
            AssessmentService assessments,
            FollowUpService followUps,
            RecipientAccess access,
            PersonHistory personHistory) {
        this.personHistory = personHistory;
        this.recipients = recipients;
        this.household = household;
        this.assessments = assessments;
        this.followUps = followUps;
        this.access = access;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("categories", RecipientCategory.values());
        model.addAttribute("assistanceSubtypes", AssistanceSubtype.values());
        model.addAttribute("elderlyFlags", ElderlyFlag.values());
        model.addAttribute("childSubtypes", ChildSubtype.values());
        model.addAttribute("disabilityTypes", DisabilityType.values());
        model.addAttribute("disabilityGrades", DisabilityGrade.values());
        model.addAttribute("subsidyStatuses", SubsidyStatus.values());
        model.addAttribute("riskLevels", RiskLevel.values());
        model.addAttribute("statuses", RecipientStatus.values());
        model.addAttribute("frequencies", FollowUpFrequency.values());
        model.addAttribute("today", ChinaTime.today());
    }

    /** Flag/subtype codes for the ledger's flag filter, labelled with their category. */
    static Map<String, String> flagOptions() {
        Map<String, String> flags = new LinkedHashMap<>();
        for (AssistanceSubtype a : AssistanceSubtype.values()) {
            flags.put(a.name().equals("TEKUN") ? "TEKUN" : a.name(), "救助：" + a.label());
        }
        for (ElderlyFlag f : ElderlyFlag.values()) {
            flags.putIfAbsent(f.name(), "老人：" + f.label());
        }
        for (ChildSubtype c : ChildSubtype.values()) {
            flags.putIfAbsent(c.name(), "儿童：" + c.label());
        }
        return flags;
    }

    @GetMapping("/recipients")
    String ledger(
            @RequestParam(required = false) RecipientCategory category,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String idTail,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) RiskLevel risk,
            @RequestParam(required = false) String flag,
            @RequestParam(required = false) RecipientStatus status,
            @RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate assessedFrom,
            @RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate assessedTo,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        LedgerQuery q = new LedgerQuery(
                category,
                blank(name),
                blank(idTail),
                unitId,
                risk,
                blank(flag),
                status,
                false,
                assessedFrom,
                assessedTo);
        model.addAttribute("ledger", recipients.ledger(q, page, 20));
        model.addAttribute("q", q);
        model.addAttribute("units", units());
        model.addAttribute("flagOptions", flagOptions());
        model.addAttribute("canWrite", access.canWrite());
        model.addAttribute("mayUnmask", access.mayUnmask());
        return "recipient/list";
    }

    @GetMapping("/recipients/new")
    String newForm(Model model) {
        access.requireWriter();
        model.addAttribute(
                "form",
                new RecipientForm(
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null));
        return editPage(model, null);
    }

    @PostMapping("/recipients")
    String create(
            @ModelAttribute("form") RecipientForm form,
            @RequestParam(defaultValue = "false") boolean confirmDuplicates,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            RecipientView created = recipients.create(form, confirmDuplicates);
            flash.addFlashAttribute("notice", "已登记“" + created.name() + "”");
            return "redirect:/recipients/" + created.id();
        } catch (BusinessException e) {
            if ("POSSIBLE_DUPLICATE".equals(e.code())) {
                model.addAttribute("duplicates", recipients.possibleDuplicates(form, null));
            }
            FormErrors.addTo(model, e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return editPage(model, null);
        }
    }

    @GetMapping("/recipients/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        access.requireWriter();
        RecipientView r = recipients.get(id);
        model.addAttribute("form", toForm(r));
        return editPage(model, r);
    }

    @PostMapping("/recipients/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") RecipientForm form,
            @RequestParam long version,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            recipients.update(id, form, version);
            flash.addFlashAttribute("notice", "已保存");
            return "redirect:/recipients/" + id;
        } catch (BusinessException e) {
            FormErrors.addTo(model, e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return editPage(model, recipients.get(id));
        }
    }

    private String editPage(Model model, RecipientView existing) {
        model.addAttribute("existing", existing);
        model.addAttribute("units", units());
        return "recipient/form";
    }

    @GetMapping("/recipients/{id}")
    String detail(@PathVariable long id, Model model) {
        RecipientView r = recipients.get(id);
        model.addAttribute("r", r);
        model.addAttribute("members", household.members(id));
        model.addAttribute("history", recipients.history(id));
        model.addAttribute("assessments", assessments.forRecipient(id));
        model.addAttribute("roster", followUps.rosterOf(id));
        model.addAttribute("followUps", followUps.recordsOf(id));
        model.addAttribute("timeline", personHistory.of(id));
        model.addAttribute("canWrite", access.canWrite());
        model.addAttribute("mayUnmask", access.mayUnmask());
        model.addAttribute("onRoster", followUps.rosterOf(id).stream().anyMatch(x -> x.active()));
        if (access.canWrite() && r.status() != RecipientStatus.MERGED) {
            model.addAttribute("duplicates", recipients.duplicatesOf(id));
        }
        return "recipient/detail";
    }

    /** The audited unmask: a fragment for htmx, or the detail page again without it. */
    @PostMapping("/recipients/{id}/id-number")
    String reveal(
            @PathVariable long id, Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        model.addAttribute("fullIdNumber", recipients.revealIdNumber(id));
        if (htmx != null) {
            return "recipient/detail :: idNumber";
        }
        return detail(id, model);
    }

    @PostMapping("/recipients/{id}/status")
    String status(
            @PathVariable long id,
            @RequestParam(required = false) RecipientStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        return act(id, model, flash, response, "状态已更新", () -> recipients.changeStatus(id, status, date, note));
    }

    @PostMapping("/recipients/{id}/members")
    String addMember(
            @PathVariable long id,
            @RequestParam(required = false) String memberName,
            @RequestParam(required = false) String relation,
            @RequestParam(required = false) String memberPhone,
            @RequestParam(defaultValue = "false") boolean guardian,
            @RequestParam(required = false) Long linkedRecipientId,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        return act(
                id,
                model,
                flash,
                response,
                "已添加家庭成员",
                () -> household.add(
                        id,
                        new HouseholdService.MemberForm(
                                memberName, relation, memberPhone, guardian, linkedRecipientId, null)));
    }

    @PostMapping("/recipients/{id}/members/{memberId}/delete")
    String removeMember(
            @PathVariable long id,
            @PathVariable long memberId,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        return act(id, model, flash, response, "已删除家庭成员", () -> household.remove(id, memberId));
    }

    @PostMapping("/recipients/{id}/merge")
    String merge(
            @PathVariable long id,
            @RequestParam long otherId,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        return act(id, model, flash, response, "已合并记录 #" + otherId, () -> recipients.merge(id, otherId));
    }

    @PostMapping("/recipients/{id}/roster")
    String addToRoster(
            @PathVariable long id,
            @RequestParam(required = false) FollowUpFrequency frequency,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        return act(
                id,
                model,
                flash,
                response,
                "已加入跟踪回访台账",
                () -> followUps.addToRoster(id, new FollowUpService.RosterForm(frequency, reason, null)));
    }

    @PostMapping("/recipients/{id}/roster/end")
    String endRoster(@PathVariable long id, Model model, RedirectAttributes flash, HttpServletResponse response) {
        return act(id, model, flash, response, "已移出回访台账", () -> followUps.removeFromRoster(id, null));
    }

    @GetMapping("/recipients/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) RecipientCategory category,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String idTail,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) RiskLevel risk,
            @RequestParam(required = false) String flag,
            @RequestParam(required = false) RecipientStatus status,
            @RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate assessedFrom,
            @RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate assessedTo,
            @RequestParam(defaultValue = "false") boolean fullIds) {
        LedgerQuery q = new LedgerQuery(
                category,
                blank(name),
                blank(idTail),
                unitId,
                risk,
                blank(flag),
                status,
                false,
                assessedFrom,
                assessedTo);
        return RecipientApiController.download(
                recipients.export(q, fullIds),
                (category == null ? "服务对象" : category.label()) + "台账.xlsx",
                RecipientApiController.XLSX);
    }

    private String act(
            long id,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response,
            String notice,
            Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", notice);
            return "redirect:/recipients/" + id;
        } catch (BusinessException e) {
            FormErrors.addTo(model, e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return detail(id, model);
        }
    }

    private List<OrgUnitView> units() {
        List<OrgUnitView> list = new ArrayList<>();
        List<OrgUnitView> rooms = access.rooms();
        for (OrgUnitView s : access.stations()) {
            list.add(s);
            rooms.stream()
                    .filter(r -> r.parentId() != null && r.parentId() == s.id())
                    .forEach(list::add);
        }
        return list;
    }

    static RecipientForm toForm(RecipientView r) {
        java.util.Set<RecipientCategory> cats = java.util.EnumSet.noneOf(RecipientCategory.class);
        AssistanceSubtype assistance = null;
        java.util.Set<ElderlyFlag> flags = java.util.EnumSet.noneOf(ElderlyFlag.class);
        java.util.Set<ChildSubtype> child = java.util.EnumSet.noneOf(ChildSubtype.class);
        String other = null;
        for (RecipientView.Category c : r.categories()) {
            cats.add(c.category());
            switch (c.category()) {
                case SOCIAL_ASSISTANCE ->
                    assistance = c.subtype() == null ? null : AssistanceSubtype.valueOf(c.subtype());
                case ELDERLY -> c.flags().forEach(f -> flags.add(ElderlyFlag.valueOf(f)));
                case CHILD -> c.flags().forEach(f -> child.add(ChildSubtype.valueOf(f)));
                case OTHER -> other = c.subtype();
                default -> {}
            }
        }
        return new RecipientForm(
                r.orgUnitId(),
                r.name(),
                r.gender(),
                null,
                null,
                r.phone(),
                r.address(),
                cats,
                assistance,
                flags,
                child,
                r.disabilityType(),
                r.disabilityGrade(),
                r.subsidyStatus(),
                other,
                r.riskLevel(),
                r.note());
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
