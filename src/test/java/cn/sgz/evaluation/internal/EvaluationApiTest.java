package cn.sgz.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.sgz.SgzTest;
import cn.sgz.catalog.RuleKind;
import cn.sgz.org.DemoOrg;
import cn.sgz.org.DemoUsers;
import cn.sgz.org.TestLogin;
import cn.sgz.progress.ComplianceService;
import cn.sgz.progress.Drilldown;
import cn.sgz.progress.IndicatorResult;
import cn.sgz.progress.IndicatorStatus;
import cn.sgz.progress.StationCompliance;
import cn.sgz.progress.SubPeriodResult;
import cn.sgz.shared.ChinaTime;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
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
 * Evaluations end to end over the API on the demo data: automatic items equal the engine's figures, spot-check
 * samples redraw from their seed and are stratified, a failed check takes a record out of the indicator with the
 * evaluator's note in the drill-down, the role rules, bad input, the frozen closed round, the CHECKLIST judgement,
 * and the Word report read back.
 */
@SgzTest
class EvaluationApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoUsers users;

    @Autowired
    ComplianceService compliance;

    @Autowired
    RoundService rounds;

    @Autowired
    RubricService rubrics;

    TestLogin login;
    DemoOrg org;

    @BeforeEach
    void setUp() throws Exception {
        login = new TestLogin(mvc);
        org = DemoOrg.load(login);
    }

    JsonNode getJson(String user, String url) throws Exception {
        return json.readTree(login.getJson(user, url, 200));
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

    static String field(MockHttpServletResponse r, ObjectMapper json) throws Exception {
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8))
                .get("details")
                .get(0)
                .get("field")
                .asString();
    }

    JsonNode demoRound() throws Exception {
        for (JsonNode r : getJson("demo_evaluator", "/api/v1/evaluations")) {
            if (r.get("kind").asString().equals("MIDTERM")
                    && r.get("name").asString().endsWith("中期评估")) {
                return r;
            }
        }
        throw new AssertionError("no demo round");
    }

    JsonNode demoCheck(long roundId) throws Exception {
        for (JsonNode c : getJson("demo_evaluator", "/api/v1/spot-checks")) {
            if (c.get("roundId").asLong() == roundId && c.get("seed").asLong() == DemoEvaluationData.DEMO_SEED) {
                return c;
            }
        }
        throw new AssertionError("no demo spot check");
    }

    @Test
    void automaticItemsEqualTheEnginesResults() throws Exception {
        JsonNode round = demoRound();
        long id = round.get("id").asLong();
        long project = round.get("projectId").asLong();
        Rubric rubric = rubrics.rubric(round.get("rubricId").asLong());
        for (DemoOrg.Station s : org.stations()) {
            RoundService.EvalScoreSheet sheet = users.callAs("demo_evaluator", () -> rounds.sheet(id, s.id()));
            StationCompliance sc = users.callAs(
                    "demo_evaluator",
                    () -> compliance.compute(project, s.id(), sheet.asOf()).get(0));
            Map<String, Long> ids = new HashMap<>();
            sc.indicators().forEach(r -> ids.putIfAbsent(r.code(), r.indicatorId()));
            int compared = 0;
            for (RoundService.EvalSectionRow sec : sheet.sections()) {
                for (RoundService.EvalItemRow item : sec.items()) {
                    Rubric.Item def = rubric.item(item.code());
                    if (def.method() != Rubric.Method.FROM_INDICATOR) {
                        continue;
                    }
                    IndicatorResult r = sc.byIndicator().get(ids.get(def.indicator()));
                    assertThat(r).as(def.indicator()).isNotNull();
                    assertThat(item.figure()).isEqualTo(Scoring.figure(r));
                    BigDecimal expected = Scoring.fromIndicator(def, r).points();
                    if (expected == null) {
                        assertThat(item.points()).isNull();
                    } else {
                        assertThat(item.points()).as(item.code()).isEqualByComparingTo(expected);
                    }
                    assertThat(item.link())
                            .isEqualTo("/progress/projects/" + project + "/stations/" + s.id() + "/indicators/"
                                    + r.indicatorId());
                    compared++;
                }
            }
            assertThat(compared).isEqualTo(6);
        }
        // the API answers the same sheet, with the judged items of the demo at 沙河
        JsonNode sheet = getJson("demo_evaluator", "/api/v1/evaluations/" + id + "/stations/" + org.s1.id());
        Map<String, JsonNode> items = new HashMap<>();
        sheet.get("sections")
                .forEach(sec ->
                        sec.get("items").forEach(i -> items.put(i.get("code").asString(), i)));
        assertThat(items.get("F1").get("points").decimalValue()).isEqualByComparingTo("3");
        assertThat(items.get("F1").get("level").asString()).isEqualTo("基本规范");
        assertThat(items.get("P1").get("points").decimalValue()).isEqualByComparingTo("10");
        assertThat(items.get("S1").get("points").isNull()).isFalse();
    }

    @Test
    void spotCheckSamplesRedrawFromTheirSeedAndAreStratified() throws Exception {
        long project = demoRound().get("projectId").asLong();
        Map<String, Object> body =
                Map.of("projectId", project, "sampleSize", 12, "strata", "STATION_KIND", "seed", 777);
        JsonNode a = ok(send("demo_bureau", post("/api/v1/spot-checks"), body));
        JsonNode b = ok(send("demo_bureau", post("/api/v1/spot-checks"), body));
        List<Long> first = a.get("items")
                .valueStream()
                .map(i -> i.get("recordId").asLong())
                .toList();
        List<Long> second = b.get("items")
                .valueStream()
                .map(i -> i.get("recordId").asLong())
                .toList();
        assertThat(a.get("seed").asLong()).isEqualTo(777);
        assertThat(a.get("frameHash").asString()).isEqualTo(b.get("frameHash").asString());
        assertThat(first).hasSize(12).doesNotHaveDuplicates().isEqualTo(second);
        JsonNode redraw =
                getJson("demo_bureau", "/api/v1/spot-checks/" + a.get("id").asLong() + "/redraw");
        assertThat(redraw.get("same").asBoolean()).isTrue();
        assertThat(redraw.get("frameUnchanged").asBoolean()).isTrue();

        // stratified: every (station, kind) stratum of the frame is in the sample when there are no more strata than
        // records asked for, and no stratum is further than one record plus its guaranteed one from its proportional
        // share
        long checkId = a.get("id").asLong();
        Map<String, Long> frame = jdbc
                .sql("SELECT station_id, kind FROM spot_check_frame WHERE check_id = ?")
                .param(checkId)
                .query((rs, i) -> rs.getLong(1) + "/" + rs.getString(2))
                .list()
                .stream()
                .collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        Map<String, Long> sample = jdbc
                .sql("SELECT station_id, kind FROM spot_check_item WHERE check_id = ?")
                .param(checkId)
                .query((rs, i) -> rs.getLong(1) + "/" + rs.getString(2))
                .list()
                .stream()
                .collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        long total = frame.values().stream().mapToLong(Long::longValue).sum();
        assertThat(frame.keySet()).containsAll(sample.keySet());
        if (frame.size() <= 12) {
            assertThat(sample.keySet()).containsExactlyInAnyOrderElementsOf(frame.keySet());
        }
        frame.forEach((k, n) -> {
            double share = 12.0 * n / total;
            assertThat((double) sample.getOrDefault(k, 0L))
                    .as(k)
                    .isBetween(Math.floor(share) - 1, Math.ceil(share) + 1);
        });
        // another seed, another sample
        JsonNode c = ok(send(
                "demo_bureau",
                post("/api/v1/spot-checks"),
                Map.of("projectId", project, "sampleSize", 12, "strata", "STATION_KIND", "seed", 778)));
        assertThat(c.get("items")
                        .valueStream()
                        .map(i -> i.get("recordId").asLong())
                        .toList())
                .isNotEqualTo(first);
    }

    @Test
    void aFailedSpotCheckTakesTheRecordOutOfTheIndicatorAndTheDrilldownSaysWhy() throws Exception {
        long project = demoRound().get("projectId").asLong();
        JsonNode check = ok(send(
                "demo_bureau",
                post("/api/v1/spot-checks"),
                Map.of("projectId", project, "sampleSize", 40, "strata", "STATION_KIND", "seed", 4242)));
        Found found = null;
        for (JsonNode item : check.get("items")) {
            found = find(project, item);
            if (found != null && found.kind == RuleKind.ACTIVITY_COUNT) {
                break;
            }
        }
        assertThat(found).as("a sampled record counted by some indicator").isNotNull();
        Found f = found;
        String note = "测试：电话核实，对方否认参加 " + TestLogin.unique();
        JsonNode checked = ok(send(
                "demo_bureau",
                put("/api/v1/spot-checks/items/" + f.itemId),
                Map.of("method", "PHONE", "outcome", "NOT_VERIFIED", "note", note, "version", f.version)));
        assertThat(checked.get("outcomeLabel").asString()).isEqualTo("未能核实");

        JsonNode q = getJson("demo_bureau", "/api/v1/service-records/" + f.recordId + "/qualification");
        assertThat(q.get("counts").asBoolean()).isFalse();
        assertThat(q.get("reasons").toString()).contains("SPOT_CHECK_FAILED").contains(note);
        Drilldown after = drill(project, f);
        assertThat(after.counted()).noneMatch(r -> r.id() == f.recordId);
        assertThat(after.excluded()).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo(f.recordId);
            assertThat(r.reasons())
                    .anySatisfy(why -> assertThat(why).startsWith("抽查核实未通过").contains(note));
        });
        BigDecimal actualAfter = actual(project, f);
        if (f.kind == RuleKind.ACTIVITY_COUNT) {
            assertThat(actualAfter).isEqualByComparingTo(f.actualBefore.subtract(BigDecimal.ONE));
        } else {
            assertThat(actualAfter).isLessThanOrEqualTo(f.actualBefore);
        }

        // a second check that verifies it lifts the hold: the record and the figure are back
        long version = checked.get("version").asLong();
        ok(send(
                "demo_bureau",
                put("/api/v1/spot-checks/items/" + f.itemId),
                Map.of("method", "FIELD", "outcome", "VERIFIED", "note", "实地复核属实", "version", version)));
        assertThat(getJson("demo_bureau", "/api/v1/service-records/" + f.recordId + "/qualification")
                        .get("counts")
                        .asBoolean())
                .isTrue();
        assertThat(actual(project, f)).isEqualByComparingTo(f.actualBefore);
    }

    record Found(
            long itemId,
            long version,
            long recordId,
            long stationId,
            long indicatorId,
            String period,
            RuleKind kind,
            BigDecimal actualBefore) {}

    Found find(long project, JsonNode item) {
        long recordId = item.get("recordId").asLong();
        long station = item.get("stationId").asLong();
        java.time.LocalDate date =
                java.time.LocalDate.parse(item.get("serviceDate").asString());
        return users.callAs("demo_bureau", () -> {
            StationCompliance sc =
                    compliance.compute(project, station, ChinaTime.today()).get(0);
            Found any = null;
            for (IndicatorResult r : sc.indicators()) {
                if (r.kind() != RuleKind.ACTIVITY_COUNT
                        && r.kind() != RuleKind.COVERAGE
                        && r.kind() != RuleKind.PER_RECIPIENT_FREQUENCY) {
                    continue;
                }
                SubPeriodResult span = r.subPeriods().stream()
                        .filter(p -> !date.isBefore(p.from()) && !date.isAfter(p.to()))
                        .findFirst()
                        .orElse(null);
                if (span == null || span.actual() == null) {
                    continue;
                }
                Drilldown d = compliance.drilldown(project, r.indicatorId(), station, ChinaTime.today(), span.label());
                if (d.counted().stream().anyMatch(x -> x.id() == recordId)) {
                    Found f = new Found(
                            item.get("id").asLong(),
                            item.get("version").asLong(),
                            recordId,
                            station,
                            r.indicatorId(),
                            span.label(),
                            r.kind(),
                            span.actual());
                    if (r.kind() == RuleKind.ACTIVITY_COUNT) {
                        return f;
                    }
                    any = any == null ? f : any;
                }
            }
            return any;
        });
    }

    Drilldown drill(long project, Found f) {
        return users.callAs(
                "demo_bureau",
                () -> compliance.drilldown(project, f.indicatorId, f.stationId, ChinaTime.today(), f.period));
    }

    BigDecimal actual(long project, Found f) {
        return users.callAs(
                "demo_bureau",
                () -> compliance
                        .compute(project, f.stationId, ChinaTime.today())
                        .get(0)
                        .byIndicator()
                        .get(f.indicatorId)
                        .subPeriods()
                        .stream()
                        .filter(p -> p.label().equals(f.period))
                        .findFirst()
                        .orElseThrow()
                        .actual());
    }

    @Test
    void theStationSeesTheFailedCheckWithTheNoteAndAnswersIt() throws Exception {
        JsonNode round = demoRound();
        JsonNode check = demoCheck(round.get("id").asLong());
        long checkId = check.get("id").asLong();
        JsonNode mine = getJson("demo_worker", "/api/v1/spot-checks/" + checkId + "/call-list");
        assertThat(mine.get("items")
                        .valueStream()
                        .map(i -> i.get("stationName").asString())
                        .distinct()
                        .toList())
                .containsExactly(DemoOrg.STATION_1);
        JsonNode failed = mine.get("items")
                .valueStream()
                .filter(i -> "NOT_VERIFIED".equals(i.get("outcome").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(failed.get("note").asString()).isEqualTo(DemoEvaluationData.FAILED_NOTE);
        assertThat(failed.get("recordCounts").asBoolean()).isFalse();
        assertThat(mine.get("phonesVisible").asBoolean()).isFalse();
        mine.get("items")
                .forEach(i -> i.get("people").forEach(p -> {
                    if (!p.get("phone").isNull()) {
                        assertThat(p.get("phone").asString()).contains("****");
                    }
                }));
        // the checker gets the numbers in full, and reading them is audited
        JsonNode full = getJson("demo_evaluator", "/api/v1/spot-checks/" + checkId + "/call-list");
        assertThat(full.get("phonesVisible").asBoolean()).isTrue();
        assertThat(full.get("items").findValuesAsString("phone")).isNotEmpty().noneMatch(p -> p.contains("*"));
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'SPOT_CHECK_CALL_LIST' AND actor = 'demo_evaluator'")
                        .query(Long.class)
                        .single())
                .isPositive();
        // another station's worker sees nothing of it
        JsonNode theirs = getJson("demo_worker2", "/api/v1/spot-checks/" + checkId);
        assertThat(theirs.get("items").findValuesAsString("stationName")).doesNotContain(DemoOrg.STATION_1);
        // the evaluator cannot answer for the station; the station can
        long itemId = failed.get("id").asLong();
        assertThat(send(
                                "demo_evaluator",
                                post("/api/v1/spot-checks/items/" + itemId + "/answer"),
                                Map.of(
                                        "answer",
                                        "代答",
                                        "version",
                                        failed.get("version").asLong()))
                        .getStatus())
                .isEqualTo(403);
        JsonNode answered = ok(send(
                "demo_head",
                post("/api/v1/spot-checks/items/" + itemId + "/answer"),
                Map.of(
                        "answer",
                        "该次活动实际已开展，签到人员电话登记有误，已补充正确号码",
                        "version",
                        failed.get("version").asLong())));
        assertThat(answered.get("answer").asString()).startsWith("该次活动实际已开展");
        // a photo taken while checking goes to the evidence module under the item; the station sees it too
        byte[] jpeg = cn.sgz.evidence.TestImages.jpeg(
                cn.sgz.evidence.TestImages.scene(
                        java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 16)),
                0.9f);
        MockHttpServletResponse photo = mvc.perform(multipart("/api/v1/spot-checks/items/" + itemId + "/photos")
                        .file(new MockMultipartFile("file", "check.jpg", "image/jpeg", jpeg))
                        .with(login.as("demo_evaluator")))
                .andReturn()
                .getResponse();
        assertThat(photo.getStatus())
                .as(photo.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(201);
        assertThat(getJson("demo_worker", "/api/v1/spot-checks/items/" + itemId + "/photos")
                        .size())
                .isEqualTo(1);
        assertThat(login.send("demo_worker2", get("/api/v1/spot-checks/items/" + itemId + "/photos"), null)
                        .getStatus())
                .isEqualTo(404);
        // the failed check's 整改 item is on the station's home page
        String home = mvc.perform(get("/").cookie(login.login("demo_worker")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains("未完成的整改事项").contains("抽查未能核实");
    }

    @Test
    void roleRulesBadInputAndTheClosedRound() throws Exception {
        JsonNode demo = demoRound();
        long project = demo.get("projectId").asLong();
        long rubric = demo.get("rubricId").asLong();
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
                        "thresholds",
                        "90,75,60",
                        "team",
                        List.of("demo_bureau"))));
        long id = round.get("id").asLong();
        String base = "/api/v1/evaluations/" + id;
        long s1 = org.s1.id();
        // an evaluator outside the team: 404 for everything, like an unknown round
        assertThat(login.send("demo_evaluator", get(base), null).getStatus()).isEqualTo(404);
        assertThat(login.send("demo_evaluator", get(base + "/stations/" + s1), null)
                        .getStatus())
                .isEqualTo(404);
        assertThat(send(
                                "demo_evaluator",
                                put(base + "/stations/" + s1 + "/items/F1"),
                                Map.of("level", "规范齐全", "comment", "越权评分"))
                        .getStatus())
                .isEqualTo(404);
        assertThat(send(
                                "demo_evaluator",
                                post("/api/v1/spot-checks"),
                                Map.of("projectId", project, "roundId", id, "sampleSize", 3))
                        .getStatus())
                .isEqualTo(404);
        assertThat(getJson("demo_evaluator", "/api/v1/evaluations").findValues("id").stream()
                        .map(JsonNode::asLong)
                        .toList())
                .doesNotContain(id);
        // the evaluator can only create nothing; stations read their own sheet only and cannot score
        assertThat(send(
                                "demo_evaluator",
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
                                        today))
                        .getStatus())
                .isEqualTo(403);
        assertThat(login.send("demo_worker", get(base + "/stations/" + s1), null)
                        .getStatus())
                .isEqualTo(200);
        assertThat(login.send("demo_worker2", get(base + "/stations/" + s1), null)
                        .getStatus())
                .isEqualTo(404);
        assertThat(send(
                                "demo_worker",
                                put(base + "/stations/" + s1 + "/items/F1"),
                                Map.of("level", "规范齐全", "comment", "自评"))
                        .getStatus())
                .isEqualTo(403);

        // bad input names the field
        MockHttpServletResponse noComment =
                send("demo_bureau", put(base + "/stations/" + s1 + "/items/F1"), Map.of("level", "规范齐全"));
        assertThat(noComment.getStatus()).isEqualTo(400);
        assertThat(field(noComment, json)).isEqualTo("comment");
        MockHttpServletResponse tooMany = send(
                "demo_bureau", put(base + "/stations/" + s1 + "/items/F1"), Map.of("points", 6, "comment", "超出满分"));
        assertThat(tooMany.getStatus()).isEqualTo(400);
        assertThat(field(tooMany, json)).isEqualTo("points");
        assertThat(tooMany.getContentAsString(StandardCharsets.UTF_8)).contains("超出范围 0～5");
        MockHttpServletResponse part = send(
                "demo_bureau",
                put(base + "/stations/" + s1 + "/items/F2"),
                Map.of("parts", List.of(3, 4), "comment", "组合"));
        assertThat(part.getStatus()).isEqualTo(400);
        assertThat(field(part, json)).isEqualTo("parts[1]");
        assertThat(send(
                                "demo_bureau",
                                put(base + "/stations/" + s1 + "/items/C1"),
                                Map.of("points", 1, "comment", "手改"))
                        .getStatus())
                .isEqualTo(409);

        // a valid score; changing it needs the version read
        JsonNode sheet = ok(send(
                "demo_bureau",
                put(base + "/stations/" + s1 + "/items/F2"),
                Map.of("parts", List.of(3, 2.5), "comment", "功能区齐全，设备略旧")));
        JsonNode f2 = sheet.get("sections").get(0).get("items").get(1);
        assertThat(f2.get("points").decimalValue()).isEqualByComparingTo("5.5");
        assertThat(send(
                                "demo_bureau",
                                put(base + "/stations/" + s1 + "/items/F2"),
                                Map.of("parts", List.of(3, 3), "comment", "再改"))
                        .getStatus())
                .isEqualTo(409);
        ok(send(
                "demo_bureau",
                put(base + "/stations/" + s1 + "/items/F2"),
                Map.of(
                        "parts",
                        List.of(3, 3),
                        "comment",
                        "再改",
                        "version",
                        f2.get("version").asLong())));
        BigDecimal total =
                getJson("demo_bureau", base + "/stations/" + s1).get("total").decimalValue();

        // closing freezes the sheets; the round is read-only (409)
        long version = getJson("demo_bureau", base).get("version").asLong();
        MockHttpServletResponse decideEarly =
                send("demo_bureau", post(base + "/decision"), Map.of("decision", "PASS", "version", version));
        assertThat(decideEarly.getStatus()).isEqualTo(409);
        JsonNode closed = ok(send("demo_bureau", post(base + "/close"), Map.of("version", version)));
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(send(
                                "demo_bureau",
                                put(base + "/stations/" + s1 + "/items/F1"),
                                Map.of("level", "规范齐全", "comment", "结束后评分"))
                        .getStatus())
                .isEqualTo(409);
        assertThat(getJson("demo_bureau", base + "/summary").get("frozen").asBoolean())
                .isTrue();
        assertThat(getJson("demo_bureau", base + "/stations/" + s1).get("total").decimalValue())
                .isEqualByComparingTo(total);
        MockHttpServletResponse noNote = send(
                "demo_bureau",
                post(base + "/decision"),
                Map.of(
                        "decision",
                        "PASS_AFTER_RECTIFICATION",
                        "version",
                        closed.get("version").asLong()));
        assertThat(noNote.getStatus()).isEqualTo(400);
        assertThat(field(noNote, json)).isEqualTo("note");
        JsonNode decided = ok(send(
                "demo_bureau",
                post(base + "/decision"),
                Map.of(
                        "decision",
                        "PASS_AFTER_RECTIFICATION",
                        "note",
                        "标牌整改完成后通过",
                        "version",
                        closed.get("version").asLong())));
        assertThat(decided.get("decisionLabel").asString()).isEqualTo("整改后通过");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'EVAL_DECISION' AND target_id = ?")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void judgedChecklistStandardsNoLongerWaitForTheEvaluator() throws Exception {
        long project = demoRound().get("projectId").asLong();
        StationCompliance sc = users.callAs(
                "demo_bureau",
                () -> compliance
                        .compute(project, org.s1.id(), ChinaTime.today())
                        .get(0));
        List<IndicatorResult> checklist = sc.indicators().stream()
                .filter(r -> r.kind() == RuleKind.CHECKLIST)
                .toList();
        assertThat(checklist).isNotEmpty();
        assertThat(checklist.get(0).status()).isEqualTo(IndicatorStatus.MET);
        assertThat(checklist.get(0).note()).startsWith("评估人判断");
        // the other stations' are still waiting
        StationCompliance other = users.callAs(
                "demo_bureau",
                () -> compliance
                        .compute(project, org.s3.id(), ChinaTime.today())
                        .get(0));
        assertThat(other.indicators().stream()
                        .filter(r -> r.kind() == RuleKind.CHECKLIST)
                        .findFirst()
                        .orElseThrow()
                        .status())
                .isEqualTo(IndicatorStatus.MANUAL);
    }

    @Test
    void theWordReportReadsBack() throws Exception {
        JsonNode round = demoRound();
        MockHttpServletResponse r = login.send(
                "demo_bureau", get("/api/v1/evaluations/" + round.get("id").asLong() + "/report.docx"), null);
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            var pgSz = doc.getDocument().getBody().getSectPr().getPgSz();
            assertThat(((Number) pgSz.getW()).intValue()).isEqualTo(11906);
            assertThat(((Number) pgSz.getH()).intValue()).isEqualTo(16838);
            List<XWPFTable> tables = doc.getTables();
            assertThat(tables.size()).isGreaterThanOrEqualTo(4);
            XWPFTable scores = tables.get(0);
            assertThat(scores.getCTTbl().getTblGrid().sizeOfGridColArray()).isEqualTo(4);
            assertThat(scores.getRow(0).getCell(0).getText()).isEqualTo("社工站");
            List<String> stations = new ArrayList<>();
            for (int i = 1; i < scores.getNumberOfRows(); i++) {
                stations.add(scores.getRow(i).getCell(0).getText());
            }
            assertThat(stations).contains(DemoOrg.STATION_1, DemoOrg.STATION_2, DemoOrg.STATION_3, "项目平均");
            String text =
                    doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            java.time.LocalDate starts =
                    java.time.LocalDate.parse(round.get("startsOn").asString());
            assertThat(text)
                    .contains("中期评估报告")
                    .contains(ReportDocx.chineseDate(starts))
                    .contains(DemoEvaluationData.FAILED_NOTE)
                    .contains("评估小组成员（签字）")
                    .contains("四、整改事项");
            String all = tables.stream().map(XWPFTable::getText).collect(Collectors.joining("\n"));
            assertThat(all).contains("室外标牌补加“中国社会工作”标志").contains("已整改完成").contains("基本规范");
            for (XWPFParagraph p : doc.getParagraphs()) {
                for (XWPFRun run : p.getRuns()) {
                    assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia))
                            .isEqualTo("宋体");
                }
            }
        }
    }

    @Test
    void rubricsImportWithLineErrorsAndNewVersions() throws Exception {
        String bad = "code: t\nname: 测试\nsections:\n  - name: 一\n    items:\n      - code: X\n        name: 项\n"
                + "        max: 5\n        method: JUDGEMENT\n        levels:\n          - name: 好\n            points: 8\n";
        MockHttpServletResponse r = login.send(
                "demo_bureau",
                post("/api/v1/rubrics").contentType("application/yaml").content(bad.getBytes(StandardCharsets.UTF_8)),
                null);
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("第 12 行：档次“好”的得分 8 超出 0～5");
        String good = bad.replace("points: 8", "points: 5").replace("code: t\n", "code: t" + TestLogin.unique() + "\n");
        assertThat(login.send(
                                "demo_evaluator",
                                post("/api/v1/rubrics")
                                        .contentType("application/yaml")
                                        .content(good.getBytes(StandardCharsets.UTF_8)),
                                null)
                        .getStatus())
                .isEqualTo(403);
        JsonNode v1 = ok(login.send(
                "demo_bureau",
                post("/api/v1/rubrics").contentType("application/yaml").content(good.getBytes(StandardCharsets.UTF_8)),
                null));
        JsonNode v2 = ok(login.send(
                "demo_bureau",
                post("/api/v1/rubrics").contentType("application/yaml").content(good.getBytes(StandardCharsets.UTF_8)),
                null));
        assertThat(v2.get("summary").get("versionNo").asInt())
                .isEqualTo(v1.get("summary").get("versionNo").asInt() + 1);
        String exported = login.send(
                        "demo_bureau",
                        get("/api/v1/rubrics/" + v1.get("summary").get("id").asLong() + "/export.yaml"),
                        null)
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(RubricYaml.parse(exported)).isEqualTo(RubricYaml.parse(good));
        // the built-in example is there for everyone
        assertThat(getJson("demo_worker", "/api/v1/rubrics").findValuesAsString("name"))
                .contains("乡镇（街道）社工站评价细则（示例）");
    }

    @Test
    void residentsQuestionnairesCountInTheRoundsSatisfaction() throws Exception {
        JsonNode round = demoRound();
        JsonNode results = getJson(
                        "demo_evaluator",
                        "/api/v1/evaluations/" + round.get("id").asLong() + "/satisfaction")
                .get("results");
        java.util.List<String> sources = new java.util.ArrayList<>();
        results.forEach(r -> sources.add(r.get("sources").asString()));
        // the feedback module's public questionnaire (15 demo answers each at two stations) beside the interviews
        assertThat(sources.stream().filter(t -> t.contains("居民问卷（扫码填写） 15 份")).count())
                .as("%s", sources)
                .isEqualTo(2);
    }
}
