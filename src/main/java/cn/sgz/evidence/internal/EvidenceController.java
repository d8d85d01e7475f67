package cn.sgz.evidence.internal;

import cn.sgz.evidence.EvidencePolicies;
import cn.sgz.evidence.EvidencePolicy;
import cn.sgz.evidence.PhotoView;
import cn.sgz.evidence.ReasonCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Photo metadata and files. The same scope-checked download serves pages ({@code /photos/...}) and
 * API clients ({@code /api/v1/photos/...}); a photo outside the caller's scope answers 404.
 */
@RestController
@Tag(name = "佐证照片", description = "照片信息与下载（原图、水印图、缩略图）、证据规则")
class EvidenceController {

    private final PhotoService photos;
    private final EvidencePolicies policies;

    EvidenceController(PhotoService photos, EvidencePolicies policies) {
        this.photos = photos;
        this.policies = policies;
    }

    @GetMapping("/api/v1/photos/{id}")
    @Operation(summary = "照片信息：拍摄时间、位置、哈希、是否重复及原图")
    PhotoView photo(@PathVariable long id) {
        return photos.visible(id);
    }

    @GetMapping({"/api/v1/photos/{id}/{variant:original|stamped|thumb}", "/photos/{id}/{variant:original|stamped|thumb}"
    })
    @Operation(summary = "下载照片：original 原图，stamped 水印图，thumb 缩略图")
    ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable String variant) {
        // streamed from the file store (local disk or bucket) to the client, never held in memory whole
        PhotoService.Streamed f = photos.openStream(id, variant);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(f.filename())
                                .build()
                                .toString())
                .body(new InputStreamResource(f.content()));
    }

    record PolicyInfo(
            EvidencePolicy policy,
            boolean watermarkFontAvailable,
            long maxPhotoBytes,
            List<Map<String, String>> reasons) {}

    @GetMapping("/api/v1/evidence/policy")
    @Operation(summary = "系统默认的证据规则与全部不计数原因（含整改办法）")
    PolicyInfo policy() {
        return new PolicyInfo(
                policies.defaults(),
                photos.watermarker().cjkFontAvailable(),
                photos.maxPhotoBytes(),
                Arrays.stream(ReasonCode.values())
                        .map(r -> Map.of("code", r.name(), "label", r.label(), "fix", r.fix()))
                        .toList());
    }
}
