package cn.sgz.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.SgzTest;
import cn.sgz.org.TestLogin;
import cn.sgz.progress.CaseworkFactSource;
import cn.sgz.progress.RecordFactSource;
import cn.sgz.progress.RecordFactSource.MonthlyCount;
import cn.sgz.progress.RecordFactSource.RecordRef;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 12 item 7: 本项目服务成果不得与其他政府购买社工服务项目成果重复利用. The demo has two projects overlapping at its
 * stations; every record, case and group counts for exactly one of them, the engine counts for a project only what
 * is tied to it, the drill-down says where the rest counts, and a bureau officer (only) can see and move a tie.
 */
@SgzTest
class ProjectTiesTest {

    static final String MAIN = "九原区民政领域社会工作服务项目（沙河、萨如拉、赛罕）";
    static final String OVERLAP = "九原区困境儿童关爱保护服务项目（专项）";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordFactSource records;

    @Autowired
    CaseworkFactSource casework;

    CaseworkApi api;

    @BeforeEach
    void setUp() {
        api = new CaseworkApi(mvc, json);
    }

    private long project(String name) {
        return jdbc.sql("SELECT id FROM project WHERE name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private String error(MockHttpServletResponse r, int status) throws Exception {
        String body = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus()).as(body).isEqualTo(status);
        return json.readTree(body).path("message").asText();
    }

    @Test
    void theDemoShowsTiesAndNoRecordCountsForBothProjects() {
        long main = project(MAIN);
        long overlap = project(OVERLAP);
        // the demo: two records the worker chose for the overlapping project, one the bureau moved there
        // (other tests of this class add their own; the demo's are titled （专项）)
        List<Map<String, Object>> tied = jdbc.sql("SELECT id, project_tie FROM service_record WHERE project_id = ? "
                        + "AND title LIKE '%（专项）' ORDER BY id")
                .param(overlap)
                .query()
                .listOfRows();
        assertThat(tied).extracting(r -> r.get("project_tie")).containsExactly("CHOSEN", "CHOSEN", "MOVED");
        // nothing recorded inside the overlap is untied, and every record has exactly one project
        LocalDate from = jdbc.sql("SELECT start_date FROM project WHERE id = ?")
                .param(overlap)
                .query(LocalDate.class)
                .single();
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM service_record r JOIN project_station ps ON ps.station_id = r.station_id "
                                        + "WHERE ps.project_id = ? AND r.service_date >= ? AND r.project_id IS NULL")
                        .params(overlap, from)
                        .query(Long.class)
                        .single())
                .isZero();

        // the engine's grouped scans: per project only its own records; together exactly the unscoped count
        List<Long> stations = jdbc.sql("SELECT station_id FROM project_station WHERE project_id = ?")
                .param(overlap)
                .query(Long.class)
                .list();
        LocalDate to = LocalDate.of(2026, 12, 7);
        // every project at these stations (other test classes of the shared context add their own)
        List<Long> all = jdbc.sql("SELECT DISTINCT project_id FROM project_station WHERE station_id IN (:s)")
                .param("s", stations)
                .query(Long.class)
                .list();
        long total = sum(records.monthlyCounts(stations, from, to));
        long mine = sum(records.forProject(overlap).monthlyCounts(stations, from, to));
        assertThat(mine).isPositive(); // those of the three whose evidence qualifies
        assertThat(all.stream()
                        .mapToLong(p -> sum(records.forProject(p).monthlyCounts(stations, from, to)))
                        .sum())
                .as("each record counts for exactly one project")
                .isEqualTo(total);
        // per-person facts follow the record's project too
        Set<ServiceKind> care = Set.of(ServiceKind.CARE_SERVICE);
        long people = records.recipientMonthlyCounts(stations, care, from, to).size();
        assertThat(all.stream()
                        .mapToLong(p -> records.forProject(p)
                                .recipientMonthlyCounts(stations, care, from, to)
                                .size())
                        .sum())
                .isEqualTo(people);

        // the drill-down of the main project lists the overlap's records as not counting, and says where they count
        long station = jdbc.sql("SELECT station_id FROM service_record WHERE project_id = ? AND title LIKE '%（专项）'")
                .param(overlap)
                .query(Long.class)
                .list()
                .get(0);
        List<RecordRef> seenFromMain = records.forProject(main).records(station, care, null, from, to);
        List<RecordRef> elsewhere = seenFromMain.stream()
                .filter(r -> r.reasons().contains("已计入项目《" + OVERLAP + "》，不重复计入本项目"))
                .toList();
        assertThat(elsewhere).hasSizeGreaterThanOrEqualTo(3).noneMatch(RecordRef::counts);
        assertThat(records.forProject(overlap).records(station, care, null, from, to).stream()
                        .filter(r -> r.reasons().stream().noneMatch(x -> x.startsWith("已计入项目")))
                        .map(RecordRef::id))
                .containsAll(tied.stream()
                        .map(r -> ((Number) r.get("id")).longValue())
                        .toList());
    }

    /** The earliest-started project running at the station on the day (then the lowest id): the automatic tie. */
    private long earliest(long station, LocalDate day) {
        return jdbc.sql(
                        "SELECT p.id FROM project p JOIN project_station ps ON ps.project_id = p.id "
                                + "WHERE ps.station_id = ? AND ? BETWEEN p.start_date AND p.end_date ORDER BY p.start_date, p.id")
                .params(station, day)
                .query(Long.class)
                .list()
                .get(0);
    }

    private String name(long project) {
        return jdbc.sql("SELECT name FROM project WHERE id = ?")
                .param(project)
                .query(String.class)
                .single();
    }

    private static long sum(List<MonthlyCount> rows) {
        return rows.stream().mapToLong(MonthlyCount::count).sum();
    }

    @Test
    void aNewRecordGoesToTheEarliestStartedProjectOrTheWorkersChoice() throws Exception {
        long main =
                earliest(api.station("demo_worker"), LocalDate.of(2026, 12, 5)); // demo main unless a test added one
        long overlap = project(OVERLAP);
        long station = api.station("demo_worker");
        JsonNode auto = api.ok("demo_worker", "POST", "/api/v1/service-records", record(station, null, "自动归属测试"));
        JsonNode chosen = api.ok("demo_worker", "POST", "/api/v1/service-records", record(station, overlap, "选择归属测试"));
        assertThat(auto.get("projectId").asLong()).isEqualTo(main);
        assertThat(chosen.get("projectId").asLong()).isEqualTo(overlap);
        JsonNode tie = api.ok("demo_worker", "GET", "/api/v1/service-records/" + auto.get("id") + "/project", null);
        assertThat(tie.get("how").asText()).isEqualTo("EARLIEST");
        assertThat(tie.get("howLabel").asText()).isEqualTo("多个项目重叠，按最早开始的项目自动计入");
        assertThat(tie.get("canMove").asBoolean()).isFalse(); // a worker sees the tie but cannot move it
        tie = api.ok("demo_worker", "GET", "/api/v1/service-records/" + chosen.get("id") + "/project", null);
        assertThat(tie.get("how").asText()).isEqualTo("CHOSEN");
    }

    @Test
    void onlyTheBureauMovesARecordAndOnlyToAnOverlappingProjectAudited() throws Exception {
        long main = earliest(api.station("demo_worker"), LocalDate.of(2026, 12, 5));
        long overlap = project(OVERLAP);
        long station = api.station("demo_worker");
        JsonNode r = api.ok("demo_worker", "POST", "/api/v1/service-records", record(station, null, "调整归属测试"));
        String url = "/api/v1/service-records/" + r.get("id").asLong() + "/project";

        assertThat(api.send("demo_worker", "PUT", url, Map.of("projectId", overlap, "reason", "想调整"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(api.send("demo_evaluator", "PUT", url, Map.of("projectId", overlap, "reason", "想调整"))
                        .getStatus())
                .isEqualTo(403);
        JsonNode seen = api.ok("demo_bureau", "GET", url, null);
        assertThat(seen.get("projectName").asText()).isEqualTo(name(main));
        assertThat(seen.get("canMove").asBoolean()).isTrue();
        assertThat(seen.get("others")).extracting(o -> o.get("id").asLong()).contains(overlap);
        assertThat(error(api.send("demo_bureau", "PUT", url, Map.of("projectId", overlap)), 400))
                .contains("调整原因");
        assertThat(error(api.send("demo_bureau", "PUT", url, Map.of("projectId", 999999, "reason", "经费来源不同")), 400))
                .contains("只能调整到当日在该站重叠的其他项目");

        JsonNode moved = api.ok("demo_bureau", "PUT", url, Map.of("projectId", overlap, "reason", "经费来源不同"));
        assertThat(moved.get("projectName").asText()).isEqualTo(OVERLAP);
        assertThat(moved.get("how").asText()).isEqualTo("MOVED");
        assertThat(moved.get("others"))
                .extracting(o -> o.get("id").asLong())
                .contains(main)
                .doesNotContain(overlap);
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'RECORD_PROJECT_MOVE' AND target_id = ?")
                        .param(r.get("id").asText())
                        .query(String.class)
                        .list())
                .containsExactly("由《" + name(main) + "》调整到《" + OVERLAP + "》：经费来源不同");
        // the person served follows the record to its new project
        assertThat(jdbc.sql("SELECT COUNT(*) FROM service_person_fact WHERE record_id = ? AND project_id <> ?")
                        .params(r.get("id").asLong(), overlap)
                        .query(Long.class)
                        .single())
                .isZero();
        // and the record page shows the tie (the move form only to the bureau)
        String page = api.page("demo_bureau", "/records/" + r.get("id").asLong());
        assertThat(page).contains("已计入项目《" + OVERLAP + "》").contains("由民政局调整").contains("id=\"project-tie-form\"");
        assertThat(api.page("demo_worker", "/records/" + r.get("id").asLong()))
                .contains("已计入项目《" + OVERLAP + "》")
                .doesNotContain("id=\"project-tie-form\"");
    }

    @Test
    void aCaseCountsForOneProjectAndTheBureauMovesItCasesOfTheOtherProjectDoNotCount() throws Exception {

        long overlap = project(OVERLAP);
        JsonNode c = api.openCase("demo_worker", "归属测试个案" + TestLogin.unique(), "女，70岁");
        long id = c.get("id").asLong();
        long main = earliest(
                c.get("stationId").asLong(), LocalDate.parse(c.get("openedOn").asText()));
        String url = "/api/v1/cases/" + id + "/project";
        JsonNode tie = api.ok("demo_worker", "GET", url, null);
        assertThat(tie.get("projectId").asLong()).isEqualTo(main);
        assertThat(tie.get("how").asText()).isEqualTo("EARLIEST");
        assertThat(api.send("demo_worker", "PUT", url, Map.of("projectId", overlap, "reason", "经费来源不同"))
                        .getStatus())
                .isEqualTo(403);
        long station = c.get("stationId").asLong();
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        assertThat(casework.forProject(main).cases(List.of(station), null, from, to))
                .anyMatch(f -> f.caseId() == id);
        assertThat(casework.forProject(overlap).cases(List.of(station), null, from, to))
                .noneMatch(f -> f.caseId() == id);

        JsonNode moved = api.ok("demo_bureau", "PUT", url, Map.of("projectId", overlap, "reason", "专项经费开展的个案"));
        assertThat(moved.get("projectName").asText()).isEqualTo(OVERLAP);
        assertThat(casework.forProject(main).cases(List.of(station), null, from, to))
                .noneMatch(f -> f.caseId() == id);
        assertThat(casework.forProject(overlap).cases(List.of(station), null, from, to))
                .anyMatch(f -> f.caseId() == id);
        assertThat(api.page("demo_bureau", "/cases/" + id))
                .contains("已计入项目《" + OVERLAP + "》")
                .contains("由民政局调整");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'CASE_PROJECT_MOVE' AND target_id = ?")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private static Map<String, Object> record(long station, Long project, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orgUnitId", station);
        body.put("projectId", project);
        body.put("kind", "CARE_SUPPORT");
        body.put("title", title + TestLogin.unique());
        body.put("serviceDate", "2026-12-05");
        body.put("participantCount", 1);
        body.put("indoor", false);
        return body;
    }
}
