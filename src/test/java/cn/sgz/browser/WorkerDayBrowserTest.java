package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A worker's day on a 360×740 phone (#16 items 1–3): the to-do list on the home page opens the place to act;
 * people are picked by typing two characters of a name (several at once, never an id); the person's page shows
 * the new service in their history. No page scrolls sideways.
 */
class WorkerDayBrowserTest extends BrowserTestSupport {

    private static final int PHONE_WIDTH = 360;

    @Test
    void fromTheToDoListToTheRightPlaceAndPeoplePickedByTyping() throws Exception {
        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");

        // one to-do list, in priority order, every line a tap to the place to act
        assertThat(page.locator("#todo-heading")).containsText("今天要做的事");
        Locator groups = page.locator("[data-todo-group]");
        assertThat(groups.first()).hasAttribute("data-todo-group", "FOLLOW_UPS");
        assertFitsPhone(page, "home with the to-do list");
        page.locator("[data-todo-group=RECORDS] a.todo-line", new Page.LocatorOptions().setHasText("拍照补证"))
                .first()
                .tap();
        assertThat(page).hasURL(Pattern.compile("/records/\\d+/camera$"));
        page.goBack();
        page.locator("[data-todo-group=FOLLOW_UPS] a.todo-line").first().tap();
        assertThat(page).hasURL(Pattern.compile("/followups/record/\\d+$"));
        assertFitsPhone(page, "follow-up form from the to-do list");
        page.navigate("/");
        page.locator("[data-todo-group=SESSIONS] a.todo-line", new Page.LocatorOptions().setHasText("快乐成长"))
                .first()
                .tap();
        assertThat(page).hasURL(Pattern.compile("/groups/\\d+/sessions/new\\?unit=1$"));

        // two people of the worker's ledger (the page's own session asks the API)
        APIResponse ledger = page.request().get("/api/v1/recipients?size=20");
        JsonNode items = new ObjectMapper().readTree(ledger.text()).get("items");
        JsonNode first = items.get(2);
        JsonNode second = items.get(5);
        String secondTail = second.get("maskedIdNumber")
                .asText()
                .substring(second.get("maskedIdNumber").asText().length() - 4);

        page.navigate("/records/new");
        page.locator("#title").fill("走访并了解生活情况（选人测试）");
        Locator search = page.locator("#participant-picker-q");
        search.tap();
        search.pressSequentially(first.get("name").asText().substring(0, 2));
        Locator option = page.locator(
                "[data-testid=person-option][data-id='" + first.get("id").asLong() + "']");
        assertThat(option).isVisible();
        assertThat(option).containsText("****"); // masked hint, never a full number
        assertFitsPhone(page, "record form with the picker open");
        option.tap();
        assertThat(page.locator("[data-testid=picked-person]")).hasCount(1);
        assertThat(search).hasValue("");
        search.pressSequentially(secondTail);
        page.locator("[data-testid=person-option][data-id='" + second.get("id").asLong() + "']")
                .tap();
        assertThat(page.locator("[data-testid=picked-person]")).hasCount(2);
        // removing and picking again works; nobody is picked twice
        page.locator("[data-testid=picked-person][data-id='" + second.get("id").asLong() + "'] button")
                .tap();
        assertThat(page.locator("[data-testid=picked-person]")).hasCount(1);
        search.pressSequentially(secondTail);
        page.locator("[data-testid=person-option][data-id='" + second.get("id").asLong() + "']")
                .tap();
        assertThat(page.locator("[data-testid=picked-person]")).hasCount(2);
        page.locator("#save-record").tap();
        assertThat(page).hasURL(Pattern.compile("/records/\\d+$"));
        assertThat(page.locator("main")).containsText(first.get("name").asText());
        assertThat(page.locator("main")).containsText(second.get("name").asText());
        String recordUrl = page.url();

        // the edit form shows the picked people as chips again
        page.navigate(recordUrl.replaceAll("^.*(/records/\\d+)$", "$1") + "/edit");
        assertThat(page.locator("[data-testid=picked-person]")).hasCount(2);

        // the person's page: the new service is in their history, with whether it counts
        page.navigate("/recipients/" + first.get("id").asLong());
        Locator line = page.locator(
                "#history [data-testid=history-line]", new Page.LocatorOptions().setHasText("走访并了解生活情况（选人测试）"));
        assertThat(line).hasCount(1);
        assertThat(line).containsText("不计入");
        assertFitsPhone(page, "a person's page with their history");
    }

    private static void assertFitsPhone(Page page, String where) {
        assertThat(documentScrollWidth(page))
                .as("document width on %s (a wider page scrolls sideways on a %d px phone)", where, PHONE_WIDTH)
                .isLessThanOrEqualTo(PHONE_WIDTH);
    }
}
