package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.activity.RecordForm;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.evidence.TestImages;
import cn.sgz.evidence.UploadResult;
import cn.sgz.org.DemoUsers;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.vocabulary.ServiceKind;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 重复照片申诉 on phones (360×740): station 2's worker opens a record whose photo repeats station 1's, sees the
 * earlier photo's thumbnail, date and station (and nothing of station 1's record), and contests the finding — an
 * empty reason is refused in Chinese. The county officer finds the contest on the home page, opens the record and
 * upholds it; the record counts again and the worker sees the decision and its reason.
 */
class PhotoContestBrowserTest extends BrowserTestSupport {

    @Autowired
    ServiceRecordService records;

    @Autowired
    DemoUsers demoUsers;

    @Autowired
    OrgDirectory directory;

    /** A record of the worker's station today with the photo; returns {record id, photo id, station name}. */
    Object[] recordWithPhoto(String worker, String title, byte[] jpeg) {
        return demoUsers.callAs(worker, () -> {
            OrgUnitView station = directory.visibleUnits(OrgUnitType.STATION).get(0);
            long id = records.create(new RecordForm(
                            station.id(),
                            null,
                            ServiceKind.FOLLOW_UP_VISIT,
                            null,
                            title,
                            ChinaTime.today(),
                            "10:00",
                            "10:40",
                            "居民家中",
                            false,
                            false,
                            "陈静",
                            1,
                            "上门回访，了解近况。",
                            "",
                            List.of(new RecordForm.ParticipantInput(null, "乔玉梅")),
                            null,
                            null,
                            null,
                            null))
                    .id();
            UploadResult up = records.addPhoto(
                    id,
                    PhotoPurpose.SCENE,
                    PhotoSource.GALLERY,
                    "browser-contest-" + System.nanoTime(),
                    "IMG_2041.jpg",
                    jpeg.length,
                    new ByteArrayInputStream(jpeg),
                    null);
            return new Object[] {id, up.photo().id(), station.name(), up.photo().duplicate()};
        });
    }

    @Test
    void theWorkerSeesTheEarlierPhotoAndContestsAndTheBureauUpholds() {
        // between the two demo stations, so only the duplicate finding keeps the copy out
        byte[] jpeg = TestImages.withExif(
                TestImages.jpeg(TestImages.scene(77_001 + System.nanoTime() % 1000), 0.9f),
                ChinaTime.today().atTime(10, 5),
                40.6180,
                109.9481);
        String firstTitle = "沙河站入户回访" + System.nanoTime();
        Object[] first = recordWithPhoto("demo_worker", firstTitle, jpeg);
        Object[] copy = recordWithPhoto("demo_worker2", "萨如拉站回访" + System.nanoTime(), jpeg);
        assertThat((Boolean) copy[3]).as("the copy is flagged").isTrue();
        long recordId = (Long) copy[0];
        long photoId = (Long) copy[1];

        Page worker = phonePage();
        login(worker, "demo_worker2", "SOCIAL_WORKER");
        worker.navigate("/records/" + recordId);
        assertThat(worker.locator("#qualification-badge")).hasAttribute("data-status", "EXCLUDED");
        Locator fig = worker.locator("#photo-" + photoId);
        Locator earlier = fig.locator("[data-testid=earlier-photo]");
        assertThat(earlier).isVisible();
        assertThat(earlier.locator("[data-testid=earlier-station]")).containsText((String) first[2]);
        assertThat(earlier.locator("[data-testid=earlier-date]")).hasText("拍摄于 " + ChinaTime.today());
        Locator thumb = earlier.locator("[data-testid=earlier-thumb]");
        thumb.scrollIntoViewIfNeeded();
        worker.waitForFunction("el => el.complete && el.naturalWidth > 0", thumb.elementHandle());
        assertThat(worker.locator("main")).not().containsText(firstTitle);
        assertThat(fig.locator("[data-testid=duplicate-link]")).hasCount(0);
        assertThat(documentScrollWidth(worker)).as("record page width").isLessThanOrEqualTo(360);

        // an empty reason is refused in Chinese; then the contest is filed
        fig.locator("[data-testid=contest-open]").click();
        fig.locator("[data-testid=contest-submit]").click();
        assertThat(worker.locator("[data-testid=page-error]")).containsText("请填写申诉理由");
        fig = worker.locator("#photo-" + photoId);
        fig.locator("[data-testid=contest-open]").click();
        fig.locator("[data-testid=contest-reason]").fill("这是本次回访当天在老人家中拍的照片，不是别的站的照片");
        fig.locator("[data-testid=contest-submit]").click();
        assertThat(worker.locator("[data-testid=notice]")).containsText("已提出申诉");
        Locator state = worker.locator("#photo-" + photoId + " [data-testid=contest-state]");
        assertThat(state).hasAttribute("data-status", "PENDING");
        assertThat(state).containsText("待区县民政局裁定");
        assertThat(worker.locator("#photo-" + photoId + " [data-testid=contest-box]"))
                .hasCount(0);
        assertThat(worker.locator("[data-testid=decide-form]")).hasCount(0);

        // the bureau: home page → the record → uphold with a reason
        Page bureau = phonePage();
        login(bureau, "demo_bureau", "BUREAU_OFFICER");
        Locator line = bureau.locator("#home-photo-contests a[href='/records/" + recordId + "#photo-" + photoId + "']");
        assertThat(line).isVisible();
        assertThat(documentScrollWidth(bureau)).as("bureau home width").isLessThanOrEqualTo(360);
        line.click();
        Locator bfig = bureau.locator("#photo-" + photoId);
        // the officer sees both stations: a link to the earlier record
        assertThat(bfig.locator("[data-testid=duplicate-link]"))
                .hasAttribute("href", "/records/" + first[0] + "#photo-" + first[1]);
        bfig.locator("[data-testid=decision-reason]").fill("核实两张照片为同一文件，但系沙河站误传到本站，萨如拉站照片为原件");
        bfig.locator("[data-testid=decide-upheld]").click();
        assertThat(bureau.locator("[data-testid=notice]")).containsText("申诉成立");
        assertThat(bureau.locator("#qualification-badge")).hasAttribute("data-status", "COUNTS");
        assertThat(bureau.locator("#photo-" + photoId + " [data-testid=contest-state]"))
                .hasAttribute("data-status", "UPHELD");
        assertThat(documentScrollWidth(bureau)).as("record page width (bureau)").isLessThanOrEqualTo(360);

        // all contests: the decided one is listed with both thumbnails, on a phone without sideways scrolling
        bureau.navigate("/photo-contests?status=ALL");
        assertThat(bureau.locator("[data-testid=contest][data-status=UPHELD] a[href='/records/" + recordId + "#photo-"
                        + photoId + "']"))
                .isVisible();
        assertThat(documentScrollWidth(bureau)).as("contest list width").isLessThanOrEqualTo(360);

        worker.reload();
        assertThat(worker.locator("#qualification-badge")).hasAttribute("data-status", "COUNTS");
        assertThat(worker.locator("#photo-" + photoId + " [data-testid=contest-decision]"))
                .containsText("萨如拉站照片为原件");
        assertThat(worker.locator("#photo-" + photoId + " [data-testid=duplicate-cleared]"))
                .isVisible();
    }
}
