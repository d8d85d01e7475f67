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
        // each alert names the work behind it: station · 重点任务 · 服务内容 · indicator, or, grouped, the
        // content with its indicators (or the indicator with its stations)
        java.util.regex.Matcher alert = java.util.regex.Pattern.compile("data-testid=\"alert-line\">([^<]*)</a>")
                .matcher(page);
        int alerts = 0;
        while (alert.find()) {
            alerts++;
            assertThat(alert.group(1).split(" · ")).as(alert.group(1)).hasSizeGreaterThanOrEqualTo(4);
        }
        java.util.regex.Matcher group = java.util.regex.Pattern.compile("data-testid=\"alert-group\">([^<]*)</span>")
                .matcher(page);
        while (group.find()) {
            alerts++;
            assertThat(group.group(1).split(" · ")).as(group.group(1)).hasSizeGreaterThanOrEqualTo(3);
        }
        assertThat(alerts).isPositive();
        assertThat(page).doesNotContain("萨如拉街道社工站 ·");
    }

    /** Issue #16 item 9: the same indicator at several stations is one line naming the stations, not one line each. */
    @Test
    void theBureauSeesEachIndicatorOnceWithItsStations() throws Exception {
        String page = home("demo_bureau");
        String alerts = page.substring(page.indexOf("需关注的指标"));
        alerts = alerts.substring(0, alerts.indexOf("</main>"));
        java.util.List<String> seen = new java.util.ArrayList<>();
        java.util.regex.Matcher single = java.util.regex.Pattern.compile(
                        "class=\"tag[^\"]*\"[^>]*>([^<]*)</span>\\s*<a[^>]*data-testid=\"alert-line\">[^ ]+ · ([^<]*)</a>")
                .matcher(alerts);
        while (single.find()) {
            seen.add(single.group(1) + " " + single.group(2));
        }
        java.util.regex.Matcher grouped = java.util.regex.Pattern.compile(
                        "class=\"tag[^\"]*\"[^>]*>([^<]*)</span>\\s*<span data-testid=\"alert-group\">([^<]*)</span>"
                                + "\\s*<span class=\"muted\">· (\\d+) 个站：")
                .matcher(alerts);
        int groups = 0;
        while (grouped.find()) {
            groups++;
            assertThat(Integer.parseInt(grouped.group(3))).isGreaterThan(1);
            seen.add(grouped.group(1) + " " + grouped.group(2));
        }
        assertThat(groups)
                .as("an indicator behind at several of the three demo stations is grouped")
                .isPositive();
        assertThat(alerts).contains("data-testid=\"alert-target\"").containsPattern("\\d 个站：");
        assertThat(seen).as("no indicator listed twice in one status").doesNotHaveDuplicates();
        // missed lines (already lost) come before at-risk ones
        int lastMissed = alerts.lastIndexOf("未达标");
        int firstAtRisk = alerts.indexOf("有风险");
        if (lastMissed >= 0 && firstAtRisk >= 0) {
            assertThat(lastMissed).isLessThan(firstAtRisk);
        }
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

    /**
     * The alert lines are kept while the stored figures they are made of stay the same (issue #23): stored figures
     * that change (a new version of a station's row, as a recomputation writes) show on the next load.
     */
    @Test
    void storedFiguresThatChangeShowInTheAlertsAtOnce() throws Exception {
        home("demo_bureau");
        assertThat(home("demo_bureau")).contains("id=\"alerts\"");
        java.util.List<java.util.Map<String, Object>> saved = jdbc.sql(
                        "SELECT project_id, station_id, payload, payload_key FROM compliance_snapshot")
                .query()
                .listOfRows();
        try {
            jdbc.sql("UPDATE compliance_snapshot SET payload = REPLACE(REPLACE(payload, '\"AT_RISK\"', '\"MET\"'), "
                            + "'\"MISSED\"', '\"MET\"'), payload_key = ?")
                    .param(java.util.UUID.randomUUID().toString())
                    .update();
            assertThat(home("demo_bureau")).contains("id=\"alerts-empty\"").doesNotContain("id=\"alerts\"");
        } finally {
            for (var row : saved) {
                jdbc.sql(
                                "UPDATE compliance_snapshot SET payload = ?, payload_key = ? WHERE project_id = ? AND station_id = ?")
                        .params(
                                row.get("payload"),
                                row.get("payload_key"),
                                row.get("project_id"),
                                row.get("station_id"))
                        .update();
            }
        }
        assertThat(home("demo_bureau")).contains("id=\"alerts\"");
    }
}
