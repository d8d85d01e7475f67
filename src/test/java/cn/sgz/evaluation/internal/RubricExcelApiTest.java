package cn.sgz.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.sgz.SgzTest;
import cn.sgz.org.TestLogin;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The rubric Excel over the API and the page: the bureau downloads the built-in rubric as .xlsx, uploads an edited
 * copy as a new rubric (the same content back), a bad cell is refused with its sheet, row and column; evaluators
 * neither download nor upload and are shown no button for it; downloads are audited.
 */
@SgzTest
class RubricExcelApiTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RubricService rubrics;

    TestLogin login;

    @BeforeEach
    void setUp() {
        login = new TestLogin(mvc);
    }

    long builtin() {
        return jdbc.sql("SELECT id FROM eval_rubric WHERE builtin ORDER BY id")
                .query(Long.class)
                .list()
                .get(0);
    }

    MockHttpServletResponse upload(String user, String url, byte[] xlsx) throws Exception {
        return mvc.perform(multipart(url)
                        .file(new MockMultipartFile("file", "细则.xlsx", XLSX, xlsx))
                        .with(login.as(user)))
                .andReturn()
                .getResponse();
    }

    @Test
    void theBureauDownloadsEditsAndUploadsARubricInExcel() throws Exception {
        long id = builtin();
        MockHttpServletResponse download = mvc.perform(
                        get("/api/v1/rubrics/" + id + "/export.xlsx").with(login.as("demo_bureau")))
                .andReturn()
                .getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentType()).startsWith(XLSX);
        assertThat(download.getHeader("Content-Disposition")).contains("station-guide");
        byte[] xlsx = download.getContentAsByteArray();
        assertThat(RubricExcel.parse(xlsx)).isEqualTo(rubrics.rubric(id));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'RUBRIC_EXPORT' AND actor = 'demo_bureau'")
                        .query(Long.class)
                        .single())
                .isPositive();

        // evaluators may read the rubric but neither download nor upload it
        assertThat(mvc.perform(get("/api/v1/rubrics/" + id + "/export.xlsx").with(login.as("demo_evaluator")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        String code = "excel-" + TestLogin.unique();
        byte[] edited = RubricExcelTest.edit(xlsx, RubricExcelTest.info("B2", code));
        assertThat(upload("demo_evaluator", "/api/v1/rubrics/xlsx", edited).getStatus())
                .isEqualTo(403);

        // a bad cell: 400, nothing stored, the cell named
        byte[] bad = RubricExcelTest.edit(edited, RubricExcelTest.set("D2", "五分"));
        MockHttpServletResponse refused = upload("demo_bureau", "/api/v1/rubrics/xlsx", bad);
        assertThat(refused.getStatus()).isEqualTo(400);
        JsonNode body = json.readTree(refused.getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.get("details").get(0).get("field").asString()).isEqualTo("工作表“评分细则”第2行 D列");
        assertThat(body.get("details").get(0).get("message").asString()).isEqualTo("工作表“评分细则”第2行 D列：满分应为数字，而不是“五分”");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM eval_rubric WHERE code = ?")
                        .param(code)
                        .query(Long.class)
                        .single())
                .isZero();
        MockHttpServletResponse checked = upload("demo_bureau", "/api/v1/rubrics/xlsx/check", bad);
        assertThat(checked.getStatus()).isEqualTo(400);

        // the edited copy is a new rubric with the same content
        MockHttpServletResponse created = upload("demo_bureau", "/api/v1/rubrics/xlsx", edited);
        assertThat(created.getStatus())
                .as(created.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(201);
        JsonNode summary = json.readTree(created.getContentAsString(StandardCharsets.UTF_8))
                .get("summary");
        assertThat(summary.get("code").asString()).isEqualTo(code);
        assertThat(summary.get("versionNo").asInt()).isEqualTo(1);
        Rubric stored = rubrics.rubric(summary.get("id").asLong());
        Rubric original = rubrics.rubric(id);
        assertThat(stored.sections()).isEqualTo(original.sections());
        assertThat(stored.name()).isEqualTo(original.name());
    }

    @Test
    void onlyTheBureauSeesTheUploadAndDownloadButtons() throws Exception {
        long id = builtin();
        Cookie bureau = login.login("demo_bureau");
        Cookie evaluator = login.login("demo_evaluator");
        assertThat(page(bureau, "/rubrics/" + id)).contains("下载 Excel").contains("下载 YAML");
        assertThat(page(bureau, "/rubrics")).contains("上传评分细则");
        assertThat(page(evaluator, "/rubrics/" + id))
                .contains("服务设施")
                .doesNotContain("下载 Excel")
                .doesNotContain("export.xlsx")
                .doesNotContain("export.yaml");
        assertThat(page(evaluator, "/rubrics")).doesNotContain("上传评分细则");
        assertThat(mvc.perform(get("/rubrics/" + id + "/export.xlsx").cookie(evaluator))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);

        // the page's upload takes the Excel file as it takes YAML
        byte[] xlsx = mvc.perform(get("/rubrics/" + id + "/export.xlsx").cookie(bureau))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String code = "page-" + TestLogin.unique();
        byte[] edited = RubricExcelTest.edit(xlsx, RubricExcelTest.info("B2", code));
        var done = mvc.perform(multipart("/rubrics")
                        .file(new MockMultipartFile("file", "细则.xlsx", XLSX, edited))
                        .cookie(bureau)
                        .with(csrf()))
                .andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).matches("/rubrics/\\d+");
        assertThat(page(bureau, done.getResponse().getRedirectedUrl())).contains(code);
        var bad = mvc.perform(multipart("/rubrics")
                        .file(new MockMultipartFile(
                                "file", "细则.xlsx", XLSX, RubricExcelTest.edit(edited, RubricExcelTest.set("I3", 9))))
                        .cookie(bureau)
                        .with(csrf()))
                .andReturn();
        assertThat(bad.getResponse().getRedirectedUrl()).isEqualTo("/rubrics");
        assertThat(bad.getFlashMap().get("error").toString()).contains("第3行 I列").contains("超出 0～5");
    }

    String page(Cookie who, String url) throws Exception {
        MockHttpServletResponse r =
                mvc.perform(get(url).cookie(who)).andReturn().getResponse();
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }
}
