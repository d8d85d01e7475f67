package cn.sgz.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.sgz.SgzTest;
import cn.sgz.org.XlsxRows;
import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Volunteers end to end: Chinese validation, registration rate, hours that count only once their activity's
 * record counts, the certificate (docx read back with POI, and the printable page), the xlsx for the national
 * system (read back, scoped and audited), and scope through the API and pages.
 */
@SgzTest
class VolunteerApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    CommunityTestSupport t;

    @BeforeEach
    void setUp() {
        t = new CommunityTestSupport(mvc, jdbc);
    }

    @Test
    void validationErrorsNameTheFieldInChinese() throws Exception {
        String body = t.post("demo_worker", "/api/v1/volunteers", """
                {"stationId": %d, "name": "", "phone": "", "nationalNo": "编号#1", "gender": "未知"}
                """.formatted(t.station1()), 400);
        List<String> messages = JsonPath.read(body, "$.details[*].message");
        assertThat(messages)
                .contains("姓名：请填写姓名", "手机号：请填写手机号（志愿服务信息系统以手机号识别志愿者）", "全国志愿服务信息系统编号：只能包含字母、数字和“-”", "性别：请填写“男”或“女”");
        List<String> fields = JsonPath.read(body, "$.details[*].field");
        assertThat(fields).contains("name", "phone", "nationalNo", "gender");

        String phone = CommunityTestSupport.phone();
        t.createVolunteer("demo_worker", t.station1(), "周慧敏", phone, null, CommunityTestSupport.today());
        String again = t.post("demo_worker", "/api/v1/volunteers", """
                {"stationId": %d, "name": "周慧敏", "phone": "%s"}""".formatted(t.station1(), phone), 400);
        assertThat((String) JsonPath.read(again, "$.message")).isEqualTo("手机号：本站已有使用该手机号的志愿者");

        long record = t.createVolunteerActivity("demo_worker", t.station1(), "校验活动" + CommunityTestSupport.unique());
        String hours =
                t.post("demo_worker", "/api/v1/volunteer-activities/" + record + "/hours", "{\"hours\": 30}", 400);
        assertThat(JsonPath.<List<String>>read(hours, "$.details[*].message"))
                .contains("服务时长：时长应在 0.5～24 小时之间", "志愿者：请选择参加服务的志愿者");
    }

    @Test
    void hoursCountOnlyOnceTheActivityCountsAndShowOnCertificateAndExport() throws Exception {
        long station = t.station1();
        String name = "孙" + "海燕" + CommunityTestSupport.unique();
        String phone = CommunityTestSupport.phone();
        long volunteer = t.createVolunteer(
                "demo_worker",
                station,
                name,
                phone,
                "1520" + System.nanoTime() % 100000000,
                CommunityTestSupport.today().minusMonths(2));
        String title = "证明测试活动" + CommunityTestSupport.unique();
        long record = t.createVolunteerActivity("demo_worker", station, title);
        t.post(
                "demo_worker",
                "/api/v1/volunteer-activities/" + record + "/hours",
                "{\"volunteerId\": %d, \"hours\": 2.5, \"duty\": \"秩序维护\"}".formatted(volunteer),
                201);

        String before = t.login.getJson("demo_worker", "/api/v1/volunteers/" + volunteer, 200);
        assertThat(new BigDecimal(
                        JsonPath.read(before, "$.volunteer.countingHours").toString()))
                .isZero();
        assertThat(new BigDecimal(
                        JsonPath.read(before, "$.volunteer.notCountingHours").toString()))
                .isEqualByComparingTo("2.5");
        assertThat((String) JsonPath.read(before, "$.phone")).isEqualTo(phone);
        assertThat(auditCount("VIEW_PERSONAL", volunteer)).isPositive();
        assertThat(exportRows("demo_worker", station)).noneMatch(r -> r.contains(title));

        t.photoMakesCount("demo_worker", record, station);
        String after = t.login.getJson("demo_worker", "/api/v1/volunteers/" + volunteer, 200);
        assertThat(new BigDecimal(
                        JsonPath.read(after, "$.volunteer.countingHours").toString()))
                .isEqualByComparingTo("2.5");
        assertThat((Integer) JsonPath.read(after, "$.volunteer.countingServices"))
                .isEqualTo(1);

        // the national-system sheet: the agreed columns, one row for this service, full phone for entry
        long exportsBefore = auditCount("VOLUNTEER_EXPORT", station);
        List<List<String>> rows = exportRows("demo_worker", station);
        assertThat(rows.get(0)).containsExactly("姓名", "证件号/手机号", "服务时间", "服务时长(小时)", "活动名称", "服务地点");
        List<String> row =
                rows.stream().filter(r -> r.contains(title)).findFirst().orElseThrow();
        assertThat(row)
                .containsExactly(name, phone, CommunityTestSupport.today() + " 09:00-11:00", "2.5", title, "社区广场");
        assertThat(auditCount("VOLUNTEER_EXPORT", station)).isEqualTo(exportsBefore + 1);

        // the certificate as Word: opened with POI, Chinese font for East Asian text, the hours stated
        MockHttpServletResponse docx = mvc.perform(get("/api/v1/volunteers/" + volunteer + "/certificate.docx")
                        .with(t.login.as("demo_worker")))
                .andReturn()
                .getResponse();
        assertThat(docx.getStatus()).isEqualTo(200);
        assertThat(docx.getContentType()).contains("wordprocessingml");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.getContentAsByteArray()))) {
            List<XWPFParagraph> paragraphs = doc.getParagraphs();
            assertThat(paragraphs.get(0).getText()).isEqualTo("志愿服务记录证明");
            String text = paragraphs.stream().map(XWPFParagraph::getText).reduce("", String::concat);
            assertThat(text)
                    .contains("兹证明 " + name)
                    .contains("参加志愿服务活动 1 次，累计志愿服务时长 2.5 小时")
                    .contains("沙河街道社工站")
                    .doesNotContain(phone);
            XWPFRun titleRun = paragraphs.get(0).getRuns().get(0);
            assertThat(titleRun.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("黑体");
            assertThat(paragraphs.get(1).getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia))
                    .isEqualTo("宋体");
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(2);
            assertThat(table.getRow(1).getCell(2).getText()).isEqualTo(title);
            assertThat(table.getRow(1).getCell(4).getText()).isEqualTo("2.5");
        }
        assertThat(auditCount("VOLUNTEER_CERTIFICATE", volunteer)).isPositive();

        // and the printable page
        Cookie own = t.login.login("demo_worker");
        String html = mvc.perform(
                        get("/volunteers/" + volunteer + "/certificate").cookie(own))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("志愿服务记录证明").contains(title).contains("id=\"certificate-hours\">2.5<");
    }

    @Test
    void registrationRateCountsVolunteersWithoutANationalNumberAsUnregistered() throws Exception {
        long station = t.station2();
        String before = t.login.getJson("demo_worker2", "/api/v1/volunteers/registration?stationId=" + station, 200);
        int total = JsonPath.read(before, "$.total");
        int registered = JsonPath.read(before, "$.registered");
        long id = t.createVolunteer(
                "demo_worker2", station, "吴佳怡", CommunityTestSupport.phone(), null, CommunityTestSupport.today());
        String after = t.login.getJson("demo_worker2", "/api/v1/volunteers/registration?stationId=" + station, 200);
        assertThat((Integer) JsonPath.read(after, "$.total")).isEqualTo(total + 1);
        assertThat((Integer) JsonPath.read(after, "$.registered")).isEqualTo(registered);
        assertThat((Integer) JsonPath.read(after, "$.percent")).isLessThan(100);
        String unregistered =
                t.login.getJson("demo_worker2", "/api/v1/volunteers?stationId=" + station + "&registered=false", 200);
        assertThat(JsonPath.<List<Integer>>read(unregistered, "$[*].id")).contains((int) id);
        // the demo stations have 30+ volunteers with a few still unregistered
        assertThat(total).isGreaterThanOrEqualTo(30);
        assertThat(registered).isLessThan(total);
    }

    @Test
    void anotherStationsVolunteersAndExportsAreNotFound() throws Exception {
        long station = t.station1();
        long volunteer = t.createVolunteer(
                "demo_worker", station, "郑立新", CommunityTestSupport.phone(), null, CommunityTestSupport.today());
        long record = t.createVolunteerActivity("demo_worker", station, "范围活动" + CommunityTestSupport.unique());
        t.login.getJson("demo_worker2", "/api/v1/volunteers/" + volunteer, 404);
        t.login.getJson("demo_worker2", "/api/v1/volunteers/" + volunteer + "/certificate", 404);
        t.login.getJson("demo_worker2", "/api/v1/volunteers/" + volunteer + "/certificate.docx", 404);
        t.login.getJson("demo_worker2", "/api/v1/volunteers/export.xlsx?stationId=" + station, 404);
        t.login.getJson("demo_worker2", "/api/v1/volunteers?stationId=" + station, 404);
        t.login.getJson("demo_worker2", "/api/v1/volunteer-activities/" + record, 404);
        t.post(
                "demo_worker2",
                "/api/v1/volunteer-activities/" + record + "/hours",
                "{\"volunteerId\": %d, \"hours\": 1}".formatted(volunteer),
                404);
        long exports = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'VOLUNTEER_EXPORT' AND target_id = ?")
                .param(String.valueOf(station))
                .query(Long.class)
                .single();

        Cookie other = t.login.login("demo_worker2");
        for (String url : List.of(
                "/volunteers/" + volunteer,
                "/volunteers/" + volunteer + "/certificate",
                "/volunteers/export.xlsx?stationId=" + station,
                "/volunteer-activities/" + record,
                "/volunteers?stationId=" + station)) {
            assertThat(mvc.perform(get(url).cookie(other))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(url)
                    .isEqualTo(404);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'VOLUNTEER_EXPORT' AND target_id = ?")
                        .param(String.valueOf(station))
                        .query(Long.class)
                        .single())
                .isEqualTo(exports);
    }

    List<List<String>> exportRows(String user, long station) throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/api/v1/volunteers/export.xlsx?stationId=" + station)
                        .with(t.login.as(user)))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        return XlsxRows.read(r.getContentAsByteArray());
    }

    long auditCount(String action, long target) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND target_id = ?")
                .params(action, String.valueOf(target))
                .query(Long.class)
                .single();
    }
}
