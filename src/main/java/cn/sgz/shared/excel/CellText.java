package cn.sgz.shared.excel;

import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Reads the cells of a workbook a clerk filled in as the text they see, for the importers that report errors by cell
 * (catalogs, rubrics). Numbers lose trailing zeros ("6" not "6.0"), formulas give their cached result, and a leading
 * apostrophe that our exports put before text starting with = + - @ (so Excel does not run it) is taken off again.
 */
public final class CellText {

    private CellText() {}

    /** A cell as trimmed text, null when blank or missing. */
    public static String text(Sheet sheet, int row, int col) {
        Row r = sheet.getRow(row);
        Cell cell = r == null ? null : r.getCell(col);
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String v = switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC ->
                BigDecimal.valueOf(cell.getNumericCellValue())
                        .stripTrailingZeros()
                        .toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> null;
        };
        if (v == null) {
            return null;
        }
        v = v.replace("\r\n", "\n").strip();
        if (v.length() > 1 && v.charAt(0) == '\'' && "=+-@".indexOf(v.charAt(1)) >= 0) {
            v = v.substring(1);
        }
        return v.isEmpty() ? null : v;
    }

    /** True when the first {@code cols} cells of the row are all blank. */
    public static boolean blankRow(Sheet sheet, int row, int cols) {
        for (int c = 0; c < cols; c++) {
            if (text(sheet, row, c) != null) {
                return false;
            }
        }
        return true;
    }
}
