package cn.sgz.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sgz.SgzTest;
import cn.sgz.org.internal.Totp;
import cn.sgz.shared.ChinaTime;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18, finding 8: TOTP enrolment and login. After enrolling, a password alone reaches nothing
 * but the code page; a code (each good once) or a recovery code (each good once) completes the login.
 * Demo accounts, which have not enrolled, keep logging in with their password alone.
 */
@SgzTest
class TotpLoginTest {

    @Autowired
    MockMvc mvc;

    TestLogin login;
    DemoOrg demo;

    @BeforeEach
    void setUp() throws Exception {
        login = new TestLogin(mvc);
        demo = DemoOrg.load(login);
    }

    private String page(Cookie session, String url) throws Exception {
        return mvc.perform(get(url).cookie(session).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse code(Cookie session, String code) throws Exception {
        return mvc.perform(post("/login/totp").cookie(session).with(csrf()).param("code", code))
                .andReturn()
                .getResponse();
    }

    private int me(Cookie session) throws Exception {
        return mvc.perform(get("/api/v1/me").cookie(session))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void enrolmentThenLoginWithACodeOrARecoveryCode() throws Exception {
        String username = "totp_" + TestLogin.unique();
        String password = "Second-factor-2026";
        login.createUser("demo_bureau", username, password, "SOCIAL_WORKER", demo.s3.id(), null);

        Cookie first = login.login(username, password);
        assertThat(me(first)).isEqualTo(200); // not enrolled: the password is enough
        Matcher secretMatch =
                Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7]+)<").matcher(page(first, "/profile/totp"));
        assertThat(secretMatch.find()).isTrue();
        String secret = secretMatch.group(1);
        long step = Totp.step(ChinaTime.now());

        MockHttpServletResponse wrong = mvc.perform(post("/profile/totp")
                        .cookie(first)
                        .with(csrf())
                        .param("code", "000000".equals(Totp.code(secret, step)) ? "111111" : "000000"))
                .andReturn()
                .getResponse();
        assertThat(wrong.getStatus()).isEqualTo(400);
        // the page started a new enrolment with a new secret: read it again
        secretMatch = Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7]+)<")
                .matcher(wrong.getContentAsString(StandardCharsets.UTF_8));
        assertThat(secretMatch.find()).isTrue();
        secret = secretMatch.group(1);
        MockHttpServletResponse enrolled = mvc.perform(
                        post("/profile/totp").cookie(first).with(csrf()).param("code", Totp.code(secret, step)))
                .andReturn()
                .getResponse();
        assertThat(enrolled.getStatus()).isEqualTo(200);
        List<String> recovery = new ArrayList<>();
        Matcher rc = Pattern.compile("class=\"recovery-code\">([a-z0-9-]+)<")
                .matcher(enrolled.getContentAsString(StandardCharsets.UTF_8));
        while (rc.find()) {
            recovery.add(rc.group(1));
        }
        assertThat(recovery).hasSize(10);
        assertThat(me(first)).as("the enrolling session stays usable").isEqualTo(200);

        // a new login: the password alone reaches only the code page
        Cookie second = login.login(username, password);
        assertThat(me(second)).isEqualTo(401);
        MockHttpServletResponse home = mvc.perform(get("/").cookie(second).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        assertThat(home.getRedirectedUrl()).isEqualTo("/login/totp");
        assertThat(code(second, Totp.code(secret, step)).getStatus())
                .as("a code is good once")
                .isEqualTo(400);
        MockHttpServletResponse ok = code(second, Totp.code(secret, step + 1));
        assertThat(ok.getRedirectedUrl()).isEqualTo("/");
        assertThat(me(second)).isEqualTo(200);

        // a recovery code, once
        Cookie third = login.login(username, password);
        assertThat(code(third, recovery.get(0)).getRedirectedUrl()).isEqualTo("/");
        assertThat(me(third)).isEqualTo(200);
        Cookie fourth = login.login(username, password);
        assertThat(code(fourth, recovery.get(0)).getStatus()).isEqualTo(400);
        assertThat(me(fourth)).isEqualTo(401);
        // five wrong codes (the reused recovery code was the first) end the session: back to the login page
        for (int i = 0; i < 4; i++) {
            code(fourth, "12345" + i);
        }
        assertThat(mvc.perform(get("/").cookie(fourth).accept(MediaType.TEXT_HTML))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .endsWith("/login");
    }

    @Test
    void demoAccountsStillLogInWithTheirPasswordAlone() throws Exception {
        for (String user : List.of("demo_bureau", "demo_city", "demo_worker")) {
            assertThat(me(login.login(user))).isEqualTo(200);
        }
    }
}
