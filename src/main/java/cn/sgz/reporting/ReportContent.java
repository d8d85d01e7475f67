package cn.sgz.reporting;

import cn.sgz.progress.IndicatorStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The generated part of a station's report, as of the period's end: the indicator table from the
 * engine, records by kind, people served and why records were left out. Stored as JSON when the report
 * is submitted (the snapshot) and compared with a fresh computation to show what changed since.
 */
public record ReportContent(
        LocalDate asOf,
        List<ReportIndicator> indicators,
        List<ReportServiceCount> services,
        long peopleServed,
        long peopleNew,
        List<ReportExclusion> exclusions) {

    public ReportContent {
        indicators = List.copyOf(indicators);
        services = List.copyOf(services);
        exclusions = List.copyOf(exclusions);
    }

    /**
     * One indicator at the station: the target, figure and status of the engine's sub-period that
     * holds the report's last day ({@code span}, e.g. 2026年第4季度), and cumulatively how many of its
     * sub-periods due so far were met.
     */
    public record ReportIndicator(
            long indicatorId,
            String code,
            String name,
            String period,
            String span,
            BigDecimal target,
            BigDecimal actual,
            String unit,
            IndicatorStatus status,
            long periodsMet,
            long periodsDue,
            String note) {

        public String statusLabel() {
            return status == null ? "" : status.label();
        }
    }

    /** Service records of one kind in the period: counted, not counted, people taking part. */
    public record ReportServiceCount(
            String kind, String kindLabel, String domainLabel, long counted, long excluded, long participants) {}

    /** Records of the period kept out of the figures for one reason. */
    public record ReportExclusion(String code, String reason, long records) {}

    public long countedRecords() {
        return services.stream().mapToLong(ReportServiceCount::counted).sum();
    }

    public long excludedRecords() {
        return services.stream().mapToLong(ReportServiceCount::excluded).sum();
    }

    public long indicatorsWith(IndicatorStatus status) {
        return indicators.stream().filter(i -> i.status() == status).count();
    }
}
