package cn.sgz.community.internal;

import cn.sgz.community.internal.AchievementService.AchievementForm;
import cn.sgz.community.internal.AchievementService.AchievementView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API of 建设成果 (stations helped to build, service brands). */
@RestController
@RequestMapping("/api/v1/achievements")
@Tag(name = "建设成果", description = "协助建设的社工站、社工站服务品牌")
class AchievementApiController {

    private final AchievementService achievements;

    AchievementApiController(AchievementService achievements) {
        this.achievements = achievements;
    }

    @GetMapping
    @Operation(summary = "本站建设成果")
    List<AchievementView> list(@RequestParam long stationId) {
        return achievements.list(stationId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记建设成果（kind: ASSISTED_STATION 协助建设的社工站 / SERVICE_BRAND 社工站服务品牌）")
    AchievementView create(@RequestBody AchievementForm body) {
        return achievements.create(body);
    }
}
