package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue #16 item 8 on a 360×740 phone: the four casework screen faults a worker met, each checked the way she saw
 * it — the page title's markup in form headings and the intake's case name, a closing file's forms that looked
 * editable and ended in a 409, the station head reviewing a closure in edit mode with 「提交结案申请」, and a short
 * group session shown 不计入 on the group page but 计入 with 服务人数 0 on its record. Uses the demo files (README:
 * a case awaiting closure approval, the 银龄互助 group whose 3rd session had 4 people signed in).
 */
class CaseworkScreenFaultsBrowserTest extends BrowserTestSupport {

    private static final Pattern CASE_URL = Pattern.compile(".*/cases/(\\d+)$");

    @Test
    void formHeadingsAndTheIntakeCaseNameCarryNoTitleMarkup() {
        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");
        page.navigate("/cases/new");
        assertThat(page.locator("#case-title")).hasValue("");
        assertThat(page.locator("h1")).not().containsText("<title>");
        assertThat(page.locator("h1")).not().containsText("社工站服务管理平台");

        page.navigate("/cases");
        page.locator("#cases-list a", new Page.LocatorOptions().setHasText("王奶奶居家安全与情绪支持个案"))
                .click();
        page.waitForURL(CASE_URL.asPredicate());
        // a closed case: its forms open read-only from 查看, each under its own heading
        page.locator("[data-testid=view-ASSESSMENT]").click();
        assertThat(page.locator("#form-title")).hasText("预估表");
        page.goBack();
        page.locator("[data-testid=view-PLAN]").click();
        assertThat(page.locator("#form-title")).hasText("工作计划表");
        assertThat(page.locator("[data-testid=save-form]")).hasCount(0);

        page.navigate("/groups/new");
        assertThat(page.locator("h1").first()).not().containsText("<title>");
        assertThat(page.locator("#name")).hasValue("");
        assertThat(documentScrollWidth(page)).isLessThanOrEqualTo(361);
    }

    @Test
    void aClosingCaseIsReadOnlyForTheWorkerAndTheHeadReviewsItWithoutAnEditForm() {
        Page worker = phonePage();
        login(worker, "demo_worker", "SOCIAL_WORKER");
        worker.navigate("/cases?stage=CLOSING");
        Locator closing = worker.locator("#cases-list [data-case-id] a").first();
        assertThat(closing).isVisible();
        closing.click();
        worker.waitForURL(CASE_URL.asPredicate());
        String caseUrl = worker.url();
        // no 修改 link on a file awaiting closure, only 查看
        assertThat(worker.locator("[data-testid=edit-ASSESSMENT]")).hasCount(0);
        worker.locator("[data-testid=view-ASSESSMENT]").click();
        // the saved text, read-only, and no save button that would end in a 409 page
        assertThat(worker.locator("[data-testid=cw-readonly]")).containsText("结案申请待站长审批");
        assertThat(worker.locator("[data-testid=save-form]")).hasCount(0);
        assertThat(worker.locator("form textarea")).hasCount(0);

        Page head = phonePage();
        login(head, "demo_head", "STATION_HEAD");
        head.navigate(caseUrl);
        assertThat(head.locator("[data-testid=closure-decision]")).isVisible();
        assertThat(head.locator("[data-testid=approve-closure]")).isVisible();
        head.navigate(caseUrl + "/forms/CLOSURE");
        assertThat(head.locator("#form-title")).hasText("结案表");
        assertThat(head.locator("[data-testid=cw-readonly]")).isVisible();
        assertThat(head.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("提交结案申请")))
                .hasCount(0);
        assertThat(documentScrollWidth(head)).isLessThanOrEqualTo(361);
    }

    @Test
    void aShortGroupSessionDoesNotCountOnTheGroupPageNorOnItsRecord() {
        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");
        page.navigate("/groups");
        page.locator("a", new Page.LocatorOptions().setHasText("“银龄互助”老年人互助小组"))
                .first()
                .click();
        Locator small =
                page.locator("[data-testid=session-row][data-counts=false]").first();
        assertThat(small.locator("[data-testid=session-count]")).hasText("不计入");
        assertThat(small.locator("[data-testid=session-attendees]")).hasText("4 人");
        small.locator("a[href*='/records/']").click();
        page.waitForURL(Pattern.compile(".*/records/\\d+.*").asPredicate());
        assertThat(page.locator("[data-testid=group-minimum]")).containsText("不计入小组节数：签到 4 人");
        assertThat(page.locator("[data-testid=served-count]")).hasText("4（按签到表）");
        assertThat(documentScrollWidth(page)).isLessThanOrEqualTo(361);
    }
}
