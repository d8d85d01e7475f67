package cn.sgz.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.sgz.SgzTest;
import cn.sgz.org.TestLogin;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every Excel and Word file the system hands out, downloaded through its API endpoint as the role that uses it and
 * opened with POI: sheets have their title rows, a frozen bordered header repeated on every printed page, A4 page
 * setup and numbers and dates stored as numbers and dates; Word files are A4 with margins and a page-number field,
 * declare 宋体/黑体 for East Asian text, name people by their real names, and every table carries its w:tblGrid (checked
 * on the XML itself, so a table written without one fails here). The blank forms are checked the same way.
 */
@SgzTest
class OfficeFilesTest {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /** Headers whose cells must be numbers (SUM must work) when not blank. */
    private static final Set<String> NUMERIC =
            Set.of("序号", "年龄", "人数", "共募资金（元）", "救助支出（元）", "救助次数", "计入指标的救助次数", "推介活动（计入）", "服务时长(小时)");

    /** Headers whose cells must be dates shown 2026年12月7日 when not blank. */
    private static final Set<String> DATES = Set.of("出生日期", "最近入户评估", "评估日期", "上次回访日期", "取证日期");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    TestLogin login;

    @BeforeEach
    void setUp() {
        login = new TestLogin(mvc);
    }

    long stationOf(String user) {
        return jdbc.sql("SELECT org_unit_id FROM app_user WHERE username = ?")
                .param(user)
                .query(Long.class)
                .single();
    }

    byte[] download(String user, String url, String type) throws Exception {
        MockHttpServletResponse r =
                mvc.perform(get(url).with(login.as(user))).andReturn().getResponse();
        assertThat(r.getStatus())
                .as("GET %s as %s: %s", url, user, r.getContentAsString())
                .isEqualTo(200);
        assertThat(r.getContentType()).as(url).contains(type);
        assertThat(r.getHeader("Content-Disposition")).as(url).contains("attachment");
        return r.getContentAsByteArray();
    }

    // ---- Excel -------------------------------------------------------------------------------------

    @Test
    void everySheetHasTitleFrozenHeaderA4AndTypedCells() throws Exception {
        long s1 = stationOf("demo_worker");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("台账", download("demo_worker", "/api/v1/recipients/export", "spreadsheetml"));
        files.put("需求清单", download("demo_worker", "/api/v1/needs/export", "spreadsheetml"));
        files.put("需求清单（空白）", download("demo_worker", "/api/v1/needs/blank", "spreadsheetml"));
        files.put("跟踪回访台账", download("demo_worker", "/api/v1/followups/roster/export", "spreadsheetml"));
        files.put("跟踪回访台账（空白）", download("demo_worker", "/api/v1/followups/roster/blank", "spreadsheetml"));
        files.put("驻站人员", download("demo_bureau", "/api/v1/staff/export", "spreadsheetml"));
        files.put("志愿服务时长", download("demo_worker", "/api/v1/volunteers/export.xlsx?stationId=" + s1, "spreadsheetml"));
        files.put("慈善台账汇总", download("demo_worker", "/api/v1/charity/totals.xlsx", "spreadsheetml"));
        for (var e : files.entrySet()) {
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(e.getValue()))) {
                for (int i = 0; i < book.getNumberOfSheets(); i++) {
                    titledSheet(e.getKey(), book.getSheetAt(i));
                }
            }
        }
        // the filled files carry data, so the typed-cell checks above ran on real rows
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(files.get("台账")))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("服务对象台账");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("截至2026年12月7日");
            assertThat(sheet.getLastRowNum()).isGreaterThan(5);
            assertThat(sheet.getRow(3).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(files.get("跟踪回访台账（空白）")))) {
            XSSFSheet sheet = book.getSheetAt(0);
            // header then twenty empty bordered rows to fill in by hand
            assertThat(sheet.getRow(3).getCell(3).getCellStyle().getBorderLeft())
                    .isEqualTo(BorderStyle.THIN);
            assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(22);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(files.get("需求清单")))) {
            assertThat(book.getSheet("需求汇总")).isNotNull();
            assertThat(book.getSheetAt(0).getLastRowNum()).isGreaterThan(3);
        }
    }

    private static void titledSheet(String file, XSSFSheet sheet) {
        String what = file + " / " + sheet.getSheetName();
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                .as(what + " title")
                .isNotBlank();
        assertThat(sheet.getMergedRegions()).as(what + " merged title").isNotEmpty();
        var pane = sheet.getPaneInformation();
        assertThat(pane).as(what + " frozen header").isNotNull();
        assertThat(pane.isFreezePane()).as(what).isTrue();
        int header = pane.getHorizontalSplitTopRow() - 1;
        assertThat(header).as(what + " title rows above the header").isGreaterThanOrEqualTo(1);
        assertThat(sheet.getRepeatingRows()).as(what + " print titles").isNotNull();
        assertThat(sheet.getRepeatingRows().getFirstRow()).isEqualTo(header);
        assertThat(sheet.getPrintSetup().getPaperSize()).as(what + " A4").isEqualTo(PrintSetup.A4_PAPERSIZE);
        assertThat(sheet.getFitToPage()).isTrue();
        assertThat(sheet.getFooter().getCenter()).contains("&P");
        Row head = sheet.getRow(header);
        assertThat(head.getCell(0).getCellStyle().getBorderBottom())
                .as(what + " borders")
                .isEqualTo(BorderStyle.THIN);
        for (int c = 0; c < head.getLastCellNum(); c++) {
            String h = head.getCell(c).getStringCellValue();
            assertThat(sheet.getColumnWidth(c)).as(what + " width of " + h).isGreaterThan(5 * 256);
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    break; // the notes under the table follow an empty row
                }
                Cell cell = row.getCell(c);
                if (cell == null || cell.getCellType() == CellType.BLANK) {
                    continue;
                }
                if (NUMERIC.contains(h)) {
                    assertThat(cell.getCellType())
                            .as(what + " " + h + " row " + (r + 1))
                            .isEqualTo(CellType.NUMERIC);
                }
                if (DATES.contains(h)) {
                    assertThat(cell.getCellType())
                            .as(what + " " + h + " row " + (r + 1))
                            .isEqualTo(CellType.NUMERIC);
                    assertThat(DateUtil.isCellDateFormatted(cell))
                            .as(what + " " + h)
                            .isTrue();
                    assertThat(cell.getCellStyle().getDataFormatString())
                            .as(what + " " + h)
                            .contains("年")
                            .contains("日");
                }
            }
        }
    }

    @Test
    void reportingSheetsArePrintableToo() throws Exception {
        long project = jdbc.sql("SELECT MIN(id) FROM project").query(Long.class).single();
        byte[] board = download("demo_bureau", "/api/v1/reports/boards/" + project + "/excel", "spreadsheetml");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(board))) {
            for (int i = 0; i < book.getNumberOfSheets(); i++) {
                XSSFSheet sheet = book.getSheetAt(i);
                // the same title rows (what; project · as of) as XlsxTable's builder, header frozen under them
                titledSheet("看板导出", sheet);
                assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("截至");
                assertThat(sheet.getRow(2).getCell(0).getCellStyle().getBorderTop())
                        .isEqualTo(BorderStyle.THIN);
            }
        }
    }

    // ---- Word --------------------------------------------------------------------------------------

    @Test
    void everyWordFileIsA4WithPageNumbersFontsAndTableGrids() throws Exception {
        long s1 = stationOf("demo_worker");
        Map<String, byte[]> files = new LinkedHashMap<>();
        long assessment = jdbc.sql("SELECT MIN(id) FROM home_assessment WHERE station_id = ?")
                .param(s1)
                .query(Long.class)
                .single();
        files.put(
                "入户调查记录表", download("demo_worker", "/api/v1/assessments/" + assessment + "/form", "wordprocessingml"));
        files.put("入户调查记录表（空白）", download("demo_worker", "/api/v1/assessments/blank-form", "wordprocessingml"));
        long signed = jdbc.sql("SELECT MIN(record_id) FROM sign_in_entry e JOIN service_record r ON r.id = e.record_id "
                        + "WHERE r.station_id = ?")
                .param(s1)
                .query(Long.class)
                .single();
        files.put(
                "签到表",
                download("demo_worker", "/api/v1/service-records/" + signed + "/sign-in-sheet", "wordprocessingml"));
        files.put(
                "签到表（空白）", download("demo_worker", "/api/v1/service-records/blank-sign-in-sheet", "wordprocessingml"));
        Long receipt = jdbc.sql(
                        "SELECT MIN(record_id) FROM receipt_entry e JOIN service_record r ON r.id = e.record_id "
                                + "WHERE r.station_id = ?")
                .param(s1)
                .query(Long.class)
                .optional()
                .orElse(null);
        files.put(
                "物品领取单",
                download(
                        "demo_worker",
                        "/api/v1/service-records/" + (receipt == null ? signed : receipt) + "/receipt-sheet",
                        "wordprocessingml"));
        files.put(
                "物品领取单（空白）",
                download("demo_worker", "/api/v1/service-records/blank-receipt-sheet", "wordprocessingml"));
        long caseId = jdbc.sql("SELECT MIN(id) FROM cw_case WHERE station_id = ?")
                .param(s1)
                .query(Long.class)
                .single();
        files.put("个案档案", download("demo_worker", "/api/v1/cases/" + caseId + "/export.docx", "wordprocessingml"));
        long volunteer = jdbc.sql("SELECT MIN(id) FROM volunteer WHERE station_id = ?")
                .param(s1)
                .query(Long.class)
                .single();
        files.put(
                "志愿服务记录证明",
                download("demo_worker", "/api/v1/volunteers/" + volunteer + "/certificate.docx", "wordprocessingml"));
        long round =
                jdbc.sql("SELECT MIN(id) FROM eval_round").query(Long.class).single();
        files.put("评估报告", download("demo_bureau", "/api/v1/evaluations/" + round + "/report.docx", "wordprocessingml"));
        long report = jdbc.sql("SELECT MIN(id) FROM periodic_report")
                .query(Long.class)
                .single();
        files.put("月报", download("demo_bureau", "/api/v1/reports/" + report + "/word", "wordprocessingml"));

        List<String> logins =
                jdbc.sql("SELECT username FROM app_user").query(String.class).list();
        for (var e : files.entrySet()) {
            String what = e.getKey();
            byte[] bytes = e.getValue();
            tablesHaveGrids(what, bytes);
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
                var sect = doc.getDocument().getBody().getSectPr();
                int w = ((Number) sect.getPgSz().getW()).intValue();
                int h = ((Number) sect.getPgSz().getH()).intValue();
                assertThat(Set.of(w, h)).as(what + " A4").containsExactlyInAnyOrder(11906, 16838);
                assertThat(((Number) sect.getPgMar().getLeft()).intValue())
                        .as(what + " margins")
                        .isGreaterThan(1000);
                boolean pageField = false;
                for (XWPFFooter f : doc.getFooterList()) {
                    for (XWPFParagraph p : f.getParagraphs()) {
                        pageField |= p.getCTP().getFldSimpleList().stream()
                                .anyMatch(fs -> fs.getInstr().contains("PAGE"));
                    }
                }
                assertThat(pageField).as(what + " page numbers").isTrue();
                String text = allText(doc);
                assertThat(text).as(what).doesNotContain("见平台");
                for (String u : logins) {
                    if (u.startsWith("demo_")) {
                        assertThat(text)
                                .as(what + " names people, not accounts")
                                .doesNotContain(u);
                    }
                }
                for (XWPFRun run : runs(doc)) {
                    assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia))
                            .as(what + " East Asian font of “" + run.text() + "”")
                            .isIn("宋体", "黑体");
                }
            }
        }
        // the forms carry the lines the paper forms have
        assertThat(text(files.get("入户调查记录表")))
                .contains("调查人（签字）")
                .contains("被调查人")
                .contains("年")
                .contains("☑");
        assertThat(text(files.get("入户调查记录表（空白）"))).contains("______年____月____日").doesNotContain("☑");
        assertThat(text(files.get("签到表"))).contains("联系电话").contains("记录人（签字）");
        assertThat(text(files.get("签到表（空白）"))).contains("联系电话").contains("签名");
        assertThat(text(files.get("物品领取单（空白）"))).contains("领取人签名");
        String caseFile = text(files.get("个案档案"));
        assertThat(caseFile).contains("社工（签字）").contains("签到表").doesNotContain("照片与签到见平台");
        assertThat(caseFile).containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日");
    }

    /** The XML itself: every w:tbl has a w:tblGrid after its w:tblPr, with one w:gridCol per cell of its widest row. */
    private static void tablesHaveGrids(String what, byte[] docx) throws Exception {
        byte[] xml = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("word/document.xml")) {
                    xml = zip.readAllBytes();
                }
            }
        }
        assertThat(xml).as(what + " document.xml").isNotNull();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document dom = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        NodeList tables = dom.getElementsByTagNameNS(W, "tbl");
        for (int i = 0; i < tables.getLength(); i++) {
            Element tbl = (Element) tables.item(i);
            List<String> children = new ArrayList<>();
            for (Node n = tbl.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element el) {
                    children.add(el.getLocalName());
                }
            }
            assertThat(children).as(what + " table " + (i + 1) + " children").startsWith("tblPr", "tblGrid");
            Element grid = (Element) tbl.getElementsByTagNameNS(W, "tblGrid").item(0);
            int cols = grid.getElementsByTagNameNS(W, "gridCol").getLength();
            int widest = 0;
            for (Node n = tbl.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element tr && "tr".equals(tr.getLocalName())) {
                    widest = Math.max(widest, tr.getElementsByTagNameNS(W, "tc").getLength());
                }
            }
            assertThat(cols)
                    .as(what + " table " + (i + 1) + " grid columns")
                    .isEqualTo(widest)
                    .isPositive();
        }
        String s = new String(xml, StandardCharsets.UTF_8);
        assertThat(s).as(what + " section").contains("<w:sectPr");
    }

    private static String text(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return allText(doc);
        }
    }

    private static String allText(XWPFDocument doc) {
        StringBuilder sb = new StringBuilder();
        doc.getParagraphs().forEach(p -> sb.append(p.getText()).append('\n'));
        doc.getTables().forEach(t -> sb.append(t.getText()).append('\n'));
        return sb.toString();
    }

    private static List<XWPFRun> runs(XWPFDocument doc) {
        List<XWPFRun> out = new ArrayList<>();
        doc.getParagraphs().forEach(p -> out.addAll(p.getRuns()));
        for (XWPFTable t : doc.getTables()) {
            for (XWPFTableRow r : t.getRows()) {
                for (XWPFTableCell c : r.getTableCells()) {
                    c.getParagraphs().forEach(p -> out.addAll(p.getRuns()));
                }
            }
        }
        return out;
    }
}
