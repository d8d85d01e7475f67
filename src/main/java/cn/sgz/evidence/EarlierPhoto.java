package cn.sgz.evidence;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/**
 * What the owner of a photo flagged as a copy may know about the earlier photo: its thumbnail (served through the
 * flagged photo, {@code thumbUrl}), its date and its station's name — never the earlier record's people, title or
 * text. Officers whose scope covers the earlier photo too also get its owner, to open both records.
 */
@Schema(name = "EarlierPhoto", description = "被认定为重复的照片所对应的更早照片（摘要）")
public record EarlierPhoto(
        @Schema(description = "被认定为重复的照片") long photoId,
        @Schema(description = "更早的照片编号") long earlierPhotoId,
        @Schema(description = "EXACT 完全相同的文件；SIMILAR 内容相同") String kind,
        @Schema(description = "重复方式说明") String kindLabel,
        @Schema(description = "更早照片的日期（拍摄日期，没有拍摄时间时为上传日期）") LocalDate date,
        @Schema(description = "拍摄 或 上传") String dateSource,
        @Schema(description = "更早照片所属社工站") String stationName,
        @Schema(description = "两张照片属于同一社工站") boolean sameStation,
        @Schema(description = "更早照片的缩略图（经被认定为重复的照片取得）") String thumbUrl,
        @Schema(description = "调用者的范围也包含更早的照片时为其记录类型，否则为空") String earlierOwnerType,
        @Schema(description = "调用者的范围也包含更早的照片时为其记录编号，否则为空") Long earlierOwnerId,
        @Schema(description = "对这一认定的申诉（没有则为空）") DuplicateContestView contest,
        @Schema(description = "当前用户可以提出申诉") boolean canContest,
        @Schema(description = "当前用户可以裁定申诉") boolean canDecide) {

    /** Whether the caller may open the earlier photo's record. */
    public boolean earlierVisible() {
        return earlierOwnerId != null;
    }
}
