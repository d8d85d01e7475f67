package cn.sgz.evidence.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Resumable photo uploads: {@code PATCH} a piece at {@code Upload-Offset}, {@code GET} how many bytes arrived,
 * then complete the upload at the owner, e.g. {@code POST /api/v1/service-records/{id}/photos/{uploadId}/complete}.
 * The upload id is the phone's (a UUID); the pieces are the signed-in account's only.
 */
@RestController
@RequestMapping("/api/v1/uploads")
@Tag(name = "分段上传", description = "弱网下分段、可续传的照片上传：按 Upload-Offset 逐段发送，断线后查询已收字节数并从那里继续")
class UploadController {

    private final ChunkedUploadService uploads;

    UploadController(ChunkedUploadService uploads) {
        this.uploads = uploads;
    }

    @GetMapping("/{uploadId}")
    @Operation(summary = "查询上传进度：服务器已收到的字节数（断线后从这里继续）。他人的上传编号答 404")
    ResponseEntity<ChunkedUploadService.Status> status(@PathVariable String uploadId) {
        ChunkedUploadService.Status s = uploads.status(uploadId);
        return ResponseEntity.ok()
                .header("Upload-Offset", Long.toString(s.receivedBytes()))
                .header("Cache-Control", "no-store")
                .body(s);
    }

    @PatchMapping("/{uploadId}")
    @Operation(
            summary = "发送一段照片字节（请求体为原始字节）",
            description = "Upload-Offset 必须等于服务器已收到的字节数（否则 409，并给出应从哪里继续）；"
                    + "Upload-Length 为整张照片的字节数（超过照片大小上限时拒绝）；可选 Upload-Sha256 为整张照片的 SHA-256，"
                    + "传完后校验。第一段即按内容检查是否为照片。每段不超过 sgz.upload.max-chunk-bytes（默认 1 MB）。")
    ResponseEntity<ChunkedUploadService.Status> append(
            @PathVariable String uploadId,
            @RequestHeader(name = "Upload-Offset", required = false) Long offset,
            @RequestHeader(name = "Upload-Length", required = false) Long length,
            @RequestHeader(name = "Upload-Sha256", required = false) String sha256,
            @RequestParam(required = false) String name,
            @Parameter(hidden = true) HttpServletRequest request) {
        if (offset == null) {
            throw cn.sgz.shared.BusinessException.field("Upload-Offset", "请在 Upload-Offset 中给出这一段从第几个字节开始（第一段为 0）");
        }
        if (length == null) {
            throw cn.sgz.shared.BusinessException.field("Upload-Length", "请在 Upload-Length 中给出整张照片的字节数");
        }
        try {
            ChunkedUploadService.Status s = uploads.append(
                    uploadId, offset, length, sha256, name, request.getContentLengthLong(), request.getInputStream());
            return ResponseEntity.ok()
                    .header("Upload-Offset", Long.toString(s.receivedBytes()))
                    .body(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DeleteMapping("/{uploadId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "放弃未传完的上传（删除已收到的部分）")
    void discard(@PathVariable String uploadId) {
        uploads.discard(uploadId);
    }

    /** A piece at the wrong offset: 409 in Chinese, with the offset to continue from. */
    @ExceptionHandler(ChunkedUploadService.OffsetMismatch.class)
    ResponseEntity<Map<String, Object>> offsetMismatch(ChunkedUploadService.OffsetMismatch e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "UPLOAD_OFFSET_MISMATCH");
        body.put("message", e.getMessage());
        body.put("receivedBytes", e.status().receivedBytes());
        body.put("totalBytes", e.status().totalBytes());
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .header("Upload-Offset", Long.toString(e.status().receivedBytes()))
                .body(body);
    }
}
