package cn.sgz.org;

import static cn.sgz.org.DemoOrg.asLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.sgz.SgzTest;
import cn.sgz.shared.ChinaTime;
import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18, finding 9: API tokens die when their account is disabled (and stay dead when it is enabled
 * again) or its password is reset by an administrator; they may expire; a token cannot mint tokens.
 */
@SgzTest
class ApiTokenLifecycleTest {

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

    private int status(String token) throws Exception {
        return mvc.perform(get("/api/v1/me").with(TestLogin.bearer(token)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void disablingOrResettingThePasswordKillsTokensForGood() throws Exception {
        String username = "tok_" + TestLogin.unique();
        String password = "Token-owner-2026";
        long id = asLong(login.createUser("demo_bureau", username, password, "SOCIAL_WORKER", demo.s3.id(), null)
                .get("id"));
        String token = login.issueToken(login.login(username, password), "sync");
        assertThat(status(token)).isEqualTo(200);

        assertThat(login.send(
                                "demo_bureau",
                                put("/api/v1/users/" + id + "/password"),
                                "{\"password\":\"Token-owner-2027\"}")
                        .getStatus())
                .isEqualTo(200);
        assertThat(status(token)).isEqualTo(401);

        String second = login.issueToken(login.login(username, "Token-owner-2027"), "sync2");
        assertThat(status(second)).isEqualTo(200);
        assertThat(login.send("demo_bureau", put("/api/v1/users/" + id + "/enabled"), "{\"enabled\":false}")
                        .getStatus())
                .isEqualTo(200);
        assertThat(status(second)).isEqualTo(401);
        assertThat(login.send("demo_bureau", put("/api/v1/users/" + id + "/enabled"), "{\"enabled\":true}")
                        .getStatus())
                .isEqualTo(200);
        assertThat(status(second)).as("no revival on re-enabling").isEqualTo(401);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE user_id = ? AND revoked_at IS NULL")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aTokenCannotMintTokens() throws Exception {
        String token = login.issueToken(login.login("demo_worker2"), "mint-" + TestLogin.unique());
        MockHttpServletResponse minted = mvc.perform(post("/api/v1/me/tokens")
                        .with(TestLogin.bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"child\"}"))
                .andReturn()
                .getResponse();
        assertThat(minted.getStatus()).isEqualTo(403);
        assertThat(minted.getContentAsString(StandardCharsets.UTF_8)).contains("不能用来签发新令牌");
    }

    @Test
    void tokensMayExpire() throws Exception {
        Cookie session = login.login("demo_worker2");
        MockHttpServletResponse created = mvc.perform(post("/api/v1/me/tokens")
                        .cookie(session)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"short-" + TestLogin.unique() + "\",\"validDays\":7}"))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        String body = created.getContentAsString(StandardCharsets.UTF_8);
        String token = JsonPath.read(body, "$.token");
        assertThat((String) JsonPath.read(body, "$.expiresAt")).isNotBlank();
        assertThat(status(token)).isEqualTo(200);
        // seven days later
        jdbc.sql("UPDATE api_token SET expires_at = ? WHERE token_prefix = ?")
                .param(ChinaTime.offsetNow().minusMinutes(1))
                .param(token.substring(0, 10))
                .update();
        assertThat(status(token)).isEqualTo(401);

        MockHttpServletResponse tooLong = mvc.perform(post("/api/v1/me/tokens")
                        .cookie(session)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"validDays\":0}"))
                .andReturn()
                .getResponse();
        assertThat(tooLong.getStatus()).isEqualTo(400);
    }
}
