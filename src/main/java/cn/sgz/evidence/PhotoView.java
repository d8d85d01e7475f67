package cn.sgz.evidence;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;

/**
 * A stored photo as other modules and the API see it. {@code duplicateOf*} point at the earlier photo
 * this one copies (exact bytes or a perceptual match), wherever that photo lives. {@code duplicateContest} is the
 * state of a worker's contest of that finding (PENDING, UPHELD, REJECTED; null = none): an upheld contest clears the
 * finding for this pair of photos, so the photo counts as evidence again.
 *
 * <p>{@code duplicateOfOwner*} name the earlier photo's record, which may belong to another station: they stay
 * inside the server (events, the page's link when the viewer's scope covers both) and are never written to JSON. The
 * API tells the copying station about the earlier photo only through {@link EarlierPhoto}, which names the owner
 * only to callers whose scope covers it.
 */
public record PhotoView(
        long id,
        String ownerType,
        long ownerId,
        String orgPath,
        PhotoPurpose purpose,
        PhotoSource source,
        String contentType,
        long byteSize,
        int width,
        int height,
        String sha256,
        OffsetDateTime capturedAt,
        String timeSource,
        Double latitude,
        Double longitude,
        String positionSource,
        boolean stamped,
        Long duplicateOfId,
        String duplicateKind,
        @JsonIgnore String duplicateOfOwnerType,
        @JsonIgnore Long duplicateOfOwnerId,
        Integer duplicateDistance,
        Double duplicateScore,
        String originalName,
        String uploadedBy,
        OffsetDateTime uploadedAt,
        boolean removed,
        String removedReason,
        String duplicateContest) {

    public boolean duplicate() {
        return duplicateOfId != null;
    }

    /** The bureau upheld a contest of the finding: this photo is not treated as a copy of that earlier photo. */
    public boolean duplicateCleared() {
        return duplicate() && "UPHELD".equals(duplicateContest);
    }

    /** Flagged as a copy and not cleared by an upheld contest: what the evidence rules exclude. */
    public boolean countsAsDuplicate() {
        return duplicate() && !duplicateCleared();
    }

    public boolean hasPosition() {
        return latitude != null && longitude != null;
    }

    public String duplicateKindLabel() {
        return "EXACT".equals(duplicateKind) ? "完全相同的文件" : "内容相同（缩放/压缩/裁剪/调亮度/加水印后的副本）";
    }
}
