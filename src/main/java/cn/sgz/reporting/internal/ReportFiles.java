package cn.sgz.reporting.internal;

import cn.sgz.catalog.Project;
import cn.sgz.reporting.ReportContent;
import cn.sgz.reporting.ReportContent.ReportIndicator;
import cn.sgz.reporting.ReportContent.ReportServiceCount;
import cn.sgz.reporting.ReportView;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.docx.GovDocx;
import cn.sgz.shared.excel.XlsxTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** The Word and Excel files of one station's report. Figures are typed numbers in Excel. */
@Component
public class ReportFiles {

    public byte[] word(ReportView v, ReportContent c, Project project) {
        GovDocx d = new GovDocx(false);
        d.title(v.title());
        d.centered("项目：" + project.name());
        d.centered("报告期：" + GovDocx.chineseDate(v.periodStart()) + "至" + GovDocx.chineseDate(v.periodEnd()) + "　　报送截止："
                + GovDocx.chineseDate(v.dueOn()));
        d.note("状态：" + v.statusLabel()
                + (v.submittedAt() == null
                        ? ""
                        : "　　提交：" + v.submittedBy() + " "
                                + GovDocx.chineseDate(v.submittedAt().toLocalDate()))
                + "　　数据截至：" + GovDocx.chineseDate(c.asOf()));
        d.heading("一、指标完成情况");
        d.table(List.of("编码", "指标", "考核周期", "目标", "完成", "状态", "累计达标期数"), indicatorRows(c), 3, 9, 4, 2, 2, 3, 3);
        d.heading("二、服务开展情况");
        List<List<String>> services = new ArrayList<>();
        for (ReportServiceCount s : c.services()) {
            services.add(List.of(
                    s.kindLabel(),
                    s.domainLabel(),
                    Long.toString(s.counted()),
                    Long.toString(s.excluded()),
                    Long.toString(s.participants())));
        }
        services.add(List.of(
                "合计",
                "",
                Long.toString(c.countedRecords()),
                Long.toString(c.excludedRecords()),
                Long.toString(c.services().stream()
                        .mapToLong(ReportServiceCount::participants)
                        .sum())));
        d.table(List.of("服务类别", "领域", "计入（条）", "不计入（条）", "参与人次"), services, 5, 4, 3, 3, 3);
        d.note("本期服务台账对象 " + c.peopleServed() + " 人，其中首次服务 " + c.peopleNew() + " 人、再次服务 " + c.peopleRepeat() + " 人。");
        if (!c.exclusions().isEmpty()) {
            d.note("不计入原因："
                    + String.join(
                            "；",
                            c.exclusions().stream()
                                    .map(e -> e.reason() + " " + e.records() + " 条")
                                    .toList()) + "。");
        }
        String[] n = {"三", "四", "五", "六", "七"};
        int h = 0;
        if (c.work() != null) {
            d.heading(n[h++] + "、其他工作情况");
            d.table(
                    List.of("类别", "项目", "数值"),
                    c.work().lines().stream()
                            .map(w -> List.of(w.section(), w.label(), w.text()))
                            .toList(),
                    4,
                    6,
                    3);
            d.note("跟踪回访按期完成率 " + c.work().followUpRate() + "%。");
        }
        d.heading(n[h++] + "、工作总结");
        d.paragraph(v.summary());
        d.heading(n[h++] + "、亮点与成效");
        d.paragraph(v.highlights());
        d.heading(n[h++] + "、存在问题");
        d.paragraph(v.problems());
        d.heading(n[h] + "、下期计划");
        d.paragraph(v.nextPlan());
        d.signatures(List.of("填报人", "社工站站长（签字）", "承接机构（盖章）"));
        d.right("生成日期：" + GovDocx.chineseDate(ChinaTime.today()));
        return d.toBytes();
    }

    static List<List<String>> indicatorRows(ReportContent c) {
        List<List<String>> rows = new ArrayList<>();
        for (ReportIndicator i : c.indicators()) {
            rows.add(List.of(
                    i.code(),
                    i.name(),
                    i.span(),
                    ContentBuilder.plain(i.target()) + unit(i),
                    ContentBuilder.plain(i.actual()),
                    i.statusLabel(),
                    i.periodsMet() + "/" + i.periodsDue()));
        }
        return rows;
    }

    private static String unit(ReportIndicator i) {
        return i.unit() == null ? "" : i.unit();
    }

    public byte[] excel(ReportView v, ReportContent c) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = bold(book);
            Sheet info = book.createSheet("报告信息");
            String[][] facts = {
                {"报告", v.title()},
                {"项目", v.projectName()},
                {"社工站", v.stationName()},
                {"报告期", v.periodStart() + " 至 " + v.periodEnd()},
                {"报送截止", v.dueOn().toString()},
                {"状态", v.statusLabel()},
                {"数据截至", c.asOf().toString()},
                {"工作总结", nz(v.summary())},
                {"亮点与成效", nz(v.highlights())},
                {"存在问题", nz(v.problems())},
                {"下期计划", nz(v.nextPlan())}
            };
            for (int i = 0; i < facts.length; i++) {
                Row r = info.createRow(i);
                text(r, 0, facts[i][0]).setCellStyle(bold);
                text(r, 1, facts[i][1]);
            }
            info.setColumnWidth(0, 14 * 256);
            info.setColumnWidth(1, 80 * 256);

            Sheet ind = book.createSheet("指标完成情况");
            header(ind, bold, "编码", "指标", "考核周期", "目标", "完成", "单位", "状态", "已达标期数", "已到期期数", "说明");
            int r = 1;
            for (ReportIndicator i : c.indicators()) {
                Row row = ind.createRow(r++);
                text(row, 0, i.code());
                text(row, 1, i.name());
                text(row, 2, i.span());
                number(row, 3, i.target());
                number(row, 4, i.actual());
                text(row, 5, unit(i));
                text(row, 6, i.statusLabel());
                row.createCell(7).setCellValue(i.periodsMet());
                row.createCell(8).setCellValue(i.periodsDue());
                text(row, 9, nz(i.note()));
            }
            ind.setColumnWidth(1, 40 * 256);

            Sheet svc = book.createSheet("服务开展情况");
            header(svc, bold, "服务类别", "领域", "计入（条）", "不计入（条）", "参与人次");
            r = 1;
            for (ReportServiceCount s : c.services()) {
                Row row = svc.createRow(r++);
                text(row, 0, s.kindLabel());
                text(row, 1, s.domainLabel());
                row.createCell(2).setCellValue(s.counted());
                row.createCell(3).setCellValue(s.excluded());
                row.createCell(4).setCellValue(s.participants());
            }
            Row people = svc.createRow(r + 1);
            text(people, 0, "服务台账对象（人）");
            people.createCell(2).setCellValue(c.peopleServed());
            Row fresh = svc.createRow(r + 2);
            text(fresh, 0, "其中首次服务（人）");
            fresh.createCell(2).setCellValue(c.peopleNew());
            Row again = svc.createRow(r + 3);
            text(again, 0, "其中再次服务（人）");
            again.createCell(2).setCellValue(c.peopleRepeat());

            if (c.work() != null) {
                Sheet work = book.createSheet("其他工作情况");
                header(work, bold, "类别", "项目", "数值", "单位");
                r = 1;
                for (ReportContent.WorkLine w : c.work().lines()) {
                    Row row = work.createRow(r++);
                    text(row, 0, w.section());
                    text(row, 1, w.label());
                    number(row, 2, w.value());
                    text(row, 3, w.unit());
                }
                work.setColumnWidth(1, 24 * 256);
                XlsxTable.titleAndLayout(work, v.title() + " · 其他工作情况", XlsxTable.asOf(v.stationName(), c.asOf()));
            }
            XlsxTable.titleAndLayout(ind, v.title() + " · 指标完成情况", XlsxTable.asOf(v.stationName(), c.asOf()));
            XlsxTable.titleAndLayout(svc, v.title() + " · 服务开展情况", XlsxTable.asOf(v.stationName(), c.asOf()));
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CellStyle bold(XSSFWorkbook book) {
        CellStyle style = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        style.setFont(font);
        return style;
    }

    public static void header(Sheet sheet, CellStyle bold, String... names) {
        Row head = sheet.createRow(0);
        for (int i = 0; i < names.length; i++) {
            Cell cell = head.createCell(i);
            cell.setCellValue(names[i]);
            cell.setCellStyle(bold);
            sheet.setColumnWidth(i, Math.max(sheet.getColumnWidth(i), 12 * 256));
        }
    }

    public static Cell text(Row row, int col, String value) {
        Cell cell = row.createCell(col);
        cell.setCellValue(XlsxTable.neutralize(value));
        return cell;
    }

    public static void number(Row row, int col, BigDecimal value) {
        Cell cell = row.createCell(col);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
