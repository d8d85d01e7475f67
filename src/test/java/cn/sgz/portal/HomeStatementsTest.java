package cn.sgz.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.sgz.SgzTest;
import cn.sgz.catalog.TestProjects;
import cn.sgz.org.TestLogin;
import cn.sgz.shared.ChinaTime;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue #23: a city officer's home page runs a constant number of SQL statements whatever the number of projects
 * (counted by the bench hook, on in the test profile): adding three running projects on the demo stations leaves
 * the count of one page load unchanged once their compliance snapshots exist.
 */
@SgzTest
class HomeStatementsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @org.springframework.beans.factory.annotation.Value("${spring.datasource.url:}")
    String url;

    @Test
    void cityHomePageStatementsDoNotGrowWithTheNumberOfProjects() throws Exception {
        Cookie city = new TestLogin(mvc).login("demo_city");
        List<String> before = statementsOfOneLoad(city);
        List<Long> added = new ArrayList<>();
        try {
            long demo = jdbc.sql("SELECT id FROM project WHERE name LIKE ? ORDER BY id")
                    .param("九原区民政领域社会工作服务项目%")
                    .query(Long.class)
                    .list()
                    .get(0);
            for (int i = 1; i <= 3; i++) {
                added.add(copyOf(demo, "语句计数测试项目" + i));
            }
            List<String> after = statementsOfOneLoad(city);
            System.out.printf(
                    "city home page: %d statements before, %d with 3 more projects%n", before.size(), after.size());
            assertThat(after.size())
                    .as("statements with %d more projects:%n%s%nbefore:%n%s", added.size(), after, before)
                    .isEqualTo(before.size());
            // and few: a handful per section, not one per project or station
            assertThat(after.size()).isLessThan(40);
        } finally {
            for (long id : added) {
                jdbc.sql("DELETE FROM compliance_snapshot WHERE project_id = ?")
                        .param(id)
                        .update();
                jdbc.sql("DELETE FROM compliance_snapshot_claim WHERE project_id = ?")
                        .param(id)
                        .update();
                jdbc.sql("DELETE FROM project_item WHERE project_id = ?")
                        .param(id)
                        .update();
                jdbc.sql("DELETE FROM project_station WHERE project_id = ?")
                        .param(id)
                        .update();
                jdbc.sql("DELETE FROM project WHERE id = ?").param(id).update();
            }
        }
    }

    /**
     * The worker's to-do list used to load every open group's details one by one (about eight statements a group):
     * three more groups with their unit plans at the worker's station leave the count of one home page unchanged.
     */
    @Test
    void workerHomePageStatementsDoNotGrowWithTheNumberOfGroups() throws Exception {
        TestLogin login = new TestLogin(mvc);
        Cookie worker = login.login("demo_worker");
        List<String> before = statementsOfOneLoad(worker);
        long station = jdbc.sql("SELECT org_unit_id FROM app_user WHERE username = 'demo_worker'")
                .query(Long.class)
                .single();
        String planned = ChinaTime.today().plusDays(30).toString();
        for (int i = 1; i <= 3; i++) {
            MockHttpServletResponse created = login.send(
                    "demo_worker",
                    post("/api/v1/groups"),
                    json.writeValueAsString(Map.of(
                            "stationId",
                            station,
                            "name",
                            "语句计数小组" + TestLogin.unique(),
                            "domain",
                            "ELDERLY",
                            "plan",
                            Map.of(
                                    "planDate",
                                    ChinaTime.today().toString(),
                                    "background",
                                    "老人孤独",
                                    "goals",
                                    "建立互助",
                                    "members",
                                    "8 名老人",
                                    "plannedSessions",
                                    "2",
                                    "schedule",
                                    "每月一次"))));
            assertThat(created.getStatus())
                    .as(created.getContentAsString(StandardCharsets.UTF_8))
                    .isBetween(200, 201);
            long id = json.readTree(created.getContentAsString(StandardCharsets.UTF_8))
                    .get("id")
                    .asLong();
            MockHttpServletResponse unit = login.send(
                    "demo_worker",
                    put("/api/v1/groups/" + id + "/units/1"),
                    json.writeValueAsString(
                            Map.of("theme", "相识", "goals", "相识", "plannedDate", planned, "activities", "暖身")));
            assertThat(unit.getStatus())
                    .as(unit.getContentAsString(StandardCharsets.UTF_8))
                    .isBetween(200, 201);
        }
        List<String> after = statementsOfOneLoad(worker);
        System.out.printf(
                "worker home page: %d statements before, %d with 3 more groups%n", before.size(), after.size());
        assertThat(after.size())
                .as("statements with 3 more groups:%n%s%nbefore:%n%s", after, before)
                .isEqualTo(before.size());
        // the bound that matters is the equality above; the cap only catches a gross regression — in the whole
        // suite other tests' cases and records add rows to sections still read per row (about 54 statements there,
        // 41 on the demo alone), which issue #23 has left to do
        assertThat(after.size()).isLessThan(80);
        Cookie head = login.login("demo_head");
        List<String> headLoad = statementsOfOneLoad(head);
        System.out.printf("head home page: %d statements%n", headLoad.size());
        assertThat(headLoad.size()).as("head home page:%n%s", headLoad).isLessThan(80);
    }

    /**
     * Issue #23 (session 8): each role's home page runs no more statements than after the per-request reuse of case
     * lists and unit names (city 23, bureau 27, evaluator 26, agency 40, head 38, worker 33 to 38 on the demo data; it
     * was 24, 29, 28, 46, 44, 42): the bounds add 4 for rows other tests of the suite add to sections still read per
     * row, and 1 for the officers' overdue follow-ups, counted in the database and then 8 names read (two statements
     * where the whole due list was one). On H2 none of them is written with LIKE (H2 prepares a statement with LIKE afresh on every execution, so
     * scope conditions are path ranges there), and unit names are read at most three times, not once per section.
     */
    @Test
    void eachRolesHomePageRunsFewStatementsAndNoLikeOnH2() throws Exception {
        TestLogin login = new TestLogin(mvc);
        Map<String, Integer> bounds = new java.util.LinkedHashMap<>();
        bounds.put("demo_city", 28);
        bounds.put("demo_bureau", 32);
        bounds.put("demo_evaluator", 31);
        // station roles: the to-do list still reads each distinct project of the open cases and groups by itself
        // (3 statements a project), and the suite's other tests add projects, so these keep more room
        bounds.put("demo_agency", 48);
        bounds.put("demo_head", 46);
        bounds.put("demo_worker", 46);
        for (Map.Entry<String, Integer> e : bounds.entrySet()) {
            List<String> load = statementsOfOneLoad(login.login(e.getKey()));
            System.out.printf("%s home page: %d statements%n", e.getKey(), load.size());
            assertThat(load.size())
                    .as("%s:%n%s", e.getKey(), String.join("\n", load))
                    .isLessThanOrEqualTo(e.getValue());
            if (url.startsWith("jdbc:h2:")) {
                assertThat(load)
                        .as(e.getKey())
                        .noneMatch(sql -> sql.toUpperCase(java.util.Locale.ROOT).contains(" LIKE "));
            }
            // each station's name is read once per page, however many sections name it
            assertThat(load.stream().filter(sql -> sql.startsWith("SELECT id, name FROM org_unit WHERE id IN")))
                    .as("%s: unit names", e.getKey())
                    .hasSizeLessThanOrEqualTo(3);
        }
    }

    /** The statements of one load of the home page, after loads that compute any missing snapshot. */
    private List<String> statementsOfOneLoad(Cookie user) throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(mvc.perform(get("/").cookie(user))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(200);
        }
        String sql = mvc.perform(get("/bench/statements").param("path", "/").cookie(user))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return sql.lines().filter(l -> !l.isBlank()).toList();
    }

    private long copyOf(long project, String name) {
        return TestProjects.copyOf(jdbc, project, name);
    }
}
