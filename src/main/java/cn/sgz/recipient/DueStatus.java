package cn.sgz.recipient;

import cn.sgz.shared.vocabulary.Labelled;
import java.time.LocalDate;

/**
 * Where a roster entry stands in the current period. DONE: followed up this period. DUE: not yet
 * this period, but the previous period was covered (or the entry is new). OVERDUE: not this period
 * and the previous period was missed as well.
 */
public enum DueStatus implements Labelled {
    DONE("本期已回访"),
    DUE("本期待回访"),
    OVERDUE("已逾期");

    private final String label;

    DueStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * @param startedOn when the person was put on the roster
     * @param lastFollowedOn the latest follow-up on or before today, or null
     */
    public static DueStatus of(
            FollowUpFrequency frequency, LocalDate startedOn, LocalDate lastFollowedOn, LocalDate today) {
        FollowUpFrequency.Period current = frequency.periodOf(today);
        if (lastFollowedOn != null && !lastFollowedOn.isBefore(current.start())) {
            return DONE;
        }
        FollowUpFrequency.Period previous = frequency.periodOf(current.start().minusDays(1));
        boolean onRosterLastPeriod = startedOn.isBefore(current.start());
        if (!onRosterLastPeriod) {
            return DUE;
        }
        // The period in which a person joins the roster is a grace period: only a previous period the
        // person was on the roster for from its first day counts as missed.
        boolean wholePreviousPeriod = !startedOn.isAfter(previous.start());
        boolean coveredLastPeriod = lastFollowedOn != null && !lastFollowedOn.isBefore(previous.start());
        return coveredLastPeriod || !wholePreviousPeriod ? DUE : OVERDUE;
    }
}
