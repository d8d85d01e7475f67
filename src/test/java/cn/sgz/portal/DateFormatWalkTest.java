package cn.sgz.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.sgz.SgzTest;
import cn.sgz.org.TestLogin;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #16 item 9: dates are shown one way on every page — 2026-12-07, with the time 2026-12-07 09:30 — never a raw
 * timestamp (2026-12-07T09:30:00+08:00), 2026/12/07, 2026年12月7日 (kept for Word documents and printed certificates),
 * 12月7日 or a time with seconds. Every demo role walks its pages from the home page, following links two levels deep
 * (a few pages per kind of address, so each detail page kind is seen), and the visible text of each page is checked.
 */
@SgzTest
class DateFormatWalkTest {

    private static final List<String> USERS =
            List.of("demo_worker", "demo_head", "demo_bureau", "demo_city", "demo_evaluator", "demo_agency");

    /** Ways of writing a date that pages must not use, each with a name for the failure message. */
    private static final Map<String, Pattern> WRONG = Map.of(
            "raw timestamp (T)", Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}"),
            "slashes", Pattern.compile("(?<![\\d/])\\d{4}/\\d{1,2}/\\d{1,2}(?![\\d/])"),
            "年月日 (for Word documents)", Pattern.compile("\\d{4}年\\d{1,2}月\\d{1,2}日"),
            "月日 without the year", Pattern.compile("(?<![年\\d])\\d{1,2}月\\d{1,2}日"),
            "time with seconds", Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"),
            "time zone offset", Pattern.compile("\\d{2}:\\d{2}(:\\d{2})?(\\.\\d+)?\\+08:00"));

    /** Pages that are documents to print and file (dates as 2026年12月7日 by design), and downloads. */
    private static final Pattern SKIP =
            Pattern.compile("^/(logout|api/|css/|js/|files/|photos/|swagger|v3/|actuator|feedback/posters)"
                    + "|/certificate|/print|/export|\\.(xlsx|docx|zip|png|jpg|pdf|csv)$|/sheet|/download");

    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#?]*)(?:\\?[^\"#]*)?(?:#[^\"]*)?\"");

    @Autowired
    MockMvc mvc;

    @Test
    void everyRolesPagesShowDatesOneWay() throws Exception {
        TestLogin login = new TestLogin(mvc);
        List<String> failures = new ArrayList<>();
        int pages = 0;
        for (String user : USERS) {
            Cookie session = login.login(user);
            Set<String> seen = new HashSet<>();
            Map<String, Integer> perKind = new HashMap<>();
            Deque<String[]> queue = new ArrayDeque<>();
            queue.add(new String[] {"/", "0"});
            while (!queue.isEmpty()) {
                String[] next = queue.poll();
                String path = next[0];
                int depth = Integer.parseInt(next[1]);
                if (!seen.add(path)) {
                    continue;
                }
                MockHttpServletResponse r =
                        mvc.perform(get(path).cookie(session)).andReturn().getResponse();
                String type = r.getContentType();
                if (r.getStatus() != 200 || type == null || !type.startsWith("text/html")) {
                    continue;
                }
                pages++;
                String body = r.getContentAsString(StandardCharsets.UTF_8);
                String text = visibleText(body);
                for (Map.Entry<String, Pattern> w : WRONG.entrySet()) {
                    Matcher m = w.getValue().matcher(text);
                    if (m.find()) {
                        failures.add(user + " " + path + ": " + w.getKey() + " “"
                                + text.substring(Math.max(0, m.start() - 20), Math.min(text.length(), m.end() + 5))
                                        .strip()
                                + "”");
                    }
                }
                if (depth >= 2) {
                    continue;
                }
                Matcher h = HREF.matcher(body);
                while (h.find()) {
                    String link = h.group(1);
                    if (SKIP.matcher(link).find() || seen.contains(link)) {
                        continue;
                    }
                    String kind = link.replaceAll("/\\d+", "/N");
                    if (perKind.merge(kind, 1, Integer::sum) > 2) {
                        continue;
                    }
                    queue.add(new String[] {link, String.valueOf(depth + 1)});
                }
            }
        }
        assertThat(pages).as("pages walked").isGreaterThan(USERS.size() * 10);
        assertThat(failures).as("pages that show a date another way").isEmpty();
    }

    /** The text a person reads: no scripts, styles, form field values or attributes. */
    static String visibleText(String html) {
        String t = html.replaceAll("(?s)<script.*?</script>|<style.*?</style>|<textarea.*?</textarea>", " ")
                .replaceAll("(?s)<input[^>]*>|<option[^>]*>", " ")
                .replaceAll("(?s)<[^>]+>", " ")
                .replace("&nbsp;", " ")
                .replace("&amp;", "&");
        return t.replaceAll("\\s+", " ");
    }
}
