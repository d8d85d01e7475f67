package cn.sgz.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The one clock of the application. Every station, bureau and worker is in China Standard Time, whatever zone the
 * server runs in: "today", service dates and photo capture times are all read in this zone.
 *
 * <p>The bean takes the application's {@link Clock} (a system clock in China time unless a test or an operator
 * supplies another, see {@code ClockConfig}) and installs it for the static accessors. The accessors are static
 * because "today" is needed deep inside value rules and records (a recipient's age, a date that must not lie in
 * the future) where threading a clock through every signature would add noise and nothing else: there is exactly
 * one clock per running application, set once when the context starts. Nothing may call {@code LocalDate.now()}
 * or {@code Instant.now()} directly ({@code ClockUsageTest} checks it).
 */
@Component
public class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A clock started at a set moment is made once per JVM, so that every context of a test run shares one timeline. */
    private static final Map<String, Clock> STARTED = new ConcurrentHashMap<>();

    private static volatile Clock current = startingAt(System.getProperty("sgz.clock.start"));

    public ChinaTime(Clock clock) {
        install(clock);
    }

    /** Installs the clock; tests do this through the {@code Clock} bean, never directly. */
    static void install(Clock clock) {
        current = clock.withZone(ZONE);
    }

    /**
     * The system clock in China time, or, given an ISO offset date-time, a clock that reads that moment the first
     * time it is asked for in this JVM and runs at normal speed from there.
     */
    static Clock startingAt(String start) {
        Clock system = Clock.system(ZONE);
        if (start == null || start.isBlank()) {
            return system;
        }
        return STARTED.computeIfAbsent(
                start.strip(),
                s -> Clock.offset(
                        system,
                        Duration.between(
                                system.instant(), OffsetDateTime.parse(s).toInstant())));
    }

    public static Clock clock() {
        return current;
    }

    public static LocalDate today() {
        return LocalDate.now(current);
    }

    public static YearMonth thisMonth() {
        return YearMonth.now(current);
    }

    public static Instant now() {
        return current.instant();
    }

    public static OffsetDateTime offsetNow() {
        return OffsetDateTime.now(current);
    }

    public static LocalDateTime localNow() {
        return LocalDateTime.now(current);
    }

    /** The given moment, or now if it lies in the future (e.g. a demo photo "taken at 10:05" on a day not yet at 10:05). */
    public static OffsetDateTime notAfterNow(OffsetDateTime moment) {
        OffsetDateTime now = offsetNow();
        return moment.isAfter(now) ? now.withOffsetSameInstant(moment.getOffset()) : moment;
    }
}
