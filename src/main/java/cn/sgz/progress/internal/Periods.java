package cn.sgz.progress.internal;

import cn.sgz.catalog.SubPeriod;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a project period into sub-periods: calendar months, quarters, halves or years clipped to
 * the project's start and end (a project starting on 15 March has a first month of 15–31 March), or
 * the whole project. All boundaries fall on month starts or the project's own ends, which is why the
 * engine can work from monthly aggregates bounded by the project period.
 */
final class Periods {

    private Periods() {}

    record Span(String label, LocalDate from, LocalDate to) {

        boolean contains(LocalDate d) {
            return !d.isBefore(from) && !d.isAfter(to);
        }

        long days() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }

        /** Days of the span elapsed by the end of {@code asOf}, from 0 to {@link #days()}. */
        long elapsedDays(LocalDate asOf) {
            if (asOf.isBefore(from)) {
                return 0;
            }
            return asOf.isBefore(to) ? ChronoUnit.DAYS.between(from, asOf) + 1 : days();
        }
    }

    static List<Span> split(LocalDate start, LocalDate end, SubPeriod period) {
        if (period == SubPeriod.PROJECT) {
            return List.of(new Span("项目期", start, end));
        }
        List<Span> spans = new ArrayList<>();
        LocalDate cursor = alignedStart(start, period);
        while (!cursor.isAfter(end)) {
            LocalDate next = cursor.plusMonths(months(period));
            LocalDate from = cursor.isBefore(start) ? start : cursor;
            LocalDate to = next.minusDays(1).isAfter(end) ? end : next.minusDays(1);
            spans.add(new Span(label(cursor, period), from, to));
            cursor = next;
        }
        return spans;
    }

    private static int months(SubPeriod period) {
        return switch (period) {
            case MONTH -> 1;
            case QUARTER -> 3;
            case HALF -> 6;
            case YEAR -> 12;
            case PROJECT -> throw new IllegalArgumentException("PROJECT has no fixed length");
        };
    }

    private static LocalDate alignedStart(LocalDate d, SubPeriod period) {
        int m = d.getMonthValue();
        int aligned = ((m - 1) / months(period)) * months(period) + 1;
        return LocalDate.of(d.getYear(), aligned, 1);
    }

    private static String label(LocalDate alignedStart, SubPeriod period) {
        int y = alignedStart.getYear();
        int m = alignedStart.getMonthValue();
        return switch (period) {
            case MONTH -> y + "年" + m + "月";
            case QUARTER -> y + "年第" + ((m - 1) / 3 + 1) + "季度";
            case HALF -> y + (m == 1 ? "年上半年" : "年下半年");
            case YEAR -> y + "年";
            case PROJECT -> "项目期";
        };
    }
}
