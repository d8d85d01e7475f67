package cn.sgz.charity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.sgz.evidence.TestImages;
import cn.sgz.org.TestLogin;
import cn.sgz.shared.ChinaTime;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The charity API as the tests call it, as demo users with API tokens. */
final class CharityTestClient {

    /** 沙河街道社工站 (station 1 of the demo data): photos taken here are near enough. */
    static final double LAT = 40.6010;

    static final double LON = 109.9702;

    final MockMvc mvc;
    final TestLogin login;
    final ObjectMapper json;

    CharityTestClient(MockMvc mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.login = new TestLogin(mvc);
        this.json = json;
    }

    static LocalDate today() {
        return ChinaTime.today();
    }

    JsonNode get(String user, String url) throws Exception {
        return json.readTree(login.getJson(user, url, 200));
    }

    MockHttpServletResponse post(String user, String url, Object body) throws Exception {
        return login.send(
                user,
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url),
                body == null ? null : json.writeValueAsString(body));
    }

    JsonNode created(String user, String url, Object body) throws Exception {
        MockHttpServletResponse r = post(user, url, body);
        assertThat(r.getStatus())
                .as("POST %s: %s", url, r.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(201);
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode read(MockHttpServletResponse r) throws Exception {
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode fund(String user, long stationId, String name, LocalDate established) throws Exception {
        return created(
                user,
                "/api/v1/charity/funds",
                Map.of(
                        "stationId",
                        stationId,
                        "name",
                        name,
                        "kind",
                        "RELIEF_FUND",
                        "partnerOrg",
                        "测试慈善会",
                        "establishedOn",
                        established.toString()));
    }

    JsonNode entry(String user, long fundId, String amount, LocalDate on) throws Exception {
        return created(
                user,
                "/api/v1/charity/co-raised",
                Map.of(
                        "fundId",
                        fundId,
                        "amount",
                        new java.math.BigDecimal(amount),
                        "receivedOn",
                        on.toString(),
                        "donor",
                        "测试捐赠方"));
    }

    /** People of a station's ledger, as the picker offers them. */
    List<Long> people(String user, long stationId) throws Exception {
        JsonNode list = get(user, "/api/v1/charity/recipients?stationId=" + stationId);
        List<Long> ids = new java.util.ArrayList<>();
        list.forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    /** A photo taken today at the station, with a seed no earlier run used. */
    void photo(String user, long recordId) throws Exception {
        long seed = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 16);
        byte[] jpeg = TestImages.withExif(
                TestImages.jpeg(TestImages.scene(seed), 0.9f), today().atTime(10, 0), LAT + 0.0003, LON + 0.0002);
        MockHttpServletResponse r = login.send(
                user,
                put("/api/v1/service-records/" + recordId + "/photos/p-" + seed)
                        .contentType(MediaType.IMAGE_JPEG)
                        .content(jpeg),
                null);
        assertThat(r.getStatus())
                .as("photo upload: %s", r.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(201);
    }

    static List<String> fields(JsonNode error) {
        List<String> out = new java.util.ArrayList<>();
        error.get("details").forEach(d -> out.add(d.get("field").asString()));
        return out;
    }

    static List<String> messages(JsonNode error) {
        List<String> out = new java.util.ArrayList<>();
        error.get("details").forEach(d -> out.add(d.get("message").asString()));
        return out;
    }
}
