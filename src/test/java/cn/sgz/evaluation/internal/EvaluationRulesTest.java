package cn.sgz.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.sgz.SgzTest;
import cn.sgz.org.DemoOrg;
import cn.sgz.org.TestLogin;
import cn.sgz.shared.ChinaTime;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The rules of issue #14 endpoint by endpoint: an evaluator outside a round gets 404 from every read and write of
 * it (its score sheets, satisfaction, spot checks, 整改 and photos); a closed round is read-only (409) for every
 * write; the satisfaction sample is drawn from the people served and an interview must name one of them; the spot
 * check is summarised per station (checked, verified, failed, failure rate).
 */
@SgzTest
class EvaluationRulesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    TestLogin login;
    DemoOrg org;

    @BeforeEach
    void setUp() throws Exception {
        login = new TestLogin(mvc);
        org = DemoOrg.load(login);
    }

    MockHttpServletResponse send(String user, MockHttpServletRequestBuilder req, Object body) throws Exception {
        return login.send(user, req, body == null ? null : json.writeValueAsString(body));
    }

    JsonNode ok(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus())
                .as(r.getContentAsString(StandardCharsets.UTF_8))
                .isBetween(200, 201);
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode getJson(String user, String url) throws Exception {
        return json.readTree(login.getJson(user, url, 200));
    }

    long demoRound() {
        return jdbc.sql("SELECT id FROM eval_round WHERE kind = 'MIDTERM' ORDER BY id")
                .query(Long.class)
                .list()
                .get(0);
    }

    long demoProject() {
        return jdbc.sql("SELECT project_id FROM eval_round WHERE id = ?")
                .param(demoRound())
                .query(Long.class)
                .single();
    }

    static byte[] photo() {
        return RectificationPhotosTest.photo();
    }

    MockHttpServletResponse upload(String user, String url) throws Exception {
        return mvc.perform(multipart(url)
                        .file(new MockMultipartFile("file", "p.jpg", "image/jpeg", photo()))
                        .with(login.as(user)))
                .andReturn()
                .getResponse();
    }

    /** A candidate person for the satisfaction sample at station s1 of the round. */
    JsonNode candidate(String user, long round) throws Exception {
        JsonNode list = getJson(
                user, "/api/v1/evaluations/" + round + "/satisfaction/candidates?stationId=" + org.s1.id() + "&size=3");
        assertThat(list.size()).isPositive();
        return list.get(0);
    }

    Map<String, Object> interview(long recordId, String person) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stationId", org.s1.id());
        m.put("method", "PHONE");
        m.put("personName", person);
        m.put("recordId", recordId);
        m.put("answers", List.of(5, 4, 5, 4, 5));
        return m;
    }

    @Test
    void anEvaluatorOutsideTheRoundGets404EverywhereAndAClosedRoundIsReadOnly() throws Exception {
        long project = demoProject();
        long rubric = jdbc.sql("SELECT rubric_id FROM eval_round WHERE id = ?")
                .param(demoRound())
                .query(Long.class)
                .single();
        String today = ChinaTime.today().toString();
        JsonNode round = ok(send(
                "demo_bureau",
                post("/api/v1/evaluations"),
                Map.of(
                        "projectId",
                        project,
                        "rubricId",
                        rubric,
                        "kind",
                        "FINAL",
                        "startsOn",
                        today,
                        "endsOn",
                        ChinaTime.today().plusDays(10).toString(),
                        "team",
                        List.of("demo_bureau"))));
        long id = round.get("id").asLong();
        String base = "/api/v1/evaluations/" + id;
        long s1 = org.s1.id();
        // things inside the round: a spot check, a 整改 item with a photo, a scored item
        JsonNode check = ok(send(
                "demo_bureau",
                post("/api/v1/spot-checks"),
                Map.of("projectId", project, "roundId", id, "sampleSize", 3)));
        long checkId = check.get("id").asLong();
        JsonNode item = check.get("items").get(0);
        long itemId = item.get("id").asLong();
        JsonNode rect = ok(send(
                "demo_bureau",
                post("/api/v1/evaluations/rectifications"),
                Map.of(
                        "roundId",
                        id,
                        "stationId",
                        s1,
                        "itemCode",
                        "F1",
                        "title",
                        "标牌缺少标志",
                        "requirement",
                        "补加“中国社会工作”标志",
                        "deadline",
                        ChinaTime.today().plusDays(7).toString())));
        long rectId = rect.get("id").asLong();
        String rectBase = "/api/v1/evaluations/rectifications/" + rectId;
        JsonNode uploaded = ok(upload("demo_worker", rectBase + "/photos"));
        long photoId = uploaded.get("photo").get("id").asLong();
        JsonNode who = candidate("demo_bureau", id);
        ok(send(
                "demo_bureau",
                put(base + "/stations/" + s1 + "/items/F1"),
                Map.of("level", "规范齐全", "comment", "标牌规范")));
        String scorePhotos = base + "/stations/" + s1 + "/items/F1/photos";
        long scorePhoto =
                ok(upload("demo_bureau", scorePhotos)).get("photo").get("id").asLong();

        // 1. the evaluator outside the team: 404 for every read and every write, like an unknown round
        List<String> reads = List.of(
                base,
                base + "/summary",
                base + "/stations/" + s1,
                base + "/report.docx",
                base + "/satisfaction",
                base + "/satisfaction/candidates?stationId=" + s1,
                "/api/v1/evaluations/rectifications?roundId=" + id,
                rectBase,
                rectBase + "/photos",
                rectBase + "/photos/" + photoId + "/thumb",
                "/api/v1/spot-checks/" + checkId,
                "/api/v1/spot-checks/" + checkId + "/call-list",
                "/api/v1/spot-checks/" + checkId + "/redraw",
                "/api/v1/spot-checks/items/" + itemId + "/photos",
                scorePhotos,
                scorePhotos + "/" + scorePhoto + "/thumb");
        List<String> notHidden = new ArrayList<>();
        for (String url : reads) {
            int status = login.send("demo_evaluator", get(url), null).getStatus();
            if (status != 404) {
                notHidden.add(url + " → " + status);
            }
        }
        Map<String, MockHttpServletResponse> writes = new LinkedHashMap<>();
        writes.put(
                "team",
                send("demo_evaluator", put(base + "/team"), Map.of("team", List.of("demo_evaluator"), "version", 0)));
        writes.put(
                "score",
                send(
                        "demo_evaluator",
                        put(base + "/stations/" + s1 + "/items/F1"),
                        Map.of("level", "规范齐全", "comment", "越权")));
        writes.put(
                "checklist",
                send(
                        "demo_evaluator",
                        put(base + "/stations/" + s1 + "/checklist/1"),
                        Map.of("met", true, "comment", "越权")));
        writes.put("close", send("demo_evaluator", post(base + "/close"), Map.of("version", 0)));
        writes.put(
                "decision", send("demo_evaluator", post(base + "/decision"), Map.of("decision", "PASS", "version", 0)));
        writes.put(
                "satisfaction",
                send(
                        "demo_evaluator",
                        post(base + "/satisfaction"),
                        interview(who.get("recordId").asLong(), who.get("name").asString())));
        writes.put(
                "spot-check draw",
                send(
                        "demo_evaluator",
                        post("/api/v1/spot-checks"),
                        Map.of("projectId", project, "roundId", id, "sampleSize", 2)));
        writes.put(
                "spot-check result",
                send(
                        "demo_evaluator",
                        put("/api/v1/spot-checks/items/" + itemId),
                        Map.of(
                                "method",
                                "PHONE",
                                "outcome",
                                "VERIFIED",
                                "version",
                                item.get("version").asLong())));
        writes.put("spot-check photo", upload("demo_evaluator", "/api/v1/spot-checks/items/" + itemId + "/photos"));
        writes.put("score photo", upload("demo_evaluator", scorePhotos));
        writes.put(
                "rectification raise",
                send(
                        "demo_evaluator",
                        post("/api/v1/evaluations/rectifications"),
                        Map.of(
                                "roundId",
                                id,
                                "stationId",
                                s1,
                                "title",
                                "越权整改",
                                "requirement",
                                "越权提出",
                                "deadline",
                                ChinaTime.today().plusDays(7).toString())));
        writes.put(
                "rectification review",
                send(
                        "demo_evaluator",
                        post(rectBase + "/review"),
                        Map.of("close", true, "version", rect.get("version").asLong())));
        writes.forEach((what, res) -> {
            if (res.getStatus() != 404) {
                notHidden.add(what + " → " + res.getStatus());
            }
        });
        assertThat(notHidden)
                .as("answers other than 404 to an evaluator outside the round")
                .isEmpty();
        assertThat(getJson("demo_evaluator", "/api/v1/spot-checks")
                        .valueStream()
                        .map(c -> c.get("id").asLong())
                        .toList())
                .doesNotContain(checkId);
        assertThat(getJson("demo_evaluator", "/api/v1/evaluations/rectifications")
                        .valueStream()
                        .map(r -> r.get("id").asLong())
                        .toList())
                .doesNotContain(rectId);

        // 2. close the round: every write answers 409, reads still work
        long version = getJson("demo_bureau", base).get("version").asLong();
        JsonNode closed = ok(send("demo_bureau", post(base + "/close"), Map.of("version", version)));
        long closedVersion = closed.get("version").asLong();
        Map<String, MockHttpServletResponse> frozen = new LinkedHashMap<>();
        frozen.put(
                "team",
                send(
                        "demo_bureau",
                        put(base + "/team"),
                        Map.of("team", List.of("demo_bureau"), "version", closedVersion)));
        frozen.put(
                "score",
                send(
                        "demo_bureau",
                        put(base + "/stations/" + s1 + "/items/F1"),
                        Map.of("level", "规范齐全", "comment", "结束后")));
        frozen.put(
                "checklist",
                send(
                        "demo_bureau",
                        put(base + "/stations/" + s1 + "/checklist/1"),
                        Map.of("met", true, "comment", "结束后")));
        frozen.put("close again", send("demo_bureau", post(base + "/close"), Map.of("version", closedVersion)));
        frozen.put(
                "satisfaction",
                send(
                        "demo_bureau",
                        post(base + "/satisfaction"),
                        interview(who.get("recordId").asLong(), who.get("name").asString())));
        frozen.put(
                "spot-check draw",
                send(
                        "demo_bureau",
                        post("/api/v1/spot-checks"),
                        Map.of("projectId", project, "roundId", id, "sampleSize", 2)));
        frozen.put(
                "spot-check result",
                send(
                        "demo_bureau",
                        put("/api/v1/spot-checks/items/" + itemId),
                        Map.of(
                                "method",
                                "PHONE",
                                "outcome",
                                "VERIFIED",
                                "version",
                                item.get("version").asLong())));
        frozen.put("spot-check photo", upload("demo_bureau", "/api/v1/spot-checks/items/" + itemId + "/photos"));
        frozen.put("score photo", upload("demo_bureau", scorePhotos));
        frozen.put(
                "rectification raise",
                send(
                        "demo_bureau",
                        post("/api/v1/evaluations/rectifications"),
                        Map.of(
                                "roundId",
                                id,
                                "stationId",
                                s1,
                                "title",
                                "结束后整改",
                                "requirement",
                                "结束后提出",
                                "deadline",
                                ChinaTime.today().plusDays(7).toString())));
        frozen.put(
                "rectification response",
                send(
                        "demo_worker",
                        post(rectBase + "/response"),
                        Map.of(
                                "response",
                                "结束后答复",
                                "version",
                                rect.get("version").asLong())));
        frozen.put("rectification photo", upload("demo_worker", rectBase + "/photos"));
        frozen.put(
                "rectification review",
                send(
                        "demo_bureau",
                        post(rectBase + "/review"),
                        Map.of("close", true, "version", rect.get("version").asLong())));
        List<String> notFrozen = new ArrayList<>();
        frozen.forEach((what, res) -> {
            if (res.getStatus() != 409) {
                notFrozen.add(what + " → " + res.getStatus() + " " + contentOf(res));
            }
        });
        assertThat(notFrozen)
                .as("writes to a closed round that did not answer 409")
                .isEmpty();
        assertThat(frozen.get("score").getContentAsString(StandardCharsets.UTF_8))
                .contains("成绩已冻结");
        assertThat(getJson("demo_bureau", base + "/stations/" + s1).get("sections"))
                .isNotEmpty();
        assertThat(getJson("demo_bureau", rectBase + "/photos").size()).isEqualTo(1);
    }

    static String contentOf(MockHttpServletResponse r) {
        try {
            return r.getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            return "";
        }
    }

    @Test
    void scoredItemsCarryTheEvaluatorsPhotos() throws Exception {
        long round = demoRound();
        String base = "/api/v1/evaluations/" + round + "/stations/";
        // the demo's judged 标牌 item has its photo, on the sheet page too
        assertThat(getJson("demo_evaluator", base + org.s1.id() + "/items/F1/photos")
                        .size())
                .isPositive();
        String sheet = mvc.perform(get("/evaluations/" + round + "/stations/" + org.s1.id())
                        .cookie(login.login("demo_evaluator")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(sheet).contains("score-photo-").contains("/items/F1/photos/").contains("上传照片");

        // only a scored item takes photos; the evidence module's checks apply
        MockHttpServletResponse unscored = upload("demo_evaluator", base + org.s3.id() + "/items/F3/photos");
        assertThat(unscored.getStatus()).isEqualTo(400);
        assertThat(EvaluationApiTest.field(unscored, json)).isEqualTo("itemCode");
        MockHttpServletResponse forged = mvc.perform(multipart(base + org.s1.id() + "/items/P1/photos")
                        .file(new MockMultipartFile("file", "p.jpg", "image/jpeg", "not a photo".getBytes()))
                        .with(login.as("demo_evaluator")))
                .andReturn()
                .getResponse();
        assertThat(forged.getStatus()).isEqualTo(400);
        assertThat(json.readTree(forged.getContentAsString(StandardCharsets.UTF_8))
                        .get("code")
                        .asString())
                .isEqualTo("UNSUPPORTED_TYPE");
        JsonNode up = ok(upload("demo_evaluator", base + org.s1.id() + "/items/P1/photos"));
        long photoId = up.get("photo").get("id").asLong();
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'EVAL_SCORE_PHOTO' AND actor = 'demo_evaluator'")
                        .query(Long.class)
                        .single())
                .isPositive();

        // the station sees its own sheet's photos and cannot add any; another station sees none
        assertThat(getJson("demo_worker", base + org.s1.id() + "/items/P1/photos").findValues("id").stream()
                        .map(JsonNode::asLong)
                        .toList())
                .contains(photoId);
        assertThat(login.send("demo_worker", get(base + org.s1.id() + "/items/P1/photos/" + photoId + "/thumb"), null)
                        .getStatus())
                .isEqualTo(200);
        assertThat(upload("demo_worker", base + org.s1.id() + "/items/P1/photos")
                        .getStatus())
                .isEqualTo(403);
        assertThat(login.send("demo_worker2", get(base + org.s1.id() + "/items/P1/photos"), null)
                        .getStatus())
                .isEqualTo(404);
        // a photo asked for through another item is 404
        assertThat(login.send(
                                "demo_evaluator",
                                get(base + org.s1.id() + "/items/F1/photos/" + photoId + "/thumb"),
                                null)
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void theSatisfactionSampleIsDrawnFromThePeopleServed() throws Exception {
        long round = demoRound();
        JsonNode list = getJson(
                "demo_evaluator",
                "/api/v1/evaluations/" + round + "/satisfaction/candidates?stationId=" + org.s1.id() + "&size=4");
        assertThat(list.size()).isPositive();
        for (JsonNode c : list) {
            long recordId = c.get("recordId").asLong();
            Map<String, Object> rec = jdbc.sql(
                            "SELECT station_id, status, qualification FROM service_record WHERE id = ?")
                    .param(recordId)
                    .query()
                    .singleRow();
            assertThat(((Number) rec.get("station_id")).longValue()).isEqualTo(org.s1.id());
            assertThat(rec.get("status")).isEqualTo("ACTIVE");
            assertThat(rec.get("qualification")).isEqualTo("COUNTS");
        }
        // the same draw again: the same people (reproducible)
        assertThat(getJson(
                        "demo_evaluator",
                        "/api/v1/evaluations/" + round + "/satisfaction/candidates?stationId=" + org.s1.id()
                                + "&size=4"))
                .isEqualTo(list);
        JsonNode who = list.get(0);
        long recordId = who.get("recordId").asLong();
        String base = "/api/v1/evaluations/" + round + "/satisfaction";

        Map<String, Object> withoutRecord = interview(recordId, who.get("name").asString());
        withoutRecord.remove("recordId");
        MockHttpServletResponse noRecord = send("demo_evaluator", post(base), withoutRecord);
        assertThat(noRecord.getStatus()).isEqualTo(400);
        assertThat(EvaluationApiTest.field(noRecord, json)).isEqualTo("recordId");
        MockHttpServletResponse stranger = send("demo_evaluator", post(base), interview(recordId, "路人甲"));
        assertThat(stranger.getStatus()).isEqualTo(400);
        assertThat(EvaluationApiTest.field(stranger, json)).isEqualTo("personName");
        long otherStations = jdbc.sql("SELECT id FROM service_record WHERE station_id = ? AND qualification = 'COUNTS' "
                        + "AND status = 'ACTIVE' ORDER BY id")
                .param(org.s2.id())
                .query(Long.class)
                .list()
                .get(0);
        MockHttpServletResponse elsewhere = send(
                "demo_evaluator",
                post(base),
                interview(otherStations, who.get("name").asString()));
        assertThat(elsewhere.getStatus()).isEqualTo(400);
        assertThat(EvaluationApiTest.field(elsewhere, json)).isEqualTo("recordId");

        JsonNode saved = ok(send(
                "demo_evaluator",
                post(base),
                interview(recordId, who.get("name").asString())));
        assertThat(saved.get("recordId").asLong()).isEqualTo(recordId);
        assertThat(saved.get("average").decimalValue()).isEqualByComparingTo("4.6");
        // the demo's interviews were drawn the same way
        assertThat(jdbc.sql("SELECT COUNT(*) FROM satisfaction_interview WHERE round_id = ? AND record_id IS NULL")
                        .param(round)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theSpotCheckIsSummarisedPerStation() throws Exception {
        long round = demoRound();
        JsonNode demo = null;
        for (JsonNode c : getJson("demo_evaluator", "/api/v1/spot-checks")) {
            if (c.get("roundId").asLong() == round && c.get("seed").asLong() == DemoEvaluationData.DEMO_SEED) {
                demo = c;
            }
        }
        assertThat(demo).isNotNull();
        JsonNode full = getJson(
                "demo_evaluator", "/api/v1/spot-checks/" + demo.get("id").asLong());
        int sampled = 0;
        int failed = 0;
        for (JsonNode s : full.get("stations")) {
            sampled += s.get("sampled").asInt();
            failed += s.get("failed").asInt();
            int checked = s.get("checked").asInt();
            int f = s.get("failed").asInt();
            assertThat(s.get("verified").asInt() + s.get("unreachable").asInt() + f)
                    .isEqualTo(checked);
            // failure rate in per cent of the checked ones, one decimal
            BigDecimal expected = checked == 0
                    ? BigDecimal.ZERO
                    : BigDecimal.valueOf(f * 100L)
                            .divide(BigDecimal.valueOf(checked), 1, java.math.RoundingMode.HALF_UP);
            assertThat(s.get("failureRate").decimalValue()).isEqualByComparingTo(expected);
        }
        assertThat(sampled).isEqualTo(10);
        assertThat(failed).isGreaterThanOrEqualTo(1);
    }
}
