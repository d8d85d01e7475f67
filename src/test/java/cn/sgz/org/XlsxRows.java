package cn.sgz.org;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a downloaded xlsx back into text rows (the header row first) with Apache POI. The title lines above a
 * frozen header (XlsxTable's layout) and the notes under the table (after an empty row) are left out.
 */
public final class XlsxRows {

    private XlsxRows() {}

    public static List<List<String>> read(byte[] xlsx) throws Exception {
        DataFormatter formatter = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            var pane = sheet.getPaneInformation();
            int header = pane != null && pane.isFreezePane() ? Math.max(0, pane.getHorizontalSplitTopRow() - 1) : 0;
            int previous = -1;
            for (Row row : sheet) {
                if (row.getRowNum() < header) {
                    continue;
                }
                if (previous >= 0 && row.getRowNum() > previous + 1) {
                    break;
                }
                previous = row.getRowNum();
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    /** One column of the data rows (header skipped), by its header text. */
    public static List<String> column(List<List<String>> rows, String header) {
        int index = rows.get(0).indexOf(header);
        if (index < 0) {
            throw new AssertionError("no column " + header + " in " + rows.get(0));
        }
        return rows.stream()
                .skip(1)
                .map(r -> r.size() > index ? r.get(index) : "")
                .toList();
    }
}
