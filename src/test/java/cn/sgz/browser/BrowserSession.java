package cn.sgz.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;

/** The browser contexts one test opened; closed (after any failure screenshot) when the test ends. */
final class BrowserSession implements AutoCloseable {

    private final Browser browser;
    private final List<BrowserContext> contexts = new ArrayList<>();

    BrowserSession(Browser browser) {
        this.browser = browser;
    }

    BrowserContext newContext(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options);
        contexts.add(context);
        return context;
    }

    List<Page> openPages() {
        List<Page> pages = new ArrayList<>();
        for (BrowserContext context : contexts) {
            for (Page page : context.pages()) {
                if (!page.isClosed()) {
                    pages.add(page);
                }
            }
        }
        return pages;
    }

    @Override
    public void close() {
        for (BrowserContext context : contexts) {
            try {
                context.close();
            } catch (RuntimeException e) {
                System.err.println("[browser] could not close a browser context: " + e);
            }
        }
        contexts.clear();
    }
}
