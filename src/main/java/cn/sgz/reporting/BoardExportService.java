package cn.sgz.reporting;

import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.org.ScopeService;
import cn.sgz.progress.ComplianceService;
import cn.sgz.progress.IndicatorResult;
import cn.sgz.progress.IndicatorStatus;
import cn.sgz.progress.StationCompliance;
import cn.sgz.progress.SubPeriodResult;
import cn.sgz.reporting.internal.ReportFiles;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.excel.XlsxTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The progress boards as files: the county board (every visible station of a project, indicator by
 * indicator) and one station's board (each indicator with its sub-periods), as Excel with typed
 * numbers and as a printable A4 landscape page. Figures are the engine's as of the date asked (today
 * by default); scope is the engine's (a foreign project or station answers 404).
 */
@Service
public class BoardExportService {

    private final ComplianceService compliance;
    private final ProjectQueries projects;
    private final ScopeService scopes;
    private final ApplicationEventPublisher events;

    BoardExportService(
            ComplianceService compliance,
            ProjectQueries projects,
            ScopeService scopes,
            ApplicationEventPublisher events) {
        this.compliance = compliance;
        this.projects = projects;
        this.scopes = scopes;
        this.events = events;
    }

    /** A board: the project, the date and the stations' results (one station for a station board). */
    public record Board(Project project, LocalDate asOf, List<StationCompliance> stations) {

        public String title() {
            return stations.size() == 1 && project.stationIds().size() > 1
                    ? stations.get(0).stationName() + "指标进度看板"
                    : project.name() + " 区县看板";
        }

        public IndicatorResult result(StationCompliance sc, long indicatorId) {
            return sc.byIndicator().get(indicatorId);
        }
    }

    @Transactional(readOnly = true)
    public Board board(long projectId, Long stationId, LocalDate asOf) {
        LocalDate date = asOf == null ? ChinaTime.today() : asOf;
        List<StationCompliance> stations = compliance.compute(projectId, stationId, date);
        return new Board(projects.get(projectId), date, stations);
    }

    @Transactional(readOnly = true)
    public byte[] excel(long projectId, Long stationId, LocalDate asOf) {
        Board b = board(projectId, stationId, asOf);
        String path = stationId == null
                ? scopes.pathOf(b.project().bureauId()).orElse(null)
                : scopes.pathOf(stationId).orElse(null);
        events.publishEvent(AuditEvent.success(
                "BOARD_EXPORT",
                stationId == null ? "PROJECT" : "STATION",
                stationId == null ? projectId : stationId,
                path,
                "Excel " + b.asOf()));
        return stationId == null ? county(b) : station(b);
    }

    private static byte[] county(Board b) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = ReportFiles.bold(book);
            Sheet summary = book.createSheet("各站概况");
            ReportFiles.header(summary, bold, "社工站", "已达标", "进度正常", "有风险", "未达标", "未到期", "指标数");
            int r = 1;
            for (StationCompliance sc : b.stations()) {
                Row row = summary.createRow(r++);
                ReportFiles.text(row, 0, sc.stationName());
                var by = sc.countByStatus();
                int c = 1;
                for (IndicatorStatus s : List.of(
                        IndicatorStatus.MET,
                        IndicatorStatus.ON_TRACK,
                        IndicatorStatus.AT_RISK,
                        IndicatorStatus.MISSED,
                        IndicatorStatus.NOT_DUE)) {
                    row.createCell(c++).setCellValue(by.getOrDefault(s, 0L));
                }
                row.createCell(c).setCellValue(sc.indicators().size());
            }
            Sheet board = book.createSheet("指标对比");
            List<String> headers = new java.util.ArrayList<>(List.of("编码", "指标", "考核周期", "目标", "单位"));
            b.stations().forEach(sc -> {
                headers.add(sc.stationName() + "完成");
                headers.add(sc.stationName() + "状态");
            });
            ReportFiles.header(board, bold, headers.toArray(String[]::new));
            if (!b.stations().isEmpty()) {
                r = 1;
                for (IndicatorResult first : b.stations().get(0).indicators()) {
                    Row row = board.createRow(r++);
                    ReportFiles.text(row, 0, first.code());
                    ReportFiles.text(row, 1, first.name());
                    ReportFiles.text(
                            row, 2, first.period() == null ? "" : first.period().label());
                    ReportFiles.number(row, 3, first.target());
                    ReportFiles.text(row, 4, first.unit() == null ? "" : first.unit());
                    int c = 5;
                    for (StationCompliance sc : b.stations()) {
                        IndicatorResult x = sc.byIndicator().get(first.indicatorId());
                        if (x != null) {
                            ReportFiles.number(row, c, x.actual());
                            ReportFiles.text(row, c + 1, x.status().label());
                        }
                        c += 2;
                    }
                }
            }
            board.setColumnWidth(1, 40 * 256);
            String asOf = XlsxTable.asOf(b.project().name(), b.asOf());
            XlsxTable.titleAndLayout(summary, "指标进度看板 · 各站概况", asOf);
            XlsxTable.titleAndLayout(board, "指标进度看板 · 指标对比", asOf);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] station(Board b) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = ReportFiles.bold(book);
            StationCompliance sc = b.stations().get(0);
            Sheet sheet = book.createSheet("指标进度");
            ReportFiles.header(sheet, bold, "编码", "指标", "考核周期", "目标", "完成", "单位", "状态", "已达标期数", "已到期期数", "说明");
            Sheet periods = book.createSheet("分期明细");
            ReportFiles.header(periods, bold, "编码", "指标", "期", "起", "止", "目标", "完成", "状态");
            int r = 1;
            int p = 1;
            for (IndicatorResult i : sc.indicators()) {
                Row row = sheet.createRow(r++);
                ReportFiles.text(row, 0, i.code());
                ReportFiles.text(row, 1, i.name());
                ReportFiles.text(row, 2, i.period() == null ? "" : i.period().label());
                ReportFiles.number(row, 3, i.target());
                ReportFiles.number(row, 4, i.actual());
                ReportFiles.text(row, 5, i.unit() == null ? "" : i.unit());
                ReportFiles.text(row, 6, i.status().label());
                row.createCell(7).setCellValue(i.periodsMet());
                row.createCell(8).setCellValue(i.periodsDue());
                ReportFiles.text(row, 9, i.note() == null ? "" : i.note());
                for (SubPeriodResult s : i.subPeriods()) {
                    Row pr = periods.createRow(p++);
                    ReportFiles.text(pr, 0, i.code());
                    ReportFiles.text(pr, 1, i.name());
                    ReportFiles.text(pr, 2, s.label());
                    ReportFiles.text(pr, 3, s.from().toString());
                    ReportFiles.text(pr, 4, s.to().toString());
                    ReportFiles.number(pr, 5, s.target());
                    ReportFiles.number(pr, 6, s.actual());
                    ReportFiles.text(pr, 7, s.status().label());
                }
            }
            sheet.setColumnWidth(1, 40 * 256);
            periods.setColumnWidth(1, 40 * 256);
            String asOf = XlsxTable.asOf(b.project().name() + " · " + sc.stationName(), b.asOf());
            XlsxTable.titleAndLayout(sheet, "指标进度看板 · 指标进度", asOf);
            XlsxTable.titleAndLayout(periods, "指标进度看板 · 分期明细", asOf);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
