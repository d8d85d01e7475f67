package cn.sgz.charity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sgz.SgzTest;
import cn.sgz.org.DemoOrg;
import cn.sgz.org.TestLogin;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The charity pages render for workers and the bureau, and their forms work with post-redirect-get. */
@SgzTest
class CharityPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    CharityTestClient api;
    DemoOrg org;

    @BeforeEach
    void setUp() throws Exception {
        api = new CharityTestClient(mvc, json);
        org = DemoOrg.load(api.login);
    }

    String page(Cookie session, String url) throws Exception {
        MockHttpServletResponse r =
                mvc.perform(get(url).cookie(session)).andReturn().getResponse();
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void everyPageRendersForTheWorkerAndTheBureau() throws Exception {
        JsonNode fund = api.get("demo_worker", "/api/v1/charity/funds?stationId=" + org.s1.id())
                .get(0);
        long relief = api.get("demo_worker", "/api/v1/charity/relief-events?stationId=" + org.s1.id())
                .get(0)
                .get("id")
                .asLong();
        long project = api.get("demo_worker", "/api/v1/charity/projects?stationId=" + org.s1.id())
                .get(0)
                .get("id")
                .asLong();
        Cookie worker = api.login.login("demo_worker");
        assertThat(page(worker, "/")).contains("href=\"/charity\"").contains("慈善台账");
        assertThat(page(worker, "/charity"))
                .contains(fund.get("name").asString())
                .contains("id=\"new-fund\"");
        assertThat(page(worker, "/charity/funds/" + fund.get("id")))
                .contains("id=\"entry-form\"")
                .contains("共募资金");
        assertThat(page(worker, "/charity/funds/new")).contains("社区服务专项基金");
        assertThat(page(worker, "/charity/projects")).contains("id=\"new-project\"");
        assertThat(page(worker, "/charity/projects/" + project))
                .contains("id=\"promotion-form\"")
                .contains("推介活动");
        assertThat(page(worker, "/charity/projects/" + project + "/edit")).contains("id=\"project-form\"");
        assertThat(page(worker, "/charity/projects/new")).contains("项目预算");
        assertThat(page(worker, "/charity/relief")).contains("data-testid=\"relief-table\"");
        assertThat(page(worker, "/charity/relief/new")).contains("社区慈善救助实施计划");
        String reliefPage = page(worker, "/charity/relief/" + relief + "?q=");
        assertThat(reliefPage).contains("data-testid=\"relief-total\"").contains("data-testid=\"people-picker\"");
        assertThat(page(worker, "/charity/totals?granularity=MONTH&by=FUND"))
                .contains("data-testid=\"totals-row\"")
                .contains("id=\"totals-chart\"");

        Cookie bureau = api.login.login("demo_bureau");
        assertThat(page(bureau, "/charity"))
                .contains(DemoOrg.STATION_1)
                .contains(DemoOrg.STATION_2)
                .doesNotContain("id=\"new-fund\"");
        assertThat(page(bureau, "/charity/relief/" + relief)).doesNotContain("id=\"recipient-search\"");
        assertThat(page(bureau, "/charity/totals")).contains(DemoOrg.STATION_1).contains(DemoOrg.STATION_2);
    }

    @Test
    void formsPostRedirectGetAndShowFieldErrors() throws Exception {
        Cookie worker = api.login.login("demo_worker");
        String name = "页面基金" + TestLogin.unique();
        MockHttpServletResponse created = mvc.perform(post("/charity/funds")
                        .cookie(worker)
                        .with(csrf())
                        .param("stationId", String.valueOf(org.s1.id()))
                        .param("name", name)
                        .param("kind", "SERVICE_FUND")
                        .param("partnerOrg", "页面慈善会")
                        .param("establishedOn", api.today().minusDays(3).toString()))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).isEqualTo(302);
        String fundUrl = created.getRedirectedUrl();
        assertThat(fundUrl).matches("/charity/funds/\\d+");
        long fundId = Long.parseLong(fundUrl.substring(fundUrl.lastIndexOf('/') + 1));

        MockHttpServletResponse missing = mvc.perform(post("/charity/funds")
                        .cookie(worker)
                        .with(csrf())
                        .param("stationId", String.valueOf(org.s1.id()))
                        .param("kind", "SERVICE_FUND"))
                .andReturn()
                .getResponse();
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(missing.getContentAsString(StandardCharsets.UTF_8))
                .contains("基金名称：请填写基金名称")
                .contains("合作慈善组织：请填写合作慈善组织")
                .contains("设立日期：请填写设立日期");

        assertThat(mvc.perform(post("/charity/funds/" + fundId + "/co-raised")
                                .cookie(worker)
                                .with(csrf())
                                .param("receivedOn", api.today().toString())
                                .param("amount", "2,000.00")
                                .param("donor", "页面捐赠"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        assertThat(page(worker, "/charity/funds/" + fundId)).contains("2,000.00");

        MockHttpServletResponse relief = mvc.perform(post("/charity/relief")
                        .cookie(worker)
                        .with(csrf())
                        .param("fundId", String.valueOf(fundId))
                        .param("serviceDate", api.today().toString())
                        .param("plan", "页面救助计划"))
                .andReturn()
                .getResponse();
        assertThat(relief.getStatus()).isEqualTo(302);
        String reliefUrl = relief.getRedirectedUrl();
        List<Long> people = api.people("demo_worker", org.s1.id());
        MockHttpServletResponse badLine = mvc.perform(post(reliefUrl + "/recipients")
                        .cookie(worker)
                        .with(csrf())
                        .param("recipientId", String.valueOf(people.get(0)))
                        .param("amount", "0")
                        .param("q", ""))
                .andReturn()
                .getResponse();
        assertThat(badLine.getStatus()).isEqualTo(400);
        assertThat(badLine.getContentAsString(StandardCharsets.UTF_8)).contains("：金额必须大于0元");
        assertThat(mvc.perform(post(reliefUrl + "/recipients")
                                .cookie(worker)
                                .with(csrf())
                                .param("recipientId", String.valueOf(people.get(0)))
                                .param("amount", "1200"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        assertThat(page(worker, reliefUrl)).contains("1,200.00");

        MockHttpServletResponse project = mvc.perform(post("/charity/projects")
                        .cookie(worker)
                        .with(csrf())
                        .param("stationId", String.valueOf(org.s1.id()))
                        .param("name", "页面项目")
                        .param("goal", "目标")
                        .param("content", "内容")
                        .param("budget", "abc")
                        .param("startDate", api.today().toString()))
                .andReturn()
                .getResponse();
        assertThat(project.getStatus()).isEqualTo(400);
        assertThat(project.getContentAsString(StandardCharsets.UTF_8)).contains("项目预算：请填写数字金额");
    }
}
