package cn.sgz.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sgz.SgzTest;
import cn.sgz.org.TestLogin;
import cn.sgz.shared.ChinaTime;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
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
 * The compliance API on the demo project with real records: figures come from qualifying records
 * only, an excluded record shows up in the drill-down with its reasons, scope holds, and indicators
 * whose data module is not built say so instead of showing zero.
 */
@SgzTest
class ComplianceApiTest {

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
    }

    long unit(String name) {
        return jdbc.sql("SELECT id FROM org_unit WHERE name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    String compliance(String user, Long station, int status) throws Exception {
        String url = "/api/v1/projects/" + project + "/compliance" + (station == null ? "" : "?stationId=" + station);
        return login.getJson(user, url, status);
    }

    /**
     * Issue #23: for today the API answers from the stored figures when nothing changed since they were computed,
     * says so and when they were computed; while the figures are stale and another instance is refreshing them, it
     * computes them now — and both answers are the same figures.
     */
    @Test
    void todaysFiguresComeFromACurrentSnapshotAndEqualAComputation() throws Exception {
        String url = "/api/v1/projects/" + project + "/compliance?stationId=" + station1;
        login.getJson("demo_bureau", url, 200); // computes the snapshot if it is missing or stale
        MockHttpServletResponse stored =
                mvc.perform(get(url).with(login.as("demo_bureau"))).andReturn().getResponse();
        assertThat(stored.getHeader("X-Sgz-Figures")).isEqualTo("stored");
        assertThat(stored.getHeader("X-Sgz-Computed-At")).isNotBlank();
        // stale, with another instance holding the refresh: computed now
        jdbc.sql("UPDATE compliance_snapshot SET stale_since = CURRENT_TIMESTAMP WHERE project_id = ?")
                .param(project)
                .update();
        jdbc.sql("DELETE FROM compliance_snapshot_claim WHERE project_id = ?")
                .param(project)
                .update();
        jdbc.sql("INSERT INTO compliance_snapshot_claim (project_id, claimed_until) "
                        + "VALUES (?, CURRENT_TIMESTAMP + INTERVAL '5' MINUTE)")
                .param(project)
                .update();
        MockHttpServletResponse computed;
        try {
            computed = mvc.perform(get(url).with(login.as("demo_bureau")))
                    .andReturn()
                    .getResponse();
        } finally {
            jdbc.sql("DELETE FROM compliance_snapshot_claim WHERE project_id = ?")
                    .param(project)
                    .update();
        }
        assertThat(computed.getHeader("X-Sgz-Figures")).isEqualTo("computed");
        assertThat(computed.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(stored.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void anExcludedRecordDoesNotMoveTheFigureAndTheDrillDownSaysWhy() throws Exception {
        String before = compliance("demo_worker", station1, 200);
        List<Map<String, Object>> meetings = JsonPath.read(before, "$[0].indicators[?(@.name == '社区议事协商会议')]");
        assertThat(meetings).isNotEmpty();
        Map<String, Object> meeting = meetings.get(0);
        long indicatorId = ((Number) meeting.get("indicatorId")).longValue();
        double actualBefore = ((Number) meeting.get("actual")).doubleValue();

        // An indoor consultation meeting with neither photo nor sign-in sheet: recorded, but it does not count.
        String title = "议事协商测试" + System.nanoTime();
        String body = """
                {"orgUnitId": %d, "kind": "CONSULTATION", "title": "%s", "serviceDate": "%s", "place": "社区议事厅",
                 "indoor": true, "participantCount": 12, "content": "停车难问题协商", "participants": []}
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

        String after = compliance("demo_worker", station1, 200);
        Map<String, Object> meetingAfter = JsonPath.<List<Map<String, Object>>>read(
                        after, "$[0].indicators[?(@.indicatorId == " + indicatorId + ")]")
                .get(0);
        assertThat(((Number) meetingAfter.get("actual")).doubleValue()).isEqualTo(actualBefore);

        String drill = login.getJson(
                "demo_worker",
                "/api/v1/projects/" + project + "/compliance/" + indicatorId + "/records?stationId=" + station1,
                200);
        List<Map<String, Object>> excluded = JsonPath.read(drill, "$.excluded[?(@.title == '" + title + "')]");
        assertThat(excluded).hasSize(1);
        assertThat(excluded.get(0).get("reasons").toString()).contains("没有现场照片").contains("室内活动缺少签到表");
        List<Object> counted = JsonPath.read(drill, "$.counted[?(@.title == '" + title + "')]");
        assertThat(counted).isEmpty();
    }

    @Test
    void anEntityCountDrillsDownToWhatWasCounted() throws Exception {
        String board = compliance("demo_worker", station1, 200);
        Map<String, Object> funds = JsonPath.<List<Map<String, Object>>>read(
                        board, "$[0].indicators[?(@.code == 'M08.1')]")
                .get(0);
        assertThat(funds.get("status")).isNotEqualTo("NOT_CONNECTED");
        String drill = login.getJson(
                "demo_worker",
                "/api/v1/projects/" + project + "/compliance/" + funds.get("indicatorId") + "/records?stationId="
                        + station1,
                200);
        List<String> items = JsonPath.read(drill, "$.items");
        assertThat(items).hasSize(((Number) funds.get("actual")).intValue()).anyMatch(i -> i.contains("沙河街道社区慈善救助基金"));
    }

    /** Coverage lists the people covered and those not yet; the split matches the figure. */
    @Test
    void coverageDrillsDownToPeopleCoveredAndNotYetCovered() throws Exception {
        String board = compliance("demo_worker", station1, 200);
        List<Map<String, Object>> coverage =
                JsonPath.read(board, "$[0].indicators[?(@.kind == 'COVERAGE' && @.status != 'NOT_CONNECTED')]");
        assertThat(coverage).isNotEmpty();
        int withPeople = 0;
        for (Map<String, Object> c : coverage) {
            String drill = login.getJson(
                    "demo_worker",
                    "/api/v1/projects/" + project + "/compliance/" + c.get("indicatorId") + "/records?stationId="
                            + station1,
                    200);
            List<String> covered = JsonPath.read(drill, "$.covered");
            List<String> notCovered = JsonPath.read(drill, "$.notCovered");
            int total = covered.size() + notCovered.size();
            if (total == 0) {
                continue;
            }
            withPeople++;
            double share = Math.floor(covered.size() * 1000.0 / total) / 10.0;
            assertThat(((Number) c.get("actual")).doubleValue())
                    .as("%s", c.get("code"))
                    .isEqualTo(share);
        }
        assertThat(withPeople).isPositive();
    }

    /** Document figures have something behind them too: each document, present or missing. */
    @Test
    void exemplaryDocumentAndStaffingDrillDownsAreNotEmpty() throws Exception {
        String board = compliance("demo_worker", station1, 200);
        // the demo project's catalog (九原) has no staffing or exemplary standard; 扎赉诺尔's are drilled in
        // BuiltinCatalogsOnDemoTest
        for (String kind : List.of("DOCUMENT")) {
            List<Map<String, Object>> rows =
                    JsonPath.read(board, "$[0].indicators[?(@.kind == '" + kind + "' && @.status != 'NOT_CONNECTED')]");
            assertThat(rows).as(kind).isNotEmpty();
            Map<String, Object> row = rows.get(0);
            String drill = login.getJson(
                    "demo_worker",
                    "/api/v1/projects/" + project + "/compliance/" + row.get("indicatorId") + "/records?stationId="
                            + station1,
                    200);
            List<String> items = JsonPath.read(drill, "$.items");
            String note = JsonPath.read(drill, "$.note");
            assertThat(!items.isEmpty() || note != null).as(kind + " " + drill).isTrue();
            if (kind.equals("DOCUMENT")) {
                assertThat(items).allMatch(i -> i.startsWith("已有：") || i.startsWith("缺少："));
            }
        }
    }

    @Test
    void stationUsersSeeOnlyTheirOwnStation() throws Exception {
        String own = compliance("demo_worker", null, 200);
        assertThat(JsonPath.<List<Integer>>read(own, "$[*].stationId")).containsExactly((int) station1);
        compliance("demo_worker", station2, 404);
        compliance("demo_worker2", station1, 404);
        String county = compliance("demo_bureau", null, 200);
        assertThat(JsonPath.<List<Integer>>read(county, "$[*].stationId")).hasSize(3);
        // The drill-down is scoped the same way.
        long anyIndicator = ((Number) JsonPath.read(own, "$[0].indicators[0].indicatorId")).longValue();
        login.getJson(
                "demo_worker",
                "/api/v1/projects/" + project + "/compliance/" + anyIndicator + "/records?stationId=" + station2,
                404);
    }

    @Test
    void indicatorsWithoutADataSourceSaySoInsteadOfZero() throws Exception {
        String json = compliance("demo_bureau", station1, 200);
        List<Map<String, Object>> unconnected = JsonPath.read(json, "$[0].indicators[?(@.status == 'NOT_CONNECTED')]");
        assertThat(unconnected).allSatisfy(c -> {
            assertThat(c.get("actual")).isNull();
            assertThat(c.get("note")).isEqualTo("数据来源尚未接入");
        });
        // cases are connected since the casework module answers for them: a figure, never "not connected"
        List<Map<String, Object>> cases = JsonPath.read(json, "$[0].indicators[?(@.kind == 'CASE_QUOTA')]");
        assertThat(cases).isNotEmpty().allSatisfy(c -> {
            assertThat(c.get("status")).isNotEqualTo("NOT_CONNECTED");
            assertThat(c.get("actual")).isNotNull();
        });
        List<Map<String, Object>> coverage = JsonPath.read(json, "$[0].indicators[?(@.kind == 'COVERAGE')]");
        assertThat(coverage)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("status")).isNotEqualTo("NOT_CONNECTED"));
    }

    @Test
    void pagesRenderForBureauAndWorker() throws Exception {
        String county = mvc.perform(get("/progress/projects/" + project).cookie(login.login("demo_bureau")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(county).contains("id=\"county-table\"").contains("沙河街道社工站").contains("萨如拉街道社工站");
        // A worker sees one station: the county page sends them to their station's board.
        MockHttpServletResponse worker = mvc.perform(
                        get("/progress/projects/" + project).cookie(login.login("demo_worker")))
                .andReturn()
                .getResponse();
        assertThat(worker.getRedirectedUrl()).isEqualTo("/progress/projects/" + project + "/stations/" + station1);
    }
}
