package cn.sgz.org.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The second step of a form login. A signed-in session of a user with two-factor login enabled can
 * reach nothing but the code page (/login/totp) until a code is given; a user whose role requires
 * it (sgz.security.totp.required-roles) but who has not enrolled can reach nothing but the enrolment
 * page. Sessions of other users are marked as done on their first request, so this costs one query
 * per session. API tokens are issued only inside a completed session and are not held here.
 */
@Component
class TotpGate extends OncePerRequestFilter {

    static final String VERIFIED = "sgz.totp.verified";

    private final TotpService totp;
    private final JsonErrorWriter errors;

    TotpGate(TotpService totp, JsonErrorWriter errors) {
        this.totp = totp;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session == null
                || auth instanceof BearerTokenFilter.TokenAuthentication
                || !(auth != null && auth.getPrincipal() instanceof SgzPrincipal p)
                || Boolean.TRUE.equals(session.getAttribute(VERIFIED))) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/login/totp")
                || path.equals("/logout")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/")
                || path.equals("/favicon.ico")
                || path.equals("/error")) {
            chain.doFilter(request, response);
            return;
        }
        TotpService.Status status =
                totp.status(p.currentUser().id(), p.currentUser().role());
        if (!status.enabled() && !status.required()) {
            session.setAttribute(VERIFIED, Boolean.TRUE);
            chain.doFilter(request, response);
            return;
        }
        boolean api = path.startsWith("/api/");
        if (!status.enabled()) {
            if (path.startsWith("/profile/totp") || path.startsWith("/api/v1/me/totp")) {
                chain.doFilter(request, response);
            } else if (api) {
                errors.write(
                        request,
                        response,
                        HttpServletResponse.SC_UNAUTHORIZED,
                        "TOTP_REQUIRED",
                        "您的角色须先绑定两步验证（验证器应用）才能使用系统");
            } else {
                response.sendRedirect(request.getContextPath() + "/profile/totp");
            }
            return;
        }
        if (api) {
            errors.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "TOTP_PENDING", "请先在登录页完成两步验证");
        } else {
            response.sendRedirect(request.getContextPath() + "/login/totp");
        }
    }
}
