package cn.sgz.charity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.sgz.SgzTest;
import cn.sgz.catalog.EntityType;
import cn.sgz.org.DemoOrg;
import cn.sgz.org.TestLogin;
import cn.sgz.progress.EntityFactSource;
import cn.sgz.progress.EntityFactSource.AmountFact;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Funds and the co-raised ledger through the API and the pages: amounts are checked with Chinese
 * errors that name the field, a correction is a reversing entry that keeps the history, and the
 * engine's fact source sees funds, projects and co-raised money net of reversals.
 */
@SgzTest
class CharityLedgerApiTest {

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

    EntityFactSource charity() {
        return sources.stream()
                .filter(s -> s.entityTypes().contains(EntityType.CHARITY_FUND))
                .findFirst()
                .orElseThrow();
    }

    JsonNode refused(Object body) throws Exception {
        MockHttpServletResponse r = api.post("demo_worker", "/api/v1/charity/co-raised", body);
        assertThat(r.getStatus())
                .as(r.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(400);
        return api.read(r);
    }

    @Test
    void coRaisedAmountsAreCheckedWithChineseErrorsNamingTheField() throws Exception {
        long fund = api.fund(
                        "demo_worker",
                        org.s1.id(),
                        "校验基金" + TestLogin.unique(),
                        api.today().minusDays(10))
                .get("id")
                .asLong();
        String today = api.today().toString();

        JsonNode zero = refused(Map.of("fundId", fund, "amount", 0, "receivedOn", today, "donor", "张三"));
        assertThat(CharityTestClient.fields(zero)).containsExactly("amount");
        assertThat(zero.get("message").asString()).isEqualTo("共募金额：金额必须大于0元");

        JsonNode negative = refused(Map.of("fundId", fund, "amount", -5, "receivedOn", today, "donor", "张三"));
        assertThat(CharityTestClient.messages(negative)).containsExactly("共募金额：金额必须大于0元");

        JsonNode fen =
                refused(Map.of("fundId", fund, "amount", new BigDecimal("12.345"), "receivedOn", today, "donor", "张三"));
        assertThat(CharityTestClient.messages(fen)).containsExactly("共募金额：金额最多保留两位小数（精确到分）");

        JsonNode huge = refused(
                Map.of("fundId", fund, "amount", new BigDecimal("1000000000000"), "receivedOn", today, "donor", "张三"));
        assertThat(CharityTestClient.messages(huge).get(0)).startsWith("共募金额：金额不能超过");

        // every problem at once, each under its own field
        JsonNode many = refused(Map.of("receivedOn", api.today().plusDays(1).toString()));
        assertThat(CharityTestClient.fields(many)).containsExactlyInAnyOrder("fundId", "receivedOn", "amount", "donor");
        assertThat(CharityTestClient.messages(many))
                .contains("共募金额：请填写金额（元）", "到账日期：不能晚于今天", "所属基金：请选择慈善基金", "资金来源（捐赠方）：请填写资金来源（捐赠方）");

        // a date before the fund existed
        JsonNode early = refused(Map.of(
                "fundId",
                fund,
                "amount",
                10,
                "receivedOn",
                api.today().minusDays(30).toString(),
                "donor",
                "张三"));
        assertThat(CharityTestClient.fields(early)).containsExactly("receivedOn");

        JsonNode ok = api.entry("demo_worker", fund, "1000.5", api.today());
        assertThat(ok.get("amount").decimalValue()).isEqualByComparingTo("1000.50");
        assertThat(ok.get("partnerOrg").asString()).isEqualTo("测试慈善会");

        // the page: text that is not a number is refused beside the field, with status 400
        Cookie session = api.login.login("demo_worker");
        MockHttpServletResponse page = mvc.perform(post("/charity/funds/" + fund + "/co-raised")
                        .cookie(session)
                        .with(csrf())
                        .param("receivedOn", today)
                        .param("amount", "一千")
                        .param("donor", "张三"))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8))
                .contains("共募金额：请填写数字金额，如 1000 或 1000.50")
                .contains("data-field=\"amount\"");
    }

    @Test
    void aCorrectionIsAReversingEntryAndTheHistoryStays() throws Exception {
        long fund = api.fund(
                        "demo_worker",
                        org.s1.id(),
                        "冲正基金" + TestLogin.unique(),
                        api.today().minusDays(20))
                .get("id")
                .asLong();
        JsonNode kept = api.entry("demo_worker", fund, "1000", api.today().minusDays(5));
        JsonNode wrong = api.entry("demo_worker", fund, "500", api.today().minusDays(4));
        assertThat(api.get("demo_worker", "/api/v1/charity/funds/" + fund)
                        .get("coRaised")
                        .decimalValue())
                .isEqualByComparingTo("1500");

        MockHttpServletResponse noReason = api.post(
                "demo_worker", "/api/v1/charity/co-raised/" + wrong.get("id") + "/reverse", Map.of("reason", " "));
        assertThat(noReason.getStatus()).isEqualTo(400);
        assertThat(CharityTestClient.fields(api.read(noReason))).containsExactly("reason");

        JsonNode reversal = api.created(
                "demo_worker", "/api/v1/charity/co-raised/" + wrong.get("id") + "/reverse", Map.of("reason", "金额录入错误"));
        assertThat(reversal.get("amount").decimalValue()).isEqualByComparingTo("-500");
        assertThat(reversal.get("reversesId").asLong())
                .isEqualTo(wrong.get("id").asLong());
        assertThat(reversal.get("reversalReason").asString()).isEqualTo("金额录入错误");

        // all three lines stay on the ledger; the original is marked, not changed
        JsonNode ledger = api.get("demo_worker", "/api/v1/charity/co-raised?fundId=" + fund);
        assertThat(ledger.size()).isEqualTo(3);
        JsonNode original = api.get("demo_worker", "/api/v1/charity/co-raised/" + wrong.get("id"));
        assertThat(original.get("amount").decimalValue()).isEqualByComparingTo("500");
        assertThat(original.get("reversedById").asLong())
                .isEqualTo(reversal.get("id").asLong());
        assertThat(api.get("demo_worker", "/api/v1/charity/funds/" + fund)
                        .get("coRaised")
                        .decimalValue())
                .isEqualByComparingTo("1000");

        // no second reversal, no reversal of a reversal
        assertThat(api.post(
                                "demo_worker",
                                "/api/v1/charity/co-raised/" + wrong.get("id") + "/reverse",
                                Map.of("reason", "再冲一次"))
                        .getStatus())
                .isEqualTo(409);
        assertThat(api.post(
                                "demo_worker",
                                "/api/v1/charity/co-raised/" + reversal.get("id") + "/reverse",
                                Map.of("reason", "冲正冲正"))
                        .getStatus())
                .isEqualTo(409);

        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'CO_RAISED_REVERSE' AND target_id = ?")
                        .param(wrong.get("id").asString())
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .contains("金额录入错误");

        // the engine sees the inflow that stands, and neither the reversed one nor the reversal
        List<AmountFact> facts = charity()
                .amounts(
                        List.of(org.s1.id()),
                        EntityType.CO_RAISED_FUND,
                        api.today().minusDays(10),
                        api.today());
        assertThat(facts)
                .extracting(AmountFact::id)
                .contains(kept.get("id").asLong())
                .doesNotContain(wrong.get("id").asLong(), reversal.get("id").asLong());
        AmountFact fact = facts.stream()
                .filter(f -> f.id() == kept.get("id").asLong())
                .findFirst()
                .orElseThrow();
        assertThat(fact.amount()).isEqualByComparingTo("1000");
        assertThat(fact.stationId()).isEqualTo(org.s1.id());
        assertThat(fact.date()).isEqualTo(api.today().minusDays(5));
    }

    @Test
    void aFundPhotoIsStoredWithTheStationOnItAndAudited() throws Exception {
        long fund = api.fund("demo_worker", org.s1.id(), "照片基金" + TestLogin.unique(), api.today())
                .get("id")
                .asLong();
        byte[] jpeg = cn.sgz.evidence.TestImages.withExif(
                cn.sgz.evidence.TestImages.jpeg(cn.sgz.evidence.TestImages.scene(fund * 7919L), 0.9f),
                api.today().atTime(10, 0),
                null,
                null);
        MockHttpServletResponse r = mvc.perform(multipart("/api/v1/charity/funds/" + fund + "/photos")
                        .file(new MockMultipartFile("file", "agreement.jpg", "image/jpeg", jpeg))
                        .with(api.login.as("demo_worker")))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus())
                .as(r.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(201);
        long photo = json.readTree(r.getContentAsString(StandardCharsets.UTF_8))
                .get("photo")
                .get("id")
                .asLong();
        assertThat(api.get("demo_worker", "/api/v1/charity/funds/" + fund + "/photos")
                        .size())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'CHARITY_PHOTO_ADD' AND target_type = "
                                + "'CHARITY_FUND' AND target_id = ?")
                        .param(String.valueOf(fund))
                        .query(String.class)
                        .list())
                .containsExactly("协议照片 #" + photo);
    }

    @Test
    void factSourceCountsFundsAndProjectsExistingOnTheDay() throws Exception {
        LocalDate today = api.today();
        long before = charity()
                .count(List.of(org.s1.id()), EntityType.CHARITY_FUND, today.minusMonths(3), today)
                .getOrDefault(org.s1.id(), 0L);
        String fundName = "计数基金" + TestLogin.unique();
        long fund =
                api.fund("demo_worker", org.s1.id(), fundName, today).get("id").asLong();
        assertThat(charity().count(List.of(org.s1.id()), EntityType.CHARITY_FUND, today.minusMonths(3), today))
                .containsEntry(org.s1.id(), before + 1);
        // the drill-down behind the figure names what was counted
        assertThat(charity().countedItems(org.s1.id(), EntityType.CHARITY_FUND, today.minusMonths(3), today))
                .hasSize((int) before + 1)
                .contains(today + " " + fundName);
        // not yet established yesterday
        long yesterday = charity()
                .count(List.of(org.s1.id()), EntityType.CHARITY_FUND, today.minusMonths(3), today.minusDays(1))
                .getOrDefault(org.s1.id(), 0L);
        assertThat(charity()
                        .count(List.of(org.s1.id()), EntityType.CHARITY_FUND, today.minusMonths(3), today.minusDays(1))
                        .getOrDefault(org.s1.id(), 0L))
                .isEqualTo(yesterday);
        assertThat(api.post("demo_worker", "/api/v1/charity/funds/" + fund + "/close", Map.of("reason", "测试终止"))
                        .getStatus())
                .isEqualTo(200);
        assertThat(charity()
                        .count(List.of(org.s1.id()), EntityType.CHARITY_FUND, today.minusMonths(3), today)
                        .getOrDefault(org.s1.id(), 0L))
                .isEqualTo(before);

        long projectsBefore = charity()
                .count(List.of(org.s1.id()), EntityType.CHARITY_PROJECT, today.minusMonths(3), today)
                .getOrDefault(org.s1.id(), 0L);
        JsonNode project = api.created(
                "demo_worker",
                "/api/v1/charity/projects",
                Map.of(
                        "stationId",
                        org.s1.id(),
                        "name",
                        "计数项目" + TestLogin.unique(),
                        "goal",
                        "目标",
                        "content",
                        "内容",
                        "budget",
                        3000,
                        "startDate",
                        today.toString()));
        assertThat(project.get("status").asString()).isEqualTo("ONGOING");
        assertThat(charity().count(List.of(org.s1.id()), EntityType.CHARITY_PROJECT, today.minusMonths(3), today))
                .containsEntry(org.s1.id(), projectsBefore + 1);
        Map<String, Object> cancelled = new java.util.HashMap<>(Map.of(
                "stationId",
                org.s1.id(),
                "name",
                "计数项目（终止）",
                "goal",
                "目标",
                "content",
                "内容",
                "startDate",
                today.toString(),
                "status",
                "CANCELLED"));
        MockHttpServletResponse put = api.login.send(
                "demo_worker",
                put("/api/v1/charity/projects/" + project.get("id")),
                json.writeValueAsString(Map.of(
                        "project", cancelled, "version", project.get("version").asLong())));
        assertThat(put.getStatus())
                .as(put.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(charity()
                        .count(List.of(org.s1.id()), EntityType.CHARITY_PROJECT, today.minusMonths(3), today)
                        .getOrDefault(org.s1.id(), 0L))
                .isEqualTo(projectsBefore);
        // a budget with fen beyond two decimals is refused naming the field
        MockHttpServletResponse badBudget = api.post(
                "demo_worker",
                "/api/v1/charity/projects",
                Map.of(
                        "stationId",
                        org.s1.id(),
                        "name",
                        "预算项目",
                        "goal",
                        "目标",
                        "content",
                        "内容",
                        "budget",
                        new BigDecimal("1.001"),
                        "startDate",
                        today.toString()));
        assertThat(badBudget.getStatus()).isEqualTo(400);
        assertThat(CharityTestClient.messages(api.read(badBudget))).containsExactly("项目预算：金额最多保留两位小数（精确到分）");
    }

    @Test
    void aBureauOfficerReadsButCannotWrite() throws Exception {
        assertThat(api.post(
                                "demo_bureau",
                                "/api/v1/charity/funds",
                                Map.of(
                                        "stationId",
                                        org.s1.id(),
                                        "name",
                                        "局基金",
                                        "kind",
                                        "RELIEF_FUND",
                                        "partnerOrg",
                                        "某慈善会",
                                        "establishedOn",
                                        api.today().toString()))
                        .getStatus())
                .isEqualTo(403);
        JsonNode funds = api.get("demo_bureau", "/api/v1/charity/funds");
        assertThat(funds.findValuesAsString("stationName")).contains(DemoOrg.STATION_1, DemoOrg.STATION_2);
    }
}
