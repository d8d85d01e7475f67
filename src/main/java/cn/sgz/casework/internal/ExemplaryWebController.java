package cn.sgz.casework.internal;

import cn.sgz.casework.CaseworkOversight;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 成功案例 pages (propose from a case or group, confirm or decline at the bureau) and the oversight page. */
@Controller
class ExemplaryWebController {

    private final ExemplaryService exemplary;
    private final CaseworkOversight oversight;
    private final CaseworkAccess access;

    ExemplaryWebController(ExemplaryService exemplary, CaseworkOversight oversight, CaseworkAccess access) {
        this.exemplary = exemplary;
        this.oversight = oversight;
        this.access = access;
    }

    @GetMapping("/exemplary")
    String list(@RequestParam(required = false) ExemplaryStatus status, Model model) {
        model.addAttribute("items", exemplary.list(status));
        model.addAttribute("status", status);
        model.addAttribute("statuses", ExemplaryStatus.values());
        model.addAttribute("canDecide", exemplary.canDecide());
        return "casework/exemplary";
    }

    @PostMapping("/exemplary/propose")
    String propose(
            @RequestParam String ownerType,
            @RequestParam long ownerId,
            @RequestParam(required = false) String summary,
            RedirectAttributes flash) {
        String back = "CASE".equals(ownerType) ? "/cases/" + ownerId : "/groups/" + ownerId;
        try {
            exemplary.propose(ownerType, ownerId, summary);
            flash.addFlashAttribute("notice", "已申报成功案例，等待区民政局确认。");
        } catch (BusinessException | ConflictException | ForbiddenException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + back;
    }

    @PostMapping("/exemplary/{id}/confirm")
    String confirm(@PathVariable long id, RedirectAttributes flash) {
        try {
            exemplary.confirm(id);
            flash.addFlashAttribute("notice", "已确认为成功案例。");
        } catch (ConflictException | ForbiddenException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/exemplary";
    }

    @PostMapping("/exemplary/{id}/decline")
    String decline(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            exemplary.decline(id, reason);
            flash.addFlashAttribute("notice", "已处理：不予通过。");
        } catch (BusinessException | ConflictException | ForbiddenException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/exemplary";
    }

    @GetMapping("/casework/oversight")
    String oversight(
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) Integer weeks,
            Model model) {
        model.addAttribute("o", oversight.overview(stationId, weeks));
        model.addAttribute("stations", access.stations());
        model.addAttribute("stationId", stationId);
        return "casework/oversight";
    }
}
