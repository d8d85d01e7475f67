package cn.sgz.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** "Today" and "now" come from one clock ({@link ChinaTime}); reading the system clock elsewhere breaks tests on some dates. */
class ClockUsageTest {

    private static final Pattern SYSTEM_CLOCK = Pattern.compile(
            "\\b(LocalDate|LocalDateTime|LocalTime|OffsetDateTime|ZonedDateTime|Instant|YearMonth|Year)\\.now\\(");

    @Test
    void nothingButChinaTimeReadsTheSystemClock() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    if (file.endsWith(Path.of("cn/sgz/shared/ChinaTime.java"))) {
                        continue;
                    }
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (SYSTEM_CLOCK.matcher(lines.get(i)).find()) {
                            offenders.add(
                                    file + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertThat(offenders)
                .as("use ChinaTime.today()/now() instead of the system clock")
                .isEmpty();
    }

    @Test
    void aClockStartedAtAMomentIsSharedAndRuns() throws InterruptedException {
        var clock = ChinaTime.startingAt("2030-01-05T23:59:59+08:00");
        assertThat(ChinaTime.startingAt("2030-01-05T23:59:59+08:00")).isSameAs(clock);
        var first = clock.instant();
        assertThat(first)
                .isBetween(
                        java.time.Instant.parse("2030-01-05T15:59:59Z"),
                        java.time.Instant.parse("2030-01-05T16:00:09Z"));
        Thread.sleep(5);
        assertThat(clock.instant()).isAfter(first);
    }
}
