package cn.sgz.activity.internal;

import cn.sgz.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of 扫码签到 (worker side). The sign-ins themselves are the record's sign-in sheet:
 * {@code GET /api/v1/service-records/{id}/sign-ins} (each line with {@code source} MANUAL or QR).
 */
@RestController
@RequestMapping("/api/v1/service-records/{id}/sign-in-qr")
@Tag(name = "扫码签到", description = "服务记录的扫码签到：开启、查看、关闭二维码；签到结果见签到表")
class SignInQrApiController {

    private final SignInQrService qr;
    private final SignInQrWebController links;

    SignInQrApiController(SignInQrService qr, SignInQrWebController links) {
        this.qr = qr;
        this.links = links;
    }

    /** A session with its public short link; {@code version} is needed to close it. */
    record SessionBody(
            long id,
            long recordId,
            String url,
            OffsetDateTime expiresAt,
            boolean open,
            OffsetDateTime closedAt,
            String closedBy,
            String createdBy,
            OffsetDateTime createdAt,
            long version) {}

    record CloseBody(Long version) {}

    private SessionBody body(SignInQrService.QrSession s, HttpServletRequest request) {
        return new SessionBody(
                s.id(),
                s.recordId(),
                s.open() ? links.link(request, s.token()) : null,
                s.expiresAt(),
                s.open(),
                s.closedAt(),
                s.closedBy(),
                s.createdBy(),
                s.createdAt(),
                s.version());
    }

    @GetMapping
    @Operation(summary = "查看记录最近一次扫码签到（进行中时含签到短链接）；从未开启过返回 404")
    SessionBody current(@PathVariable long id, HttpServletRequest request) {
        return body(qr.current(id).orElseThrow(() -> new NotFoundException("扫码签到")), request);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "开启扫码签到（已有进行中的则返回它）；有效至服务日期次日 24 时，服务日期更早的不能开启（400）")
    SessionBody open(@PathVariable long id, HttpServletRequest request) {
        return body(qr.open(id), request);
    }

    @PostMapping("/close")
    @Operation(summary = "关闭扫码签到（乐观锁：须带读取时的 version，过期返回 409）；关闭后签到页返回 410")
    SessionBody close(@PathVariable long id, @RequestBody CloseBody body, HttpServletRequest request) {
        return body(qr.close(id, body == null ? null : body.version()), request);
    }

    @GetMapping(value = "/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "进行中的扫码签到二维码（PNG）")
    ResponseEntity<byte[]> png(@PathVariable long id, HttpServletRequest request) {
        return links.png(id, request);
    }
}
