package cn.sgz.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every action and target type the code writes into the audit trail has a Chinese name, so the audit page never
 * shows a raw code such as LOGIN or SERVICE_RECORD. Reads the sources: a new {@code AuditEvent.success("X", "Y", …)}
 * without a line in {@code audit/labels.properties} fails here.
 */
class AuditLabelsTest {

    private static final Pattern CALL = Pattern.compile("AuditEvent\\.success\\(|new AuditEvent\\(");
    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9_]+)\"");

    private final AuditLabels labels = new AuditLabels();

    @Test
    void everyLiteralActionAndTargetTypeHasAChineseName() throws IOException {
        TreeSet<String> missing = new TreeSet<>();
        int calls = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String s = Files.readString(f);
                Matcher m = CALL.matcher(s);
                while (m.find()) {
                    List<String> args = arguments(s, m.end());
                    boolean constructor = m.group().startsWith("new");
                    String action = arg(args, constructor ? 1 : 0);
                    String type = arg(args, constructor ? 2 : 1);
                    calls++;
                    for (String code : codes(action)) {
                        if (!labels.knowsAction(code)) {
                            missing.add("action." + code + " (" + f.getFileName() + ")");
                        }
                    }
                    for (String code : codes(type)) {
                        if (!labels.knowsTargetType(code)) {
                            missing.add("type." + code + " (" + f.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertThat(calls).as("audit calls found in the sources").isGreaterThan(100);
        assertThat(missing)
                .as("codes without a Chinese name in " + AuditLabels.FILE)
                .isEmpty();
    }

    @Test
    void namesAreChineseAndUnknownCodesShowAsThemselves() {
        assertThat(labels.action("LOGIN")).isEqualTo("登录");
        assertThat(labels.result("SUCCESS")).isEqualTo("成功");
        assertThat(labels.result("DENIED")).isEqualTo("被拒绝");
        assertThat(labels.targetType("SERVICE_RECORD")).isEqualTo("服务记录");
        assertThat(labels.action("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
        assertThat(labels.actions().values()).allSatisfy(v -> assertThat(v).matches(".*\\p{IsHan}.*"));
    }

    /** Literal codes in one argument: "A", or cond ? "A" : "B"; a computed code (kind.name() + "_X") is skipped. */
    private static List<String> codes(String arg) {
        List<String> out = new ArrayList<>();
        if (arg == null || arg.contains("+")) {
            return out;
        }
        Matcher m = CODE.matcher(arg);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String arg(List<String> args, int i) {
        return i < args.size() ? args.get(i) : null;
    }

    /** The top-level arguments of a call whose opening parenthesis ends at {@code from}. */
    private static List<String> arguments(String s, int from) {
        List<String> args = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && s.charAt(i - 1) != '\\') {
                quoted = !quoted;
            }
            if (!quoted) {
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    if (depth == 0) {
                        args.add(cur.toString().strip());
                        return args;
                    }
                    depth--;
                } else if (c == ',' && depth == 0) {
                    args.add(cur.toString().strip());
                    cur.setLength(0);
                    continue;
                }
            }
            cur.append(c);
        }
        return args;
    }
}
