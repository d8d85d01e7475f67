package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.evidence.TestImages;
import cn.sgz.shared.ChinaTime;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relief event on a phone: a worker of 沙河 records it against the station's fund, picks two people
 * from the ledger with their amounts, registers both receipts, adds the scene photo, and sees the
 * amounts add up — the event's total, and the station's relief paid this quarter on the totals page.
 */
class CharityReliefBrowserTest extends BrowserTestSupport {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final double STATION_LAT = 40.6010;
    private static final double STATION_LON = 109.9702;
    private static final Pattern RELIEF_URL = Pattern.compile(".*/charity/relief/(\\d+)(?:[?#].*)?$");

    @TempDir
    Path tmp;

    @Test
    void reliefWithTwoPeopleAddsUpOnPhone() throws Exception {
        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");
        BigDecimal paidBefore = quarterReliefPaid(page);

        page.navigate("/charity");
        assertThat(page.locator("[data-testid=fund-card]").first()).isVisible();
        page.navigate("/charity/relief/new");
        Locator fund = page.locator("#fundId option", new Page.LocatorOptions().setHasText("沙河街道社区慈善救助基金"));
        page.locator("#fundId").selectOption(fund.first().getAttribute("value"));
        String title = "浏览器测试救助" + System.nanoTime() % 1_000_000;
        page.locator("#title").fill(title);
        page.locator("#place").fill("沙河街道社工站");
        page.locator("#plan").fill("为两户困难家庭发放慈善救助金");
        page.locator("#relief-submit").click();
        page.waitForURL(RELIEF_URL);
        assertThat(page.locator("#relief-title")).hasText(title);
        assertThat(page.locator("[data-testid=relief-total]")).hasText("0.00");

        // the first person from the ledger, 600 yuan: picked by typing into the people picker
        Locator search = page.locator("#relief-picker-q");
        search.focus();
        search.pressSequentially("社区");
        Locator first = page.locator("[data-testid=person-option]").first();
        String firstId = first.getAttribute("data-id");
        first.click();
        assertThat(page.locator("[data-testid=picked-person]")).hasCount(1);
        page.locator("#line-amount").fill("600");
        page.locator("[data-testid=add-line]").click();
        assertThat(page.locator("[data-testid=notice]")).containsText("600.00");
        // a second, different person, 450.50 yuan
        search.focus();
        search.pressSequentially("社区");
        Locator second = page.locator("[data-testid=person-option]:not([data-id='" + firstId + "'])")
                .first();
        second.click();
        page.locator("#line-amount").fill("450.50");
        page.locator("[data-testid=add-line]").click();

        assertThat(page.locator("[data-testid=line]")).hasCount(2);
        assertThat(page.locator("[data-testid=line-amount]").nth(0)).hasText("600.00");
        assertThat(page.locator("[data-testid=line-amount]").nth(1)).hasText("450.50");
        assertThat(page.locator("[data-testid=relief-total]")).hasText("1,050.50");
        assertThat(page.locator("#relief-count")).hasText("2");

        // both sign for the money
        page.locator("[data-testid=receipt-button]").first().click();
        assertThat(page.locator("[data-testid=received]")).hasCount(1);
        page.locator("[data-testid=receipt-button]").first().click();
        assertThat(page.locator("[data-testid=received]")).hasCount(2);
        // still no photo: the page says why the amount does not count yet
        assertThat(page.locator("#relief-counts")).hasAttribute("data-counts", "false");
        assertThat(page.locator("[data-testid=relief-why]")).containsText("没有现场照片");
        assertFitsPhone(page, "relief page");

        // the scene photo on the service record makes it count
        String reliefUrl = page.url().replaceAll("#.*$", "");
        page.locator("#record-link").click();
        Path photo = Files.write(
                tmp.resolve("relief.jpg"),
                TestImages.withExif(
                        TestImages.jpeg(
                                TestImages.scene(2_000_000L + Math.floorMod(System.nanoTime(), 1_000_000_000L)), 0.9f),
                        ChinaTime.today().atTime(10, 0),
                        STATION_LAT + 0.0004,
                        STATION_LON + 0.0003));
        page.locator("[data-testid=photo-upload-input]").setInputFiles(photo);
        page.locator("[data-testid=photo-submit]").click();
        assertThat(page.locator("[data-testid=qualification-badge]")).hasAttribute("data-status", "COUNTS");
        page.navigate(reliefUrl);
        assertThat(page.locator("#relief-counts")).hasAttribute("data-counts", "true");
        assertThat(page.locator("[data-testid=relief-why]")).hasCount(0);

        // the station's relief paid this quarter grew by exactly the event's total
        BigDecimal paidAfter = quarterReliefPaid(page);
        assertThat(paidAfter.subtract(paidBefore)).isEqualByComparingTo("1050.50");
        assertFitsPhone(page, "totals page");
    }

    /** The last (current) quarter's relief paid of the worker's station on the totals page. */
    private BigDecimal quarterReliefPaid(Page page) {
        page.navigate("/charity/totals?granularity=QUARTER");
        Locator rows = page.locator("[data-testid=totals-row]");
        assertThat(rows.first()).isVisible();
        String text = rows.last().locator("[data-testid=row-relief-paid]").innerText();
        return new BigDecimal(text.replace(",", "").strip());
    }

    private static void assertFitsPhone(Page page, String where) {
        assertThat(documentScrollWidth(page)).as("document width on %s", where).isLessThanOrEqualTo(360);
    }
}
