package cn.sgz.casework.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Word documents in the customary layout of a Chinese case file: a centred title, then a two-column
 * table 字段名 | 内容. Every run is set in 宋体 for East Asian text (so Chinese renders in Word and WPS),
 * every form after the first starts on a new page, and 18-digit ID numbers are masked wherever they
 * appear in typed text.
 */
public final class DocxBuilder {

    private static final String CJK_FONT = "宋体";
    private static final String LATIN_FONT = "Times New Roman";
    private static final Pattern ID_18 =
            Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern ID_15 = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{5}(\\d{4})(?![0-9A-Za-z])");

    private final XWPFDocument doc = new XWPFDocument();
    private boolean first = true;

    public DocxBuilder(String footer) {
        XWPFParagraph p = doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, footer, 9, false);
    }

    /** Personal ID numbers are never printed in full: 110105********002X. */
    public static String mask(String text) {
        if (text == null) {
            return "";
        }
        String s = ID_18.matcher(text).replaceAll("$1********$2");
        return ID_15.matcher(s).replaceAll("$1*****$2");
    }

    /** A form title; every form after the first begins on a new page. */
    public DocxBuilder title(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setPageBreak(!first);
        p.setSpacingAfter(200);
        first = false;
        run(p, text, 18, true);
        return this;
    }

    public DocxBuilder subtitle(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(160);
        run(p, text, 12, true);
        return this;
    }

    public DocxBuilder note(String text) {
        run(doc.createParagraph(), text, 10.5, false);
        return this;
    }

    /** A table of label | content rows (content may have several lines). */
    public DocxBuilder table(List<String[]> rows) {
        if (rows.isEmpty()) {
            return this;
        }
        XWPFTable t = doc.createTable(rows.size(), 2);
        t.setWidth("100%");
        for (int i = 0; i < rows.size(); i++) {
            XWPFTableRow row = t.getRow(i);
            cell(row.getCell(0), rows.get(i)[0], true, "24%");
            cell(row.getCell(1), rows.get(i)[1], false, "76%");
        }
        doc.createParagraph();
        return this;
    }

    /** An image (signed page or on-screen signature), about 8 cm wide. */
    public DocxBuilder picture(byte[] bytes, String contentType, int width, int height, String name) {
        int type = switch (contentType) {
            case "image/png" -> XWPFDocument.PICTURE_TYPE_PNG;
            case "image/jpeg" -> XWPFDocument.PICTURE_TYPE_JPEG;
            default -> -1;
        };
        if (type < 0 || width <= 0 || height <= 0) {
            return note("（" + name + "：该图片格式无法嵌入文档，请在平台中查看）");
        }
        double w = 8 * 28.35; // points in 8 cm
        double h = w * height / width;
        try {
            run(doc.createParagraph(), "", 10.5, false)
                    .addPicture(
                            new ByteArrayInputStream(bytes),
                            type,
                            name,
                            Units.toEMU(w),
                            Units.toEMU(Math.min(h, 12 * 28.35)));
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            return note("（" + name + "：图片无法读取）");
        }
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

    private static void cell(XWPFTableCell cell, String text, boolean label, String width) {
        cell.setWidth(width);
        XWPFParagraph p = cell.getParagraphs().get(0);
        String[] lines = mask(text).split("\\R", -1);
        XWPFRun r = run(p, lines[0], 10.5, label);
        for (int i = 1; i < lines.length; i++) {
            r.addBreak();
            r.setText(lines[i]);
        }
    }

    private static XWPFRun run(XWPFParagraph p, String text, double size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setFontFamily(CJK_FONT, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
        r.setFontSize(size);
        r.setBold(bold);
        r.setText(mask(text));
        return r;
    }
}
