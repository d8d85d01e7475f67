package cn.sgz.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sgz.SgzTest;
import cn.sgz.org.TestLogin;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

/** The casework pages render for every role that reaches them, and forms show their errors in Chinese. */
@SgzTest
class CaseworkPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private String page(Cookie s, String url, int status) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url).cookie(s)).andReturn().getResponse();
        String body = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus())
                .as("%s: %s", url, body.length() > 400 ? body.substring(0, 400) : body)
                .isEqualTo(status);
        return body;
    }

    @Test
    void listsDetailsFormsAndOversightRender() throws Exception {
        CaseworkApi api = new CaseworkApi(mvc, json);
        long id = api.caseAwaitingClosure("页面测试个案" + TestLogin.unique(), "男，70岁");
        TestLogin login = new TestLogin(mvc);
        Cookie worker = login.login("demo_worker");
        assertThat(page(worker, "/cases", 200)).contains("页面测试个案");
        String detail = page(worker, "/cases/" + id, 200);
        assertThat(detail).contains("结案待审批").contains("data-step=\"INTAKE\"").contains("计入");
        for (String t : new String[] {"INTAKE", "ASSESSMENT", "AGREEMENT", "PLAN", "EVALUATION", "CLOSURE"}) {
            page(worker, "/cases/" + id + "/forms/" + t, 200);
        }
        assertThat(page(worker, "/cases/new", 200)).contains("个案接案记录表").contains("案主基本情况");
        page(worker, "/cases/" + id + "/sessions/new", 200);
        for (String url : new String[] {
            "/groups",
            "/groups/new",
            "/community-services",
            "/community-services/new",
            "/exemplary",
            "/casework/oversight"
        }) {
            page(worker, url, 200);
        }
        Cookie head = login.login("demo_head");
        assertThat(page(head, "/cases/" + id, 200)).contains("data-testid=\"approve-closure\"");
        assertThat(page(head, "/casework/oversight", 200)).contains("页面测试个案").contains("留守儿童学业支持个案");
        Cookie bureau = login.login("demo_bureau");
        assertThat(page(bureau, "/exemplary", 200)).contains("王奶奶居家安全与情绪支持个案").contains("已确认");
        page(bureau, "/groups", 200);

        // an empty intake form is shown again with every problem named
        MockHttpServletResponse bad = mvc.perform(post("/cases")
                        .cookie(worker)
                        .with(csrf())
                        .param("stationId", String.valueOf(api.station("demo_worker"))))
                .andReturn()
                .getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("请从服务对象台账中选择案主");
    }

    @Test
    void demoGroupShowsTheSessionUnderTheMinimumWithItsReason() throws Exception {
        Cookie worker = new TestLogin(mvc).login("demo_worker");
        String list = page(worker, "/groups", 200);
        int at = list.indexOf("“银龄互助”老年人互助小组");
        assertThat(at).isPositive();
        String href = list.substring(
                list.lastIndexOf("href=\"/groups/", at) + 6,
                list.indexOf("\"", list.lastIndexOf("href=\"/groups/", at) + 6));
        String group = page(worker, href, 200);
        assertThat(group).contains("签到 4 人，少于本项目要求的每节不少于 6 人").contains("计入 4 节");

        // the session's own record page says the same (it once said 计入 with 服务人数 0)
        int row = group.indexOf("签到 4 人，少于本项目要求");
        int link = group.indexOf("href=\"/records/", row);
        String recordUrl =
                group.substring(link + 6, group.indexOf("\"", link + 6)).replaceAll("#.*", "");
        String record = page(worker, recordUrl, 200);
        assertThat(record).contains("data-testid=\"group-minimum\"").contains("不计入小组节数：签到 4 人，少于本项目要求的每节不少于 6 人");
        assertThat(record).containsPattern("data-testid=\"served-count\"[^>]*>4（按签到表）<");
    }

    /**
     * Screen faults a worker met: the page title's markup leaked into every form heading and pre-filled the intake's
     * case name (the layout's fragment parameter was called "title" like the model attribute); a frozen file's forms
     * looked editable and saving ended in a 409 page; the head reviewing a closure saw "提交结案申请".
     */
    @Test
    void formsShowTheirOwnHeadingAndFrozenFilesAreReadOnly() throws Exception {
        CaseworkApi api = new CaseworkApi(mvc, json);
        long id = api.caseAwaitingClosure("只读测试个案" + TestLogin.unique(), "女，68岁");
        TestLogin login = new TestLogin(mvc);
        Cookie worker = login.login("demo_worker");

        String intake = page(worker, "/cases/new", 200);
        assertThat(intake).doesNotContain("&lt;title&gt;").doesNotContain("value=\"<title>");
        assertThat(intake.substring(intake.indexOf("id=\"case-title\"")))
                .startsWith("id=\"case-title\" name=\"title\" maxlength=\"100\" value=\"\">");

        String closing = page(worker, "/cases/" + id + "/forms/ASSESSMENT", 200);
        assertThat(closing).contains("<h1 id=\"form-title\">预估表</h1>").doesNotContain("&lt;title&gt;");
        assertThat(closing)
                .contains("data-testid=\"cw-readonly\"")
                .contains("结案申请待站长审批")
                .doesNotContain("data-testid=\"save-form\"");

        Cookie head = login.login("demo_head");
        String review = page(head, "/cases/" + id + "/forms/CLOSURE", 200);
        assertThat(review).contains("data-testid=\"cw-readonly\"").doesNotContain("提交结案申请</button>");

        Cookie bureau = login.login("demo_bureau");
        String reader = page(bureau, "/cases/" + id + "/forms/ASSESSMENT", 200);
        assertThat(reader).contains("您可以查看本表，不能修改").doesNotContain("data-testid=\"save-form\"");

        // an open case's form is still a form
        long open = api.openCase("demo_worker", "可编辑个案" + TestLogin.unique(), "男，50岁")
                .get("id")
                .asLong();
        String editable = page(worker, "/cases/" + open + "/forms/ASSESSMENT", 200);
        assertThat(editable).contains("data-testid=\"save-form\"").doesNotContain("data-testid=\"cw-readonly\"");

        String group = page(worker, "/groups/new", 200);
        assertThat(group).doesNotContain("&lt;title&gt;");
    }
}
