package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A 驻站社工 sees their own station, read-only, and nothing of other stations. */
class WorkerBrowserTest extends BrowserTestSupport {

    @Test
    void socialWorkerSeesOwnStationWithoutManagementForms() {
        Page page = desktopPage();
        login(page, "demo_worker", "SOCIAL_WORKER");
        assertThat(page.locator("main h1")).hasText("驻站社工工作台");
        assertThat(page.locator("main p.muted").first()).containsText("沙河街道社工站");

        // Home lists exactly the worker's station
        Locator stationLinks = page.locator("main table tbody a");
        assertThat(stationLinks).hasText(new String[] {"沙河街道社工站"});

        page.navigate("/org");
        Locator tree = page.locator("ul.tree");
        assertThat(tree.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("沙河街道社工站").setExact(true)))
                .isVisible();
        assertThat(tree.getByText("萨如拉街道社工站")).hasCount(0);
        assertThat(tree.getByText("九原区民政局")).hasCount(0);
        tree.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("沙河街道社工站").setExact(true))
                .click();

        assertThat(page).hasURL(Pattern.compile("/org/\\d+$"));
        assertThat(page.locator("main h1")).containsText("沙河街道社工站");
        assertThat(page.locator("main")).containsText("下级单位");
        assertThat(page.locator("#create-child")).hasCount(0);
        assertThat(page.locator("#child-name")).hasCount(0);
        assertThat(page.locator("#rename")).hasCount(0);
        assertThat(page.locator("#move")).hasCount(0);

        logoutThroughNav(page);
    }
}
