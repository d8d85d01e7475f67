package cn.sgz.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What only a real servlet container shows: the session cookie's attributes (under MockMvc, Spring
 * Session takes them from the mock servlet context instead of {@code server.servlet.session.cookie.*})
 * and the container's error dispatch to /error. Same test database and demo data as {@code @SgzTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RealServerTest {

    private static final Pattern CSRF_INPUT =
            Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith("SESSION="))
                .reduce((a, b) -> b)
                .orElse(null);
    }

    /** Logs in through the login form like a browser; returns the login response. */
    private HttpResponse<String> formLogin(String username, String password) throws Exception {
        HttpResponse<String> page =
                http.send(HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher csrf = CSRF_INPUT.matcher(page.body());
        assertThat(csrf.find()).as("csrf field on the login page").isTrue();
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        // an anonymous visitor gets no session (issue #18): the CSRF token travels in its own cookie
        assertThat(sessionCookie(page))
                .as("session created for an anonymous visitor")
                .isNull();
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith("XSRF-TOKEN="))
                .reduce((a, b) -> b)
                .orElse(null);
        assertThat(cookie).as("csrf cookie for the login form").isNotNull();

        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return http.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> login = formLogin("demo_worker", TestLogin.DEMO_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/");
        String cookie = sessionCookie(login);
        assertThat(cookie).as("the login sets a new session cookie").isNotNull();
        List<String> attributes = List.of(cookie.split(";\\s*"));
        assertThat(attributes).anySatisfy(a -> assertThat(a).isEqualToIgnoringCase("HttpOnly"));
        assertThat(attributes).anySatisfy(a -> assertThat(a).isEqualToIgnoringCase("SameSite=Lax"));

        // the cookie works: the home page is served to the signed-in worker
        HttpResponse<String> home = http.send(
                HttpRequest.newBuilder(uri("/"))
                        .header("Cookie", attributes.get(0))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(DemoOrg.STATION_1);
    }

    @Test
    void errorsOutsideControllersAreJsonForTheApi() throws Exception {
        HttpResponse<String> anonymous = http.send(
                HttpRequest.newBuilder(uri("/api/v1/org-units")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat((String) JsonPath.read(anonymous.body(), "$.code")).isEqualTo("UNAUTHORIZED");

        // sign in over the form, then ask the API for things no controller answers
        HttpResponse<String> login = formLogin("demo_bureau", TestLogin.DEMO_PASSWORD);
        String cookie = sessionCookie(login);
        String session = cookie.substring(0, cookie.indexOf(';'));

        HttpResponse<String> unknown = http.send(
                HttpRequest.newBuilder(uri("/api/v1/no-such-endpoint"))
                        .header("Cookie", session)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        Map<String, Object> notFound = JsonPath.read(unknown.body(), "$");
        assertThat(notFound).containsKeys("code", "message", "traceId");
        assertThat(notFound.get("code")).isEqualTo("NOT_FOUND");
        assertThat((String) notFound.get("traceId"))
                .isEqualTo(unknown.headers().firstValue("X-Trace-Id").orElseThrow());

        HttpResponse<String> method = http.send(
                HttpRequest.newBuilder(uri("/api/v1/org-units"))
                        .header("Cookie", session)
                        .method("PATCH", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // a PATCH from a session without a CSRF token is refused before anything else
        assertThat(method.statusCode()).isEqualTo(403);

        // a token for calls without cookie, issued with the CSRF token the pages carry in a meta tag
        HttpResponse<String> home = http.send(
                HttpRequest.newBuilder(uri("/")).header("Cookie", session).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher meta =
                Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(home.body());
        assertThat(meta.find()).isTrue();
        // the CSRF token lives in its own cookie, which a browser keeps and sends along (issue #18)
        String xsrf = java.util.stream.Stream.of(home, login)
                .flatMap(r -> r.headers().allValues("Set-Cookie").stream())
                .filter(h -> h.startsWith("XSRF-TOKEN=") && !h.startsWith("XSRF-TOKEN=;"))
                .findFirst()
                .map(h -> h.substring(0, h.indexOf(';')))
                .orElseThrow();
        HttpResponse<String> issued = http.send(
                HttpRequest.newBuilder(uri("/api/v1/me/tokens"))
                        .header("Cookie", session + "; " + xsrf)
                        .header("X-CSRF-TOKEN", meta.group(1))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"real-server\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String bearer = "Bearer " + JsonPath.read(issued.body(), "$.token");

        HttpResponse<String> wrongMethod = http.send(
                HttpRequest.newBuilder(uri("/api/v1/org-units"))
                        .header("Authorization", bearer)
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat((String) JsonPath.read(wrongMethod.body(), "$.code")).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat((String) JsonPath.read(wrongMethod.body(), "$.message")).doesNotContain("服务器内部错误");

        HttpResponse<String> noJson = http.send(
                HttpRequest.newBuilder(uri("/api/v1/org-units"))
                        .header("Authorization", bearer)
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("name=x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noJson.statusCode()).isEqualTo(415);
        assertThat((String) JsonPath.read(noJson.body(), "$.code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");

        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(uri("/no-such-page"))
                        .header("Cookie", session)
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("页面或记录不存在").doesNotContain("Exception").doesNotContain("Whitelabel");
    }
}
