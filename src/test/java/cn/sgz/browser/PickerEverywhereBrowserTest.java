package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue #16 item 2 on a 360×740 phone: wherever a record, session or relief names people, the worker picks them by
 * typing two characters, several at once, never an id — here the lines a worker adds to a record's 签到表 and
 * 物品领取单 and a group session's sign-in sheet (a picked person's line takes the ledger's phone).
 */
class PickerEverywhereBrowserTest extends BrowserTestSupport {

    private static final Pattern RECORD_URL = Pattern.compile(".*/records/(\\d+).*");
    private static final Pattern GROUP_URL = Pattern.compile(".*/groups/\\d+(#.*)?$");

    @Test
    void signInAndReceiptLinesPickSeveralLedgerPeopleByTypingTwoCharacters() {
        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");
        JsonNode people = ledgerPeople(page);
        JsonNode a = people.get(0);
        JsonNode b = people.get(1);

        String title = "签到选人" + Long.toString(System.nanoTime(), 36);
        page.navigate("/records/new");
        Locator form = page.locator("[data-testid=record-form]");
        form.locator("#kind").selectOption("COMMUNITY_SERVICE");
        form.locator("#title").fill(title);
        form.locator("#place").fill("社区活动室");
        form.locator("#indoor").check();
        form.locator("#participantLines").fill("王大爷");
        form.locator("[data-testid=save-record]").click();
        page.waitForURL(RECORD_URL.asPredicate());

        pick(page, "signin-picker", a);
        pick(page, "signin-picker", b);
        assertThat(page.locator("#signin-picker [data-testid=picked-person]")).hasCount(2);
        assertThat(documentScrollWidth(page)).isLessThanOrEqualTo(361);
        page.locator("#signin-add").click();
        page.waitForURL(RECORD_URL.asPredicate());
        Locator sheet = page.locator("[data-testid=sign-in-table]");
        assertThat(sheet).containsText(a.get("name").asText());
        assertThat(sheet).containsText(b.get("name").asText());
        // the ledger's phone went onto the sheet (nobody typed one)
        Locator rowA = sheet.locator(
                "tr", new Locator.LocatorOptions().setHasText(a.get("name").asText()));
        if (a.hasNonNull("phone") && !a.get("phone").asText().isBlank()) {
            assertThat(rowA.first()).not().containsText("未填");
        }

        pick(page, "receipt-picker", a);
        page.locator("#receipt-item").fill("大米");
        page.locator("#receipt-quantity").fill("1袋");
        page.locator("#receipt-form button[type=submit]").click();
        page.waitForURL(RECORD_URL.asPredicate());
        assertThat(page.locator("[data-testid=receipt-table]"))
                .containsText(a.get("name").asText());
        assertThat(page.locator("[data-testid=receipt-table]")).containsText("大米");
    }

    @Test
    void aGroupSessionSignInSheetTakesPeoplePickedFromTheLedgers() {
        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");
        JsonNode people = ledgerPeople(page);
        JsonNode a = people.get(0);
        JsonNode b = people.get(1);

        page.navigate("/groups");
        page.locator("[data-testid=new-group]").click();
        page.locator("#name").fill("选人小组" + Long.toString(System.nanoTime(), 36));
        page.locator("#domain").selectOption("ELDERLY");
        page.locator("#f-background").fill("老人缺少交流");
        page.locator("#f-goals").fill("建立互助网络");
        page.locator("#f-members").fill("8 名老人");
        page.locator("#f-plannedSessions").fill("4");
        page.locator("#f-schedule").fill("每周三下午，社区活动室");
        page.locator("[data-testid=save-group]").click();
        page.waitForURL(GROUP_URL.asPredicate());
        page.locator("[data-testid=new-unit]").click();
        page.locator("#f-theme").fill("相互认识");
        page.locator("#f-goals").fill("相互认识");
        page.locator("#f-plannedDate").fill(cn.sgz.shared.ChinaTime.today().toString());
        page.locator("#f-activities").fill("暖身、分享、总结");
        page.locator("[data-testid=save-form]").click();
        page.waitForURL(GROUP_URL.asPredicate());

        page.locator("[data-testid=new-session]").click();
        page.locator("#unitSeq").selectOption("1");
        page.locator("#f-sessionGoal").fill("相互认识");
        page.locator("#f-process").fill("按单元计划开展");
        page.locator("#f-outcome").fill("互动良好");
        pick(page, "attendee-picker", a);
        pick(page, "attendee-picker", b);
        page.locator("#attendance").fill("刘淑芬 13904721301\n王建国 13904721302\n张秀英 13904721303\n李志强 13904721304");
        assertThat(documentScrollWidth(page)).isLessThanOrEqualTo(361);
        page.locator("[data-testid=save-session]").click();
        page.waitForURL(GROUP_URL.asPredicate());
        Locator row = page.locator("[data-testid=session-row]").first();
        assertThat(row.locator("[data-testid=session-attendees]")).hasText("6 人");

        row.locator("a[href*='/records/']").click();
        page.waitForURL(RECORD_URL.asPredicate());
        Locator sheet = page.locator("[data-testid=sign-in-table]");
        assertThat(sheet).containsText(a.get("name").asText());
        assertThat(sheet).containsText(b.get("name").asText());
        assertThat(sheet).containsText("刘淑芬");
        // the picked people are the session's people served: their history lists it
        String history = page.request()
                .get("/api/v1/recipients/" + a.get("id").asLong() + "/history")
                .text();
        String recordId = RECORD_URL.matcher(page.url()).replaceAll("$1");
        assertThat(history).contains("/records/" + recordId);
    }

    /** Two people of the worker's station from the ledger API, with different first two characters of the name. */
    private static JsonNode ledgerPeople(Page page) {
        JsonNode items = new ObjectMapper()
                .readTree(page.request().get("/api/v1/recipients?size=20").text())
                .get("items");
        JsonNode first = items.get(0);
        for (JsonNode p : items) {
            if (!p.get("name")
                    .asText()
                    .substring(0, 2)
                    .equals(first.get("name").asText().substring(0, 2))) {
                return new ObjectMapper().createArrayNode().add(first).add(p);
            }
        }
        throw new AssertionError("the demo ledger has no two people with different names");
    }

    private static void pick(Page page, String pickerId, JsonNode person) {
        page.locator("#" + pickerId + "-q")
                .pressSequentially(person.get("name").asText().substring(0, 2));
        page.locator("#" + pickerId + " [data-testid=person-option][data-id='"
                        + person.get("id").asLong() + "']")
                .click();
    }
}
