package cn.sgz.bench;

import cn.sgz.activity.internal.DemoPhotos;
import cn.sgz.browser.BrowserTestSupport;
import cn.sgz.evidence.TestImages;
import cn.sgz.shared.ChinaTime;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Photo upload over throttled networks (bench/upload-network-bench.sh; skipped unless SGZ_BENCH=upload): a 4000×3000
 * camera photo of about 3 MB, on the record page of a 360×740 phone, under Chromium's network emulation (DevTools
 * presets: slow 3G, fast 3G, fast 4G). For each profile: the page's way (shrunk in the browser, EXIF kept, sent in
 * 256 KB resumable pieces) — bytes sent and seconds from tapping 上传照片 to 已上传 — and the old way (the original
 * sent whole in one PUT). Prints a table with the load average and writes bench/results/upload-network-latest.txt.
 */
@EnabledIfEnvironmentVariable(named = "SGZ_BENCH", matches = "upload")
class PhotoUploadNetworkBench extends BrowserTestSupport {

    private static final Pattern RECORD_URL = Pattern.compile("/records/(\\d+)(?:[?#].*)?$");

    /** DevTools presets: latency ms, down and up bytes/s. */
    record Profile(String name, double latencyMs, double down, double up) {}

    static final List<Profile> PROFILES = List.of(
            new Profile("slow 3G", 2000, 500_000 / 8.0 * 0.8, 500_000 / 8.0 * 0.8),
            new Profile("fast 3G", 562.5, 1_600_000 / 8.0 * 0.9, 750_000 / 8.0 * 0.9),
            new Profile("fast 4G", 165, 9_000_000 / 8.0 * 0.9, 1_500_000 / 8.0 * 0.9));

    @TempDir
    Path tmp;

    @Test
    void uploadOverThrottledNetworks() throws IOException {
        LocalDate today = ChinaTime.today();
        List<String> out = new ArrayList<>();
        out.add(String.format(
                Locale.ROOT,
                "photo upload over Chromium network emulation, %s, load average before: %s",
                ChinaTime.now(),
                load()));
        out.add(String.format(
                Locale.ROOT,
                "%-8s %10s %12s %10s | %12s %10s | %s",
                "network",
                "photo B",
                "page sent B",
                "page s",
                "whole PUT B",
                "whole s",
                "load avg after"));
        for (Profile p : PROFILES) {
            long seed = 7_000_000L + Math.floorMod(System.nanoTime(), 1_000_000_000L);
            byte[] camera = TestImages.withExif(
                    TestImages.jpeg(DemoPhotos.scene(seed, seed * 5 + 3, 0, 4000, 3000), 0.94f),
                    today.atTime(10, 0),
                    40.6014,
                    109.9705);
            Path file = Files.write(tmp.resolve("IMG_" + seed + ".jpg"), camera);

            Page page = phonePage();
            login(page, "demo_worker", "SOCIAL_WORKER");
            long record = createRecord(page, "弱网上传基准 " + p.name() + " " + seed);
            CDPSession cdp = page.context().newCDPSession(page);
            cdp.send("Network.enable");
            JsonObject cond = new JsonObject();
            cond.addProperty("offline", false);
            cond.addProperty("latency", p.latencyMs());
            cond.addProperty("downloadThroughput", p.down());
            cond.addProperty("uploadThroughput", p.up());
            cdp.send("Network.emulateNetworkConditions", cond);

            page.locator("[data-testid=photo-upload-input]").setInputFiles(file);
            long t0 = System.nanoTime();
            page.locator("[data-testid=photo-submit]").tap();
            page.waitForURL(
                    url -> url.contains("uploaded="),
                    new Page.WaitForURLOptions()
                            .setTimeout(300_000)
                            .setWaitUntil(com.microsoft.playwright.options.WaitUntilState.COMMIT));
            double pageSeconds = (System.nanoTime() - t0) / 1e9;
            page.waitForLoadState();
            long sent = Long.parseLong((String) page.evaluate("() => sessionStorage.getItem('sgz-upload-sent')"));
            String result = page.url().contains("uploaded=1") ? "ok" : "not stored";

            // the old way: the original file in one PUT (as the page did before the shrinking and the pieces)
            page.navigate("/records/" + record);
            page.locator("[data-testid=photo-upload-input]").setInputFiles(file);
            long t1 = System.nanoTime();
            Object status = page.evaluate(
                    "async (url) => { const f = document.getElementById('photo-input').files[0];"
                            + " const csrf = document.querySelector('meta[name=_csrf]').content;"
                            + " const r = await fetch(url + '/whole-' + Date.now(), {method: 'PUT', body: f,"
                            + " headers: {'X-CSRF-TOKEN': csrf, 'Content-Type': 'image/jpeg'}}); return r.status; }",
                    "/api/v1/service-records/" + record + "/photos");
            double wholeSeconds = (System.nanoTime() - t1) / 1e9;
            out.add(String.format(
                    Locale.ROOT,
                    "%-8s %10d %12d %10.1f | %12d %10.1f | %s  (page %s, whole PUT %s)",
                    p.name(),
                    camera.length,
                    sent,
                    pageSeconds,
                    camera.length,
                    wholeSeconds,
                    load(),
                    result,
                    status));
            System.out.println(out.get(out.size() - 1));
            page.context().close();
        }
        String text = String.join("\n", out) + "\n";
        System.out.println("\n" + text);
        Path results = Path.of("bench/results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("upload-network-latest.txt"), text);
    }

    private long createRecord(Page page, String title) {
        page.navigate("/records/new");
        Locator form = page.locator("[data-testid=record-form]");
        form.locator("#kind").selectOption("FOLLOW_UP_VISIT");
        form.locator("#title").fill(title);
        form.locator("#serviceDate").fill(ChinaTime.today().toString());
        form.locator("#place").fill("社区活动室");
        form.locator("#participantLines").fill("王大爷");
        form.locator("[data-testid=save-record]").click();
        page.waitForURL(RECORD_URL.asPredicate());
        Matcher m = RECORD_URL.matcher(page.url());
        m.find();
        return Long.parseLong(m.group(1));
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return String.format(
                    Locale.ROOT,
                    "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
