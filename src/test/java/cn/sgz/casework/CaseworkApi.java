package cn.sgz.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.sgz.evidence.TestImages;
import cn.sgz.org.TestLogin;
import cn.sgz.shared.ChinaTime;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Casework over the REST API as demo users, for the tests of this module: cases, sessions with photos, groups. */
final class CaseworkApi {

    static final double LAT = 40.6010;
    static final double LON = 109.9702;

    final MockMvc mvc;
    final ObjectMapper json;
    final TestLogin login;

    CaseworkApi(MockMvc mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.json = json;
        this.login = new TestLogin(mvc);
    }

    static LocalDate today() {
        return ChinaTime.today();
    }

    MockHttpServletResponse send(String user, String method, String url, Object body) throws Exception {
        var req = switch (method) {
            case "POST" -> post(url);
            case "PUT" -> put(url);
            default -> get(url);
        };
        if (body != null) {
            req.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        MockHttpServletResponse r =
                mvc.perform(req.with(login.as(user))).andReturn().getResponse();
        r.setCharacterEncoding("UTF-8");
        return r;
    }

    JsonNode ok(String user, String method, String url, Object body) throws Exception {
        MockHttpServletResponse r = send(user, method, url, body);
        assertThat(r.getStatus())
                .as("%s %s as %s: %s", method, url, user, r.getContentAsString(StandardCharsets.UTF_8))
                .isBetween(200, 201);
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    /** A page's HTML as the user sees it (must answer 200). */
    String page(String user, String url) throws Exception {
        MockHttpServletResponse r = send(user, "GET", url, null);
        assertThat(r.getStatus()).as("GET %s as %s", url, user).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The id of the first station the user sees. */
    long station(String user) throws Exception {
        for (JsonNode u : ok(user, "GET", "/api/v1/org-units", null)) {
            if ("STATION".equals(u.get("type").asText())) {
                return u.get("id").asLong();
            }
        }
        throw new AssertionError("no station for " + user);
    }

    long recipient(String user, long station) throws Exception {
        JsonNode people = ok(user, "GET", "/api/v1/service-records/recipients?stationId=" + station, null);
        assertThat(people.size()).as("ledger people of station %s", station).isPositive();
        return people.get(0).get("id").asLong();
    }

    static Map<String, String> fields(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static Map<String, String> intake(String basicInfo) {
        return fields(
                "intakeDate",
                today().toString(),
                "source",
                "主动求助",
                "basicInfo",
                basicInfo,
                "problem",
                "独居，近期跌倒后不敢出门",
                "intakeOpinion",
                "符合接案条件");
    }

    /** Opens a case for the first ledger person of the user's station. */
    JsonNode openCase(String user, String title, String basicInfo) throws Exception {
        long station = station(user);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stationId", station);
        body.put("recipientId", recipient(user, station));
        body.put("domain", "SOCIAL_ASSISTANCE");
        body.put("title", title);
        body.put("intake", intake(basicInfo));
        return ok(user, "POST", "/api/v1/cases", body);
    }

    JsonNode saveForm(String user, long caseId, String type, Map<String, String> f) throws Exception {
        return ok(user, "PUT", "/api/v1/cases/" + caseId + "/forms/" + type, f);
    }

    static Map<String, String> assessment() {
        return fields(
                "assessDate",
                today().toString(),
                "needs",
                "情绪支持与照料需求",
                "strengths",
                "女儿每周探望",
                "riskLevel",
                "中",
                "conclusion",
                "优先处理安全与情绪问题");
    }

    static Map<String, String> agreement() {
        return fields(
                "signDate",
                today().toString(),
                "signer",
                "王大娘",
                "signerRelation",
                "本人",
                "services",
                "每周上门一次，共五次",
                "period",
                "两个月");
    }

    static Map<String, String> plan() {
        return fields(
                "planDate",
                today().toString(),
                "overallGoal",
                "恢复独立生活信心",
                "goals",
                "1. 情绪稳定\n2. 链接助餐",
                "strategy",
                "优势视角",
                "measures",
                "每周一次上门服务",
                "plannedSessions",
                "5");
    }

    static Map<String, String> evaluation() {
        return fields(
                "evalDate",
                today().toString(),
                "goalsMet",
                "两项目标均达成",
                "before",
                "不敢出门，情绪低落",
                "after",
                "每天下楼散步，参加助餐",
                "method",
                "前后测对比",
                "workerSummary",
                "可以结案");
    }

    static Map<String, String> closure() {
        return fields(
                "closeDate", today().toString(), "reason", "服务目标达成", "summary", "共五次服务，目标达成", "followUp", "一个月后电话回访");
    }

    /** Uploads the on-screen signature (a PNG) of a case's agreement. */
    void sign(String user, long caseId, long seed) throws Exception {
        byte[] png = png(TestImages.scene(seed));
        MockHttpServletResponse r = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                        "/api/v1/cases/" + caseId + "/agreement/signature")
                                .file(new org.springframework.mock.web.MockMultipartFile(
                                        "file", "signature.png", "image/png", png))
                                .param("onScreen", "true")
                                .with(login.as(user)))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus())
                .as("signature: %s", r.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(201);
    }

    static byte[] png(java.awt.image.BufferedImage img) throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** Records a session today; with a photo taken today near station 1 it counts. */
    JsonNode session(String user, String path, Map<String, Object> extra, boolean photo, double lat, double lon)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("serviceDate", today().toString());
        body.put("startTime", "09:30");
        body.put("place", "案主家中");
        body.putIfAbsent("fields", fields("sessionGoal", "建立关系", "process", "上门交谈", "outcome", "案主愿意配合"));
        JsonNode s = ok(user, "POST", path + "/sessions", body);
        if (photo) {
            photo(user, s.get("recordId").asLong(), lat, lon);
        }
        return s;
    }

    void photo(String user, long recordId, double lat, double lon) throws Exception {
        long seed = 3_000_000L + Math.floorMod(System.nanoTime(), 1_000_000_000L);
        byte[] jpeg = TestImages.withExif(
                TestImages.jpeg(TestImages.scene(seed), 0.9f), today().atTime(10, 0), lat + 0.0004, lon + 0.0003);
        MockHttpServletResponse r = mvc.perform(put("/api/v1/service-records/" + recordId + "/photos/cw-" + seed)
                        .contentType(MediaType.IMAGE_JPEG)
                        .content(jpeg)
                        .with(login.as(user)))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus())
                .as("photo upload: %s", r.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(201);
    }

    /** A case of station 1 taken through every step to CLOSING, with five counting sessions. */
    long caseAwaitingClosure(String title, String basicInfo) throws Exception {
        long id = openCase("demo_worker", title, basicInfo).get("id").asLong();
        saveForm("demo_worker", id, "ASSESSMENT", assessment());
        saveForm("demo_worker", id, "AGREEMENT", agreement());
        sign("demo_worker", id, 4_000_000L + Math.floorMod(System.nanoTime(), 1_000_000_000L));
        saveForm("demo_worker", id, "PLAN", plan());
        for (int i = 0; i < 5; i++) {
            session("demo_worker", "/api/v1/cases/" + id, Map.of(), true, LAT, LON);
        }
        saveForm("demo_worker", id, "EVALUATION", evaluation());
        saveForm("demo_worker", id, "CLOSURE", closure());
        return id;
    }
}
