package cn.sgz.charity.internal;

import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.Money;
import cn.sgz.shared.web.FormSubmission;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 慈善台账 pages: the overview of funds, a fund with its co-raised ledger, new funds and entries. */
@Controller
class CharityFundWebController {

    private final CharityFundService funds;
    private final ReliefService reliefs;
    private final CharityAccess access;

    CharityFundWebController(CharityFundService funds, ReliefService reliefs, CharityAccess access) {
        this.funds = funds;
        this.reliefs = reliefs;
        this.access = access;
    }

    @GetMapping("/charity")
    String home(@RequestParam(required = false) Long stationId, Model model) {
        List<FundView> list = funds.list(stationId);
        model.addAttribute("funds", list);
        model.addAttribute("stations", access.stations());
        model.addAttribute("stationId", stationId);
        model.addAttribute("canWrite", funds.canWrite());
        return "charity/home";
    }

    @GetMapping("/charity/funds/new")
    String newFund(Model model) {
        return fundForm(
                model,
                new PageForms.Fund(
                        access.defaultStationId(), null, FundKind.RELIEF_FUND, null, ChinaTime.today(), null, null));
    }

    private String fundForm(Model model, PageForms.Fund form) {
        model.addAttribute("form", form);
        model.addAttribute("stations", access.stations());
        model.addAttribute("kinds", FundKind.values());
        return "charity/fund-form";
    }

    @PostMapping("/charity/funds")
    String createFund(
            @ModelAttribute("form") PageForms.Fund form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    FundView f = funds.create(form.toForm());
                    flash.addFlashAttribute("notice", "基金已设立。请上传合作协议照片，并登记共募资金。");
                    return "redirect:/charity/funds/" + f.id();
                },
                () -> fundForm(model, form));
    }

    @GetMapping("/charity/funds/{id}")
    String fund(@PathVariable long id, Model model) {
        return fundPage(id, model, new PageForms.CoRaised(ChinaTime.today(), null, null, null, null));
    }

    private String fundPage(long id, Model model, PageForms.CoRaised entryForm) {
        FundView f = funds.get(id);
        model.addAttribute("f", f);
        model.addAttribute("photos", funds.photos(id));
        List<CoRaisedView> entries = funds.entries(null, id, null, null);
        model.addAttribute("entries", entries);
        model.addAttribute("reliefs", reliefs.list(null, id, null, null));
        model.addAttribute("entryForm", entryForm);
        model.addAttribute("canWrite", funds.canWrite() && f.status() == cn.sgz.charity.internal.FundStatus.ACTIVE);
        return "charity/fund";
    }

    @PostMapping("/charity/funds/{id}/co-raised")
    String addEntry(
            @PathVariable long id,
            @ModelAttribute("entryForm") PageForms.CoRaised form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    CoRaisedView e = funds.recordEntry(form.toForm(id));
                    flash.addFlashAttribute("notice", "已登记共募资金 " + Money.format(e.amount()) + " 元。可上传票据/凭证照片。");
                    return "redirect:/charity/funds/" + id + "#entry-" + e.id();
                },
                () -> fundPage(id, model, form));
    }

    @PostMapping("/charity/co-raised/{entryId}/reverse")
    String reverse(
            @PathVariable long entryId, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        CoRaisedView e = funds.entry(entryId);
        try {
            funds.reverse(entryId, reason);
            flash.addFlashAttribute("notice", "已冲正：原记录保留，新增一条负数冲正记录。如需更正，请重新登记正确金额。");
        } catch (BusinessException | ConflictException ex) {
            flash.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/charity/funds/" + e.fundId() + "#entries";
    }

    @PostMapping("/charity/co-raised/{entryId}/photos")
    String entryPhoto(
            @PathVariable long entryId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String uploadId,
            RedirectAttributes flash) {
        CoRaisedView e = funds.entry(entryId);
        upload(flash, file, () -> {
            try {
                funds.addEntryPhoto(
                        entryId, uploadId, file.getOriginalFilename(), file.getSize(), file.getInputStream());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        return "redirect:/charity/funds/" + e.fundId() + "#entry-" + entryId;
    }

    @PostMapping("/charity/funds/{id}/photos")
    String fundPhoto(
            @PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String uploadId,
            RedirectAttributes flash) {
        funds.get(id);
        upload(flash, file, () -> {
            try {
                funds.addPhoto(id, uploadId, file.getOriginalFilename(), file.getSize(), file.getInputStream());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        return "redirect:/charity/funds/" + id + "#photos";
    }

    @PostMapping("/charity/funds/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            funds.close(id, reason);
            flash.addFlashAttribute("notice", "基金已终止，收支记录全部保留");
        } catch (BusinessException | ConflictException ex) {
            flash.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/charity/funds/" + id;
    }

    /** Runs an upload and reports the outcome as a flash message. */
    static void upload(RedirectAttributes flash, MultipartFile file, Runnable action) {
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute("error", "请先选择照片");
            return;
        }
        try {
            action.run();
            flash.addFlashAttribute("notice", "照片已上传");
        } catch (BusinessException | ConflictException ex) {
            flash.addFlashAttribute("error", ex.getMessage());
        }
    }
}
