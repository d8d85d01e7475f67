package cn.sgz.org.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The OpenAPI document and Swagger UI are open in development but behind login in production
 * ({@code sgz.security.public-api-docs=false}, set by the prod profile). Runs after the security
 * filter chain, which leaves these paths open and has already read the session or the bearer token.
 */
@Component
class ApiDocsGuard extends OncePerRequestFilter {

    private final boolean publicDocs;
    private final JsonErrorWriter errors;

    ApiDocsGuard(@Value("${sgz.security.public-api-docs:true}") boolean publicDocs, JsonErrorWriter errors) {
        this.publicDocs = publicDocs;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return publicDocs || !(path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            chain.doFilter(request, response);
        } else if (request.getRequestURI().contains("/v3/api-docs")) {
            errors.write(
                    request,
                    response,
                    HttpServletResponse.SC_UNAUTHORIZED,
                    "UNAUTHORIZED",
                    "接口文档仅对已登录用户开放：请先登录或提供有效的 API 令牌");
        } else {
            response.sendRedirect(request.getContextPath() + "/login");
        }
    }
}
