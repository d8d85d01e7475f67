package cn.sgz.evidence;

import java.time.OffsetDateTime;

/**
 * A stored photo as other modules and the API see it. {@code duplicateOf*} point at the earlier photo
 * this one copies (exact bytes or a perceptual match), wherever that photo lives.
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
        String duplicateOfOwnerType,
        Long duplicateOfOwnerId,
        Integer duplicateDistance,
        Double duplicateScore,
        String originalName,
        String uploadedBy,
        OffsetDateTime uploadedAt,
        boolean removed,
        String removedReason) {

    public boolean duplicate() {
        return duplicateOfId != null;
    }

    public boolean hasPosition() {
        return latitude != null && longitude != null;
    }

    public String duplicateKindLabel() {
        return "EXACT".equals(duplicateKind) ? "完全相同的文件" : "内容相同（缩放/压缩/裁剪/调亮度/加水印后的副本）";
    }
}
