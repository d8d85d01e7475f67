package cn.sgz.org;

import static cn.sgz.org.DemoOrg.asLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sgz.SgzTest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18, finding 5: sessions end after 30 idle minutes (configurable), pages carry the idle time
 * for the warning script, and an anonymous visit of the login page writes no session row.
 */
@SgzTest
class SessionHardeningTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    TestLogin login;
    DemoOrg demo;

    @BeforeEach
    void setUp() throws Exception {
        login = new TestLogin(mvc);
        demo = DemoOrg.load(login);
    }

    private long sessionRows() {
        return jdbc.sql("SELECT COUNT(*) FROM spring_session").query(Long.class).single();
    }

    @Test
    void anAnonymousLoginPageWritesNoSessionAndItsCookieTokenStillSignsIn() throws Exception {
        TestLogin.restoreProductionCsrf(context);
        long before = sessionRows();
        MockHttpServletResponse page = null;
        for (int i = 0; i < 5; i++) {
            page = mvc.perform(get("/login")).andReturn().getResponse();
            assertThat(page.getCookie(TestLogin.SESSION_COOKIE)).isNull();
        }
        assertThat(sessionRows()).isEqualTo(before);

        // the real browser flow: the token from the page plus the token cookie, no test shortcut
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"")
                .matcher(page.getContentAsString(StandardCharsets.UTF_8));
        assertThat(m.find()).isTrue();
        String token = m.group(1) != null ? m.group(1) : m.group(2);
        Cookie csrfCookie = page.getCookie("XSRF-TOKEN");
        assertThat(csrfCookie).isNotNull();
        MockHttpServletResponse signedIn = mvc.perform(post("/login")
                        .cookie(csrfCookie)
                        .param("_csrf", token)
                        .param("username", "demo_evaluator")
                        .param("password", TestLogin.DEMO_PASSWORD))
                .andReturn()
                .getResponse();
        assertThat(signedIn.getRedirectedUrl()).isEqualTo("/");
        // without the cookie the page's token is worthless
        MockHttpServletResponse forged = mvc.perform(post("/login")
                        .param("_csrf", token)
                        .param("username", "demo_evaluator")
                        .param("password", TestLogin.DEMO_PASSWORD))
                .andReturn()
                .getResponse();
        assertThat(forged.getStatus()).isEqualTo(403);
    }

    @Test
    void aSessionEndsAfterThirtyIdleMinutes() throws Exception {
        String username = "idle_" + TestLogin.unique();
        String password = "Idle-session-2026";
        asLong(login.createUser("demo_bureau", username, password, "SOCIAL_WORKER", demo.s3.id(), null)
                .get("id"));
        Cookie session = login.login(username, password);
        assertThat(jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = ?")
                        .param(username)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1800);

        idle(username, 29);
        assertThat(status(session)).as("29 idle minutes").isEqualTo(200);
        idle(username, 31);
        assertThat(status(session)).as("31 idle minutes").isEqualTo(401);
    }

    private void idle(String username, int minutes) {
        long ms = minutes * 60_000L;
        jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - ?, expiry_time = expiry_time - ? "
                        + "WHERE principal_name = ?")
                .params(ms, ms, username)
                .update();
    }

    private int status(Cookie session) throws Exception {
        return mvc.perform(get("/api/v1/me").cookie(session))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void pagesCarryTheIdleTimeForTheWarningAndKeepaliveAnswers() throws Exception {
        Cookie session = login.login("demo_worker");
        String home = mvc.perform(get("/").cookie(session).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(home)
                .contains("name=\"sgz-idle-seconds\"")
                .contains("content=\"1800\"")
                .contains("/js/session.js");
        assertThat(mvc.perform(get("/session/keepalive").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(204);
        // the login page (nobody signed in) has no warning script
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("session.js");
    }
}
