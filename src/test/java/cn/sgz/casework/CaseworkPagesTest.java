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
    }
}
