package cn.sgz.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Owns the browser for a browser test class: one Playwright driver and one headless Chromium per
 * class (closed with the class), a fresh {@link BrowserSession} per test, and a full-page
 * screenshot of every page still open when a test fails.
 *
 * <p>Chromium is the system one ({@code SGZ_CHROMIUM}, default {@code /usr/bin/chromium}); Playwright
 * never downloads a browser. Without it the class is skipped (reported as skipped), unless {@code SGZ_REQUIRE_BROWSER=1}
 * (as in CI), where a missing browser is an error.
 *
 * <p>Sessions are closed in the {@link TestWatcher} callbacks, which JUnit runs after the test and all
 * its after-each methods, so the pages are still open when the failure screenshot is taken.
 */
public class BrowserExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback, TestWatcher {

    static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";
    static final Path SCREENSHOT_DIR = Path.of("target", "screenshots");

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BrowserExtension.class);
    private static final List<String> CHROMIUM_ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic");

    /** Skips (or, with SGZ_REQUIRE_BROWSER=1, fails) before Spring starts the application for nothing. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Path chromium = chromiumPath();
        if (Files.isExecutable(chromium)) {
            return ConditionEvaluationResult.enabled("Chromium found at " + chromium);
        }
        String message = "Browser tests need Chromium at " + chromium
                + " (install Debian package 'chromium' or set SGZ_CHROMIUM)";
        if ("1".equals(System.getenv("SGZ_REQUIRE_BROWSER"))) {
            throw new IllegalStateException(message + "; SGZ_REQUIRE_BROWSER=1 forbids skipping");
        }
        if (context.getTestMethod().isEmpty()) {
            System.err.println("[browser] SKIPPED " + context.getDisplayName() + ": " + message);
        }
        return ConditionEvaluationResult.disabled(message);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Path chromium = chromiumPath();
        context.getStore(NS)
                .computeIfAbsent(BrowserHolder.class, k -> new BrowserHolder(chromium), BrowserHolder.class);
    }

    /** Each test gets its own session (and so its own browser contexts: cookies, storage, viewport). */
    @Override
    public void beforeEach(ExtensionContext context) {
        Browser browser = context.getStore(NS).get(BrowserHolder.class, BrowserHolder.class).browser;
        if (context.getRequiredTestInstance() instanceof BrowserTestSupport test) {
            test.startSession(new BrowserSession(browser));
        }
    }

    static Path chromiumPath() {
        String configured = System.getenv("SGZ_CHROMIUM");
        return Path.of(configured == null || configured.isBlank() ? DEFAULT_CHROMIUM : configured);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        session(context).ifPresent(session -> {
            try {
                screenshot(context, session);
            } finally {
                session.close();
            }
        });
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        session(context).ifPresent(BrowserSession::close);
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        session(context).ifPresent(BrowserSession::close);
    }

    private static Optional<BrowserSession> session(ExtensionContext context) {
        return context.getTestInstance()
                .filter(BrowserTestSupport.class::isInstance)
                .map(t -> ((BrowserTestSupport) t).takeSession());
    }

    private static void screenshot(ExtensionContext context, BrowserSession session) {
        String base = context.getRequiredTestClass().getSimpleName() + "-"
                + context.getRequiredTestMethod().getName();
        List<Page> pages = session.openPages();
        for (int i = 0; i < pages.size(); i++) {
            Path file = SCREENSHOT_DIR.resolve(base + (i == 0 ? "" : "-" + (i + 1)) + ".png");
            try {
                Files.createDirectories(SCREENSHOT_DIR);
                pages.get(i)
                        .screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
                System.err.println("[browser] failure screenshot: " + file.toAbsolutePath() + " (page was at "
                        + pages.get(i).url() + ")");
            } catch (Exception e) {
                System.err.println("[browser] could not save screenshot " + file + ": " + e);
            }
        }
    }

    /** Playwright driver + Chromium for one test class; the store closes it after the class. */
    private static final class BrowserHolder implements AutoCloseable {

        final Playwright playwright;
        final Browser browser;

        BrowserHolder(Path chromium) {
            playwright = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            try {
                browser = playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(chromium)
                                .setHeadless(true)
                                .setArgs(CHROMIUM_ARGS)
                                .setTimeout(60_000));
            } catch (RuntimeException e) {
                playwright.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                browser.close();
            } finally {
                playwright.close();
            }
        }
    }
}
