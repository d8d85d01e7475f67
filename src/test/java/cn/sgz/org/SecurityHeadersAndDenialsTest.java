package cn.sgz.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.sgz.SgzTest;
import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18, findings 11 and 3: security headers (CSP with script nonces and no inline scripts without
 * one, Referrer-Policy, Permissions-Policy), API 403s in JSON, denied probes audited (rate-limited),
 * and failed logins of unknown names visible to the city office.
 */
@SgzTest
class SecurityHeadersAndDenialsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    TestLogin login;
    DemoOrg demo;

    @BeforeEach
    void setUp() throws Exception {
        login = new TestLogin(mvc);
        demo = DemoOrg.load(login);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        Cookie session = login.login("demo_worker");
        for (MockHttpServletResponse r : List.of(
                mvc.perform(get("/login")).andReturn().getResponse(),
                mvc.perform(get("/").cookie(session).accept(MediaType.TEXT_HTML))
                        .andReturn()
                        .getResponse(),
                mvc.perform(get("/api/v1/me").with(login.as("demo_worker")))
                        .andReturn()
                        .getResponse())) {
            String csp = r.getHeader("Content-Security-Policy");
            assertThat(csp)
                    .contains("script-src 'self' 'nonce-")
                    .contains("frame-ancestors 'none'")
                    .contains("object-src 'none'");
            String scriptSrc = csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")));
            assertThat(scriptSrc).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(r.getHeader("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(r.getHeader("Permissions-Policy"))
                    .contains("camera=(self)")
                    .contains("geolocation=(self)")
                    .contains("microphone=()");
        }
    }

    @Test
    void inlineScriptsOnAPageCarryThatAnswersNonce() throws Exception {
        Cookie session = login.login("demo_worker");
        long record = jdbc.sql("SELECT id FROM service_record WHERE station_id = ? ORDER BY id")
                .param(demo.s1.id())
                .query(Long.class)
                .list()
                .get(0);
        MockHttpServletResponse camera = mvc.perform(
                        get("/records/" + record + "/camera").cookie(session).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        assertThat(camera.getStatus()).isEqualTo(200);
        String csp = camera.getHeader("Content-Security-Policy");
        Matcher n = Pattern.compile("'nonce-([^']+)'").matcher(csp);
        assertThat(n.find()).isTrue();
        String html = camera.getContentAsString(StandardCharsets.UTF_8);
        Matcher scripts = Pattern.compile("<script(?![^>]*\\bsrc=)([^>]*)>").matcher(html);
        assertThat(html).contains("<script nonce=");
        while (scripts.find()) {
            assertThat(scripts.group(1)).as("inline script tag").contains("nonce=\"" + n.group(1) + "\"");
        }
    }

    /** Every template: no inline event handler, and every inline script asks for the nonce. */
    @Test
    void templatesHaveNoInlineHandlersAndNoInlineScriptWithoutNonce() throws IOException {
        List<String> problems = new ArrayList<>();
        Pattern handler = Pattern.compile("\\son[a-z]+\\s*=\\s*\"", Pattern.CASE_INSENSITIVE);
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)([^>]*)>");
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(f);
                if (handler.matcher(html).find()) {
                    problems.add(f + ": inline event handler");
                }
                Matcher m = inlineScript.matcher(html);
                while (m.find()) {
                    if (!m.group(1).contains("nonce=${cspNonce}")) {
                        problems.add(f + ": inline script without th:attr=\"nonce=${cspNonce}\"");
                    }
                }
                if (html.contains("javascript:")) {
                    problems.add(f + ": javascript: URL");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aForbiddenApiCallAnswersJsonEvenFromAPageController() throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/api/v1/audit").with(login.as("demo_worker")))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.getContentType()).startsWith("application/json");
        assertThat((String) JsonPath.read(r.getContentAsString(StandardCharsets.UTF_8), "$.code"))
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void deniedProbesAreAuditedAndRateLimited() throws Exception {
        String username = "prober_" + TestLogin.unique();
        login.createUser("demo_bureau", username, "Probe-around-2026", "SOCIAL_WORKER", demo.s3.id(), null);
        String token = login.issueToken(login.login(username, "Probe-around-2026"), "probe");
        long foreignStaff = demo.s1.staffIds().get(0);
        for (int i = 0; i < 30; i++) {
            assertThat(mvc.perform(get("/api/v1/staff/" + foreignStaff).with(TestLogin.bearer(token)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(404);
        }
        List<String> rows = jdbc.sql("SELECT detail FROM audit_event WHERE action = 'ACCESS_DENIED' AND actor = ? "
                        + "AND result = 'DENIED' ORDER BY id")
                .param(username)
                .query(String.class)
                .list();
        assertThat(rows).hasSize(20);
        assertThat(rows.get(0)).isEqualTo("404 GET /api/v1/staff/" + foreignStaff);
        // the bureau sees the denials of people in its area
        assertThat(login.getJson("demo_bureau", "/api/v1/audit?action=ACCESS_DENIED&actor=" + username, 200))
                .contains("/api/v1/staff/" + foreignStaff);
    }

    @Test
    void failedLoginsOfUnknownNamesAreVisibleToTheCityOffice() throws Exception {
        String ghost = "ghost_" + TestLogin.unique();
        login.attemptLogin(ghost, "Some-password-2026");
        assertThat(login.getJson("demo_city", "/api/v1/audit?action=LOGIN&actor=" + ghost, 200))
                .contains(ghost);
        assertThat(login.getJson("demo_bureau", "/api/v1/audit?action=LOGIN&actor=" + ghost, 200))
                .doesNotContain(ghost);
    }
}
