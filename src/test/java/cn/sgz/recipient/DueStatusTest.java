package cn.sgz.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DueStatusTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void quarterPeriodsFollowTheCalendar() {
        assertThat(FollowUpFrequency.QUARTERLY.periodOf(d("2026-03-31")))
                .isEqualTo(new FollowUpFrequency.Period(d("2026-01-01"), d("2026-03-31")));
        assertThat(FollowUpFrequency.QUARTERLY.periodOf(d("2026-04-01")))
                .isEqualTo(new FollowUpFrequency.Period(d("2026-04-01"), d("2026-06-30")));
        assertThat(FollowUpFrequency.QUARTERLY.periodOf(d("2026-12-31")).start())
                .isEqualTo(d("2026-10-01"));
        assertThat(FollowUpFrequency.MONTHLY.periodOf(d("2024-02-29")))
                .isEqualTo(new FollowUpFrequency.Period(d("2024-02-01"), d("2024-02-29")));
        assertThat(FollowUpFrequency.HALF_YEARLY.periodOf(d("2026-07-01")).end())
                .isEqualTo(d("2026-12-31"));
    }

    @Test
    void followUpOnLastDayOfQuarterCountsForThatQuarterOnly() {
        LocalDate started = d("2025-01-10");
        // visited on 31 March: done on 31 March, due (not overdue) from 1 April
        assertThat(DueStatus.of(FollowUpFrequency.QUARTERLY, started, d("2026-03-31"), d("2026-03-31")))
                .isEqualTo(DueStatus.DONE);
        assertThat(DueStatus.of(FollowUpFrequency.QUARTERLY, started, d("2026-03-31"), d("2026-04-01")))
                .isEqualTo(DueStatus.DUE);
        assertThat(DueStatus.of(FollowUpFrequency.QUARTERLY, started, d("2026-04-01"), d("2026-04-01")))
                .isEqualTo(DueStatus.DONE);
    }

    @Test
    void missingAWholeQuarterIsOverdue() {
        LocalDate started = d("2025-06-01");
        assertThat(DueStatus.of(FollowUpFrequency.QUARTERLY, started, d("2025-12-31"), d("2026-04-02")))
                .isEqualTo(DueStatus.OVERDUE);
        assertThat(DueStatus.of(FollowUpFrequency.QUARTERLY, started, null, d("2026-04-02")))
                .isEqualTo(DueStatus.OVERDUE);
        // the year boundary works the same way
        assertThat(DueStatus.of(FollowUpFrequency.QUARTERLY, started, d("2025-09-30"), d("2026-01-01")))
                .isEqualTo(DueStatus.OVERDUE);
        assertThat(DueStatus.of(FollowUpFrequency.QUARTERLY, started, d("2025-10-01"), d("2026-01-01")))
                .isEqualTo(DueStatus.DUE);
    }

    @Test
    void theQuarterOfJoiningIsAGracePeriod() {
        // joined mid-March, never visited: due in March, still only due in April (not overdue)
        assertThat(DueStatus.of(FollowUpFrequency.QUARTERLY, d("2026-03-15"), null, d("2026-03-20")))
                .isEqualTo(DueStatus.DUE);
        assertThat(DueStatus.of(FollowUpFrequency.QUARTERLY, d("2026-03-15"), null, d("2026-04-01")))
                .isEqualTo(DueStatus.DUE);
        // joined on the first day of the previous quarter and missed it: overdue
        assertThat(DueStatus.of(FollowUpFrequency.QUARTERLY, d("2026-01-01"), null, d("2026-04-01")))
                .isEqualTo(DueStatus.OVERDUE);
    }

    @Test
    void monthlyFrequencyUsesMonths() {
        assertThat(DueStatus.of(FollowUpFrequency.MONTHLY, d("2026-01-01"), d("2026-02-28"), d("2026-03-01")))
                .isEqualTo(DueStatus.DUE);
        assertThat(DueStatus.of(FollowUpFrequency.MONTHLY, d("2026-01-01"), d("2026-01-31"), d("2026-03-01")))
                .isEqualTo(DueStatus.OVERDUE);
    }
}
