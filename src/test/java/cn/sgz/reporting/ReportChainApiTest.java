package cn.sgz.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.SgzTest;
import cn.sgz.org.DemoOrg;
import cn.sgz.org.DemoUsers;
import cn.sgz.progress.ComplianceService;
import cn.sgz.progress.IndicatorResult;
import cn.sgz.progress.StationCompliance;
import cn.sgz.shared.ChinaTime;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The submission chain through the API: who may write, submit, review, receive and return (and the
 * refusals: 403 for a role that may see but not act, 404 outside the scope, 409 once submitted or on a
 * stale version); the figures equal the engine's as of the period's end; a submitted report keeps its
 * snapshot while "changed since" shows a later record.
 */
@SgzTest
class ReportChainApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ComplianceService compliance;

    @Autowired
    DemoUsers demoUsers;

    @Autowired
    JdbcClient jdbc;

    ReportTestClient api;
    DemoOrg org;

    @BeforeEach
    void setUp() throws Exception {
        api = new ReportTestClient(mvc, json);
        org = DemoOrg.load(api.login);
    }

    @Test
    void theChainOfRolesAndItsRefusals() throws Exception {
        long project = api.freshProject(org, 3);
        LocalDate month = ChinaTime.thisMonth().minusMonths(3).atDay(1);

        // only station staff start and write; a foreign station answers 404
        assertThat(api.post(
                                "demo_bureau",
                                "/api/v1/reports",
                                Map.of(
                                        "projectId",
                                        project,
                                        "stationId",
                                        org.s1.id(),
                                        "kind",
                                        "MONTH",
                                        "periodStart",
                                        month.toString()))
                        .getStatus())
                .isEqualTo(403);
        assertThat(api.post(
                                "demo_worker2",
                                "/api/v1/reports",
                                Map.of(
                                        "projectId",
                                        project,
                                        "stationId",
                                        org.s1.id(),
                                        "kind",
                                        "MONTH",
                                        "periodStart",
                                        month.toString()))
                        .getStatus())
                .isEqualTo(404);
        JsonNode r = api.start("demo_worker", project, org.s1.id(), "MONTH", month);
        long id = r.get("id").asLong();
        assertThat(r.get("status").asString()).isEqualTo("DRAFT");
        assertThat(api.getRaw("demo_worker2", "/api/v1/reports/" + id).getStatus())
                .isEqualTo(404);

        // narrative limits name the field
        JsonNode tooLong = api.ok(
                api.put(
                        "demo_worker",
                        "/api/v1/reports/" + id,
                        Map.of(
                                "summary",
                                "长".repeat(NarrativeForm.MAX + 1),
                                "version",
                                r.get("version").asLong())),
                400);
        assertThat(tooLong.get("message").asString()).startsWith("工作总结：最多2000个字");
        assertThat(tooLong.get("details").get(0).get("field").asString()).isEqualTo("summary");

        r = api.write("demo_worker", id, "本月完成入户评估与回访。", r.get("version").asLong());
        long v = r.get("version").asLong();

        // only the station head submits; a stale version is a conflict
        assertThat(api.step("demo_worker", id, "submit", v).getStatus()).isEqualTo(403);
        assertThat(api.step("demo_agency", id, "submit", v).getStatus()).isEqualTo(403);
        assertThat(api.step("demo_head", id, "submit", v - 1).getStatus()).isEqualTo(409);
        r = api.ok(api.step("demo_head", id, "submit", v), 200);
        assertThat(r.get("status").asString()).isEqualTo("SUBMITTED");
        v = r.get("version").asLong();

        // a submitted report cannot be edited
        JsonNode locked =
                api.ok(api.put("demo_worker", "/api/v1/reports/" + id, Map.of("summary", "改一下", "version", v)), 409);
        assertThat(locked.get("message").asString()).contains("报告已提交").contains("不能再修改");

        // the bureau cannot receive before the agency reviews; only the agency manager reviews
        assertThat(api.step("demo_bureau", id, "receive", v).getStatus()).isEqualTo(409);
        assertThat(api.step("demo_head", id, "review", v).getStatus()).isEqualTo(403);
        assertThat(api.step("demo_bureau", id, "review", v).getStatus()).isEqualTo(403);
        r = api.ok(api.step("demo_agency", id, "review", v), 200);
        assertThat(r.get("status").asString()).isEqualTo("REVIEWED");
        v = r.get("version").asLong();

        // only the project's bureau receives or returns, and a return needs a reason
        assertThat(api.step("demo_agency", id, "receive", v).getStatus()).isEqualTo(403);
        assertThat(api.step("demo_city", id, "receive", v).getStatus()).isEqualTo(403);
        assertThat(api.step("demo_evaluator", id, "receive", v).getStatus()).isEqualTo(403);
        JsonNode noReason = api.ok(
                api.post("demo_bureau", "/api/v1/reports/" + id + "/return", Map.of("reason", " ", "version", v)), 400);
        assertThat(noReason.get("details").get(0).get("field").asString()).isEqualTo("reason");
        r = api.ok(
                api.post(
                        "demo_bureau",
                        "/api/v1/reports/" + id + "/return",
                        Map.of("reason", "请补充困难老人回访情况", "version", v)),
                200);
        assertThat(r.get("status").asString()).isEqualTo("RETURNED");
        assertThat(r.get("returnReason").asString()).isEqualTo("请补充困难老人回访情况");

        // the station corrects and submits again; the bureau's reason stays on the report
        r = api.write(
                "demo_head", id, "本月完成入户评估与回访，困难老人回访12人次。", r.get("version").asLong());
        r = api.ok(api.step("demo_head", id, "submit", r.get("version").asLong()), 200);
        r = api.ok(api.step("demo_agency", id, "review", r.get("version").asLong()), 200);
        r = api.ok(api.step("demo_bureau", id, "receive", r.get("version").asLong()), 200);
        assertThat(r.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(r.get("returnReason").asString()).isEqualTo("请补充困难老人回访情况");
        assertThat(r.get("receivedBy").asString()).isNotBlank();

        JsonNode detail = api.get("demo_bureau", "/api/v1/reports/" + id);
        assertThat(detail.get("frozen").asBoolean()).isTrue();
        assertThat(detail.get("actions").get("receive").asBoolean()).isFalse();
        long audits = jdbc.sql(
                        "SELECT COUNT(*) FROM audit_event WHERE target_type = 'PERIODIC_REPORT' AND target_id = ?")
                .param(String.valueOf(id))
                .query(Long.class)
                .single();
        assertThat(audits).isGreaterThanOrEqualTo(9);
    }

    @Test
    void figuresAreTheEnginesAsOfThePeriodsEnd() throws Exception {
        // the demo project: its records fall in its months; figures computed now for last month
        long project = api.demoProject().get("id").asLong();
        YearMonth last = ChinaTime.thisMonth().minusMonths(1);
        JsonNode content = api.get(
                "demo_agency",
                "/api/v1/reports/preview?projectId=" + project + "&stationId=" + org.s1.id()
                        + "&kind=MONTH&periodStart=" + last.atDay(1));
        LocalDate end = last.atEndOfMonth();
        assertThat(content.get("asOf").asString()).isEqualTo(end.toString());

        List<StationCompliance> engine =
                demoUsers.callAs("demo_head", () -> compliance.compute(project, org.s1.id(), end));
        Map<Long, IndicatorResult> byId = engine.get(0).byIndicator();
        assertThat(content.get("indicators").size()).isEqualTo(byId.size()).isPositive();
        for (JsonNode line : content.get("indicators")) {
            IndicatorResult r = byId.get(line.get("indicatorId").asLong());
            assertThat(line.get("status").asString())
                    .as(r.code())
                    .isEqualTo(r.status().name());
            assertThat(decimal(line.get("actual"))).as(r.code()).isEqualTo(plain(r.actual()));
            assertThat(decimal(line.get("target"))).as(r.code()).isEqualTo(plain(r.target()));
            assertThat(line.get("periodsMet").asLong()).isEqualTo(r.periodsMet());
        }
        // records by kind equal a plain count of the month's active records of the station
        Map<String, long[]> counted = new HashMap<>();
        jdbc.sql("SELECT kind, qualification FROM service_record WHERE station_id = ? AND status = 'ACTIVE' "
                        + "AND service_date BETWEEN ? AND ?")
                .params(org.s1.id(), last.atDay(1), end)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list()
                .forEach(x -> counted.computeIfAbsent(x[0], k -> new long[2])["COUNTS".equals(x[1]) ? 0 : 1]++);
        long total = 0;
        for (JsonNode s : content.get("services")) {
            long[] c = counted.get(s.get("kind").asString());
            total += s.get("counted").asLong() + s.get("excluded").asLong();
            assertThat(c).as(s.get("kind").asString()).isNotNull();
        }
        assertThat(total)
                .isEqualTo(counted.values().stream().mapToLong(c -> c[0] + c[1]).sum());
    }

    @Test
    void aRecordChangedAfterSubmissionLeavesTheReportAsItWasAndShowsInChangedSince() throws Exception {
        long project = api.freshProject(org, 2);
        LocalDate month = ChinaTime.thisMonth().minusMonths(1).atDay(1);
        JsonNode r = api.start("demo_head", project, org.s1.id(), "MONTH", month);
        long id = r.get("id").asLong();
        r = api.write("demo_head", id, "本月工作总结。", r.get("version").asLong());
        api.ok(api.step("demo_head", id, "submit", r.get("version").asLong()), 200);
        JsonNode before = api.get("demo_bureau", "/api/v1/reports/" + id + "/content");
        assertThat(api.get("demo_bureau", "/api/v1/reports/" + id + "/changes").size())
                .isZero();

        // a late record in the period (no photo yet, so it does not count)
        Map<String, Object> record = new HashMap<>();
        record.put("orgUnitId", org.s1.id());
        record.put("kind", "NEEDS_SURVEY");
        record.put("title", "补录的需求调查");
        record.put("serviceDate", month.plusDays(9).toString());
        record.put("place", "沙河街道");
        record.put("participantCount", 3);
        record.put("content", "补录");
        api.ok(api.post("demo_worker", "/api/v1/service-records", record), 201);

        JsonNode after = api.get("demo_bureau", "/api/v1/reports/" + id + "/content");
        assertThat(after).isEqualTo(before);
        JsonNode changes = api.get("demo_bureau", "/api/v1/reports/" + id + "/changes");
        assertThat(changes.size()).isPositive();
        boolean shown = false;
        for (JsonNode c : changes) {
            if (c.get("what").asString().equals("服务记录 需求调查")) {
                shown = true;
                assertThat(c.get("now").asString())
                        .isNotEqualTo(c.get("submitted").asString());
            }
        }
        assertThat(shown).as(changes.toString()).isTrue();
    }

    @Test
    void aPeriodThatHasNotEndedCannotBeSubmittedAndTheScheduleBelongsToTheBureau() throws Exception {
        long project = api.freshProject(org, 1);
        LocalDate thisMonth = ChinaTime.thisMonth().atDay(1);
        JsonNode r = api.start("demo_head", project, org.s1.id(), "MONTH", thisMonth);
        r = api.write("demo_head", r.get("id").asLong(), "总结", r.get("version").asLong());
        if (!ChinaTime.today().equals(ChinaTime.thisMonth().atEndOfMonth())) {
            JsonNode refused = api.ok(
                    api.step(
                            "demo_head",
                            r.get("id").asLong(),
                            "submit",
                            r.get("version").asLong()),
                    400);
            assertThat(refused.get("message").asString()).startsWith("本期尚未结束");
        }
        String url = "/api/v1/reports/schedules/" + project;
        assertThat(api.put("demo_head", url, Map.of("kind", "MONTH", "dueDay", 8, "version", 0))
                        .getStatus())
                .isEqualTo(403);
        assertThat(api.ok(api.put("demo_bureau", url, Map.of("kind", "MONTH", "dueDay", 40, "version", 0)), 400)
                        .get("details")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("dueDay");
        JsonNode saved = api.ok(api.put("demo_bureau", url, Map.of("kind", "MONTH", "dueDay", 8, "version", 0)), 200);
        assertThat(saved.get(0).get("dueDay").asInt()).isEqualTo(8);
        assertThat(api.put("demo_bureau", url, Map.of("kind", "MONTH", "dueDay", 9, "version", 0))
                        .getStatus())
                .isEqualTo(409);
        JsonNode list = api.get("demo_head", "/api/v1/reports?projectId=" + project + "&kind=MONTH");
        assertThat(list.get(0).get("dueOn").asString())
                .isEqualTo(ChinaTime.thisMonth().plusMonths(1).atDay(8).toString());
    }

    @Test
    void theDemoProjectHasLastMonthReceivedAtTwoStationsAndNothingFromTheThird() throws Exception {
        long project = api.demoProject().get("id").asLong();
        LocalDate last = ChinaTime.thisMonth().minusMonths(1).atDay(1);
        Map<String, String> status = new HashMap<>();
        for (JsonNode r : api.get("demo_bureau", "/api/v1/reports?projectId=" + project + "&kind=MONTH")) {
            if (r.get("periodStart").asString().equals(last.toString())) {
                status.put(r.get("stationName").asString(), r.get("status").asString());
            }
        }
        assertThat(status)
                .containsEntry(DemoOrg.STATION_1, "RECEIVED")
                .containsEntry(DemoOrg.STATION_2, "RECEIVED")
                .containsEntry(DemoOrg.STATION_3, "NOT_STARTED");
        JsonNode attention = api.get("demo_bureau", "/api/v1/reports/attention");
        boolean thirdOverdue = false;
        for (JsonNode r : attention.get("overdue")) {
            if (r.get("projectId").asLong() == project
                    && r.get("kind").asString().equals("MONTH")) {
                thirdOverdue |= r.get("stationName").asString().equals(DemoOrg.STATION_3);
                assertThat(r.get("stationName").asString()).isEqualTo(DemoOrg.STATION_3);
            }
        }
        assertThat(thirdOverdue).isTrue();
        assertThat(api.get("demo_bureau", "/api/v1/reports/bulletins/quarterly/published?projectId=" + project)
                        .size())
                .isEqualTo(1);
        // a worker of another station sees only their own station's reports
        for (JsonNode r : api.get("demo_worker2", "/api/v1/reports?projectId=" + project)) {
            assertThat(r.get("stationName").asString()).isEqualTo(DemoOrg.STATION_2);
        }
    }

    private static String decimal(JsonNode n) {
        return n == null || n.isNull() ? null : plain(n.decimalValue());
    }

    private static String plain(java.math.BigDecimal b) {
        return b == null ? null : b.stripTrailingZeros().toPlainString();
    }
}
