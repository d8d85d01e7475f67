package cn.sgz.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Migrations form one global sequence (docs/migrations.md): a new one takes the next number above the highest
 * already on main, whatever its module. Flyway refuses to start on a database that has applied a higher version
 * than a new file's (out-of-order), so a lower number would break every real installation, though a fresh test
 * database would never notice.
 */
class MigrationSequenceTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path LEDGER = Path.of("src/test/resources/db/applied-migrations.txt");
    private static final Pattern FILE = Pattern.compile("V(\\d+)__([a-z0-9_]+)\\.sql");
    /** Versions handed out before the rule, in blocks per module, in the order they landed: kept as they are. */
    private static final List<Integer> LEGACY = List.of(1, 10, 11, 20, 21, 22, 30, 31, 32, 40, 50, 51, 60);

    @Test
    void everyMigrationIsInTheLedgerAndEachNewOneIsAboveAllBefore() throws IOException {
        TreeMap<Integer, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(MIGRATIONS)) {
            for (Path p : list.toList()) {
                String name = p.getFileName().toString();
                Matcher m = FILE.matcher(name);
                assertThat(m.matches())
                        .as("migration %s is named V<number>__<lower_case_words>.sql", name)
                        .isTrue();
                String before = files.put(Integer.parseInt(m.group(1)), name);
                assertThat(before)
                        .as("two migrations with version %s", m.group(1))
                        .isNull();
            }
        }
        List<Integer> ledger = new ArrayList<>();
        for (String line : Files.readAllLines(LEDGER)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                ledger.add(Integer.parseInt(line.strip()));
            }
        }
        assertThat(ledger)
                .as("the ledger %s lists every migration exactly once", LEDGER)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(files.keySet());
        assertThat(outOfSequence(ledger))
                .as("migrations numbered at or below one that landed before them")
                .isEmpty();
    }

    @Test
    void aLowNumberAddedLateIsCaught() {
        assertThat(outOfSequence(concat(LEGACY, List.of(61, 12, 62)))).containsExactly("V12 landed after V61");
        assertThat(outOfSequence(concat(LEGACY, List.of(61, 62, 63)))).isEmpty();
        assertThat(outOfSequence(List.of(1, 10, 30, 11))).containsExactly("the versions before V61 changed");
    }

    /** What breaks the rule: the legacy block must stay as it landed, and every later version exceed all before. */
    static List<String> outOfSequence(List<Integer> ledger) {
        List<String> problems = new ArrayList<>();
        if (ledger.size() < LEGACY.size() || !ledger.subList(0, LEGACY.size()).equals(LEGACY)) {
            problems.add("the versions before V61 changed");
            return problems;
        }
        int highest = LEGACY.stream().mapToInt(Integer::intValue).max().orElseThrow();
        for (int version : ledger.subList(LEGACY.size(), ledger.size())) {
            if (version <= highest) {
                problems.add("V" + version + " landed after V" + highest);
            }
            highest = Math.max(highest, version);
        }
        return problems;
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
