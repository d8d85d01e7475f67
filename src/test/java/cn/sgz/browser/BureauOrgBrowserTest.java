package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A county bureau officer adds a 社工室 under a station through the org pages, then logs out. */
class BureauOrgBrowserTest extends BrowserTestSupport {

    private static final Pattern UNIT_URL = Pattern.compile("/org/(\\d+)$");

    @Test
    void bureauOfficerCreatesRoomUnderStationAndLogsOut() {
        Page page = desktopPage();
        login(page, "demo_bureau", "BUREAU_OFFICER");
        assertThat(page.locator("main h1")).hasText("本区县社工站工作台");

        page.navigate("/org");
        assertThat(page.locator("main h1")).hasText("组织架构");
        Locator tree = page.locator("ul.tree");
        assertThat(tree.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("九原区社会工作服务总站").setExact(true)))
                .isVisible();
        tree.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("沙河街道社工站").setExact(true))
                .click();

        assertThat(page).hasURL(UNIT_URL);
        long stationId = idOf(page.url());
        assertThat(page.locator("main h1")).containsText("沙河街道社工站");
        assertThat(page.locator("main h1 .tag")).hasText("乡镇（街道）社工站");

        String roomName = "浏览器测试社区社工室" + System.nanoTime();
        Locator form = page.locator("#create-child");
        assertThat(form).isVisible();
        page.locator("#child-name").fill(roomName);
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("保存"))
                .click();

        // Post/redirect/get to the new unit's own page
        page.waitForURL(url -> UNIT_URL.matcher(url).find() && idOf(url) != stationId);
        long roomId = idOf(page.url());
        assertThat(page.locator("main h1")).containsText(roomName);
        assertThat(page.locator("main h1 .tag")).hasText("村（社区）社工室");
        assertThat(page.locator(".notice")).hasText("已创建“" + roomName + "”");
        assertThat(page.locator(".errors")).hasCount(0);
        assertThat(page.locator(
                        "main a[href='/org/" + stationId + "']", new Page.LocatorOptions().setHasText("查看上级单位")))
                .isVisible();

        // The station lists it as a child, and the tree shows it
        page.navigate("/org/" + stationId);
        assertThat(page.locator("main ul:not(.tree) a[href='/org/" + roomId + "']"))
                .hasText(roomName);
        page.navigate("/org");
        Locator roomItem = page.locator("ul.tree li")
                .filter(new Locator.FilterOptions().setHas(page.locator("a[href='/org/" + roomId + "']")));
        assertThat(roomItem.locator("a")).hasText(roomName);
        assertThat(roomItem.locator(".tag")).hasText("村（社区）社工室");

        logoutThroughNav(page);
        page.navigate("/org");
        assertThat(page).hasURL(Pattern.compile("/login$"));
    }

    private static long idOf(String url) {
        Matcher m = UNIT_URL.matcher(url);
        assertThat(m.find()).as("unit page URL %s", url).isTrue();
        return Long.parseLong(m.group(1));
    }
}
