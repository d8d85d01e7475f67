package cn.sgz.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.sgz.SgzTest;
import cn.sgz.org.TestLogin;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Home pages carry the alerts: indicators at risk or missed, and people overdue for a follow-up. */
@SgzTest
class HomePageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    String home(String user) throws Exception {
        var response = mvc.perform(get("/").cookie(new TestLogin(mvc).login(user)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void workerSeesOverdueFollowUpsAndIndicatorAlertsOfTheirStationOnly() throws Exception {
        String page = home("demo_worker");
        assertThat(page).contains("data-home=\"SOCIAL_WORKER\"").contains("今天要做的事");
        // The demo roster has people overdue at station 1; each links to the one-tap follow-up form (in the
        // to-do list, which replaces the separate overdue list for station work).
        assertThat(page).contains("已逾期").contains("/followups/record/").doesNotContain("id=\"overdue\"");
        assertThat(page).contains("需关注的指标");
        // each alert names the work behind it: station · 重点任务 · 服务内容 · indicator
        java.util.regex.Matcher alert = java.util.regex.Pattern.compile("data-testid=\"alert-line\">([^<]*)</a>")
                .matcher(page);
        int alerts = 0;
        while (alert.find()) {
            alerts++;
            assertThat(alert.group(1).split(" · ")).as(alert.group(1)).hasSizeGreaterThanOrEqualTo(4);
        }
        assertThat(alerts).isPositive();
        assertThat(page).doesNotContain("萨如拉街道社工站 ·");
    }

    @Test
    void theStationHeadSeesClosuresWaitingForApprovalAndStalledCases() throws Exception {
        String page = home("demo_head");
        assertThat(page)
                .contains("个案待办")
                .contains("data-testid=\"closure-waiting\"")
                .contains("data-testid=\"case-stalled\"");
        assertThat(home("demo_worker2")).contains("今天要做的事").doesNotContain("沙河街道社工站"); // scoped
    }

    @Test
    void rolesWithoutLedgersStillGetTheirHomePage() throws Exception {
        assertThat(home("demo_evaluator")).contains("data-home=\"EVALUATOR\"");
        assertThat(home("demo_city")).contains("data-home=\"CITY_OFFICER\"");
    }
}
