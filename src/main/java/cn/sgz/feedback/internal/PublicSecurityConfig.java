package cn.sgz.feedback.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * The public surface ({@code /feedback/**}) is its own filter chain, ahead of the application's: anyone may
 * open it, and it never creates or reads a session (no SPRING_SESSION row for a visitor). CSRF still guards
 * every public form, with the token kept in a cookie scoped to {@code /feedback} instead of the session.
 */
@Configuration
class PublicSecurityConfig {

    static final String CSRF_COOKIE = "FEEDBACK-XSRF";

    @Bean
    @Order(1)
    SecurityFilterChain publicFeedbackChain(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository csrfCookies = new CookieCsrfTokenRepository();
        csrfCookies.setCookieName(CSRF_COOKIE);
        csrfCookies.setCookiePath("/feedback");
        csrfCookies.setCookieCustomizer(c -> c.httpOnly(true).sameSite("Lax"));
        http.securityMatcher("/feedback", "/feedback/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookies))
                .exceptionHandling(ex -> ex.accessDeniedHandler(expiredForm()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'none'; form-action 'self'; frame-ancestors 'none'")));
        return http.build();
    }

    /** A missing or stale CSRF cookie: a plain Chinese page, no session, nothing stored. */
    private static AccessDeniedHandler expiredForm() {
        return (request, response, e) -> {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/html;charset=UTF-8");
            String back = request.getContextPath() + "/feedback";
            response.getOutputStream()
                    .write(("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>页面已过期</title><link rel=\"icon\" href=\"data:,\">"
                                    + "<link rel=\"stylesheet\" href=\"" + request.getContextPath()
                                    + "/css/feedback.css\"></head><body>"
                                    + "<main><h1>页面已过期，请重新填写</h1><p>为保护您的信息，表单需要在同一浏览器中打开后提交"
                                    + "（请允许浏览器保存 Cookie）。您的内容没有被保存。</p><p><a class=\"btn\" href=\"" + back
                                    + "\">返回意见反馈首页</a></p></main></body></html>")
                            .getBytes(StandardCharsets.UTF_8));
        };
    }
}
