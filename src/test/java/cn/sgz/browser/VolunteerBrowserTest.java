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
 * Volunteers on a phone: register a volunteer, hold a volunteer activity and log the volunteer's hours, see
 * them wait (待核验) until the activity's record has a proper photo, then count on the volunteer's page.
 */
class VolunteerBrowserTest extends BrowserTestSupport {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final double STATION_LAT = 40.6010;
    private static final double STATION_LON = 109.9702;
    private static final int PHONE_WIDTH = 360;
    private static final Pattern VOLUNTEER_URL = Pattern.compile("/volunteers/(\\d+)$");
    private static final Pattern ACTIVITY_URL = Pattern.compile("/volunteer-activities/(\\d+)$");

    @TempDir
    Path tmp;

    @Test
    void registerAVolunteerLogHoursAndSeeThemCountOnPhone() throws IOException {
        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");
        LocalDate today = ChinaTime.today();
        long n = Math.floorMod(System.nanoTime(), 100_000_000L);
        String name = "浏览器志愿者" + Long.toString(n, 36);
        String phone = "137" + String.format("%08d", n);

        // register
        page.navigate("/volunteers");
        assertFitsPhone(page, "volunteers");
        page.locator("[data-testid=new-volunteer]").click();
        Locator form = page.locator("[data-testid=volunteer-form]");
        assertThat(form).isVisible();
        assertFitsPhone(page, "volunteer form");
        form.locator("#name").fill(name);
        form.locator("#phone").fill(phone);
        form.locator("#nationalNo").fill("1520" + n);
        form.locator("#skills").fill("陪伴聊天");
        form.locator("[data-testid=volunteer-submit]").click();
        page.waitForURL(VOLUNTEER_URL.asPredicate());
        long volunteerId = id(VOLUNTEER_URL, page.url());
        assertThat(page.locator("#volunteer-name")).hasText(name);
        assertThat(page.locator("#registration-tag")).hasText("已在全国志愿服务信息系统注册");
        assertThat(page.locator("[data-testid=counting-hours]")).hasText("0");

        // a volunteer activity (社工+志愿者) and the volunteer's hours
        String title = "浏览器志愿服务" + Long.toString(n, 36);
        page.navigate("/volunteer-activities");
        page.locator("[data-testid=new-activity]").click();
        Locator activity = page.locator("[data-testid=activity-form]");
        assertFitsPhone(page, "activity form");
        activity.locator("#rec-title").fill(title);
        activity.locator("#rec-date").fill(today.toString());
        activity.locator("#rec-place").fill("小区公共区域");
        // held outdoors: without a reason the sign-in rule would still apply
        activity.locator("#rec-outdoor-reason").fill("志愿者分散在各楼栋服务，未集中签到");
        activity.locator("[data-testid=activity-submit]").click();
        page.waitForURL(ACTIVITY_URL.asPredicate());
        long recordId = id(ACTIVITY_URL, page.url());
        assertThat(page.locator("#activity-title")).hasText(title);
        assertThat(page.locator("[data-testid=activity-counts]")).hasAttribute("data-counts", "false");

        Locator hours = page.locator("[data-testid=hours-form]");
        hours.locator("[data-testid=hours-volunteer]").selectOption(String.valueOf(volunteerId));
        hours.locator("[data-testid=hours-input]").fill("3.5");
        hours.locator("#duty").fill("陪伴老人");
        hours.locator("[data-testid=hours-submit]").click();
        assertThat(page.locator("[data-testid=notice]")).hasText("已登记 " + name + " 服务 3.5 小时");
        assertThat(page.locator("[data-testid=hours-table] tr[data-volunteer-id='" + volunteerId + "']"))
                .containsText("3.5 小时");
        assertFitsPhone(page, "activity " + recordId);

        // not counted yet: the record has no photo
        page.navigate("/volunteers/" + volunteerId);
        assertThat(page.locator("[data-testid=counting-hours]")).hasText("0");
        assertThat(page.locator("#pending-hours")).hasText("3.5");

        // the photo goes on the service record, from the activity page
        page.navigate("/volunteer-activities/" + recordId);
        page.locator("[data-testid=record-link]").click();
        page.waitForURL(url -> url.endsWith("/records/" + recordId));
        Path photo = Files.write(tmp.resolve("IMG_volunteer.jpg"), stationPhoto(today));
        page.locator("[data-testid=photo-upload-input]").setInputFiles(photo);
        page.locator("[data-testid=photo-submit]").click();
        page.waitForURL(url -> url.endsWith("#photos"));
        assertThat(page.locator("[data-testid=qualification-badge]")).hasAttribute("data-status", "COUNTS");

        // now the hours count on the volunteer's page
        page.navigate("/volunteers/" + volunteerId);
        assertThat(page.locator("[data-testid=counting-hours]")).hasText("3.5");
        assertThat(page.locator("#pending-hours")).hasText("0");
        Locator service = page.locator("[data-testid=volunteer-service][data-record-id='" + recordId + "']");
        assertThat(service).containsText(title);
        assertThat(service.locator(".tag")).hasText("计入");
        assertFitsPhone(page, "volunteer " + volunteerId);
    }

    private static long id(Pattern pattern, String url) {
        Matcher m = pattern.matcher(url);
        assertThat(m.find()).as("URL %s", url).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static void assertFitsPhone(Page page, String where) {
        assertThat(documentScrollWidth(page))
                .as("document width on %s (a wider page scrolls sideways on a %d px phone)", where, PHONE_WIDTH)
                .isLessThanOrEqualTo(PHONE_WIDTH);
    }

    /** A JPEG taken at 10:00 on the service date near 沙河街道社工站, of a scene unique to this run. */
    private static byte[] stationPhoto(LocalDate serviceDate) {
        long seed = 7_000_000_000L + Math.floorMod(System.nanoTime(), 1_000_000_000L);
        return TestImages.withExif(
                TestImages.jpeg(TestImages.scene(seed), 0.9f),
                serviceDate.atTime(10, 0),
                STATION_LAT + 0.0004,
                STATION_LON + 0.0003);
    }
}
