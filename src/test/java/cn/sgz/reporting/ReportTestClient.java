package cn.sgz.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.org.DemoOrg;
import cn.sgz.org.TestLogin;
import cn.sgz.shared.ChinaTime;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The reports API as the tests call it, as demo users with API tokens, on a project of their own. */
final class ReportTestClient {

    final MockMvc mvc;
    final TestLogin login;
    final ObjectMapper json;

    ReportTestClient(MockMvc mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.login = new TestLogin(mvc);
        this.json = json;
    }

    JsonNode get(String user, String url) throws Exception {
        return json.readTree(login.getJson(user, url, 200));
    }

    MockHttpServletResponse getRaw(String user, String url) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(url).with(login.as(user)))
                .andReturn()
                .getResponse();
    }

    MockHttpServletResponse post(String user, String url, Object body) throws Exception {
        return login.send(user, MockMvcRequestBuilders.post(url), body == null ? null : json.writeValueAsString(body));
    }

    MockHttpServletResponse put(String user, String url, Object body) throws Exception {
        return login.send(user, MockMvcRequestBuilders.put(url), json.writeValueAsString(body));
    }

    JsonNode ok(MockHttpServletResponse r, int status) throws Exception {
        String text = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus()).as(text).isEqualTo(status);
        return json.readTree(text);
    }

    /** The demo project (九原区…), as demo_bureau sees it. */
    JsonNode demoProject() throws Exception {
        for (JsonNode p : get("demo_bureau", "/api/v1/projects")) {
            if (p.get("name").asString().startsWith("九原区民政领域社会工作服务项目")) {
                return p;
            }
        }
        throw new AssertionError("demo project missing");
    }

    /**
     * A fresh project like the demo one on all three demo stations, started on the first of the month
     * {@code monthsAgo} months back, so each test has report periods nobody else touches.
     */
    long freshProject(DemoOrg org, int monthsAgo) throws Exception {
        JsonNode demo = demoProject();
        LocalDate start = ChinaTime.thisMonth().minusMonths(monthsAgo).atDay(1);
        Map<String, Object> body = new HashMap<>();
        body.put("name", "报表测试项目" + TestLogin.unique());
        body.put("bureauId", demo.get("bureauId").asLong());
        body.put("agencyId", demo.get("agencyId").asLong());
        body.put("catalogId", demo.get("catalogId").asLong());
        body.put("tier", demo.get("tier").asString());
        body.put("startDate", start.toString());
        body.put("endDate", start.plusYears(1).minusDays(1).toString());
        body.put("stationIds", List.of(org.s1.id(), org.s2.id(), org.s3.id()));
        List<Long> items = new ArrayList<>();
        demo.get("optionalItemIds").forEach(i -> items.add(i.asLong()));
        body.put("optionalItemIds", items);
        JsonNode created = ok(post("demo_bureau", "/api/v1/projects", body), 201);
        return created.get("id").asLong();
    }

    JsonNode start(String user, long projectId, long stationId, String kind, LocalDate periodStart) throws Exception {
        return ok(
                post(
                        user,
                        "/api/v1/reports",
                        Map.of(
                                "projectId",
                                projectId,
                                "stationId",
                                stationId,
                                "kind",
                                kind,
                                "periodStart",
                                periodStart.toString())),
                201);
    }

    JsonNode write(String user, long id, String summary, long version) throws Exception {
        return ok(
                put(
                        user,
                        "/api/v1/reports/" + id,
                        Map.of(
                                "summary",
                                summary,
                                "highlights",
                                "亮点",
                                "problems",
                                "问题",
                                "nextPlan",
                                "计划",
                                "version",
                                version)),
                200);
    }

    MockHttpServletResponse step(String user, long id, String step, long version) throws Exception {
        return post(user, "/api/v1/reports/" + id + "/" + step, Map.of("version", version));
    }
}
