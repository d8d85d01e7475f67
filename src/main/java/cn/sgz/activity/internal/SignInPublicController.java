package cn.sgz.activity.internal;

import cn.sgz.shared.BusinessException;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a resident opens from the worker's QR code (扫码签到), without an account. Shows only the
 * activity's title, date and station; never the names on the sheet. Plain HTML form, no script, no session.
 */
@Controller
class SignInPublicController {

    private final SignInQrService service;

    SignInPublicController(SignInQrService service) {
        this.service = service;
    }

    @GetMapping("/s/{token}")
    String page(@PathVariable String token, HttpServletResponse response, Model model) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("activity", service.activity(token));
        model.addAttribute("token", token);
        return "activity/public/sign-in";
    }

    @PostMapping("/s/{token}")
    String signIn(
            @PathVariable String token,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String phone,
            @RequestParam(defaultValue = "false") boolean forFamily,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("activity", service.activity(token));
        model.addAttribute("token", token);
        try {
            model.addAttribute("result", service.signIn(token, name, phone, forFamily, request.getRemoteAddr()));
            return "activity/public/signed-in";
        } catch (BusinessException e) {
            FormErrors.addTo(model, e);
            response.setStatus("RATE_LIMITED".equals(e.code()) ? 429 : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("name", name);
            model.addAttribute("phone", phone);
            model.addAttribute("forFamily", forFamily);
            return "activity/public/sign-in";
        }
    }

    @ExceptionHandler(SignInQrService.SessionGone.class)
    String gone(SignInQrService.SessionGone e, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_GONE);
        model.addAttribute("message", e.getMessage());
        return "activity/public/closed";
    }

    @ExceptionHandler(NotFoundException.class)
    String unknown(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("message", "签到码无效：请确认扫描的是现场社工出示的二维码，或向社工索取签到链接");
        return "activity/public/closed";
    }
}
