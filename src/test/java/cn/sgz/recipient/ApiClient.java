package cn.sgz.recipient;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Signs demo users in through the real login and hands out their API tokens and sessions. */
final class ApiClient {

    static final String PASSWORD = "sgz-demo-2026!";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    static final ObjectMapper JSON = new ObjectMapper();

    private ApiClient() {}

    /** Form login through the real filter chain; the session (Spring Session JDBC) travels as a cookie. */
    static Cookie login(MockMvc mvc, String username) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andReturn();
        Cookie session = result.getResponse().getCookie("SESSION");
        if (session == null || !"/".equals(result.getResponse().getRedirectedUrl())) {
            throw new IllegalStateException("login failed for " + username);
        }
        return session;
    }

    static String token(MockMvc mvc, String username) {
        return TOKENS.computeIfAbsent(username, u -> {
            try {
                Cookie session = login(mvc, u);
                String body = mvc.perform(post("/api/v1/me/tokens")
                                .cookie(session)
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"test\"}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                return JSON.readTree(body).get("token").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static MockHttpServletRequestBuilder as(MockMvc mvc, String username, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + token(mvc, username));
    }

    static JsonNode json(MvcResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString());
    }
}
