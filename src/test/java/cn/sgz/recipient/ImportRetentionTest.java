package cn.sgz.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sgz.SgzTest;
import cn.sgz.org.TestLogin;
import cn.sgz.recipient.internal.ImportRetention;
import cn.sgz.shared.ChinaTime;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18, finding 6: an uploaded list (full ID numbers) is stored encrypted, and a list never
 * confirmed is purged after the retention time by a job that is safe to run on several instances.
 */
@SgzTest
class ImportRetentionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportRetention retention;

    private static final cn.sgz.recipient.internal.SyntheticPeople PEOPLE =
            new cn.sgz.recipient.internal.SyntheticPeople(4_242L, ChinaTime.today());

    private long upload(String prefix) throws Exception {
        long station = jdbc.sql("SELECT id FROM org_unit WHERE name = '沙河街道社工站'")
                .query(Long.class)
                .single();
        // people of our own (a generator of its own, so other tests' generated people stay as they expect)
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        for (cn.sgz.recipient.internal.SyntheticPeople.Person p :
                PEOPLE.distinctPeople(3, java.util.List.of("滨河社区", "新光一村"))) {
            rows.add(java.util.List.of(
                    String.valueOf(rows.size() + 1),
                    prefix + p.name(),
                    p.gender(),
                    p.idNumber(),
                    p.phone() == null ? "" : p.phone(),
                    p.address(),
                    p.village(),
                    p.categoryText(),
                    "",
                    "",
                    "",
                    "城镇"));
        }
        byte[] file = RecipientImportTest.xlsx(
                java.util.List.of(
                        "序号", "姓名", "性别", "身份证号码", "联系方式", "家庭住址", "村（社区）", "人员类别", "残疾等级", "监护人", "监护人电话", "户籍类型"),
                rows);
        MockHttpServletResponse r = mvc.perform(multipart("/api/v1/recipient-imports")
                        .file(new MockMultipartFile("file", "名单.xlsx", "application/octet-stream", file))
                        .param("stationId", String.valueOf(station))
                        .with(new TestLogin(mvc).as("demo_worker")))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus())
                .as(r.getContentAsString(StandardCharsets.UTF_8))
                .isBetween(200, 201);
        return ((Number) JsonPath.read(r.getContentAsString(StandardCharsets.UTF_8), "$.importId")).longValue();
    }

    @Test
    void theUploadIsEncryptedAndPurgedWhenNeverConfirmed() throws Exception {
        long id = upload("留存" + TestLogin.unique());
        byte[] stored = jdbc.sql("SELECT content FROM recipient_import WHERE id = ?")
                .param(id)
                .query(byte[].class)
                .single();
        assertThat(stored[0]).as("not a plain xlsx (PK…)").isNotEqualTo((byte) 'P');
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("xl/worksheets");
        // still readable by the application: the report was built from it
        String report = new TestLogin(mvc).getJson("demo_worker", "/api/v1/recipient-imports/" + id, 200);
        assertThat((Integer) JsonPath.read(report, "$.dataRows")).isEqualTo(3);

        // a fresh upload is kept; one older than 24 h is purged, twice over (as two instances would) harmlessly
        jdbc.sql("UPDATE recipient_import SET created_at = ? WHERE id = ?")
                .params(ChinaTime.offsetNow().minusHours(25), id)
                .update();
        long fresh = upload("新鲜" + TestLogin.unique());
        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);
        assertThat(retention.purge()).isZero();
        assertThat(jdbc.sql("SELECT content FROM recipient_import WHERE id = ?")
                        .param(id)
                        .query(byte[].class)
                        .optional())
                .isEmpty();
        assertThat(jdbc.sql("SELECT status FROM recipient_import WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("EXPIRED");
        assertThat(jdbc.sql("SELECT content FROM recipient_import WHERE id = ?")
                        .param(fresh)
                        .query(byte[].class)
                        .optional())
                .isPresent();

        MockHttpServletResponse confirm = mvc.perform(
                        post("/api/v1/recipient-imports/" + id + "/confirm").with(new TestLogin(mvc).as("demo_worker")))
                .andReturn()
                .getResponse();
        assertThat(confirm.getStatus()).isEqualTo(400);
        assertThat(confirm.getContentAsString(StandardCharsets.UTF_8)).contains("IMPORT_EXPIRED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'IMPORT_PURGE'")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(mvc.perform(get("/api/v1/recipient-imports/" + id).with(new TestLogin(mvc).as("demo_worker")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }
}
