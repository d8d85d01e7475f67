package cn.sgz.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An evidence archive (佐证资料包) request and its progress: QUEUED, RUNNING (doneSteps of totalSteps,
 * one step per station and indicator), DONE (downloadable, sizeBytes) or FAILED (error in Chinese).
 */
public record ArchiveJobView(
        long id,
        long projectId,
        Long stationId,
        Long indicatorId,
        LocalDate asOf,
        String status,
        int doneSteps,
        int totalSteps,
        int entries,
        Long sizeBytes,
        String fileName,
        String error,
        String requestedBy,
        OffsetDateTime requestedAt,
        OffsetDateTime finishedAt) {

    public int percent() {
        return totalSteps == 0 ? ("DONE".equals(status) ? 100 : 0) : doneSteps * 100 / totalSteps;
    }
}
