package cn.sgz.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * "Log in as X" for MockMvc tests, done for real: a form login through the security filter chain
 * (the session lives in Spring Session JDBC and travels as the SESSION cookie), or a personal API
 * token issued over that session and sent as {@code Authorization: Bearer}. Demo users' tokens are
 * cached for the JVM, since every {@code @SgzTest} class shares one context and one database.
 */
public final class TestLogin {

    /**
     * Makes {@code username} the signed-in user of this thread, with the principal a real login produces, for tests
     * that call services directly; {@code SecurityContextHolder.clearContext()} (or {@link #signOut()}) undoes it.
     */
    public static void signIn(
            org.springframework.security.core.userdetails.UserDetailsService accounts, String username) {
        org.springframework.security.core.userdetails.UserDetails principal = accounts.loadUserByUsername(username);
        org.springframework.security.core.context.SecurityContextHolder.getContext()
                .setAuthentication(
                        org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                                principal, null, principal.getAuthorities()));
    }

    /** Undoes {@link #signIn}. */
    public static void signOut() {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }

    public static final String DEMO_PASSWORD = "sgz-demo-2026!";
    public static final String SESSION_COOKIE = "SESSION";

    private static final Map<String, String> DEMO_TOKENS = new ConcurrentHashMap<>();
    // random start: names stay unique even on a database that outlives one test run
    private static final AtomicLong SEQ = new AtomicLong(java.util.concurrent.ThreadLocalRandom.current()
            .nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36));

    private final MockMvc mvc;

    public TestLogin(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** A short unique suffix for names of units, users and agencies that tests create. */
    public static String unique() {
        return Long.toString(SEQ.incrementAndGet(), 36);
    }

    /** Form login; fails the test unless it succeeds. Returns the session cookie of the signed-in session. */
    public Cookie login(String username, String password) throws Exception {
        MockHttpServletResponse response = attemptLogin(username, password);
        assertThat(response.getStatus()).as("login of %s", username).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).as("login of %s", username).isEqualTo("/");
        Cookie session = response.getCookie(SESSION_COOKIE);
        assertThat(session).as("session cookie after login of %s", username).isNotNull();
        return session;
    }

    public Cookie login(String demoUser) throws Exception {
        return login(demoUser, DEMO_PASSWORD);
    }

    /** A login attempt whatever its outcome, for tests of failures. */
    public MockHttpServletResponse attemptLogin(String username, String password) throws Exception {
        return mvc.perform(formLogin("/login").user(username).password(password))
                .andReturn()
                .getResponse();
    }

    /** Issues a new API token over a signed-in session. */
    public String issueToken(Cookie session, String name) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/v1/me/tokens")
                        .cookie(session)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\"}"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus())
                .as("token issue: %s", response.getContentAsString())
                .isEqualTo(201);
        String token = JsonPath.read(response.getContentAsString(StandardCharsets.UTF_8), "$.token");
        assertThat(token).startsWith("sgz_");
        return token;
    }

    /** A (cached) API token of a demo user. */
    public String token(String demoUser) {
        return DEMO_TOKENS.computeIfAbsent(demoUser, u -> {
            try {
                return issueToken(login(u), "test-" + u + "-" + unique());
            } catch (Exception e) {
                throw new IllegalStateException("could not get a token for " + u, e);
            }
        });
    }

    /**
     * Puts the application's own CSRF token repository (a cookie) back into the security filter chain.
     * spring-security-test's {@code csrf()} swaps in a session-backed test repository for the whole
     * shared context the first time any test uses it, so tests of what an anonymous visitor causes
     * (no session at all) must undo that first.
     */
    public static void restoreProductionCsrf(org.springframework.web.context.WebApplicationContext context) {
        org.springframework.security.test.web.support.WebTestUtils.setCsrfTokenRepository(
                new org.springframework.mock.web.MockHttpServletRequest(context.getServletContext()),
                new org.springframework.security.web.csrf.CookieCsrfTokenRepository());
    }

    /** Adds a bearer token header to a request. */
    public static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }

    /** Authenticates an API request as the given demo user, or with the given raw token ("sgz_..."). */
    public RequestPostProcessor as(String demoUserOrToken) {
        return bearer(demoUserOrToken.startsWith("sgz_") ? demoUserOrToken : token(demoUserOrToken));
    }

    /** GET as a demo user over the API; returns the body as text after checking the status. */
    public String getJson(String demoUser, String url, int expectedStatus) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get(url).with(as(demoUser))).andReturn().getResponse();
        assertThat(response.getStatus())
                .as("GET %s as %s: %s", url, demoUser, response.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(expectedStatus);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** A JSON write (POST, PUT, PATCH, DELETE builder) as a demo user; returns the response. */
    public MockHttpServletResponse send(String demoUser, MockHttpServletRequestBuilder request, String json)
            throws Exception {
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request.with(as(demoUser))).andReturn().getResponse();
    }

    /** The org units a demo user sees through the API: id → JSON object as a map. */
    public List<Map<String, Object>> units(String demoUser) throws Exception {
        return JsonPath.read(getJson(demoUser, "/api/v1/org-units", 200), "$");
    }

    public List<Map<String, Object>> staff(String demoUser) throws Exception {
        return JsonPath.read(getJson(demoUser, "/api/v1/staff", 200), "$");
    }

    /** Creates an org unit over the API as a user (demo user name or a raw token); returns it as JSON. */
    public Map<String, Object> createUnit(String user, Long parentId, String type, String name) throws Exception {
        MockHttpServletResponse response = send(
                user,
                post("/api/v1/org-units"),
                "{\"parentId\":" + parentId + ",\"type\":\"" + type + "\",\"name\":\"" + name + "\"}");
        assertThat(response.getStatus())
                .as("create %s %s: %s", type, name, response.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(201);
        return JsonPath.read(response.getContentAsString(StandardCharsets.UTF_8), "$");
    }

    /** Creates an uncertified staff member at a station; returns it as JSON. */
    public Map<String, Object> createStaff(String user, long stationId, String name) throws Exception {
        MockHttpServletResponse response = send(
                user,
                post("/api/v1/staff"),
                "{\"stationId\":" + stationId + ",\"name\":\"" + name + "\",\"gender\":\"女\",\"position\":\"驻站社工\"}");
        assertThat(response.getStatus())
                .as("create staff %s: %s", name, response.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(201);
        return JsonPath.read(response.getContentAsString(StandardCharsets.UTF_8), "$");
    }

    /** Creates an account as an administrating user; returns it as JSON. */
    public Map<String, Object> createUser(
            String user, String username, String password, String role, Long orgUnitId, Long agencyId)
            throws Exception {
        MockHttpServletResponse response = send(
                user,
                post("/api/v1/users"),
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"displayName\":\"测试 "
                        + username + "\",\"role\":\"" + role + "\",\"orgUnitId\":" + orgUnitId
                        + ",\"agencyId\":" + agencyId + "}");
        assertThat(response.getStatus())
                .as("create user %s: %s", username, response.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(201);
        return JsonPath.read(response.getContentAsString(StandardCharsets.UTF_8), "$");
    }
}
