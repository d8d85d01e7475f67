package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.evidence.TestImages;
import cn.sgz.shared.ChinaTime;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service records on a phone (issue 4): a visit with a proper photo counts; a copy of that photo on
 * another station's record is flagged with a link to the original; an indoor activity without a
 * sign-in sheet says why it does not count and what to do.
 *
 * <p>Photos are real JPEGs made here with EXIF DateTimeOriginal (the service date) and GPS near the
 * station, from a scene seeded per run so that earlier runs on a kept database never match them.
 */
class ServiceRecordBrowserTest extends BrowserTestSupport {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** 沙河街道社工站 (station 1 of the demo data). */
    private static final double STATION_LAT = 40.6010;

    private static final double STATION_LON = 109.9702;
    private static final int PHONE_WIDTH = 360;
    private static final Pattern RECORD_URL = Pattern.compile("/records/(\\d+)(?:[?#].*)?$");

    @TempDir
    Path tmp;

    @Test
    void visitWithPhotoCountsOnPhone() throws IOException {
        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");
        LocalDate today = ChinaTime.today();
        String title = "浏览器测试走访" + System.nanoTime();

        long id = createRecord(page, "FOLLOW_UP_VISIT", title, today, false);
        // no photo yet: excluded, and the page says so
        assertBadge(page, "EXCLUDED", "不计入服务次数");
        assertThat(page.locator("[data-testid=qualification-reasons] li[data-code=NO_PHOTO]"))
                .containsText("没有现场照片");
        assertThat(page.locator("[data-testid=camera-link]")).isVisible();
        assertThat(page.locator("[data-testid=camera-link]")).hasAttribute("href", "/records/" + id + "/camera");

        Path photo = writePhoto("IMG_visit.jpg", stationPhoto(today));
        uploadPhoto(page, photo);
        assertThat(page.locator("[data-testid=notice]")).hasText("照片已上传");
        assertBadge(page, "COUNTS", "计入服务次数");
        assertThat(page.locator("[data-testid=qualification-reasons]")).hasCount(0);
        assertThat(page.locator("#qualification")).containsText("本次服务计入服务次数");

        Locator figure = page.locator("[data-testid=photo]");
        assertThat(figure).hasCount(1);
        assertThat(figure).hasAttribute("data-duplicate", "false");
        assertThat(figure.locator("figcaption")).containsText("拍摄 " + today + " 10:00");
        assertThat(figure.locator("figcaption")).containsText("位置 40.60");
        assertThat(figure.locator("figcaption")).containsText(",109.97");
        assertThat(figure.locator(".duplicate-link")).hasCount(0);
        assertThumbnailLoaded(figure);
        assertFitsPhone(page, "record " + id);

        // and the list of this month's own records shows it as counting
        page.navigate("/records?mine=true");
        Locator row = page.locator("[data-testid=records-table] tr[data-record-id='" + id + "']");
        assertThat(row).hasCount(1);
        assertThat(row).containsText(title);
        assertThat(row.locator(".tag")).hasText("计入");
        assertThat(row.locator(".tag")).hasClass(Pattern.compile("\\bok\\b"));
    }

    @Test
    void copiedPhotoOnAnotherStationIsFlaggedWithLinkToOriginal() throws IOException {
        LocalDate today = ChinaTime.today();
        byte[] original = stationPhoto(today);

        Page first = phonePage();
        login(first, "demo_worker", "SOCIAL_WORKER");
        String firstTitle = "浏览器测试原图走访" + System.nanoTime();
        long firstId = createRecord(first, "FOLLOW_UP_VISIT", firstTitle, today, false);
        uploadPhoto(first, writePhoto("IMG_original.jpg", original));
        assertBadge(first, "COUNTS", "计入服务次数");
        String originalPhotoId = first.locator("[data-testid=photo]").getAttribute("data-photo-id");
        assertThat(originalPhotoId).matches("\\d+");

        // another worker, at another station, uploads the very same file to a new record
        Page second = phonePage();
        login(second, "demo_worker2", "SOCIAL_WORKER");
        String secondTitle = "浏览器测试复用照片" + System.nanoTime();
        long secondId = createRecord(second, "FOLLOW_UP_VISIT", secondTitle, today, false);
        assertThat(secondId).isNotEqualTo(firstId);
        uploadPhoto(second, writePhoto("IMG_copy.jpg", original));

        assertThat(second.locator("[data-testid=notice]")).containsText("与已有照片重复");
        assertBadge(second, "EXCLUDED", "不计入服务次数");
        Locator reason = second.locator("[data-testid=qualification-reasons] li[data-code=DUPLICATE_PHOTO]");
        assertThat(reason).containsText("使用了重复照片");
        assertThat(reason).containsText("与照片 #" + originalPhotoId + " 重复");
        assertThat(reason).containsText("怎么办：不得使用重复照片");

        Locator copy = second.locator("[data-testid=photo]");
        assertThat(copy).hasCount(1);
        assertThat(copy).hasAttribute("data-duplicate", "true");
        // the other station's record would answer 404: no link, but the earlier photo's thumbnail, date and station
        assertThat(copy.locator("[data-testid=duplicate-link]")).hasCount(0);
        assertThat(copy.locator("[data-testid=earlier-photo]")).isVisible();
        assertThat(copy.locator("[data-testid=earlier-photo]"))
                .hasAttribute("data-earlier-id", String.valueOf(originalPhotoId));
        assertFitsPhone(second, "record " + secondId);

        // the worker of the other station cannot open the first record, but the county officer, who sees
        // both stations, follows the link from the copy to the original photo
        Page bureau = phonePage();
        login(bureau, "demo_bureau", "BUREAU_OFFICER");
        bureau.navigate("/records/" + secondId);
        assertThat(bureau.locator("#record-title")).hasText(secondTitle);
        assertBadge(bureau, "EXCLUDED", "不计入服务次数");
        Locator link = bureau.locator("[data-testid=duplicate-link]");
        assertThat(link).hasAttribute("href", "/records/" + firstId + "#photo-" + originalPhotoId);
        assertThat(link).hasText("记录 #" + firstId + " 的照片 #" + originalPhotoId);
        link.click();
        assertThat(bureau).hasURL(Pattern.compile("/records/" + firstId + "#photo-" + originalPhotoId + "$"));
        assertThat(bureau.locator("#record-title")).hasText(firstTitle);
        Locator target = bureau.locator("#photo-" + originalPhotoId);
        assertThat(target).isVisible();
        assertThat(target).isInViewport();
        assertThat(target).hasAttribute("data-duplicate", "false");
        // the original still counts and names the record that reused its photo
        assertBadge(bureau, "COUNTS", "计入服务次数");
        assertThat(bureau.locator("[data-testid=reused-by] a[href='/records/" + secondId + "#photo-"
                        + copy.getAttribute("data-photo-id") + "']"))
                .hasText("记录 #" + secondId);
        first.reload();
        assertBadge(first, "COUNTS", "计入服务次数");
        assertThat(first.locator("[data-testid=reused-by]")).containsText("记录 #" + secondId);
    }

    @Test
    void indoorActivityWithoutSignInSheetExplainsWhyItDoesNotCount() throws IOException {
        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");
        LocalDate today = ChinaTime.today();
        String title = "浏览器测试室内活动" + System.nanoTime();

        long id = createRecord(page, "COMMUNITY_SERVICE", title, today, true);
        uploadPhoto(page, writePhoto("IMG_activity.jpg", stationPhoto(today)));
        assertThat(page.locator("#record-fields")).containsText("室内");
        assertThat(page.locator("#sign-ins h2")).containsText("室内活动必填");

        // the photo is fine: the missing sign-in sheet is the one and only reason
        assertBadge(page, "EXCLUDED", "不计入服务次数");
        Locator reasons = page.locator("[data-testid=qualification-reasons] [data-testid=qualification-reason]");
        assertThat(reasons).hasCount(1);
        assertThat(reasons).hasAttribute("data-code", "NO_SIGN_IN");
        assertThat(reasons.locator("b")).hasText("室内活动缺少签到表");
        assertThat(reasons).containsText("签到表中还没有人员");
        assertThat(reasons).containsText("怎么办：室内组织的活动需提供人员签到表及电话。请在“签到表”中逐一录入参加人员的姓名和电话");
        assertThat(page.locator("[data-testid=sign-in-table]")).containsText("暂无签到人员");
        assertFitsPhone(page, "record " + id);

        // doing what the fix says makes it count
        page.locator("#signin-name").fill("王大爷");
        page.locator("#signin-phone").fill("13912345678");
        page.locator("#signin-add").click();
        assertThat(page.locator("[data-testid=notice]")).hasText("已添加签到人员 王大爷");
        assertThat(page.locator("[data-testid=sign-in-table]")).containsText("王大爷");
        assertBadge(page, "COUNTS", "计入服务次数");
        assertThat(page.locator("[data-testid=qualification-reasons]")).hasCount(0);
    }

    /**
     * Photos for village networks: two photos chosen at once; the large one is shrunk in the browser to a long side
     * of 2560 px and keeps its EXIF capture time and place; the first attempt of an upload is cut off (as on a
     * dropped connection) and the page retries it with the same upload id, so each photo is stored exactly once.
     */
    @Test
    void severalPhotosAtOnceAreShrunkKeepTheirPlaceAndSurviveADroppedUpload() throws IOException {
        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");
        LocalDate today = ChinaTime.today();
        long id = createRecord(page, "FOLLOW_UP_VISIT", "浏览器测试多张照片" + System.nanoTime(), today, false);

        long seed = 3_000_000L + Math.floorMod(System.nanoTime(), 1_000_000_000L);
        byte[] large = TestImages.withExif(
                TestImages.jpeg(cn.sgz.activity.internal.DemoPhotos.scene(seed, seed * 7 + 1, 0, 4000, 3000), 0.95f),
                today.atTime(10, 0),
                STATION_LAT + 0.0004,
                STATION_LON + 0.0003);
        Path big = writePhoto("IMG_large.jpg", large);
        Path small = writePhoto("IMG_small.jpg", stationPhoto(today));

        java.util.concurrent.atomic.AtomicInteger puts = new java.util.concurrent.atomic.AtomicInteger();
        page.route("**/api/v1/service-records/" + id + "/photos/**", route -> {
            if (puts.incrementAndGet() == 1) {
                route.abort("connectionreset");
            } else {
                route.resume();
            }
        });
        page.locator("[data-testid=photo-upload-input]").setInputFiles(new Path[] {big, small});
        page.locator("[data-testid=photo-submit]").click();
        page.waitForURL(url -> url.contains("uploaded=2"), new Page.WaitForURLOptions().setTimeout(60_000));
        assertThat(page.locator("[data-testid=notice]")).hasText("已上传 2 张照片");
        assertThat(puts.get()).as("one retry after the dropped attempt").isEqualTo(3);

        Locator photos = page.locator("[data-testid=photo]");
        assertThat(photos).hasCount(2);
        for (int i = 0; i < 2; i++) {
            assertThat(photos.nth(i).locator("figcaption")).containsText("拍摄 " + today + " 10:00");
            assertThat(photos.nth(i).locator("figcaption")).containsText("位置 40.60");
        }
        assertBadge(page, "COUNTS", "计入服务次数");

        String json = page.request().get("/api/v1/service-records/" + id).text();
        tools.jackson.databind.JsonNode stored =
                new tools.jackson.databind.ObjectMapper().readTree(json).get("photos");
        assertThat(stored).hasSize(2);
        int shrunk = 0;
        for (tools.jackson.databind.JsonNode p : stored) {
            assertThat(Math.max(p.get("width").asInt(), p.get("height").asInt()))
                    .isLessThanOrEqualTo(2560);
            if (p.get("width").asInt() == 2560) {
                shrunk++;
                assertThat(p.get("byteSize").asLong()).isLessThan(large.length);
            }
        }
        assertThat(shrunk).as("the 4000 px photo arrives 2560 px wide").isEqualTo(1);
    }

    /** Fills the record form from the list's 登记服务 button and returns the new record's id. */
    private long createRecord(Page page, String kind, String title, LocalDate date, boolean indoor) {
        page.navigate("/records");
        page.locator("[data-testid=new-record]").click();
        Locator form = page.locator("[data-testid=record-form]");
        assertThat(form).isVisible();
        assertFitsPhone(page, "record form");
        form.locator("#kind").selectOption(kind);
        form.locator("#title").fill(title);
        form.locator("#serviceDate").fill(date.toString());
        form.locator("#place").fill("社区活动室");
        if (indoor) {
            form.locator("#indoor").check();
        }
        form.locator("#participantLines").fill("王大爷");
        form.locator("[data-testid=save-record]").click();

        page.waitForURL(RECORD_URL.asPredicate());
        assertThat(page.locator("#record-title")).hasText(title);
        assertThat(page.locator("[data-testid=notice]")).containsText("已登记");
        assertThat(page.locator("#service-date")).containsText(date.toString());
        Matcher m = RECORD_URL.matcher(page.url());
        assertThat(m.find()).as("record URL %s", page.url()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static void uploadPhoto(Page page, Path file) {
        String before = page.url();
        page.locator("[data-testid=photo-upload-input]").setInputFiles(file);
        page.locator("[data-testid=photo-submit]").click();
        // post/redirect/get back to the record's #photos
        page.waitForURL(url -> url.endsWith("#photos") && !url.equals(before));
        assertThat(page.locator("[data-testid=page-error]")).hasCount(0);
    }

    private static void assertBadge(Page page, String status, String text) {
        Locator badge = page.locator("[data-testid=qualification-badge]");
        assertThat(badge).hasAttribute("data-status", status);
        assertThat(badge).hasText(text);
    }

    private static void assertThumbnailLoaded(Locator figure) {
        Locator img = figure.locator("img");
        img.scrollIntoViewIfNeeded();
        img.page().waitForFunction("img => img.complete && img.naturalWidth > 0", img.elementHandle());
    }

    private static void assertFitsPhone(Page page, String where) {
        assertThat(documentScrollWidth(page))
                .as("document width on %s (a wider page scrolls sideways on a %d px phone)", where, PHONE_WIDTH)
                .isLessThanOrEqualTo(PHONE_WIDTH);
    }

    /** A JPEG taken at 10:00 on the service date, some 50 m from 沙河街道社工站, of a scene unique to this run. */
    private static byte[] stationPhoto(LocalDate serviceDate) {
        long seed = 1_000_000L + Math.floorMod(System.nanoTime(), 1_000_000_000L);
        return TestImages.withExif(
                TestImages.jpeg(TestImages.scene(seed), 0.9f),
                serviceDate.atTime(10, 0),
                STATION_LAT + 0.0004,
                STATION_LON + 0.0003);
    }

    private Path writePhoto(String name, byte[] jpeg) throws IOException {
        return Files.write(tmp.resolve(name), jpeg);
    }
}
