package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.shared.ChinaTime;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A 驻站社工 records a home needs assessment for a person on the station's ledger; the assessment shows
 * on the person's page, and the link to its service record shows that the visit does not count yet
 * because no on-site photo has been uploaded.
 */
class AssessmentBrowserTest extends BrowserTestSupport {

    private static final Pattern RECIPIENT_URL = Pattern.compile("/recipients/(\\d+)$");
    private static final Pattern RECORD_URL = Pattern.compile("/records/(\\d+)$");

    @Test
    void workerRecordsHomeAssessmentAndSeesRecordWaitingForPhoto() {
        String tag = Long.toString(System.nanoTime(), 36);
        String economy = "浏览器测试评估" + tag + "：低保金为主要收入";
        String strengths = "女儿每周探望，邻里互助" + tag;

        Page page = desktopPage();
        login(page, "demo_worker", "SOCIAL_WORKER");

        // A person of the worker's own station, opened from the ledger
        page.navigate("/recipients");
        Locator first = page.locator("#ledger-table tbody tr").first().locator("td a");
        String name = first.textContent().strip();
        first.click();
        assertThat(page).hasURL(RECIPIENT_URL);
        long recipientId = idOf(RECIPIENT_URL, page.url());
        assertThat(page.locator("#recipient-name")).hasText(name);
        assertThat(page.locator("#recipient-card")).containsText("所属：沙河街道社工站");

        page.locator("#assessment-new").click();
        assertThat(page).hasURL(Pattern.compile("/recipients/" + recipientId + "/assessments/new$"));
        assertThat(page.locator("main h1")).hasText("入户需求评估：" + name);
        Locator form = page.locator("[data-testid=assessment-form]");
        assertThat(form).isVisible();
        // The server's "today" (same JVM, default zone): the pages default to and cap the date at it
        String today = ChinaTime.today().toString();
        assertThat(page.locator("#a-date")).hasValue(today);

        page.locator("#a-economy").fill(economy);
        page.locator("#a-housing").fill("平房，冬季燃煤取暖");
        page.locator("#a-health").fill("高血压，能自理");
        page.locator("#a-care").fill("独自生活");
        page.locator("#a-need-DAILY_CARE").check();
        page.locator("#a-need-POLICY").check();
        page.locator("#a-strengths").fill(strengths);
        page.locator("#a-risk").selectOption("MEDIUM");
        page.locator("#assessment-save").click();

        // Back on the person's page: notice, the new assessment, and the link to its service record
        page.waitForURL(url -> url.endsWith("/recipients/" + recipientId));
        assertThat(page.locator("#notice")).hasText("已保存入户评估。请为本次入户上传现场水印照片，否则不计入服务次数。");
        assertThat(page.locator("#form-error")).hasCount(0);
        assertThat(page.locator("#no-assessment")).hasCount(0);
        Locator assessment =
                page.locator("details[data-assessment-id]").filter(new Locator.FilterOptions().setHasText(economy));
        assertThat(assessment).hasCount(1);
        assertThat(assessment.locator("summary")).containsText(today);
        assertThat(assessment.locator("summary")).containsText("风险 中");
        assertThat(assessment.locator("summary")).containsText("生活照料、政策咨询与申请");
        assessment.locator("summary").click();
        assertThat(assessment).containsText("优势资源：" + strengths);
        assertThat(assessment).containsText("居住情况：平房，冬季燃煤取暖");
        assertThat(page.locator("main h1 .tag").filter(new Locator.FilterOptions().setHasText("风险")))
                .hasText("风险中");

        Locator evidenceLink = page.locator("[data-testid=evidence-record-link]");
        assertThat(evidenceLink).isVisible();
        assertThat(evidenceLink).hasAttribute("href", RECORD_URL);
        String recordHref = evidenceLink.getAttribute("href");
        Locator assessmentRecordLink = assessment.locator("[data-testid=assessment-record-link]");
        assertThat(assessmentRecordLink).hasAttribute("href", recordHref);

        // The service record behind the visit: not counted until an on-site photo is uploaded
        evidenceLink.click();
        page.waitForURL(RECORD_URL);
        assertThat(page.locator("#record-title")).hasText("入户需求评估：" + name);
        assertThat(page.locator("#record-fields")).containsText(name);
        assertThat(page.locator("#service-date")).containsText(today);
        Locator badge = page.locator("[data-testid=qualification-badge]");
        assertThat(badge).hasAttribute("data-status", "EXCLUDED");
        assertThat(badge).hasText("不计入服务次数");
        Locator noPhoto = page.locator("[data-testid=qualification-reason][data-code=NO_PHOTO]");
        assertThat(noPhoto).hasCount(1);
        assertThat(noPhoto.locator("b")).hasText("没有现场照片");
        assertThat(page.locator("[data-testid=photo]")).hasCount(0);

        // and the person's page links to the same record from the assessment itself
        page.navigate("/recipients/" + recipientId);
        Locator again =
                page.locator("details[data-assessment-id]").filter(new Locator.FilterOptions().setHasText(economy));
        assertThat(again.locator("[data-testid=assessment-record-link]")).hasAttribute("href", recordHref);
        assertThat(page.locator("[data-testid=evidence-record-link]")).hasCount(0);
    }

    private static long idOf(Pattern pattern, String url) {
        var m = pattern.matcher(url);
        assertThat(m.find()).as("URL %s", url).isTrue();
        return Long.parseLong(m.group(1));
    }
}
