package cn.sgz.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.SgzTest;
import cn.sgz.org.DemoOrg;
import cn.sgz.shared.ChinaTime;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The files of a report and of the quarterly bulletin, read back with POI: Word in the government
 * layout (A4, bordered tables with a column grid, page numbers, signature lines, Chinese dates, 宋体)
 * holding the same figures as the API; Excel with typed numeric cells.
 */
@SgzTest
class ReportFilesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ReportTestClient api;
    DemoOrg org;

    @BeforeEach
    void setUp() throws Exception {
        api = new ReportTestClient(mvc, json);
        org = DemoOrg.load(api.login);
    }

    /** The demo project's last-month report of 沙河 (received in the demo data). */
    long demoReport() throws Exception {
        long project = api.demoProject().get("id").asLong();
        LocalDate last = ChinaTime.thisMonth().minusMonths(1).atDay(1);
        for (JsonNode r : api.get("demo_head", "/api/v1/reports?projectId=" + project + "&kind=MONTH")) {
            if (r.get("periodStart").asString().equals(last.toString())) {
                return r.get("id").asLong();
            }
        }
        throw new AssertionError("demo report missing");
    }

    @Test
    void wordFileReadsBackWithItsTablesInTheGovernmentLayout() throws Exception {
        long id = demoReport();
        JsonNode detail = api.get("demo_bureau", "/api/v1/reports/" + id);
        MockHttpServletResponse r = api.getRaw("demo_bureau", "/api/v1/reports/" + id + "/word");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getHeader("Content-Disposition")).contains(".docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            String text = doc.getParagraphs().stream().map(p -> p.getText()).reduce("", (a, b) -> a + "\n" + b);
            JsonNode report = detail.get("report");
            assertThat(doc.getParagraphs().get(0).getText())
                    .isEqualTo(report.get("stationName").asString()
                            + report.get("periodLabel").asString() + "月报");
            LocalDate start = LocalDate.parse(report.get("periodStart").asString());
            assertThat(text)
                    .contains(start.getYear() + "年" + start.getMonthValue() + "月1日至")
                    .contains("一、指标完成情况")
                    .contains("三、其他工作情况")
                    .contains("四、工作总结")
                    .contains("跟踪回访按期完成率")
                    .contains(report.get("summary").asString())
                    .contains("社工站站长（签字）")
                    .contains("日期：______年____月____日");

            List<XWPFTable> tables = doc.getTables();
            assertThat(tables).hasSize(3);
            // the other modules' figures, as frozen in the snapshot, line by line
            XWPFTable work = tables.get(2);
            JsonNode workFigures = detail.get("content").get("work");
            assertThat(workFigures.isObject()).isTrue();
            assertThat(work.getRow(0).getCell(1).getText()).isEqualTo("项目");
            // 22 work figures and the project money's 8 (finance), under the header row
            assertThat(work.getNumberOfRows()).isEqualTo(31);
            assertThat(work.getRow(23).getCell(1).getText()).isEqualTo("本站预算（元）");
            assertThat(work.getRow(24).getCell(2).getText())
                    .isEqualTo(workFigures
                            .get("money")
                            .get("spent")
                            .decimalValue()
                            .stripTrailingZeros()
                            .toPlainString());
            assertThat(work.getRow(1).getCell(1).getText()).isEqualTo("应回访（人次）");
            assertThat(work.getRow(1).getCell(2).getText())
                    .isEqualTo(workFigures.get("followUpsDue").asString());
            assertThat(work.getRow(20).getCell(1).getText()).isEqualTo("共募资金收入（元）");
            assertThat(work.getRow(20).getCell(2).getText())
                    .isEqualTo(workFigures
                            .get("charityIn")
                            .decimalValue()
                            .stripTrailingZeros()
                            .toPlainString());
            XWPFTable indicators = tables.get(0);
            assertThat(indicators.getRow(0).getTableCells().stream()
                            .map(c -> c.getText())
                            .toList())
                    .containsExactly("编码", "指标", "考核周期", "目标", "完成", "状态", "累计达标期数");
            JsonNode lines = detail.get("content").get("indicators");
            assertThat(indicators.getNumberOfRows()).isEqualTo(lines.size() + 1);
            for (int i = 0; i < lines.size(); i++) {
                JsonNode l = lines.get(i);
                assertThat(indicators.getRow(i + 1).getCell(0).getText())
                        .isEqualTo(l.get("code").asString());
                String actual = l.get("actual").isNull()
                        ? "—"
                        : l.get("actual").decimalValue().stripTrailingZeros().toPlainString();
                assertThat(indicators.getRow(i + 1).getCell(4).getText()).isEqualTo(actual);
            }
            assertThat(indicators.getCTTbl().getTblGrid().sizeOfGridColArray()).isEqualTo(7);
            assertThat(indicators
                            .getCTTbl()
                            .getTblPr()
                            .getTblBorders()
                            .getInsideH()
                            .getVal()
                            .toString())
                    .isEqualTo("single");
            assertThat(tables.get(1).getRow(0).getCell(0).getText()).isEqualTo("服务类别");
            assertThat(tables.get(1)
                            .getRow(tables.get(1).getNumberOfRows() - 1)
                            .getCell(0)
                            .getText())
                    .isEqualTo("合计");

            var sect = doc.getDocument().getBody().getSectPr();
            assertThat(((java.math.BigInteger) sect.getPgSz().getW()).intValue())
                    .isEqualTo(11906);
            assertThat(((java.math.BigInteger) sect.getPgSz().getH()).intValue())
                    .isEqualTo(16838);
            XWPFFooter footer = doc.getFooterArray(0);
            assertThat(footer.getParagraphs().get(0).getCTP().xmlText())
                    .contains("PAGE")
                    .contains("NUMPAGES");
            assertThat(doc.getParagraphs().get(0).getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia))
                    .isEqualTo("宋体");
        }
    }

    @Test
    void excelFileHasNumericCells() throws Exception {
        long id = demoReport();
        JsonNode content = api.get("demo_bureau", "/api/v1/reports/" + id + "/content");
        MockHttpServletResponse r = api.getRaw("demo_bureau", "/api/v1/reports/" + id + "/excel");
        assertThat(r.getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            Sheet ind = book.getSheet("指标完成情况");
            JsonNode lines = content.get("indicators");
            // title and "station · as of" rows above the header (as XlsxTable's builder), then one row per indicator
            assertThat(ind.getRow(0).getCell(0).getStringCellValue()).contains("指标完成情况");
            assertThat(ind.getRow(1).getCell(0).getStringCellValue()).contains("截至");
            assertThat(ind.getRow(2).getCell(0).getStringCellValue()).isEqualTo("编码");
            assertThat(ind.getRepeatingRows().getFirstRow()).isEqualTo(2);
            assertThat(ind.getLastRowNum()).isEqualTo(lines.size() + 2);
            int numeric = 0;
            for (int i = 0; i < lines.size(); i++) {
                Row row = ind.getRow(i + 3);
                JsonNode l = lines.get(i);
                if (!l.get("actual").isNull()) {
                    assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(row.getCell(4).getNumericCellValue())
                            .isEqualTo(l.get("actual").decimalValue().doubleValue());
                    numeric++;
                }
                assertThat(row.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
            }
            assertThat(numeric).isPositive();
            Sheet svc = book.getSheet("服务开展情况");
            JsonNode services = content.get("services");
            for (int i = 0; i < services.size(); i++) {
                assertThat(svc.getRow(i + 3).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat((long) svc.getRow(i + 3).getCell(2).getNumericCellValue())
                        .isEqualTo(services.get(i).get("counted").asLong());
            }
            Sheet work = book.getSheet("其他工作情况");
            assertThat(work).isNotNull();
            assertThat(work.getRow(8).getCell(1).getStringCellValue()).isEqualTo("新开个案（个）");
            assertThat(work.getRow(8).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat((long) work.getRow(8).getCell(2).getNumericCellValue())
                    .isEqualTo(content.get("work").get("casesOpened").asLong());
            assertThat(work.getRow(20).getCell(2).getNumericCellValue())
                    .isEqualTo(content.get("work")
                            .get("volunteerHours")
                            .decimalValue()
                            .doubleValue());
        }
    }

    @Test
    void quarterlyBulletinRanksTheStationsAsPageWordAndExcel() throws Exception {
        long project = api.demoProject().get("id").asLong();
        JsonNode b = api.get("demo_bureau", "/api/v1/reports/bulletins/quarterly?projectId=" + project);
        JsonNode stations = b.get("stations");
        assertThat(stations.size()).isEqualTo(3);
        for (int i = 1; i < stations.size(); i++) {
            assertThat(stations.get(i).get("rate").decimalValue())
                    .isLessThanOrEqualTo(stations.get(i - 1).get("rate").decimalValue());
            assertThat(stations.get(i).get("rank").asInt())
                    .isGreaterThanOrEqualTo(stations.get(i - 1).get("rank").asInt());
        }
        assertThat(stations.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(b.get("indicators").get(0).get("cells").size()).isEqualTo(3);
        // residents' voice (feedback module): questionnaire answers per station equal a count of the answers stored
        JsonNode voices = b.get("voices");
        assertThat(voices.size()).isEqualTo(3);
        int answered = 0;
        for (JsonNode v : voices) {
            long stored = jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE station_id = ? AND submitted_on "
                            + "BETWEEN ? AND ?")
                    .params(
                            v.get("stationId").asLong(),
                            java.time.LocalDate.parse(b.get("from").asString()),
                            java.time.LocalDate.parse(b.get("asOf").asString()))
                    .query(Long.class)
                    .single();
            assertThat(v.get("satisfactionResponses").asLong())
                    .as("answers at %s", v.get("stationName"))
                    .isEqualTo(stored);
            answered += (int) stored;
        }
        assertThat(answered).as("demo questionnaire answers in the quarter").isPositive();

        MockHttpServletResponse word =
                api.getRaw("demo_bureau", "/api/v1/reports/bulletins/quarterly/word?projectId=" + project);
        assertThat(word.getStatus()).isEqualTo(200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(word.getContentAsByteArray()))) {
            XWPFTable rank = doc.getTables().get(0);
            assertThat(rank.getNumberOfRows()).isEqualTo(4);
            assertThat(rank.getRow(1).getCell(1).getText())
                    .isEqualTo(stations.get(0).get("stationName").asString());
            var size = doc.getDocument().getBody().getSectPr().getPgSz();
            assertThat(((java.math.BigInteger) size.getW()).intValue()).isEqualTo(16838); // A4 landscape
        }
        MockHttpServletResponse excel =
                api.getRaw("demo_bureau", "/api/v1/reports/bulletins/quarterly/excel?projectId=" + project);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(excel.getContentAsByteArray()))) {
            Sheet rank = book.getSheet("排名");
            assertThat(rank.getRow(0).getCell(0).getStringCellValue()).contains("季度通报");
            assertThat(rank.getRow(3).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(book.getSheet("群众反馈").getRow(3).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(rank.getRow(3).getCell(2).getNumericCellValue())
                    .isEqualTo(stations.get(0).get("rate").decimalValue().doubleValue());
        }
        // the bulletin is for government and evaluators; a station sees no button and gets 403
        assertThat(api.getRaw("demo_head", "/api/v1/reports/bulletins/quarterly?projectId=" + project)
                        .getStatus())
                .isEqualTo(403);
        assertThat(api.ok(
                                api.post(
                                        "demo_evaluator",
                                        "/api/v1/reports/bulletins/quarterly/published",
                                        java.util.Map.of("projectId", project)),
                                403)
                        .get("message")
                        .asString())
                .contains("区县民政局");
    }

    @Test
    void pagesShowTheRightButtonsToEachRole() throws Exception {
        long id = demoReport();
        String bureau = pageAs("demo_bureau", "/reports/" + id);
        assertThat(bureau)
                .contains("提交后的变化")
                .doesNotContain("id=\"receive-report\"")
                .doesNotContain("id=\"submit-report\"");
        String head = pageAs(
                "demo_head", "/reports?projectId=" + api.demoProject().get("id").asLong());
        assertThat(head).contains("data-testid=\"report-card\"").doesNotContain("id=\"bulletin-link\"");
        String home = pageAs("demo_bureau", "/");
        assertThat(home).contains("id=\"report-todo\"").contains(DemoOrg.STATION_3);
    }

    @Test
    void boardsDownloadAsExcelWithTheEnginesNumbersAndPrintOnA4Landscape() throws Exception {
        long project = api.demoProject().get("id").asLong();
        MockHttpServletResponse r = api.getRaw("demo_bureau", "/api/v1/reports/boards/" + project + "/excel");
        assertThat(r.getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            Sheet summary = book.getSheet("各站概况");
            assertThat(summary.getLastRowNum()).isEqualTo(5);
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标进度看板 · 各站概况");
            assertThat(summary.getRow(3).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            Sheet board = book.getSheet("指标对比");
            assertThat(board.getRow(2).getCell(5).getStringCellValue()).endsWith("完成");
            assertThat(board.getLastRowNum()).isPositive();
            boolean numeric = false;
            for (int i = 3; i <= board.getLastRowNum(); i++) {
                var cell = board.getRow(i).getCell(5);
                numeric |= cell != null && cell.getCellType() == CellType.NUMERIC;
            }
            assertThat(numeric).isTrue();
        }
        MockHttpServletResponse station =
                api.getRaw("demo_head", "/api/v1/reports/boards/" + project + "/excel?stationId=" + org.s1.id());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(station.getContentAsByteArray()))) {
            assertThat(book.getSheet("分期明细").getLastRowNum())
                    .isGreaterThanOrEqualTo(book.getSheet("指标进度").getLastRowNum());
        }
        assertThat(api.getRaw("demo_worker2", "/api/v1/reports/boards/" + project + "/excel?stationId=" + org.s1.id())
                        .getStatus())
                .isEqualTo(404);
        String print = pageAs("demo_bureau", "/reports/boards/" + project + "/print");
        assertThat(print)
                .contains("size: A4 landscape")
                .contains("data-testid=\"board-row\"")
                .contains(DemoOrg.STATION_1)
                .contains(DemoOrg.STATION_3);
        String docs = mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs"))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(docs)
                .contains("/api/v1/reports/{id}/submit")
                .contains("/api/v1/reports/bulletins/quarterly")
                .contains("\"ReportIndicator\"")
                .contains("\"BulletinStation\"");
    }

    private String pageAs(String user, String url) throws Exception {
        var session = api.login.login(user);
        MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.get(url).cookie(session))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        return r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
