package cn.sgz.activity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * The public 扫码签到 pages ({@code /s/{token}}) are their own filter chain, like the public feedback pages:
 * open to anyone, stateless (no session row for a resident), CSRF kept in a cookie scoped to {@code /s}, no script.
 */
@Configuration
class SignInPublicSecurityConfig {

    @Bean
    @Order(2)
    SecurityFilterChain publicSignInChain(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository csrfCookies = new CookieCsrfTokenRepository();
        csrfCookies.setCookieName("SIGNIN-XSRF");
        csrfCookies.setCookiePath("/s");
        csrfCookies.setCookieCustomizer(c -> c.httpOnly(true).sameSite("Lax"));
        http.securityMatcher("/s/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookies))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'none'; form-action 'self'; frame-ancestors 'none'")));
        return http.build();
    }
}
