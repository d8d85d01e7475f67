package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base class for browser tests: the whole application on a random port (test profile, demo data,
 * H2 or the PostgreSQL of SPRING_DATASOURCE_URL) driven by headless Chromium through Playwright.
 *
 * <p>Every test gets fresh browser contexts from {@link #desktopPage()} / {@link #phonePage()}, so
 * no cookies leak between tests. {@link BrowserExtension} is registered before Spring so that a
 * missing browser skips the class before the application starts.
 */
@ExtendWith(BrowserExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class BrowserTestSupport {

    /** Password of all demo accounts (DemoOrgData). */
    protected static final String DEMO_PASSWORD = "sgz-demo-2026!";
    /** Generous, because other builds may share the machine's two cores. */
    protected static final double TIMEOUT_MS = 15_000;

    static {
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
    }

    @LocalServerPort
    private int port;

    private BrowserSession session;

    void startSession(BrowserSession session) {
        this.session = session;
    }

    BrowserSession takeSession() {
        BrowserSession s = session;
        session = null;
        return s;
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A desktop-sized page (wide enough for the side navigation to show without ☰). */
    protected Page desktopPage() {
        return newPage(new Browser.NewContextOptions().setViewportSize(1280, 900));
    }

    /** A phone: 360×740 CSS pixels, touch, mobile viewport handling. */
    protected Page phonePage() {
        return newPage(new Browser.NewContextOptions()
                .setViewportSize(360, 740)
                .setDeviceScaleFactor(2)
                .setIsMobile(true)
                .setHasTouch(true)
                .setUserAgent("Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/130.0.0.0 Mobile Safari/537.36"));
    }

    private Page newPage(Browser.NewContextOptions options) {
        if (session == null) {
            throw new IllegalStateException("no browser session: is BrowserExtension registered?");
        }
        BrowserContext context = session.newContext(
                options.setBaseURL(baseUrl()).setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
        context.setDefaultTimeout(TIMEOUT_MS);
        // The browser's clock reads the server's (ChinaTime, fixed start in the test profile), so a photo taken
        // "now" in the page has the same day as the server's today.
        context.clock()
                .install(new com.microsoft.playwright.Clock.InstallOptions()
                        .setTime(cn.sgz.shared.ChinaTime.now().toEpochMilli()));
        context.setDefaultNavigationTimeout(2 * TIMEOUT_MS);
        return context.newPage();
    }

    /** Fills the login form and submits it; does not check the outcome. */
    protected void submitLogin(Page page, String username, String password) {
        page.navigate("/login");
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("登录").setExact(true))
                .click();
    }

    /** Logs in and waits for the home page of the given role. */
    protected void login(Page page, String username, String expectedRole) {
        submitLogin(page, username, DEMO_PASSWORD);
        page.waitForURL(baseUrl() + "/");
        assertThat(page.locator("main")).hasAttribute("data-home", expectedRole);
    }

    /** Logs out with the navigation's button (which must be visible) and checks the login page says so. */
    protected void logoutThroughNav(Page page) {
        page.locator("nav.side")
                .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("退出登录"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/login\\?logout$"));
        assertThat(page.locator(".notice")).hasText("您已安全退出");
        assertThat(page.locator("nav.side")).hasCount(0);
    }

    /** Width of the whole document: more than the viewport means the page scrolls sideways. */
    protected static int documentScrollWidth(Page page) {
        int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
        if (width > page.viewportSize().width) {
            // say which elements stick out, so a failure names its culprit
            System.err.println(
                    "sideways scroll on " + page.url() + ": "
                            + page.evaluate(
                                    "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
                                            + " > window.innerWidth + 1).slice(-5).map(e => e.tagName + (e.id ? '#' + e.id : '')"
                                            + " + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ')"));
        }
        return width;
    }
}
