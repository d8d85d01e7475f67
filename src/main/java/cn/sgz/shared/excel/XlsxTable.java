package cn.sgz.shared.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The one Excel writer: every xlsx the system hands out is laid out the way a bureau files it.
 *
 * <p>A sheet built with {@link #sheet(String)} (or several with {@link #book()}) has a merged title row (what), a
 * line under it naming the unit and the date the figures stand at, a bold bordered header that is frozen and
 * repeated on every printed page, bordered data cells, column widths fitted to the content, A4 page setup (portrait
 * or landscape, fitted to the page width, 第 N 页 共 M 页 in the footer) and 宋体 throughout. Numbers are stored as
 * numbers (so SUM works), dates as dates shown 2026年12月7日. Text that a spreadsheet would run as a formula
 * (= + - @, tab, CR) is neutralised with a leading quote mark.
 *
 * <p>Values are given as {@link Number}, {@link LocalDate}, {@link LocalDateTime} or {@link String}; a string
 * in a column declared {@link Kind#INTEGER}, {@link Kind#DECIMAL} or {@link Kind#DATE} is parsed (an empty
 * string is a blank cell), so a producer may keep building rows of text and only declare its columns.
 */
public final class XlsxTable {

    /** 2026年12月7日 as an Excel number format. */
    public static final String CHINESE_DATE = "yyyy\"年\"m\"月\"d\"日\"";

    public static final String CHINESE_DATE_TIME = "yyyy\"年\"m\"月\"d\"日\" hh:mm";
    private static final String FONT = "宋体";
    private static final String TITLE_FONT = "黑体";

    /** How a column's values are stored and shown. */
    public enum Kind {
        TEXT,
        /** whole numbers, e.g. 序号, counts, ages */
        INTEGER,
        /** amounts and hours: two decimals shown, stored as a number */
        DECIMAL,
        /** hours and other quantities with up to two decimals, no trailing zeros shown */
        NUMBER,
        DATE,
        DATE_TIME
    }

    /** A column: header, how its values are stored, width in characters (0 = fit the content). */
    public record Column(String header, Kind kind, int width) {
        public static Column text(String header) {
            return new Column(header, Kind.TEXT, 0);
        }

        public static Column text(String header, int width) {
            return new Column(header, Kind.TEXT, width);
        }

        public static Column integer(String header) {
            return new Column(header, Kind.INTEGER, 0);
        }

        public static Column decimal(String header) {
            return new Column(header, Kind.DECIMAL, 0);
        }

        public static Column number(String header) {
            return new Column(header, Kind.NUMBER, 0);
        }

        public static Column date(String header) {
            return new Column(header, Kind.DATE, 0);
        }

        public static Column dateTime(String header) {
            return new Column(header, Kind.DATE_TIME, 0);
        }

        /** 序号: an integer column, narrow. */
        public static Column seq() {
            return new Column("序号", Kind.INTEGER, 6);
        }
    }

    private XlsxTable() {}

    /**
     * One sheet of text cells under a header in the first row (kept for callers that read the header at row 0):
     * bordered, header frozen and printed on every page, A4. New code uses {@link #sheet(String)} with a title.
     */
    public static byte[] write(String sheetName, List<String> headers, List<List<String>> rows) {
        Book book = book();
        SheetBuilder s = book.sheet(sheetName);
        s.columns(headers.stream().map(Column::text).toList());
        for (List<String> r : rows) {
            s.row(new ArrayList<Object>(r));
        }
        return book.toBytes();
    }

    /** A workbook of one sheet; {@link SheetBuilder#toBytes()} writes it. */
    public static SheetBuilder sheet(String sheetName) {
        return book().sheet(sheetName);
    }

    /** A workbook of several sheets, each added with {@link Book#sheet(String)}. */
    public static Book book() {
        return new Book();
    }

    /**
     * Like {@link #write} with typed cells: a {@link Number} (e.g. an amount as {@link java.math.BigDecimal}) is
     * written as a numeric cell (amounts with two decimals shown as 0.00), null as an empty cell, anything else
     * as neutralised text.
     */
    public static byte[] writeTyped(String sheetName, List<String> headers, List<? extends List<?>> rows) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            Row head = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, 18 * 256);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<?> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof java.math.BigDecimal d) {
                        cell.setCellValue(d.doubleValue());
                        if (d.scale() == 2) {
                            cell.setCellStyle(money);
                        }
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(neutralize(String.valueOf(v)));
                    }
                }
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prevents CSV/formula injection: text that starts like a formula gets a leading apostrophe. */
    public static String neutralize(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }

    /**
     * For a sheet a module builds cell by cell (kept where tests and readers expect the header at a fixed row): the
     * same print layout as {@link #sheet(String)} without the title rows. Freezes the panes under {@code headerRow},
     * repeats it on every printed page, draws thin borders around every cell of the table (header to last row), sets
     * 宋体, A4 fitted to the page width (landscape when the table is wide) and 第 N 页 共 M 页 in the footer.
     */
    public static void applyLayout(Sheet sheet, int headerRow) {
        Workbook wb = sheet.getWorkbook();
        int lastCol = 0;
        for (int r = headerRow; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null) {
                lastCol = Math.max(lastCol, row.getLastCellNum());
            }
        }
        Map<CellStyle, CellStyle> bordered = new HashMap<>();
        Font plain = wb.createFont();
        plain.setFontName(FONT);
        plain.setFontHeightInPoints((short) 11);
        Font bold = wb.createFont();
        bold.setFontName(FONT);
        bold.setFontHeightInPoints((short) 11);
        bold.setBold(true);
        CellStyle blank = null;
        for (int r = headerRow; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            for (int c = 0; c < lastCol; c++) {
                Cell cell = row.getCell(c);
                if (cell == null) {
                    cell = row.createCell(c);
                }
                CellStyle old = cell.getCellStyle();
                CellStyle style = bordered.get(old);
                if (style == null) {
                    style = wb.createCellStyle();
                    style.cloneStyleFrom(old);
                    boolean isBold = wb.getFontAt(old.getFontIndex()).getBold() || r == headerRow;
                    style.setFont(isBold ? bold : plain);
                    style.setBorderTop(BorderStyle.THIN);
                    style.setBorderBottom(BorderStyle.THIN);
                    style.setBorderLeft(BorderStyle.THIN);
                    style.setBorderRight(BorderStyle.THIN);
                    style.setVerticalAlignment(VerticalAlignment.CENTER);
                    bordered.put(old, style);
                }
                cell.setCellStyle(style);
            }
        }
        int width = 0;
        for (int c = 0; c < lastCol; c++) {
            width += sheet.getColumnWidth(c) / 256;
        }
        sheet.createFreezePane(0, headerRow + 1);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        PrintSetup ps = sheet.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(width > 95);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        sheet.getFooter().setCenter("第 &P 页 共 &N 页");
    }

    /**
     * For a sheet a module built cell by cell with its header at row 0: moves the rows down and puts the same
     * merged title row (what) and line under it (which unit, as of which date; see {@link #asOf}) above the table as
     * {@link #sheet(String)} does, then applies {@link #applyLayout} with the header under them. Returns the header's
     * row index (2, or 1 without a subtitle).
     */
    public static int titleAndLayout(Sheet sheet, String title, String subtitle) {
        int n = subtitle == null ? 1 : 2;
        int lastCol = 1;
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null) {
                lastCol = Math.max(lastCol, row.getLastCellNum());
            }
        }
        if (sheet.getPhysicalNumberOfRows() > 0) {
            sheet.shiftRows(0, sheet.getLastRowNum(), n);
        }
        Workbook wb = sheet.getWorkbook();
        CellStyle titleStyle = wb.createCellStyle();
        Font tf = wb.createFont();
        tf.setFontName(TITLE_FONT);
        tf.setFontHeightInPoints((short) 16);
        tf.setBold(true);
        titleStyle.setFont(tf);
        titleStyle.setAlignment(HorizontalAlignment.CENTER);
        titleStyle.setVerticalAlignment(VerticalAlignment.CENTER);
        Row t = sheet.createRow(0);
        t.setHeightInPoints(30);
        Cell tc = t.createCell(0);
        tc.setCellValue(title);
        tc.setCellStyle(titleStyle);
        if (lastCol > 1) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, lastCol - 1));
        }
        if (subtitle != null) {
            CellStyle subStyle = wb.createCellStyle();
            Font sf = wb.createFont();
            sf.setFontName(FONT);
            sf.setFontHeightInPoints((short) 10);
            subStyle.setFont(sf);
            subStyle.setAlignment(HorizontalAlignment.CENTER);
            Row s = sheet.createRow(1);
            Cell sc = s.createCell(0);
            sc.setCellValue(subtitle);
            sc.setCellStyle(subStyle);
            if (lastCol > 1) {
                sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, lastCol - 1));
            }
        }
        applyLayout(sheet, n);
        return n;
    }

    /** The "as of" line under a title: 扎兰屯市民政局 · 截至2026年12月7日. */
    public static String asOf(String unit, LocalDate date) {
        String d = date == null
                ? ""
                : "截至" + date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        if (unit == null || unit.isBlank()) {
            return d;
        }
        return d.isEmpty() ? unit : unit + " · " + d;
    }

    /** A workbook being written; sheets are laid out in the order they are added. */
    public static final class Book {
        private final List<SheetBuilder> sheets = new ArrayList<>();

        private Book() {}

        public SheetBuilder sheet(String name) {
            SheetBuilder s = new SheetBuilder(this, safeName(name));
            sheets.add(s);
            return s;
        }

        public byte[] toBytes() {
            try (SXSSFWorkbook wb = new SXSSFWorkbook(500);
                    ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                Styles styles = new Styles(wb);
                for (SheetBuilder s : sheets) {
                    s.render(wb, styles);
                }
                wb.write(out);
                wb.dispose();
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String safeName(String name) {
            String n = name == null || name.isBlank() ? "Sheet" + (sheets.size() + 1) : name;
            n = n.replaceAll("[\\\\/?*\\[\\]:]", "_");
            if (n.length() > 31) {
                n = n.substring(0, 31);
            }
            String base = n;
            for (int i = 2; taken(n); i++) {
                String suffix = "(" + i + ")";
                n = (base.length() + suffix.length() > 31 ? base.substring(0, 31 - suffix.length()) : base) + suffix;
            }
            return n;
        }

        private boolean taken(String n) {
            return sheets.stream().anyMatch(s -> s.name.equalsIgnoreCase(n));
        }
    }

    /** One sheet: title, subtitle, columns, rows, notes under the table. */
    public static final class SheetBuilder {
        private final Book book;
        private final String name;
        private String title;
        private String subtitle;
        private List<Column> columns = List.of();
        private final List<List<Object>> rows = new ArrayList<>();
        private final List<Integer> boldRows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private Boolean landscape;
        private int blankRows;

        private SheetBuilder(Book book, String name) {
            this.book = book;
            this.name = name;
        }

        /** The merged title row (what the sheet is), e.g. 社会救助对象台账. */
        public SheetBuilder title(String text) {
            this.title = text;
            return this;
        }

        /** The line under the title: which unit, as of which date (see {@link XlsxTable#asOf}). */
        public SheetBuilder subtitle(String text) {
            this.subtitle = text;
            return this;
        }

        public SheetBuilder columns(Column... cols) {
            return columns(Arrays.asList(cols));
        }

        public SheetBuilder columns(List<Column> cols) {
            this.columns = List.copyOf(cols);
            return this;
        }

        public SheetBuilder row(Object... values) {
            return row(Arrays.asList(values));
        }

        public SheetBuilder row(List<?> values) {
            rows.add(new ArrayList<>(values));
            return this;
        }

        /** A row in bold (a 合计 line). */
        public SheetBuilder totalRow(List<?> values) {
            boldRows.add(rows.size());
            return row(values);
        }

        public SheetBuilder rows(List<? extends List<?>> values) {
            values.forEach(this::row);
            return this;
        }

        /** Empty bordered rows to fill in by hand (blank forms for printing). */
        public SheetBuilder blankRows(int count) {
            this.blankRows = count;
            return this;
        }

        /** A line under the table, e.g. 制表人：______ 审核人：______ 日期：____年__月__日. */
        public SheetBuilder note(String text) {
            notes.add(text);
            return this;
        }

        public SheetBuilder landscape(boolean value) {
            this.landscape = value;
            return this;
        }

        /** Another sheet in the same workbook. */
        public SheetBuilder sheet(String name) {
            return book.sheet(name);
        }

        public Book book() {
            return book;
        }

        public byte[] toBytes() {
            return book.toBytes();
        }

        private void render(SXSSFWorkbook wb, Styles st) {
            Sheet sheet = wb.createSheet(name);
            int cols = Math.max(1, columns.size());
            int r = 0;
            if (title != null) {
                Row row = sheet.createRow(r);
                row.setHeightInPoints(30);
                Cell c = row.createCell(0);
                c.setCellValue(title);
                c.setCellStyle(st.title);
                if (cols > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(r, r, 0, cols - 1));
                }
                r++;
            }
            if (subtitle != null) {
                Row row = sheet.createRow(r);
                Cell c = row.createCell(0);
                c.setCellValue(subtitle);
                c.setCellStyle(st.subtitle);
                if (cols > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(r, r, 0, cols - 1));
                }
                r++;
            }
            int headerRow = r;
            int[] widths = new int[cols];
            Row head = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(columns.get(c).header());
                cell.setCellStyle(st.header);
                widths[c] = Math.max(widths[c], displayWidth(columns.get(c).header()));
            }
            for (int i = 0; i < rows.size(); i++) {
                List<Object> values = rows.get(i);
                boolean bold = boldRows.contains(i);
                Row row = sheet.createRow(r++);
                int n = Math.max(columns.size(), values.size());
                for (int c = 0; c < n; c++) {
                    Kind kind = c < columns.size() ? columns.get(c).kind() : Kind.TEXT;
                    Object v = c < values.size() ? values.get(c) : null;
                    Cell cell = row.createCell(c);
                    int w = write(cell, kind, v, st, bold);
                    if (c < widths.length) {
                        widths[c] = Math.max(widths[c], w);
                    }
                }
            }
            for (int i = 0; i < blankRows; i++) {
                Row row = sheet.createRow(r++);
                row.setHeightInPoints(24);
                for (int c = 0; c < columns.size(); c++) {
                    row.createCell(c).setCellStyle(st.text);
                }
            }
            if (!notes.isEmpty()) {
                r++;
                for (String note : notes) {
                    Cell c = sheet.createRow(r++).createCell(0);
                    c.setCellValue(note);
                    c.setCellStyle(st.note);
                }
            }
            int total = 0;
            for (int c = 0; c < cols; c++) {
                Column col = c < columns.size() ? columns.get(c) : null;
                int chars = col != null && col.width() > 0 ? col.width() : Math.min(40, Math.max(6, widths[c] + 2));
                total += chars;
                sheet.setColumnWidth(c, chars * 256);
            }
            sheet.createFreezePane(0, headerRow + 1);
            sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
            PrintSetup ps = sheet.getPrintSetup();
            ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
            ps.setLandscape(landscape != null ? landscape : total > 95);
            ps.setFitWidth((short) 1);
            ps.setFitHeight((short) 0);
            sheet.setFitToPage(true);
            sheet.setHorizontallyCenter(true);
            sheet.setMargin(Sheet.TopMargin, 0.75);
            sheet.setMargin(Sheet.BottomMargin, 0.75);
            sheet.setMargin(Sheet.LeftMargin, 0.5);
            sheet.setMargin(Sheet.RightMargin, 0.5);
            sheet.getFooter().setCenter("第 &P 页 共 &N 页");
        }

        private static int write(Cell cell, Kind kind, Object v, Styles st, boolean bold) {
            if (v instanceof String s && kind != Kind.TEXT) {
                v = parse(s.strip(), kind);
            }
            if (v == null || (v instanceof String s && s.isEmpty())) {
                cell.setCellStyle(bold ? st.textBold : st.text);
                return 0;
            }
            if (v instanceof LocalDateTime t) {
                cell.setCellValue(t);
                cell.setCellStyle(st.dateTime);
                return 18;
            }
            if (v instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(st.date);
                return 12;
            }
            if (v instanceof Number n) {
                double d = n instanceof BigDecimal b ? b.doubleValue() : n.doubleValue();
                cell.setCellValue(d);
                CellStyle style = switch (kind) {
                    case DECIMAL -> bold ? st.decimalBold : st.decimal;
                    case NUMBER -> bold ? st.numberBold : st.number;
                    case INTEGER -> bold ? st.integerBold : st.integer;
                    default ->
                        d == Math.rint(d) ? (bold ? st.integerBold : st.integer) : (bold ? st.numberBold : st.number);
                };
                cell.setCellStyle(style);
                return String.valueOf(n).length() + (kind == Kind.DECIMAL ? 3 : 0);
            }
            if (v instanceof Boolean b) {
                v = b ? "是" : "否";
            }
            String text = neutralize(String.valueOf(v));
            if (text.length() > 32767) {
                text = text.substring(0, 32767);
            }
            cell.setCellValue(text);
            cell.setCellStyle(bold ? st.textBold : st.text);
            int w = 0;
            for (String line : text.split("\\R")) {
                w = Math.max(w, displayWidth(line));
            }
            return w;
        }

        /** A string in a typed column: the number or date it spells, or the string itself if it spells none. */
        private static Object parse(String s, Kind kind) {
            if (s.isEmpty()) {
                return null;
            }
            try {
                return switch (kind) {
                    case INTEGER, DECIMAL, NUMBER -> new BigDecimal(s.replace(",", ""));
                    case DATE -> LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
                    case DATE_TIME -> s.length() <= 10 ? LocalDate.parse(s) : LocalDateTime.parse(s.replace(' ', 'T'));
                    default -> s;
                };
            } catch (RuntimeException e) {
                return s;
            }
        }
    }

    /** Width in character cells: CJK characters count double. */
    static int displayWidth(String s) {
        if (s == null) {
            return 0;
        }
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) > 0x2E80 ? 2 : 1;
        }
        return w;
    }

    /** Cell styles shared by the sheets of one workbook (a workbook holds at most 64,000 styles). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle subtitle;
        final CellStyle header;
        final CellStyle text;
        final CellStyle textBold;
        final CellStyle integer;
        final CellStyle integerBold;
        final CellStyle decimal;
        final CellStyle decimalBold;
        final CellStyle number;
        final CellStyle numberBold;
        final CellStyle date;
        final CellStyle dateTime;
        final CellStyle note;
        private final Map<String, Font> fonts = new HashMap<>();

        Styles(Workbook wb) {
            short dateFmt = wb.createDataFormat().getFormat(CHINESE_DATE);
            short dateTimeFmt = wb.createDataFormat().getFormat(CHINESE_DATE_TIME);
            short intFmt = wb.createDataFormat().getFormat("0");
            short decFmt = wb.createDataFormat().getFormat("0.00");
            short numFmt = wb.createDataFormat().getFormat("0.##");
            title = wb.createCellStyle();
            title.setFont(font(wb, TITLE_FONT, 16, true));
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            subtitle = wb.createCellStyle();
            subtitle.setFont(font(wb, FONT, 10, false));
            subtitle.setAlignment(HorizontalAlignment.CENTER);
            header = bordered(wb, font(wb, FONT, 11, true));
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setWrapText(true);
            text = bordered(wb, font(wb, FONT, 10.5, false));
            text.setWrapText(true);
            textBold = bordered(wb, font(wb, FONT, 10.5, true));
            integer = numeric(wb, intFmt, false);
            integerBold = numeric(wb, intFmt, true);
            decimal = numeric(wb, decFmt, false);
            decimalBold = numeric(wb, decFmt, true);
            number = numeric(wb, numFmt, false);
            numberBold = numeric(wb, numFmt, true);
            date = bordered(wb, font(wb, FONT, 10.5, false));
            date.setDataFormat(dateFmt);
            date.setAlignment(HorizontalAlignment.CENTER);
            dateTime = bordered(wb, font(wb, FONT, 10.5, false));
            dateTime.setDataFormat(dateTimeFmt);
            note = wb.createCellStyle();
            note.setFont(font(wb, FONT, 10.5, false));
        }

        private CellStyle numeric(Workbook wb, short format, boolean bold) {
            CellStyle s = bordered(wb, font(wb, FONT, 10.5, bold));
            s.setDataFormat(format);
            s.setAlignment(HorizontalAlignment.RIGHT);
            return s;
        }

        private Font font(Workbook wb, String name, double size, boolean bold) {
            return fonts.computeIfAbsent(name + size + bold, k -> {
                Font f = wb.createFont();
                f.setFontName(name);
                f.setFontHeight((short) Math.round(size * 20));
                f.setBold(bold);
                return f;
            });
        }

        private static CellStyle bordered(Workbook wb, Font font) {
            CellStyle s = wb.createCellStyle();
            s.setFont(font);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            return s;
        }
    }
}
