package cn.sgz.audit;

import static cn.sgz.org.DemoOrg.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sgz.SgzTest;
import cn.sgz.org.DemoOrg;
import cn.sgz.org.TestLogin;
import cn.sgz.shared.ForbiddenException;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The audit trail: writes and logins are recorded with their actor, and browsing it is limited to
 * government roles and to their scope. There is no /audit page or API in this branch yet, so the
 * trail is read through {@link AuditQueryService} as the signed-in user would (the principal is
 * loaded by the application's own UserDetailsService, as at form login).
 */
@SgzTest
class AuditTrailTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditQueryService audit;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    TestLogin login;
    DemoOrg demo;

    @BeforeEach
    void setUp() throws Exception {
        login = new TestLogin(mvc);
        demo = DemoOrg.load(login);
    }

    @AfterEach
    void clearContext() {
        SecurityContextHolder.clearContext();
    }

    /** Runs a query as the given user, with the same principal type a login produces. */
    private <T> T as(String username, Callable<T> query) throws Exception {
        TestLogin.signIn(accounts, username);
        try {
            return query.call();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private List<AuditEntry> recent(String viewer, String action, String actor) throws Exception {
        return as(viewer, () -> audit.recent(action, actor, 0, 200));
    }

    @Test
    void creatingAUnitWritesOrgCreateWithTheActor() throws Exception {
        String name = "审计测试站" + TestLogin.unique();
        MockHttpServletResponse created = login.send(
                "demo_bureau",
                post("/api/v1/org-units"),
                "{\"parentId\":" + demo.general.id() + ",\"type\":\"STATION\",\"name\":\"" + name + "\"}");
        assertThat(created.getStatus()).isEqualTo(201);
        long unitId = id(com.jayway.jsonpath.JsonPath.read(
                created.getContentAsString(java.nio.charset.StandardCharsets.UTF_8), "$"));

        List<AuditEntry> entries = recent("demo_bureau", "ORG_CREATE", "demo_bureau");
        assertThat(entries)
                .filteredOn(e -> String.valueOf(unitId).equals(e.targetId()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("demo_bureau");
                    assertThat(e.action()).isEqualTo("ORG_CREATE");
                    assertThat(e.targetType()).isEqualTo("ORG_UNIT");
                    assertThat(e.result()).isEqualTo("SUCCESS");
                    assertThat(e.detail()).contains(name);
                    assertThat(e.traceId()).isEqualTo(created.getHeader("X-Trace-Id"));
                    assertThat(e.occurredAt()).isNotNull();
                });
        // the city sees the same line
        assertThat(recent("demo_city", "ORG_CREATE", "demo_bureau"))
                .anySatisfy(e -> assertThat(e.targetId()).isEqualTo(String.valueOf(unitId)));
    }

    @Test
    void refusedWritesLeaveNoSuccessLine() throws Exception {
        String name = "审计越权社工室" + TestLogin.unique();
        MockHttpServletResponse refused = login.send(
                "demo_worker",
                post("/api/v1/org-units"),
                "{\"parentId\":" + demo.s1.id() + ",\"type\":\"ROOM\",\"name\":\"" + name + "\"}");
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(recent("demo_bureau", "ORG_CREATE", null))
                .noneSatisfy(e -> assertThat(e.detail()).contains(name));
    }

    @Test
    void loginsAreRecorded() throws Exception {
        String username = "audit_login_" + TestLogin.unique();
        String password = "Audit-login-2026";
        login.createUser("demo_bureau", username, password, "SOCIAL_WORKER", demo.s3.id(), null);
        assertThat(login.attemptLogin(username, "wrong-password-x").getRedirectedUrl())
                .isEqualTo("/login?error=bad");
        login.login(username, password);

        // both attempts are written
        List<String> rows = jdbc.sql("SELECT result FROM audit_event WHERE action = 'LOGIN' AND actor = ? ORDER BY id")
                .param(username)
                .query(String.class)
                .list();
        assertThat(rows).containsExactly("FAILURE", "SUCCESS");

        // the bureau of the user's county sees both, like every other event done by people in its area
        List<AuditEntry> logins = recent("demo_bureau", "LOGIN", username);
        assertThat(logins).extracting(AuditEntry::result).contains("SUCCESS", "FAILURE");
        assertThat(logins).allSatisfy(e -> assertThat(e.actor()).isEqualTo(username));
        assertThat(logins)
                .filteredOn(e -> "FAILURE".equals(e.result()))
                .allSatisfy(
                        e -> assertThat(e.detail()).contains("BadCredentials").doesNotContain("wrong-password"));
        assertThat(recent("demo_city", "LOGIN", username))
                .extracting(AuditEntry::result)
                .contains("SUCCESS");
    }

    @Test
    void downloadsAndViewsOfPersonalRecordsAreRecorded() throws Exception {
        MockHttpServletResponse export = mvc.perform(get("/api/v1/staff/export").with(login.as("demo_head")))
                .andReturn()
                .getResponse();
        assertThat(export.getStatus()).isEqualTo(200);
        MockHttpServletResponse view = mvc.perform(
                        get("/api/v1/staff/" + demo.s1.staffIds().get(0)).with(login.as("demo_head")))
                .andReturn()
                .getResponse();
        assertThat(view.getStatus()).isEqualTo(200);

        assertThat(recent("demo_bureau", "EXPORT", "demo_head"))
                .anySatisfy(e -> assertThat(e.traceId()).isEqualTo(export.getHeader("X-Trace-Id")));
        assertThat(recent("demo_bureau", "VIEW_PERSONAL", "demo_head")).anySatisfy(e -> {
            assertThat(e.traceId()).isEqualTo(view.getHeader("X-Trace-Id"));
            assertThat(e.targetId()).isEqualTo(String.valueOf(demo.s1.staffIds().get(0)));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo_worker", "demo_worker2", "demo_head", "demo_agency", "demo_evaluator"})
    void onlyGovernmentRolesBrowseTheTrail(String user) throws Exception {
        assertThatThrownBy(() -> recent(user, null, null)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theBureauSeesOnlyEventsInsideItsCounty() throws Exception {
        String tag = TestLogin.unique();
        // demo_city creates units in another county, and one inside 九原区
        long county = id(login.createUnit("demo_city", demo.city.id(), "COUNTY_BUREAU", "审计外区民政局" + tag));
        long general = id(login.createUnit("demo_city", county, "GENERAL_STATION", "审计外区总站" + tag));
        long inside = id(login.createUnit("demo_city", demo.s3.id(), "ROOM", "审计区内社工室" + tag));

        List<AuditEntry> bureauView = recent("demo_bureau", "ORG_CREATE", "demo_city");
        assertThat(bureauView)
                .extracting(AuditEntry::targetId)
                .contains(String.valueOf(inside))
                .doesNotContain(String.valueOf(county), String.valueOf(general));
        assertThat(recent("demo_bureau", null, null))
                .extracting(AuditEntry::detail)
                .noneSatisfy(d -> assertThat(d).contains("审计外区"));

        List<AuditEntry> cityView = recent("demo_city", "ORG_CREATE", "demo_city");
        assertThat(cityView)
                .extracting(AuditEntry::targetId)
                .contains(String.valueOf(county), String.valueOf(general), String.valueOf(inside));

        // an officer of the other county sees its events and none of 九原区's
        String officer = "audit_bureau_" + tag;
        String password = "Audit-county-" + tag + "-pw";
        login.createUser("demo_city", officer, password, "BUREAU_OFFICER", county, null);
        List<AuditEntry> otherView = recent(officer, null, null);
        assertThat(otherView)
                .extracting(AuditEntry::targetId)
                .contains(String.valueOf(general))
                .doesNotContain(String.valueOf(inside));
        assertThat(otherView).noneSatisfy(e -> assertThat(e.actor()).isIn("demo_head", "demo_worker", "demo_worker2"));

        retireUnits(inside);
    }

    private void retireUnits(long... ids) throws Exception {
        for (long unit : ids) {
            assertThat(login.send(
                                    "demo_city",
                                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                            "/api/v1/org-units/" + unit + "/active"),
                                    "{\"active\":false}")
                            .getStatus())
                    .isEqualTo(200);
        }
    }

    @Test
    void thePageAndTheApiNameActionsInChineseAndFilterByDate() throws Exception {
        login.login("demo_worker");
        var cookie = login.login("demo_bureau");
        String page = mvc.perform(get("/audit").param("action", "LOGIN").cookie(cookie))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("登录", "成功", "开始日期", "结束日期").doesNotContain(">LOGIN<", ">SUCCESS<");
        // the filter list and the rows are reused fragments: each keeps its own selection and rows
        assertThat(page).contains("<option value=\"LOGIN\" selected=\"selected\">");
        String all = mvc.perform(get("/audit").cookie(cookie))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(all).contains("<option value=\"LOGIN\">").doesNotContain("selected=\"selected\"");
        assertThat(page)
                .as("times in China time, to the minute")
                .containsPattern("<td>" + cn.sgz.shared.ChinaTime.today() + " \\d{2}:\\d{2}</td>");

        String today = cn.sgz.shared.ChinaTime.today().toString();
        String tomorrow = cn.sgz.shared.ChinaTime.today().plusDays(1).toString();
        String json = mvc.perform(get("/api/v1/audit")
                        .param("action", "LOGIN")
                        .param("from", today)
                        .param("to", today)
                        .with(login.as("demo_bureau")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json).contains("\"actionLabel\":\"登录\"", "\"resultLabel\":\"成功\"");
        String none = mvc.perform(get("/api/v1/audit")
                        .param("action", "LOGIN")
                        .param("from", tomorrow)
                        .with(login.as("demo_bureau")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(none).isEqualTo("[]");
        MockHttpServletResponse reversed = mvc.perform(get("/api/v1/audit")
                        .param("from", tomorrow)
                        .param("to", today)
                        .with(login.as("demo_bureau")))
                .andReturn()
                .getResponse();
        assertThat(reversed.getStatus()).isEqualTo(400);
        assertThat(reversed.getContentAsString()).contains("开始日期不能晚于结束日期");
    }
}
