package cn.sgz.activity.internal;

import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.qr.QrCodes;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The worker's 扫码签到 page of a record: QR code, short link, closing, and the sheet filling up live. */
@Controller
class SignInQrWebController {

    private final SignInQrService qr;
    private final ServiceRecordService records;
    private final String baseUrl;

    SignInQrWebController(
            SignInQrService qr, ServiceRecordService records, @Value("${sgz.public-base-url:}") String baseUrl) {
        this.qr = qr;
        this.records = records;
        this.baseUrl = baseUrl;
    }

    /** The short link a resident opens: {@code <base>/s/<token>}. */
    String link(HttpServletRequest request, String token) {
        String b = baseUrl == null || baseUrl.isBlank()
                ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString()
                : baseUrl;
        return (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + "/s/" + token;
    }

    @GetMapping("/records/{id}/qr")
    String page(@PathVariable long id, HttpServletRequest request, Model model) {
        ServiceRecordView r = records.get(id);
        var session = qr.current(id).orElse(null);
        model.addAttribute("r", r);
        model.addAttribute("qrSession", session);
        model.addAttribute("link", session != null && session.open() ? link(request, session.token()) : null);
        model.addAttribute("canWrite", records.canWrite() && !r.voided());
        model.addAttribute("signIns", records.signIns(id));
        return "activity/qr";
    }

    /** The sheet alone, polled by the page every few seconds (htmx). */
    @GetMapping("/records/{id}/qr/list")
    String list(@PathVariable long id, Model model) {
        model.addAttribute("signIns", records.signIns(id));
        return "activity/qr :: list";
    }

    @GetMapping("/records/{id}/qr.png")
    ResponseEntity<byte[]> png(@PathVariable long id, HttpServletRequest request) {
        var session = qr.current(id)
                .filter(SignInQrService.QrSession::open)
                .orElseThrow(() -> new cn.sgz.shared.NotFoundException("进行中的扫码签到"));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noStore())
                .body(QrCodes.png(link(request, session.token()), 480));
    }

    @PostMapping("/records/{id}/qr/open")
    String open(@PathVariable long id, RedirectAttributes flash) {
        try {
            qr.open(id);
            flash.addFlashAttribute("notice", "扫码签到已开启，请让参加者扫描二维码");
        } catch (BusinessException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/records/" + id + "/qr";
    }

    @PostMapping("/records/{id}/qr/close")
    String close(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash) {
        try {
            qr.close(id, version);
            flash.addFlashAttribute("notice", "扫码签到已关闭，二维码和链接不再可用");
        } catch (BusinessException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/records/" + id + "/qr";
    }
}
