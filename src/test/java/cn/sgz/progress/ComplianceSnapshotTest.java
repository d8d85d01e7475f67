package cn.sgz.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sgz.SgzTest;
import cn.sgz.org.TestLogin;
import cn.sgz.shared.ChinaTime;
import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The stored compliance figures (#23): boards and home pages read them instead of recomputing; a write marks the
 * stations it touches stale and the next reader sees figures equal to a live computation; readers see only their
 * own stations; figures that could not be refreshed say how old they are; the refresh action recomputes them.
 */
@SgzTest
class ComplianceSnapshotTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    TestLogin login;
    long project;
    long station1;
    long station2;

    @BeforeEach
    void setUp() {
        login = new TestLogin(mvc);
        project = jdbc.sql("SELECT id FROM project WHERE name LIKE '九原区民政领域社会工作服务项目%'")
                .query(Long.class)
                .single();
        station1 = unit("沙河街道社工站");
        station2 = unit("萨如拉街道社工站");
        jdbc.sql("DELETE FROM compliance_snapshot_claim").update();
    }

    @Autowired
    cn.sgz.progress.internal.SnapshotStore store;

    /** A scoped read fetches and parses the stored figures only of stations under the scope's paths (in SQL). */
    @Test
    void scopedReadCarriesFiguresOnlyOfStationsInScope() throws Exception {
        snapshot("demo_city", null);
        String path1 = jdbc.sql("SELECT path FROM org_unit WHERE id = ?")
                .param(station1)
                .query(String.class)
                .single();
        List<cn.sgz.progress.internal.SnapshotStore.Row> all = store.read(List.of(project));
        assertThat(all).extracting(r -> r.station().stationId()).contains(station1, station2);
        assertThat(all).allSatisfy(r -> assertThat(r.inScope()).isTrue());
        List<cn.sgz.progress.internal.SnapshotStore.Row> scoped =
                store.read(List.of(project), new cn.sgz.org.Scope(null, List.of(path1)));
        assertThat(scoped).hasSameSizeAs(all);
        for (var r : scoped) {
            boolean in = r.orgPath().startsWith(path1);
            assertThat(r.inScope()).as("station %s", r.station().stationId()).isEqualTo(in);
            if (!in) {
                assertThat(r.station().indicators()).isEmpty();
            }
        }
        assertThat(scoped)
                .filteredOn(r -> r.station().stationId() == station1)
                .singleElement()
                .satisfies(r -> assertThat(r.station().indicators()).isNotEmpty());
        assertThat(scoped)
                .filteredOn(r -> r.station().stationId() == station2)
                .singleElement()
                .satisfies(r -> assertThat(r.inScope()).isFalse());
    }

    long unit(String name) {
        return jdbc.sql("SELECT id FROM org_unit WHERE name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    String snapshot(String user, Long station) throws Exception {
        return login.getJson(
                user,
                "/api/v1/projects/" + project + "/compliance/snapshot"
                        + (station == null ? "" : "?stationId=" + station),
                200);
    }

    OffsetDateTime staleSince(long station) {
        return jdbc.sql("SELECT stale_since FROM compliance_snapshot WHERE project_id = ? AND station_id = ?")
                .params(project, station)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
                .single()
                .orElse(null);
    }

    /** indicatorId → "status actual" of one station, from the stored or the live API answer. */
    static Map<Long, String> figures(String json) {
        Map<Long, String> out = new HashMap<>();
        List<Map<String, Object>> rows = JsonPath.read(json, "$..indicators[*]");
        for (Map<String, Object> r : rows) {
            out.put(((Number) r.get("indicatorId")).longValue(), r.get("status") + " " + r.get("actual"));
        }
        return out;
    }

    @Test
    void aWriteMarksItsStationStaleAndTheNextReaderSeesTheLiveFigures() throws Exception {
        // both stations stored and fresh
        snapshot("demo_bureau", null);
        assertThat(staleSince(station1)).isNull();
        assertThat(staleSince(station2)).isNull();

        String title = "快照测试" + System.nanoTime();
        String body = """
                {"orgUnitId": %d, "kind": "CONSULTATION", "title": "%s", "serviceDate": "%s", "place": "社区议事厅",
                 "indoor": false, "participantCount": 12, "content": "停车难问题协商", "participants": []}
                """.formatted(station1, title, ChinaTime.today());
        MockHttpServletResponse created = mvc.perform(post("/api/v1/service-records")
                        .with(login.as("demo_worker"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus())
                .as(created.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(201);

        // the record's station is stale, the other station of the county is not
        assertThat(staleSince(station1)).isNotNull();
        assertThat(staleSince(station2)).isNull();

        String stored = snapshot("demo_worker", station1);
        assertThat(staleSince(station1)).isNull();
        assertThat((String) JsonPath.read(stored, "$.staleSince")).isNull();
        assertThat((String) JsonPath.read(stored, "$.computedAt")).isNotBlank();
        String live =
                login.getJson("demo_worker", "/api/v1/projects/" + project + "/compliance?stationId=" + station1, 200);
        assertThat(figures(stored)).isNotEmpty().isEqualTo(figures(live));
    }

    @Test
    void aReaderSeesOnlyTheirOwnStations() throws Exception {
        List<Number> own = JsonPath.read(snapshot("demo_worker2", null), "$.stations[*].stationId");
        assertThat(own).extracting(Number::longValue).containsExactly(station2);
        List<Number> county = JsonPath.read(snapshot("demo_bureau", null), "$.stations[*].stationId");
        assertThat(county).extracting(Number::longValue).contains(station1, station2);
        // another station's stored figures answer like an unknown station
        login.getJson(
                "demo_worker2", "/api/v1/projects/" + project + "/compliance/snapshot?stationId=" + station1, 404);
    }

    @Test
    void readingAgainDoesNotRecompute() throws Exception {
        Cookie city = login.login("demo_city");
        assertThat(mvc.perform(get("/").cookie(city)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        List<Timestamp> first = computedAt();
        assertThat(first).isNotEmpty();
        String home =
                mvc.perform(get("/").cookie(city)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(computedAt()).isEqualTo(first);
        assertThat(home).contains("id=\"alerts-freshness\"").contains("数据计算于");
    }

    List<Timestamp> computedAt() {
        return jdbc.sql("SELECT computed_at FROM compliance_snapshot ORDER BY project_id, station_id")
                .query(Timestamp.class)
                .list();
    }

    @Test
    void staleFiguresSayHowOldTheyAreAndTheRefreshActionRecomputes() throws Exception {
        Cookie bureau = login.login("demo_bureau");
        String board = "/progress/projects/" + project + "/stations/" + station1;
        mvc.perform(get(board).cookie(bureau)).andReturn();
        // another refresher holds the project, and a change has come in since: the page shows the stored figures
        jdbc.sql("UPDATE compliance_snapshot SET stale_since = computed_at WHERE project_id = ?")
                .param(project)
                .update();
        jdbc.sql("INSERT INTO compliance_snapshot_claim (project_id, claimed_until)"
                        + " VALUES (?, CURRENT_TIMESTAMP + INTERVAL '10' MINUTE)")
                .param(project)
                .update();
        String page = mvc.perform(get(board).cookie(bureau))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("id=\"freshness\"")
                .contains("data-stale=\"true\"")
                .contains("数据计算于 ")
                .contains("此后有新的变动")
                .contains("立即重新计算");

        jdbc.sql("DELETE FROM compliance_snapshot_claim").update();
        MockHttpServletResponse refreshed = mvc.perform(post("/progress/projects/" + project + "/refresh")
                        .param("stationId", String.valueOf(station1))
                        .cookie(bureau)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(refreshed.getStatus()).isEqualTo(302);
        assertThat(refreshed.getRedirectedUrl()).isEqualTo(board);
        assertThat(staleSince(station1)).isNull();
        assertThat(staleSince(station2)).isNull();
        String fresh = mvc.perform(get(board).cookie(bureau))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(fresh).contains("data-stale=\"false\"").doesNotContain("此后有新的变动");
    }

    @Test
    void theDrillDownShowsItsIndicatorAsTheBoardDoes() throws Exception {
        String stored = snapshot("demo_worker", station1);
        Map<Long, String> figures = figures(stored);
        long indicator = figures.keySet().iterator().next();
        String page = mvc.perform(
                        get("/progress/projects/" + project + "/stations/" + station1 + "/indicators/" + indicator)
                                .cookie(login.login("demo_worker")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("沙河街道社工站");
        // the API's drill-down and the refresh answer only inside the user's scope
        mvc.perform(post("/api/v1/projects/" + project + "/compliance/refresh").with(login.as("demo_worker")))
                .andReturn();
        assertThat(mvc.perform(post("/api/v1/projects/999999/compliance/refresh")
                                .with(login.as("demo_worker")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }
}
