package cn.sgz.org.internal;

import cn.sgz.org.ScopeService;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.web.FormSubmission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Two-factor login pages (code entry after the password, enrolment in the profile) and their API. */
@Controller
class TotpWebController {

    static final int MAX_CODE_ATTEMPTS = 5;
    private static final String ATTEMPTS = "sgz.totp.attempts";

    private final TotpService totp;
    private final ScopeService scopes;
    private final ApplicationEventPublisher events;

    TotpWebController(TotpService totp, ScopeService scopes, ApplicationEventPublisher events) {
        this.totp = totp;
        this.scopes = scopes;
        this.events = events;
    }

    @GetMapping("/login/totp")
    String codeForm() {
        return "account/totp-login";
    }

    @PostMapping("/login/totp")
    String code(
            @RequestParam(required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var me = scopes.currentUser();
        HttpSession session = request.getSession();
        if (totp.verify(me.id(), code)) {
            session.setAttribute(TotpGate.VERIFIED, Boolean.TRUE);
            session.removeAttribute(ATTEMPTS);
            events.publishEvent(new AuditEvent(
                    me.username(), "LOGIN_TOTP", "USER", String.valueOf(me.id()), null, "SUCCESS", null));
            return "redirect:/";
        }
        int attempts = session.getAttribute(ATTEMPTS) instanceof Integer n ? n + 1 : 1;
        events.publishEvent(new AuditEvent(
                me.username(), "LOGIN_TOTP", "USER", String.valueOf(me.id()), null, "FAILURE", "第" + attempts + "次"));
        if (attempts >= MAX_CODE_ATTEMPTS) {
            session.invalidate();
            return "redirect:/login?error=bad";
        }
        session.setAttribute(ATTEMPTS, attempts);
        model.addAttribute("formError", "验证码不正确，请重新输入（还可尝试 " + (MAX_CODE_ATTEMPTS - attempts) + " 次）");
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "account/totp-login";
    }

    @GetMapping("/profile/totp")
    String setup(Model model) {
        var me = scopes.currentUser();
        TotpService.Status status = totp.status(me.id(), me.role());
        model.addAttribute("status", status);
        if (!status.enabled()) {
            model.addAttribute("enrolment", totp.start(me));
        }
        return "account/totp";
    }

    @PostMapping("/profile/totp")
    String confirm(
            @RequestParam(required = false) String code,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        var me = scopes.currentUser();
        return FormSubmission.run(
                model,
                response,
                () -> {
                    List<String> codes = totp.confirm(me, code);
                    request.getSession().setAttribute(TotpGate.VERIFIED, Boolean.TRUE);
                    model.addAttribute("status", totp.status(me.id(), me.role()));
                    model.addAttribute("recoveryCodes", codes);
                    return "account/totp";
                },
                () -> {
                    model.addAttribute("status", totp.status(me.id(), me.role()));
                    model.addAttribute("enrolment", totp.start(me));
                    return "account/totp";
                });
    }

    @PostMapping("/profile/totp/disable")
    String disable(
            @RequestParam(required = false) String code,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        var me = scopes.currentUser();
        return FormSubmission.run(
                model,
                response,
                () -> {
                    if (totp.status(me.id(), me.role()).required()) {
                        throw new BusinessException("TOTP_REQUIRED", "您的角色必须使用两步验证，不能停用；更换手机请联系管理员");
                    }
                    totp.disable(me, code);
                    flash.addFlashAttribute("notice", "已停用两步验证");
                    return "redirect:/profile";
                },
                () -> {
                    model.addAttribute("status", totp.status(me.id(), me.role()));
                    return "account/totp";
                });
    }

    // ---- the same over the API (session callers; tokens are issued only after a complete login)

    record TotpCode(String code) {}

    record TotpRecoveryCodes(List<String> recoveryCodes) {}

    @GetMapping("/api/v1/me/totp")
    @ResponseBody
    TotpService.Status apiStatus() {
        var me = scopes.currentUser();
        return totp.status(me.id(), me.role());
    }

    @PostMapping("/api/v1/me/totp")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    TotpService.Enrolment apiStart() {
        return totp.start(scopes.currentUser());
    }

    @PutMapping("/api/v1/me/totp")
    @ResponseBody
    TotpRecoveryCodes apiConfirm(@RequestBody TotpCode body, HttpServletRequest request) {
        List<String> codes = totp.confirm(scopes.currentUser(), body.code());
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(TotpGate.VERIFIED, Boolean.TRUE);
        }
        return new TotpRecoveryCodes(codes);
    }

    @DeleteMapping("/api/v1/me/totp")
    @ResponseBody
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void apiDisable(@RequestBody TotpCode body) {
        var me = scopes.currentUser();
        if (totp.status(me.id(), me.role()).required()) {
            throw new BusinessException("TOTP_REQUIRED", "您的角色必须使用两步验证，不能停用");
        }
        totp.disable(me, body.code());
    }
}
