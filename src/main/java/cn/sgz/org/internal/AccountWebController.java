package cn.sgz.org.internal;

import cn.sgz.org.ScopeService;
import cn.sgz.shared.web.FormSubmission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Login page, first-admin setup and the profile page (password change, API tokens). */
@Controller
class AccountWebController {

    private final ScopeService scopes;
    private final AccountService accounts;
    private final ApiTokenService tokens;
    private final FirstAdminSetup setup;
    private final StartupStatus startup;

    AccountWebController(
            ScopeService scopes,
            AccountService accounts,
            ApiTokenService tokens,
            FirstAdminSetup setup,
            StartupStatus startup) {
        this.scopes = scopes;
        this.accounts = accounts;
        this.tokens = tokens;
        this.setup = setup;
        this.startup = startup;
    }

    @GetMapping("/login")
    String login(Model model, HttpServletResponse response) {
        if (startup.loading()) {
            // Accounts and demo data may not exist yet: say so, and look again in a few seconds by itself
            model.addAttribute("loadingSeconds", startup.secondsLoading());
            response.setHeader("Refresh", "5");
        }
        return "login";
    }

    @GetMapping("/setup")
    String setupForm(Model model) {
        model.addAttribute("open", setup.isOpen());
        return "account/setup";
    }

    @PostMapping("/setup")
    String setup(
            @RequestParam String token,
            @RequestParam String username,
            @RequestParam(required = false) String displayName,
            @RequestParam String password,
            Model model,
            HttpServletResponse response) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    setup.createAdmin(token, username, displayName, password);
                    return "redirect:/login?setup";
                },
                () -> setupForm(model));
    }

    @GetMapping("/profile")
    String profile(Model model) {
        model.addAttribute("tokens", tokens.list(scopes.currentUser()));
        return "account/profile";
    }

    @PostMapping("/profile/password")
    String changePassword(
            @RequestParam String oldPassword,
            @RequestParam String newPassword,
            @RequestParam String confirmPassword,
            Model model,
            RedirectAttributes flash,
            HttpServletRequest request,
            HttpServletResponse response) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    var session = request.getSession(false);
                    accounts.changePassword(
                            scopes.currentUser(),
                            oldPassword,
                            newPassword,
                            confirmPassword,
                            session == null ? null : session.getId());
                    flash.addFlashAttribute("notice", "密码已修改");
                    return "redirect:/profile";
                },
                () -> profile(model));
    }

    @PostMapping("/profile/tokens")
    String createToken(
            @RequestParam String name,
            @RequestParam(required = false) Integer validDays,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    flash.addFlashAttribute("newToken", tokens.issue(scopes.currentUser(), name, validDays));
                    return "redirect:/profile";
                },
                () -> profile(model));
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, RedirectAttributes flash) {
        tokens.revoke(scopes.currentUser(), id);
        flash.addFlashAttribute("notice", "令牌已撤销");
        return "redirect:/profile";
    }
}
