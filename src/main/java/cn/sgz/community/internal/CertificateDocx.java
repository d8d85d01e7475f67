package cn.sgz.community.internal;

import cn.sgz.community.internal.VolunteerPapers.Certificate;
import cn.sgz.community.internal.VolunteerPapers.CertificateLine;
import cn.sgz.shared.docx.GovDocx;
import java.util.ArrayList;
import java.util.List;

/**
 * The 志愿服务记录证明 as Word, written by the shared {@link GovDocx}: A4, 黑体 title, 宋体 text, the counting
 * services in a bordered table with its column grid, the issuing station's seal line and the date, page numbers.
 */
public final class CertificateDocx {

    static final String BODY_FONT = GovDocx.CJK_FONT;
    static final String TITLE_FONT = GovDocx.HEADING_FONT;

    private CertificateDocx() {}

    public static byte[] write(Certificate c) {
        GovDocx doc = new GovDocx(false);
        doc.title("志愿服务记录证明", TITLE_FONT);
        doc.paragraph("兹证明 " + c.name() + (c.gender() == null ? "" : "（" + c.gender() + "）")
                + (c.maskedPhone() == null ? "" : "，手机号 " + c.maskedPhone())
                + "，全国志愿服务信息系统编号 " + (c.nationalNo() == null ? "（尚未注册）" : c.nationalNo())
                + "，于 " + GovDocx.chineseDate(c.from()) + " 至 " + GovDocx.chineseDate(c.to()) + " 期间，在"
                + c.stationName() + (c.teamName() == null ? "" : "（" + c.teamName() + "）")
                + "参加志愿服务活动 " + c.services().size() + " 次，累计志愿服务时长 "
                + c.totalHours().stripTrailingZeros().toPlainString() + " 小时。");
        doc.subheading("志愿服务记录明细：");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < c.services().size(); i++) {
            CertificateLine l = c.services().get(i);
            rows.add(List.of(
                    String.valueOf(i + 1),
                    l.time(),
                    l.title(),
                    l.place() == null ? "" : l.place(),
                    l.hours().stripTrailingZeros().toPlainString()));
        }
        doc.table(List.of("序号", "服务时间", "活动名称", "服务地点", "时长(小时)"), rows, 1, 4, 5, 4, 2);
        doc.note("以上服务时长仅包含经佐证核验计入的志愿服务活动。特此证明。");
        doc.right("出具单位：" + c.stationName() + "（盖章）");
        doc.right("出具日期：" + GovDocx.chineseDate(c.issuedOn()));
        return doc.toBytes();
    }
}
