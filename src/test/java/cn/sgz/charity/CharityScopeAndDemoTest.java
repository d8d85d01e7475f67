package cn.sgz.charity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.sgz.SgzTest;
import cn.sgz.org.DemoOrg;
import cn.sgz.org.TestLogin;
import cn.sgz.org.XlsxRows;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
 * Scope: a 萨如拉 worker gets 404 for everything of 沙河 through the API and the pages, and exports
 * only their own station. The demo data: 沙河 co-raised above 10,000 yuan, 萨如拉 below, and one of
 * 萨如拉's relief events below 1,000 yuan — which the engine reports on the 扎赉诺尔 catalog's
 * per-relief indicator (Z7.2.2) for a project over the two stations.
 */
@SgzTest
class CharityScopeAndDemoTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    cn.sgz.catalog.CatalogQueries catalogs;

    CharityTestClient api;
    DemoOrg org;

    @BeforeEach
    void setUp() throws Exception {
        api = new CharityTestClient(mvc, json);
        org = DemoOrg.load(api.login);
    }

    JsonNode demoFund(String user) throws Exception {
        for (JsonNode f : api.get(user, "/api/v1/charity/funds")) {
            if (f.get("name").asString().endsWith("基金")
                    && f.get("partnerOrg").asString().startsWith("包头市")) {
                return f;
            }
        }
        throw new AssertionError("no demo fund for " + user);
    }

    @Test
    void aWorkerOfAnotherStationGets404ForEverythingOfStation1() throws Exception {
        JsonNode fund = demoFund("demo_worker");
        long fundId = fund.get("id").asLong();
        long entry = api.get("demo_worker", "/api/v1/charity/co-raised?fundId=" + fundId)
                .get(0)
                .get("id")
                .asLong();
        long relief = api.get("demo_worker", "/api/v1/charity/relief-events?fundId=" + fundId)
                .get(0)
                .get("id")
                .asLong();
        long project = api.get("demo_worker", "/api/v1/charity/projects?stationId=" + org.s1.id())
                .get(0)
                .get("id")
                .asLong();

        for (String url : List.of(
                "/api/v1/charity/funds/" + fundId,
                "/api/v1/charity/funds/" + fundId + "/photos",
                "/api/v1/charity/co-raised/" + entry,
                "/api/v1/charity/relief-events/" + relief,
                "/api/v1/charity/projects/" + project,
                "/api/v1/charity/funds?stationId=" + org.s1.id(),
                "/api/v1/charity/totals?stationId=" + org.s1.id(),
                "/api/v1/charity/totals.xlsx?stationId=" + org.s1.id(),
                "/api/v1/charity/recipients?stationId=" + org.s1.id(),
                "/api/v1/charity/funds/999999999")) {
            assertThat(api.login.send("demo_worker2", get(url), null).getStatus())
                    .as(url)
                    .isEqualTo(404);
        }
        assertThat(api.post("demo_worker2", "/api/v1/charity/co-raised/" + entry + "/reverse", Map.of("reason", "越权冲正"))
                        .getStatus())
                .isEqualTo(404);
        assertThat(api.post(
                                "demo_worker2",
                                "/api/v1/charity/relief-events/" + relief + "/recipients",
                                Map.of("recipientId", 1, "amount", 10))
                        .getStatus())
                .isEqualTo(404);
        MockHttpServletResponse into = api.post(
                "demo_worker2",
                "/api/v1/charity/co-raised",
                Map.of("fundId", fundId, "amount", 10, "receivedOn", api.today().toString(), "donor", "越权"));
        assertThat(into.getStatus()).isEqualTo(400);
        assertThat(CharityTestClient.messages(api.read(into))).containsExactly("所属基金：所选基金不存在或不在您的管辖范围内");

        // lists leave station 1 out
        assertThat(api.get("demo_worker2", "/api/v1/charity/funds").findValuesAsString("stationName"))
                .isNotEmpty()
                .containsOnly(DemoOrg.STATION_2);
        assertThat(api.get("demo_worker2", "/api/v1/charity/relief-events").findValuesAsString("stationName"))
                .isNotEmpty()
                .containsOnly(DemoOrg.STATION_2);

        Cookie s2 = api.login.login("demo_worker2");
        for (String url : List.of(
                "/charity/funds/" + fundId,
                "/charity/relief/" + relief,
                "/charity/projects/" + project,
                "/charity/totals?stationId=" + org.s1.id())) {
            assertThat(mvc.perform(get(url).cookie(s2))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(url)
                    .isEqualTo(404);
        }
        String home = mvc.perform(get("/charity").cookie(s2))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(home)
                .contains(DemoOrg.STATION_2)
                .doesNotContain(fund.get("name").asString());

        // the export of station 2's worker holds station 2 only, and is audited with that worker's name
        MockHttpServletResponse xlsx =
                mvc.perform(get("/charity/totals.xlsx").cookie(s2)).andReturn().getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        List<String> stations = XlsxRows.column(XlsxRows.read(xlsx.getContentAsByteArray()), "社工站");
        assertThat(stations).contains(DemoOrg.STATION_2).doesNotContain(DemoOrg.STATION_1);
        assertThat(jdbc.sql("SELECT target_org_path FROM audit_event WHERE action = 'CHARITY_TOTALS_EXPORT' "
                                + "AND actor = 'demo_worker2' ORDER BY id DESC")
                        .query(String.class)
                        .list()
                        .get(0))
                .isEqualTo(org.s2.path());
    }

    @Test
    void demoLedgersShowBothSidesOfTheStandards() throws Exception {
        JsonNode shahe = demoFund("demo_worker");
        JsonNode saru = demoFund("demo_worker2");
        assertThat(shahe.get("coRaised").decimalValue()).isEqualByComparingTo("13500");
        assertThat(saru.get("coRaised").decimalValue()).isEqualByComparingTo("5800");
        // 沙河's ledger keeps one reversed entry with its reversal
        JsonNode entries = api.get("demo_worker", "/api/v1/charity/co-raised?fundId=" + shahe.get("id"));
        assertThat(entries.findValues("reversalReason").stream()
                        .filter(n -> !n.isNull())
                        .count())
                .isEqualTo(1);
        assertThat(api.get("demo_worker", "/api/v1/charity/funds/" + shahe.get("id") + "/photos")
                        .size())
                .isEqualTo(1);

        JsonNode reliefs = api.get("demo_worker2", "/api/v1/charity/relief-events?fundId=" + saru.get("id"));
        assertThat(reliefs.size()).isEqualTo(3);
        for (JsonNode r : reliefs) {
            assertThat(r.get("counts").asBoolean())
                    .as("demo relief %s counts: %s", r.get("title"), r.get("whyNot"))
                    .isTrue();
        }
        assertThat(reliefs.findValues("total").stream()
                        .map(JsonNode::decimalValue)
                        .toList())
                .anySatisfy(t -> assertThat(t).isEqualByComparingTo("750"));
        JsonNode projects = api.get("demo_worker", "/api/v1/charity/projects?stationId=" + org.s1.id());
        JsonNode project = api.get(
                "demo_worker",
                "/api/v1/charity/projects/" + projects.get(projects.size() - 1).get("id"));
        assertThat(project.get("promotions").get(0).get("counts").asBoolean())
                .as(
                        "demo promotion counts: %s",
                        project.get("promotions").get(0).get("whyNot"))
                .isTrue();

        // the engine, on a project of the 扎赉诺尔 catalog over both stations
        var zhalainuoer = catalogs.latest("zhalainuoer-2026").orElseThrow();
        long catalog = zhalainuoer.id();
        long item = zhalainuoer.content().item("Z8.01").orElseThrow().id();
        long bureau = org.county.id();
        long agency = jdbc.sql("SELECT id FROM agency WHERE name = ?")
                .param(DemoOrg.AGENCY)
                .query(Long.class)
                .single();
        LocalDate start = api.today().minusMonths(5).withDayOfMonth(1);
        JsonNode created = api.created(
                "demo_bureau",
                "/api/v1/projects",
                Map.of(
                        "name",
                        "慈善指标测试项目" + TestLogin.unique(),
                        "bureauId",
                        bureau,
                        "agencyId",
                        agency,
                        "catalogId",
                        catalog,
                        "tier",
                        "STANDARD",
                        "startDate",
                        start.toString(),
                        "endDate",
                        start.plusYears(1).minusDays(1).toString(),
                        "stationIds",
                        List.of(org.s1.id(), org.s2.id()),
                        "optionalItemIds",
                        List.of(item),
                        "minGroupAttendees",
                        6));
        JsonNode compliance = api.get("demo_bureau", "/api/v1/projects/" + created.get("id") + "/compliance");
        JsonNode s1 = station(compliance, org.s1.id());
        JsonNode s2 = station(compliance, org.s2.id());

        assertThat(indicator(s1, "Z7.1.1").get("actual").decimalValue())
                .isGreaterThanOrEqualTo(new BigDecimal("13500"));
        assertThat(indicator(s1, "Z7.1.1").get("status").asString()).isEqualTo("MET");
        assertThat(indicator(s2, "Z7.1.1").get("actual").decimalValue()).isEqualByComparingTo("5800");
        assertThat(indicator(s2, "Z7.1.1").get("status").asString()).isNotEqualTo("MET");
        assertThat(indicator(s1, "Z7.1.2").get("actual").decimalValue()).isGreaterThanOrEqualTo(BigDecimal.ONE);

        JsonNode perRelief = indicator(s2, "Z7.2.2");
        boolean shortfall = false;
        for (JsonNode sub : perRelief.get("subPeriods")) {
            if (sub.get("actual") != null
                    && !sub.get("actual").isNull()
                    && sub.get("actual").decimalValue().compareTo(new BigDecimal("750")) == 0) {
                assertThat(sub.get("status").asString()).isIn("AT_RISK", "MISSED");
                shortfall = true;
            }
        }
        assertThat(shortfall)
                .as("a quarter of 萨如拉 with the 750 yuan relief: %s", perRelief)
                .isTrue();
        assertThat(indicator(s1, "Z7.2.2").get("subPeriods").findValuesAsString("status"))
                .doesNotContain("AT_RISK");
    }

    static JsonNode station(JsonNode compliance, long id) {
        for (JsonNode s : compliance) {
            if (s.get("stationId").asLong() == id) {
                return s;
            }
        }
        throw new AssertionError("no station " + id);
    }

    static JsonNode indicator(JsonNode station, String code) {
        for (JsonNode i : station.get("indicators")) {
            if (code.equals(i.get("code").asString())) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + code);
    }
}
