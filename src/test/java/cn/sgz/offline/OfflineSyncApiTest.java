package cn.sgz.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sgz.SgzTest;
import cn.sgz.org.TestLogin;
import cn.sgz.shared.ChinaTime;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 21 through the API: the working set is for field roles only and masked; an entry sent twice (one after the
 * other, or both at once) is stored once and answered with the first result; a refused entry writes nothing; a risk
 * level changed online meanwhile answers 409 with both versions; capture time and receive time are kept apart.
 */
@SgzTest
class OfflineSyncApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    TestLogin login;

    @BeforeEach
    void setUp() {
        login = new TestLogin(mvc);
    }

    private MockHttpServletResponse send(Cookie s, Object body) throws Exception {
        MockHttpServletResponse r = mvc.perform(post("/api/v1/offline/entries")
                        .cookie(s)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andReturn()
                .getResponse();
        r.setCharacterEncoding("UTF-8");
        return r;
    }

    private JsonNode read(MockHttpServletResponse r) throws Exception {
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    private JsonNode workingSet(Cookie s) throws Exception {
        MockHttpServletResponse r = mvc.perform(
                        get("/api/v1/offline/working-set").cookie(s))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        return read(r);
    }

    private static Map<String, Object> followUp(
            String clientId, long recipientId, String riskAfter, String baseRisk, Long baseVersion) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("recipientId", recipientId);
        f.put("method", "VISIT");
        f.put("followedOn", ChinaTime.today().toString());
        f.put("findings", "离线上门回访，老人身体平稳 " + clientId);
        f.put("riskAfter", riskAfter);
        f.put("baseRisk", baseRisk);
        f.put("baseVersion", baseVersion);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", clientId);
        body.put("kind", "FOLLOW_UP");
        body.put("capturedAt", "2026-12-07T08:15:00+08:00");
        body.put("followUp", f);
        return body;
    }

    private static String id() {
        return "t-" + UUID.randomUUID();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void workingSetIsForFieldRolesOnlyAndMasked() throws Exception {
        JsonNode ws = workingSet(login.login("demo_worker"));
        assertThat(ws.get("people").size()).isGreaterThan(0);
        assertThat(ws.get("due").size()).isGreaterThan(0);
        assertThat(ws.get("csrf").get("token").asText()).isNotBlank();
        for (JsonNode p : ws.get("people")) {
            if (!p.get("maskedIdNumber").isNull()) {
                assertThat(p.get("maskedIdNumber").asText()).contains("*");
            }
        }
        // only the worker's own station: every unit is 沙河 or below it
        for (JsonNode u : ws.get("units")) {
            assertThat(u.get("name").asText()).doesNotContain("萨如拉");
        }
        for (String officer : List.of("demo_bureau", "demo_agency", "demo_evaluator")) {
            MockHttpServletResponse r = mvc.perform(
                            get("/api/v1/offline/working-set").cookie(login.login(officer)))
                    .andReturn()
                    .getResponse();
            assertThat(r.getStatus()).as(officer).isEqualTo(403);
        }
    }

    @Test
    void theSameFollowUpSentTwiceIsStoredOnce() throws Exception {
        Cookie worker = login.login("demo_worker");
        JsonNode person = workingSet(worker).get("people").get(0);
        long rid = person.get("id").asLong();
        String clientId = id();
        long before = count("SELECT COUNT(*) FROM followup_record WHERE recipient_id = ?", rid);

        MockHttpServletResponse first = send(worker, followUp(clientId, rid, null, null, null));
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
        JsonNode a = read(first);
        assertThat(a.get("replayed").asBoolean()).isFalse();
        assertThat(a.get("serviceRecordId").asLong()).isPositive();
        // the phone's capture time is kept apart from the server's receive time
        assertThat(a.get("capturedAt").asText()).startsWith("2026-12-07T00:15");
        assertThat(a.get("receivedAt").asText())
                .isNotEqualTo(a.get("capturedAt").asText());

        MockHttpServletResponse again = send(worker, followUp(clientId, rid, null, null, null));
        assertThat(again.getStatus()).isEqualTo(200);
        JsonNode b = read(again);
        assertThat(b.get("replayed").asBoolean()).isTrue();
        assertThat(b.get("followUpId").asLong()).isEqualTo(a.get("followUpId").asLong());
        assertThat(b.get("serviceRecordId").asLong())
                .isEqualTo(a.get("serviceRecordId").asLong());
        assertThat(b.get("receivedAt").asText()).isEqualTo(a.get("receivedAt").asText());
        assertThat(count("SELECT COUNT(*) FROM followup_record WHERE recipient_id = ?", rid))
                .isEqualTo(before + 1);
        assertThat(count("SELECT COUNT(*) FROM offline_entry WHERE client_id = ?", clientId))
                .isEqualTo(1);

        // the result: the record does not count yet (no photo) and says why
        JsonNode result =
                read(mvc.perform(get("/api/v1/offline/entries/" + clientId).cookie(worker))
                        .andReturn()
                        .getResponse());
        assertThat(result.get("qualification").asText()).isEqualTo("EXCLUDED");
        assertThat(result.get("reasons").toString()).contains("没有现场照片");

        // another account cannot read or reuse the id
        Cookie other = login.login("demo_worker2");
        assertThat(mvc.perform(get("/api/v1/offline/entries/" + clientId).cookie(other))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(send(other, followUp(clientId, rid, null, null, null)).getStatus())
                .isEqualTo(409);
    }

    @Test
    void twoSendsAtOnceStoreOneServiceRecordWithItsSignIns() throws Exception {
        Cookie worker = login.login("demo_worker");
        JsonNode ws = workingSet(worker);
        long unit = ws.get("units").get(0).get("id").asLong();
        String clientId = id();
        String title = "离线社区活动" + clientId.substring(2, 10);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("orgUnitId", unit);
        record.put("kind", "COMMUNITY_SERVICE");
        record.put("title", title);
        record.put("serviceDate", ChinaTime.today().toString());
        record.put("indoor", true);
        record.put("distributesGoods", false);
        record.put("participantCount", 2);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", clientId);
        body.put("kind", "SERVICE_RECORD");
        body.put("capturedAt", "2026-12-07T09:00:00+08:00");
        body.put("record", record);
        body.put(
                "signIns",
                List.of(Map.of("name", "李桂兰", "phone", "13904721234"), Map.of("name", "王秀英", "phone", "13904725678")));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> call = () -> send(worker, body).getStatus();
            Future<Integer> x = pool.submit(call);
            Future<Integer> y = pool.submit(call);
            assertThat(List.of(x.get(), y.get())).containsExactlyInAnyOrder(201, 200);
        } finally {
            pool.shutdown();
        }
        assertThat(count("SELECT COUNT(*) FROM service_record WHERE title = ?", title))
                .isEqualTo(1);
        long recordId = count("SELECT id FROM service_record WHERE title = ?", title);
        assertThat(count("SELECT COUNT(*) FROM sign_in_entry WHERE record_id = ?", recordId))
                .isEqualTo(2);
        // and once more afterwards: the first result
        JsonNode again = read(send(worker, body));
        assertThat(again.get("serviceRecordId").asLong()).isEqualTo(recordId);
        assertThat(again.get("replayed").asBoolean()).isTrue();
    }

    @Test
    void aRefusedEntryWritesNothingAndSaysWhy() throws Exception {
        Cookie worker = login.login("demo_worker");
        // someone of another station (moved away, as far as this worker can tell)
        long foreign = workingSet(login.login("demo_worker2"))
                .get("people")
                .get(0)
                .get("id")
                .asLong();
        String clientId = id();
        MockHttpServletResponse r = send(worker, followUp(clientId, foreign, null, null, null));
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(read(r).get("message").asText()).contains("已不在您的社工站");
        assertThat(read(r).get("details").get(0).get("field").asText()).isEqualTo("recipientId");
        assertThat(count("SELECT COUNT(*) FROM offline_entry WHERE client_id = ?", clientId))
                .isZero();

        // a service whose second sign-in has a bad phone: refused naming the row, no record left behind
        JsonNode ws = workingSet(worker);
        String title = "离线签到有误" + clientId.substring(2, 10);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("orgUnitId", ws.get("units").get(0).get("id").asLong());
        record.put("kind", "COMMUNITY_SERVICE");
        record.put("title", title);
        record.put("serviceDate", ChinaTime.today().toString());
        record.put("indoor", true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", id());
        body.put("kind", "SERVICE_RECORD");
        body.put("capturedAt", "2026-12-07T09:00:00+08:00");
        body.put("record", record);
        body.put(
                "signIns",
                List.of(Map.of("name", "李桂兰", "phone", "13904721234"), Map.of("name", "王秀英", "phone", "12345")));
        MockHttpServletResponse bad = send(worker, body);
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(read(bad).get("message").asText()).startsWith("第2位签到人");
        assertThat(read(bad).get("details").get(0).get("field").asText()).isEqualTo("signIns[1].phone");
        assertThat(count("SELECT COUNT(*) FROM service_record WHERE title = ?", title))
                .isZero();
    }

    @Test
    void aRiskLevelChangedOnlineMeanwhileAnswers409WithBothVersions() throws Exception {
        Cookie worker = login.login("demo_worker");
        JsonNode person = workingSet(worker).get("people").get(3);
        long rid = person.get("id").asLong();
        long version = person.get("version").asLong();
        String seen = person.get("riskLevel").isNull()
                ? null
                : person.get("riskLevel").asText();
        String online = "HIGH".equals(seen) ? "MEDIUM" : "HIGH";
        String mine = "LOW".equals(seen) || "LOW".equals(online) ? ("MEDIUM".equals(online) ? "LOW" : "MEDIUM") : "LOW";
        // changed online while the phone was away
        jdbc.sql("UPDATE recipient SET risk_level = ?, version = version + 1 WHERE id = ?")
                .params(online, rid)
                .update();
        String clientId = id();
        MockHttpServletResponse r = send(worker, followUp(clientId, rid, mine, seen, version));
        assertThat(r.getStatus()).isEqualTo(409);
        JsonNode body = read(r);
        assertThat(body.get("server").get("riskLevel").asText()).isEqualTo(online);
        assertThat(body.get("mine").get("riskLevel").asText()).isEqualTo(mine);
        assertThat(body.get("message").asText()).contains("已被他人修改");
        assertThat(count("SELECT COUNT(*) FROM offline_entry WHERE client_id = ?", clientId))
                .isZero();
        assertThat(jdbc.sql("SELECT risk_level FROM recipient WHERE id = ?")
                        .param(rid)
                        .query(String.class)
                        .single())
                .isEqualTo(online);

        // the worker keeps their own after seeing both: sent against the server's version, it is stored
        MockHttpServletResponse ok = send(
                worker,
                followUp(
                        clientId,
                        rid,
                        mine,
                        online,
                        body.get("server").get("version").asLong()));
        assertThat(ok.getStatus()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT risk_level FROM recipient WHERE id = ?")
                        .param(rid)
                        .query(String.class)
                        .single())
                .isEqualTo(mine);
    }

    @Test
    void theAppIsInstallableAndTheShellIsOnlyForFieldRoles() throws Exception {
        MockHttpServletResponse manifest =
                mvc.perform(get("/manifest.webmanifest")).andReturn().getResponse();
        assertThat(manifest.getStatus()).isEqualTo(200);
        JsonNode m = json.readTree(manifest.getContentAsByteArray());
        assertThat(m.get("name").asText()).isEqualTo("社工站服务管理平台");
        assertThat(m.get("short_name").asText()).isEqualTo("社工站");
        for (JsonNode icon : m.get("icons")) {
            MockHttpServletResponse png =
                    mvc.perform(get(icon.get("src").asText())).andReturn().getResponse();
            assertThat(png.getStatus()).isEqualTo(200);
            java.awt.image.BufferedImage img =
                    javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.getContentAsByteArray()));
            assertThat(img.getWidth() + "x" + img.getHeight())
                    .isEqualTo(icon.get("sizes").asText());
        }
        MockHttpServletResponse sw = mvc.perform(get("/sw.js")).andReturn().getResponse();
        assertThat(sw.getStatus()).isEqualTo(200);
        assertThat(sw.getContentAsString()).contains("/field").contains("'/api/'");

        String worker = mvc.perform(get("/field").cookie(login.login("demo_worker")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(worker)
                .contains("rel=\"manifest\"")
                .contains("name=\"sgz-offline\" content=\"SOCIAL_WORKER\"")
                .contains("/js/field.js")
                .contains("data-testid=\"offline-followup-form\"");
        String bureau = mvc.perform(get("/field").cookie(login.login("demo_bureau")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(bureau).contains("field-not-for-role").doesNotContain("/js/field.js");
        // the menu offers it to field roles only
        String bureauHome = mvc.perform(get("/").cookie(login.login("demo_bureau")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(bureauHome).doesNotContain("href=\"/field\"");
    }

    @Test
    void aHomeAssessmentMadeOfflineIsStoredOnceAndSetsTheRiskLevel() throws Exception {
        Cookie worker = login.login("demo_worker");
        JsonNode person = workingSet(worker).get("people").get(5);
        long rid = person.get("id").asLong();
        String seen = person.get("riskLevel").isNull()
                ? null
                : person.get("riskLevel").asText();
        String risk = "HIGH".equals(seen) ? "MEDIUM" : "HIGH";
        long before = count("SELECT COUNT(*) FROM home_assessment WHERE recipient_id = ?", rid);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("recipientId", rid);
        a.put("assessedOn", ChinaTime.today().toString());
        a.put("health", "高血压，行动不便");
        a.put("needs", List.of("DAILY_CARE", "MEDICAL"));
        a.put("riskLevel", risk);
        a.put("baseRisk", seen);
        a.put("baseVersion", person.get("version").asLong());
        Map<String, Object> body = new LinkedHashMap<>();
        String clientId = id();
        body.put("clientId", clientId);
        body.put("kind", "HOME_ASSESSMENT");
        body.put("capturedAt", "2026-12-07T09:30:00+08:00");
        body.put("assessment", a);
        MockHttpServletResponse first = send(worker, body);
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
        assertThat(read(first).get("serviceRecordId").asLong()).isPositive();
        assertThat(send(worker, body).getStatus()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM home_assessment WHERE recipient_id = ?", rid))
                .isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT risk_level FROM recipient WHERE id = ?")
                        .param(rid)
                        .query(String.class)
                        .single())
                .isEqualTo(risk);

        // without any need the server refuses it, naming the field
        a.put("needs", List.of());
        body.put("clientId", id());
        MockHttpServletResponse bad = send(worker, body);
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(read(bad).get("details").get(0).get("field").asText()).isEqualTo("needs");
    }
}
