package cn.sgz.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.sgz.SgzTest;
import cn.sgz.org.TestLogin;
import cn.sgz.shared.ChinaTime;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Catalog and project API and pages, with real logins: formats, versioning, selection rules, scope. */
@SgzTest
class CatalogProjectApiTest {

    static final String PASSWORD = "sgz-demo-2026!";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogQueries catalogs;

    Cookie login(String user) throws Exception {
        return new TestLogin(mvc).login(user);
    }

    JsonNode body(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static String yaml(String code, String standard) {
        return """
                code: %s
                name: 测试清单 %s
                year: 2026
                tiers:
                  - {code: TIER_10W, label: 10万指标值}
                  - {code: TIER_20W, label: 20万指标值}
                groups:
                  - {code: OPT, name: 自选任务, min: 2, rule: 自选任务共3项，至少选择2项}
                tasks:
                  - code: T1
                    name: 专业服务
                    items:
                      - code: M1
                        name: 必选一
                        category: MANDATORY
                        content: 必选内容
                        indicators:
                          - code: M1.1
                            name: 个案
                            kind: CASE_QUOTA
                            period: PROJECT
                            targets: {TIER_10W: 6, TIER_20W: 12}
                            params: {sessionsEach: 5, unit: 个}
                            standard: %s
                      - {code: O1, name: 自选一, category: OPTIONAL, group: OPT, content: 内容一}
                      - {code: O2, name: 自选二, category: OPTIONAL, group: OPT, content: 内容二}
                      - {code: O3, name: 自选三, category: OPTIONAL, group: OPT, content: 内容三}
                """.formatted(code, code, standard);
    }

    long importYaml(Cookie s, String yaml) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/catalogs")
                        .cookie(s)
                        .with(csrf())
                        .contentType("application/yaml")
                        .content(yaml.getBytes(StandardCharsets.UTF_8)))
                .andReturn();
        // 201 when a catalog or version was created; 200 when a draft was corrected in place
        String outcome = body(r).get("outcome").asText();
        assertThat(r.getResponse().getStatus())
                .as(outcome)
                .isEqualTo(outcome.equals("DRAFT_REPLACED") || outcome.equals("UNCHANGED") ? 200 : 201);
        return body(r).get("catalogId").asLong();
    }

    long stationId(String name) {
        return jdbc.sql("SELECT id FROM org_unit WHERE name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    Map<String, Object> projectBody(String name, long catalogId, String tier, List<Long> stations, List<Long> items) {
        long bureau = stationId("九原区民政局");
        long agency = jdbc.sql("SELECT id FROM agency WHERE name = '包头市九原区启航社会工作服务中心'")
                .query(Long.class)
                .single();
        return Map.of(
                "name",
                name,
                "bureauId",
                bureau,
                "agencyId",
                agency,
                "catalogId",
                catalogId,
                "tier",
                tier,
                "startDate",
                "2026-01-01",
                "endDate",
                "2026-12-31",
                "stationIds",
                stations,
                "optionalItemIds",
                items,
                "minGroupAttendees",
                6);
    }

    List<Long> itemIds(long catalogId, String... codes) {
        Catalog c = catalogs.get(catalogId);
        return List.of(codes).stream()
                .map(code -> c.content().item(code).orElseThrow().id())
                .toList();
    }

    @Test
    void builtInCatalogsAreLoadedAndReadableByEveryone() throws Exception {
        Cookie worker = login("demo_worker");
        MvcResult r = mvc.perform(get("/api/v1/catalogs").cookie(worker))
                .andExpect(status().isOk())
                .andReturn();
        JsonNode list = body(r);
        assertThat(list.findValuesAsString("code")).contains("jiuyuan-2024", "zhalainuoer-2026");
        Catalog jiuyuan = catalogs.latest("jiuyuan-2024").orElseThrow();
        assertThat(jiuyuan.builtin()).isTrue();
        assertThat(jiuyuan.status()).isEqualTo(CatalogStatus.PUBLISHED);
        Indicator cases = jiuyuan.content().indicator("M01.2").orElseThrow();
        assertThat(cases.kind()).isEqualTo(RuleKind.CASE_QUOTA);
        assertThat(cases.target("STANDARD")).isEqualByComparingTo("12");
        assertThat(cases.params().sessionsEach()).isEqualTo(5);
        // stored and read back exactly as the resource file says
        assertThat(jiuyuan.content().withoutIds())
                .isEqualTo(cn.sgz.catalog.internal.BuiltinAccess.parse("catalogs/jiuyuan-2024.yaml"));

        mvc.perform(get("/api/v1/catalogs/" + jiuyuan.id()).cookie(worker))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.tasks[0].items[0].indicators[1].kind")
                        .value("CASE_QUOTA"));
        String page = mvc.perform(get("/catalogs/" + jiuyuan.id()).cookie(worker))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("项目期内开展个案服务不少于 12 个，小组服务不少于 9 个（每个不少于 5 节）。")
                .contains("data-testid=\"indicator-M01.2\"")
                .contains("≥12个，每个≥5节（项目期内）")
                .doesNotContain("id=\"edit-catalog\"");
        mvc.perform(get("/api/v1/catalogs/999999").cookie(worker)).andExpect(status().isNotFound());
    }

    @Test
    void yamlImportAnswersLineLevelChineseErrorsAndOnlyWritersMayImport() throws Exception {
        Cookie bureau = login("demo_bureau");
        String bad = yaml("api-bad", "标准").replace("kind: CASE_QUOTA", "kind: 个案");
        String line = "第" + (bad.substring(0, bad.indexOf("kind: 个案")).split("\n", -1).length) + "行";
        mvc.perform(post("/api/v1/catalogs")
                        .cookie(bureau)
                        .with(csrf())
                        .contentType("application/yaml")
                        .content(bad.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CATALOG_INVALID"))
                .andExpect(jsonPath("$.details[0].field").value(line))
                .andExpect(
                        jsonPath("$.details[0].message").value(org.hamcrest.Matchers.startsWith(line + "：规则类型“个案”无效")));
        assertThat(catalogs.latest("api-bad")).isEmpty();

        Cookie worker = login("demo_worker2");
        mvc.perform(post("/api/v1/catalogs")
                        .cookie(worker)
                        .with(csrf())
                        .contentType("application/yaml")
                        .content(yaml("api-worker", "标准").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isForbidden());

        long id = importYaml(bureau, yaml("api-ok", "标准"));
        Catalog c = catalogs.get(id);
        assertThat(c.status()).isEqualTo(CatalogStatus.DRAFT);
        assertThat(c.content().indicator("M1.1").orElseThrow().targets())
                .containsEntry("TIER_10W", new java.math.BigDecimal("6"))
                .containsEntry("TIER_20W", new java.math.BigDecimal("12"));
        // export → import is a no-op
        byte[] exported = mvc.perform(
                        get("/api/v1/catalogs/" + id + "/export.yaml").cookie(bureau))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        mvc.perform(post("/api/v1/catalogs")
                        .cookie(bureau)
                        .with(csrf())
                        .contentType("application/yaml")
                        .content(exported))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("UNCHANGED"));
        // Excel export → import through the API is a no-op too
        byte[] xlsx = mvc.perform(get("/api/v1/catalogs/" + id + "/export.xlsx").cookie(bureau))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        mvc.perform(multipart("/api/v1/catalogs/xlsx")
                        .file(new MockMultipartFile("file", "c.xlsx", null, xlsx))
                        .cookie(bureau)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("UNCHANGED"));
    }

    @Test
    void aReplacedDraftIsReadAfreshThoughCatalogsAreKeptInMemory() throws Exception {
        Cookie bureau = login("demo_bureau");
        String code = "api-cache-" + cn.sgz.org.TestLogin.unique();
        long id = importYaml(bureau, yaml(code, "第一稿标准"));
        assertThat(catalogs.get(id).content().indicator("M1.1").orElseThrow().standard())
                .isEqualTo("第一稿标准");
        assertThat(catalogs.get(id)).isSameAs(catalogs.get(id)); // the second read is the kept copy
        mvc.perform(post("/api/v1/catalogs")
                        .cookie(bureau)
                        .with(csrf())
                        .contentType("application/yaml")
                        .content(yaml(code, "第二稿标准").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("DRAFT_REPLACED"));
        assertThat(catalogs.get(id).content().indicator("M1.1").orElseThrow().standard())
                .isEqualTo("第二稿标准");
    }

    @Test
    void editingAPublishedCatalogUsedByAProjectCreatesANewVersionAndTheProjectKeepsItsOwn() throws Exception {
        Cookie bureau = login("demo_bureau");
        long v1 = importYaml(bureau, yaml("api-versioned", "第一版标准"));
        // a draft is corrected in place
        long again = importYaml(bureau, yaml("api-versioned", "第一版标准（更正）"));
        assertThat(again).isEqualTo(v1);
        mvc.perform(post("/api/v1/catalogs/" + v1 + "/publish").cookie(bureau).with(csrf()))
                .andExpect(status().isOk());
        MvcResult created = mvc.perform(post("/api/v1/projects")
                        .cookie(bureau)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(projectBody(
                                "版本测试项目", v1, "TIER_20W", List.of(stationId("沙河街道社工站")), itemIds(v1, "O1", "O2")))))
                .andExpect(status().isCreated())
                .andReturn();
        long projectId = body(created).get("id").asLong();

        MvcResult edited = mvc.perform(post("/api/v1/catalogs")
                        .cookie(bureau)
                        .with(csrf())
                        .contentType("application/yaml")
                        .content(yaml("api-versioned", "第二版标准").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outcome").value("NEW_VERSION"))
                .andExpect(jsonPath("$.version").value(2))
                .andReturn();
        long v2 = body(edited).get("catalogId").asLong();
        assertThat(v2).isNotEqualTo(v1);
        assertThat(catalogs.get(v2).parentId()).isEqualTo(v1);
        assertThat(catalogs.get(v1).content().indicator("M1.1").orElseThrow().standard())
                .isEqualTo("第一版标准（更正）");
        assertThat(catalogs.get(v2).content().indicator("M1.1").orElseThrow().standard())
                .isEqualTo("第二版标准");

        mvc.perform(get("/api/v1/projects/" + projectId).cookie(bureau))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.catalogId").value(v1))
                .andExpect(jsonPath("$.catalogVersion").value(1));
        mvc.perform(get("/api/v1/projects/" + projectId + "/indicators").cookie(bureau))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].indicator.standard").value("第一版标准（更正）"))
                .andExpect(jsonPath("$[0].target").value(12));
        // the new version is a draft: projects cannot move onto it until it is published
        Map<String, Object> moved = new java.util.HashMap<>(
                projectBody("版本测试项目", v2, "TIER_20W", List.of(stationId("沙河街道社工站")), itemIds(v2, "O1", "O2")));
        mvc.perform(put("/api/v1/projects/" + projectId)
                        .cookie(bureau)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(moved)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details[0].field").value("catalogId"));
    }

    @Test
    void selectionRuleIsEnforcedWithAMessageNamingTheGroupAndTheCount() throws Exception {
        Cookie bureau = login("demo_bureau");
        Catalog jiuyuan = catalogs.latest("jiuyuan-2024").orElseThrow();
        mvc.perform(post("/api/v1/projects")
                        .cookie(bureau)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(projectBody(
                                "少选项目",
                                jiuyuan.id(),
                                "STANDARD",
                                List.of(stationId("沙河街道社工站")),
                                itemIds(jiuyuan.id(), "O01", "O02")))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details[0].field").value("optionalItemIds"))
                .andExpect(jsonPath("$.message").value("“自选任务”共10项，至少选择3项，当前只选择了2项（自选任务共10项，至少选择3项）"));
        Catalog zl = catalogs.latest("zhalainuoer-2026").orElseThrow();
        mvc.perform(post("/api/v1/projects")
                        .cookie(bureau)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(projectBody(
                                "多选项目",
                                zl.id(),
                                "STANDARD",
                                List.of(stationId("沙河街道社工站")),
                                itemIds(zl.id(), "Z8.01", "Z8.02")))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("“自选项目”须选择1项，当前选择了2项")));
        // mandatory items cannot be "chosen", and stations must lie under the bureau
        mvc.perform(post("/api/v1/projects")
                        .cookie(bureau)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(
                                projectBody("", zl.id(), "NOPE", List.of(), itemIds(zl.id(), "Z1.1")))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details[*].field")
                        .value(org.hamcrest.Matchers.hasItems("name", "tier", "stationIds", "optionalItemIds")));
    }

    @Test
    void demoProjectExistsAndStationRolesSeeOnlyProjectsOfTheirStations() throws Exception {
        Cookie bureau = login("demo_bureau");
        Catalog jiuyuan = catalogs.latest("jiuyuan-2024").orElseThrow();
        MvcResult all = mvc.perform(get("/api/v1/projects").cookie(bureau))
                .andExpect(status().isOk())
                .andReturn();
        JsonNode demo = null;
        for (JsonNode p : body(all)) {
            if (p.get("name").asString().equals("九原区民政领域社会工作服务项目（沙河、萨如拉、赛罕）")) {
                demo = p;
            }
        }
        assertThat(demo).as("demo project").isNotNull();
        assertThat(demo.get("stationIds")).hasSize(3);
        assertThat(demo.get("optionalItemIds")).hasSize(4); // O03, O07, O09, O10 (录入全国志愿服务信息系统)
        assertThat(demo.get("catalogId").asLong()).isEqualTo(jiuyuan.id());
        java.time.LocalDate start = ChinaTime.today().minusMonths(2).withDayOfMonth(1);
        assertThat(demo.get("startDate").asString()).isEqualTo(start.toString());
        assertThat(demo.get("endDate").asString())
                .isEqualTo(start.plusYears(1).minusDays(1).toString());

        // a project of station 2 only
        long s2 = stationId("萨如拉街道社工站");
        MvcResult created = mvc.perform(post("/api/v1/projects")
                        .cookie(bureau)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(projectBody(
                                "萨如拉专项项目",
                                jiuyuan.id(),
                                "STANDARD",
                                List.of(s2),
                                itemIds(jiuyuan.id(), "O01", "O02", "O03")))))
                .andExpect(status().isCreated())
                .andReturn();
        long only2 = body(created).get("id").asLong();

        Cookie worker1 = login("demo_worker");
        MvcResult seen1 = mvc.perform(get("/api/v1/projects").cookie(worker1))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(body(seen1).findValuesAsString("name"))
                .contains(demo.get("name").asString())
                .doesNotContain("萨如拉专项项目");
        mvc.perform(get("/api/v1/projects/" + only2).cookie(worker1)).andExpect(status().isNotFound());
        mvc.perform(get("/projects/" + only2).cookie(worker1)).andExpect(status().isNotFound());

        Cookie worker2 = login("demo_worker2");
        MvcResult seen2 = mvc.perform(get("/api/v1/projects").cookie(worker2))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(body(seen2).findValuesAsString("name"))
                .contains("萨如拉专项项目", demo.get("name").asString());
        // demo_worker2 may read but not edit
        mvc.perform(put("/api/v1/projects/" + only2)
                        .cookie(worker2)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(projectBody(
                                "改名",
                                jiuyuan.id(),
                                "STANDARD",
                                List.of(s2),
                                itemIds(jiuyuan.id(), "O01", "O02", "O03")))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/projects/" + only2 + "/edit").cookie(worker2)).andExpect(status().isForbidden());
        mvc.perform(post("/projects").cookie(worker2).with(csrf()).param("name", "x"))
                .andExpect(status().isForbidden());

        Cookie agency = login("demo_agency");
        MvcResult seenA = mvc.perform(get("/api/v1/projects").cookie(agency))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(body(seenA).findValuesAsString("name"))
                .contains("萨如拉专项项目", demo.get("name").asString());

        // the bureau edits (with the version it read: optimistic locking); the change is kept
        long version = body(mvc.perform(get("/api/v1/projects/" + only2).cookie(bureau))
                        .andExpect(status().isOk())
                        .andReturn())
                .get("version")
                .asLong();
        mvc.perform(put("/api/v1/projects/" + only2 + "?version=" + version)
                        .cookie(bureau)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(projectBody(
                                "萨如拉专项项目（修订）",
                                jiuyuan.id(),
                                "STANDARD",
                                List.of(s2, stationId("赛罕街道社工站")),
                                itemIds(jiuyuan.id(), "O01", "O02", "O03", "O04")))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stationIds.length()").value(2))
                .andExpect(jsonPath("$.optionalItemIds.length()").value(4));
    }

    @Test
    void pagesShowListsFormsAndUploadErrors() throws Exception {
        Cookie bureau = login("demo_bureau");
        String list = mvc.perform(get("/catalogs").cookie(bureau))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("2024年包头市九原区民政领域社会工作服务项目任务和服务标准指导目录").contains("id=\"import-yaml-form\"");

        String errors = mvc.perform(post("/catalogs/import-yaml")
                        .cookie(bureau)
                        .with(csrf())
                        .param("text", "code: x\nname: y\ntiers: oops\n"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(errors).contains("data-testid=\"import-errors\"").contains("第3行：档位（tiers）应为列表");

        String xlsxErrors = mvc.perform(multipart("/catalogs/import-xlsx")
                        .file(new MockMultipartFile(
                                "file", "x.xlsx", null, "not excel".getBytes(StandardCharsets.UTF_8)))
                        .cookie(bureau)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(xlsxErrors).contains("不是有效的 Excel（.xlsx）文件");

        Catalog jiuyuan = catalogs.latest("jiuyuan-2024").orElseThrow();
        String form = mvc.perform(get("/projects/new")
                        .param("catalogId", String.valueOf(jiuyuan.id()))
                        .cookie(bureau))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form)
                .contains("data-testid=\"station-choice\"")
                .contains("data-testid=\"item-O01\"")
                .contains("自选任务共10项，至少选择3项");

        String bad = mvc.perform(post("/projects")
                        .cookie(bureau)
                        .with(csrf())
                        .param("name", "页面项目")
                        .param("bureauId", String.valueOf(stationId("九原区民政局")))
                        .param("agencyId", "1")
                        .param("catalogId", String.valueOf(jiuyuan.id()))
                        .param("tier", "STANDARD")
                        .param("startDate", "2026-01-01")
                        .param("endDate", "2026-12-31")
                        .param("stationIds", String.valueOf(stationId("沙河街道社工站")))
                        .param(
                                "optionalItemIds",
                                String.valueOf(itemIds(jiuyuan.id(), "O01").get(0))))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("当前只选择了1项").contains("data-testid=\"optional-error\"");

        Cookie head = login("demo_head");
        String projects = mvc.perform(get("/projects").cookie(head))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(projects).contains("九原区民政领域社会工作服务项目（沙河、萨如拉、赛罕）").doesNotContain("id=\"new-project\"");
    }

    @Test
    void aProjectMakesItsAgencyServeItsStations() throws Exception {
        Cookie bureau = login("demo_bureau");
        String agencyName = "项目联动测试机构" + System.nanoTime();
        MvcResult agency = mvc.perform(post("/api/v1/agencies")
                        .cookie(bureau)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("name", agencyName))))
                .andExpect(status().isCreated())
                .andReturn();
        long agencyId = body(agency).get("id").asLong();
        assertThat(body(agency).get("stationIds").size()).isZero();

        long catalogId = catalogs.latest("jiuyuan-2024").orElseThrow().id();
        Map<String, Object> project = new java.util.HashMap<>(projectBody(
                "联动项目" + System.nanoTime(),
                catalogId,
                "STANDARD",
                List.of(stationId("赛罕街道社工站")),
                itemIds(catalogId, "O03", "O07", "O09")));
        project.put("agencyId", agencyId);
        mvc.perform(post("/api/v1/projects")
                        .cookie(bureau)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(project)))
                .andExpect(status().isCreated());

        List<Long> served = jdbc.sql("SELECT station_id FROM agency_station WHERE agency_id = ?")
                .param(agencyId)
                .query(Long.class)
                .list();
        assertThat(served).containsExactly(stationId("赛罕街道社工站"));
    }

    @Autowired
    cn.sgz.catalog.ProjectQueries projectQueries;

    /**
     * {@code /api/v1/projects/{id}/indicators} names each indicator's task and item instead of repeating the catalog
     * tree in every entry: measured on the demo project against the earlier shape (every entry carrying its whole
     * task with all items and their indicators).
     */
    @Test
    void projectIndicatorsDoNotRepeatTheCatalogTree() throws Exception {
        Cookie bureau = login("demo_bureau");
        long project = jdbc.sql("SELECT id FROM project WHERE name LIKE '九原区民政领域社会工作服务项目%'")
                .query(Long.class)
                .single();
        MvcResult r = mvc.perform(
                        get("/api/v1/projects/" + project + "/indicators").cookie(bureau))
                .andExpect(status().isOk())
                .andReturn();
        int now = r.getResponse().getContentAsByteArray().length;
        cn.sgz.org.TestLogin.signIn(accounts, "demo_bureau");
        int tree;
        try {
            tree = json.writeValueAsBytes(projectQueries.indicators(project)).length;
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        System.out.printf("demo project /indicators: %d bytes (catalog tree per entry: %d bytes)%n", now, tree);
        JsonNode entries = body(r);
        assertThat(entries.size()).isGreaterThan(30);
        assertThat(entries.get(0).has("task")).isFalse();
        assertThat(entries.get(0).get("taskName").asText()).isNotBlank();
        assertThat(now).isLessThan(tree / 5).isLessThan(300_000);
    }

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService accounts;
}
