package cn.sgz.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.SgzTest;
import cn.sgz.org.TestLogin;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 21, the case session (个案过程记录) made offline: the worker's open cases are in the phone's working set
 * (own cases of the own station, client masked as on the case pages), the session syncs through the same service
 * as the online form — stored once however often it is sent (keyed on the client id), counted as 第N节 once its
 * photo is there, capture time kept apart from receive time — and a case closed or out of reach meanwhile is refused
 * with the reason, writing nothing.
 */
@SgzTest
class OfflineCaseSessionApiTest {

    private static final String ENTRIES = "/api/v1/offline/entries";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    CaseworkApi api;

    @BeforeEach
    void setUp() {
        api = new CaseworkApi(mvc, json);
    }

    /** A case of demo_worker's station taken to its work plan: it takes sessions now. */
    private JsonNode plannedCase(String title) throws Exception {
        JsonNode c = api.openCase("demo_worker", title, "女，80岁，独居");
        long id = c.get("id").asLong();
        api.saveForm("demo_worker", id, "ASSESSMENT", CaseworkApi.assessment());
        api.saveForm("demo_worker", id, "AGREEMENT", CaseworkApi.agreement());
        api.sign("demo_worker", id, 6_000_000L + Math.floorMod(System.nanoTime(), 1_000_000_000L));
        api.saveForm("demo_worker", id, "PLAN", CaseworkApi.plan());
        return c;
    }

    private static Map<String, Object> session(String clientId, long caseId, Map<String, String> fields) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("caseId", caseId);
        s.put("serviceDate", CaseworkApi.today().toString());
        s.put("startTime", "09:30");
        s.put("endTime", "10:30");
        s.put("place", "案主家中");
        s.put("fields", fields);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", clientId);
        body.put("kind", "CASE_SESSION");
        body.put("capturedAt", CaseworkApi.today() + "T09:40:00+08:00");
        body.put("caseSession", s);
        return body;
    }

    private static Map<String, String> goodFields() {
        return CaseworkApi.fields("sessionGoal", "稳定情绪", "process", "离线上门：陪同整理药盒，交谈半小时", "outcome", "案主情绪平稳");
    }

    private JsonNode body(MockHttpServletResponse r) throws Exception {
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    private long offlineRows(String clientId) {
        return jdbc.sql("SELECT COUNT(*) FROM offline_entry WHERE client_id = ?")
                .param(clientId)
                .query(Long.class)
                .single();
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("id").asLong()));
        return out;
    }

    @Test
    void theWorkersOpenCasesAreInTheWorkingSetMaskedAndOnlyTheirOwn() throws Exception {
        JsonNode c = plannedCase("离线工作集个案" + TestLogin.unique());
        long id = c.get("id").asLong();
        JsonNode ws = api.ok("demo_worker", "GET", "/api/v1/offline/working-set", null);
        JsonNode mine = null;
        for (JsonNode x : ws.get("cases")) {
            if (x.get("id").asLong() == id) {
                mine = x;
            }
            // only cases that take a session now: no case waiting for closure, closed, or before its work plan
            assertThat(x.get("stageLabel").asText()).isIn("已制定计划", "介入服务中", "已评估");
        }
        assertThat(mine).as("the new case is on the phone").isNotNull();
        assertThat(mine.get("clientName").asText())
                .isEqualTo(c.get("clientName").asText());
        assertThat(mine.get("clientHint").asText())
                .isEqualTo(c.get("clientHint").asText());
        // nothing beyond what the case page shows: no full ID number, masked as online
        assertThat(mine.toString()).doesNotContainPattern("\\d{17}[\\dXx]");
        assertThat(mine.has("idNumber")).isFalse();
        assertThat(ws.get("caseSessionFields").findValuesAsString("key"))
                .containsExactly("sessionGoal", "process", "outcome", "reflection", "nextPlan");
        // the people on the phone are all of the worker's own station
        List<Long> people = ids(ws.get("people"));
        assertThat(people).isNotEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recipient r JOIN org_unit s ON s.id = r.station_id "
                                + "WHERE r.id IN (:ids) AND s.name NOT LIKE '沙河%'")
                        .param("ids", people)
                        .query(Long.class)
                        .single())
                .isZero();
        // the demo case waiting for closure and the closed one are not on the phone
        List<Long> frozen = jdbc.sql("SELECT id FROM cw_case WHERE stage IN ('CLOSING', 'CLOSED')")
                .query(Long.class)
                .list();
        assertThat(ids(ws.get("cases"))).doesNotContainAnyElementsOf(frozen);

        // another station's worker does not get it; the station head of the same station does
        assertThat(ids(api.ok("demo_worker2", "GET", "/api/v1/offline/working-set", null)
                        .get("cases")))
                .doesNotContain(id);
        assertThat(ids(api.ok("demo_head", "GET", "/api/v1/offline/working-set", null)
                        .get("cases")))
                .contains(id);
    }

    @Test
    void aSessionMadeOfflineIsStoredOnceAndCountsOnceItsPhotoIsThere() throws Exception {
        JsonNode c = plannedCase("离线过程记录个案" + TestLogin.unique());
        long id = c.get("id").asLong();
        String clientId = "cs-" + UUID.randomUUID();

        MockHttpServletResponse first = api.send("demo_worker", "POST", ENTRIES, session(clientId, id, goodFields()));
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
        JsonNode a = body(first);
        assertThat(a.get("kind").asText()).isEqualTo("CASE_SESSION");
        assertThat(a.get("caseId").asLong()).isEqualTo(id);
        assertThat(a.get("caseSessionId").asLong()).isPositive();
        assertThat(a.get("summary").asText()).contains(c.get("title").asText());
        // not counted yet, and says why: the photo follows the entry
        assertThat(a.get("qualification").asText()).isEqualTo("EXCLUDED");
        assertThat(a.get("reasons").toString()).contains("没有现场照片");
        // the phone's time is kept apart from the server's
        assertThat(chinaTime(a.get("capturedAt").asText())).startsWith(CaseworkApi.today() + "T09:40");
        assertThat(a.get("receivedAt").asText())
                .isNotEqualTo(a.get("capturedAt").asText());

        // sent again (the phone lost the answer): the first result, nothing stored twice
        MockHttpServletResponse again = api.send("demo_worker", "POST", ENTRIES, session(clientId, id, goodFields()));
        assertThat(again.getStatus()).isEqualTo(200);
        JsonNode b = body(again);
        assertThat(b.get("replayed").asBoolean()).isTrue();
        assertThat(b.get("caseSessionId").asLong())
                .isEqualTo(a.get("caseSessionId").asLong());
        assertThat(b.get("serviceRecordId").asLong())
                .isEqualTo(a.get("serviceRecordId").asLong());
        assertThat(offlineRows(clientId)).isEqualTo(1);
        JsonNode sessions = api.ok("demo_worker", "GET", "/api/v1/cases/" + id + "/sessions", null);
        assertThat(sessions.size()).isEqualTo(1);
        assertThat(sessions.get(0).get("values").get("process").asText()).startsWith("离线上门");
        assertThat(sessions.get(0).get("values").get("startTime").asText()).isEqualTo("09:30");
        // exactly like the online form: the case moves to 介入服务中 and the record is a 个案服务 of the client
        JsonNode detail = api.ok("demo_worker", "GET", "/api/v1/cases/" + id, null);
        assertThat(detail.at("/c/stage").asText()).isEqualTo("INTERVENING");
        assertThat(detail.at("/c/sessions").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT kind FROM service_record WHERE id = ?")
                        .param(a.get("serviceRecordId").asLong())
                        .query(String.class)
                        .single())
                .isEqualTo("CASE_SESSION");

        // the photo taken on the visit arrives after the entry: the session now counts as 第1节
        api.photo("demo_worker", a.get("serviceRecordId").asLong(), CaseworkApi.LAT, CaseworkApi.LON);
        JsonNode now = api.ok("demo_worker", "GET", ENTRIES + "/" + clientId, null);
        assertThat(now.get("qualification").asText()).isEqualTo("COUNTS");
        JsonNode counted = api.ok("demo_worker", "GET", "/api/v1/cases/" + id + "/sessions", null);
        assertThat(counted.get(0).get("number").asInt()).isEqualTo(1);
        assertThat(counted.get(0).get("counts").asBoolean()).isTrue();
    }

    private void photoTakenOn(long recordId, java.time.LocalDate day) throws Exception {
        long seed = 6_500_000L + Math.floorMod(System.nanoTime(), 1_000_000_000L);
        byte[] jpeg = cn.sgz.evidence.TestImages.withExif(
                cn.sgz.evidence.TestImages.jpeg(cn.sgz.evidence.TestImages.scene(seed), 0.9f),
                day.atTime(10, 0),
                CaseworkApi.LAT + 0.0004,
                CaseworkApi.LON + 0.0003);
        MockHttpServletResponse r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/service-records/" + recordId + "/photos/off-" + seed)
                        .contentType(org.springframework.http.MediaType.IMAGE_JPEG)
                        .content(jpeg)
                        .with(api.login.as("demo_worker")))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    }

    @Test
    void aSessionMadeYesterdayAndSyncedTodayIsCheckedByItsPhotosExifTime() throws Exception {
        JsonNode c = plannedCase("离线隔日同步个案" + TestLogin.unique());
        long id = c.get("id").asLong();
        java.time.LocalDate yesterday = CaseworkApi.today().minusDays(1);
        Map<String, Object> body = session("cs-" + UUID.randomUUID(), id, goodFields());
        body.put("capturedAt", yesterday + "T16:20:00+08:00");
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) body.get("caseSession");
        s.put("serviceDate", yesterday.toString());
        JsonNode a = body(api.send("demo_worker", "POST", ENTRIES, body));
        // the phone's time (yesterday) and the server's (today) are both kept
        assertThat(a.get("capturedAt").asText()).startsWith(yesterday + "T08:20");
        assertThat(java.time.OffsetDateTime.parse(a.get("receivedAt").asText())
                        .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                        .toLocalDate())
                .isEqualTo(CaseworkApi.today());
        // the photo taken yesterday, uploaded today: checked by its EXIF time against the service date → counts
        photoTakenOn(a.get("serviceRecordId").asLong(), yesterday);
        JsonNode now =
                api.ok("demo_worker", "GET", ENTRIES + "/" + a.get("clientId").asText(), null);
        assertThat(now.get("qualification").asText()).as(now.toString()).isEqualTo("COUNTS");

        // a photo shot today for yesterday's session does not count, whenever it arrives
        Map<String, Object> other = session("cs-" + UUID.randomUUID(), id, goodFields());
        @SuppressWarnings("unchecked")
        Map<String, Object> os = (Map<String, Object>) other.get("caseSession");
        os.put("serviceDate", yesterday.toString());
        JsonNode b = body(api.send("demo_worker", "POST", ENTRIES, other));
        photoTakenOn(b.get("serviceRecordId").asLong(), CaseworkApi.today());
        JsonNode wrong =
                api.ok("demo_worker", "GET", ENTRIES + "/" + b.get("clientId").asText(), null);
        assertThat(wrong.get("qualification").asText()).isEqualTo("EXCLUDED");
        assertThat(wrong.get("reasons").toString()).contains("照片拍摄日期与服务日期不符");
    }

    @Test
    void aSessionTheServerRefusesWritesNothingAndSaysWhy() throws Exception {
        JsonNode c = plannedCase("离线拒绝个案" + TestLogin.unique());
        long id = c.get("id").asLong();

        // a required field of the 过程记录表 left empty: named like the online form
        String missing = "cs-" + UUID.randomUUID();
        MockHttpServletResponse bad = api.send(
                "demo_worker",
                "POST",
                ENTRIES,
                session(missing, id, CaseworkApi.fields("sessionGoal", "稳定情绪", "process", "上门交谈")));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(body(bad).get("message").asText()).contains("服务成效");
        assertThat(offlineRows(missing)).isZero();

        // a case of another station (moved away, as far as this worker can tell): refused, naming the case
        String foreign = "cs-" + UUID.randomUUID();
        MockHttpServletResponse other = api.send("demo_worker2", "POST", ENTRIES, session(foreign, id, goodFields()));
        assertThat(other.getStatus()).isEqualTo(400);
        assertThat(body(other).get("message").asText()).contains("已不在您的管辖范围内");
        assertThat(body(other).at("/details/0/field").asText()).isEqualTo("caseId");
        assertThat(offlineRows(foreign)).isZero();

        // the case went to closure while the phone was away: refused with the reason, the file untouched
        api.session("demo_worker", "/api/v1/cases/" + id, Map.of(), false, 0, 0);
        api.saveForm("demo_worker", id, "EVALUATION", CaseworkApi.evaluation());
        api.saveForm("demo_worker", id, "CLOSURE", CaseworkApi.closure());
        String late = "cs-" + UUID.randomUUID();
        MockHttpServletResponse frozen = api.send("demo_worker", "POST", ENTRIES, session(late, id, goodFields()));
        assertThat(frozen.getStatus()).isEqualTo(400);
        assertThat(body(frozen).get("message").asText()).contains("离线期间已提交结案");
        assertThat(body(frozen).at("/details/0/field").asText()).isEqualTo("caseId");
        assertThat(offlineRows(late)).isZero();
        assertThat(api.ok("demo_worker", "GET", "/api/v1/cases/" + id + "/sessions", null)
                        .size())
                .isEqualTo(1);
        assertThat(api.ok("demo_worker", "GET", "/api/v1/cases/" + id, null)
                        .at("/c/stage")
                        .asText())
                .isEqualTo("CLOSING");
    }

    /** A time the API wrote (H2 answers +08:00, PostgreSQL UTC) as China local time, e.g. 2026-12-07T09:30. */
    private static String chinaTime(String apiTime) {
        return java.time.OffsetDateTime.parse(apiTime)
                .atZoneSameInstant(cn.sgz.shared.ChinaTime.ZONE)
                .toLocalDateTime()
                .toString();
    }
}
