package cn.sgz.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue #16 (Tests): on a 360×740 phone, every demo role walks every entry of its own menu; each page answers 200,
 * is not an error page (403/500) and does not scroll sideways.
 */
class MenuWalkPhoneBrowserTest extends BrowserTestSupport {

    /** The demo accounts of README「演示账号」 (DemoOrgData). */
    private static final List<String> DEMO_USERS = List.of(
            "demo_city", "demo_bureau", "demo_evaluator", "demo_agency", "demo_head", "demo_worker", "demo_worker2");

    private static final int PHONE_WIDTH = 360;

    @Test
    void everyRoleWalksEveryMenuEntryOnAPhone() {
        List<String> failures = new ArrayList<>();
        int visited = 0;
        for (String user : DEMO_USERS) {
            Page page = phonePage();
            submitLogin(page, user, DEMO_PASSWORD);
            page.waitForURL(baseUrl() + "/");
            Set<String> hrefs = new LinkedHashSet<>();
            for (Object href : (List<?>) page.evaluate(
                    "() => [...document.querySelectorAll('nav.side a.nav-link')].map(a => a.getAttribute('href'))")) {
                hrefs.add(String.valueOf(href));
            }
            assertThat(hrefs).as("menu of %s", user).contains("/");
            for (String href : hrefs) {
                Response response = page.navigate(href);
                visited++;
                String where = user + " " + href;
                int status = response == null ? -1 : response.status();
                if (status != 200) {
                    failures.add(where + ": HTTP " + status);
                    continue;
                }
                String title = page.title();
                if (title.contains("403") || title.contains("500") || title.contains("出错")) {
                    failures.add(where + ": error page \"" + title + "\"");
                }
                int width = documentScrollWidth(page);
                if (width > PHONE_WIDTH + 1) {
                    failures.add(where + ": document " + width + " px wide (scrolls sideways on a " + PHONE_WIDTH
                            + " px phone)");
                }
            }
        }
        assertThat(visited).as("menu entries visited").isGreaterThan(DEMO_USERS.size() * 3);
        assertThat(failures).as("menu pages that fail on a phone").isEmpty();
    }
}
