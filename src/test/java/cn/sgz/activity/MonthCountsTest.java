package cn.sgz.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.sgz.SgzTest;
import cn.sgz.evidence.TestImages;
import cn.sgz.org.TestLogin;
import cn.sgz.shared.ChinaTime;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * service_record_month_count (V94), the monthly counts the indicator engine reads, must equal at every moment a fresh
 * GROUP BY over service_record: checked after each step of a random sequence of writes through the real API as demo
 * users (create, edit of date/kind/field, void, photo added and removed, a duplicate photo contested and upheld,
 * platform mark set and cleared, a bureau's project move, a rules requalification, a late project tie). Runs on H2
 * and, with SPRING_DATASOURCE_URL set, on PostgreSQL.
 */
@SgzTest
class MonthCountsTest {

    /** Between the two demo stations: within 5 km of both (see DuplicateContestApiTest). */
    static final double LAT = 40.6180;

    static final double LON = 109.9481;

    static final List<String> KINDS =
            List.of("FOLLOW_UP_VISIT", "HOME_ASSESSMENT", "NEEDS_SURVEY", "CARE_SERVICE", "PSYCHOSOCIAL");
    static final List<String> FIELDS = List.of("SOCIAL_ASSISTANCE", "ELDERLY", "CHILDREN", "DISABILITY");

    static final String FRESH = "SELECT station_id, COALESCE(project_id, 0), kind, domain, "
            + "EXTRACT(YEAR FROM service_date), EXTRACT(MONTH FROM service_date), COUNT(*), "
            + "SUM(CASE WHEN platform_entered_on IS NULL THEN 0 ELSE 1 END) FROM service_record "
            + "WHERE status = 'ACTIVE' AND qualification = 'COUNTS' GROUP BY station_id, COALESCE(project_id, 0), kind, "
            + "domain, EXTRACT(YEAR FROM service_date), EXTRACT(MONTH FROM service_date)";
    static final String KEPT = "SELECT station_id, project_id, kind, domain, EXTRACT(YEAR FROM month_start), "
            + "EXTRACT(MONTH FROM month_start), n, n_entered FROM service_record_month_count WHERE n <> 0 OR n_entered <> 0";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ServiceRecordService records;

    TestLogin login;

    @BeforeEach
    void setUp() {
        login = new TestLogin(mvc);
    }

    List<String> rows(String sql) {
        return jdbc.sql(sql)
                .query((rs, i) -> rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getString(3) + "/" + rs.getString(4)
                        + "/" + rs.getInt(5) + "-" + rs.getInt(6) + ": " + rs.getLong(7) + " (" + rs.getLong(8)
                        + " entered)")
                .list();
    }

    void assertKeptEqualsFresh(String after) {
        assertThat(rows(KEPT))
                .as("monthly counts kept vs a fresh GROUP BY over service_record, after %s", after)
                .containsExactlyInAnyOrderElementsOf(rows(FRESH));
    }

    MockHttpServletResponse send(String user, MockHttpServletRequestBuilder req, Object body) throws Exception {
        if (body != null) {
            req.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        MockHttpServletResponse r =
                mvc.perform(req.with(login.as(user))).andReturn().getResponse();
        r.setCharacterEncoding("UTF-8");
        return r;
    }

    JsonNode ok(String user, MockHttpServletRequestBuilder req, Object body) throws Exception {
        MockHttpServletResponse r = send(user, req, body);
        assertThat(r.getStatus())
                .as("%s: %s", user, r.getContentAsString(StandardCharsets.UTF_8))
                .isBetween(200, 201);
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    long station(String user) throws Exception {
        for (JsonNode u : ok(user, get("/api/v1/org-units"), null)) {
            if ("STATION".equals(u.get("type").asText())) {
                return u.get("id").asLong();
            }
        }
        throw new AssertionError("no station for " + user);
    }

    /** One record of the test: who writes it and what was last sent. */
    static final class Rec {
        final String user;
        final long id;
        Map<String, Object> form;
        LocalDate date;
        final List<Long> photos = new ArrayList<>();
        byte[] lastPhoto;
        boolean voided;

        Rec(String user, long id, Map<String, Object> form, LocalDate date) {
            this.user = user;
            this.id = id;
            this.form = form;
            this.date = date;
        }
    }

    Map<String, Object> form(long station, String kind, String field, LocalDate date, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("orgUnitId", station);
        body.put("kind", kind);
        body.put("domain", field);
        body.put("title", title);
        body.put("content", "计数一致性测试：为郝秀珍老人提供服务");
        body.put("serviceDate", date.toString());
        body.put("indoor", false);
        body.put("distributesGoods", false);
        body.put("participants", List.of(Map.of("name", "郝秀珍")));
        return body;
    }

    long seed = 70_000 + System.nanoTime() % 10_000;

    byte[] photo(LocalDate date) {
        return TestImages.withExif(TestImages.jpeg(TestImages.scene(seed++), 0.9f), date.atTime(10, 0), LAT, LON);
    }

    JsonNode upload(Rec r, byte[] jpeg) throws Exception {
        JsonNode answer = ok(
                r.user,
                put("/api/v1/service-records/" + r.id + "/photos/c-" + System.nanoTime())
                        .contentType(MediaType.IMAGE_JPEG)
                        .content(jpeg),
                null);
        JsonNode photo = answer.get("photo");
        r.photos.add(photo.get("id").asLong());
        r.lastPhoto = jpeg;
        return photo;
    }

    long version(Rec r) throws Exception {
        return ok(r.user, get("/api/v1/service-records/" + r.id), null)
                .get("record")
                .get("version")
                .asLong();
    }

    @Test
    void keptMonthlyCountsEqualAFreshGroupByAfterEveryWrite() throws Exception {
        assertKeptEqualsFresh("the demo data (written through the services)");
        long seedOfRun = Long.getLong("monthcounts.seed", System.nanoTime());
        Random random = new Random(seedOfRun);
        String run = "seed " + seedOfRun + " (-Dmonthcounts.seed to repeat)";
        Map<String, Long> stations =
                Map.of("demo_worker", station("demo_worker"), "demo_worker2", station("demo_worker2"));
        LocalDate today = ChinaTime.today();
        List<Rec> recs = new ArrayList<>();
        List<String> done = new ArrayList<>();
        for (int step = 0; step < 60; step++) {
            int op = recs.size() < 4 ? 0 : random.nextInt(11);
            List<Rec> live = recs.stream().filter(r -> !r.voided).toList();
            Rec r = live.isEmpty() ? null : live.get(random.nextInt(live.size()));
            if (r == null) {
                op = 0;
            }
            String what;
            switch (op) {
                case 0 -> { // create, with a photo of the day most of the time (then it counts)
                    String user = random.nextBoolean() ? "demo_worker" : "demo_worker2";
                    LocalDate date = today.minusDays(random.nextInt(100));
                    Map<String, Object> f = form(
                            stations.get(user),
                            KINDS.get(random.nextInt(KINDS.size())),
                            FIELDS.get(random.nextInt(FIELDS.size())),
                            date,
                            "计数一致性" + TestLogin.unique());
                    long id = ok(user, post("/api/v1/service-records"), f)
                            .get("id")
                            .asLong();
                    Rec created = new Rec(user, id, f, date);
                    recs.add(created);
                    if (random.nextInt(4) > 0) {
                        upload(created, photo(date));
                    }
                    what = "create " + id;
                }
                case 1, 2 -> { // edit: date (often another month), kind or field
                    Map<String, Object> f = new HashMap<>(r.form);
                    switch (random.nextInt(3)) {
                        case 0 -> {
                            r.date = today.minusDays(random.nextInt(100));
                            f.put("serviceDate", r.date.toString());
                        }
                        case 1 -> f.put("kind", KINDS.get(random.nextInt(KINDS.size())));
                        default -> f.put("domain", FIELDS.get(random.nextInt(FIELDS.size())));
                    }
                    ok(r.user, put("/api/v1/service-records/" + r.id), Map.of("record", f, "version", version(r)));
                    r.form = f;
                    what = "edit " + r.id;
                }
                case 3 -> { // void
                    ok(
                            r.user,
                            post("/api/v1/service-records/" + r.id + "/void"),
                            Map.of("reason", "录入错误", "version", version(r)));
                    r.voided = true;
                    what = "void " + r.id;
                }
                case 4 -> { // evidence: a photo of the record's day
                    upload(r, photo(r.date));
                    what = "photo added to " + r.id;
                }
                case 5 -> { // evidence: a photo removed
                    if (r.photos.isEmpty()) {
                        upload(r, photo(r.date));
                        what = "photo added to " + r.id;
                    } else {
                        long photo = r.photos.remove(r.photos.size() - 1);
                        MockHttpServletResponse resp =
                                send(r.user, delete("/api/v1/service-records/" + r.id + "/photos/" + photo), null);
                        assertThat(resp.getStatus()).isBetween(200, 204);
                        what = "photo removed from " + r.id;
                    }
                }
                case 6 -> { // a duplicate at the other station, contested and (mostly) upheld
                    Rec original = r;
                    if (original.lastPhoto == null) {
                        upload(original, photo(original.date));
                    }
                    String other = original.user.equals("demo_worker") ? "demo_worker2" : "demo_worker";
                    LocalDate date = original.date;
                    Map<String, Object> f =
                            form(stations.get(other), "FOLLOW_UP_VISIT", "ELDERLY", date, "复用" + TestLogin.unique());
                    long id = ok(other, post("/api/v1/service-records"), f)
                            .get("id")
                            .asLong();
                    Rec copy = new Rec(other, id, f, date);
                    recs.add(copy);
                    JsonNode photo = upload(copy, original.lastPhoto);
                    assertKeptEqualsFresh("a duplicate photo on " + id + ", " + run);
                    if (!photo.get("duplicateOfId").isNull()) {
                        long contest = ok(
                                        other,
                                        post("/api/v1/photos/" + photo.get("id").asLong() + "/contest"),
                                        Map.of("reason", "两次在同一地点拍摄"))
                                .get("id")
                                .asLong();
                        boolean uphold = random.nextInt(3) > 0;
                        Map<String, Object> decision = new HashMap<>();
                        decision.put("decision", uphold ? "UPHELD" : "REJECTED");
                        decision.put("reason", uphold ? "核实为两次拍摄" : "同一文件");
                        decision.put("version", 0L);
                        ok("demo_bureau", post("/api/v1/photo-contests/" + contest + "/decision"), decision);
                        what = "duplicate on " + id + ", contest " + (uphold ? "upheld" : "rejected");
                    } else {
                        what = "copy on " + id + " (not found a duplicate)";
                    }
                }
                case 7 -> { // platform mark set or cleared
                    boolean entered = random.nextBoolean();
                    Map<String, Object> body = new HashMap<>();
                    body.put("entered", entered);
                    body.put("enteredOn", entered ? today.toString() : null);
                    body.put("version", version(r));
                    ok(r.user, put("/api/v1/service-records/" + r.id + "/platform-entry"), body);
                    what = "platform " + entered + " on " + r.id;
                }
                case 8 -> { // the bureau moves the tie to an overlapping project where there is one
                    JsonNode tie = ok("demo_bureau", get("/api/v1/service-records/" + r.id + "/project"), null);
                    if (tie.get("others").isEmpty()) {
                        what = "no project to move " + r.id + " to";
                    } else {
                        long to = tie.get("others").get(0).get("id").asLong();
                        ok(
                                "demo_bureau",
                                put("/api/v1/service-records/" + r.id + "/project"),
                                Map.of("projectId", to, "reason", "经费来源不同"));
                        what = "moved " + r.id + " to project " + to;
                    }
                }
                case 9 -> { // the rules changed: requalification at start-up
                    jdbc.sql("UPDATE service_record SET rules_version = 0 WHERE id = ?")
                            .param(r.id)
                            .update();
                    while (records.requalifyStaleBatch() > 0) {
                        // until every stale record is qualified again
                    }
                    what = "requalified " + r.id;
                }
                default -> { // a record dated before any project (two years back), tied when a project later covers it
                    LocalDate old = today.minusYears(2).minusDays(random.nextInt(300));
                    Map<String, Object> f =
                            form(stations.get(r.user), "FOLLOW_UP_VISIT", "ELDERLY", old, "补录" + TestLogin.unique());
                    long id = ok(r.user, post("/api/v1/service-records"), f)
                            .get("id")
                            .asLong();
                    Rec late = new Rec(r.user, id, f, old);
                    recs.add(late);
                    upload(late, photo(old));
                    assertKeptEqualsFresh("an untied record " + id + ", " + run);
                    long project = jdbc.sql("SELECT project_id FROM project_station WHERE station_id = ? ORDER BY "
                                    + "project_id FETCH FIRST 1 ROWS ONLY")
                            .param(stations.get(r.user))
                            .query(Long.class)
                            .single();
                    int tied = records.tieUntied(
                            project, List.of(stations.get(r.user)), today.minusYears(3), today.minusYears(1));
                    assertThat(tied).isPositive();
                    what = "tied " + tied + " old record(s) to project " + project;
                }
            }
            done.add(what);
            assertKeptEqualsFresh(what + " (step " + step + ", " + run + ")");
        }
        System.out.println("month counts kept = fresh after every step, " + run + ": " + done);
        // the sequence did make records count, move and stop counting
        assertThat(jdbc.sql("SELECT COUNT(*) FROM service_record WHERE title LIKE '计数一致性%' AND status = 'ACTIVE' "
                                + "AND qualification = 'COUNTS'")
                        .query(Long.class)
                        .single())
                .as("records of the run that count, %s; steps %s", run, done)
                .isPositive();
    }
}
