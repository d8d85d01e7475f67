package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Social workers use the platform on phones: 360 px wide, no sideways scrolling, menu behind ☰. */
class PhoneBrowserTest extends BrowserTestSupport {

    private static final int PHONE_WIDTH = 360;

    @Test
    void workerOnPhoneUsesMenuWithoutHorizontalScrolling() {
        Page page = phonePage();
        login(page, "demo_worker2", "SOCIAL_WORKER");
        assertThat(page.locator("main h1")).hasText("驻站社工工作台");
        assertThat(page.locator("main p.muted").first()).containsText("萨如拉街道社工站");
        assertFitsPhone(page, "home");

        Locator nav = page.locator("nav.side");
        Locator toggle = page.locator(".menu-toggle");
        assertThat(toggle).isVisible();
        assertThat(toggle).hasText("☰");
        assertThat(nav).isHidden();
        toggle.tap();
        assertThat(nav).isVisible();
        assertThat(nav).hasClass(Pattern.compile("\\bopen\\b"));
        assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("组织架构")))
                .isVisible();
        assertFitsPhone(page, "home with menu open");
        toggle.tap();
        assertThat(nav).isHidden();

        page.navigate("/org");
        assertThat(page.locator("main h1")).hasText("组织架构");
        assertThat(page.locator("ul.tree")).containsText("萨如拉街道社工站");
        assertFitsPhone(page, "/org");

        page.navigate("/profile");
        assertThat(page.locator("main h1")).hasText("个人中心");
        assertThat(page.locator("main")).containsText("demo_worker2");
        assertFitsPhone(page, "/profile");

        assertThat(nav).isHidden();
        toggle.tap();
        assertThat(nav).isVisible();
        logoutThroughNav(page);
        assertFitsPhone(page, "/login");
    }

    private static void assertFitsPhone(Page page, String where) {
        assertThat(documentScrollWidth(page))
                .as("document width on %s (a wider page scrolls sideways on a %d px phone)", where, PHONE_WIDTH)
                .isLessThanOrEqualTo(PHONE_WIDTH);
    }
}
