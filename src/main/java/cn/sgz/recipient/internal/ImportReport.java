package cn.sgz.recipient.internal;

import cn.sgz.recipient.RecipientCategory;
import java.util.List;

/**
 * The outcome of checking (dry run) or importing a list: every problem by row, column and reason,
 * how many people would be added or updated, and how each column was understood.
 */
public record ImportReport(long importId, String fileName, String status, long stationId, String stationName,
                           RecipientCategory defaultCategory, int dataRows, int toCreate, int toUpdate,
                           int problemCount, List<Problem> problems, boolean problemsTruncated, List<Column> columns,
                           boolean hasUnknownColumns) {

    public static final String CHECKED = "CHECKED";
    public static final String HAS_PROBLEMS = "HAS_PROBLEMS";
    public static final String IMPORTED = "IMPORTED";
    /** Never confirmed: the uploaded file (full ID numbers) was purged by ImportRetention. */
    public static final String EXPIRED = "EXPIRED";

    public boolean ready() {
        return CHECKED.equals(status);
    }

    public boolean imported() {
        return IMPORTED.equals(status);
    }

    /** Row 0 means the whole file; column is a letter (A, B, …) or empty. */
    public record Problem(int row, String column, String header, String message) {
    }

    public record Column(int index, String letter, String header, ImportField field, boolean recognized) {

        public String fieldLabel() {
            return field == null ? "未识别（忽略）" : field.label();
        }
    }
}
