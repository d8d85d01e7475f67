package cn.sgz.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.sgz.SgzTest;
import cn.sgz.org.DemoOrg;
import cn.sgz.org.DemoUsers;
import cn.sgz.org.TestLogin;
import cn.sgz.shared.ChinaTime;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Project money through the API: the demo data shows every feature; bad input is refused with Chinese errors
 * naming the field and nothing is saved; a closed project takes no expenses (409); stale versions answer
 * 409; the bureau alone approves or refuses flagged expenses; other roles and another county's bureau see
 * what they may (404 outside the scope); execution totals add up across category, station and month; the
 * Excel export has numeric cells that add up too.
 */
@SgzTest
class FinanceApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BudgetExecution budgetExecution;

    @Autowired
    DemoUsers demoUsers;

    TestLogin login;
    DemoOrg org;
    long demoProject;

    @BeforeEach
    void setUp() throws Exception {
        login = new TestLogin(mvc);
        org = DemoOrg.load(login);
        demoProject = jdbc.sql("SELECT MIN(id) FROM project").query(Long.class).single();
    }

    // ---- helpers --------------------------------------------------------------------------------

    JsonNode get200(String user, String url) throws Exception {
        return json.readTree(login.getJson(user, url, 200));
    }

    MockHttpServletResponse send(
            String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r, Object body)
            throws Exception {
        return login.send(user, r, body == null ? null : json.writeValueAsString(body));
    }

    JsonNode ok(MockHttpServletResponse r, int status) throws Exception {
        String text = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus()).as(text).isEqualTo(status);
        return json.readTree(text);
    }

    static List<String> fields(JsonNode error) {
        List<String> out = new ArrayList<>();
        error.get("details").forEach(d -> out.add(d.get("field").asString()));
        return out;
    }

    static Map<String, Object> expense(long project, long station, LocalDate on, String category, String amount) {
        Map<String, Object> m = new HashMap<>();
        m.put("projectId", project);
        m.put("stationId", station);
        m.put("spentOn", on.toString());
        m.put("category", category);
        m.put("payee", "测试收款方");
        m.put("amount", new BigDecimal(amount));
        m.put("purpose", "测试用途");
        return m;
    }

    /** A project of its own (a copy of the demo project's contract terms) with a contract and 沙河's budget. */
    long freshProject() throws Exception {
        String name = "经费测试项目" + TestLogin.unique();
        jdbc.sql("""
                INSERT INTO project (name, bureau_id, agency_id, catalog_id, tier_code, start_date, end_date, photo_required,
                  max_distance_m, capture_grace_days, min_group_attendees, sign_in_required_indoor, receipts_required,
                  created_at, created_by, version)
                SELECT ?, bureau_id, agency_id, catalog_id, tier_code, start_date, end_date, photo_required, max_distance_m,
                  capture_grace_days, min_group_attendees, sign_in_required_indoor, receipts_required, created_at,
                  created_by, 0 FROM project WHERE id = ?""").params(name, demoProject).update();
        long id = jdbc.sql("SELECT id FROM project WHERE name = ?")
                .param(name)
                .query(Long.class)
                .single();
        jdbc.sql(
                        "INSERT INTO project_station (project_id, station_id) SELECT ?, station_id FROM project_station WHERE project_id = ?")
                .params(id, demoProject)
                .update();
        ok(
                send(
                        "demo_bureau",
                        put("/api/v1/payments/contracts/" + id),
                        Map.of(
                                "totalAmount", new BigDecimal("100000"),
                                "fundingSources", List.of("福彩公益金"),
                                "payments",
                                        List.of(
                                                Map.of("label", "预付款", "amount", 50000, "condition", "CONTRACT_SIGNED"),
                                                Map.of(
                                                        "label",
                                                        "尾款",
                                                        "amount",
                                                        50000,
                                                        "condition",
                                                        "ACCEPTANCE_PASSED")))),
                200);
        ok(
                send(
                        "demo_agency",
                        put("/api/v1/budgets/" + id + "/stations/" + org.s1.id()),
                        Map.of(
                                "lines",
                                List.of(
                                        Map.of("category", "活动经费", "amount", 1000),
                                        Map.of("category", "交通", "amount", 500),
                                        Map.of("category", "办公", "amount", 2000)))),
                200);
        ok(
                send(
                        "demo_bureau",
                        put("/api/v1/budgets/" + id + "/stations/" + org.s2.id()),
                        Map.of("lines", List.of(Map.of("category", "活动经费", "amount", 3000)))),
                200);
        return id;
    }

    long expenseCount() {
        return jdbc.sql("SELECT COUNT(*) FROM finance_expense")
                .query(Long.class)
                .single();
    }

    // ---- tests ----------------------------------------------------------------------------------

    @Test
    void theDemoProjectShowsContractBudgetAndThreeMonthsOfExpensesWithAFlaggedAndARefusedOne() throws Exception {
        JsonNode contract = get200("demo_evaluator", "/api/v1/payments/contracts/" + demoProject);
        assertThat(contract.get("totalAmount").decimalValue()).isEqualByComparingTo("200000");
        assertThat(contract.get("fundingSources").toString()).contains("福彩公益金");
        JsonNode payments = contract.get("payments");
        assertThat(payments.size()).isEqualTo(3);
        assertThat(payments.get(0).get("status").asString()).isEqualTo("PAID");
        assertThat(payments.get(1).get("status").asString()).isEqualTo("PLANNED");
        assertThat(payments.get(1).get("condition").asString()).isEqualTo("MIDTERM_PASSED");

        JsonNode budget = get200("demo_bureau", "/api/v1/budgets/" + demoProject);
        assertThat(budget.get("stations").size()).isEqualTo(3);
        assertThat(budget.get("total").decimalValue()).isPositive();

        JsonNode list = get200("demo_bureau", "/api/v1/expenses?projectId=" + demoProject);
        List<String> months = new ArrayList<>();
        JsonNode grainOil = null;
        JsonNode fuel = null;
        boolean reversal = false;
        for (JsonNode e : list) {
            String month = e.get("spentOn").asString().substring(0, 7);
            if (!months.contains(month)) {
                months.add(month);
            }
            String flags = e.get("flags").toString();
            if (flags.contains("米面油")) {
                grainOil = e;
            }
            if (flags.contains("燃油费")) {
                fuel = e;
            }
            reversal |= !e.get("reversesId").isNull();
        }
        assertThat(months).hasSizeGreaterThanOrEqualTo(3);
        assertThat(reversal).isTrue();
        assertThat(grainOil).isNotNull();
        assertThat(grainOil.get("reviewStatus").asString()).isEqualTo("PENDING");
        assertThat(fuel).isNotNull();
        assertThat(fuel.get("reviewStatus").asString()).isEqualTo("REFUSED");
        assertThat(fuel.get("reviewReason").asString()).isNotBlank();
        assertThat(get200(
                                "demo_bureau",
                                "/api/v1/expenses/" + grainOil.get("id").asLong() + "/photos")
                        .size())
                .isEqualTo(1);
        // 沙河's publicity is near its budget: a warning
        JsonNode ex = get200("demo_bureau", "/api/v1/budgets/" + demoProject + "/execution");
        assertThat(ex.get("warnings").toString()).contains("沙河街道社工站「宣传」");
        // the bureau's work list has the 米面油 purchase
        assertThat(get200("demo_bureau", "/api/v1/expenses/pending").toString()).contains("食用油");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSaved() throws Exception {
        long p = freshProject();
        LocalDate today = ChinaTime.today();
        long before = expenseCount();
        record Case(String field, Map<String, Object> body) {}
        List<Case> cases = new ArrayList<>();
        Map<String, Object> zero = expense(p, org.s1.id(), today, "活动经费", "0");
        cases.add(new Case("amount", zero));
        cases.add(new Case("amount", expense(p, org.s1.id(), today, "活动经费", "-5")));
        cases.add(new Case("amount", expense(p, org.s1.id(), today, "活动经费", "10.005")));
        LocalDate start = jdbc.sql("SELECT start_date FROM project WHERE id = ?")
                .param(p)
                .query(LocalDate.class)
                .single();
        cases.add(new Case("spentOn", expense(p, org.s1.id(), start.minusDays(1), "活动经费", "10")));
        cases.add(new Case("spentOn", expense(p, org.s1.id(), today.plusDays(1), "活动经费", "10")));
        cases.add(new Case("category", expense(p, org.s1.id(), today, "宣传", "10")));
        cases.add(new Case("category", expense(p, org.s2.id(), today, "办公", "10")));
        Map<String, Object> noPayee = expense(p, org.s1.id(), today, "活动经费", "10");
        noPayee.put("payee", " ");
        cases.add(new Case("payee", noPayee));
        Map<String, Object> trip = expense(p, org.s1.id(), today, "交通", "10");
        trip.put("outsideCounty", true);
        cases.add(new Case("tripDestination", trip));
        for (Case c : cases) {
            JsonNode error = ok(send("demo_agency", post("/api/v1/expenses"), c.body()), 400);
            assertThat(fields(error)).as("%s", c.body()).contains(c.field());
            assertThat(error.get("message").asString()).matches(".*\\p{IsHan}.*");
        }
        JsonNode error = ok(send("demo_agency", post("/api/v1/expenses"), zero), 400);
        assertThat(error.get("details").get(0).get("message").asString()).startsWith("支出金额");
        assertThat(expenseCount()).isEqualTo(before);

        // contract: the schedule must add up to the total; budget: amounts checked, total within the contract
        JsonNode contract = ok(
                send(
                        "demo_bureau",
                        put("/api/v1/payments/contracts/" + p),
                        Map.of(
                                "totalAmount", new BigDecimal("100000.001"),
                                "fundingSources", List.of(),
                                "payments", List.of())),
                400);
        assertThat(fields(contract)).contains("totalAmount", "fundingSources", "payments");
        JsonNode over = ok(
                send(
                        "demo_agency",
                        put("/api/v1/budgets/" + p + "/stations/" + org.s3.id()),
                        Map.of("lines", List.of(Map.of("category", "人员经费", "amount", 99000)))),
                400);
        assertThat(over.get("message").asString()).contains("超过合同总额");
        assertThat(get200("demo_agency", "/api/v1/budgets/" + p).toString()).doesNotContain("99000");
        JsonNode notCategory = ok(
                send(
                        "demo_agency",
                        put("/api/v1/budgets/" + p + "/stations/" + org.s3.id()),
                        Map.of("lines", List.of(Map.of("category", "招待费", "amount", 100)))),
                400);
        assertThat(fields(notCategory)).containsExactly("lines[0].category");
    }

    @Test
    void aFlaggedExpenseStandsOnlyOnceTheBureauApprovesAndOnlyTheBureauDecides() throws Exception {
        long p = freshProject();
        LocalDate today = ChinaTime.today();
        Map<String, Object> body = expense(p, org.s1.id(), today, "办公", "1500");
        body.put("purpose", "购买打印机一台");
        JsonNode e = ok(send("demo_agency", post("/api/v1/expenses"), body), 201);
        assertThat(e.get("reviewStatus").asString()).isEqualTo("PENDING");
        assertThat(e.get("flags").get(0).asString()).startsWith("购买服务项目经费，不得购置固定资产");
        long id = e.get("id").asLong();
        JsonNode ex = get200("demo_bureau", "/api/v1/budgets/" + p + "/execution");
        assertThat(ex.get("spent").decimalValue()).isEqualByComparingTo("0");
        assertThat(ex.get("pending").decimalValue()).isEqualByComparingTo("1500");

        Map<String, Object> review =
                Map.of("reason", "确需办公设备", "version", e.get("version").asLong());
        for (String user : List.of("demo_agency", "demo_head", "demo_evaluator", "demo_city")) {
            assertThat(send(user, post("/api/v1/expenses/" + id + "/approve"), review)
                            .getStatus())
                    .as(user)
                    .isEqualTo(403);
        }
        assertThat(send("demo_worker", post("/api/v1/expenses/" + id + "/approve"), review)
                        .getStatus())
                .isEqualTo(403);
        // refusing needs a reason
        JsonNode noReason =
                ok(send("demo_bureau", post("/api/v1/expenses/" + id + "/refuse"), Map.of("version", 0)), 400);
        assertThat(fields(noReason)).containsExactly("reason");
        // a stale version is a conflict
        assertThat(send("demo_bureau", post("/api/v1/expenses/" + id + "/approve"), Map.of("version", 99))
                        .getStatus())
                .isEqualTo(409);
        JsonNode approved = ok(send("demo_bureau", post("/api/v1/expenses/" + id + "/approve"), review), 200);
        assertThat(approved.get("reviewStatus").asString()).isEqualTo("APPROVED");
        assertThat(send("demo_bureau", post("/api/v1/expenses/" + id + "/approve"), review)
                        .getStatus())
                .isEqualTo(409);
        ex = get200("demo_bureau", "/api/v1/budgets/" + p + "/execution");
        assertThat(ex.get("spent").decimalValue()).isEqualByComparingTo("1500");
        assertThat(ex.get("warnings").toString()).doesNotContain("「办公」"); // 75% is below the 80% line

        // a plain expense needs no review; the reversal keeps the history and takes the money out
        JsonNode plain =
                ok(send("demo_head", post("/api/v1/expenses"), expense(p, org.s1.id(), today, "活动经费", "900.50")), 201);
        assertThat(plain.get("reviewStatus").asString()).isEqualTo("NONE");
        ex = get200("demo_bureau", "/api/v1/budgets/" + p + "/execution");
        assertThat(ex.get("warnings").toString()).contains("「活动经费」已支出预算的 90.1%");
        assertThat(send("demo_bureau", post("/api/v1/expenses"), expense(p, org.s1.id(), today, "活动经费", "1"))
                        .getStatus())
                .isEqualTo(403);
        JsonNode rev = ok(
                send(
                        "demo_agency",
                        post("/api/v1/expenses/" + plain.get("id").asLong() + "/reverse"),
                        Map.of("reason", "重复登记")),
                201);
        assertThat(rev.get("amount").decimalValue()).isEqualByComparingTo("-900.50");
        assertThat(get200("demo_agency", "/api/v1/expenses/" + plain.get("id").asLong())
                        .get("reversedById")
                        .asLong())
                .isEqualTo(rev.get("id").asLong());
        assertThat(send(
                                "demo_agency",
                                post("/api/v1/expenses/" + plain.get("id").asLong() + "/reverse"),
                                Map.of("reason", "再次"))
                        .getStatus())
                .isEqualTo(409);
        ex = get200("demo_bureau", "/api/v1/budgets/" + p + "/execution");
        assertThat(ex.get("spent").decimalValue()).isEqualByComparingTo("1500");
        // over the budget: a warning that says by how much
        ok(send("demo_agency", post("/api/v1/expenses"), expense(p, org.s1.id(), today, "交通", "600")), 201);
        ex = get200("demo_bureau", "/api/v1/budgets/" + p + "/execution");
        assertThat(ex.get("warnings").toString()).contains("「交通」超出预算 100.00 元");
        // the writes are audited
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'FINANCE_EXPENSE_APPROVE' AND target_id = ?")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void rolesAndScope() throws Exception {
        long p = freshProject();
        LocalDate today = ChinaTime.today();
        // a social worker does not handle the books; evaluators and the city read but do not write
        login.getJson("demo_worker", "/api/v1/budgets/" + p, 403);
        for (String reader : List.of("demo_evaluator", "demo_city", "demo_head", "demo_agency")) {
            login.getJson(reader, "/api/v1/budgets/" + p, 200);
            login.getJson(reader, "/api/v1/payments/contracts/" + p, 200);
        }
        assertThat(send("demo_evaluator", post("/api/v1/expenses"), expense(p, org.s1.id(), today, "活动经费", "10"))
                        .getStatus())
                .isEqualTo(403);
        // a station head enters for their own station only
        JsonNode other =
                ok(send("demo_head", post("/api/v1/expenses"), expense(p, org.s2.id(), today, "活动经费", "10")), 400);
        assertThat(fields(other)).containsExactly("stationId");
        // the head does not see the other station's budget lines
        JsonNode headBudget = get200("demo_head", "/api/v1/budgets/" + p);
        assertThat(headBudget.get("stations").size()).isEqualTo(1);
        // only the bureau keeps the contract and records payments
        JsonNode contract = get200("demo_bureau", "/api/v1/payments/contracts/" + p);
        long pay = contract.get("payments").get(0).get("id").asLong();
        Map<String, Object> paid = Map.of("paidOn", today.toString(), "version", 0);
        assertThat(send("demo_agency", post("/api/v1/payments/" + pay + "/pay"), paid)
                        .getStatus())
                .isEqualTo(403);
        assertThat(send("demo_agency", put("/api/v1/payments/contracts/" + p), Map.of("totalAmount", 1))
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(
                                "demo_bureau",
                                post("/api/v1/payments/" + pay + "/pay"),
                                Map.of("paidOn", today.toString(), "version", 7))
                        .getStatus())
                .isEqualTo(409);
        JsonNode made = ok(send("demo_bureau", post("/api/v1/payments/" + pay + "/pay"), paid), 200);
        assertThat(made.get("status").asString()).isEqualTo("PAID");
        assertThat(send(
                                "demo_bureau",
                                post("/api/v1/payments/" + pay + "/pay"),
                                Map.of("paidOn", today.toString(), "version", 1))
                        .getStatus())
                .isEqualTo(409);
        // a stale budget line is a conflict
        JsonNode line = get200("demo_agency", "/api/v1/budgets/" + p)
                .get("stations")
                .get(0)
                .get("lines")
                .get(0);
        assertThat(send(
                                "demo_agency",
                                put("/api/v1/budgets/" + p + "/stations/" + org.s1.id()),
                                Map.of(
                                        "lines",
                                        List.of(Map.of(
                                                "category",
                                                line.get("category").asString(),
                                                "amount",
                                                1234,
                                                "version",
                                                42))))
                        .getStatus())
                .isEqualTo(409);

        // another county's bureau sees none of it: 404 like an unknown id
        String tag = TestLogin.unique();
        long county = ((Number) login.createUnit("demo_city", org.city.id(), "COUNTY_BUREAU", "经费隔离区民政局" + tag)
                        .get("id"))
                .longValue();
        String officer = "fin_bureau_" + tag;
        String password = "Fin-county-" + tag + "-pw";
        login.createUser("demo_city", officer, password, "BUREAU_OFFICER", county, null);
        String token = login.issueToken(login.login(officer, password), "fin");
        long someExpense = ok(
                        send("demo_agency", post("/api/v1/expenses"), expense(p, org.s1.id(), today, "活动经费", "10")),
                        201)
                .get("id")
                .asLong();
        login.getJson(token, "/api/v1/budgets/" + p, 404);
        login.getJson(token, "/api/v1/payments/contracts/" + p, 404);
        login.getJson(token, "/api/v1/expenses/" + someExpense, 404);
        login.getJson(token, "/api/v1/budgets/" + p + "/execution", 404);
        login.getJson(token, "/api/v1/budgets/" + p + "/execution.xlsx", 404);
        assertThat(login.send(token, post("/api/v1/expenses/" + someExpense + "/approve"), "{\"version\":0}")
                        .getStatus())
                .isEqualTo(404);
        assertThat(login.getJson(token, "/api/v1/expenses/pending", 200)).isEqualTo("[]");
        login.getJson("demo_bureau", "/api/v1/budgets/settings/" + county, 404);
    }

    @Test
    void aClosedProjectTakesNoExpenses() throws Exception {
        long p = freshProject();
        JsonNode contract = get200("demo_bureau", "/api/v1/payments/contracts/" + p);
        ok(
                send(
                        "demo_bureau",
                        post("/api/v1/payments/contracts/" + p + "/close"),
                        Map.of(
                                "reason",
                                "项目验收完毕",
                                "version",
                                contract.get("version").asLong())),
                200);
        long before = expenseCount();
        JsonNode error = ok(
                send("demo_agency", post("/api/v1/expenses"), expense(p, org.s1.id(), ChinaTime.today(), "活动经费", "10")),
                409);
        assertThat(error.get("message").asString()).contains("已结项");
        assertThat(expenseCount()).isEqualTo(before);
    }

    @Test
    void executionTotalsAddUpAcrossCategoryStationAndMonthAndTheExcelHasNumbers() throws Exception {
        JsonNode byCategory = get200("demo_evaluator", "/api/v1/budgets/" + demoProject + "/execution?by=CATEGORY");
        JsonNode byStation = get200("demo_evaluator", "/api/v1/budgets/" + demoProject + "/execution?by=STATION");
        JsonNode byMonth = get200("demo_evaluator", "/api/v1/budgets/" + demoProject + "/execution?by=MONTH");
        BigDecimal total = byCategory.get("spent").decimalValue();
        assertThat(total).isPositive();
        for (JsonNode ex : List.of(byCategory, byStation, byMonth)) {
            assertThat(sum(ex.get("rows"), "spent")).as(ex.get("by").asString()).isEqualByComparingTo(total);
            assertThat(sum(ex.get("rows"), "pending"))
                    .isEqualByComparingTo(ex.get("pending").decimalValue());
        }
        assertThat(sum(byCategory.get("details"), "spent")).isEqualByComparingTo(total);
        assertThat(sum(byCategory.get("rows"), "budget"))
                .isEqualByComparingTo(byCategory.get("budget").decimalValue());
        assertThat(sum(byStation.get("rows"), "budget"))
                .isEqualByComparingTo(byCategory.get("budget").decimalValue());
        assertThat(byMonth.get("rows").size()).isGreaterThanOrEqualTo(3);
        // the total is what the expenses that stand add up to
        BigDecimal standing = BigDecimal.ZERO;
        for (JsonNode e : get200("demo_evaluator", "/api/v1/expenses?projectId=" + demoProject)) {
            String review = e.get("reviewStatus").asString();
            if (e.get("reversesId").isNull()
                    && e.get("reversedById").isNull()
                    && (review.equals("NONE") || review.equals("APPROVED"))) {
                standing = standing.add(e.get("amount").decimalValue());
            }
        }
        assertThat(standing).isEqualByComparingTo(total);

        // the Excel export: amounts in numeric cells, the details add up to the 合计 row
        MockHttpServletResponse xlsx = mvc.perform(get("/api/v1/budgets/" + demoProject + "/execution.xlsx")
                        .with(login.as("demo_evaluator")))
                .andReturn()
                .getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("已支出（元）");
            double details = 0;
            Double totalRow = null;
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                String first = row.getCell(0).getStringCellValue();
                if (first.equals("合计")) {
                    assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
                    totalRow = row.getCell(3).getNumericCellValue();
                    break;
                }
                assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
                details += row.getCell(3).getNumericCellValue();
            }
            assertThat(totalRow).isNotNull();
            assertThat(details).isCloseTo(totalRow, Offset.offset(0.001));
            assertThat(totalRow).isCloseTo(total.doubleValue(), Offset.offset(0.001));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'FINANCE_EXECUTION_EXPORT'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void theBureauConfiguresItsRulesWithOptimisticLocking() throws Exception {
        long county = org.county.id();
        JsonNode s = get200("demo_bureau", "/api/v1/budgets/settings/" + county);
        assertThat(s.get("categories").toString()).contains("人员经费", "管理费");
        assertThat(s.get("ruleTexts").toString()).contains("不得购置固定资产", "米面油", "燃油费");
        Map<String, Object> form = new HashMap<>();
        form.put("categories", List.of("人员经费", "活动经费", "督导培训", "宣传", "交通", "办公", "管理费"));
        form.put("fixedAssetEnabled", true);
        form.put("fixedAssetCategories", List.of("办公", "活动经费", "宣传", "督导培训"));
        form.put("fixedAssetThreshold", new BigDecimal("1000"));
        form.put("grainOilEnabled", true);
        form.put("grainOilCategories", List.of());
        form.put("grainOilWords", List.of("米面油", "大米", "面粉", "挂面", "食用油", "粮油", "花生油", "豆油", "菜籽油"));
        form.put("fuelEnabled", true);
        form.put("fuelCategories", List.of("交通"));
        form.put("fuelWords", List.of("燃油", "油费", "加油", "汽油", "柴油"));
        form.put("warnPercent", 80);
        form.put("version", s.get("version").asLong());
        assertThat(send("demo_agency", put("/api/v1/budgets/settings/" + county), form)
                        .getStatus())
                .isIn(403, 404);
        Map<String, Object> bad = new HashMap<>(form);
        bad.put("fuelCategories", List.of("差旅"));
        bad.put("warnPercent", 0);
        assertThat(fields(ok(send("demo_bureau", put("/api/v1/budgets/settings/" + county), bad), 400)))
                .contains("fuelCategories", "warnPercent");
        long v = ok(send("demo_bureau", put("/api/v1/budgets/settings/" + county), form), 200)
                .get("version")
                .asLong();
        form.put("version", v);
        JsonNode next = ok(send("demo_bureau", put("/api/v1/budgets/settings/" + county), form), 200);
        assertThat(next.get("version").asLong()).isEqualTo(v + 1);
        assertThat(next.get("stored").asBoolean()).isTrue();
        // saving again with the version read before is a conflict
        assertThat(send("demo_bureau", put("/api/v1/budgets/settings/" + county), form)
                        .getStatus())
                .isEqualTo(409);
    }

    @Test
    void otherModulesReadTheFiguresThroughBudgetExecutionInTheirScope() {
        BudgetExecution.ProjectMoney m = demoUsers.callAs("demo_evaluator", () -> budgetExecution.of(demoProject));
        assertThat(m.contractTotal()).isEqualByComparingTo("200000");
        assertThat(m.flaggedAwaiting()).isPositive();
        assertThat(m.stations()).hasSize(3);
        assertThat(m.stations().stream()
                        .map(BudgetExecution.StationMoney::spent)
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(m.spent());
        assertThat(m.stations().stream()
                        .map(BudgetExecution.StationMoney::budget)
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(m.budget());
        BudgetExecution.ProjectMoney head = demoUsers.callAs("demo_head", () -> budgetExecution.of(demoProject));
        assertThat(head.stations())
                .extracting(BudgetExecution.StationMoney::stationId)
                .containsExactly(org.s1.id());
    }

    static BigDecimal sum(JsonNode rows, String field) {
        BigDecimal s = BigDecimal.ZERO;
        for (JsonNode r : rows) {
            if (r.get(field) != null && !r.get(field).isNull()) {
                s = s.add(r.get(field).decimalValue());
            }
        }
        return s;
    }
}
