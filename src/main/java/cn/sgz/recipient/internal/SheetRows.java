package cn.sgz.recipient.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the rows of every sheet of an xlsx (POI's SAX event API, never the whole workbook in memory), of an old
 * .xls workbook (POI's HSSF; such files are at most 65,536 rows a sheet and within the upload size limit) or of a
 * csv (UTF-8 with or without BOM, or GBK/GB18030), handing each non-blank row to a sink with its 1-based row number.
 * Clerks often keep one sheet per village, so every sheet is read and announced to the sink before its rows.
 * Stops with a refusal past {@code maxRows} data rows in all.
 */
final class SheetRows {

    static final int MAX_COLUMNS = 100;
    static final int MAX_CELL = 2000;

    interface Sink {
        /** A new sheet begins (index from 0); csv files are one sheet named after nothing. */
        default void sheet(int index, String name) {}

        void row(int rowNumber, List<String> cells);
    }

    private SheetRows() {}

    static void read(UploadGuard.Kind kind, byte[] content, int maxRows, Sink sink) {
        if (kind == UploadGuard.Kind.XLSX) {
            readXlsx(content, maxRows, sink);
        } else if (kind == UploadGuard.Kind.XLS) {
            readXls(content, maxRows, sink);
        } else {
            readCsv(content, maxRows, sink);
        }
    }

    // ---- xlsx ------------------------------------------------------------------------------------

    private static void readXlsx(byte[] content, int maxRows, Sink sink) {
        Path temp = null;
        try {
            temp = Files.createTempFile("sgz-import-", ".xlsx");
            Files.write(temp, content);
            try (OPCPackage pkg = OPCPackage.open(temp.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
                StylesTable styles = reader.getStylesTable();
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw new ImportRefusedException("工作簿中没有工作表");
                }
                int[] dataRows = {0};
                for (int index = 0; sheets.hasNext(); index++) {
                    try (InputStream sheet = sheets.next()) {
                        sink.sheet(index, sheets.getSheetName());
                        XMLReader parser = XMLHelper.newXMLReader();
                        parser.setContentHandler(new XSSFSheetXMLHandler(
                                styles,
                                null,
                                strings,
                                new RowCollector(maxRows, sink, dataRows),
                                new ListFormatter(),
                                false));
                        parser.parse(new InputSource(sheet));
                    }
                }
            }
        } catch (ImportRefusedException e) {
            throw e;
        } catch (InvalidFormatException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new ImportRefusedException("文件已损坏或不是有效的 .xlsx 工作簿，无法读取");
        } catch (OpenXML4JException
                | SAXException
                | IOException
                | org.apache.poi.ooxml.POIXMLException
                | javax.xml.parsers.ParserConfigurationException
                | IllegalStateException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof ImportRefusedException refused) {
                throw refused;
            }
            String msg = String.valueOf(root.getMessage());
            if (msg.contains("Zip bomb") || msg.contains("zip bomb") || msg.contains("exceed")) {
                throw new ImportRefusedException("文件解压后体积异常巨大（疑似“压缩炸弹”），已拒绝导入");
            }
            throw new ImportRefusedException("文件内容无法解析（不是有效的 .xlsx 工作簿或已损坏）");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // temp dir cleanup will take it
                }
            }
        }
    }

    /** Collects the cells of one row by column index, then hands non-blank rows on. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final int maxRows;
        private final Sink sink;
        private final List<String> cells = new ArrayList<>();
        /** Shared by the sheets of one workbook: the row limit is for the whole file. */
        private final int[] dataRows;

        private int nextCol;

        RowCollector(int maxRows, Sink sink, int[] dataRows) {
            this.maxRows = maxRows;
            this.sink = sink;
            this.dataRows = dataRows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            nextCol = 0;
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
                // the first non-blank row is normally the header; allow it on top of the data rows
                if (++dataRows[0] > maxRows + 1) {
                    throw UploadGuard.tooManyRows(maxRows);
                }
                sink.row(rowNum + 1, new ArrayList<>(cells));
            }
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int col = cellReference == null ? nextCol : new CellReference(cellReference).getCol();
            nextCol = col + 1;
            if (col >= MAX_COLUMNS) {
                return;
            }
            while (cells.size() <= col) {
                cells.add(null);
            }
            cells.set(col, formattedValue);
        }
    }

    // ---- xls (Excel 97–2003, WPS .et saved as .xls) ---------------------------------------------------

    private static void readXls(byte[] content, int maxRows, Sink sink) {
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook book =
                new org.apache.poi.hssf.usermodel.HSSFWorkbook(new ByteArrayInputStream(content))) {
            ListFormatter formatter = new ListFormatter();
            org.apache.poi.ss.usermodel.FormulaEvaluator formulas =
                    book.getCreationHelper().createFormulaEvaluator();
            int dataRows = 0;
            for (int index = 0; index < book.getNumberOfSheets(); index++) {
                org.apache.poi.ss.usermodel.Sheet sheet = book.getSheetAt(index);
                sink.sheet(index, sheet.getSheetName());
                for (org.apache.poi.ss.usermodel.Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (org.apache.poi.ss.usermodel.Cell cell : row) {
                        int col = cell.getColumnIndex();
                        if (col >= MAX_COLUMNS) {
                            break;
                        }
                        while (cells.size() <= col) {
                            cells.add(null);
                        }
                        cells.set(col, formatter.formatCellValue(cell, formulas));
                    }
                    if (cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
                        if (++dataRows > maxRows + 1) {
                            throw UploadGuard.tooManyRows(maxRows);
                        }
                        sink.row(row.getRowNum() + 1, cells);
                    }
                }
            }
        } catch (ImportRefusedException e) {
            throw e;
        } catch (org.apache.poi.EncryptedDocumentException e) {
            throw new ImportRefusedException("工作簿设置了密码，无法读取；请在 Excel/WPS 中取消密码后再导入");
        } catch (IOException | RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("EncryptionInfo")) {
                throw new ImportRefusedException("工作簿设置了密码，无法读取；请在 Excel/WPS 中取消密码后再导入");
            }
            throw new ImportRefusedException("文件内容无法解析（不是有效的 .xls 工作簿或已损坏），可另存为 .xlsx 后再导入");
        }
    }

    /**
     * Dates as ISO (yyyy-MM-dd) whatever the cell format; whole numbers as digits; numbers too long
     * for a double (an ID number typed as a number) kept in scientific notation so the row check can
     * say that the digits were lost.
     */
    private static final class ListFormatter extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate d = DateUtil.getLocalDateTime(value, use1904).toLocalDate();
                return d.toString();
            }
            if (value == Math.rint(value) && !Double.isInfinite(value)) {
                if (Math.abs(value) >= 1e15) {
                    return String.format("%.5E", value).replace("E+0", "E+");
                }
                return Long.toString((long) value);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }

    // ---- csv -------------------------------------------------------------------------------------

    private static void readCsv(byte[] content, int maxRows, Sink sink) {
        String text = decode(content);
        try (Reader reader = new StringReader(text)) {
            parseCsv(reader, maxRows, sink);
        } catch (IOException e) {
            throw new ImportRefusedException("文件读取失败");
        }
    }

    /** UTF-8 (with or without BOM), UTF-16 with BOM, otherwise GB18030 (a superset of GBK). */
    static String decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            try {
                return Charset.forName("GB18030")
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new ImportRefusedException("无法识别文件的文字编码（应为 UTF-8 或 GBK 的 .csv），请另存为 .xlsx 后再导入");
            }
        }
    }

    private static void parseCsv(Reader in, int maxRows, Sink sink) throws IOException {
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStarted = false;
        int rowNumber = 1;
        int dataRows = 0;
        int c;
        while ((c = in.read()) != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            in.reset();
                        }
                    }
                } else {
                    append(cell, ch);
                }
                continue;
            }
            switch (ch) {
                case '"' -> {
                    if (!cellStarted || cell.isEmpty()) {
                        quoted = true;
                        cellStarted = true;
                    } else {
                        append(cell, ch);
                    }
                }
                case ',' -> {
                    addCell(row, cell);
                    cellStarted = false;
                }
                case '\r' -> {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                    dataRows = endCsvRow(row, cell, rowNumber++, dataRows, maxRows, sink);
                    cellStarted = false;
                }
                case '\n' -> {
                    dataRows = endCsvRow(row, cell, rowNumber++, dataRows, maxRows, sink);
                    cellStarted = false;
                }
                default -> {
                    append(cell, ch);
                    cellStarted = true;
                }
            }
        }
        if (!row.isEmpty() || !cell.isEmpty()) {
            endCsvRow(row, cell, rowNumber, dataRows, maxRows, sink);
        }
    }

    private static void append(StringBuilder cell, char ch) {
        if (cell.length() < MAX_CELL + 1) {
            cell.append(ch);
        }
    }

    private static void addCell(List<String> row, StringBuilder cell) {
        if (row.size() < MAX_COLUMNS) {
            row.add(cell.toString());
        }
        cell.setLength(0);
    }

    private static int endCsvRow(
            List<String> row, StringBuilder cell, int rowNumber, int dataRows, int maxRows, Sink sink) {
        addCell(row, cell);
        int n = dataRows;
        if (row.stream().anyMatch(s -> !s.isBlank())) {
            if (++n > maxRows + 1) {
                throw UploadGuard.tooManyRows(maxRows);
            }
            sink.row(rowNumber, new ArrayList<>(row));
        }
        row.clear();
        return n;
    }

    static InputStream stream(byte[] b) {
        return new ByteArrayInputStream(b);
    }
}
