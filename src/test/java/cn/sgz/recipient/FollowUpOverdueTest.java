package cn.sgz.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.SgzTest;
import cn.sgz.org.TestLogin;
import cn.sgz.recipient.internal.FollowUpService;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue #23: the officers' home page counts overdue people in the database instead of building the whole due list.
 * The count and the names shown must be exactly the due list's OVERDUE people ({@link DueStatus#of}), on any day and
 * for every frequency, in every scope.
 */
@SgzTest
class FollowUpOverdueTest {

    @Autowired
    FollowUpService followUps;

    @Autowired
    UserDetailsService accounts;

    @AfterEach
    void signOut() {
        TestLogin.signOut();
    }

    @Test
    void theCountedOverdueAreTheDueListsOverdueOnEveryDay() {
        int daysWithOverdue = 0;
        for (String user : List.of("demo_bureau", "demo_city", "demo_head")) {
            TestLogin.signIn(accounts, user);
            // month ends, quarter and half-year starts, and ordinary days over a year and a half
            for (LocalDate day = LocalDate.of(2026, 1, 1);
                    day.isBefore(LocalDate.of(2027, 7, 1));
                    day = day.plusDays(17)) {
                List<DueEntry> expected = followUps.dueList(day, null, true).stream()
                        .filter(e -> e.status() == DueStatus.OVERDUE)
                        .toList();
                FollowUpReminders.Overdue counted = followUps.overdue(day, 8);
                assertThat(counted.total()).as(user + " on " + day).isEqualTo(expected.size());
                assertThat(counted.first()).hasSize(Math.min(8, expected.size()));
                Set<Long> overdueRoster =
                        expected.stream().map(DueEntry::rosterId).collect(Collectors.toSet());
                assertThat(counted.first()).allSatisfy(e -> {
                    assertThat(e.status()).isEqualTo(DueStatus.OVERDUE);
                    assertThat(overdueRoster).contains(e.rosterId());
                });
                // highest risk first, as on the due list
                List<Integer> ranks = counted.first().stream()
                        .map(e -> e.riskLevel() == RiskLevel.HIGH ? 0 : e.riskLevel() == RiskLevel.MEDIUM ? 1 : 2)
                        .toList();
                assertThat(ranks).isSorted();
                List<Integer> expectedRanks = expected.stream()
                        .limit(8)
                        .map(e -> e.riskLevel() == RiskLevel.HIGH ? 0 : e.riskLevel() == RiskLevel.MEDIUM ? 1 : 2)
                        .toList();
                assertThat(ranks).isEqualTo(expectedRanks);
                daysWithOverdue += expected.isEmpty() ? 0 : 1;
            }
            TestLogin.signOut();
        }
        assertThat(daysWithOverdue).as("days on which someone was overdue").isGreaterThan(10);
    }
}
