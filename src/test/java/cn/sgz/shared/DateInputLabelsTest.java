package cn.sgz.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue #16 item 9: every date input in the templates is labelled — by a {@code <label for>} naming its id, by a
 * {@code <label>} around it, or (where a visible label does not fit) by {@code aria-label}. A bare date box on a
 * phone shows only "年/月/日", so the worker cannot tell which date it asks for.
 */
class DateInputLabelsTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.DOTALL);
    private static final Pattern DATE = Pattern.compile("\\btype\\s*=\\s*\"date\"");
    private static final Pattern ARIA =
            Pattern.compile("\\b(th:)?aria-label(ledby)?\\s*=\\s*\"[^\"]+\"|th:attr=\"[^\"]*aria-label");
    private static final Pattern ID = Pattern.compile("\\s(th:)?id\\s*=\\s*\"([^\"]+)\"");

    @Test
    void everyDateInputHasALabel() throws IOException {
        List<String> unlabelled = new ArrayList<>();
        int dateInputs = 0;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                String html = Files.readString(file, StandardCharsets.UTF_8);
                Matcher input = INPUT.matcher(html);
                while (input.find()) {
                    String tag = input.group();
                    if (!DATE.matcher(tag).find()) {
                        continue;
                    }
                    dateInputs++;
                    if (!labelled(html, input.start(), tag)) {
                        int line = html.substring(0, input.start()).split("\n", -1).length;
                        unlabelled.add(TEMPLATES.relativize(file) + ":" + line + " " + tag);
                    }
                }
            }
        }
        assertThat(dateInputs).as("date inputs found in the templates").isGreaterThan(20);
        assertThat(unlabelled).as("date inputs without a label").isEmpty();
    }

    @Test
    void theScanRecognisesAnUnlabelledInput() {
        String html = "<label for=\"a\">开始</label><input id=\"a\" type=\"date\"><input id=\"b\" type=\"date\">"
                + "<label>结束 <input type=\"date\"></label><input type=\"date\" aria-label=\"日期\">";
        Matcher input = INPUT.matcher(html);
        List<Boolean> result = new ArrayList<>();
        while (input.find()) {
            result.add(labelled(html, input.start(), input.group()));
        }
        assertThat(result).containsExactly(true, false, true, true);
    }

    static boolean labelled(String html, int at, String tag) {
        if (ARIA.matcher(tag).find()) {
            return true;
        }
        Matcher id = ID.matcher(tag);
        if (id.find()) {
            String attr = id.group(1) == null ? "for" : "th:for";
            if (html.contains(attr + "=\"" + id.group(2) + "\"")) {
                return true;
            }
        }
        // wrapped: the last <label before the input is not closed before it
        String before = html.substring(0, at);
        int open = Math.max(before.lastIndexOf("<label>"), before.lastIndexOf("<label "));
        return open >= 0 && before.indexOf("</label>", open) < 0;
    }
}
