package cn.sgz.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.sgz.evidence.TestImages;
import cn.sgz.org.TestLogin;
import cn.sgz.shared.ChinaTime;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** API helpers shared by the community tests: stations, records that count, created things. */
final class CommunityTestSupport {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    final MockMvc mvc;
    final JdbcClient jdbc;
    final TestLogin login;

    CommunityTestSupport(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.login = new TestLogin(mvc);
    }

    static LocalDate today() {
        return ChinaTime.today();
    }

    long station(String name) {
        return jdbc.sql("SELECT id FROM org_unit WHERE name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    long station1() {
        return station("沙河街道社工站");
    }

    long station2() {
        return station("萨如拉街道社工站");
    }

    /** POSTs JSON as a demo user, checks the status, returns the body. */
    String post(String user, String url, String json, int status) throws Exception {
        MockHttpServletResponse r =
                login.send(user, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url), json);
        String body = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus()).as("POST %s as %s: %s", url, user, body).isEqualTo(status);
        return body;
    }

    long id(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    long createVolunteer(String user, long station, String name, String phone, String nationalNo, LocalDate joined)
            throws Exception {
        return id(post(
                user,
                "/api/v1/volunteers",
                """
                {"stationId": %d, "name": "%s", "phone": "%s", "nationalNo": %s, "joinedOn": "%s"}
                """.formatted(station, name, phone, nationalNo == null ? "null" : "\"" + nationalNo + "\"", joined),
                201));
    }

    /** A volunteer activity today, outdoors with the reason (so no sign-in sheet needed); returns its record id. */
    long createVolunteerActivity(String user, long station, String title) throws Exception {
        String body = post(user, "/api/v1/volunteer-activities", """
                {"stationId": %d, "record": {"title": "%s", "serviceDate": "%s", "place": "社区广场", "indoor": false,
                 "outdoorReason": "广场活动，人员流动", "startTime": "09:00", "endTime": "11:00"}}
                """.formatted(station, title, today()), 201);
        return ((Number) JsonPath.read(body, "$.record.recordId")).longValue();
    }

    /** Uploads a photo taken today near the station, unique to this run: the record then counts. */
    void photoMakesCount(String user, long recordId, long station) throws Exception {
        double lat = jdbc.sql("SELECT latitude FROM org_unit WHERE id = ?")
                .param(station)
                .query(Double.class)
                .single();
        double lon = jdbc.sql("SELECT longitude FROM org_unit WHERE id = ?")
                .param(station)
                .query(Double.class)
                .single();
        long seed = 3_000_000_000L + Math.floorMod(System.nanoTime(), 1_000_000_000L);
        byte[] jpeg = TestImages.withExif(
                TestImages.jpeg(TestImages.scene(seed), 0.9f), today().atTime(10, 0), lat + 0.0003, lon + 0.0002);
        MockHttpServletResponse r = mvc.perform(put("/api/v1/service-records/" + recordId + "/photos/ct-" + seed)
                        .with(login.as(user))
                        .contentType(MediaType.IMAGE_JPEG)
                        .content(jpeg))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus())
                .as(r.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(201);
        String q = login.getJson(user, "/api/v1/service-records/" + recordId + "/qualification", 200);
        assertThat((String) JsonPath.read(q, "$.status")).as(q).isEqualTo("COUNTS");
    }

    /** A document photo (no EXIF needed). */
    MockHttpServletResponse documentPhoto(String user, long documentId) throws Exception {
        long seed = 5_000_000_000L + Math.floorMod(System.nanoTime(), 1_000_000_000L);
        byte[] jpeg = TestImages.jpeg(TestImages.scene(seed), 0.9f);
        return mvc.perform(put("/api/v1/station-documents/" + documentId + "/photos/cd-" + seed)
                        .with(login.as(user))
                        .contentType(MediaType.IMAGE_JPEG)
                        .content(jpeg))
                .andReturn()
                .getResponse();
    }

    static String unique() {
        return TestLogin.unique();
    }

    /** A mobile number unique to this run. */
    static String phone() {
        return "139" + String.format("%08d", Math.floorMod(System.nanoTime() / 1000, 100_000_000L));
    }
}
