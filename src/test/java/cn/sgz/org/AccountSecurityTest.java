package cn.sgz.org;

import static cn.sgz.org.DemoOrg.asLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.sgz.SgzTest;
import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Accounts: password policy, login throttling, disabling ends sessions, session cookie attributes. */
@SgzTest
class AccountSecurityTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    TestLogin login;
    DemoOrg demo;

    @BeforeEach
    void setUp() throws Exception {
        login = new TestLogin(mvc);
        demo = DemoOrg.load(login);
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** A fresh social worker of station 3, created by the bureau; returns its id. */
    private long freshUser(String username, String password) throws Exception {
        return asLong(login.createUser("demo_bureau", username, password, "SOCIAL_WORKER", demo.s3.id(), null)
                .get("id"));
    }

    private List<Map<String, Object>> fieldErrors(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(body(response)).isEqualTo(400);
        return JsonPath.read(body(response), "$.details");
    }

    @Test
    void passwordsShorterThan12AreRefused() throws Exception {
        String username = "shortpw_" + TestLogin.unique();
        MockHttpServletResponse create = login.send(
                "demo_bureau",
                post("/api/v1/users"),
                "{\"username\":\"" + username + "\",\"password\":\"Abcdef-123\",\"displayName\":\"短密码\","
                        + "\"role\":\"SOCIAL_WORKER\",\"orgUnitId\":" + demo.s3.id() + "}");
        List<Map<String, Object>> errors = fieldErrors(create);
        assertThat(errors).extracting(e -> e.get("field")).containsExactly("password");
        assertThat((String) errors.get(0).get("message")).contains("12");
        assertThat(body(mvc.perform(get("/api/v1/users").with(login.as("demo_bureau")))
                        .andReturn()
                        .getResponse()))
                .doesNotContain(username);

        // 11 characters refused, 12 accepted
        String eleven = "Abcdefgh-12";
        assertThat(eleven).hasSize(11);
        MockHttpServletResponse elevenChars = login.send(
                "demo_bureau",
                post("/api/v1/users"),
                "{\"username\":\"" + username + "\",\"password\":\"" + eleven + "\",\"displayName\":\"短密码\","
                        + "\"role\":\"SOCIAL_WORKER\",\"orgUnitId\":" + demo.s3.id() + "}");
        assertThat(fieldErrors(elevenChars)).extracting(e -> e.get("field")).containsExactly("password");
        long id = freshUser(username, eleven + "3");

        // the same rule on an administrator's reset and on the user's own change
        MockHttpServletResponse reset =
                login.send("demo_bureau", put("/api/v1/users/" + id + "/password"), "{\"password\":\"short-pw\"}");
        assertThat(fieldErrors(reset)).extracting(e -> e.get("field")).containsExactly("password");
        String token = login.issueToken(login.login(username, eleven + "3"), "pw");
        MockHttpServletResponse own = login.send(
                token,
                put("/api/v1/me/password"),
                "{\"oldPassword\":\"" + eleven + "3\",\"newPassword\":\"tiny-pw\",\"confirmPassword\":\"tiny-pw\"}");
        assertThat(fieldErrors(own)).extracting(e -> e.get("field")).containsExactly("newPassword");
        // and the old password still works
        login.login(username, eleven + "3");
    }

    @Test
    void commonPasswordsAreRefused() throws Exception {
        String username = "commonpw_" + TestLogin.unique();
        MockHttpServletResponse create = login.send(
                "demo_bureau",
                post("/api/v1/users"),
                "{\"username\":\"" + username + "\",\"password\":\"qwerty123456\",\"displayName\":\"常见密码\","
                        + "\"role\":\"SOCIAL_WORKER\",\"orgUnitId\":" + demo.s3.id() + "}");
        List<Map<String, Object>> errors = fieldErrors(create);
        assertThat(errors).extracting(e -> e.get("field")).containsExactly("password");
        assertThat((String) errors.get(0).get("message")).contains("最常见的密码");
    }

    @Test
    void theProfilePageShowsPasswordErrorsInChinese() throws Exception {
        String username = "profilepw_" + TestLogin.unique();
        String password = "Profile-pass-2026";
        freshUser(username, password);
        Cookie session = login.login(username, password);

        MockHttpServletResponse wrongOld = mvc.perform(post("/profile/password")
                        .cookie(session)
                        .with(csrf())
                        .param("oldPassword", "not-my-password")
                        .param("newPassword", "Another-pass-2026")
                        .param("confirmPassword", "Another-pass-2026"))
                .andReturn()
                .getResponse();
        assertThat(wrongOld.getStatus()).isEqualTo(400);
        assertThat(body(wrongOld)).contains("原密码不正确");

        MockHttpServletResponse tooShort = mvc.perform(post("/profile/password")
                        .cookie(session)
                        .with(csrf())
                        .param("oldPassword", password)
                        .param("newPassword", "short-1")
                        .param("confirmPassword", "short-1"))
                .andReturn()
                .getResponse();
        assertThat(tooShort.getStatus()).isEqualTo(400);
        assertThat(body(tooShort)).contains("密码至少12个字符");
        login.login(username, password); // unchanged
    }

    @Test
    void fiveFailedLoginsLockTheAccountEvenForTheRightPassword() throws Exception {
        String username = "throttle_" + TestLogin.unique();
        String password = "Throttle-pass-2026";
        long id = freshUser(username, password);

        for (int i = 1; i <= 5; i++) {
            MockHttpServletResponse failed = login.attemptLogin(username, "wrong-password-" + i);
            assertThat(failed.getStatus()).isEqualTo(302);
            assertThat(failed.getRedirectedUrl()).as("attempt %d", i).isEqualTo("/login?error=bad");
            assertThat(failed.getCookie(TestLogin.SESSION_COOKIE) == null
                            || !authenticated(failed.getCookie(TestLogin.SESSION_COOKIE)))
                    .isTrue();
        }
        MockHttpServletResponse locked = login.attemptLogin(username, password);
        // the same answer as a wrong password: the page does not say the account exists and is locked
        assertThat(locked.getRedirectedUrl()).isEqualTo("/login?error=bad");
        Cookie lockedCookie = locked.getCookie(TestLogin.SESSION_COOKIE);
        assertThat(lockedCookie == null || !authenticated(lockedCookie)).isTrue();

        // the login page's one message mentions the lock among the possible reasons, in Chinese
        String page = body(
                mvc.perform(get("/login").param("error", "bad")).andReturn().getResponse());
        assertThat(page).contains("锁定");

        // the lock is visible to administrators, and an administrator's password reset lifts it
        String user = login.getJson("demo_bureau", "/api/v1/users/" + id, 200);
        assertThat((Boolean) JsonPath.read(user, "$.locked")).isTrue();
        assertThat(login.send(
                                "demo_bureau",
                                put("/api/v1/users/" + id + "/password"),
                                "{\"password\":\"Unlocked-pass-2026\"}")
                        .getStatus())
                .isEqualTo(200);
        login.login(username, "Unlocked-pass-2026");
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() throws Exception {
        String username = "reset_" + TestLogin.unique();
        String password = "Counter-reset-2026";
        freshUser(username, password);
        for (int i = 0; i < 4; i++) {
            assertThat(login.attemptLogin(username, "nope-" + i).getRedirectedUrl())
                    .isEqualTo("/login?error=bad");
        }
        login.login(username, password);
        for (int i = 0; i < 4; i++) {
            assertThat(login.attemptLogin(username, "nope-" + i).getRedirectedUrl())
                    .isEqualTo("/login?error=bad");
        }
        login.login(username, password); // 8 failures in all, but never 5 in a row
    }

    @Test
    void unknownUsersAndWrongPasswordsLookTheSame() throws Exception {
        assertThat(login.attemptLogin("no_such_user_" + TestLogin.unique(), "whatever-password")
                        .getRedirectedUrl())
                .isEqualTo("/login?error=bad");
    }

    private boolean authenticated(Cookie session) throws Exception {
        return mvc.perform(get("/api/v1/me").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getStatus()
                == 200;
    }

    @Test
    void disablingAUserEndsTheirSessionsAtOnce() throws Exception {
        String username = "disable_" + TestLogin.unique();
        String password = "Disable-me-2026!";
        long id = freshUser(username, password);
        Cookie session = login.login(username, password);
        Cookie second = login.login(username, password); // e.g. a phone and a desktop

        MockHttpServletResponse before = mvc.perform(get("/").cookie(session).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        assertThat(before.getStatus()).isEqualTo(200);
        assertThat(authenticated(session)).isTrue();
        assertThat(authenticated(second)).isTrue();

        assertThat(login.send("demo_bureau", put("/api/v1/users/" + id + "/enabled"), "{\"enabled\":false}")
                        .getStatus())
                .isEqualTo(200);

        MockHttpServletResponse page = mvc.perform(get("/").cookie(session).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(302);
        assertThat(page.getRedirectedUrl()).endsWith("/login");
        MockHttpServletResponse api =
                mvc.perform(get("/api/v1/me").cookie(second)).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(401);
        assertThat((String) JsonPath.read(body(api), "$.code")).isEqualTo("UNAUTHORIZED");
        MockHttpServletResponse write = mvc.perform(post("/api/v1/me/tokens")
                        .cookie(session)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"after-disable\"}"))
                .andReturn()
                .getResponse();
        assertThat(write.getStatus()).isEqualTo(401);

        // and a new login is refused (with the one generic answer)
        assertThat(login.attemptLogin(username, password).getRedirectedUrl()).isEqualTo("/login?error=bad");
    }

    @Test
    void changingAUsersRoleOrResettingThePasswordEndsTheirSessions() throws Exception {
        String username = "rerole_" + TestLogin.unique();
        String password = "Role-change-2026";
        long id = freshUser(username, password);
        Cookie session = login.login(username, password);
        assertThat(authenticated(session)).isTrue();
        MockHttpServletResponse update = login.send(
                "demo_bureau",
                put("/api/v1/users/" + id),
                "{\"displayName\":\"改为站长\",\"role\":\"STATION_HEAD\",\"orgUnitId\":" + demo.s3.id() + "}");
        assertThat(update.getStatus()).as(body(update)).isEqualTo(200);
        assertThat(authenticated(session)).isFalse();

        Cookie again = login.login(username, password);
        String me =
                body(mvc.perform(get("/api/v1/me").cookie(again)).andReturn().getResponse());
        assertThat((String) JsonPath.read(me, "$.user.role")).isEqualTo("STATION_HEAD");
        assertThat(login.send(
                                "demo_bureau",
                                put("/api/v1/users/" + id + "/password"),
                                "{\"password\":\"Role-change-2027\"}")
                        .getStatus())
                .isEqualTo(200);
        assertThat(authenticated(again)).isFalse();
    }

    @Test
    void changingOnesOwnPasswordSignsOutOtherSessionsButNotThisOne() throws Exception {
        String username = "ownpw_" + TestLogin.unique();
        String password = "Own-password-2026";
        freshUser(username, password);
        Cookie phone = login.login(username, password);
        Cookie laptop = login.login(username, password);
        MockHttpServletResponse changed = mvc.perform(post("/profile/password")
                        .cookie(phone)
                        .with(csrf())
                        .param("oldPassword", password)
                        .param("newPassword", "Own-password-2027")
                        .param("confirmPassword", "Own-password-2027"))
                .andReturn()
                .getResponse();
        assertThat(changed.getRedirectedUrl()).isEqualTo("/profile");
        assertThat(authenticated(phone)).isTrue();
        assertThat(authenticated(laptop)).isFalse();
        assertThat(login.attemptLogin(username, password).getRedirectedUrl()).isNotEqualTo("/");
        assertThat(authenticated(login.login(username, "Own-password-2027"))).isTrue();
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        Cookie session = login.login("demo_evaluator");
        assertThat(authenticated(session)).isTrue();
        MockHttpServletResponse logout = mvc.perform(
                        post("/logout").cookie(session).with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(logout.getRedirectedUrl()).isEqualTo("/login?logout");
        assertThat(authenticated(session)).isFalse();
    }

    @Test
    void theSessionIdChangesOnLogin() throws Exception {
        // the login form carries a CSRF token, kept in a cookie: no session exists before anyone signs in
        TestLogin.restoreProductionCsrf(context);
        MockHttpServletResponse loginPage =
                mvc.perform(get("/login")).andReturn().getResponse();
        assertThat(body(loginPage)).contains("name=\"_csrf\"");
        assertThat(loginPage.getCookie(TestLogin.SESSION_COOKIE)).isNull();

        // a session id planted by an attacker is never the one that gets signed in
        Cookie planted = new Cookie(TestLogin.SESSION_COOKIE, "cGxhbnRlZC1zZXNzaW9uLWlk");
        MockHttpServletResponse signedIn = mvc.perform(post("/login")
                        .cookie(planted)
                        .with(csrf())
                        .param("username", "demo_worker")
                        .param("password", TestLogin.DEMO_PASSWORD))
                .andReturn()
                .getResponse();
        assertThat(signedIn.getRedirectedUrl()).isEqualTo("/");
        Cookie after = signedIn.getCookie(TestLogin.SESSION_COOKIE);
        assertThat(after).isNotNull();
        assertThat(after.getValue()).isNotEqualTo(planted.getValue());
        assertThat(authenticated(after)).isTrue();
        assertThat(authenticated(planted)).isFalse(); // no session fixation
    }
}
