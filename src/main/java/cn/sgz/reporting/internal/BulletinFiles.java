package cn.sgz.reporting.internal;

import cn.sgz.reporting.Bulletin;
import cn.sgz.reporting.CityBulletin;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.docx.GovDocx;
import cn.sgz.shared.excel.XlsxTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** The quarterly bulletin as Word (A4 landscape, the stations side by side) and Excel (typed numbers). */
@Component
public class BulletinFiles {

    public byte[] word(Bulletin b) {
        GovDocx d = new GovDocx(true);
        d.title(b.bureauName() + "社工站" + b.quarterLabel() + "工作通报");
        d.centered("项目：" + b.projectName() + "　　统计期：" + GovDocx.chineseDate(b.from()) + "至"
                + GovDocx.chineseDate(b.asOf()));
        d.heading("一、各社工站指标完成情况排名");
        List<List<String>> rows = new ArrayList<>();
        for (Bulletin.BulletinStation l : b.stations()) {
            rows.add(List.of(
                    Integer.toString(l.rank()),
                    l.stationName(),
                    l.rate().toPlainString() + "%",
                    Long.toString(l.met()),
                    Long.toString(l.onTrack()),
                    Long.toString(l.atRisk()),
                    Long.toString(l.missed()),
                    Long.toString(l.counted()),
                    Long.toString(l.excluded()),
                    Long.toString(l.peopleServed()),
                    l.reportStatus()));
        }
        d.table(
                List.of("排名", "社工站", "达标率", "已达标", "进度正常", "有风险", "未达标", "计入记录", "不计入记录", "服务人数", "季报"),
                rows,
                2,
                6,
                3,
                2,
                2,
                2,
                2,
                3,
                3,
                3,
                3);
        d.heading("二、需关注的社工站");
        if (b.atRiskStations().isEmpty()) {
            d.paragraph("本季度各社工站均无有风险或未达标的指标。");
        } else {
            for (Bulletin.BulletinStation l : b.atRiskStations()) {
                d.paragraph(l.stationName() + "：" + String.join("；", l.risks()) + "。");
            }
        }
        d.heading("三、各指标分站完成情况");
        List<String> headers = new ArrayList<>(List.of("编码", "指标", "目标"));
        b.stations().forEach(s -> headers.add(s.stationName()));
        List<List<String>> matrix = new ArrayList<>();
        for (Bulletin.BulletinIndicator r : b.indicators()) {
            List<String> line = new ArrayList<>(List.of(r.code(), r.name(), r.target()));
            r.cells().forEach(c -> line.add(c.actual() + "（" + c.statusLabel() + "）"));
            matrix.add(line);
        }
        int[] weights = new int[headers.size()];
        weights[0] = 2;
        weights[1] = 6;
        weights[2] = 2;
        for (int i = 3; i < weights.length; i++) {
            weights[i] = 3;
        }
        d.table(headers, matrix, weights);
        d.heading("四、群众反馈与满意度");
        List<List<String>> voices = new ArrayList<>();
        for (Bulletin.BulletinVoice v : b.voices()) {
            voices.add(List.of(
                    v.stationName(),
                    Long.toString(v.complaints()),
                    Long.toString(v.suggestions()),
                    Long.toString(v.praise()),
                    Long.toString(v.open()),
                    Long.toString(v.overdue()),
                    v.satisfactionAverage() == null
                            ? "无答卷"
                            : String.format("%.2f（%d份）", v.satisfactionAverage(), v.satisfactionResponses())));
        }
        d.table(List.of("社工站", "投诉", "建议", "表扬", "未办结", "逾期未答复", "问卷满意度（5分制）"), voices, 6, 2, 2, 2, 2, 3, 4);
        d.right(b.bureauName() + "　　" + GovDocx.chineseDate(ChinaTime.today()));
        return d.toBytes();
    }

    public byte[] excel(Bulletin b) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = ReportFiles.bold(book);
            Sheet rank = book.createSheet("排名");
            ReportFiles.header(
                    rank, bold, "排名", "社工站", "达标率(%)", "已达标", "进度正常", "有风险", "未达标", "已评价指标", "计入记录", "不计入记录", "服务人数",
                    "季报", "风险指标");
            int r = 1;
            for (Bulletin.BulletinStation l : b.stations()) {
                Row row = rank.createRow(r++);
                row.createCell(0).setCellValue(l.rank());
                ReportFiles.text(row, 1, l.stationName());
                ReportFiles.number(row, 2, l.rate());
                row.createCell(3).setCellValue(l.met());
                row.createCell(4).setCellValue(l.onTrack());
                row.createCell(5).setCellValue(l.atRisk());
                row.createCell(6).setCellValue(l.missed());
                row.createCell(7).setCellValue(l.evaluated());
                row.createCell(8).setCellValue(l.counted());
                row.createCell(9).setCellValue(l.excluded());
                row.createCell(10).setCellValue(l.peopleServed());
                ReportFiles.text(row, 11, l.reportStatus());
                ReportFiles.text(row, 12, String.join("；", l.risks()));
            }
            Sheet voice = book.createSheet("群众反馈");
            ReportFiles.header(voice, bold, "社工站", "投诉", "建议", "表扬", "未办结", "逾期未答复", "问卷份数", "问卷满意度(5分制)");
            int vr = 1;
            for (Bulletin.BulletinVoice v : b.voices()) {
                Row row = voice.createRow(vr++);
                ReportFiles.text(row, 0, v.stationName());
                row.createCell(1).setCellValue(v.complaints());
                row.createCell(2).setCellValue(v.suggestions());
                row.createCell(3).setCellValue(v.praise());
                row.createCell(4).setCellValue(v.open());
                row.createCell(5).setCellValue(v.overdue());
                row.createCell(6).setCellValue(v.satisfactionResponses());
                if (v.satisfactionAverage() != null) {
                    row.createCell(7).setCellValue(v.satisfactionAverage());
                }
            }
            Sheet ind = book.createSheet("指标分站");
            List<String> headers = new ArrayList<>(List.of("编码", "指标", "目标"));
            for (Bulletin.BulletinStation s : b.stations()) {
                headers.add(s.stationName() + "完成");
                headers.add(s.stationName() + "状态");
            }
            ReportFiles.header(ind, bold, headers.toArray(String[]::new));
            r = 1;
            for (Bulletin.BulletinIndicator ir : b.indicators()) {
                Row row = ind.createRow(r++);
                ReportFiles.text(row, 0, ir.code());
                ReportFiles.text(row, 1, ir.name());
                ReportFiles.text(row, 2, ir.target());
                int c = 3;
                for (Bulletin.BulletinCell cell : ir.cells()) {
                    try {
                        row.createCell(c).setCellValue(Double.parseDouble(cell.actual()));
                    } catch (NumberFormatException e) {
                        ReportFiles.text(row, c, cell.actual());
                    }
                    ReportFiles.text(row, c + 1, cell.statusLabel());
                    c += 2;
                }
            }
            ind.setColumnWidth(1, 40 * 256);
            String what = b.bureauName() + b.quarterLabel() + "社工站季度通报";
            String asOf = XlsxTable.asOf(b.projectName(), b.asOf());
            XlsxTable.titleAndLayout(rank, what + " · 排名", asOf);
            XlsxTable.titleAndLayout(voice, what + " · 群众反馈", asOf);
            XlsxTable.titleAndLayout(ind, what + " · 指标分站", asOf);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The city bulletin: the counties ranked, then every station at risk, A4 landscape. */
    public byte[] cityWord(CityBulletin b) {
        GovDocx d = new GovDocx(true);
        d.title(b.cityName() + "社工站" + b.quarterLabel() + "工作通报");
        d.centered("统计期：" + GovDocx.chineseDate(b.from()) + "至" + GovDocx.chineseDate(b.asOf()));
        d.heading("一、各区县指标完成情况排名");
        List<List<String>> rows = new ArrayList<>();
        for (CityBulletin.CityCounty c : b.counties()) {
            rows.add(List.of(
                    Integer.toString(c.rank()),
                    c.countyName(),
                    Integer.toString(c.projects()),
                    Integer.toString(c.stations()),
                    c.rate().toPlainString() + "%",
                    Long.toString(c.met()),
                    Long.toString(c.onTrack()),
                    Long.toString(c.atRisk()),
                    Long.toString(c.missed()),
                    Long.toString(c.counted()),
                    Long.toString(c.peopleServed()),
                    Integer.toString(c.stationsAtRisk())));
        }
        d.table(
                List.of("排名", "区县", "项目", "社工站", "达标率", "已达标", "进度正常", "有风险", "未达标", "计入记录", "服务人数", "需关注站"),
                rows,
                2,
                5,
                2,
                2,
                3,
                2,
                2,
                2,
                2,
                3,
                3,
                2);
        d.heading("二、需关注的社工站");
        if (b.atRisk().isEmpty()) {
            d.paragraph("本季度各区县社工站均无有风险或未达标的指标。");
        } else {
            d.table(
                    List.of("区县", "社工站", "风险指标"),
                    b.atRisk().stream()
                            .map(r -> List.of(r.countyName(), r.stationName(), String.join("；", r.risks())))
                            .toList(),
                    3,
                    4,
                    12);
        }
        d.right(b.cityName() + "　　" + GovDocx.chineseDate(ChinaTime.today()));
        return d.toBytes();
    }

    public byte[] cityExcel(CityBulletin b) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = ReportFiles.bold(book);
            Sheet rank = book.createSheet("区县排名");
            ReportFiles.header(
                    rank, bold, "排名", "区县", "项目", "社工站", "达标率(%)", "已达标", "进度正常", "有风险", "未达标", "已评价指标", "计入记录",
                    "不计入记录", "服务人数", "需关注站", "季报已接收");
            int r = 1;
            for (CityBulletin.CityCounty c : b.counties()) {
                Row row = rank.createRow(r++);
                row.createCell(0).setCellValue(c.rank());
                ReportFiles.text(row, 1, c.countyName());
                row.createCell(2).setCellValue(c.projects());
                row.createCell(3).setCellValue(c.stations());
                ReportFiles.number(row, 4, c.rate());
                row.createCell(5).setCellValue(c.met());
                row.createCell(6).setCellValue(c.onTrack());
                row.createCell(7).setCellValue(c.atRisk());
                row.createCell(8).setCellValue(c.missed());
                row.createCell(9).setCellValue(c.evaluated());
                row.createCell(10).setCellValue(c.counted());
                row.createCell(11).setCellValue(c.excluded());
                row.createCell(12).setCellValue(c.peopleServed());
                row.createCell(13).setCellValue(c.stationsAtRisk());
                row.createCell(14).setCellValue(c.quarterlyReportsReceived());
            }
            Sheet risk = book.createSheet("需关注社工站");
            ReportFiles.header(risk, bold, "区县", "项目", "社工站", "风险指标");
            r = 1;
            for (CityBulletin.CityRisk x : b.atRisk()) {
                Row row = risk.createRow(r++);
                ReportFiles.text(row, 0, x.countyName());
                ReportFiles.text(row, 1, x.projectName());
                ReportFiles.text(row, 2, x.stationName());
                ReportFiles.text(row, 3, String.join("；", x.risks()));
            }
            risk.setColumnWidth(3, 60 * 256);
            String what = b.cityName() + b.quarterLabel() + "社工站季度通报";
            XlsxTable.titleAndLayout(rank, what + " · 区县排名", XlsxTable.asOf(b.cityName(), b.asOf()));
            XlsxTable.titleAndLayout(risk, what + " · 需关注社工站", XlsxTable.asOf(b.cityName(), b.asOf()));
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
