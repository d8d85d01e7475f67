package cn.sgz.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A station's report for one period. {@code id} is null while nobody has started it (状态 未开始).
 * {@code returnReason} keeps the bureau's last reason even after the report is submitted again.
 */
public record ReportView(
        Long id,
        long projectId,
        String projectName,
        long stationId,
        String stationName,
        ReportKind kind,
        String periodLabel,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate dueOn,
        ReportStatus status,
        boolean overdue,
        String summary,
        String highlights,
        String problems,
        String nextPlan,
        String returnReason,
        String returnedBy,
        OffsetDateTime returnedAt,
        String submittedBy,
        OffsetDateTime submittedAt,
        String reviewedBy,
        OffsetDateTime reviewedAt,
        String receivedBy,
        OffsetDateTime receivedAt,
        long version) {

    public String kindLabel() {
        return kind.label();
    }

    public String statusLabel() {
        return status.label();
    }

    /** 沙河街道社工站2026年11月月报 */
    public String title() {
        return stationName + periodLabel + kind.label();
    }
}
