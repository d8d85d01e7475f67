package cn.sgz.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sgz.SgzTest;
import cn.sgz.org.DemoOrg;
import cn.sgz.org.TestLogin;
import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The bureau's and the agency's pages over the demo cases, and who is offered which link. */
@SgzTest
class FeedbackPagesTest {

    @Autowired
    MockMvc mvc;

    TestLogin login;
    DemoOrg demo;

    @BeforeEach
    void setUp() throws Exception {
        login = new TestLogin(mvc);
        demo = DemoOrg.load(login);
    }

    private String page(Cookie session, String url, int status) throws Exception {
        MockHttpServletResponse r =
                mvc.perform(get(url).cookie(session)).andReturn().getResponse();
        String body = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus())
                .as("GET %s: %s", url, body.length() > 300 ? body.substring(0, 300) : body)
                .isEqualTo(status);
        return body;
    }

    /** The id of a demo case (receipt numbers end in -DEMO1 … -DEMO7), as the user lists it. */
    private long demoCase(String user, String suffix) throws Exception {
        List<Map<String, Object>> cases = JsonPath.read(login.getJson(user, "/api/v1/complaints", 200), "$");
        return cases.stream()
                .filter(c -> ((String) c.get("receiptNo")).endsWith(suffix))
                .findFirst()
                .map(DemoOrg::id)
                .orElseThrow(() -> new AssertionError("demo case " + suffix + " not listed for " + user));
    }

    @Test
    void bureauSeesDemoCasesOverdueWarningStatsAndSettings() throws Exception {
        Cookie bureau = login.login("demo_bureau");
        String home = page(bureau, "/", 200);
        assertThat(home)
                .contains("群众反馈逾期未答复")
                .contains("complaint-overdue")
                .contains("群众反馈")
                .contains("反馈二维码");

        String list = page(bureau, "/complaints", 200);
        assertThat(list).contains("-DEMO1").contains("已逾期").contains("-DEMO6").contains("表扬");
        String overdueOnly = page(bureau, "/complaints?overdue=true", 200);
        assertThat(overdueOnly).contains("-DEMO1").doesNotContain("-DEMO6");

        String praise = page(bureau, "/complaints/" + demoCase("demo_bureau", "-DEMO6"), 200);
        assertThat(praise).contains("张伟").contains("已办结").contains("13604723344");

        String stats = page(bureau, "/complaints/stats", 200);
        assertThat(stats)
                .contains(DemoOrg.STATION_1)
                .contains(DemoOrg.STATION_2)
                .contains("投诉");
        String settings = page(bureau, "/complaints/settings", 200);
        assertThat(settings).contains("0472-7150000").contains("服务态度");

        // stale settings version: 409, nothing changed
        MockHttpServletResponse stale = mvc.perform(post("/complaints/settings")
                        .cookie(bureau)
                        .with(csrf())
                        .param("hotline", "0472-0000000")
                        .param("replyWorkingDays", "3")
                        .param("questions", "总体满意度")
                        .param("version", "999"))
                .andReturn()
                .getResponse();
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(page(bureau, "/complaints/settings", 200)).contains("0472-7150000");

        String posters = page(bureau, "/posters/stations/" + demo.s2.id(), 200);
        assertThat(posters).contains(DemoOrg.STATION_2).contains("/feedback/s/" + demo.s2.id() + "/survey");
    }

    @Test
    void agencySeesOnlyTheCaseItWasAskedToExplainAndWorkersNone() throws Exception {
        Cookie agency = login.login("demo_agency");
        String list = page(agency, "/complaints", 200);
        assertThat(list)
                .contains("需要机构说明的投诉")
                .contains("-DEMO2")
                .doesNotContain("-DEMO1")
                .doesNotContain("-DEMO3")
                .doesNotContain("-DEMO6");
        String detail = page(agency, "/complaints/" + demoCase("demo_agency", "-DEMO2"), 200);
        assertThat(detail)
                .contains("explanation-form")
                .doesNotContain("reply-form")
                .doesNotContain("13904725678")
                .contains("139****5678");
        long praise = demoCase("demo_bureau", "-DEMO6");
        page(agency, "/complaints/" + praise, 404);

        Cookie worker = login.login("demo_worker");
        String home = page(worker, "/", 200);
        assertThat(home).doesNotContain("href=\"/complaints\"").doesNotContain("群众反馈逾期未答复");
        page(worker, "/complaints/" + praise, 404);
        page(worker, "/complaints/stats", 403);
    }

    @Test
    void officerApiIsDocumentedAndClosedToAnonymousCallers() throws Exception {
        String docs =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(docs)
                .contains("/api/v1/complaints/{id}/reply")
                .contains("/api/v1/satisfaction/stations")
                .contains("ComplaintStepBody")
                .doesNotContain("\"/feedback/");
        for (String url : List.of("/api/v1/complaints", "/api/v1/satisfaction/stations?stationIds=" + demo.s1.id())) {
            assertThat(mvc.perform(get(url)).andReturn().getResponse().getStatus())
                    .as(url)
                    .isEqualTo(401);
        }
        // pages send a browser to the login page (other clients get 401), never the content
        for (String url :
                List.of("/complaints", "/complaints/stats", "/posters", "/posters/qr.png?stationId=" + demo.s1.id())) {
            MockHttpServletResponse r = mvc.perform(get(url)).andReturn().getResponse();
            assertThat(r.getStatus()).as(url).isIn(302, 401);
            assertThat(r.getContentType()).as(url).isNotEqualTo("image/png");
        }
    }
}
