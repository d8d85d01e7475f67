package cn.sgz.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.sgz.SgzTest;
import cn.sgz.org.TestLogin;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every demo role can open every entry of its own menu: nobody is shown a way into a page that answers 403 (or
 * breaks), and the API documentation is not in anyone's menu (it is offered where API tokens are made).
 */
@SgzTest
class NavigationByRoleTest {

    private static final List<String> DEMO_USERS = List.of(
            "demo_city", "demo_bureau", "demo_evaluator", "demo_agency", "demo_head", "demo_worker", "demo_worker2");
    private static final Pattern NAV_LINK =
            Pattern.compile("<a[^>]*class=\"[^\"]*nav-link[^\"]*\"[^>]*href=\"([^\"]+)\"|"
                    + "<a[^>]*href=\"([^\"]+)\"[^>]*class=\"[^\"]*nav-link[^\"]*\"");

    @Autowired
    MockMvc mvc;

    @Test
    void everyMenuEntryOfEveryRoleOpens() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String user : DEMO_USERS) {
            Cookie session = new TestLogin(mvc).login(user);
            String home = mvc.perform(get("/").cookie(session))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            Set<String> links = links(home);
            assertThat(links).as("menu of %s", user).contains("/").doesNotContain("/swagger-ui.html");
            for (String href : links) {
                int status = mvc.perform(get(href).cookie(session))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                if (status != 200) {
                    failures.add(user + " " + href + " → " + status);
                }
            }
        }
        assertThat(failures)
                .as("menu entries that do not open for their own role")
                .isEmpty();
    }

    @Test
    void theApiDocumentationIsOfferedOnTheProfilePage() throws Exception {
        Cookie session = new TestLogin(mvc).login("demo_bureau");
        String profile = mvc.perform(get("/profile").cookie(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(profile).contains("href=\"/swagger-ui.html\"");
    }

    private static Set<String> links(String page) {
        Set<String> links = new LinkedHashSet<>();
        Matcher m = NAV_LINK.matcher(page);
        while (m.find()) {
            links.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return links;
    }
}
