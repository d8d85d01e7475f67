package cn.sgz.community.internal;

import cn.sgz.community.internal.AchievementService.AchievementForm;
import cn.sgz.shared.web.FormSubmission;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 建设成果 page: the list of a station's achievements and a short form to add one. */
@Controller
class AchievementWebController {

    private final AchievementService achievements;
    private final CommunityAccess access;

    AchievementWebController(AchievementService achievements, CommunityAccess access) {
        this.achievements = achievements;
        this.access = access;
    }

    @GetMapping("/achievements")
    String page(@RequestParam(required = false) Long stationId, Model model) {
        Long station = access.defaultStation(stationId);
        model.addAttribute("stations", access.stations());
        model.addAttribute("stationId", station);
        model.addAttribute("items", station == null ? List.of() : achievements.list(station));
        model.addAttribute("kinds", AchievementKind.values());
        model.addAttribute("canWrite", access.canWrite());
        return "community/achievements";
    }

    @PostMapping("/achievements")
    String create(
            @RequestParam Long stationId,
            @RequestParam(required = false) AchievementKind kind,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate achievedOn,
            @RequestParam(required = false) String description,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    var a = achievements.create(new AchievementForm(stationId, kind, name, achievedOn, description));
                    flash.addFlashAttribute("notice", "已登记" + a.kindLabel() + "“" + a.name() + "”");
                    return "redirect:/achievements?stationId=" + stationId;
                },
                () -> page(stationId, model));
    }
}
