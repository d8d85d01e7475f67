package cn.sgz.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An evidence archive (佐证资料包) request and its progress: QUEUED, RUNNING (doneSteps of totalSteps,
 * one step per station and indicator, then one for the case files and station documents), DONE
 * (downloadable from any instance, sizeBytes) or FAILED (error in Chinese); estimatedBytes is the size
 * estimated before the job was accepted.
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
        OffsetDateTime finishedAt,
        Long estimatedBytes) {

    public int percent() {
        return totalSteps == 0 ? ("DONE".equals(status) ? 100 : 0) : doneSteps * 100 / totalSteps;
    }
}
