package cn.sgz.evidence;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/**
 * A contest of a duplicate-photo finding as the API and pages show it. It names the flagged photo and its owner (a
 * record inside the caller's scope) and, of the earlier photo, only its id, date and station (never its record).
 */
@Schema(name = "DuplicateContest", description = "重复照片申诉")
public record DuplicateContestView(
        long id,
        @Schema(description = "被认定为重复的照片") long photoId,

        @Schema(description = "被认定为重复的照片所在的记录类型，如 SERVICE_RECORD")
        String ownerType,

        @Schema(description = "被认定为重复的照片所在的记录编号") long ownerId,
        @Schema(description = "被认定为重复的照片所属社工站") String stationName,
        @Schema(description = "更早的照片（原图）编号") long originalPhotoId,
        @Schema(description = "更早的照片所属社工站") String originalStationName,
        ContestStatus status,
        @Schema(description = "状态说明，如 待区县民政局裁定") String statusLabel,
        @Schema(description = "申诉理由") String reason,
        String filedBy,
        OffsetDateTime filedAt,
        @Schema(description = "裁定理由") String decisionReason,
        String decidedBy,
        OffsetDateTime decidedAt,
        @Schema(description = "版本号，裁定时原样提交（他人已裁定时返回 409）") long version,
        @Schema(description = "被认定为重复的照片的组织路径") String orgPath) {

    public boolean pending() {
        return status == ContestStatus.PENDING;
    }
}
