package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.activity.internal.DemoPhotos;
import cn.sgz.evidence.TestImages;
import cn.sgz.shared.ChinaTime;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Photos over a village network on a 360×740 phone (issue 16 item 4): from the to-do list to a counted follow-up with
 * two photos; an upload cut off mid-way resumes from the last byte the server has and the photo is stored once; a
 * 3 MB camera photo is shrunk in the browser to at most 800 KB and the stored photo keeps its EXIF capture time.
 */
class PhotoUploadBrowserTest extends BrowserTestSupport {

    private static final int PHONE_WIDTH = 360;
    private static final double STATION_LAT = 40.6010;
    private static final double STATION_LON = 109.9702;
    private static final Pattern RECORD_URL = Pattern.compile("/records/(\\d+)(?:[?#].*)?$");

    @TempDir
    Path tmp;

    @Test
    void fromTheToDoListToACountedFollowUpWithTwoPhotos() throws IOException {
        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");
        assertThat(page.locator("#todo-heading")).containsText("今天要做的事");
        Locator line = page.locator("[data-todo-group=FOLLOW_UPS] a.todo-line").first();
        line.tap();
        page.waitForURL(Pattern.compile("/followups/record/\\d+$"));
        assertThat(page.locator("[data-testid=followup-form]")).isVisible();
        assertThat(page.locator("#method-visit")).isChecked();
        page.locator("#fu-findings").fill("上门看望，身体尚可，已提醒按时服药" + Long.toString(System.nanoTime(), 36));
        page.locator("[data-testid=followup-save]").tap();
        page.locator("[data-testid=evidence-record-link]").tap();
        page.waitForURL(RECORD_URL.asPredicate());
        long record = recordId(page);
        assertThat(page.locator("[data-testid=qualification-badge]")).not().hasAttribute("data-status", "COUNTS");

        LocalDate today = ChinaTime.today();
        Path a = write("IMG_0101.jpg", stationPhoto(today, 1));
        Path b = write("IMG_0102.jpg", stationPhoto(today, 2));
        page.locator("[data-testid=photo-upload-input]").setInputFiles(new Path[] {a, b});
        page.locator("[data-testid=photo-submit]").tap();
        page.waitForURL(url -> url.contains("uploaded=2"), new Page.WaitForURLOptions().setTimeout(60_000));
        assertThat(page.locator("[data-testid=photo]")).hasCount(2);
        assertThat(page.locator("[data-testid=qualification-badge]")).hasAttribute("data-status", "COUNTS");
        assertThat(page.locator("[data-testid=qualification-badge]")).hasText("计入服务次数");
        assertThat(photos(page, record)).hasSize(2);
        assertFitsPhone(page, "the follow-up's record with two photos");
    }

    /**
     * The second piece reaches the server but its answer is lost (connection reset); the first try of the third piece
     * never reaches it. The page asks the server how far it got and continues from there — no piece is sent from the
     * start again — and the completion, also cut off once after the server stored the photo, stores it once.
     */
    @Test
    void anInterruptedUploadResumesFromTheLastByteAndIsStoredOnce() throws IOException {
        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");
        long record = createRecord(page, "断线续传测试" + System.nanoTime());
        LocalDate today = ChinaTime.today();
        // a photo under 800 KB and 2560 px is sent as it is: three or more pieces of 256 KB
        long seed = 5_000_000L + Math.floorMod(System.nanoTime(), 1_000_000_000L);
        byte[] jpeg = TestImages.withExif(
                TestImages.jpeg(DemoPhotos.scene(seed, seed * 3 + 1, 0, 1600, 1200), 0.95f),
                today.atTime(10, 0),
                STATION_LAT + 0.0004,
                STATION_LON + 0.0003);
        assertThat(jpeg.length).as("test photo size").isBetween(2 * 262_144 + 1, 800 * 1024);

        List<Long> offsets = new CopyOnWriteArrayList<>();
        AtomicInteger patches = new AtomicInteger();
        AtomicInteger completes = new AtomicInteger();
        AtomicInteger statusAsks = new AtomicInteger();
        page.route("**/api/v1/uploads/**", route -> {
            Request rq = route.request();
            if ("GET".equals(rq.method())) {
                statusAsks.incrementAndGet();
                route.resume();
                return;
            }
            int n = patches.incrementAndGet();
            offsets.add(Long.parseLong(rq.headerValue("upload-offset")));
            if (n == 2) {
                route.fetch(); // the server stores the piece ...
                route.abort("connectionreset"); // ... and the phone never hears back
            } else if (n == 3) {
                route.abort("connectionreset"); // cut off before it reached the server
            } else {
                route.resume();
            }
        });
        page.route("**/api/v1/service-records/" + record + "/photos/*/complete**", route -> {
            if (completes.incrementAndGet() == 1) {
                route.fetch();
                route.abort("connectionreset");
            } else {
                route.resume();
            }
        });
        page.locator("[data-testid=photo-upload-input]").setInputFiles(write("IMG_0200.jpg", jpeg));
        page.locator("[data-testid=photo-submit]").tap();
        page.waitForURL(url -> url.contains("uploaded=1"), new Page.WaitForURLOptions().setTimeout(60_000));

        assertThat(offsets.get(0)).isZero();
        assertThat(offsets.get(1)).isEqualTo(262_144L);
        assertThat(offsets.get(2))
                .as("after the lost answer the page continues where the server is, not from the start")
                .isEqualTo(524_288L);
        assertThat(offsets.get(3))
                .as("the piece that never arrived is sent again")
                .isEqualTo(524_288L);
        assertThat(offsets).as("never back to an earlier byte").isSorted();
        assertThat(statusAsks.get()).as("asked the server how far it got").isGreaterThanOrEqualTo(2);
        assertThat(completes.get()).isEqualTo(2);

        JsonNode stored = photos(page, record);
        assertThat(stored).as("exactly one photo on the server").hasSize(1);
        assertThat(stored.get(0).get("byteSize").asLong()).isEqualTo(jpeg.length);
        assertThat(page.locator("[data-testid=photo]")).hasCount(1);
    }

    @Test
    void aThreeMegabytePhotoIsShrunkToAtMost800KbAndKeepsItsCaptureTime() throws IOException {
        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");
        long record = createRecord(page, "压缩上传测试" + System.nanoTime());
        LocalDate today = ChinaTime.today();
        byte[] camera = cameraPhoto(today);
        assertThat(camera.length).as("a camera photo of about 3 MB").isBetween(2_700_000, 4_300_000);

        // what the page handed to the network (the uploader counts every piece, retries included; kept across the
        // page's reload), and the photo size each piece announces on the wire
        List<Long> announced = new CopyOnWriteArrayList<>();
        page.onRequest(rq -> {
            if (rq.url().contains("/api/v1/uploads/") && "PATCH".equals(rq.method())) {
                announced.add(Long.parseLong(rq.headerValue("upload-length")));
            }
        });
        page.locator("[data-testid=photo-upload-input]").setInputFiles(write("IMG_3MB.jpg", camera));
        page.locator("[data-testid=photo-submit]").tap();
        page.waitForURL(url -> url.contains("uploaded=1"), new Page.WaitForURLOptions().setTimeout(60_000));
        long sent = Long.parseLong((String) page.evaluate("() => sessionStorage.getItem('sgz-upload-sent')"));

        assertThat(sent).as("bytes sent for a %d byte photo", camera.length).isBetween(100_000L, 800L * 1024);
        assertThat(announced).isNotEmpty().allMatch(n -> n == sent);
        JsonNode p = photos(page, record).get(0);
        assertThat(p.get("byteSize").asLong()).isEqualTo(sent);
        assertThat(Math.max(p.get("width").asInt(), p.get("height").asInt())).isEqualTo(2560);
        assertThat(p.get("timeSource").asText()).isEqualTo("EXIF");
        assertThat(chinaTime(p.get("capturedAt").asText())).startsWith(today + "T10:00");
        assertThat(p.get("positionSource").asText()).isEqualTo("EXIF");
        assertThat(page.locator("[data-testid=photo] figcaption").first()).containsText("拍摄 " + today + " 10:00");
    }

    /** A file that is not a photo is refused with the reason on its own line; the photo beside it is stored. */
    @Test
    void oneRefusedPhotoNeverBlocksTheOthers() throws IOException {
        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");
        long record = createRecord(page, "拒绝一张测试" + System.nanoTime());
        Path fake = write(
                "IMG_0300.jpg", "这不是照片，只是改了扩展名的文字。".repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path good = write("IMG_0301.jpg", stationPhoto(ChinaTime.today(), 3));
        page.locator("[data-testid=photo-upload-input]").setInputFiles(new Path[] {fake, good});
        page.locator("[data-testid=photo-submit]").tap();
        Locator items = page.locator("[data-testid=photo-progress-item]");
        assertThat(items.nth(0)).hasAttribute("data-result", "refused");
        assertThat(items.nth(0)).containsText("文件内容不是照片");
        assertThat(items.nth(1)).hasAttribute("data-result", "ok");
        assertThat(page.locator("[data-testid=photo-progress-done]")).hasText("已上传 1 张，共 2 张。");
        assertThat(photos(page, record)).hasSize(1);
        assertFitsPhone(page, "the record page with a refused photo");
    }

    /** The watermark camera page sends a system-camera photo through the same shrinking, resumable uploader. */
    @Test
    void theWatermarkCameraSendsThroughTheSameUploader() throws IOException {
        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");
        long record = createRecord(page, "水印相机分段上传" + System.nanoTime());
        AtomicInteger pieces = new AtomicInteger();
        page.onRequest(rq -> {
            if (rq.url().contains("/api/v1/uploads/") && "PATCH".equals(rq.method())) {
                pieces.incrementAndGet();
            }
        });
        page.navigate("/records/" + record + "/camera");
        page.locator("[data-testid=camera-file]").setInputFiles(write("IMG_CAM.jpg", cameraPhoto(ChinaTime.today())));
        assertThat(page.locator("[data-testid=camera-status]"))
                .containsText(
                        "已上传并加盖水印",
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                .setTimeout(60_000));
        assertThat(pieces.get()).isBetween(1, 4);
        JsonNode p = photos(page, record).get(0);
        assertThat(p.get("source").asText()).isEqualTo("CAMERA");
        assertThat(p.get("stamped").asBoolean()).isTrue();
        assertThat(p.get("byteSize").asLong()).isLessThanOrEqualTo(800 * 1024);
        assertThat(p.get("timeSource").asText()).isEqualTo("EXIF");
    }

    /** A 4000×3000 camera photo of about 3 MB (a detailed scene at high quality), taken at 10:00 near the station. */
    static byte[] cameraPhoto(LocalDate day) {
        long seed = 7_000_000L + Math.floorMod(System.nanoTime(), 1_000_000_000L);
        return TestImages.withExif(
                TestImages.jpeg(DemoPhotos.scene(seed, seed * 5 + 3, 0, 4000, 3000), 0.94f),
                day.atTime(10, 0),
                STATION_LAT + 0.0004,
                STATION_LON + 0.0003);
    }

    private static byte[] stationPhoto(LocalDate day, int n) {
        long seed = 9_000_000L + n * 31L + Math.floorMod(System.nanoTime(), 1_000_000_000L);
        return TestImages.withExif(
                TestImages.jpeg(TestImages.scene(seed), 0.9f),
                day.atTime(9, 40 + n),
                STATION_LAT + 0.0004,
                STATION_LON + 0.0003);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    private static long recordId(Page page) {
        Matcher m = RECORD_URL.matcher(page.url());
        assertThat(m.find()).as("record URL %s", page.url()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static JsonNode photos(Page page, long record) {
        APIResponse r = page.request().get("/api/v1/service-records/" + record);
        return new ObjectMapper().readTree(r.text()).get("photos");
    }

    /** A follow-up visit at the station today, through the record form; returns its id. */
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
        return recordId(page);
    }

    private static void assertFitsPhone(Page page, String where) {
        assertThat(documentScrollWidth(page))
                .as("document width on %s (a wider page scrolls sideways on a %d px phone)", where, PHONE_WIDTH)
                .isLessThanOrEqualTo(PHONE_WIDTH);
    }

    /** A time the API wrote (H2 answers +08:00, PostgreSQL UTC) as China local time, e.g. 2026-12-07T09:30. */
    private static String chinaTime(String apiTime) {
        return java.time.OffsetDateTime.parse(apiTime)
                .atZoneSameInstant(cn.sgz.shared.ChinaTime.ZONE)
                .toLocalDateTime()
                .toString();
    }
}
