package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 扫码签到 on two phones (360×740): the worker opens the QR page of today's demo lecture; a resident, in another
 * browser without an account, opens the short link and signs in; the worker's page shows the new line without
 * a reload (htmx polling).
 */
class SignInQrBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aResidentSignsInAndTheWorkersListFillsUpLive() {
        long id = jdbc.sql("SELECT id FROM service_record WHERE title = '冬季防火安全知识讲座'")
                .query(Long.class)
                .single();
        Page worker = phonePage();
        login(worker, "demo_worker", "SOCIAL_WORKER");
        worker.navigate("/records/" + id);
        worker.locator("#sign-in-qr").click();
        assertThat(worker).hasURL(baseUrl() + "/records/" + id + "/qr");
        assertThat(worker.locator("#qr-image")).isVisible();
        assertThat(((Number) worker.evaluate("() => document.getElementById('qr-image').naturalWidth")).intValue())
                .as("the QR code image loaded")
                .isGreaterThan(100);
        // the demo residents are already there, marked as scanned
        assertThat(worker.locator("#qr-table")).containsText("马桂芳");
        assertThat(worker.locator("#qr-table")).containsText("扫码");
        assertThat(documentScrollWidth(worker)).as("worker's QR page width").isLessThanOrEqualTo(360);
        String link = worker.locator("#qr-link").innerText().strip();
        assertThat(link).startsWith(baseUrl() + "/s/");

        Page resident = phonePage();
        resident.navigate(link);
        assertThat(resident.locator("#activity-title")).hasText("冬季防火安全知识讲座");
        assertThat(resident.locator("main")).not().containsText("马桂芳");
        assertThat(documentScrollWidth(resident))
                .as("public sign-in page width")
                .isLessThanOrEqualTo(360);
        resident.locator("#name").fill("韩淑珍");
        resident.locator("#phone").fill("1370472");
        resident.locator("#submit").click();
        assertThat(resident.locator("#phone-error")).containsText("电话号码格式不正确");
        resident.locator("#phone").fill("13704728830");
        resident.locator("#submit").click();
        assertThat(resident.locator("#result")).hasText("签到成功");

        // no reload on the worker's side: the polled list shows her
        assertThat(worker.locator("#qr-table"))
                .containsText(
                        "韩淑珍",
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                .setTimeout(20_000));
        assertThat(worker.locator("#qr-table tr", new Page.LocatorOptions().setHasText("韩淑珍")))
                .containsText("扫码");

        // the worker closes it; the resident's link then says so
        worker.locator("#qr-close").click();
        assertThat(worker.locator("#qr-closed")).isVisible();
        resident.navigate(link);
        assertThat(resident.locator("#closed-message")).containsText("已由社工关闭");
    }
}
