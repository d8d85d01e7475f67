package cn.sgz.org;

import static cn.sgz.org.DemoOrg.asLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sgz.SgzTest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18, finding 7: the failure count is taken atomically before the password is checked (40
 * parallel wrong passwords → at most 5 checked), a locked account refuses the right password, one
 * address gets a backoff, and every refusal gives the same answer.
 */
@SgzTest
class LoginThrottlingTest {

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

    private static String randomIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198.18." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private MockHttpServletResponse attempt(String username, String password, String ip) throws Exception {
        return mvc.perform(post("/login")
                        .param("username", username)
                        .param("password", password)
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(ip);
                            return request;
                        }))
                .andReturn()
                .getResponse();
    }

    private boolean signedIn(MockHttpServletResponse response) throws Exception {
        Cookie session = response.getCookie(TestLogin.SESSION_COOKIE);
        return "/".equals(response.getRedirectedUrl())
                && session != null
                && mvc.perform(get("/api/v1/me").cookie(session))
                                .andReturn()
                                .getResponse()
                                .getStatus()
                        == 200;
    }

    @Test
    void fortyParallelWrongPasswordsGetAtMostFiveChecksAndTheRightOneIsThenRefused() throws Exception {
        String username = "burst_" + TestLogin.unique();
        String password = "Burst-password-2026";
        asLong(login.createUser("demo_bureau", username, password, "SOCIAL_WORKER", demo.s3.id(), null)
                .get("id"));

        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String guess = "wrong-guess-" + i;
                String ip = randomIp();
                futures.add(pool.submit(() -> {
                    start.await();
                    return attempt(username, guess, ip);
                }));
            }
            start.countDown();
            for (Future<MockHttpServletResponse> f : futures) {
                MockHttpServletResponse r = f.get();
                assertThat(r.getRedirectedUrl()).isEqualTo("/login?error=bad");
            }
        } finally {
            pool.shutdownNow();
        }
        long checked = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN' AND actor = ? "
                        + "AND detail = 'BadCredentialsException'")
                .param(username)
                .query(Long.class)
                .single();
        assertThat(checked).as("passwords actually checked").isBetween(1L, 5L);
        long refused = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN' AND actor = ? "
                        + "AND result = 'FAILURE'")
                .param(username)
                .query(Long.class)
                .single();
        assertThat(refused).isEqualTo(40);

        // locked: the right password is refused, with the same answer as a wrong one
        MockHttpServletResponse right = attempt(username, password, randomIp());
        assertThat(right.getRedirectedUrl()).isEqualTo("/login?error=bad");
        assertThat(signedIn(right)).isFalse();
        // an unknown name gives the very same answer
        assertThat(attempt("nobody_" + TestLogin.unique(), password, randomIp()).getRedirectedUrl())
                .isEqualTo("/login?error=bad");
    }

    @Test
    void oneAddressIsBackedOffAfterManyFailuresWhileOthersStillSignIn() throws Exception {
        String ip = randomIp();
        for (int i = 0; i < 100; i++) {
            assertThat(attempt("spray_" + i + "_" + TestLogin.unique(), "Spray-password-" + i, ip)
                            .getRedirectedUrl())
                    .isEqualTo("/login?error=bad");
        }
        MockHttpServletResponse fromSprayer = attempt("demo_evaluator", TestLogin.DEMO_PASSWORD, ip);
        assertThat(fromSprayer.getRedirectedUrl()).isEqualTo("/login?error=bad");
        assertThat(signedIn(fromSprayer)).isFalse();
        assertThat(signedIn(attempt("demo_evaluator", TestLogin.DEMO_PASSWORD, randomIp())))
                .isTrue();
        // the evaluator's own account was not touched by the refusal at the address
        assertThat(jdbc.sql("SELECT failed_attempts FROM app_user WHERE username = 'demo_evaluator'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void theLoginPageHasOneMessageForEveryFailure() throws Exception {
        for (String reason : List.of("bad", "locked", "disabled")) {
            String page = mvc.perform(get("/login").param("error", reason))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page)
                    .contains("<div class=\"errors\">用户名或密码错误</div>")
                    .contains("锁定15分钟")
                    .doesNotContain("账号已暂时锁定")
                    .doesNotContain("账号已停用");
        }
    }
}
