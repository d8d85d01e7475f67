package cn.sgz.org.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain: form login with database-backed sessions for people, bearer tokens for API
 * clients. API callers get JSON 401/403, browsers get the login page. CSRF protects every form;
 * only token-authenticated calls (which carry no cookie) skip it.
 */
@Configuration
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokenService tokens, JsonErrorWriter errors)
            throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                "/setup",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/sw.js",
                                "/manifest.webmanifest",
                                "/icons/**",
                                "/error",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", true)
                        .failureHandler(loginFailureHandler())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // CSRF token in a cookie, and no saved request: an anonymous visitor (GET /login) gets no
                // server-side session, so nobody can fill the session table by loading the login page
                .csrf(csrf ->
                        csrf.csrfTokenRepository(csrfCookie()).ignoringRequestMatchers(BearerTokenFilter::hasBearer))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .addFilterBefore(new BearerTokenFilter(tokens, errors), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                                (req, res, e) -> errors.write(
                                        req,
                                        res,
                                        HttpServletResponse.SC_UNAUTHORIZED,
                                        "UNAUTHORIZED",
                                        "请先登录或提供有效的 API 令牌"),
                                api)
                        .defaultAccessDeniedHandlerFor(
                                (req, res, e) -> errors.write(
                                        req,
                                        res,
                                        HttpServletResponse.SC_FORBIDDEN,
                                        "FORBIDDEN",
                                        "无权执行此操作（或 CSRF 令牌缺失）"),
                                api));
        // Content-Security-Policy (with script nonces), Referrer-Policy and Permissions-Policy: SecurityHeadersFilter
        return http.build();
    }

    /**
     * One answer for every failed login (wrong password, unknown name, locked, disabled, too many from
     * this address), so the login page tells an attacker nothing about the account.
     */
    private static AuthenticationFailureHandler loginFailureHandler() {
        return (request, response, exception) -> response.sendRedirect(request.getContextPath() + "/login?error=bad");
    }

    /**
     * The CSRF token in a cookie; API callers keep sending it as {@code X-CSRF-TOKEN} (the header the pages' meta tag
     * names and docs/api.md documents), not the cookie repository's default X-XSRF-TOKEN.
     */
    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
        repository.setHeaderName("X-CSRF-TOKEN");
        return repository;
    }
}
