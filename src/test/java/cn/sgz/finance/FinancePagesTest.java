package cn.sgz.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sgz.SgzTest;
import cn.sgz.org.DemoOrg;
import cn.sgz.org.TestLogin;
import cn.sgz.shared.ChinaTime;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The finance pages render for each role with only the buttons the role may use, a social worker is kept
 * out, and the expense form re-renders with the field's Chinese error.
 */
@SgzTest
class FinancePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    TestLogin login;
    DemoOrg org;
    long project;
    long flagged;

    @BeforeEach
    void setUp() throws Exception {
        login = new TestLogin(mvc);
        org = DemoOrg.load(login);
        project = jdbc.sql("SELECT MIN(id) FROM project").query(Long.class).single();
        flagged = jdbc.sql(
                        "SELECT MIN(id) FROM finance_expense WHERE review_status = 'PENDING' AND purpose LIKE '%食用油%'")
                .query(Long.class)
                .single();
    }

    String page(Cookie session, String url) throws Exception {
        MockHttpServletResponse r =
                mvc.perform(get(url).cookie(session)).andReturn().getResponse();
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    int status(Cookie session, String url) throws Exception {
        return mvc.perform(get(url).cookie(session)).andReturn().getResponse().getStatus();
    }

    @Test
    void theBureauSeesContractPaymentsReviewsAndRules() throws Exception {
        Cookie bureau = login.login("demo_bureau");
        assertThat(page(bureau, "/")).contains("href=\"/finance\"");
        assertThat(page(bureau, "/finance"))
                .contains("data-testid=\"pending-expense\"")
                .contains("不得购置米面油")
                .contains("id=\"rules-link\"");
        String p = page(bureau, "/finance/projects/" + project);
        assertThat(p)
                .contains("200,000.00")
                .contains("已支付")
                .contains("确认已支付")
                .contains("id=\"contract-edit\"")
                .contains("民政局已驳回")
                .doesNotContain("id=\"new-expense\"");
        assertThat(page(bureau, "/finance/expenses/" + flagged))
                .contains("id=\"approve\"")
                .contains("不得购置米面油");
        assertThat(page(bureau, "/finance/projects/" + project + "/contract")).contains("id=\"contract-form\"");
        assertThat(page(bureau, "/finance/projects/" + project + "/execution?by=MONTH"))
                .contains("data-testid=\"chart-row\"")
                .contains("id=\"execution-export\"");
        assertThat(page(bureau, "/finance/rules")).contains("id=\"rules-form\"").contains("米面油");
        assertThat(status(bureau, "/finance/projects/" + project + "/expenses/new"))
                .isEqualTo(403);
    }

    @Test
    void theAgencyEntersTheEvaluatorReadsTheWorkerIsKeptOut() throws Exception {
        Cookie agency = login.login("demo_agency");
        assertThat(page(agency, "/")).contains("href=\"/finance\"");
        String p = page(agency, "/finance/projects/" + project);
        assertThat(p).contains("id=\"new-expense\"").contains("编辑预算").doesNotContain("确认已支付");
        assertThat(page(agency, "/finance/expenses/" + flagged)).doesNotContain("id=\"approve\"");
        assertThat(page(agency, "/finance/projects/" + project + "/expenses/new"))
                .contains("id=\"expense-form\"");
        assertThat(status(agency, "/finance/projects/" + project + "/contract")).isEqualTo(403);

        Cookie evaluator = login.login("demo_evaluator");
        String e = page(evaluator, "/finance/projects/" + project);
        assertThat(e)
                .doesNotContain("id=\"new-expense\"")
                .doesNotContain("编辑预算")
                .doesNotContain("确认已支付");
        assertThat(page(evaluator, "/finance/projects/" + project + "/execution"))
                .contains("data-testid=\"chart-row\"");
        assertThat(page(evaluator, "/finance/rules")).doesNotContain("id=\"rules-form\"");
        assertThat(page(evaluator, "/finance")).doesNotContain("id=\"rules-link\"");

        Cookie worker = login.login("demo_worker");
        assertThat(page(worker, "/")).doesNotContain("href=\"/finance\"");
        assertThat(status(worker, "/finance")).isEqualTo(403);
        assertThat(status(worker, "/finance/projects/" + project)).isEqualTo(403);
    }

    @Test
    void theBureauApprovesAFlaggedExpenseOnItsPage() throws Exception {
        Cookie head = login.login("demo_head");
        MockHttpServletResponse created = mvc.perform(post("/finance/projects/" + project + "/expenses")
                        .cookie(head)
                        .with(csrf())
                        .param("stationId", String.valueOf(org.s1.id()))
                        .param("spentOn", ChinaTime.today().toString())
                        .param("category", "活动经费")
                        .param("payee", "页面测试超市")
                        .param("amount", "88.80")
                        .param("quantity", "2")
                        .param("purpose", "活动奖品：挂面两箱"))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).isEqualTo(302);
        String url = created.getRedirectedUrl();
        long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
        assertThat(page(head, url))
                .contains("data-status=\"PENDING\"")
                .contains("挂面")
                .doesNotContain("id=\"approve\"");

        Cookie bureau = login.login("demo_bureau");
        long version = jdbc.sql("SELECT version FROM finance_expense WHERE id = ?")
                .param(id)
                .query(Long.class)
                .single();
        // refusing without a reason is refused, and the expense still awaits the bureau
        mvc.perform(post(url + "/review")
                        .cookie(bureau)
                        .with(csrf())
                        .param("decision", "refuse")
                        .param("version", String.valueOf(version)))
                .andReturn();
        assertThat(page(bureau, url)).contains("驳回原因").contains("data-status=\"PENDING\"");
        mvc.perform(post(url + "/review")
                        .cookie(bureau)
                        .with(csrf())
                        .param("decision", "approve")
                        .param("reason", "奖品用于活动，同意列支")
                        .param("version", String.valueOf(version)))
                .andReturn();
        assertThat(page(bureau, url))
                .contains("data-status=\"APPROVED\"")
                .contains("奖品用于活动，同意列支")
                .doesNotContain("id=\"approve\"");
    }

    @Test
    void theExpenseFormShowsTheFieldsError() throws Exception {
        Cookie head = login.login("demo_head");
        long before = jdbc.sql("SELECT COUNT(*) FROM finance_expense")
                .query(Long.class)
                .single();
        MockHttpServletResponse r = mvc.perform(post("/finance/projects/" + project + "/expenses")
                        .cookie(head)
                        .with(csrf())
                        .param("stationId", String.valueOf(org.s1.id()))
                        .param("spentOn", ChinaTime.today().toString())
                        .param("category", "活动经费")
                        .param("payee", "测试")
                        .param("amount", "12.345")
                        .param("quantity", "1")
                        .param("purpose", "测试"))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8))
                .contains("data-field=\"amount\"")
                .contains("支出金额：金额最多保留两位小数");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM finance_expense")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }
}
