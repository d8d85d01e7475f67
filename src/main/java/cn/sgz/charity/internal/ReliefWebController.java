package cn.sgz.charity.internal;

import cn.sgz.activity.ServiceRecordService;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.Money;
import cn.sgz.shared.web.FormSubmission;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 慈善救助 pages: the list, the plan form, and an event's page where people are picked from the ledger
 * (a plain GET search, so it works without script on a weak network), each with an amount and a receipt.
 */
@Controller
class ReliefWebController {

    private final ReliefService reliefs;
    private final CharityFundService funds;
    private final ServiceRecordService records;

    ReliefWebController(ReliefService reliefs, CharityFundService funds, ServiceRecordService records) {
        this.reliefs = reliefs;
        this.funds = funds;
        this.records = records;
    }

    @GetMapping("/charity/relief")
    String list(
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        // 计入 / 不计入 / 已作废 and the service date range; 20 a page
        cn.sgz.shared.web.ListPage<ReliefView> p =
                cn.sgz.shared.web.ListPage.of(withStatus(reliefs.list(stationId, null, from, to), status), page, 20);
        model.addAttribute("reliefs", p.items());
        model.addAttribute("listPage", p);
        model.addAttribute("stationId", stationId);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("status", status);
        model.addAttribute("canWrite", reliefs.canWrite());
        return "charity/relief-list";
    }

    @GetMapping("/charity/relief/new")
    String newRelief(@RequestParam(required = false) Long fundId, Model model) {
        return form(model, new PageForms.Relief(fundId, ChinaTime.today(), null, null, null, null));
    }

    private String form(Model model, PageForms.Relief form) {
        model.addAttribute("form", form);
        model.addAttribute(
                "funds",
                funds.list(null).stream()
                        .filter(f -> f.status() == FundStatus.ACTIVE)
                        .toList());
        return "charity/relief-form";
    }

    @PostMapping("/charity/relief")
    String create(
            @ModelAttribute("form") PageForms.Relief form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    ReliefView r = reliefs.create(form.toForm());
                    flash.addFlashAttribute("notice", "已登记慈善救助。请从台账添加救助对象及金额，登记领取，并上传现场照片。");
                    return "redirect:/charity/relief/" + r.id();
                },
                () -> form(model, form));
    }

    @GetMapping("/charity/relief/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
        return page(id, q, model, null);
    }

    private String page(long id, String q, Model model, PageForms.Line line) {
        ReliefView r = reliefs.get(id);
        model.addAttribute("r", r);
        model.addAttribute("q", q);
        model.addAttribute("line", line);
        boolean canWrite = reliefs.canWrite() && !r.voided();
        model.addAttribute("canWrite", canWrite);
        // the picker searches as the worker types; a person chosen in a form sent back shows as a chip
        model.addAttribute(
                "picked",
                canWrite && line != null && line.recipientId() != null
                        ? records.pickedRecipient(line.recipientId()).stream().toList()
                        : List.of());
        return "charity/relief";
    }

    @PostMapping("/charity/relief/{id}/recipients")
    String addRecipient(
            @PathVariable long id,
            @ModelAttribute("line") PageForms.Line line,
            @RequestParam(required = false) String q,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    ReliefView r = reliefs.addRecipient(id, line.toLine());
                    flash.addFlashAttribute("notice", "已添加救助对象，本次救助合计 " + Money.format(r.total()) + " 元");
                    return "redirect:/charity/relief/" + id + "#lines";
                },
                () -> page(id, q, model, line));
    }

    @PostMapping("/charity/relief/{id}/recipients/{lineId}/delete")
    String removeRecipient(@PathVariable long id, @PathVariable long lineId, RedirectAttributes flash) {
        try {
            reliefs.removeRecipient(id, lineId);
            flash.addFlashAttribute("notice", "已移除救助对象");
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/charity/relief/" + id + "#lines";
    }

    @PostMapping("/charity/relief/{id}/recipients/{lineId}/receipt")
    String receipt(
            @PathVariable long id,
            @PathVariable long lineId,
            @RequestParam(required = false) String phone,
            RedirectAttributes flash) {
        try {
            reliefs.addReceipt(id, lineId, phone);
            flash.addFlashAttribute("notice", "已登记领取");
        } catch (BusinessException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/charity/relief/" + id + "#lines";
    }

    /** The relief events in this state: COUNTS 计入, EXCLUDED 不计入 (not voided), VOIDED 已作废; blank for all. */
    static List<ReliefView> withStatus(List<ReliefView> all, String status) {
        if (status != null
                && !status.isBlank()
                && !List.of("COUNTS", "EXCLUDED", "VOIDED").contains(status)) {
            throw BusinessException.field("status", "状态只能是 COUNTS（计入）、EXCLUDED（不计入）或 VOIDED（已作废），收到的是“" + status + "”");
        }
        return all.stream()
                .filter(r -> status == null
                        || status.isBlank()
                        || ("COUNTS".equals(status) && r.counts())
                        || ("EXCLUDED".equals(status) && !r.counts() && !r.voided())
                        || ("VOIDED".equals(status) && r.voided()))
                .toList();
    }
}
