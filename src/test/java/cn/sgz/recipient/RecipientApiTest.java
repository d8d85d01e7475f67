package cn.sgz.recipient;

import static cn.sgz.recipient.ApiClient.as;
import static cn.sgz.recipient.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.sgz.SgzTest;
import cn.sgz.recipient.internal.IdNumbers;
import cn.sgz.recipient.internal.SyntheticPeople;
import cn.sgz.shared.ChinaTime;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

@SgzTest
class RecipientApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private static final SyntheticPeople PEOPLE = new SyntheticPeople(424242L, ChinaTime.today());

    long unit(String name) {
        return jdbc.sql("SELECT id FROM org_unit WHERE name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    static String newId(int age, boolean male) {
        return PEOPLE.idNumber(ChinaTime.today().minusYears(age).minusDays(17), male);
    }

    Map<String, Object> form(long unitId, String name, String id, String... categories) {
        Map<String, Object> f = new java.util.HashMap<>();
        f.put("orgUnitId", unitId);
        f.put("name", name);
        f.put("idNumber", id);
        f.put("phone", "13904729876");
        f.put("address", "九原区滨河社区3栋1单元201号");
        f.put("categories", List.of(categories));
        return f;
    }

    MvcResult create(String user, Map<String, Object> form, boolean confirm) throws Exception {
        return mvc.perform(as(mvc, user, post("/api/v1/recipients"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ApiClient.JSON.writeValueAsString(
                                Map.of("recipient", form, "confirmDuplicates", confirm))))
                .andReturn();
    }

    long createOk(String user, Map<String, Object> form) throws Exception {
        MvcResult r = create(user, form, true);
        assertThat(r.getResponse().getStatus())
                .as(r.getResponse().getContentAsString())
                .isEqualTo(201);
        return json(r).get("id").asLong();
    }

    @Test
    void storesIdNumberEncryptedAndShowsItMasked() throws Exception {
        String id = newId(70, false);
        Map<String, Object> f = form(unit("滨河社区社工室"), "加密测试", id, "ELDERLY");
        f.put("elderlyFlags", List.of("EMPTY_NEST"));
        MvcResult r = create("demo_worker", f, true);
        assertThat(r.getResponse().getStatus()).isEqualTo(201);
        String body = r.getResponse().getContentAsString();
        assertThat(body).doesNotContain(id).contains(IdNumbers.mask(id));
        JsonNode v = json(r);
        assertThat(v.get("gender").asText()).isEqualTo("女");
        assertThat(v.get("birthDate").asText())
                .isEqualTo(IdNumbers.birthDate(id).toString());
        assertThat(v.get("categories").get(0).get("label").asText()).isEqualTo("困难老人（空巢）");

        var row = jdbc.sql("SELECT id_cipher, id_hmac, id_tail FROM recipient WHERE id = ?")
                .param(v.get("id").asLong())
                .query((rs, i) -> new Object[] {rs.getBytes(1), rs.getString(2), rs.getString(3)})
                .single();
        String cipherAsText = new String((byte[]) row[0], StandardCharsets.ISO_8859_1);
        assertThat(cipherAsText).doesNotContain(id).doesNotContain(id.substring(6, 14));
        assertThat((String) row[1]).hasSize(64).doesNotContain(id);
        assertThat(row[2]).isEqualTo(id.substring(14));
        // the same number encrypts differently each time (random nonce)
        long second = createOk("demo_worker2", form(unit("富康社区社工室"), "加密测试二", newId(45, true), "DISABLED"));
        assertThat(second).isPositive();
    }

    @Test
    void rejectsInvalidIdNumberAndMismatchedGender() throws Exception {
        Map<String, Object> f = form(unit("滨河社区社工室"), "校验测试", "110105194912310021", "OTHER");
        f.put("otherSubtype", "下岗职工");
        MvcResult r = create("demo_worker", f, true);
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(json(r).get("details").get(0).get("field").asText()).isEqualTo("idNumber");
        assertThat(json(r).get("details").get(0).get("message").asText()).contains("校验位");

        Map<String, Object> g = form(unit("滨河社区社工室"), "性别测试", newId(40, true), "OTHER");
        g.put("otherSubtype", "下岗职工");
        g.put("gender", "女");
        r = create("demo_worker", g, true);
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentAsString()).contains("性别与身份证号不符");

        Map<String, Object> child = form(unit("滨河社区社工室"), "年龄测试", newId(40, true), "CHILD");
        r = create("demo_worker", child, true);
        assertThat(r.getResponse().getContentAsString()).contains("困境儿童应未满18周岁");
    }

    @Test
    void sameIdNumberCannotBeRegisteredTwiceInTheCounty() throws Exception {
        String id = newId(50, true);
        createOk("demo_worker", form(unit("滨河社区社工室"), "唯一测试", id, "DISABLED"));
        MvcResult again = create("demo_head", form(unit("新光一村社区社工室"), "唯一测试", id, "DISABLED"), true);
        assertThat(again.getResponse().getStatus()).isEqualTo(400);
        assertThat(json(again).get("details").get(0).get("message").asText()).contains("同一区县不能重复登记");
        // another station of the same county: refused without revealing whose record it is
        MvcResult other = create("demo_worker2", form(unit("富康社区社工室"), "唯一测试", id, "DISABLED"), true);
        assertThat(other.getResponse().getStatus()).isEqualTo(400);
        assertThat(other.getResponse().getContentAsString()).contains("其他社工站").doesNotContain("唯一测试（");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recipient WHERE name = '唯一测试'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void possibleDuplicatesAreShownBeforeSavingAndCanBeMerged() throws Exception {
        LocalDate birth = ChinaTime.today().minusYears(66).minusDays(40);
        String id1 = PEOPLE.idNumber(birth, true);
        String id2;
        do {
            id2 = PEOPLE.idNumber(birth, true);
        } while (id2.equals(id1));
        Map<String, Object> first = form(unit("滨河社区社工室"), "重复测试", id1, "ELDERLY");
        first.put("phone", "13904725555");
        long keep = createOk("demo_worker", first);
        MvcResult dup = create("demo_worker", form(unit("滨河社区社工室"), "重复测试", id2, "SOCIAL_ASSISTANCE"), false);
        assertThat(dup.getResponse().getStatus()).isEqualTo(400);
        assertThat(json(dup).get("code").asText()).isEqualTo("POSSIBLE_DUPLICATE");
        assertThat(json(dup).get("details").get(0).get("message").asText()).contains("#" + keep);

        Map<String, Object> secondForm = form(unit("滨河社区社工室"), "重复测试", id2, "SOCIAL_ASSISTANCE");
        secondForm.put("assistanceSubtype", "DIBAO");
        long other = createOk("demo_worker", secondForm);
        mvc.perform(as(mvc, "demo_worker", post("/api/v1/recipients/" + other + "/followups"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"method\":\"PHONE\",\"findings\":\"电话问候\"}"))
                .andExpect(status().isCreated());

        MvcResult merged = mvc.perform(as(mvc, "demo_worker", post("/api/v1/recipients/" + keep + "/merge"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"otherId\":" + other + "}"))
                .andReturn();
        assertThat(merged.getResponse().getStatus())
                .as(merged.getResponse().getContentAsString())
                .isEqualTo(200);
        List<String> cats = new ArrayList<>();
        json(merged).get("categories").forEach(c -> cats.add(c.get("category").asText()));
        assertThat(cats).containsExactlyInAnyOrder("ELDERLY", "SOCIAL_ASSISTANCE");
        JsonNode follow = json(mvc.perform(as(mvc, "demo_worker", get("/api/v1/recipients/" + keep + "/followups")))
                .andReturn());
        assertThat(follow).hasSize(1);
        JsonNode otherNow = json(mvc.perform(as(mvc, "demo_worker", get("/api/v1/recipients/" + other)))
                .andReturn());
        assertThat(otherNow.get("status").asText()).isEqualTo("MERGED");
        JsonNode history =
                json(mvc.perform(as(mvc, "demo_worker", get("/api/v1/recipients/" + keep + "/status-history")))
                        .andReturn());
        assertThat(history.toString()).contains("合并了记录 #" + other);
    }

    @Test
    void unmaskingIsLimitedToRolesThatNeedItAndAudited() throws Exception {
        String id = newId(33, false);
        Map<String, Object> f = form(unit("滨河社区社工室"), "脱敏测试", id, "OTHER");
        f.put("otherSubtype", "留守妇女");
        long rid = createOk("demo_worker", f);
        long before = audits("VIEW_PERSONAL", rid, "SUCCESS");

        MvcResult shown = mvc.perform(as(mvc, "demo_worker", post("/api/v1/recipients/" + rid + "/id-number")))
                .andReturn();
        assertThat(json(shown).get("idNumber").asText()).isEqualTo(id);
        assertThat(audits("VIEW_PERSONAL", rid, "SUCCESS")).isEqualTo(before + 1);

        MvcResult bureau = mvc.perform(as(mvc, "demo_bureau", post("/api/v1/recipients/" + rid + "/id-number")))
                .andReturn();
        assertThat(bureau.getResponse().getStatus()).isEqualTo(200);

        MvcResult evaluator = mvc.perform(as(mvc, "demo_evaluator", post("/api/v1/recipients/" + rid + "/id-number")))
                .andReturn();
        assertThat(evaluator.getResponse().getStatus()).isEqualTo(403);
        assertThat(evaluator.getResponse().getContentAsString()).doesNotContain(id);
        assertThat(audits("VIEW_PERSONAL", rid, "DENIED")).isEqualTo(1);
        // the evaluator still reads the record, masked
        MvcResult plain = mvc.perform(as(mvc, "demo_evaluator", get("/api/v1/recipients/" + rid)))
                .andReturn();
        assertThat(plain.getResponse().getStatus()).isEqualTo(200);
        assertThat(plain.getResponse().getContentAsString())
                .contains(IdNumbers.mask(id))
                .doesNotContain(id);
        // and cannot change it
        MvcResult write = create("demo_evaluator", form(unit("滨河社区社工室"), "评估写入", newId(30, true), "DISABLED"), true);
        assertThat(write.getResponse().getStatus()).isEqualTo(403);
    }

    @org.springframework.beans.factory.annotation.Autowired
    cn.sgz.progress.LedgerFactSource ledgerFacts;

    @Test
    void aCatalogPopulationNamingChildSubtypesCountsOnlyThoseChildren() throws Exception {
        long station = unit("沙河街道社工站");
        Map<String, Object> leftBehind = form(unit("滨河社区社工室"), "细分留守", newId(9, true), "CHILD");
        leftBehind.put("childSubtypes", List.of("LEFT_BEHIND"));
        leftBehind.put("phone", null); // the form's default phone would make them look like other tests' people
        Map<String, Object> migrant = form(unit("滨河社区社工室"), "细分流动", newId(8, false), "CHILD");
        migrant.put("childSubtypes", List.of("MIGRANT"));
        migrant.put("phone", null);
        long a = createOk("demo_worker", leftBehind);
        long b = createOk("demo_worker", migrant);
        var all = ledgerFacts
                .population(List.of(station), cn.sgz.shared.vocabulary.LedgerDomain.CHILD, null, ChinaTime.today())
                .get(station);
        var named = ledgerFacts
                .population(
                        List.of(station), cn.sgz.shared.vocabulary.LedgerDomain.CHILD, "留守儿童和困境儿童", ChinaTime.today())
                .get(station);
        var everyKind = ledgerFacts
                .population(
                        List.of(station),
                        cn.sgz.shared.vocabulary.LedgerDomain.CHILD,
                        "留守儿童、流动儿童和困境儿童",
                        ChinaTime.today())
                .get(station);
        assertThat(all).contains(a, b);
        assertThat(named).contains(a).doesNotContain(b);
        assertThat(everyKind).isEqualTo(all);
    }

    long audits(String action, long id, String result) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND target_id = ? AND result = ?")
                .params(action, String.valueOf(id), result)
                .query(Long.class)
                .single();
    }

    @Test
    void workersOnlySeeTheirOwnStation() throws Exception {
        String id = newId(12, true);
        Map<String, Object> f = form(unit("滨河社区社工室"), "隔离测试甲", id, "CHILD");
        f.put("childSubtypes", List.of("LEFT_BEHIND"));
        f.put("phone", null);
        long rid = createOk("demo_worker", f);

        for (String path : List.of(
                "/api/v1/recipients/" + rid,
                "/api/v1/recipients/" + rid + "/members",
                "/api/v1/recipients/" + rid + "/assessments",
                "/api/v1/recipients/" + rid + "/followups")) {
            MvcResult r = mvc.perform(as(mvc, "demo_worker2", get(path))).andReturn();
            assertThat(r.getResponse().getStatus()).as(path).isEqualTo(404);
            assertThat(r.getResponse().getContentAsString()).doesNotContain("隔离测试甲");
        }
        MvcResult unmask = mvc.perform(as(mvc, "demo_worker2", post("/api/v1/recipients/" + rid + "/id-number")))
                .andReturn();
        assertThat(unmask.getResponse().getStatus()).isEqualTo(404);
        MvcResult edit = mvc.perform(as(mvc, "demo_worker2", put("/api/v1/recipients/" + rid + "/status"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"EXITED\"}"))
                .andReturn();
        assertThat(edit.getResponse().getStatus()).isEqualTo(404);
        // a foreign id answers exactly like an unknown one
        MvcResult unknown = mvc.perform(as(mvc, "demo_worker2", get("/api/v1/recipients/99999999")))
                .andReturn();
        assertThat(json(unknown).get("message").asText())
                .isEqualTo(json(mvc.perform(as(mvc, "demo_worker2", get("/api/v1/recipients/" + rid)))
                                .andReturn())
                        .get("message")
                        .asText());

        JsonNode list = json(mvc.perform(as(mvc, "demo_worker2", get("/api/v1/recipients?size=200&name=隔离测试")))
                .andReturn());
        assertThat(list.get("total").asLong()).isZero();
        long station2 = unit("萨如拉街道社工站");
        long inDb = jdbc.sql("SELECT COUNT(*) FROM recipient WHERE station_id = ? AND status = 'ACTIVE'")
                .param(station2)
                .query(Long.class)
                .single();
        JsonNode all = json(mvc.perform(as(mvc, "demo_worker2", get("/api/v1/recipients?size=1")))
                .andReturn());
        assertThat(all.get("total").asLong()).isEqualTo(inDb);
        JsonNode tail = json(mvc.perform(as(mvc, "demo_worker2", get("/api/v1/recipients?idTail=" + id.substring(14))))
                .andReturn());
        tail.get("items").forEach(i -> assertThat(i.get("stationId").asLong()).isEqualTo(station2));

        byte[] export = mvc.perform(as(mvc, "demo_worker2", get("/api/v1/recipients/export")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<List<String>> rows = readSheet(export);
        assertThat(rows).hasSize((int) inDb + 1);
        assertThat(rows).noneMatch(r -> r.contains("隔离测试甲"));
        assertThat(rows).allMatch(r -> !r.contains("滨河社区社工室"));

        // the owner finds the person by name and by ID tail
        JsonNode mine = json(mvc.perform(as(
                        mvc,
                        "demo_worker",
                        get("/api/v1/recipients?idTail=" + id.substring(14) + "&category=CHILD&flag=LEFT_BEHIND")))
                .andReturn());
        assertThat(mine.toString()).contains("隔离测试甲");
        // the county officer sees both stations
        JsonNode bureau = json(mvc.perform(as(mvc, "demo_bureau", get("/api/v1/recipients?name=隔离测试甲")))
                .andReturn());
        assertThat(bureau.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void exportMasksIdsNeutralisesFormulasAndIsAudited() throws Exception {
        String id = newId(72, true);
        Map<String, Object> f = form(unit("新光一村社区社工室"), "导出测试", id, "ELDERLY");
        f.put("address", "=HYPERLINK(\"http://evil\",\"点我\")");
        createOk("demo_head", f);
        long auditsBefore = jdbc.sql(
                        "SELECT COUNT(*) FROM audit_event WHERE action = 'EXPORT' AND target_type = 'RECIPIENT'")
                .query(Long.class)
                .single();
        byte[] file = mvc.perform(as(mvc, "demo_head", get("/api/v1/recipients/export?category=ELDERLY&name=导出测试")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<List<String>> rows = readSheet(file);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).contains(IdNumbers.mask(id)).doesNotContain(id);
        assertThat(rows.get(1)).anyMatch(c -> c.startsWith("'=HYPERLINK"));
        byte[] full = mvc.perform(as(mvc, "demo_head", get("/api/v1/recipients/export?name=导出测试&fullIds=true")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(readSheet(full).get(1)).contains(id);
        mvc.perform(as(mvc, "demo_evaluator", get("/api/v1/recipients/export?fullIds=true")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'EXPORT' AND target_type = 'RECIPIENT'")
                        .query(Long.class)
                        .single())
                .isEqualTo(auditsBefore + 2);
    }

    @Test
    void statusChangesKeepHistoryAndLeaveTheActiveLedger() throws Exception {
        Map<String, Object> f = form(unit("滨河社区社工室"), "状态测试", newId(81, false), "ELDERLY");
        f.put("elderlyFlags", List.of("ADVANCED_AGE"));
        long rid = createOk("demo_worker", f);
        mvc.perform(as(mvc, "demo_worker", put("/api/v1/recipients/" + rid + "/status"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"MOVED_AWAY\",\"date\":\""
                                + ChinaTime.today().minusDays(3) + "\",\"note\":\"随子女迁往呼和浩特\"}"))
                .andExpect(status().isOk());
        JsonNode history =
                json(mvc.perform(as(mvc, "demo_worker", get("/api/v1/recipients/" + rid + "/status-history")))
                        .andReturn());
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("status").asText()).isEqualTo("MOVED_AWAY");
        assertThat(history.get(1).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(json(mvc.perform(as(mvc, "demo_worker", get("/api/v1/recipients?name=状态测试")))
                                .andReturn())
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(json(mvc.perform(as(mvc, "demo_worker", get("/api/v1/recipients?name=状态测试&status=MOVED_AWAY")))
                                .andReturn())
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void assessmentsFeedTheNeedsListAndFollowUpsTheDueList() throws Exception {
        Map<String, Object> f = form(unit("滨河社区社工室"), "评估测试", newId(77, true), "ELDERLY");
        f.put("elderlyFlags", List.of("LIVING_ALONE"));
        long rid = createOk("demo_worker", f);
        JsonNode needsBefore =
                json(mvc.perform(as(mvc, "demo_worker", get("/api/v1/needs"))).andReturn());

        MvcResult a = mvc.perform(as(mvc, "demo_worker", post("/api/v1/recipients/" + rid + "/assessments"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assessedOn\":\"" + ChinaTime.today() + "\",\"economy\":\"低保金\",\"housing\":\"平房\","
                                + "\"health\":\"糖尿病\",\"care\":\"独居\",\"needs\":[\"DAILY_CARE\",\"LEGAL\"],"
                                + "\"riskLevel\":\"HIGH\",\"elderlyFlags\":[\"LIVING_ALONE\",\"DISABLED_CARE\"]}"))
                .andReturn();
        assertThat(a.getResponse().getStatus())
                .as(a.getResponse().getContentAsString())
                .isEqualTo(201);
        JsonNode r = json(mvc.perform(as(mvc, "demo_worker", get("/api/v1/recipients/" + rid)))
                .andReturn());
        assertThat(r.get("riskLevel").asText()).isEqualTo("HIGH");
        assertThat(r.get("lastAssessedOn").asText()).isEqualTo(ChinaTime.today().toString());
        assertThat(r.get("categories").get(0).get("flags").toString()).contains("DISABLED_CARE");
        JsonNode needsAfter =
                json(mvc.perform(as(mvc, "demo_worker", get("/api/v1/needs"))).andReturn());
        assertThat(needCount(needsAfter, "LEGAL")).isEqualTo(needCount(needsBefore, "LEGAL") + 1);
        assertThat(needsAfter.get("assessedPeople").asLong())
                .isEqualTo(needsBefore.get("assessedPeople").asLong() + 1);
        // an assessment needs a risk level and at least one need
        MvcResult bad = mvc.perform(as(mvc, "demo_worker", post("/api/v1/recipients/" + rid + "/assessments"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentAsString()).contains("riskLevel").contains("needs");

        mvc.perform(as(mvc, "demo_worker", post("/api/v1/recipients/" + rid + "/roster"))
                        .contentType(MediaType.APPLICATION_JSON)
                        // on the roster since two quarters ago and never visited: overdue, not merely due
                        .content("{\"reason\":\"独居高龄\",\"startedOn\":\""
                                + cn.sgz.shared.ChinaTime.today().minusMonths(6) + "\"}"))
                .andExpect(status().isCreated());
        JsonNode due = json(mvc.perform(as(mvc, "demo_worker", get("/api/v1/followups/due")))
                .andReturn());
        assertThat(entry(due, rid).get("status").asText()).isEqualTo("OVERDUE");
        // the worker of the other station does not see this person on their due list
        JsonNode other = json(mvc.perform(as(mvc, "demo_worker2", get("/api/v1/followups/due?all=true")))
                .andReturn());
        assertThat(entry(other, rid)).isNull();

        mvc.perform(as(mvc, "demo_worker", post("/api/v1/recipients/" + rid + "/followups"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"method\":\"VISIT\",\"findings\":\"血糖控制平稳\",\"riskAfter\":\"MEDIUM\"}"))
                .andExpect(status().isCreated());
        JsonNode open = json(mvc.perform(as(mvc, "demo_worker", get("/api/v1/followups/due")))
                .andReturn());
        assertThat(entry(open, rid)).isNull();
        JsonNode all = json(mvc.perform(as(mvc, "demo_worker", get("/api/v1/followups/due?all=true")))
                .andReturn());
        assertThat(entry(all, rid).get("status").asText()).isEqualTo("DONE");
        assertThat(json(mvc.perform(as(mvc, "demo_worker", get("/api/v1/recipients/" + rid)))
                                .andReturn())
                        .get("riskLevel")
                        .asText())
                .isEqualTo("MEDIUM");
        // the demo roster holds people merely due this quarter too
        assertThat(due.toString()).contains("\"DUE\"");
    }

    static JsonNode entry(JsonNode list, long recipientId) {
        for (JsonNode n : list) {
            if (n.get("recipientId").asLong() == recipientId) {
                return n;
            }
        }
        return null;
    }

    static long needCount(JsonNode needs, String code) {
        for (JsonNode n : needs.get("needs")) {
            if (n.get("need").asText().equals(code)) {
                return n.get("people").asLong();
            }
        }
        return -1;
    }

    /** The header and data rows of the first sheet (the title lines above the frozen header left out). */
    static List<List<String>> readSheet(byte[] xlsx) throws Exception {
        return cn.sgz.org.XlsxRows.read(xlsx);
    }
}
