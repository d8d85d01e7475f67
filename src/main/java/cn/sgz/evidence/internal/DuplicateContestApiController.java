package cn.sgz.evidence.internal;

import cn.sgz.evidence.ContestStatus;
import cn.sgz.evidence.DuplicateContestView;
import cn.sgz.evidence.EarlierPhoto;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 重复照片申诉: the earlier photo's summary and thumbnail (through the flagged photo), filing a contest, listing and
 * deciding contests — REST under {@code /api/v1} and the page forms. Scope and role checks are in
 * {@link DuplicateContests}.
 */
@RestController
@Tag(name = "重复照片申诉", description = "被认定为重复的照片：查看更早照片的摘要、提出申诉、区县民政局裁定")
class DuplicateContestApiController {

    private final DuplicateContests contests;

    DuplicateContestApiController(DuplicateContests contests) {
        this.contests = contests;
    }

    // ---- REST -----------------------------------------------------------------------------------

    @GetMapping("/api/v1/photos/{id}/earlier")
    @Operation(
            summary = "被认定为重复的照片所对应的更早照片：缩略图地址、日期、所属社工站和申诉状态",
            description = "不含更早照片所在记录的人员、标题和内容；调用者范围也包含更早照片时才给出其记录编号。照片不在范围内或未被认定为重复时返回 404。")
    EarlierPhoto earlier(@PathVariable long id) {
        return contests.earlier(id);
    }

    @GetMapping({"/api/v1/photos/{id}/earlier-thumb", "/photos/{id}/earlier-thumb"})
    @Operation(summary = "更早照片的缩略图（经被认定为重复的照片取得，只能取得它所重复的那一张）")
    ResponseEntity<InputStreamResource> earlierThumb(@PathVariable long id) {
        PhotoService.Streamed f = contests.earlierThumb(id);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(f.content()));
    }

    @Schema(name = "ContestRequest")
    record ContestRequest(
            @Schema(description = "申诉理由（必填，不超过500字）") String reason) {}

    @PostMapping("/api/v1/photos/{id}/contest")
    @Operation(summary = "对重复照片认定提出申诉（驻站社工、社工站站长）", description = "理由为空返回 400（字段 reason）；已申诉过返回 409；不在范围内返回 404。")
    ResponseEntity<DuplicateContestView> file(@PathVariable long id, @RequestBody ContestRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(contests.file(id, body == null ? null : body.reason()));
    }

    @GetMapping("/api/v1/photo-contests")
    @Operation(summary = "范围内的重复照片申诉（status=PENDING 只看待裁定的），最新的在前")
    List<DuplicateContestView> list(@RequestParam(required = false) ContestStatus status) {
        return contests.list(status, 500);
    }

    @GetMapping("/api/v1/photo-contests/{id}")
    @Operation(summary = "一件重复照片申诉（不在范围内返回 404）")
    DuplicateContestView one(@PathVariable long id) {
        return contests.get(id);
    }

    @Schema(name = "ContestDecision")
    record DecisionRequest(
            @Schema(description = "UPHELD 申诉成立（照片恢复为有效佐证）或 REJECTED 申诉不成立")
            ContestStatus decision,

            @Schema(description = "裁定理由（必填）") String reason,
            @Schema(description = "读取时的版本号；已被他人裁定时返回 409") Long version) {}

    @PostMapping("/api/v1/photo-contests/{id}/decision")
    @Operation(summary = "裁定重复照片申诉（区县民政局）", description = "申诉成立后该照片不再按重复照片处理，记录重新判定是否计入，指标快照随之刷新。")
    DuplicateContestView decide(@PathVariable long id, @RequestBody DecisionRequest body) {
        return body == null
                ? contests.decide(id, null, null, null)
                : contests.decide(id, body.decision(), body.reason(), body.version());
    }
}
