package cn.sgz.progress.internal;

import cn.sgz.progress.IndicatorStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The status rules, in one place so the engine and its reference twin cannot drift apart in meaning.
 * A sub-period that has ended is MET or MISSED; one not begun is NOT_DUE; the current one is MET when
 * the target is reached already, AT_RISK when the figure is below the target pro-rated to the days
 * elapsed (rounded down, so a month with two required services is at risk only from mid-month with
 * none), ON_TRACK otherwise.
 */
final class Pace {

    private Pace() {}

    static IndicatorStatus of(Periods.Span span, LocalDate asOf, BigDecimal target, BigDecimal actual) {
        if (asOf.isBefore(span.from())) {
            return IndicatorStatus.NOT_DUE;
        }
        boolean reached = actual.compareTo(target) >= 0;
        if (reached) {
            return IndicatorStatus.MET;
        }
        if (!asOf.isBefore(span.to())) {
            return IndicatorStatus.MISSED;
        }
        // Exact arithmetic: a double would make 3 × 15/45 come out just under 1 and floor to 0.
        BigDecimal expected = target.multiply(BigDecimal.valueOf(span.elapsedDays(asOf)))
                .divide(BigDecimal.valueOf(span.days()), 0, RoundingMode.FLOOR);
        return actual.compareTo(expected) < 0 ? IndicatorStatus.AT_RISK : IndicatorStatus.ON_TRACK;
    }

    /**
     * Overall status from the sub-periods: NOT_DUE before the project starts; MISSED once any ended
     * sub-period was missed; AT_RISK when the current one is; MET when every sub-period, to the end of
     * the project, is met; ON_TRACK otherwise.
     */
    static IndicatorStatus overall(List<IndicatorStatus> subPeriods) {
        if (subPeriods.isEmpty() || subPeriods.stream().allMatch(s -> s == IndicatorStatus.NOT_DUE)) {
            return IndicatorStatus.NOT_DUE;
        }
        if (subPeriods.contains(IndicatorStatus.MISSED)) {
            return IndicatorStatus.MISSED;
        }
        if (subPeriods.contains(IndicatorStatus.AT_RISK)) {
            return IndicatorStatus.AT_RISK;
        }
        if (subPeriods.stream().allMatch(s -> s == IndicatorStatus.MET)) {
            return IndicatorStatus.MET;
        }
        return IndicatorStatus.ON_TRACK;
    }
}
