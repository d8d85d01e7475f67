package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A spot check on a phone (360 px): the demo evaluator opens the mid-term round they are on, draws a small
 * sample, calls through the list (the phone numbers are there in full, as tel: links), marks one record
 * "未能核实" with a reason, and sees it no longer counts and the station summary count it as failed. The check
 * is then verified on a second visit, which lets the record count again.
 */
class SpotCheckBrowserTest extends BrowserTestSupport {

    private static final Pattern CHECK_URL = Pattern.compile(".*/spot-checks/(\\d+)(?:[?#].*)?$");

    @Test
    void evaluatorCallsThroughTheListAndMarksOneRecordNotVerified() {
        Page page = phonePage();
        login(page, "demo_evaluator", "EVALUATOR");
        page.navigate("/evaluations");
        page.locator("[data-testid=round-card] a").first().click();
        assertThat(page.locator("#round-name")).containsText("中期评估");
        assertFitsPhone(page, "round");

        page.locator("#sampleSize").fill("3");
        page.locator("#seed").fill(String.valueOf(9_000 + System.nanoTime() % 1000));
        page.locator("#draw-submit").click();
        page.waitForURL(CHECK_URL);
        assertThat(page.locator("[data-testid=check-item]")).hasCount(3);
        assertThat(page.locator("[data-testid=check-meta]")).containsText("随机种子");
        assertFitsPhone(page, "call list");

        Locator first = page.locator("[data-testid=check-item]").first();
        assertThat(first.locator("[data-testid=outcome]")).hasText("待核实");
        assertThat(first.locator("[data-testid=record-counts]")).hasText("计入");
        if (first.locator("[data-testid=phone]").count() > 0) {
            assertThat(first.locator("[data-testid=phone]").first()).hasAttribute("href", Pattern.compile("^tel:\\d+"));
            assertThat(first.locator("[data-testid=phone]").first().textContent())
                    .doesNotContain("*");
        }
        String recordId = first.getAttribute("data-record-id");

        // not verified without a reason: refused, nothing saved
        first.locator("select[name=method]").selectOption("PHONE");
        first.locator("input[value=NOT_VERIFIED]").check();
        first.locator("[data-testid=check-submit]").click();
        assertThat(page.locator("[data-testid=page-error]")).containsText("须写明原因");
        Locator again = page.locator("[data-testid=check-item][data-record-id='" + recordId + "']");
        assertThat(again.locator("[data-testid=outcome]")).hasText("待核实");

        again.locator("select[name=method]").selectOption("PHONE");
        again.locator("input[value=NOT_VERIFIED]").check();
        again.locator("textarea[name=note]").fill("电话核实：对方表示当天没有参加活动");
        again.locator("[data-testid=check-submit]").click();
        assertThat(page.locator("[data-testid=notice]")).hasText("已登记核实结果");
        Locator done = page.locator("[data-testid=check-item][data-record-id='" + recordId + "']");
        assertThat(done.locator("[data-testid=outcome]")).hasText("未能核实");
        assertThat(done.locator("[data-testid=note]")).containsText("对方表示当天没有参加活动");
        assertThat(done.locator("[data-testid=record-counts]")).hasText("不计入");
        int failed = page.locator("[data-testid=summary-failed]").allTextContents().stream()
                .mapToInt(Integer::parseInt)
                .sum();
        assertThat(failed).isEqualTo(1);
        assertFitsPhone(page, "after check");

        // the record's page says why it no longer counts
        page.navigate("/records/" + recordId);
        assertThat(page.locator("main")).containsText("抽查核实未通过");
        page.goBack();

        // verified on a second visit: the record counts again
        Locator back = page.locator("[data-testid=check-item][data-record-id='" + recordId + "']");
        back.locator("select[name=method]").selectOption("FIELD");
        back.locator("input[value=VERIFIED]").check();
        back.locator("textarea[name=note]").fill("实地复核属实");
        back.locator("[data-testid=check-submit]").click();
        assertThat(page.locator(
                        "[data-testid=check-item][data-record-id='" + recordId + "'] [data-testid=record-counts]"))
                .hasText("计入");
    }

    private static void assertFitsPhone(Page page, String where) {
        assertThat(documentScrollWidth(page)).as("document width on %s", where).isLessThanOrEqualTo(360);
    }
}
