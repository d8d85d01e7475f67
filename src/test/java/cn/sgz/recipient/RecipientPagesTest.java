package cn.sgz.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sgz.SgzTest;
import cn.sgz.shared.ChinaTime;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The pages a social worker uses, through the real login, CSRF and templates. */
@SgzTest
class RecipientPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long someRecipient(String station) {
        return jdbc.sql("SELECT r.id FROM recipient r JOIN org_unit u ON u.id = r.station_id WHERE u.name = ? "
                        + "AND r.status = 'ACTIVE' ORDER BY r.id LIMIT 1")
                .param(station)
                .query(Long.class)
                .single();
    }

    MockHttpServletResponse page(Cookie session, String url) throws Exception {
        return mvc.perform(get(url).cookie(session)).andReturn().getResponse();
    }

    @Test
    void ledgerDetailAndForeignRecordPages() throws Exception {
        Cookie worker = ApiClient.login(mvc, "demo_worker");
        MockHttpServletResponse list = page(worker, "/recipients?category=ELDERLY");
        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(list.getContentAsString()).contains("id=\"ledger-table\"", "困难老人台账", "id=\"export-link\"");
        long mine = someRecipient("沙河街道社工站");
        MockHttpServletResponse detail = page(worker, "/recipients/" + mine);
        assertThat(detail.getStatus()).isEqualTo(200);
        assertThat(detail.getContentAsString())
                .contains("id=\"id-number\"", "id=\"reveal-id\"", "id=\"assessment-new\"")
                .containsPattern("\\d{6}\\*{8}[0-9X]{4}");
        long theirs = someRecipient("萨如拉街道社工站");
        assertThat(page(worker, "/recipients/" + theirs).getStatus()).isEqualTo(404);
        // unmask through the page form (htmx fragment)
        MockHttpServletResponse reveal = mvc.perform(post("/recipients/" + mine + "/id-number")
                        .cookie(worker)
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andReturn()
                .getResponse();
        assertThat(reveal.getContentAsString()).containsPattern("id=\"id-number\"[^>]*>\\d{17}[0-9X]<");
        assertThat(page(worker, "/needs").getContentAsString()).contains("id=\"needs-table\"", "评估覆盖率");
        assertThat(page(worker, "/recipients/new").getContentAsString()).contains("id=\"recipient-form\"");
    }

    @Test
    void importWithBadRowShowsTheRowThenFixedFileImports() throws Exception {
        Cookie worker = ApiClient.login(mvc, "demo_worker");
        assertThat(page(worker, "/recipients/import").getContentAsString())
                .contains("id=\"import-form\"", "id=\"import-file\"");
        long station = jdbc.sql("SELECT id FROM org_unit WHERE name = '沙河街道社工站'")
                .query(Long.class)
                .single();
        String good = RecipientApiTest.newId(68, true);
        String header = "姓名,身份证号,村(社区),类别\r\n";
        String bad = header + "页面甲," + good + ",滨河社区,空巢老人\r\n页面乙,110105194912310021,滨河社区,低保\r\n";
        MockHttpServletResponse checked = mvc.perform(multipart("/recipients/import")
                        .file(new MockMultipartFile("file", "名单.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .param("stationId", String.valueOf(station))
                        .cookie(worker)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        String html = checked.getContentAsString();
        assertThat(html)
                .contains("id=\"import-errors\"", "data-row=\"3\"", "data-column=\"B\"", "校验位")
                .doesNotContain("id=\"import-confirm\"");

        String fixed = header + "页面甲," + good + ",滨河社区,空巢老人\r\n";
        html = mvc.perform(multipart("/recipients/import")
                        .file(new MockMultipartFile(
                                "file", "名单.csv", "text/csv", fixed.getBytes(StandardCharsets.UTF_8)))
                        .param("stationId", String.valueOf(station))
                        .cookie(worker)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("id=\"import-confirm\"", "将新增 <b>1</b> 人");
        long importId = jdbc.sql("SELECT MAX(id) FROM recipient_import")
                .query(Long.class)
                .single();
        MockHttpServletResponse done = mvc.perform(post("/recipients/import/" + importId + "/confirm")
                        .cookie(worker)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(done.getRedirectedUrl()).isEqualTo("/recipients");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recipient WHERE name IN ('页面甲','页面乙')")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void assessmentAndFollowUpFromTheDueList() throws Exception {
        Cookie worker = ApiClient.login(mvc, "demo_worker");
        MockHttpServletResponse due = page(worker, "/followups/due");
        String html = due.getContentAsString();
        assertThat(html).contains("id=\"due-list\"", "data-testid=\"record-followup\"");
        Long overdue = jdbc.sql("SELECT f.recipient_id FROM followup_roster f JOIN org_unit u ON u.id = f.station_id "
                        + "WHERE u.name = '沙河街道社工站' AND f.active AND NOT EXISTS (SELECT 1 FROM followup_record x "
                        + "WHERE x.recipient_id = f.recipient_id) ORDER BY f.id LIMIT 1")
                .query(Long.class)
                .single();
        assertThat(html).contains("id=\"record-" + overdue + "\"");
        assertThat(page(worker, "/followups/record/" + overdue).getContentAsString())
                .contains("id=\"followup-form\"");
        MockHttpServletResponse saved = mvc.perform(post("/followups/record/" + overdue)
                        .cookie(worker)
                        .with(csrf())
                        .param("method", "PHONE")
                        .param("followedOn", ChinaTime.today().toString())
                        .param("findings", "电话问候，老人身体平稳"))
                .andReturn()
                .getResponse();
        assertThat(saved.getRedirectedUrl()).isEqualTo("/followups/due");
        assertThat(page(worker, "/followups/due").getContentAsString()).doesNotContain("id=\"due-" + overdue + "\"");

        long rid = someRecipient("沙河街道社工站");
        assertThat(page(worker, "/recipients/" + rid + "/assessments/new").getContentAsString())
                .contains("id=\"assessment-form\"");
        MockHttpServletResponse missing = mvc.perform(post("/recipients/" + rid + "/assessments")
                        .cookie(worker)
                        .with(csrf())
                        .param("assessedOn", ChinaTime.today().toString()))
                .andReturn()
                .getResponse();
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(missing.getContentAsString()).contains("请选择风险等级");
        MockHttpServletResponse ok = mvc.perform(post("/recipients/" + rid + "/assessments")
                        .cookie(worker)
                        .with(csrf())
                        .param("assessedOn", ChinaTime.today().toString())
                        .param("needs", "DAILY_CARE", "MEDICAL")
                        .param("riskLevel", "MEDIUM")
                        .param("health", "高血压"))
                .andReturn()
                .getResponse();
        assertThat(ok.getRedirectedUrl()).isEqualTo("/recipients/" + rid);
        assertThat(page(worker, "/recipients/" + rid).getContentAsString()).contains("高血压");
    }
}
