package cn.sgz.bench;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.WaitUntilState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue #16 Performance: each worker page on a 360×740 phone in headless Chromium, with Chromium's own network
 * throttling (CDP {@code Network.emulateNetworkConditions}): bytes transferred per page on a first visit (cache
 * disabled: the page, its CSS, JS, images) and on a repeat visit (browser cache on), and the time to the load event
 * unthrottled, on 4G and on slow 3G. Goal: under 200 KB a page. Not a test: it prints figures, with the load average.
 *
 * <p>Usage: {@code PhonePageBench baseUrl [user,user…]} — the application must be running with the demo data.
 */
public final class PhonePageBench {

    /** Chromium DevTools' throttling presets (bytes/s, ms), as DevTools defines them. */
    record Net(String name, double downBytes, double upBytes, double latencyMs) {}

    static final List<Net> NETS = List.of(
            new Net("none", -1, -1, 0),
            // 4G as Lighthouse/WebPageTest define it: 9 Mbit/s down, 1.5 Mbit/s up, 170 ms round trip
            new Net("4G", 9_000_000 / 8.0, 1_500_000 / 8.0, 170),
            // DevTools "Slow 3G": 500 kbit/s × 0.8 each way, 400 ms × 5 round trip
            new Net("slow3G", 500_000 * 0.8 / 8, 500_000 * 0.8 / 8, 2000));

    static final long GOAL_BYTES = 200 * 1024;

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:18089";
        List<String> users = List.of((args.length > 1 ? args[1] : "demo_worker,demo_head").split(","));
        String chromium = System.getenv().getOrDefault("SGZ_CHROMIUM", "/usr/bin/chromium");
        System.out.printf(
                Locale.ROOT, "phone page bench, %s, Chromium %s, load average %s%n", base, chromium, loadAverage());
        System.out.printf(
                Locale.ROOT,
                "%-14s %-44s %10s %10s %6s %9s %9s %9s %s%n",
                "user",
                "page",
                "first KB",
                "repeat KB",
                "reqs",
                "none ms",
                "4G ms",
                "slow3G ms",
                "load avg");
        int over = 0;
        int pages = 0;
        try (Playwright pw = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = pw.chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(Path.of(chromium))
                            .setHeadless(true)
                            .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
            for (String user : users) {
                BrowserContext ctx = browser.newContext(new Browser.NewContextOptions()
                        .setBaseURL(base)
                        .setViewportSize(360, 740)
                        .setDeviceScaleFactor(2)
                        .setIsMobile(true)
                        .setHasTouch(true)
                        .setLocale("zh-CN")
                        // the offline service worker would answer from its own target, outside the page's
                        // throttling and byte count: measure what the network carries
                        .setServiceWorkers(com.microsoft.playwright.options.ServiceWorkerPolicy.BLOCK));
                Page page = ctx.newPage();
                Meter meter = new Meter(ctx.newCDPSession(page));
                page.navigate("/login");
                page.locator("input[name=username]").fill(user);
                page.locator("input[name=password]").fill("sgz-demo-2026!");
                page.locator("form button[type=submit]").first().click();
                page.waitForURL(base + "/");
                for (String href : pagesOf(page)) {
                    long[] first = meter.measure(page, href, NETS.get(0), true);
                    long[] repeat = meter.measure(page, href, NETS.get(0), false);
                    long none = meter.measure(page, href, NETS.get(0), false)[2];
                    long g4 = meter.measure(page, href, NETS.get(1), false)[2];
                    long s3 = meter.measure(page, href, NETS.get(2), false)[2];
                    pages++;
                    if (first[0] > GOAL_BYTES) {
                        over++;
                    }
                    System.out.printf(
                            Locale.ROOT,
                            "%-14s %-44s %10.1f %10.1f %6d %9d %9d %9d %s%s%n",
                            user,
                            href.length() > 44 ? href.substring(0, 44) : href,
                            first[0] / 1024.0,
                            repeat[0] / 1024.0,
                            first[1],
                            none,
                            g4,
                            s3,
                            loadAverage(),
                            first[0] > GOAL_BYTES ? "  OVER 200 KB" : "");
                }
                ctx.close();
            }
            browser.close();
        }
        System.out.printf(
                Locale.ROOT, "%d pages, %d over 200 KB on a first visit; load average %s%n", pages, over, loadAverage());
        System.out.println("photo upload bytes (3 MB camera photo): measured by the upload bench, not here");
    }

    /** The menu entries of the signed-in user, then one record, one ledger person, one case, one group. */
    static List<String> pagesOf(Page page) {
        Set<String> out = new LinkedHashSet<>();
        for (Object h : (List<?>) page.evaluate(
                "() => [...document.querySelectorAll('nav.side a.nav-link')].map(a => a.getAttribute('href'))")) {
            out.add(String.valueOf(h));
        }
        for (String[] listAndLink : new String[][] {
            {"/records", "/records/"}, {"/recipients", "/recipients/"}, {"/cases", "/cases/"}, {"/groups", "/groups/"}
        }) {
            if (!out.contains(listAndLink[0])) {
                continue;
            }
            page.navigate(listAndLink[0]);
            Object first = page.evaluate("p => { const a = [...document.querySelectorAll('main a[href^=\"' + p"
                    + " + '\"]')].map(a => a.getAttribute('href')).find(h => /^\\/[a-z]+\\/\\d+$/.test(h));"
                    + " return a || null; }", listAndLink[1]);
            if (first != null) {
                out.add(String.valueOf(first));
            }
        }
        return new ArrayList<>(out);
    }

    /** One DevTools session on the page: counts what each navigation transfers, throttles the network. */
    static final class Meter {
        private final CDPSession cdp;
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicLong requests = new AtomicLong();

        Meter(CDPSession cdp) {
            this.cdp = cdp;
            cdp.on("Network.loadingFinished", (JsonObject e) -> {
                bytes.addAndGet(e.get("encodedDataLength").getAsLong());
                requests.incrementAndGet();
            });
            cdp.send("Network.enable");
        }

        /** Bytes transferred (encoded, over the wire), requests and ms to the load event for one navigation. */
        long[] measure(Page page, String href, Net net, boolean cold) {
            JsonObject cache = new JsonObject();
            cache.addProperty("cacheDisabled", cold);
            cdp.send("Network.setCacheDisabled", cache);
            JsonObject cond = new JsonObject();
            cond.addProperty("offline", false);
            cond.addProperty("latency", net.latencyMs());
            cond.addProperty("downloadThroughput", net.downBytes());
            cond.addProperty("uploadThroughput", net.upBytes());
            cdp.send("Network.emulateNetworkConditions", cond);
            page.navigate("about:blank");
            page.waitForTimeout(100);
            bytes.set(0);
            requests.set(0);
            long start = System.nanoTime();
            Response r = page.navigate(
                    href, new Page.NavigateOptions().setWaitUntil(WaitUntilState.LOAD).setTimeout(180_000));
            long ms = (System.nanoTime() - start) / 1_000_000;
            page.waitForTimeout(300); // the last loadingFinished events
            return new long[] {bytes.get(), requests.get(), r == null || r.status() != 200 ? -1 : ms};
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }
}
