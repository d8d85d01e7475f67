package cn.sgz.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
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
 * Word documents in the layout a Chinese government office files: A4 (portrait or landscape), 宋体
 * throughout (East Asian runs) with a centred 小二 title, bordered tables with a declared column grid
 * (w:tblGrid, so Word, WPS and LibreOffice lay them out alike), page numbers 第 N 页 共 M 页 in the
 * footer, signature and date lines, and dates written 2026年12月7日. Shared by every module that
 * prints a report, bulletin or table.
 */
public final class GovDocx {

    public static final String CJK_FONT = "宋体";
    private static final String LATIN_FONT = "Times New Roman";
    /** A4 in twentieths of a point; margins 2.54 cm top/bottom, 2.8 / 2.6 cm left/right. */
    private static final int A4_SHORT = 11906;

    private static final int A4_LONG = 16838;
    private static final int MARGIN_TB = 1440;
    private static final int MARGIN_L = 1588;
    private static final int MARGIN_R = 1474;

    private final XWPFDocument doc = new XWPFDocument();
    private final int textWidth;

    public GovDocx(boolean landscape) {
        XWPFParagraph footer = doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
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

    /** The document's title: centred, bold, 小二 (18 pt). */
    public GovDocx title(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(240);
        run(p, text, 18, true);
        return this;
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
        int cols = headers.size();
        int[] widths = widths(cols, weights);
        XWPFTable t = doc.createTable(rows.size() + 1, cols);
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
        fill(t.getRow(0), headers, widths, true);
        for (int r = 0; r < rows.size(); r++) {
            fill(t.getRow(r + 1), rows.get(r), widths, false);
        }
        t.getRow(0).setRepeatHeader(true);
        doc.createParagraph();
        return this;
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

    private static void fill(XWPFTableRow row, List<String> values, int[] widths, boolean header) {
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
            XWPFRun r = run(p, lines[0], 10.5, header);
            for (int i = 1; i < lines.length; i++) {
                r.addBreak();
                r.setText(lines[i]);
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

    private static XWPFRun run(XWPFParagraph p, String text, double size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setFontFamily(CJK_FONT, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
        r.setFontSize(size);
        r.setBold(bold);
        r.setText(text == null ? "" : text);
        return r;
    }
}
