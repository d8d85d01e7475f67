package cn.sgz.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * 指标进度 (issue 5): the county officer goes from the navigation through the demo project's county
 * board to a station's indicator cards and into one indicator's counted and excluded records; a
 * social worker reads the station board on a phone without sideways scrolling.
 */
class ProgressBrowserTest extends BrowserTestSupport {

    private static final String PROJECT = "九原区民政领域社会工作服务项目（沙河、萨如拉、赛罕）";
    private static final String STATION = "沙河街道社工站";
    private static final List<String> STATIONS = List.of("沙河街道社工站", "萨如拉街道社工站", "赛罕街道社工站");
    private static final Set<String> STATUSES =
            Set.of("MET", "ON_TRACK", "AT_RISK", "MISSED", "NOT_DUE", "NOT_CONNECTED", "MANUAL");
    private static final Pattern STATION_BOARD = Pattern.compile("/progress/projects/\\d+/stations/\\d+(\\?.*)?$");
    private static final Pattern DRILLDOWN =
            Pattern.compile("/progress/projects/\\d+/stations/\\d+/indicators/\\d+(\\?.*)?$");
    private static final Pattern COUNT_IN_HEADING = Pattern.compile("（(\\d+)）");
    private static final int PHONE_WIDTH = 360;

    @Test
    void bureauOfficerDrillsFromCountyBoardToIndicatorRecords() {
        Page page = desktopPage();
        login(page, "demo_bureau", "BUREAU_OFFICER");

        page.locator("nav.side")
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("指标进度").setExact(true))
                .click();
        assertThat(page).hasURL(Pattern.compile("/progress$"));
        assertThat(page.locator("main h1")).hasText("指标进度");
        Locator project =
                page.locator("[data-testid=progress-project]").filter(new Locator.FilterOptions().setHasText(PROJECT));
        assertThat(project).hasCount(1);
        project.click();

        // county board: a chart bar and a table column per station
        assertThat(page).hasURL(Pattern.compile("/progress/projects/\\d+$"));
        assertThat(page.locator("main h1")).hasText(PROJECT);
        Locator chart = page.locator("#station-chart");
        assertThat(chart).isVisible();
        Locator table = page.locator("#county-table");
        assertThat(table).isVisible();
        assertThat(table.locator("thead th"))
                .hasText(new String[] {"指标", STATIONS.get(0), STATIONS.get(1), STATIONS.get(2)});
        for (String s : STATIONS) {
            assertThat(chart.getByRole(
                            AriaRole.LINK,
                            new Locator.GetByRoleOptions().setName(s).setExact(true)))
                    .isVisible();
        }
        page.waitForLoadState(); // a long server-rendered table: count its rows once it is all there
        int rows = table.locator("tbody tr").count();
        assertThat(rows).as("indicator rows on the county board").isPositive();
        // every cell (indicator × station) carries a status tag
        assertThat(table.locator("tbody td [data-status]")).hasCount(rows * STATIONS.size());
        assertStatuses(table.locator("tbody td [data-status]"));

        chart.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName(STATION).setExact(true))
                .click();

        // station board: indicator cards with statuses, some with a drill-down
        assertThat(page).hasURL(STATION_BOARD);
        assertThat(page.locator("main h1")).containsText(STATION);
        assertThat(page.locator("main h1")).containsText("合同指标看板");
        Locator cards = page.locator(".card.indicator");
        assertThat(cards).hasCount(rows);
        assertStatuses(cards);
        assertThat(page.locator("#status-summary .stat")).not().hasCount(0);
        Locator drillLinks = page.locator("[data-testid=drilldown-link]");
        assertThat(drillLinks.first()).isVisible();
        // each card shows its own status as a tag matching the card's data-status
        for (int i = 0; i < cards.count(); i++) {
            Locator card = cards.nth(i);
            assertThat(card.locator(".tag[data-status]").first())
                    .hasAttribute("data-status", card.getAttribute("data-status"));
        }

        // the indicator with most records behind it, so the drill-down has something to show
        Locator card = cardWithLargestActual(cards);
        String indicatorName = card.locator("b").first().innerText();
        String status = card.getAttribute("data-status");
        card.locator("[data-testid=drilldown-link]").click();

        assertThat(page).hasURL(DRILLDOWN);
        assertThat(page.locator("main h1")).hasText(indicatorName);
        assertThat(page.locator("main .card [data-status]").first()).hasAttribute("data-status", status);
        Locator counted = page.locator("#counted");
        Locator excluded = page.locator("#excluded");
        assertThat(counted).hasCount(1);
        assertThat(excluded).hasCount(1);
        int countedItems = headingCount(page, "计入的记录");
        int excludedItems = headingCount(page, "未计入的记录");
        assertThat(counted.locator("li")).hasCount(countedItems);
        assertThat(excluded.locator("li")).hasCount(excludedItems);
        assertThat(countedItems + excludedItems)
                .as("records behind %s", indicatorName)
                .isPositive();
        for (int i = 0; i < excludedItems; i++) {
            // an excluded record says why
            assertThat(excluded.locator("li").nth(i).locator(".field-error").first())
                    .not()
                    .isEmpty();
        }

        // a listed record opens its own page, with the same verdict
        boolean fromCounted = countedItems > 0;
        Locator first = (fromCounted ? counted : excluded).locator("li a").first();
        // "date title"; the date is printed in the browser's locale style (2026/10/17 for zh-CN)
        String title = first.innerText().replaceFirst("^\\S+ ", "");
        first.click();
        assertThat(page).hasURL(Pattern.compile("/records/\\d+"));
        assertThat(page.locator("#record-title")).hasText(title);
        assertThat(page.locator("[data-testid=qualification-badge]"))
                .hasAttribute("data-status", fromCounted ? "COUNTS" : "EXCLUDED");
    }

    @Test
    void workerReadsStationBoardOnPhoneWithoutSidewaysScrolling() {
        Page page = phonePage();
        login(page, "demo_worker", "SOCIAL_WORKER");

        page.locator(".menu-toggle").tap();
        page.locator("nav.side")
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("指标进度").setExact(true))
                .tap();
        assertThat(page.locator("main h1")).hasText("指标进度");
        assertFitsPhone(page, "/progress");
        page.locator("[data-testid=progress-project]")
                .filter(new Locator.FilterOptions().setHasText(PROJECT))
                .tap();

        // a worker sees only their own station, so the project opens straight on its board
        assertThat(page).hasURL(STATION_BOARD);
        assertThat(page.locator("main h1")).containsText(STATION);
        Locator cards = page.locator(".card.indicator");
        assertThat(cards.first()).isVisible();
        assertStatuses(cards);
        assertThat(page.locator("main")).not().containsText("萨如拉街道社工站");
        assertFitsPhone(page, "station board");

        page.locator("[data-testid=drilldown-link]").first().tap();
        assertThat(page).hasURL(DRILLDOWN);
        assertThat(page.locator("#counted")).hasCount(1);
        assertThat(page.locator("#excluded")).hasCount(1);
        assertFitsPhone(page, "indicator drill-down");
    }

    private static void assertStatuses(Locator withStatus) {
        @SuppressWarnings("unchecked")
        List<String> statuses = (List<String>) withStatus.evaluateAll("els => els.map(e => e.dataset.status)");
        assertThat(statuses).isNotEmpty().allSatisfy(s -> assertThat(STATUSES).contains(s));
    }

    /** The drillable card whose actual figure is largest. */
    private static Locator cardWithLargestActual(Locator cards) {
        // indicators counted from service records (documents, cases and money list other things)
        Locator drillable = cards.page()
                .locator(".card.indicator[data-kind=ACTIVITY_COUNT], "
                        + ".card.indicator[data-kind=COVERAGE], .card.indicator[data-kind=PER_RECIPIENT_FREQUENCY]")
                .filter(new Locator.FilterOptions().setHas(cards.page().locator("[data-testid=drilldown-link]")));
        assertThat(drillable.first()).isVisible();
        Number best = (Number) drillable.evaluateAll("""
                cards => {
                  const actual = c => { const b = c.querySelector('.figure b'); const v = b ? parseFloat(b.textContent) : NaN;
                                        return isNaN(v) ? -1 : v; };
                  let best = 0;
                  cards.forEach((c, i) => { if (actual(c) > actual(cards[best])) best = i; });
                  return best;
                }""");
        return drillable.nth(best.intValue());
    }

    private static int headingCount(Page page, String heading) {
        String text = page.locator("main h2")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^" + heading + "（")))
                .innerText();
        java.util.regex.Matcher m = COUNT_IN_HEADING.matcher(text);
        assertThat(m.find()).as("count in heading %s", text).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static void assertFitsPhone(Page page, String where) {
        assertThat(documentScrollWidth(page))
                .as("document width on %s (a wider page scrolls sideways on a %d px phone)", where, PHONE_WIDTH)
                .isLessThanOrEqualTo(PHONE_WIDTH);
    }
}
