package cn.sgz.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
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

    private static volatile Clock current = Clock.system(ZONE);

    public ChinaTime(Clock clock) {
        install(clock);
    }

    /** Installs the clock; tests do this through the {@code Clock} bean, never directly. */
    static void install(Clock clock) {
        current = clock.withZone(ZONE);
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
}
