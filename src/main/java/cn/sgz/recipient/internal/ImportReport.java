package cn.sgz.recipient.internal;

import cn.sgz.recipient.RecipientCategory;
import java.util.List;

/**
 * The outcome of checking (dry run) or importing a list: every problem by row, column and reason,
 * how many people would be added or updated, and how each column was understood.
 */
public record ImportReport(
        long importId,
        String fileName,
        String status,
        long stationId,
        String stationName,
        RecipientCategory defaultCategory,
        int dataRows,
        int toCreate,
        int toUpdate,
        int problemCount,
        List<Problem> problems,
        boolean problemsTruncated,
        List<Column> columns,
        boolean hasUnknownColumns,
        List<SheetSummary> sheets,
        List<String> notices) {

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

    /** More than one sheet read: the page then names the sheet of each problem. */
    public boolean severalSheets() {
        return sheets != null && sheets.size() > 1;
    }

    /** Row 0 means the whole sheet or file; column is a letter (A, B, …) or empty; sheet is its tab name. */
    public record Problem(String sheet, int row, String column, String header, String message) {}

    /** One sheet of the workbook: how many data rows it had, or that it was not a list and was skipped. */
    public record SheetSummary(String name, int dataRows, boolean read) {}

    public record Column(int index, String letter, String header, ImportField field, boolean recognized) {

        public String fieldLabel() {
            return field == null ? "未识别（忽略）" : field.label();
        }
    }
}
