package cn.sgz.shared.docx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * The one Word writer: documents in the layout a Chinese government office files. A4 (portrait or landscape) with
 * fixed margins, 宋体 throughout (East Asian runs, also declared as the document default so text without a run font
 * is 宋体 too) with a centred 小二 title (黑体 on request, e.g. certificates), bordered tables with a declared column grid
 * (w:tblGrid, so Word, WPS and LibreOffice lay them out alike), page numbers 第 N 页 共 M 页 in the footer,
 * signature and date lines, photos, and dates written 2026年12月7日. Every module that prints a report, form,
 * certificate or case file uses it (it lives in the open shared kernel for that reason).
 */
public class GovDocx {

    public static final String CJK_FONT = "宋体";
    public static final String HEADING_FONT = "黑体";
    private static final Pattern ID_18 =
            Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern ID_15 = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{5}(\\d{4})(?![0-9A-Za-z])");
    private static final String LATIN_FONT = "Times New Roman";
    /** A4 in twentieths of a point; margins 2.54 cm top/bottom, 2.8 / 2.6 cm left/right. */
    private static final int A4_SHORT = 11906;

    private static final int A4_LONG = 16838;
    private static final int MARGIN_TB = 1440;
    private static final int MARGIN_L = 1588;
    private static final int MARGIN_R = 1474;

    private final XWPFDocument doc = new XWPFDocument();
    private final int textWidth;
    private boolean maskIds;
    private boolean anyTitle;

    /** A4 portrait. */
    public GovDocx() {
        this(false);
    }

    public GovDocx(boolean landscape) {
        this(landscape, null);
    }

    /**
     * @param footerNote a line printed in the footer above the page number (e.g. station · case code), or null
     */
    public GovDocx(boolean landscape, String footerNote) {
        declareDefaultFonts();
        var ftr = doc.createFooter(HeaderFooterType.DEFAULT);
        if (footerNote != null && !footerNote.isBlank()) {
            XWPFParagraph note = ftr.createParagraph();
            note.setAlignment(ParagraphAlignment.CENTER);
            run(note, footerNote, 9, false);
        }
        XWPFParagraph footer = ftr.createParagraph();
        footer.setAlignment(ParagraphAlignment.CENTER);
        run(footer, "第 ", 9, false);
        field(footer, "PAGE");
        run(footer, " 页 共 ", 9, false);
        field(footer, "NUMPAGES");
        run(footer, " 页", 9, false);
        CTBody body = doc.getDocument().getBody();
        CTSectPr sect = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(landscape ? A4_LONG : A4_SHORT));
        size.setH(BigInteger.valueOf(landscape ? A4_SHORT : A4_LONG));
        if (landscape) {
            size.setOrient(STPageOrientation.LANDSCAPE);
        }
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(MARGIN_TB));
        mar.setBottom(BigInteger.valueOf(MARGIN_TB));
        mar.setLeft(BigInteger.valueOf(MARGIN_L));
        mar.setRight(BigInteger.valueOf(MARGIN_R));
        mar.setFooter(BigInteger.valueOf(720));
        mar.setHeader(BigInteger.valueOf(720));
        textWidth = (landscape ? A4_LONG : A4_SHORT) - MARGIN_L - MARGIN_R;
    }

    /** 2026年12月7日 */
    public static String chineseDate(LocalDate d) {
        return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** 2026年12月7日 10:30 */
    public static String chineseDateTime(java.time.LocalDateTime t) {
        return t == null ? "" : chineseDate(t.toLocalDate()) + String.format(" %02d:%02d", t.getHour(), t.getMinute());
    }

    /** Personal ID numbers are never printed in full: 110105********002X. */
    public static String mask(String text) {
        if (text == null) {
            return "";
        }
        String s = ID_18.matcher(text).replaceAll("$1********$2");
        return ID_15.matcher(s).replaceAll("$1*****$2");
    }

    /** From now on every text written has its 15/18-digit ID numbers masked (case files, forms). */
    public GovDocx maskIdNumbers() {
        this.maskIds = true;
        return this;
    }

    /** The document's title: centred, bold, 小二 (18 pt). */
    public GovDocx title(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(240);
        run(p, text, 18, true);
        anyTitle = true;
        return this;
    }

    /** A title set in another East Asian font, e.g. 黑体 for a certificate. */
    public GovDocx title(String text, String cjkFont) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(240);
        run(p, text, 22, true).setFontFamily(cjkFont, XWPFRun.FontCharRange.eastAsia);
        anyTitle = true;
        return this;
    }

    /** A title that starts a new page unless it is the first title of the document (one form per page). */
    public GovDocx formTitle(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setPageBreak(anyTitle);
        p.setSpacingAfter(200);
        run(p, text, 18, true);
        anyTitle = true;
        return this;
    }

    /** Starts a new page. */
    public GovDocx pageBreak() {
        doc.createParagraph().setPageBreak(true);
        return this;
    }

    /** A bold sub-heading inside a form (12 pt 宋体). */
    public GovDocx subheading(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(160);
        run(p, text, 12, true);
        return this;
    }

    /**
     * A form table of label | content rows (the label column a quarter of the width, in bold); content may run over
     * several lines. Rows with an empty content are left blank to be written in by hand.
     */
    public GovDocx fields(List<String[]> rows) {
        if (rows.isEmpty()) {
            return this;
        }
        List<List<String>> body = new java.util.ArrayList<>();
        for (String[] r : rows) {
            body.add(java.util.Arrays.asList(r[0], r.length > 1 ? r[1] : ""));
        }
        grid(null, body, new int[] {1, 3}, new boolean[] {true, false}, 0);
        return this;
    }

    /**
     * A form table of label/value pairs, {@code pairs} of them in a row: 姓名 | 张三 | 性别 | 女. Each element of
     * {@code cells} is one label followed by its value; a row with a single pair spans the rest of the row.
     */
    public GovDocx pairs(int pairsPerRow, List<String[]> cells) {
        if (cells.isEmpty()) {
            return this;
        }
        int cols = pairsPerRow * 2;
        int[] weights = new int[cols];
        boolean[] bold = new boolean[cols];
        for (int i = 0; i < cols; i++) {
            weights[i] = i % 2 == 0 ? 2 : 3;
            bold[i] = i % 2 == 0;
        }
        List<List<String>> body = new java.util.ArrayList<>();
        List<String> row = new java.util.ArrayList<>();
        for (String[] c : cells) {
            row.add(c[0]);
            row.add(c.length > 1 ? c[1] : "");
            if (row.size() == cols) {
                body.add(row);
                row = new java.util.ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            while (row.size() < cols) {
                row.add("");
            }
            body.add(row);
        }
        grid(null, body, weights, bold, 0);
        return this;
    }

    /**
     * A bordered table with a header row and {@code blankRows} empty rows after the data (a sign-in sheet or
     * ledger printed to be filled in by hand); the rows are tall enough to write in.
     */
    public GovDocx tableWithBlankRows(List<String> headers, List<List<String>> rows, int blankRows, int... weights) {
        grid(headers, rows, weights, null, blankRows);
        return this;
    }

    /** Filled signature lines: 社工（签字）：张三　　日期：2026年12月7日; a null name or date leaves a line. */
    public GovDocx signed(String label, String name, LocalDate date) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(200);
        run(
                p,
                label + "：" + (name == null || name.isBlank() ? "____________________" : name) + "        日期："
                        + (date == null ? "______年____月____日" : chineseDate(date)),
                12,
                false);
        return this;
    }

    /** An image (a photo, a signed page, an on-screen signature) {@code cm} wide, at most 12 cm high. */
    public GovDocx picture(byte[] bytes, String contentType, int width, int height, String name, double cm) {
        int type = contentType == null
                ? -1
                : switch (contentType) {
                    case "image/png" -> XWPFDocument.PICTURE_TYPE_PNG;
                    case "image/jpeg", "image/jpg" -> XWPFDocument.PICTURE_TYPE_JPEG;
                    case "image/gif" -> XWPFDocument.PICTURE_TYPE_GIF;
                    default -> -1;
                };
        if (type < 0 || width <= 0 || height <= 0 || bytes == null) {
            return note("（" + name + "：该图片格式无法嵌入文档）");
        }
        double w = cm * 28.35; // points
        double h = w * height / width;
        double maxH = 12 * 28.35;
        if (h > maxH) {
            w = w * maxH / h;
            h = maxH;
        }
        try {
            XWPFParagraph p = doc.createParagraph();
            p.setAlignment(ParagraphAlignment.CENTER);
            run(p, "", 10.5, false)
                    .addPicture(
                            new java.io.ByteArrayInputStream(bytes),
                            type,
                            name,
                            org.apache.poi.util.Units.toEMU(w),
                            org.apache.poi.util.Units.toEMU(h));
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            return note("（" + name + "：图片无法读取）");
        }
        return this;
    }

    /** An image about 8 cm wide (the size of a signature on a case form). */
    public GovDocx picture(byte[] bytes, String contentType, int width, int height, String name) {
        return picture(bytes, contentType, width, height, name, 8);
    }

    /** A centred line under the title (station, period). */
    public GovDocx centered(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(120);
        run(p, text, 12, false);
        return this;
    }

    /** A section heading such as 一、指标完成情况 (三号 bold, 16 pt). */
    public GovDocx heading(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(240);
        p.setSpacingAfter(120);
        run(p, text, 14, true);
        return this;
    }

    /** Body text, first line indented two characters; each line of {@code text} is a paragraph. */
    public GovDocx paragraph(String text) {
        String value = text == null || text.isBlank() ? "（无）" : text.strip();
        for (String line : value.split("\\R")) {
            XWPFParagraph p = doc.createParagraph();
            p.setIndentationFirstLine(480);
            p.setSpacingAfter(60);
            run(p, line, 12, false);
        }
        return this;
    }

    /** A small note (10.5 pt, 五号). */
    public GovDocx note(String text) {
        run(doc.createParagraph(), text, 10.5, false);
        return this;
    }

    /**
     * A bordered table: a bold header row, then the rows; {@code weights} share the text width between
     * the columns (declared in w:tblGrid and on every cell).
     */
    public GovDocx table(List<String> headers, List<List<String>> rows, int... weights) {
        grid(headers, rows, weights, null, 0);
        return this;
    }

    private void grid(List<String> headers, List<List<String>> rows, int[] weights, boolean[] boldCols, int blankRows) {
        int cols = headers != null
                ? headers.size()
                : rows.isEmpty() ? 1 : rows.get(0).size();
        int[] widths = widths(cols, weights);
        int headerRows = headers == null ? 0 : 1;
        XWPFTable t = doc.createTable(headerRows + rows.size() + blankRows, cols);
        CTTbl ct = t.getCTTbl();
        CTTblPr pr = ct.getTblPr() == null ? ct.addNewTblPr() : ct.getTblPr();
        CTTblWidth w = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(textWidth));
        CTTblBorders borders = pr.isSetTblBorders() ? pr.getTblBorders() : pr.addNewTblBorders();
        border(borders.isSetTop() ? borders.getTop() : borders.addNewTop());
        border(borders.isSetBottom() ? borders.getBottom() : borders.addNewBottom());
        border(borders.isSetLeft() ? borders.getLeft() : borders.addNewLeft());
        border(borders.isSetRight() ? borders.getRight() : borders.addNewRight());
        border(borders.isSetInsideH() ? borders.getInsideH() : borders.addNewInsideH());
        border(borders.isSetInsideV() ? borders.getInsideV() : borders.addNewInsideV());
        CTTblGrid grid = ct.getTblGrid() != null ? ct.getTblGrid() : ct.addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int width : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        if (headers != null) {
            fill(t.getRow(0), headers, widths, null, true);
            t.getRow(0).setRepeatHeader(true);
        }
        for (int r = 0; r < rows.size(); r++) {
            fill(t.getRow(r + headerRows), rows.get(r), widths, boldCols, false);
        }
        for (int r = 0; r < blankRows; r++) {
            XWPFTableRow row = t.getRow(headerRows + rows.size() + r);
            row.setHeight(560);
            fill(row, List.of(), widths, null, false);
        }
        doc.createParagraph();
    }

    /** Signature and date lines, e.g. 填报人 / 站长（签字） / 单位（盖章）: each with ________ and ____年__月__日. */
    public GovDocx signatures(List<String> labels) {
        doc.createParagraph();
        for (String label : labels) {
            XWPFParagraph p = doc.createParagraph();
            p.setSpacingBefore(200);
            run(p, label + "：____________________        日期：______年____月____日", 12, false);
        }
        return this;
    }

    /** A line aligned right, e.g. the date the document was made. */
    public GovDocx right(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.RIGHT);
        run(p, text, 12, false);
        return this;
    }

    public byte[] toBytes() {
        try (doc;
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int[] widths(int cols, int[] weights) {
        int[] result = new int[cols];
        int total = 0;
        for (int i = 0; i < cols; i++) {
            total += weights != null && weights.length == cols ? Math.max(1, weights[i]) : 1;
        }
        for (int i = 0; i < cols; i++) {
            int weight = weights != null && weights.length == cols ? Math.max(1, weights[i]) : 1;
            result[i] = textWidth * weight / total;
        }
        return result;
    }

    private void fill(XWPFTableRow row, List<String> values, int[] widths, boolean[] boldCols, boolean header) {
        for (int c = 0; c < widths.length; c++) {
            XWPFTableCell cell = row.getCell(c);
            CTTcPr pr = cell.getCTTc().isSetTcPr()
                    ? cell.getCTTc().getTcPr()
                    : cell.getCTTc().addNewTcPr();
            CTTblWidth w = pr.isSetTcW() ? pr.getTcW() : pr.addNewTcW();
            w.setType(STTblWidth.DXA);
            w.setW(BigInteger.valueOf(widths[c]));
            XWPFParagraph p = cell.getParagraphs().get(0);
            if (header) {
                p.setAlignment(ParagraphAlignment.CENTER);
            }
            String text = c < values.size() && values.get(c) != null ? values.get(c) : "";
            String[] lines = text.split("\\R", -1);
            boolean bold = header || (boldCols != null && c < boldCols.length && boldCols[c]);
            XWPFRun r = run(p, lines[0], 10.5, bold);
            for (int i = 1; i < lines.length; i++) {
                r.addBreak();
                r.setText(maskIds ? mask(lines[i]) : lines[i]);
            }
        }
    }

    private static void border(CTBorder b) {
        b.setVal(STBorder.SINGLE);
        b.setSz(BigInteger.valueOf(4));
        b.setSpace(BigInteger.ZERO);
        b.setColor("000000");
    }

    private static void field(XWPFParagraph p, String instr) {
        var f = p.getCTP().addNewFldSimple();
        f.setInstr(instr);
        var r = f.addNewR();
        var t = r.addNewT();
        t.setStringValue("1");
    }

    /** docDefaults: 宋体 for East Asian text, Times New Roman otherwise, 五号 (10.5 pt). */
    private void declareDefaultFonts() {
        var styles = doc.createStyles();
        var fonts = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts.Factory.newInstance();
        fonts.setEastAsia(CJK_FONT);
        fonts.setAscii(LATIN_FONT);
        fonts.setHAnsi(LATIN_FONT);
        styles.setDefaultFonts(fonts);
    }

    private XWPFRun run(XWPFParagraph p, String text, double size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setFontFamily(CJK_FONT, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
        r.setFontSize(size);
        r.setBold(bold);
        String value = text == null ? "" : text;
        r.setText(maskIds ? mask(value) : value);
        return r;
    }
}
