package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.catalog.Project;
import cn.sgz.catalog.internal.TestProjects;
import cn.sgz.shared.ChinaTime;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A monthly report on a phone (360 px): the station head of 沙河 starts last month's report, writes the
 * summary and submits it; the agency manager reviews it; the bureau receives it. Every page fits the
 * phone's width, and each person sees only the button of their own step.
 */
class ReportBrowserTest extends BrowserTestSupport {

    private static final Pattern REPORT_URL = Pattern.compile(".*/reports/(\\d+)(?:[?#].*)?$");

    @Autowired
    ApplicationContext ctx;

    @Test
    void stationHeadWritesAndSubmitsAgencyReviewsBureauReceivesOnPhone() {
        LocalDate start = ChinaTime.thisMonth().minusMonths(2).atDay(1);
        Project project = TestProjects.copyOfDemo(ctx, "浏览器报表项目" + System.nanoTime() % 1_000_000, start);
        String lastMonth = ChinaTime.thisMonth().minusMonths(1).getYear() + "年"
                + ChinaTime.thisMonth().minusMonths(1).getMonthValue() + "月";

        Page head = phonePage();
        login(head, "demo_head", "STATION_HEAD");
        head.navigate("/reports?projectId=" + project.id() + "&kind=MONTH");
        Locator card = head.locator("[data-testid=report-card][data-period='" + lastMonth + "']");
        assertThat(card).hasCount(1);
        assertThat(card.locator(".tag").first()).hasText("未开始");
        assertFitsPhone(head, "report list");
        card.locator("[data-testid=start-report]").click();
        head.waitForURL(REPORT_URL);
        assertThat(head.locator("#report-title")).containsText(lastMonth + "月报");
        assertThat(head.locator("[data-testid=indicator-row]").first()).isVisible();
        head.locator("#summary").fill("本月完成入户需求评估和困难老人回访，开展政策宣传一次。");
        head.locator("#highlights").fill("回访全覆盖。");
        head.locator("#save-narrative").click();
        assertThat(head.locator("[data-testid=notice]")).hasText("已保存。");
        assertFitsPhone(head, "report page");
        head.onDialog(d -> d.accept());
        head.locator("#submit-report").click();
        assertThat(head.locator("[data-testid=notice]")).containsText("已提交");
        assertThat(head.locator("[data-status]").first()).hasAttribute("data-status", "SUBMITTED");
        assertThat(head.locator("#narrative-form")).hasCount(0);
        assertThat(head.locator("#narrative-text")).containsText("困难老人回访");
        assertThat(head.locator("#changes")).isVisible();
        String reportUrl = head.url().replaceAll("[?#].*$", "");

        Page agency = phonePage();
        login(agency, "demo_agency", "AGENCY_MANAGER");
        // the report waiting for the agency's review is a line of its to-do list
        assertThat(agency.locator("[data-todo-group=REPORTS] [data-testid=todo-line]")
                        .first())
                .isVisible();
        agency.navigate(reportUrl);
        assertThat(agency.locator("#receive-report")).hasCount(0);
        assertThat(agency.locator("#submit-report")).hasCount(0);
        agency.locator("#review-report").click();
        assertThat(agency.locator("[data-testid=notice]")).containsText("已审核");
        assertThat(agency.locator("[data-status]").first()).hasAttribute("data-status", "REVIEWED");
        assertFitsPhone(agency, "report page (agency)");

        Page bureau = phonePage();
        login(bureau, "demo_bureau", "BUREAU_OFFICER");
        bureau.navigate(reportUrl);
        assertThat(bureau.locator("#review-report")).hasCount(0);
        bureau.locator("#receive-report").click();
        assertThat(bureau.locator("[data-testid=notice]")).hasText("已接收。");
        assertThat(bureau.locator("[data-status]").first()).hasAttribute("data-status", "RECEIVED");
        assertThat(bureau.locator("#report-chain")).containsText("提交");
        assertThat(bureau.locator("#report-chain")).containsText("接收");
        assertFitsPhone(bureau, "report page (bureau)");

        // the bureau's quarterly bulletin of the project reads on a phone as well (tables scroll in place)
        bureau.navigate("/reports/bulletin?projectId=" + project.id());
        assertThat(bureau.locator("[data-testid=rank-row]")).hasCount(3);
        assertFitsPhone(bureau, "bulletin");
    }

    private static void assertFitsPhone(Page page, String where) {
        assertThat(documentScrollWidth(page)).as("document width on %s", where).isLessThanOrEqualTo(360);
    }
}
