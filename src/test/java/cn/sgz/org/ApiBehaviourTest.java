package cn.sgz.org;

import static cn.sgz.org.DemoOrg.asLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.sgz.SgzTest;
import cn.sgz.shared.web.TraceIdFilter;
import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The REST API's error contract, token lifecycle, CSRF, and what the server exposes besides the API. */
@SgzTest
class ApiBehaviourTest {

    @Autowired
    MockMvc mvc;

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

    @org.junit.jupiter.api.Test
    void staffPhonesAndCertificateNumbersAreMaskedForThoseWhoDoNotManageStaff() throws Exception {
        java.util.List<String> headSees = JsonPath.read(login.getJson("demo_head", "/api/v1/staff", 200), "$[*].phone");
        java.util.List<String> workerSees =
                JsonPath.read(login.getJson("demo_worker", "/api/v1/staff", 200), "$[*].phone");
        assertThat(headSees).isNotEmpty().noneMatch(p -> p != null && p.contains("*"));
        assertThat(workerSees).hasSameSizeAs(headSees).allMatch(p -> p == null || p.matches("\\d{3}\\*+\\d{4}"));
        java.util.List<String> certs =
                JsonPath.read(login.getJson("demo_evaluator", "/api/v1/staff", 200), "$[?(@.certNumber)].certNumber");
        assertThat(certs).isNotEmpty().allMatch(c -> c == null || c.startsWith("*"));
        assertThat(certs).anyMatch(c -> c != null);
    }

    /** Every API error is {code, message, details, traceId}, with a Chinese message and no stack trace. */
    private static Map<String, Object> assertApiError(MockHttpServletResponse response, int status, String code)
            throws Exception {
        return assertApiError(response, status, code, response.getHeader("X-Trace-Id"));
    }

    private static Map<String, Object> assertApiError(
            MockHttpServletResponse response, int status, String code, String traceId) throws Exception {
        String json = body(response);
        assertThat(response.getStatus()).as(json).isEqualTo(status);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        Map<String, Object> error = JsonPath.read(json, "$");
        assertThat(error).containsOnlyKeys("code", "message", "details", "traceId");
        assertThat(error.get("code")).isEqualTo(code);
        assertThat((String) error.get("message")).isNotBlank().containsPattern("\\p{IsHan}");
        assertThat((String) error.get("traceId")).isNotBlank().isNotEqualTo("-").isEqualTo(traceId);
        assertNoStackTrace(json);
        return error;
    }

    private static void assertNoStackTrace(String body) {
        assertThat(body)
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("at cn.sgz.")
                .doesNotContain("at org.springframework.")
                .doesNotContain("\"trace\"")
                .doesNotContain("stackTrace");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/org-units",
                "/api/v1/staff",
                "/api/v1/me",
                "/api/v1/staff/export",
                "/api/v1/no-such-endpoint"
            })
    void unauthenticatedApiCallsGet401Json(String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
        assertApiError(response, 401, "UNAUTHORIZED");
        assertThat(response.getHeader("Location")).isNull();
    }

    @Test
    void unauthenticatedPagesRedirectToLogin() throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get("/org").accept(MediaType.TEXT_HTML)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void validationErrorsNameTheField() throws Exception {
        MockHttpServletResponse blank = login.send(
                "demo_bureau",
                post("/api/v1/org-units"),
                "{\"parentId\":" + demo.s1.id() + ",\"type\":\"ROOM\",\"name\":\"  \"}");
        Map<String, Object> error = assertApiError(blank, 400, "INVALID_INPUT");
        List<Map<String, Object>> details = (List<Map<String, Object>>) error.get("details");
        assertThat(details).extracting(d -> d.get("field")).containsExactly("name");
        assertThat(details)
                .allSatisfy(d -> assertThat((String) d.get("message")).containsPattern("\\p{IsHan}"));

        MockHttpServletResponse both =
                login.send("demo_bureau", post("/api/v1/org-units"), "{\"parentId\":" + demo.s1.id() + "}");
        List<Map<String, Object>> bothDetails = (List<Map<String, Object>>)
                assertApiError(both, 400, "INVALID_INPUT").get("details");
        assertThat(bothDetails).extracting(d -> d.get("field")).containsExactlyInAnyOrder("name", "type");

        // a rule broken in the service layer uses the same shape
        MockHttpServletResponse phone = login.send(
                "demo_bureau",
                post("/api/v1/staff"),
                "{\"stationId\":" + demo.s1.id() + ",\"name\":\"电话错误\",\"phone\":\"12345\"}");
        List<Map<String, Object>> phoneDetails = (List<Map<String, Object>>)
                assertApiError(phone, 400, "INVALID_INPUT").get("details");
        assertThat(phoneDetails).extracting(d -> d.get("field")).containsExactly("phone");

        // nothing was created
        assertThat(login.staff("demo_bureau"))
                .noneSatisfy(s -> assertThat(s.get("name")).isEqualTo("电话错误"));
    }

    @Test
    void malformedJsonAndBadIdsAre400WithoutInternals() throws Exception {
        assertApiError(
                login.send("demo_bureau", post("/api/v1/org-units"), "{\"type\":\"NO_SUCH_TYPE\","),
                400,
                "BAD_REQUEST");
        assertApiError(login.send("demo_bureau", get("/api/v1/org-units/abc"), null), 400, "BAD_REQUEST");
    }

    @Test
    void unknownIdsAre404WithAChineseMessage() throws Exception {
        Map<String, Object> unit = assertApiError(
                mvc.perform(get("/api/v1/org-units/987654321").with(login.as("demo_city")))
                        .andReturn()
                        .getResponse(),
                404,
                "NOT_FOUND");
        assertThat((String) unit.get("message")).contains("不存在");
        assertApiError(
                mvc.perform(get("/api/v1/staff/987654321").with(login.as("demo_city")))
                        .andReturn()
                        .getResponse(),
                404,
                "NOT_FOUND");
        assertApiError(
                mvc.perform(get("/api/v1/users/987654321").with(login.as("demo_bureau")))
                        .andReturn()
                        .getResponse(),
                404,
                "NOT_FOUND");
        assertApiError(
                login.send("demo_bureau", put("/api/v1/org-units/987654321/name"), "{\"name\":\"无\"}"),
                404,
                "NOT_FOUND");
        // an unknown API path: MockMvc performs no error dispatch, so check the status here and the
        // container's error dispatch to /error separately below
        assertThat(mvc.perform(get("/api/v1/no-such-endpoint").with(login.as("demo_city")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        // (an error dispatch keeps the original request's attributes, among them its trace id)
        MockHttpServletResponse dispatched = mvc.perform(get("/error")
                        .requestAttr(TraceIdFilter.ATTRIBUTE, "trace404")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/no-such-endpoint"))
                .andReturn()
                .getResponse();
        assertApiError(dispatched, 404, "NOT_FOUND", "trace404");
        MockHttpServletResponse crashed = mvc.perform(get("/error")
                        .requestAttr(TraceIdFilter.ATTRIBUTE, "trace500")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret internals"))
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/org-units"))
                .andReturn()
                .getResponse();
        assertApiError(crashed, 500, "INTERNAL_SERVER_ERROR", "trace500");
        assertThat(body(crashed)).doesNotContain("secret internals");
        MockHttpServletResponse page = mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret internals"))
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/org"))
                .andReturn()
                .getResponse();
        assertThat(body(page)).contains("服务器内部错误").doesNotContain("secret internals");
        assertNoStackTrace(body(page));
    }

    @Test
    void forbiddenIs403Json() throws Exception {
        assertApiError(
                login.send(
                        "demo_worker",
                        post("/api/v1/org-units"),
                        "{\"parentId\":" + demo.s1.id() + ",\"type\":\"ROOM\",\"name\":\"社工越权\"}"),
                403,
                "FORBIDDEN");
        assertApiError(
                mvc.perform(get("/api/v1/users").with(login.as("demo_worker")))
                        .andReturn()
                        .getResponse(),
                403,
                "FORBIDDEN");
    }

    @Test
    void revokedTokenIsRefused() throws Exception {
        Cookie session = login.login("demo_head");
        String name = "revoke-" + TestLogin.unique();
        String token = login.issueToken(session, name);
        assertThat(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);

        String list = body(mvc.perform(get("/api/v1/me/tokens").with(TestLogin.bearer(token)))
                .andReturn()
                .getResponse());
        assertThat(list).doesNotContain(token); // only the prefix is ever shown again
        long id = asLong(JsonPath.<List<Object>>read(list, "$[?(@.name == '" + name + "')].id")
                .get(0));
        assertThat(mvc.perform(delete("/api/v1/me/tokens/" + id).cookie(session).with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(204);

        assertApiError(
                mvc.perform(get("/api/v1/me").with(TestLogin.bearer(token)))
                        .andReturn()
                        .getResponse(),
                401,
                "UNAUTHORIZED");
        assertApiError(
                mvc.perform(get("/api/v1/org-units").with(TestLogin.bearer(token)))
                        .andReturn()
                        .getResponse(),
                401,
                "UNAUTHORIZED");
        // a revoked token stays revoked even for writes, and does not fall back to anonymous or a session
        assertApiError(
                mvc.perform(post("/api/v1/me/tokens")
                                .with(TestLogin.bearer(token))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"again\"}"))
                        .andReturn()
                        .getResponse(),
                401,
                "UNAUTHORIZED");
        // the session that issued it is unaffected
        assertThat(mvc.perform(get("/api/v1/me").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void madeUpTokensAreRefused() throws Exception {
        for (String token : List.of("sgz_not-a-real-token", "nonsense", "sgz_" + "x".repeat(200))) {
            assertApiError(
                    mvc.perform(get("/api/v1/org-units").with(TestLogin.bearer(token)))
                            .andReturn()
                            .getResponse(),
                    401,
                    "UNAUTHORIZED");
        }
    }

    @Test
    void tokenOfDisabledUserIsRefused() throws Exception {
        String username = "tok_disabled_" + TestLogin.unique();
        String password = "Disabled-user-pw-2026";
        long userId = asLong(login.createUser("demo_bureau", username, password, "SOCIAL_WORKER", demo.s3.id(), null)
                .get("id"));
        String token = login.issueToken(login.login(username, password), "will-be-disabled");
        String me = body(mvc.perform(get("/api/v1/me").with(TestLogin.bearer(token)))
                .andReturn()
                .getResponse());
        assertThat((String) JsonPath.read(me, "$.user.username")).isEqualTo(username);

        assertThat(login.send("demo_bureau", put("/api/v1/users/" + userId + "/enabled"), "{\"enabled\":false}")
                        .getStatus())
                .isEqualTo(200);

        assertApiError(
                mvc.perform(get("/api/v1/me").with(TestLogin.bearer(token)))
                        .andReturn()
                        .getResponse(),
                401,
                "UNAUTHORIZED");
        assertApiError(
                mvc.perform(get("/api/v1/staff").with(TestLogin.bearer(token)))
                        .andReturn()
                        .getResponse(),
                401,
                "UNAUTHORIZED");

        // disabling revoked the token: enabling the account again does not revive it (issue 18, finding 9)
        assertThat(login.send("demo_bureau", put("/api/v1/users/" + userId + "/enabled"), "{\"enabled\":true}")
                        .getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/api/v1/me").with(TestLogin.bearer(token)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
    }

    @Test
    void sessionWritesNeedCsrf() throws Exception {
        Cookie session = login.login("demo_bureau");
        String name = "CSRF测试社工室" + TestLogin.unique();
        String json = "{\"parentId\":" + demo.s3.id() + ",\"type\":\"ROOM\",\"name\":\"" + name + "\"}";

        MockHttpServletResponse noCsrf = mvc.perform(post("/api/v1/org-units")
                        .cookie(session)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn()
                .getResponse();
        assertApiError(noCsrf, 403, "FORBIDDEN");
        MockHttpServletResponse badCsrf = mvc.perform(post("/api/v1/org-units")
                        .cookie(session)
                        .with(csrf().useInvalidToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn()
                .getResponse();
        assertApiError(badCsrf, 403, "FORBIDDEN");
        MockHttpServletResponse tokenPost = mvc.perform(post("/api/v1/me/tokens")
                        .cookie(session)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"no-csrf\"}"))
                .andReturn()
                .getResponse();
        assertApiError(tokenPost, 403, "FORBIDDEN");
        MockHttpServletResponse formPost = mvc.perform(
                        post("/org/" + demo.s3.id() + "/rename").cookie(session).param("name", "无CSRF改名"))
                .andReturn()
                .getResponse();
        assertThat(formPost.getStatus()).isEqualTo(403);
        assertThat(login.units("demo_bureau"))
                .noneSatisfy(u -> assertThat(u.get("name")).isIn(name, "无CSRF改名"));

        // the same session with the token is allowed (and the room is cleaned up again)
        MockHttpServletResponse withCsrf = mvc.perform(post("/api/v1/org-units")
                        .cookie(session)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn()
                .getResponse();
        assertThat(withCsrf.getStatus()).as(body(withCsrf)).isEqualTo(201);
        long created = asLong(JsonPath.read(body(withCsrf), "$.id"));
        assertThat(login.send("demo_bureau", put("/api/v1/org-units/" + created + "/active"), "{\"active\":false}")
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void bearerCallsNeedNoCsrf() throws Exception {
        // reaches the service (which rejects the blank name), not stopped by CSRF
        MockHttpServletResponse response = login.send(
                "demo_head", put("/api/v1/staff/" + demo.s1.staffIds().get(0)), "{\"name\":\"\"}");
        assertThat(assertApiError(response, 400, "INVALID_INPUT").get("details").toString())
                .contains("name");
    }

    @Test
    void wrongContentTypeIsAClientError() throws Exception {
        MockHttpServletResponse noType = mvc.perform(
                        post("/api/v1/org-units").with(login.as("demo_bureau")).content("name=x"))
                .andReturn()
                .getResponse();
        assertApiError(noType, 415, "UNSUPPORTED_MEDIA_TYPE");
        MockHttpServletResponse xml = mvc.perform(post("/api/v1/org-units")
                        .with(login.as("demo_bureau"))
                        .contentType(MediaType.APPLICATION_XML)
                        .content("<unit/>"))
                .andReturn()
                .getResponse();
        assertApiError(xml, 415, "UNSUPPORTED_MEDIA_TYPE");
        // a wrong method is refused before any controller is chosen, so the container's error dispatch answers
        MockHttpServletResponse wrongMethod = mvc.perform(
                        delete("/api/v1/org-units").with(login.as("demo_bureau")))
                .andReturn()
                .getResponse();
        assertThat(wrongMethod.getStatus()).isEqualTo(405);
        MockHttpServletResponse dispatched = mvc.perform(get("/error")
                        .requestAttr(TraceIdFilter.ATTRIBUTE, "trace405")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 405)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/org-units"))
                .andReturn()
                .getResponse();
        Map<String, Object> error = assertApiError(dispatched, 405, "METHOD_NOT_ALLOWED", "trace405");
        assertThat((String) error.get("message")).doesNotContain("服务器内部错误");
    }

    @Test
    void healthIsPublicButInternalsAreNot() throws Exception {
        MockHttpServletResponse health =
                mvc.perform(get("/actuator/health")).andReturn().getResponse();
        assertThat(health.getStatus()).isEqualTo(200);
        assertThat(body(health)).contains("UP").doesNotContain("components").doesNotContain("db");

        Cookie city = login.login("demo_city");
        MockHttpServletResponse discovery =
                mvc.perform(get("/actuator").cookie(city)).andReturn().getResponse();
        assertThat(body(discovery)).doesNotContain("/actuator/env").doesNotContain("/actuator/beans");
        for (String url : List.of(
                "/actuator/env",
                "/actuator/beans",
                "/actuator/configprops",
                "/actuator/heapdump",
                "/actuator/mappings",
                "/actuator/loggers")) {
            MockHttpServletResponse anonymous =
                    mvc.perform(get(url)).andReturn().getResponse();
            assertThat(anonymous.getStatus()).as("anonymous %s", url).isNotEqualTo(200);
            MockHttpServletResponse signedIn =
                    mvc.perform(get(url).cookie(city)).andReturn().getResponse();
            assertThat(signedIn.getStatus()).as("signed in %s", url).isNotEqualTo(200);
            MockHttpServletResponse token = mvc.perform(get(url).with(login.as("demo_city")))
                    .andReturn()
                    .getResponse();
            assertThat(token.getStatus()).as("token %s", url).isNotEqualTo(200);
            for (MockHttpServletResponse r : List.of(anonymous, signedIn, token)) {
                assertThat(body(r))
                        .doesNotContain("spring.datasource")
                        .doesNotContain("jdbc:")
                        .doesNotContain("passwordEncoder");
                assertNoStackTrace(body(r));
            }
        }
    }

    @Test
    void openApiDescribesTheApi() throws Exception {
        MockHttpServletResponse docs =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse();
        assertThat(docs.getStatus()).isEqualTo(200);
        assertThat(docs.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        String json = body(docs);
        Map<String, Object> paths = JsonPath.read(json, "$.paths");
        assertThat(paths)
                .containsKeys(
                        "/api/v1/org-units",
                        "/api/v1/org-units/{id}",
                        "/api/v1/staff",
                        "/api/v1/staff/export",
                        "/api/v1/me/tokens");
        assertThat(paths.keySet()).allSatisfy(p -> assertThat(p).startsWith("/api/"));
    }

    @Test
    void pageErrorsAreChinesePagesWithoutStackTraces() throws Exception {
        Cookie session = login.login("demo_worker");
        MockHttpServletResponse missing =
                mvc.perform(get("/org/987654321").cookie(session)).andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(body(missing)).contains("不存在或无权访问").contains("追踪号");
        assertNoStackTrace(body(missing));
        MockHttpServletResponse badId =
                mvc.perform(get("/org/abc").cookie(session)).andReturn().getResponse();
        assertThat(badId.getStatus()).isEqualTo(400);
        assertNoStackTrace(body(badId));
    }
}
