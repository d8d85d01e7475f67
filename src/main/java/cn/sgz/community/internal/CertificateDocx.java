package cn.sgz.community.internal;

import cn.sgz.community.internal.VolunteerPapers.Certificate;
import cn.sgz.community.internal.VolunteerPapers.CertificateLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * 志愿服务记录证明 as a Word file. East Asian text is set in 宋体 (and the title in 黑体) so Word and WPS show
 * Chinese with a Chinese font instead of a Latin fallback.
 */
public final class CertificateDocx {

    static final String BODY_FONT = "宋体";
    static final String TITLE_FONT = "黑体";

    private CertificateDocx() {}

    public static byte[] write(Certificate c) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, "志愿服务记录证明", TITLE_FONT, 22, true);

            XWPFParagraph body = doc.createParagraph();
            body.setFirstLineIndent(560);
            body.setSpacingBetween(1.5);
            run(
                    body,
                    "兹证明 " + c.name() + (c.gender() == null ? "" : "（" + c.gender() + "）")
                            + (c.maskedPhone() == null ? "" : "，手机号 " + c.maskedPhone())
                            + "，全国志愿服务信息系统编号 " + (c.nationalNo() == null ? "（尚未注册）" : c.nationalNo())
                            + "，于 " + day(c.from()) + " 至 " + day(c.to()) + " 期间，在" + c.stationName()
                            + (c.teamName() == null ? "" : "（" + c.teamName() + "）")
                            + "参加志愿服务活动 " + c.services().size() + " 次，累计志愿服务时长 "
                            + c.totalHours().stripTrailingZeros().toPlainString() + " 小时。",
                    BODY_FONT,
                    12,
                    false);

            XWPFParagraph detail = doc.createParagraph();
            run(detail, "志愿服务记录明细：", BODY_FONT, 12, true);
            List<String> headers = List.of("序号", "服务时间", "活动名称", "服务地点", "时长(小时)");
            XWPFTable table = doc.createTable(c.services().size() + 1, headers.size());
            table.setWidth("100%");
            fill(table.getRow(0), headers, true);
            for (int i = 0; i < c.services().size(); i++) {
                CertificateLine l = c.services().get(i);
                fill(
                        table.getRow(i + 1),
                        List.of(
                                String.valueOf(i + 1),
                                l.time(),
                                l.title(),
                                l.place() == null ? "" : l.place(),
                                l.hours().stripTrailingZeros().toPlainString()),
                        false);
            }

            XWPFParagraph note = doc.createParagraph();
            note.setSpacingBefore(200);
            run(note, "以上服务时长仅包含经佐证核验计入的志愿服务活动。特此证明。", BODY_FONT, 11, false);

            XWPFParagraph sign = doc.createParagraph();
            sign.setAlignment(ParagraphAlignment.RIGHT);
            sign.setSpacingBefore(600);
            run(sign, "出具单位：" + c.stationName() + "（盖章）", BODY_FONT, 12, false);
            XWPFParagraph date = doc.createParagraph();
            date.setAlignment(ParagraphAlignment.RIGHT);
            run(date, "出具日期：" + day(c.issuedOn()), BODY_FONT, 12, false);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int i = 0; i < cells.size(); i++) {
            XWPFParagraph p = row.getCell(i).getParagraphs().get(0);
            run(p, cells.get(i), BODY_FONT, 10.5, bold);
        }
    }

    private static void run(XWPFParagraph p, String text, String font, double size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setBold(bold);
        r.setFontSize(size);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
    }

    private static String day(LocalDate d) {
        return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
