package cn.sgz.charity.internal;

import java.time.LocalDate;

/** How the totals page cuts time: by month, quarter or year. */
public enum Granularity {
    MONTH("按月"),
    QUARTER("按季度"),
    YEAR("按年");

    private final String label;

    Granularity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** First day of the period containing {@code date}. */
    public LocalDate start(LocalDate date) {
        return switch (this) {
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(date.getYear(), ((date.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case YEAR -> LocalDate.of(date.getYear(), 1, 1);
        };
    }

    /** The period that follows the one starting on {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    /** How a person reads the period starting on {@code start}: 2026年3月, 2026年第1季度, 2026年. */
    public String label(LocalDate start) {
        return switch (this) {
            case MONTH -> start.getYear() + "年" + start.getMonthValue() + "月";
            case QUARTER -> start.getYear() + "年第" + ((start.getMonthValue() - 1) / 3 + 1) + "季度";
            case YEAR -> start.getYear() + "年";
        };
    }
}
