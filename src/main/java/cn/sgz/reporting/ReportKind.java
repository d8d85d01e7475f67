package cn.sgz.reporting;

import cn.sgz.catalog.SubPeriod;

/** The rhythm of a report: 月报, 季报, 半年报, 年报; each with the day of the following month it is due by default. */
public enum ReportKind {
    MONTH("月报", SubPeriod.MONTH, 5),
    QUARTER("季报", SubPeriod.QUARTER, 10),
    HALF("半年报", SubPeriod.HALF, 15),
    YEAR("年报", SubPeriod.YEAR, 20);

    private final String label;
    private final SubPeriod period;
    private final int defaultDueDay;

    ReportKind(String label, SubPeriod period, int defaultDueDay) {
        this.label = label;
        this.period = period;
        this.defaultDueDay = defaultDueDay;
    }

    public String label() {
        return label;
    }

    public SubPeriod period() {
        return period;
    }

    public int defaultDueDay() {
        return defaultDueDay;
    }

    public int months() {
        return switch (this) {
            case MONTH -> 1;
            case QUARTER -> 3;
            case HALF -> 6;
            case YEAR -> 12;
        };
    }
}
