package cn.sgz.org.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/** Issue 18, finding 11: with sgz.security.public-api-docs=false (production) the API docs need a login. */
class ApiDocsGuardTest {

    private final ApiDocsGuard production =
            new ApiDocsGuard(false, new JsonErrorWriter(JsonMapper.builder().build()));

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletResponse get(ApiDocsGuard guard, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        guard.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void anonymousCallersGetNoApiDocsInProduction() throws Exception {
        MockHttpServletResponse doc = get(production, "/v3/api-docs");
        assertThat(doc.getStatus()).isEqualTo(401);
        assertThat(doc.getContentType()).startsWith("application/json");
        MockHttpServletResponse ui = get(production, "/swagger-ui/index.html");
        assertThat(ui.getStatus()).isEqualTo(302);
        assertThat(ui.getRedirectedUrl()).isEqualTo("/login");
        // other paths are not this filter's business
        assertThat(get(production, "/login").getStatus()).isEqualTo(200);
    }

    @Test
    void signedInUsersAndDevelopmentSeeThem() throws Exception {
        assertThat(get(new ApiDocsGuard(true, null), "/v3/api-docs").getStatus())
                .isEqualTo(200);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "demo_worker", null, List.of(new SimpleGrantedAuthority("ROLE_SOCIAL_WORKER"))));
        assertThat(get(production, "/v3/api-docs").getStatus()).isEqualTo(200);
    }
}
