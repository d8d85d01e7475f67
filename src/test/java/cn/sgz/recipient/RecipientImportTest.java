package cn.sgz.recipient;

import static cn.sgz.recipient.ApiClient.as;
import static cn.sgz.recipient.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.sgz.SgzTest;
import cn.sgz.recipient.internal.SyntheticPeople;
import cn.sgz.shared.ChinaTime;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

@SgzTest
class RecipientImportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private static final SyntheticPeople PEOPLE = new SyntheticPeople(777L, ChinaTime.today());
    private static final List<String> HEADER =
            List.of("序号", "姓名", "性别", "身份证号码", "联系方式", "家庭住址", "村（社区）", "人员类别", "残疾等级", "监护人", "监护人电话", "户籍类型");

    long station(String name) {
        return jdbc.sql("SELECT id FROM org_unit WHERE name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    /** People of the 滨河/新光一村 villages as rows of a district list, names prefixed for the test. */
    static List<List<String>> rows(String prefix, int n) {
        List<List<String>> rows = new ArrayList<>();
        for (SyntheticPeople.Person p : PEOPLE.distinctPeople(n, List.of("滨河社区", "新光一村"))) {
            rows.add(new ArrayList<>(List.of(
                    String.valueOf(rows.size() + 1),
                    prefix + p.name(),
                    p.gender(),
                    p.idNumber(),
                    p.phone() == null ? "" : p.phone(),
                    p.address(),
                    p.village(),
                    p.categoryText(),
                    p.disabilityGrade() == null ? "" : p.disabilityGrade().label(),
                    p.guardianName() == null ? "" : p.guardianName(),
                    p.guardianPhone() == null ? "" : p.guardianPhone(),
                    "城镇")));
        }
        return rows;
    }

    static byte[] xlsx(List<String> header, List<List<String>> rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("名单");
            sheet.createRow(0).createCell(0).setCellValue("沙河街道困难群众名单（2026年）");
            Row h = sheet.createRow(1);
            for (int c = 0; c < header.size(); c++) {
                h.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 2);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    static String csv(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder(String.join(",", header)).append("\r\n");
        rows.forEach(r -> sb.append(String.join(
                        ",",
                        r.stream()
                                .map(c -> c.contains(",") ? "\"" + c + "\"" : c)
                                .toList()))
                .append("\r\n"));
        return sb.toString();
    }

    MvcResult upload(String user, long stationId, String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/recipient-imports")
                        .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                        .param("stationId", String.valueOf(stationId))
                        .header("Authorization", "Bearer " + ApiClient.token(mvc, user)))
                .andReturn();
    }

    MvcResult confirm(String user, long importId) throws Exception {
        return mvc.perform(as(mvc, user, post("/api/v1/recipient-imports/" + importId + "/confirm")))
                .andReturn();
    }

    long countNamed(String prefix) {
        return jdbc.sql("SELECT COUNT(*) FROM recipient WHERE name LIKE ?")
                .param(prefix + "%")
                .query(Long.class)
                .single();
    }

    @Test
    void dryRunListsEveryProblemByRowAndColumnAndWritesNothing() throws Exception {
        List<List<String>> rows = rows("干跑", 6);
        rows.get(1)
                .set(
                        3,
                        rows.get(1).get(3).substring(0, 17)
                                + (rows.get(1).get(3).endsWith("1") ? "2" : "1"));
        rows.get(2).set(6, "火星村");
        rows.get(3).set(7, "外星人");
        rows.set(4, new ArrayList<>(rows.get(0)));
        rows.get(5).set(4, "12345");
        MvcResult r = upload("demo_worker", station("沙河街道社工站"), "名单.xlsx", xlsx(HEADER, rows));
        assertThat(r.getResponse().getStatus())
                .as(r.getResponse().getContentAsString())
                .isEqualTo(201);
        JsonNode report = json(r);
        assertThat(report.get("status").asText()).isEqualTo("HAS_PROBLEMS");
        assertThat(report.get("dataRows").asInt()).isEqualTo(6);
        assertThat(report.get("hasUnknownColumns").asBoolean()).isTrue();
        List<String> problems = new ArrayList<>();
        report.get("problems")
                .forEach(p -> problems.add(p.get("row").asInt() + "|"
                        + p.get("column").asText() + "|" + p.get("header").asText() + "|"
                        + p.get("message").asText()));
        // data starts on spreadsheet row 3 (title row, then the header row)
        assertThat(problems).anyMatch(p -> p.startsWith("4|D|身份证号码|") && p.contains("校验位"));
        assertThat(problems).anyMatch(p -> p.startsWith("5|G|村（社区）|") && p.contains("火星村") && p.contains("滨河社区"));
        assertThat(problems).anyMatch(p -> p.startsWith("6|H|人员类别|") && p.contains("外星人"));
        assertThat(problems).anyMatch(p -> p.startsWith("7|D|") && p.contains("与第3行重复"));
        assertThat(problems).anyMatch(p -> p.startsWith("8|E|联系方式|") && p.contains("电话"));
        assertThat(report.get("problemCount").asInt()).isEqualTo(5);
        assertThat(countNamed("干跑")).isZero();

        MvcResult c = confirm("demo_worker", report.get("importId").asLong());
        assertThat(c.getResponse().getStatus()).isEqualTo(400);
        assertThat(json(c).get("code").asText()).isEqualTo("IMPORT_NOT_READY");
        assertThat(countNamed("干跑")).isZero();
    }

    @Test
    void cleanListImportsAllRowsAndReimportUpdatesInsteadOfDuplicating() throws Exception {
        List<List<String>> rows = rows("导入", 40);
        MvcResult r = upload("demo_worker", station("沙河街道社工站"), "困难群众.xlsx", xlsx(HEADER, rows));
        JsonNode report = json(r);
        assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("CHECKED");
        assertThat(report.get("toCreate").asInt()).isEqualTo(40);
        assertThat(countNamed("导入")).isZero();

        JsonNode done = json(confirm("demo_worker", report.get("importId").asLong()));
        assertThat(done.get("status").asText()).isEqualTo("IMPORTED");
        assertThat(done.get("toCreate").asInt()).isEqualTo(40);
        assertThat(countNamed("导入")).isEqualTo(40);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'RECIPIENT_IMPORT' AND target_id = ?")
                        .param(report.get("importId").asText())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // villages were matched to rooms, guardians became household members
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT org_unit_id) FROM recipient WHERE name LIKE '导入%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        long guardians = rows.stream().filter(x -> !x.get(9).isEmpty()).count();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recipient_member m JOIN recipient r ON r.id = m.recipient_id "
                                + "WHERE r.name LIKE '导入%' AND m.guardian")
                        .query(Long.class)
                        .single())
                .isEqualTo(guardians);

        // the updated list: new phone numbers, one person added
        rows.addAll(rows("导入新", 1));
        rows.forEach(x -> x.set(4, "13900000000"));
        JsonNode again = json(upload(
                "demo_worker",
                station("沙河街道社工站"),
                "困难群众-更新.csv",
                csv(HEADER, rows).getBytes(StandardCharsets.UTF_8)));
        assertThat(again.get("status").asText()).as(again.toString()).isEqualTo("CHECKED");
        assertThat(again.get("toUpdate").asInt()).isEqualTo(40);
        assertThat(again.get("toCreate").asInt()).isEqualTo(1);
        confirm("demo_worker", again.get("importId").asLong());
        assertThat(countNamed("导入")).isEqualTo(41);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recipient WHERE name LIKE '导入%' AND phone = '13900000000'")
                        .query(Long.class)
                        .single())
                .isEqualTo(41);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recipient_member m JOIN recipient r ON r.id = m.recipient_id "
                                + "WHERE r.name LIKE '导入%' AND m.guardian")
                        .query(Long.class)
                        .single())
                .isEqualTo(rows.stream().filter(x -> !x.get(9).isEmpty()).count());
        // confirming twice is refused
        assertThat(json(confirm("demo_worker", again.get("importId").asLong()))
                        .get("code")
                        .asText())
                .isEqualTo("IMPORT_DONE");
    }

    @Test
    void confirmIsAllOrNothingWhenTheLedgerChangedSinceTheDryRun() throws Exception {
        List<List<String>> rows = rows("全或无", 1500);
        JsonNode report = json(upload("demo_worker", station("沙河街道社工站"), "大名单.xlsx", xlsx(HEADER, rows)));
        assertThat(report.get("status").asText()).isEqualTo("CHECKED");
        // meanwhile the last person on the list is registered at another station of the county
        List<String> last = rows.get(rows.size() - 1);
        long room = station("富康社区社工室");
        String body = "{\"recipient\":{\"orgUnitId\":" + room + ",\"name\":\"他站登记\",\"idNumber\":\"" + last.get(3)
                + "\",\"categories\":[\"OTHER\"],\"otherSubtype\":\"下岗职工\"},\"confirmDuplicates\":true}";
        assertThat(mvc.perform(as(mvc, "demo_worker2", post("/api/v1/recipients"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(201);

        MvcResult c = confirm("demo_worker", report.get("importId").asLong());
        assertThat(c.getResponse().getStatus()).isEqualTo(400);
        JsonNode failed = json(c);
        assertThat(failed.get("code").asText()).isEqualTo("IMPORT_FAILED");
        assertThat(failed.get("report").get("problems").get(0).get("row").asInt())
                .isEqualTo(rows.size() + 2);
        assertThat(failed.get("report").get("problems").get(0).get("message").asText())
                .contains("其他社工站");
        // the first 1,000 rows had been written in a batch before the bad row: all rolled back
        assertThat(countNamed("全或无")).isZero();
    }

    @Test
    void unknownHeadersCanBeMappedAndGbkCsvIsRead() throws Exception {
        List<String> header = new ArrayList<>(HEADER);
        header.set(3, "证件号（18位）");
        List<List<String>> rows = rows("映射", 3);
        byte[] gbk = csv(header, rows).getBytes(Charset.forName("GBK"));
        JsonNode report = json(upload("demo_head", station("沙河街道社工站"), "名单.csv", gbk));
        assertThat(report.get("status").asText()).isEqualTo("HAS_PROBLEMS");
        assertThat(report.get("problems").get(0).get("message").asText()).contains("未找到“身份证号”列");
        assertThat(report.toString()).contains("证件号（18位）");
        long id = report.get("importId").asLong();
        JsonNode mapped = json(mvc.perform(as(mvc, "demo_head", put("/api/v1/recipient-imports/" + id + "/mapping"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"columns\":{\"3\":\"ID_NUMBER\",\"11\":\"IGNORE\"}}"))
                .andReturn());
        assertThat(mapped.get("status").asText()).as(mapped.toString()).isEqualTo("CHECKED");
        assertThat(json(confirm("demo_head", id)).get("status").asText()).isEqualTo("IMPORTED");
        assertThat(countNamed("映射")).isEqualTo(3);
    }

    @Test
    void idNumbersStoredAsNumbersAreExplained() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet();
            Row h = sheet.createRow(0);
            h.createCell(0).setCellValue("姓名");
            h.createCell(1).setCellValue("身份证号");
            h.createCell(2).setCellValue("类别");
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue("数字身份证");
            r.createCell(1).setCellValue(150207195001010011d);
            r.createCell(2).setCellValue("低保");
            book.write(out);
            JsonNode report = json(upload("demo_worker", station("沙河街道社工站"), "数字.xlsx", out.toByteArray()));
            assertThat(report.get("problems").get(0).get("column").asText()).isEqualTo("B");
            assertThat(report.get("problems").get(0).get("message").asText()).contains("科学计数法");
        }
    }

    @Test
    void otherStationsImportsAreInvisible() throws Exception {
        JsonNode report = json(upload("demo_worker", station("沙河街道社工站"), "私有.xlsx", xlsx(HEADER, rows("私有", 2))));
        long id = report.get("importId").asLong();
        assertThat(mvc.perform(as(mvc, "demo_worker2", get("/api/v1/recipient-imports/" + id)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(confirm("demo_worker2", id).getResponse().getStatus()).isEqualTo(404);
        // and nobody imports into a station outside their scope
        MvcResult foreign = upload("demo_worker2", station("沙河街道社工站"), "越权.xlsx", xlsx(HEADER, rows("越权", 1)));
        assertThat(foreign.getResponse().getStatus()).isEqualTo(400);
        assertThat(countNamed("越权")).isZero();
    }

    // ---- hostile files ---------------------------------------------------------------------------

    String refusal(byte[] content, String name) throws Exception {
        long before =
                jdbc.sql("SELECT COUNT(*) FROM recipient").query(Long.class).single();
        long importsBefore = jdbc.sql("SELECT COUNT(*) FROM recipient_import")
                .query(Long.class)
                .single();
        MvcResult r = upload("demo_worker", station("沙河街道社工站"), name, content);
        assertThat(r.getResponse().getStatus())
                .as(r.getResponse().getContentAsString())
                .isEqualTo(400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recipient").query(Long.class).single())
                .isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recipient_import")
                        .query(Long.class)
                        .single())
                .isEqualTo(importsBefore);
        assertThat(json(r).get("code").asText()).isEqualTo("IMPORT_REFUSED");
        return json(r).get("message").asText();
    }

    static byte[] zip(String... namesAndContents) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void zipBombIsRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 256; i++) { // 256 MB of blanks, about 250 KB compressed
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(3 * 1024 * 1024);
        assertThat(refusal(bytes.toByteArray(), "bomb.xlsx")).contains("压缩炸弹");
    }

    @Test
    void millionRowFileIsRefusedEarly() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            StringBuilder sb = new StringBuilder("<worksheet><sheetData>");
            for (int r = 1; r <= 1_000_000; r++) {
                sb.append("<row r=\"")
                        .append(r)
                        .append("\"><c r=\"A")
                        .append(r)
                        .append("\" t=\"inlineStr\"><is><t>张")
                        .append(r)
                        .append("</t></is></c></row>");
                if (sb.length() > 1 << 16) {
                    zip.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                    sb.setLength(0);
                }
            }
            sb.append("</sheetData></worksheet>");
            zip.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        long start = System.nanoTime();
        assertThat(refusal(bytes.toByteArray(), "million.xlsx"))
                .contains("行数超过上限")
                .contains("100000");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void macroWorkbookIsRefused() throws Exception {
        byte[] xlsm = zip(
                "[Content_Types].xml",
                "<Types><Override ContentType=\"application/vnd.ms-excel.sheet.macroEnabled.main+xml\"/></Types>",
                "xl/workbook.xml",
                "<workbook/>",
                "xl/vbaProject.bin",
                "Attribute VB_Name = \"Module1\"");
        assertThat(refusal(xlsm, "名单.xlsm")).contains("宏");
        byte[] renamed = zip(
                "[Content_Types].xml",
                "<Types><Override ContentType=\"application/vnd.ms-excel.sheet.macroEnabled.main+xml\"/></Types>",
                "xl/workbook.xml",
                "<workbook/>");
        assertThat(refusal(renamed, "名单.xlsx")).contains("宏");
    }

    @Test
    void xxeIsRefused() throws Exception {
        byte[] xxe = zip(
                "[Content_Types].xml",
                "<Types/>",
                "xl/workbook.xml",
                "<workbook/>",
                "xl/sharedStrings.xml",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + "<sst><si><t>&e;</t></si></sst>");
        String message = refusal(xxe, "xxe.xlsx");
        assertThat(message).contains("DOCTYPE").doesNotContain("root:");
    }

    @Test
    void notSpreadsheetsAndEmptyFilesAreRefused() throws Exception {
        assertThat(refusal(new byte[0], "空.xlsx")).contains("空");
        assertThat(refusal(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}, "photo.xlsx"))
                .contains("不是表格文件");
        byte[] random = new byte[4096];
        new java.util.Random(1).nextBytes(random);
        assertThat(refusal(random, "名单.csv")).contains("无法识别");
        assertThat(refusal(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}, "old.xls"))
                .contains(".xls");
        assertThat(refusal(zip("word/document.xml", "<w/>"), "a.docx")).contains("不是 Excel");
        // a csv with a header only, or no recognizable content, is checked and reported, not imported
        JsonNode headerOnly = json(
                upload("demo_worker", station("沙河街道社工站"), "h.csv", "姓名,身份证号\r\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(headerOnly.get("status").asText()).isEqualTo("HAS_PROBLEMS");
        assertThat(headerOnly.get("problems").get(0).get("message").asText()).contains("没有数据行");
    }

    @Test
    void templateDownloadHasRecognizedHeaders() throws Exception {
        byte[] file = mvc.perform(as(mvc, "demo_worker", get("/api/v1/recipient-imports/template")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<List<String>> rows = RecipientApiTest.readSheet(file);
        assertThat(rows.get(0)).contains("姓名", "身份证号", "村(社区)", "类别");
        // the template's two example rows are never imported: uploaded as it is, it says there is nobody to import
        JsonNode report = json(upload("demo_worker", station("沙河街道社工站"), "模板.xlsx", file));
        assertThat(report.get("dataRows").asInt()).as(report.toString()).isZero();
        assertThat(report.get("problems").get(0).get("message").asText()).contains("只有模板中的示例行");
        assertThat(report.get("problems").get(0).get("sheet").asText()).isEmpty();
        assertThat(report.get("notices").toString()).contains("第2行是模板中的示例行");
    }
}
