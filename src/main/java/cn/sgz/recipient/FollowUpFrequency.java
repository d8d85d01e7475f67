package cn.sgz.recipient;

import cn.sgz.shared.vocabulary.Labelled;
import java.time.LocalDate;

/** How often a person on the follow-up roster must be visited or called; periods are calendar periods. */
public enum FollowUpFrequency implements Labelled {
    MONTHLY("每月1次", 1),
    QUARTERLY("每季度1次", 3),
    HALF_YEARLY("每半年1次", 6);

    private final String label;
    private final int months;

    FollowUpFrequency(String label, int months) {
        this.label = label;
        this.months = months;
    }

    @Override
    public String label() {
        return label;
    }

    /** The calendar period (month, quarter or half year) that contains the day. */
    public Period periodOf(LocalDate day) {
        int firstMonth = ((day.getMonthValue() - 1) / months) * months + 1;
        LocalDate start = LocalDate.of(day.getYear(), firstMonth, 1);
        return new Period(start, start.plusMonths(months).minusDays(1));
    }

    /** A closed date range [start, end]. */
    public record Period(LocalDate start, LocalDate end) {

        public boolean contains(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }
}
