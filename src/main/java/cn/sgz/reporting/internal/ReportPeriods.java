package cn.sgz.reporting.internal;

import cn.sgz.reporting.ReportKind;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The report periods of a project: calendar months, quarters, halves or years clipped to the project's
 * start and end (as the indicator engine splits them), each due on a day of the month that follows it.
 */
public final class ReportPeriods {

    private ReportPeriods() {}

    public record Period(ReportKind kind, String label, LocalDate start, LocalDate end, LocalDate dueOn) {}

    public static List<Period> of(LocalDate projectStart, LocalDate projectEnd, ReportKind kind, int dueDay) {
        List<Period> result = new ArrayList<>();
        int m = projectStart.getMonthValue();
        int aligned = ((m - 1) / kind.months()) * kind.months() + 1;
        LocalDate cursor = LocalDate.of(projectStart.getYear(), aligned, 1);
        while (!cursor.isAfter(projectEnd)) {
            LocalDate next = cursor.plusMonths(kind.months());
            LocalDate from = cursor.isBefore(projectStart) ? projectStart : cursor;
            LocalDate to = next.minusDays(1).isAfter(projectEnd) ? projectEnd : next.minusDays(1);
            result.add(new Period(kind, label(cursor, kind), from, to, due(to, dueDay)));
            cursor = next;
        }
        return result;
    }

    /** The {@code dueDay}-th of the month after {@code end} (the month's last day when shorter). */
    public static LocalDate due(LocalDate end, int dueDay) {
        YearMonth next = YearMonth.from(end).plusMonths(1);
        return next.atDay(Math.min(dueDay, next.lengthOfMonth()));
    }

    public static String label(LocalDate alignedStart, ReportKind kind) {
        int y = alignedStart.getYear();
        int m = alignedStart.getMonthValue();
        return switch (kind) {
            case MONTH -> y + "年" + m + "月";
            case QUARTER -> y + "年第" + ((m - 1) / 3 + 1) + "季度";
            case HALF -> y + (m <= 6 ? "年上半年" : "年下半年");
            case YEAR -> y + "年度";
        };
    }

    /** The period of a kind that starts on {@code start}, if the project has one. */
    public static java.util.Optional<Period> find(
            LocalDate projectStart, LocalDate projectEnd, ReportKind kind, int dueDay, LocalDate start) {
        return of(projectStart, projectEnd, kind, dueDay).stream()
                .filter(p -> p.start().equals(start))
                .findFirst();
    }

    /** 2026年12月7日 */
    public static String chineseDate(LocalDate d) {
        return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
