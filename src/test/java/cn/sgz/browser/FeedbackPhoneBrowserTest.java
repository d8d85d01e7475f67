package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.evidence.TestImages;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident with a phone (360 px) and no account: opens the station's feedback link (the QR code's
 * target), sends a complaint with a photo, keeps the receipt number and query code; the bureau replies;
 * the resident reads the reply with the query code.
 */
class FeedbackPhoneBrowserTest extends BrowserTestSupport {

    private static final Pattern QUESTION = Pattern.compile("(\\d+) (加|减) (\\d+) 等于几");

    @TempDir
    Path tmp;

    @Autowired
    JdbcClient jdbc;

    /** Sessions created since a moment (milliseconds, as Spring Session stores it). */
    private long sessionsSince(long millis) {
        return jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE creation_time >= ?")
                .param(millis)
                .query(Long.class)
                .single();
    }

    private static String solve(Page page) {
        Matcher m = QUESTION.matcher(page.locator("#challenge-question").innerText());
        assertThat(m.find()).isTrue();
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(3));
        return String.valueOf(m.group(2).equals("加") ? a + b : a - b);
    }

    private static void fitsPhone(Page page, String where) {
        assertThat(documentScrollWidth(page)).as("document width on %s", where).isLessThanOrEqualTo(360);
    }

    @Test
    void residentComplainsWithPhotoAndReadsTheBureausReply() throws Exception {
        long start = System.currentTimeMillis() - 1000;
        Page phone = phonePage();
        phone.navigate("/feedback");
        assertThat(phone.locator("main h1")).hasText("请选择您要反馈的社工站");
        fitsPhone(phone, "/feedback");
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("沙河街道社工站"))
                .click();
        String stationUrl = phone.url();
        assertThat(stationUrl).matches(".*/feedback/s/\\d+$");
        // the QR code's target opens directly, without anything before it
        Page scanned = phonePage();
        scanned.navigate(stationUrl);
        assertThat(scanned.locator("main h1")).hasText("沙河街道社工站");
        fitsPhone(scanned, "station page");
        scanned.locator("#kind-COMPLAINT").click();
        fitsPhone(scanned, "form");

        String content = "约好的上门理发两周没来，电话也打不通，老人一直在等。";
        scanned.locator("#content").fill(content);
        scanned.locator("#serviceNamed").fill("助老服务");
        Path photo = Files.write(tmp.resolve("door.jpg"), TestImages.jpeg(TestImages.scene(1515), 0.9f));
        scanned.locator("#photos").setInputFiles(photo);
        scanned.locator("#phone").fill("13812345670");
        scanned.locator("input[name=consent]").check();
        scanned.locator("#challengeAnswer").fill(solve(scanned));
        scanned.locator("#submit").click();
        assertThat(scanned.locator("main h1")).hasText("已提交，谢谢您！");
        fitsPhone(scanned, "receipt");
        String receipt = scanned.locator("#receipt-no").innerText().strip();
        String code = scanned.locator("#query-code").innerText().strip();
        assertThat(receipt).startsWith("FK");
        assertThat(code).matches("\\d{8}");

        scanned.locator("#go-track").click();
        scanned.locator("#receiptNo").fill(receipt);
        scanned.locator("#queryCode").fill(code);
        scanned.locator("#track-submit").click();
        assertThat(scanned.locator("#track-status")).hasText("已受理");
        assertThat(scanned.locator("main")).not().containsText("13812345670");
        // the real server kept no session for the resident: no row, no session cookie
        assertThat(sessionsSince(start)).isZero();
        assertThat(scanned.context().cookies()).noneMatch(c -> c.name.equals("SESSION"));

        // the bureau replies
        Page bureau = desktopPage();
        login(bureau, "demo_bureau", "BUREAU_OFFICER");
        bureau.navigate("/complaints");
        bureau.locator("[data-receipt='" + receipt + "'] a").click();
        assertThat(bureau.locator("#case-content")).hasText(content);
        assertThat(bureau.locator("#case-phone")).hasText("13812345670");
        assertThat(bureau.locator("main img")).hasCount(1);
        bureau.locator("#reply-text").fill("已联系承接机构，明天上午社工上门为老人理发，并向您致歉。");
        bureau.locator("#reply-submit").click();
        assertThat(bureau.locator("#case-status")).hasText("已答复");

        // the resident reads the reply with the query code
        scanned.navigate("/feedback/track");
        scanned.locator("#receiptNo").fill(receipt);
        scanned.locator("#queryCode").fill(code);
        scanned.locator("#track-submit").click();
        assertThat(scanned.locator("#track-status")).hasText("已答复");
        assertThat(scanned.locator("#track-reply")).hasText("已联系承接机构，明天上午社工上门为老人理发，并向您致歉。");
        fitsPhone(scanned, "track with reply");
    }
}
