package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.shared.ChinaTime;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * On a phone, a 驻站社工 opens 回访提醒 from the menu, taps 记录回访 for someone due, records a phone
 * follow-up, and the person drops off the list of people still to follow up (and shows as done).
 * No page scrolls sideways at 360 px.
 */
class FollowUpDueBrowserTest extends BrowserTestSupport {

    private static final int PHONE_WIDTH = 360;

    @Test
    void workerOnPhoneRecordsFollowUpFromDueList() {
        String findings = "电话问候，血压平稳，需代购药品" + Long.toString(System.nanoTime(), 36);

        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");

        // 回访提醒 through the ☰ menu
        page.locator(".menu-toggle").tap();
        Locator nav = page.locator("nav.side");
        assertThat(nav).isVisible();
        nav.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("回访提醒").setExact(true))
                .tap();
        page.waitForURL(Pattern.compile("/followups/due$"));
        assertThat(page.locator("main h1")).hasText("本期待回访");
        assertThat(page.locator("#due-empty")).hasCount(0);
        assertFitsPhone(page, "the due list");

        // The first person on the list is overdue or due (done people are not listed by default)
        Locator entries = page.locator("#due-list > [data-recipient-id]");
        assertThat(entries.first()).isVisible();
        assertThat(page.locator("#due-list > [data-status=DONE]")).hasCount(0);
        Locator entry = entries.first();
        String status = entry.getAttribute("data-status");
        assertThat(status).isIn("OVERDUE", "DUE");
        long recipientId = Long.parseLong(entry.getAttribute("data-recipient-id"));
        String name = entry.locator("a b").first().textContent().strip();
        assertThat(entry.locator(".tag").first()).hasText("OVERDUE".equals(status) ? "已逾期" : "本期待回访");

        Locator recordButton = page.locator("#record-" + recipientId);
        assertThat(recordButton).hasAttribute("data-testid", "record-followup");
        recordButton.tap();
        page.waitForURL(Pattern.compile("/followups/record/" + recipientId + "$"));
        assertThat(page.locator("main h1")).hasText("记录回访：" + name);
        Locator form = page.locator("[data-testid=followup-form]");
        assertThat(form).isVisible();
        assertFitsPhone(page, "the follow-up form");

        // The server's "today" (same JVM, default zone): the pages default to and cap the date at it
        String today = ChinaTime.today().toString();
        assertThat(page.locator("#fu-date")).hasValue(today);
        assertThat(page.locator("#method-visit")).isChecked();
        page.locator("#method-phone").tap();
        assertThat(page.locator("#method-phone")).isChecked();
        page.locator("#fu-findings").tap();
        page.locator("#fu-findings").fill(findings);
        page.locator("[data-testid=followup-save]").tap();

        // Back on the due list: the notice, and the person is no longer waiting
        page.waitForURL(Pattern.compile("/followups/due$"));
        assertThat(page.locator("#notice")).hasText("已记录对“" + name + "”的回访");
        assertThat(page.locator("#due-" + recipientId)).hasCount(0);
        assertThat(page.locator("[data-testid=evidence-record-link]"))
                .hasAttribute("href", Pattern.compile("/records/\\d+$"));
        assertFitsPhone(page, "the due list after saving");

        // With the people already followed up this period, the person shows as done
        page.locator("#due-show-all").tap();
        page.waitForURL(Pattern.compile("/followups/due\\?all=true$"));
        Locator done = page.locator("#due-" + recipientId);
        assertThat(done).hasAttribute("data-status", "DONE");
        assertThat(done.locator(".tag").first()).hasText("本期已回访");
        // (the card prints the date the locale's way, e.g. 2026/11/24)
        assertThat(done).containsText(Pattern.compile("上次：" + today.replace("-", "[-/]")));
        assertFitsPhone(page, "the due list with done people");

        // The person's page lists the follow-up with its service record
        page.navigate("/recipients/" + recipientId);
        Locator item = page.locator("#followup-list li").filter(new Locator.FilterOptions().setHasText(findings));
        assertThat(item).hasCount(1);
        assertThat(item).containsText(today);
        assertThat(item).containsText("电话回访");
        assertThat(item.locator("[data-testid=followup-record-link]"))
                .hasAttribute("href", Pattern.compile("/records/\\d+$"));
        assertFitsPhone(page, "the person's page");
    }

    private static void assertFitsPhone(Page page, String where) {
        assertThat(documentScrollWidth(page))
                .as("document width on %s (a wider page scrolls sideways on a %d px phone)", where, PHONE_WIDTH)
                .isLessThanOrEqualTo(PHONE_WIDTH);
    }
}
