package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.evidence.TestImages;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a phone, the agency manager enters an expense of 萨如拉 — rice and cooking oil for elderly people — with a
 * photo of the invoice, and sees it flagged with the rule's text, awaiting the bureau; the photo is on the
 * expense, and the expense shows up as awaiting review on the project page.
 */
class FinanceExpenseBrowserTest extends BrowserTestSupport {

    private static final Pattern EXPENSE_URL = Pattern.compile(".*/finance/expenses/(\\d+)(?:[?#].*)?$");

    @TempDir
    Path tmp;

    @Test
    void anAgencyManagerEntersAGrainAndOilPurchaseWithAnInvoicePhotoAndSeesItFlagged() throws Exception {
        Page page = phonePage();
        login(page, "demo_agency", "AGENCY_MANAGER");
        page.navigate("/finance");
        // the demo contract with its budget (other tests and the demo add projects without one)
        page.locator("[data-testid=finance-project]", new Page.LocatorOptions().setHasText("九原区民政领域社会工作服务项目"))
                .locator("h2 a")
                .first()
                .click();
        page.locator("#new-expense").click();
        assertThat(page.locator("#expense-form")).isVisible();

        page.locator("#stationId")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("萨如拉街道社工站"));
        page.locator("#category").selectOption("活动经费");
        String payee = "浏览器测试超市" + System.nanoTime() % 1_000_000;
        page.locator("#payee").fill(payee);
        page.locator("#amount").fill("456.50");
        page.locator("#quantity").fill("10");
        page.locator("#purpose").fill("重阳节慰问困难老人购买大米、食用油");
        Path invoice = Files.write(
                tmp.resolve("invoice.jpg"),
                TestImages.jpeg(
                        TestImages.stamp(
                                TestImages.scene(3_000_000L + Math.floorMod(System.nanoTime(), 1_000_000_000L)),
                                "发票 " + payee),
                        0.9f));
        page.locator("#invoice").setInputFiles(invoice);
        page.locator("#expense-submit").click();
        page.waitForURL(EXPENSE_URL);

        assertThat(page.locator("[data-testid=notice]")).containsText("触发了支出规则");
        assertThat(page.locator("#review-status")).hasAttribute("data-status", "PENDING");
        assertThat(page.locator("[data-testid=flag]").first()).containsText("不得购置米面油");
        assertThat(page.locator("[data-testid=flag]").first()).containsText("大米");
        assertThat(page.locator("[data-testid=photo]")).hasCount(1);
        assertThat(page.locator("#expense-title")).containsText("456.50");
        // the agency manager is not the bureau: no approve button
        assertThat(page.locator("#approve")).hasCount(0);
        assertThat(documentScrollWidth(page)).as("expense page width").isLessThanOrEqualTo(360);

        String id = EXPENSE_URL.matcher(page.url()).replaceAll("$1");
        page.locator("main a").first().click();
        assertThat(page.locator("[data-testid=expense-row][data-expense-id='" + id + "']"))
                .hasAttribute("data-review", "PENDING");
        assertThat(documentScrollWidth(page)).as("project page width").isLessThanOrEqualTo(360);
    }
}
