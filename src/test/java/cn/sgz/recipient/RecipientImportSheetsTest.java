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
import cn.sgz.shared.PhoneNumbers;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * Imports never leave people out silently: every sheet of a workbook is read (one per village, as clerks make them),
 * a sheet that is not a list is named in the report, a column that plainly holds a known field must be mapped or
 * ignored on purpose, the template's example rows are never people, and old .xls workbooks are read.
 */
@SgzTest
class RecipientImportSheetsTest {

    private static final SyntheticPeople PEOPLE = new SyntheticPeople(9090L, ChinaTime.today());
    private static final List<String> HEADER = List.of("序号", "姓名", "身份证号码", "联系电话", "村（社区）", "人员类别");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long station() {
        return jdbc.sql("SELECT id FROM org_unit WHERE name = '沙河街道社工站'")
                .query(Long.class)
                .single();
    }

    List<List<String>> people(String prefix, int n, String village, String category) {
        List<List<String>> rows = new ArrayList<>();
        for (SyntheticPeople.Person p : PEOPLE.distinctPeople(n, List.of(village))) {
            rows.add(new ArrayList<>(List.of(
                    String.valueOf(rows.size() + 1), prefix + p.name(), p.idNumber(), "5123456", village, category)));
        }
        return rows;
    }

    /** People aged 85, so that every elderly word applies. */
    List<List<String>> elders(String prefix, int n, String village, String category) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id =
                    PEOPLE.idNumber(ChinaTime.today().minusYears(85).minusDays(30L * i + prefix.length()), i % 2 == 0);
            rows.add(new ArrayList<>(
                    List.of(String.valueOf(i + 1), prefix + "老" + "甲乙丙丁".charAt(i), id, "5123456", village, category)));
        }
        return rows;
    }

    static byte[] workbook(
            Workbook book, List<String> names, List<List<String>> headers, List<List<List<String>>> sheets)
            throws Exception {
        try (book;
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int s = 0; s < names.size(); s++) {
                Sheet sheet = book.createSheet(names.get(s));
                int r = 0;
                if (headers.get(s) != null) {
                    Row h = sheet.createRow(r++);
                    for (int c = 0; c < headers.get(s).size(); c++) {
                        h.createCell(c).setCellValue(headers.get(s).get(c));
                    }
                }
                for (List<String> cells : sheets.get(s)) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < cells.size(); c++) {
                        row.createCell(c).setCellValue(cells.get(c));
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    JsonNode upload(String name, byte[] content) throws Exception {
        MvcResult r = mvc.perform(multipart("/api/v1/recipient-imports")
                        .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                        .param("stationId", String.valueOf(station()))
                        .header("Authorization", "Bearer " + ApiClient.token(mvc, "demo_worker")))
                .andReturn();
        assertThat(r.getResponse().getStatus())
                .as(r.getResponse().getContentAsString())
                .isEqualTo(201);
        return json(r);
    }

    int confirm(long importId) throws Exception {
        return mvc.perform(as(mvc, "demo_worker", post("/api/v1/recipient-imports/" + importId + "/confirm")))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    long countNamed(String prefix) {
        return jdbc.sql("SELECT COUNT(*) FROM recipient WHERE name LIKE ?")
                .param(prefix + "%")
                .query(Long.class)
                .single();
    }

    static List<String> messages(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("problems")
                .forEach(p -> out.add(p.get("sheet").asText() + "|"
                        + p.get("row").asInt() + "|" + p.get("column").asText() + "|"
                        + p.get("message").asText()));
        return out;
    }

    @Test
    void everySheetIsImportedAndAnInstructionsSheetIsNamedNotLost() throws Exception {
        var first = people("多表甲", 5, "滨河社区", "分散供养特困人员");
        var second = people("多表乙", 5, "新光一村", "低保");
        second.addAll(elders("多表乙", 2, "新光一村", "孤寡老人、80岁以上高龄"));
        List<List<String>> help = List.of(List.of("填写说明：每行一人"), List.of("类别可填多个"));
        byte[] file = workbook(
                new XSSFWorkbook(),
                List.of("滨河社区", "新光一村", "说明"),
                java.util.Arrays.asList(HEADER, HEADER, null),
                List.of(first, second, help));
        JsonNode report = upload("分村名单.xlsx", file);
        assertThat(messages(report)).isEmpty();
        assertThat(report.get("status").asText()).isEqualTo("CHECKED");
        assertThat(report.get("dataRows").asInt()).isEqualTo(12);
        assertThat(report.get("sheets").toString())
                .contains("\"name\":\"新光一村\",\"dataRows\":7,\"read\":true")
                .contains("\"name\":\"说明\",\"dataRows\":0,\"read\":false");
        assertThat(report.get("notices").toString()).contains("工作表“说明”").contains("未导入");
        assertThat(confirm(report.get("importId").asLong())).isEqualTo(200);
        assertThat(countNamed("多表甲")).isEqualTo(5);
        assertThat(countNamed("多表乙")).isEqualTo(7);
        // the clerk's words were understood: 孤寡老人 and 80岁以上高龄 are elderly people with their flags
        assertThat(jdbc.sql("SELECT c.flags FROM recipient r JOIN recipient_category c ON c.recipient_id = r.id "
                                + "WHERE r.name LIKE '多表乙老%' AND c.category = 'ELDERLY'")
                        .query(String.class)
                        .list())
                .hasSize(2)
                .allMatch(f -> f.contains("LIVING_ALONE") && f.contains("ADVANCED_AGE"));
    }

    @Test
    void aSheetWithIdNumbersButNoHeaderBlocksTheImport() throws Exception {
        var listed = people("无头甲", 3, "滨河社区", "低保");
        var headless = people("无头乙", 4, "新光一村", "低保");
        byte[] file = workbook(
                new XSSFWorkbook(),
                List.of("名单", "补充"),
                java.util.Arrays.asList(HEADER, null),
                List.of(listed, headless));
        JsonNode report = upload("补充名单.xlsx", file);
        assertThat(report.get("status").asText()).isEqualTo("HAS_PROBLEMS");
        assertThat(messages(report))
                .anyMatch(m -> m.startsWith("补充|0||") && m.contains("4行含身份证号") && m.contains("没有找到表头"));
        assertThat(confirm(report.get("importId").asLong())).isEqualTo(400);
        assertThat(countNamed("无头")).isZero();
    }

    @Test
    void aColumnThatPlainlyHoldsVillagesMustBeMappedBeforeConfirm() throws Exception {
        List<String> header = List.of("序号", "姓名", "身份证号码", "联系电话", "所属村（社区）名单", "人员类别");
        var rows = elders("村列", 3, "新光一村", "低保老人");
        JsonNode report =
                upload("村列.xlsx", workbook(new XSSFWorkbook(), List.of("名单"), List.of(header), List.of(rows)));
        assertThat(report.get("status").asText()).isEqualTo("HAS_PROBLEMS");
        assertThat(messages(report)).anyMatch(m -> m.contains("|1|E|") && m.contains("像是“村(社区)”列"));
        long id = report.get("importId").asLong();
        assertThat(confirm(id)).isEqualTo(400);

        // mapped on purpose: the people land in their village
        MvcResult mapped = mvc.perform(as(mvc, "demo_worker", put("/api/v1/recipient-imports/" + id + "/mapping"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"columns\":{\"4\":\"VILLAGE\"}}"))
                .andReturn();
        assertThat(json(mapped).get("status").asText())
                .as(mapped.getResponse().getContentAsString())
                .isEqualTo("CHECKED");
        assertThat(confirm(id)).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recipient r JOIN org_unit u ON u.id = r.org_unit_id "
                                + "WHERE r.name LIKE '村列%' AND u.name LIKE '新光一村%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void theTemplateExampleRowsAreNeverImported() throws Exception {
        byte[] template = mvc.perform(as(mvc, "demo_worker", get("/api/v1/recipient-imports/template")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheetAt(0);
            SyntheticPeople.Person p = PEOPLE.distinctPeople(1, List.of("滨河社区")).get(0);
            Row row = sheet.createRow(3);
            String[] cells = {"3", "模板真人" + p.name(), p.gender(), p.idNumber(), "", "", "滨河社区", "低保"};
            for (int c = 0; c < cells.length; c++) {
                row.createCell(c).setCellValue(cells[c]);
            }
            book.write(out);
            JsonNode report = upload("模板.xlsx", out.toByteArray());
            assertThat(messages(report)).isEmpty();
            assertThat(report.get("dataRows").asInt()).isEqualTo(1);
            assertThat(report.get("notices").toString())
                    .contains("第2行是模板中的示例行")
                    .contains("第3行是模板中的示例行")
                    .contains("工作表“填写说明”");
            assertThat(confirm(report.get("importId").asLong())).isEqualTo(200);
        }
        assertThat(countNamed("模板真人")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recipient WHERE name LIKE '%（示例）'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anOldXlsWorkbookIsRead() throws Exception {
        var rows = people("旧表", 4, "滨河社区", "特困");
        JsonNode report =
                upload("老名单.xls", workbook(new HSSFWorkbook(), List.of("Sheet1"), List.of(HEADER), List.of(rows)));
        assertThat(messages(report)).isEmpty();
        assertThat(confirm(report.get("importId").asLong())).isEqualTo(200);
        assertThat(countNamed("旧表")).isEqualTo(4);
    }

    @Test
    void landlinesWithOrWithoutAreaCodeAreValid() {
        assertThat(PhoneNumbers.isValid("5123456")).isTrue();
        assertThat(PhoneNumbers.isValid("25123456")).isTrue();
        assertThat(PhoneNumbers.isValid("0472-5123456")).isTrue();
        assertThat(PhoneNumbers.isValid("13904721234")).isTrue();
        assertThat(PhoneNumbers.isValid("12345")).isFalse();
        assertThat(PhoneNumbers.isValid("0123456")).isFalse();
        assertThat(PhoneNumbers.isValid("1234567")).isFalse();
    }
}
