package cn.sgz.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.SgzTest;
import cn.sgz.org.DemoOrg;
import cn.sgz.shared.ChinaTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The report's other work figures (follow-ups, cases and groups, organisations and volunteers, charity
 * money) equal the owning modules' own figures for the same station and period, and are frozen in the
 * submitted snapshot: a follow-up recorded after submission shows only in "changed since".
 */
@SgzTest
class ReportWorkFiguresTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

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
    void workFiguresEqualTheOwningModulesFigures() throws Exception {
        long project = api.demoProject().get("id").asLong();
        long positive = 0;
        for (long station : new long[] {org.s1.id(), org.s2.id()}) {
            // the demo project's months so far (it starts two months back; this month runs to today)
            for (int back = 0; back <= 2; back++) {
                LocalDate from = ChinaTime.thisMonth().minusMonths(back).atDay(1);
                JsonNode content = api.get(
                        "demo_bureau",
                        "/api/v1/reports/preview?projectId=" + project + "&stationId=" + station
                                + "&kind=MONTH&periodStart=" + from);
                LocalDate to = LocalDate.parse(content.get("asOf").asString());
                JsonNode w = content.get("work");
                assertThat(w.isObject()).as(content.toString()).isTrue();
                String at = station + " " + from;

                // charity: the charity module's totals page for that station and month
                JsonNode totals = api.get(
                        "demo_bureau",
                        "/api/v1/charity/totals?stationId=" + station + "&granularity=MONTH&from=" + from + "&to="
                                + to);
                BigDecimal in = BigDecimal.ZERO;
                BigDecimal out = BigDecimal.ZERO;
                for (JsonNode r : totals.get("rows")) {
                    in = in.add(r.get("coRaised").decimalValue());
                    out = out.add(r.get("reliefPaid").decimalValue());
                }
                assertThat(w.get("charityIn").decimalValue()).as(at).isEqualByComparingTo(in);
                assertThat(w.get("charityOut").decimalValue()).as(at).isEqualByComparingTo(out);

                // follow-ups, cases, groups, organisations, volunteers: the owning tables counted plainly
                assertThat(w.get("followUpRecords").asLong())
                        .as(at)
                        .isEqualTo(count(
                                "SELECT COUNT(*) FROM followup_record WHERE station_id = ? AND followed_on BETWEEN ? AND ?",
                                station,
                                from,
                                to));
                assertThat(w.get("followUpVisits").asLong()
                                + w.get("followUpCalls").asLong())
                        .isEqualTo(w.get("followUpRecords").asLong());
                assertThat(w.get("followUpsDone").asLong())
                        .isLessThanOrEqualTo(w.get("followUpsDue").asLong());
                assertThat(w.get("casesOpened").asLong())
                        .as(at)
                        .isEqualTo(count(
                                "SELECT COUNT(*) FROM cw_case WHERE station_id = ? AND opened_on BETWEEN ? AND ?",
                                station,
                                from,
                                to));
                assertThat(w.get("casesClosed").asLong())
                        .as(at)
                        .isEqualTo(count(
                                "SELECT COUNT(*) FROM cw_case WHERE station_id = ? AND stage = 'CLOSED' "
                                        + "AND closed_on BETWEEN ? AND ?",
                                station,
                                from,
                                to));
                assertThat(w.get("groupsOpened").asLong())
                        .as(at)
                        .isEqualTo(count(
                                "SELECT COUNT(*) FROM cw_group WHERE station_id = ? AND kind = 'GROUP' "
                                        + "AND opened_on BETWEEN ? AND ?",
                                station,
                                from,
                                to));
                assertThat(w.get("organisations").asLong())
                        .as(at)
                        .isEqualTo(count(
                                "SELECT COUNT(*) FROM community_org WHERE station_id = ? AND founded_on <= ? "
                                        + "AND (dissolved_on IS NULL OR dissolved_on > ?)",
                                station,
                                to,
                                to));
                assertThat(w.get("volunteers").asLong())
                        .as(at)
                        .isEqualTo(count(
                                "SELECT COUNT(*) FROM volunteer WHERE station_id = ? AND joined_on <= ? "
                                        + "AND (left_on IS NULL OR left_on > ?)",
                                station,
                                to,
                                to));
                BigDecimal hours = jdbc.sql("SELECT COALESCE(SUM(s.hours), 0) FROM volunteer_service s "
                                + "JOIN service_record r ON r.id = s.record_id WHERE s.station_id = ? "
                                + "AND r.status = 'ACTIVE' AND r.service_date BETWEEN ? AND ?")
                        .params(station, from, to)
                        .query(BigDecimal.class)
                        .single();
                assertThat(w.get("volunteerHours").decimalValue()).as(at).isEqualByComparingTo(hours);
                assertThat(content.get("peopleServed").asLong())
                        .isGreaterThanOrEqualTo(content.get("peopleNew").asLong());
                for (String f : new String[] {
                    "followUpRecords", "casesOpened", "organisations", "volunteers", "charityIn", "volunteerHours"
                }) {
                    positive += w.get(f).decimalValue().signum() > 0 ? 1 : 0;
                }
            }
        }
        // the demo data has follow-ups, cases, organisations, volunteers and money in these months
        assertThat(positive).isGreaterThanOrEqualTo(4);
    }

    @Test
    void workFiguresAreFrozenOnSubmissionAndALaterFollowUpShowsInChangedSince() throws Exception {
        long project = api.freshProject(org, 2);
        LocalDate month = ChinaTime.thisMonth().minusMonths(1).atDay(1);
        JsonNode r = api.start("demo_head", project, org.s1.id(), "MONTH", month);
        long id = r.get("id").asLong();
        r = api.write("demo_head", id, "本月工作总结。", r.get("version").asLong());
        api.ok(api.step("demo_head", id, "submit", r.get("version").asLong()), 200);
        JsonNode before = api.get("demo_bureau", "/api/v1/reports/" + id + "/content");
        long recordsBefore = before.get("work").get("followUpRecords").asLong();

        // a follow-up dated in the period, recorded after submission
        Long recipient = jdbc.sql("SELECT id FROM recipient WHERE station_id = ? AND status = 'ACTIVE' "
                        + "AND merged_into_id IS NULL ORDER BY id")
                .param(org.s1.id())
                .query(Long.class)
                .list()
                .get(0);
        Map<String, Object> body = new HashMap<>();
        body.put("method", "PHONE");
        body.put("followedOn", month.plusDays(12).toString());
        body.put("findings", "补录的电话回访");
        api.ok(api.post("demo_worker", "/api/v1/recipients/" + recipient + "/followups", body), 201);

        JsonNode after = api.get("demo_bureau", "/api/v1/reports/" + id + "/content");
        assertThat(after).isEqualTo(before);
        JsonNode preview = api.get(
                "demo_bureau",
                "/api/v1/reports/preview?projectId=" + project + "&stationId=" + org.s1.id()
                        + "&kind=MONTH&periodStart=" + month);
        assertThat(preview.get("work").get("followUpRecords").asLong()).isEqualTo(recordsBefore + 1);
        boolean shown = false;
        for (JsonNode c : api.get("demo_bureau", "/api/v1/reports/" + id + "/changes")) {
            if (c.get("what").asString().equals("跟踪回访 本期回访记录（次）")) {
                shown = true;
                assertThat(c.get("submitted").asString()).isEqualTo(String.valueOf(recordsBefore));
                assertThat(c.get("now").asString()).isEqualTo(String.valueOf(recordsBefore + 1));
            }
        }
        assertThat(shown).isTrue();

        // the report page shows the frozen section
        var session = api.login.login("demo_bureau");
        String page = mvc.perform(MockMvcRequestBuilders.get("/reports/" + id).cookie(session))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("其他工作情况（提交时）").contains("跟踪回访按期完成率");
        assertThat(page).contains("项目经费").contains("待民政局审核支出（元）");
        assertThat(before.get("work").get("money").isObject()).isTrue();
    }

    @Test
    void projectMoneyEqualsTheFinanceModulesFigures() throws Exception {
        long project = api.demoProject().get("id").asLong();
        JsonNode budget = api.get("demo_bureau", "/api/v1/budgets/" + project);
        JsonNode contract = api.get("demo_bureau", "/api/v1/payments/contracts/" + project);
        BigDecimal spentSeen = BigDecimal.ZERO;
        BigDecimal pendingSeen = BigDecimal.ZERO;
        BigDecimal refusedSeen = BigDecimal.ZERO;
        BigDecimal paidSeen = BigDecimal.ZERO;
        for (long station : new long[] {org.s1.id(), org.s2.id(), org.s3.id()}) {
            BigDecimal stationBudget = BigDecimal.ZERO;
            for (JsonNode s : budget.get("stations")) {
                if (s.get("stationId").asLong() == station) {
                    stationBudget = s.get("total").decimalValue();
                }
            }
            for (int back = 0; back <= 2; back++) {
                LocalDate from = ChinaTime.thisMonth().minusMonths(back).atDay(1);
                JsonNode content = api.get(
                        "demo_bureau",
                        "/api/v1/reports/preview?projectId=" + project + "&stationId=" + station
                                + "&kind=MONTH&periodStart=" + from);
                LocalDate to = LocalDate.parse(content.get("asOf").asString());
                JsonNode m = content.get("work").get("money");
                assertThat(m.isObject()).as(content.toString()).isTrue();
                String at = station + " " + from;

                // the finance module's own expense list for the station, by period and up to its end
                BigDecimal spent = BigDecimal.ZERO;
                BigDecimal pending = BigDecimal.ZERO;
                BigDecimal refused = BigDecimal.ZERO;
                long flagged = 0;
                for (JsonNode e : api.get(
                        "demo_bureau",
                        "/api/v1/expenses?projectId=" + project + "&stationId=" + station + "&from=" + from + "&to="
                                + to)) {
                    if (!e.get("reversesId").isNull() || !e.get("reversedById").isNull()) {
                        continue;
                    }
                    String review = e.get("reviewStatus").asString();
                    BigDecimal amount = e.get("amount").decimalValue();
                    switch (review) {
                        case "NONE", "APPROVED" -> spent = spent.add(amount);
                        case "PENDING" -> pending = pending.add(amount);
                        case "REFUSED" -> refused = refused.add(amount);
                        default -> {}
                    }
                    flagged += e.get("flags").isEmpty() ? 0 : 1;
                }
                BigDecimal toDate = BigDecimal.ZERO;
                for (JsonNode e : api.get(
                        "demo_bureau",
                        "/api/v1/expenses?projectId=" + project + "&stationId=" + station + "&to=" + to)) {
                    String review = e.get("reviewStatus").asString();
                    if (e.get("reversesId").isNull()
                            && e.get("reversedById").isNull()
                            && (review.equals("NONE") || review.equals("APPROVED"))) {
                        toDate = toDate.add(e.get("amount").decimalValue());
                    }
                }
                BigDecimal paid = BigDecimal.ZERO;
                for (JsonNode p : contract.get("payments")) {
                    if (p.get("status").asString().equals("PAID")) {
                        LocalDate on = LocalDate.parse(p.get("paidOn").asString());
                        if (!on.isBefore(from) && !on.isAfter(to)) {
                            paid = paid.add(p.get("amount").decimalValue());
                        }
                    }
                }
                assertThat(m.get("budget").decimalValue()).as(at).isEqualByComparingTo(stationBudget);
                assertThat(m.get("spent").decimalValue()).as(at).isEqualByComparingTo(spent);
                assertThat(m.get("spentToDate").decimalValue()).as(at).isEqualByComparingTo(toDate);
                assertThat(m.get("pending").decimalValue()).as(at).isEqualByComparingTo(pending);
                assertThat(m.get("refused").decimalValue()).as(at).isEqualByComparingTo(refused);
                assertThat(m.get("flagged").asLong()).as(at).isEqualTo(flagged);
                assertThat(m.get("paymentsReceived").decimalValue()).as(at).isEqualByComparingTo(paid);
                spentSeen = spentSeen.add(spent);
                pendingSeen = pendingSeen.add(pending);
                refusedSeen = refusedSeen.add(refused);
                paidSeen = paidSeen.add(paid);
            }
        }
        // the demo data has spending, a flagged purchase awaiting the bureau, a refused one and a payment
        assertThat(spentSeen.signum()).isPositive();
        assertThat(pendingSeen.signum()).isPositive();
        assertThat(refusedSeen.signum()).isPositive();
        assertThat(paidSeen.signum()).isPositive();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
