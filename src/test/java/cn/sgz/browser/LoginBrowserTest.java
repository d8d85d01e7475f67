package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Failed logins stay on the login page with one message that does not reveal whether the user exists. */
class LoginBrowserTest extends BrowserTestSupport {

    @Test
    void wrongPasswordShowsErrorAndStaysOnLogin() {
        Page page = desktopPage();
        submitLogin(page, "demo_city", "not-the-password-1");

        assertThat(page).hasURL(Pattern.compile("/login\\?error=bad$"));
        assertThat(page.locator(".errors")).hasText("用户名或密码错误");
        assertThat(page.locator("input[name=username]")).isVisible();
        assertThat(page.locator("nav.side")).hasCount(0);
        assertThat(page.locator("main[data-home]")).hasCount(0);

        // Still not signed in: a protected page sends the browser back to the login form
        page.navigate("/org");
        assertThat(page).hasURL(Pattern.compile("/login$"));

        // The right password still works (and resets the failure count this test added)
        login(page, "demo_city", "CITY_OFFICER");
        assertThat(page.locator("main h1")).hasText("全市社工站总览");
    }

    @Test
    void unknownUserGetsTheSameMessage() {
        Page page = desktopPage();
        submitLogin(page, "no_such_user_" + System.nanoTime(), "whatever-password-1");

        assertThat(page).hasURL(Pattern.compile("/login\\?error=bad$"));
        assertThat(page.locator(".errors")).hasText("用户名或密码错误");
        assertThat(page.locator("main[data-home]")).hasCount(0);
    }
}
