package cn.sgz.charity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.sgz.SgzTest;
import cn.sgz.catalog.EntityType;
import cn.sgz.org.DemoOrg;
import cn.sgz.org.TestLogin;
import cn.sgz.org.XlsxRows;
import cn.sgz.progress.EntityFactSource;
import cn.sgz.progress.EntityFactSource.AmountFact;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Relief events and totals: the event's total is the sum of the per-person amounts and counts toward
 * the indicators only once its service record counts; the totals per month, quarter and year add up
 * to the same figures, follow a new entry exactly, and the export says the same.
 */
@SgzTest
class ReliefApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<EntityFactSource> sources;

    CharityTestClient api;
    DemoOrg org;

    @BeforeEach
    void setUp() throws Exception {
        api = new CharityTestClient(mvc, json);
        org = DemoOrg.load(api.login);
    }

    List<AmountFact> reliefFacts(long station) {
        EntityFactSource source = sources.stream()
                .filter(s -> s.entityTypes().contains(EntityType.RELIEF_EVENT))
                .findFirst()
                .orElseThrow();
        return source.amounts(
                List.of(station), EntityType.RELIEF_EVENT, api.today().minusDays(1), api.today());
    }

    @Test
    void reliefTotalIsTheSumOfAmountsAndCountsOnlyWhenItsRecordCounts() throws Exception {
        long fund = api.fund(
                        "demo_worker",
                        org.s1.id(),
                        "救助基金" + TestLogin.unique(),
                        api.today().minusDays(30))
                .get("id")
                .asLong();
        api.entry("demo_worker", fund, "5000", api.today().minusDays(2));
        List<Long> people = api.people("demo_worker", org.s1.id());
        assertThat(people).hasSizeGreaterThanOrEqualTo(3);

        // a line with a bad amount is refused, naming the person's line
        MockHttpServletResponse bad = api.post(
                "demo_worker",
                "/api/v1/charity/relief-events",
                Map.of(
                        "fundId",
                        fund,
                        "serviceDate",
                        api.today().toString(),
                        "plan",
                        "测试计划",
                        "recipients",
                        List.of(Map.of("recipientId", people.get(0), "amount", 0))));
        assertThat(bad.getStatus()).isEqualTo(400);
        JsonNode error = api.read(bad);
        assertThat(CharityTestClient.fields(error)).containsExactly("recipients[0].amount");
        assertThat(CharityTestClient.messages(error).get(0)).startsWith("救助金额（").endsWith("）：金额必须大于0元");

        JsonNode relief = api.created(
                "demo_worker",
                "/api/v1/charity/relief-events",
                Map.of(
                        "fundId",
                        fund,
                        "serviceDate",
                        api.today().toString(),
                        "title",
                        "测试救助" + TestLogin.unique(),
                        "plan",
                        "两户困难家庭救助",
                        "recipients",
                        List.of(
                                Map.of("recipientId", people.get(0), "amount", 600),
                                Map.of(
                                        "recipientId",
                                        people.get(1),
                                        "amount",
                                        new BigDecimal("450.5"),
                                        "goods",
                                        "米一袋"))));
        long id = relief.get("id").asLong();
        long record = relief.get("recordId").asLong();
        assertThat(relief.get("total").decimalValue()).isEqualByComparingTo("1050.50");
        assertThat(relief.get("recipientCount").asInt()).isEqualTo(2);
        assertThat(relief.get("counts").asBoolean()).isFalse();
        assertThat(relief.get("whyNot").toString()).contains("没有现场照片");
        assertThat(reliefFacts(org.s1.id())).extracting(AmountFact::id).doesNotContain(id);

        // the record is a CHARITY_RELIEF distribution serving the two people
        JsonNode rec = api.get("demo_worker", "/api/v1/service-records/" + record);
        assertThat(rec.get("record").get("kind").asString()).isEqualTo("CHARITY_RELIEF");
        assertThat(rec.get("record").get("distributesGoods").asBoolean()).isTrue();
        assertThat(rec.get("record").get("participants").findValuesAsString("name"))
                .hasSize(2);

        // a photo is not enough: goods were handed out, so receipts are required
        api.photo("demo_worker", record);
        JsonNode withPhoto = api.get("demo_worker", "/api/v1/charity/relief-events/" + id);
        assertThat(withPhoto.get("counts").asBoolean()).isFalse();
        assertThat(withPhoto.get("whyNot").toString()).contains("领取单据");
        // the page says why
        String page = mvc.perform(get("/charity/relief/" + id).cookie(api.login.login("demo_worker")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("暂不计入指标").contains("发放物品缺少领取单据").contains("1,050.50");

        long line = withPhoto.get("lines").get(0).get("id").asLong();
        JsonNode received = api.created(
                "demo_worker",
                "/api/v1/charity/relief-events/" + id + "/recipients/" + line + "/receipt",
                Map.of("phone", "13904721111"));
        assertThat(received.get("lines").get(0).get("receiptId").isNull()).isFalse();
        // one receipt does not cover two people: each signs for what they received
        assertThat(received.get("counts").asBoolean()).isFalse();
        assertThat(received.get("whyNot").toString()).contains("没有领取记录");
        long second = withPhoto.get("lines").get(1).get("id").asLong();
        JsonNode both = api.created(
                "demo_worker",
                "/api/v1/charity/relief-events/" + id + "/recipients/" + second + "/receipt",
                Map.of("phone", "13904722222"));
        assertThat(both.get("counts").asBoolean()).isTrue();
        assertThat(api.post(
                                "demo_worker",
                                "/api/v1/charity/relief-events/" + id + "/recipients/" + line + "/receipt",
                                Map.of())
                        .getStatus())
                .isEqualTo(409);

        AmountFact fact = reliefFacts(org.s1.id()).stream()
                .filter(f -> f.id() == id)
                .findFirst()
                .orElseThrow();
        assertThat(fact.amount()).isEqualByComparingTo("1050.50");
        assertThat(fact.date()).isEqualTo(api.today());

        // a third person: the total follows, and so does the record's list of people
        JsonNode three = api.created(
                "demo_worker",
                "/api/v1/charity/relief-events/" + id + "/recipients",
                Map.of("recipientId", people.get(2), "amount", 100));
        assertThat(three.get("total").decimalValue()).isEqualByComparingTo("1150.50");
        assertThat(api.get("demo_worker", "/api/v1/service-records/" + record)
                        .get("record")
                        .get("participants")
                        .size())
                .isEqualTo(3);
        assertThat(api.post(
                                "demo_worker",
                                "/api/v1/charity/relief-events/" + id + "/recipients",
                                Map.of("recipientId", people.get(2), "amount", 100))
                        .getStatus())
                .isEqualTo(400);
        JsonNode fundView = api.get("demo_worker", "/api/v1/charity/funds/" + fund);
        assertThat(fundView.get("reliefPaid").decimalValue()).isEqualByComparingTo("1150.50");
        assertThat(fundView.get("balance").decimalValue()).isEqualByComparingTo("3849.50");

        // voiding the record takes the relief out of the indicators and out of the fund's spending
        long version = api.get("demo_worker", "/api/v1/service-records/" + record)
                .get("record")
                .get("version")
                .asLong();
        MockHttpServletResponse voided = api.post(
                "demo_worker",
                "/api/v1/service-records/" + record + "/void",
                Map.of("reason", "重复登记", "version", version));
        assertThat(voided.getStatus())
                .as(voided.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(reliefFacts(org.s1.id())).extracting(AmountFact::id).doesNotContain(id);
        assertThat(api.get("demo_worker", "/api/v1/charity/funds/" + fund)
                        .get("reliefPaid")
                        .decimalValue())
                .isEqualByComparingTo("0");
        assertThat(api.get("demo_worker", "/api/v1/charity/relief-events/" + id)
                        .get("voided")
                        .asBoolean())
                .isTrue();
        assertThat(api.post(
                                "demo_worker",
                                "/api/v1/charity/relief-events/" + id + "/recipients",
                                Map.of("recipientId", people.get(0), "amount", 1))
                        .getStatus())
                .isEqualTo(409);
    }

    @Test
    void editingTheRecordDateMovesTheRelief() throws Exception {
        long fund = api.fund(
                        "demo_worker",
                        org.s1.id(),
                        "改期基金" + TestLogin.unique(),
                        api.today().minusDays(30))
                .get("id")
                .asLong();
        long person = api.people("demo_worker", org.s1.id()).get(0);
        JsonNode relief = api.created(
                "demo_worker",
                "/api/v1/charity/relief-events",
                Map.of(
                        "fundId",
                        fund,
                        "serviceDate",
                        api.today().toString(),
                        "plan",
                        "计划",
                        "recipients",
                        List.of(Map.of("recipientId", person, "amount", 100))));
        long record = relief.get("recordId").asLong();
        JsonNode rec =
                api.get("demo_worker", "/api/v1/service-records/" + record).get("record");
        Map<String, Object> form = new java.util.HashMap<>(Map.of(
                "orgUnitId",
                rec.get("orgUnitId").asLong(),
                "kind",
                "CHARITY_RELIEF",
                "title",
                rec.get("title").asString(),
                "serviceDate",
                api.today().minusDays(3).toString(),
                "distributesGoods",
                true,
                "participants",
                List.of(Map.of("recipientId", person))));
        MockHttpServletResponse r = api.login.send(
                "demo_worker",
                put("/api/v1/service-records/" + record),
                json.writeValueAsString(
                        Map.of("record", form, "version", rec.get("version").asLong())));
        assertThat(r.getStatus())
                .as(r.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
        JsonNode moved = api.get(
                "demo_worker",
                "/api/v1/charity/relief-events?fundId=" + fund + "&from="
                        + api.today().minusDays(3) + "&to=" + api.today().minusDays(3));
        assertThat(moved.findValuesAsString("serviceDate"))
                .containsExactly(api.today().minusDays(3).toString());
    }

    @Test
    void totalsPerPeriodAddUpAndFollowANewEntry() throws Exception {
        String base = "/api/v1/charity/totals?stationId=" + org.s1.id();
        JsonNode before = api.get("demo_worker", base + "&granularity=MONTH");
        String period = before.get("granularity").asString();
        assertThat(period).isEqualTo("MONTH");
        long fund = api.fund(
                        "demo_worker",
                        org.s1.id(),
                        "汇总基金" + TestLogin.unique(),
                        api.today().minusDays(1))
                .get("id")
                .asLong();
        api.entry("demo_worker", fund, "321.45", api.today());
        JsonNode after = api.get("demo_worker", base + "&granularity=MONTH");
        BigDecimal was = lastRow(before).get("coRaised").decimalValue();
        assertThat(lastRow(after).get("coRaised").decimalValue())
                .isEqualByComparingTo(was.add(new BigDecimal("321.45")));

        // month, quarter and year cut the same money; per fund adds up to per station
        BigDecimal months = sum(after.get("rows"), "coRaised");
        BigDecimal quarters =
                sum(api.get("demo_worker", base + "&granularity=QUARTER").get("rows"), "coRaised");
        BigDecimal years =
                sum(api.get("demo_worker", base + "&granularity=YEAR").get("rows"), "coRaised");
        BigDecimal byFund = sum(
                api.get("demo_worker", base + "&granularity=QUARTER&by=FUND").get("rows"), "coRaised");
        assertThat(quarters).isEqualByComparingTo(months);
        assertThat(years).isEqualByComparingTo(months);
        assertThat(byFund).isEqualByComparingTo(months);
        assertThat(sum(after.get("periods"), "coRaised")).isEqualByComparingTo(months);

        // and they agree with the ledgers: inflows that stand, relief whose record is not voided
        String from = after.get("from").asString();
        String to = after.get("to").asString();
        BigDecimal ledger = BigDecimal.ZERO;
        for (JsonNode e : api.get(
                "demo_worker", "/api/v1/charity/co-raised?stationId=" + org.s1.id() + "&from=" + from + "&to=" + to)) {
            if (e.get("reversesId").isNull() && e.get("reversedById").isNull()) {
                ledger = ledger.add(e.get("amount").decimalValue());
            }
        }
        assertThat(months).isEqualByComparingTo(ledger);
        BigDecimal paid = BigDecimal.ZERO;
        int events = 0;
        for (JsonNode r : api.get(
                "demo_worker",
                "/api/v1/charity/relief-events?stationId=" + org.s1.id() + "&from=" + from + "&to=" + to)) {
            if (!r.get("voided").asBoolean()) {
                paid = paid.add(r.get("total").decimalValue());
                events++;
            }
        }
        assertThat(sum(after.get("rows"), "reliefPaid")).isEqualByComparingTo(paid);
        int counted = 0;
        for (JsonNode row : after.get("rows")) {
            counted += row.get("reliefEvents").asInt();
        }
        assertThat(counted).isEqualTo(events);
    }

    @Test
    void exportIsTheSameFiguresAndAudited() throws Exception {
        long audits = jdbc.sql(
                        "SELECT COUNT(*) FROM audit_event WHERE action = 'CHARITY_TOTALS_EXPORT' AND actor = 'demo_worker'")
                .query(Long.class)
                .single();
        JsonNode totals = api.get("demo_worker", "/api/v1/charity/totals?granularity=QUARTER");
        MockHttpServletResponse r = mvc.perform(
                        get("/charity/totals.xlsx?granularity=QUARTER").cookie(api.login.login("demo_worker")))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).contains("spreadsheetml");
        List<List<String>> rows = XlsxRows.read(r.getContentAsByteArray());
        assertThat(rows.get(0))
                .containsExactly("期间", "社工站", "基金", "共募资金（元）", "救助支出（元）", "救助次数", "计入指标的救助次数", "推介活动（计入）");
        List<String> stations = XlsxRows.column(rows, "社工站");
        assertThat(stations).contains(DemoOrg.STATION_1, "合计").doesNotContain(DemoOrg.STATION_2);
        List<String> raised = XlsxRows.column(rows, "共募资金（元）");
        BigDecimal stationRows = BigDecimal.ZERO;
        BigDecimal sumRows = BigDecimal.ZERO;
        for (int i = 0; i < stations.size(); i++) {
            if (stations.get(i).equals("合计")) {
                sumRows = sumRows.add(new BigDecimal(raised.get(i)));
            } else {
                stationRows = stationRows.add(new BigDecimal(raised.get(i)));
            }
        }
        assertThat(stationRows).isEqualByComparingTo(sumRows).isEqualByComparingTo(sum(totals.get("rows"), "coRaised"));
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'CHARITY_TOTALS_EXPORT' AND actor = 'demo_worker'")
                        .query(Long.class)
                        .single())
                .isEqualTo(audits + 1);

        // the API download too
        MockHttpServletResponse apiDownload =
                api.login.send("demo_worker", get("/api/v1/charity/totals.xlsx?by=FUND"), null);
        assertThat(apiDownload.getStatus()).isEqualTo(200);
        assertThat(XlsxRows.column(XlsxRows.read(apiDownload.getContentAsByteArray()), "基金"))
                .contains("沙河街道社区慈善救助基金");
    }

    static JsonNode lastRow(JsonNode totals) {
        List<JsonNode> rows = new ArrayList<>();
        totals.get("rows").forEach(rows::add);
        return rows.get(rows.size() - 1);
    }

    static BigDecimal sum(JsonNode rows, String field) {
        BigDecimal s = BigDecimal.ZERO;
        for (JsonNode r : rows) {
            s = s.add(r.get(field).decimalValue());
        }
        return s;
    }
}
