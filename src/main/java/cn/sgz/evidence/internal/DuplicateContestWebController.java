package cn.sgz.evidence.internal;

import cn.sgz.evidence.ContestStatus;
import cn.sgz.evidence.DuplicateContestView;
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

/** 重复照片申诉 pages: the list of contests in scope, and the forms of the record page (file, decide). */
@Controller
class DuplicateContestWebController {

    private final DuplicateContests contests;

    DuplicateContestWebController(DuplicateContests contests) {
        this.contests = contests;
    }

    // ---- pages ----------------------------------------------------------------------------------

    @GetMapping("/photo-contests")
    String page(@RequestParam(required = false) String status, Model model) {
        ContestStatus s = "ALL".equals(status) ? null : ContestStatus.PENDING;
        if (status != null && !"ALL".equals(status)) {
            try {
                s = ContestStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                s = ContestStatus.PENDING;
            }
        }
        model.addAttribute("contests", contests.list(s, 200));
        model.addAttribute("status", s == null ? "ALL" : s.name());
        model.addAttribute("canDecide", contests.decides());
        return "evidence/contests";
    }

    @PostMapping("/photos/{id}/contest")
    String fileForm(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String back,
            RedirectAttributes flash) {
        try {
            contests.file(id, reason);
            flash.addFlashAttribute("notice", "已提出申诉，等待区县民政局裁定");
        } catch (BusinessException | ConflictException | ForbiddenException e) {
            flash.addFlashAttribute("error", "申诉未提交：" + e.getMessage());
        }
        return "redirect:" + safe(back) + "#photo-" + id;
    }

    @PostMapping("/photo-contests/{id}/decision")
    String decideForm(
            @PathVariable long id,
            @RequestParam(required = false) String decision,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long version,
            @RequestParam(required = false) String back,
            RedirectAttributes flash) {
        ContestStatus d = null;
        if ("UPHELD".equals(decision) || "REJECTED".equals(decision)) {
            d = ContestStatus.valueOf(decision);
        }
        try {
            DuplicateContestView c = contests.decide(id, d, reason, version);
            flash.addFlashAttribute(
                    "notice", c.status() == ContestStatus.UPHELD ? "已裁定：申诉成立，照片恢复为有效佐证" : "已裁定：申诉不成立，仍认定为重复照片");
        } catch (BusinessException | ConflictException | ForbiddenException e) {
            flash.addFlashAttribute("error", "裁定未保存：" + e.getMessage());
        }
        return "redirect:" + safe(back);
    }

    /** Back to a page of this site only (no open redirect). */
    static String safe(String back) {
        if (back == null
                || !back.startsWith("/")
                || back.startsWith("//")
                || back.contains("\\")
                || back.contains("\r")
                || back.contains("\n")) {
            return "/photo-contests";
        }
        int hash = back.indexOf('#');
        return hash >= 0 ? back.substring(0, hash) : back;
    }
}
