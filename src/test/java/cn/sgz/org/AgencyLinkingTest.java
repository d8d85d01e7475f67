package cn.sgz.org;

import static cn.sgz.org.DemoOrg.asLong;
import static cn.sgz.org.DemoOrg.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.sgz.SgzTest;
import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18, finding 1: a county bureau can no longer hand its station to another county's agency (or
 * bind its station head to one), and a link can be undone, over the API and on the page, audited.
 */
@SgzTest
class AgencyLinkingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    TestLogin login;
    DemoOrg demo;

    @BeforeEach
    void setUp() throws Exception {
        login = new TestLogin(mvc);
        demo = DemoOrg.load(login);
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** Another county with its own bureau officer, station and agency; returns the agency id. */
    private long foreignAgency(String tag) throws Exception {
        long county = id(login.createUnit("demo_city", demo.city.id(), "COUNTY_BUREAU", "外区" + tag));
        long general = id(login.createUnit("demo_city", county, "GENERAL_STATION", "外区总站" + tag));
        long station = id(login.createUnit("demo_city", general, "STATION", "外区站" + tag));
        String officer = "foreign_" + tag;
        login.createUser("demo_city", officer, "Foreign-bureau-2026", "BUREAU_OFFICER", county, null);
        String token = login.issueToken(login.login(officer, "Foreign-bureau-2026"), "t");
        MockHttpServletResponse agency = login.send(token, post("/api/v1/agencies"), "{\"name\":\"外区机构" + tag + "\"}");
        assertThat(agency.getStatus()).as(body(agency)).isEqualTo(201);
        long agencyId = asLong(JsonPath.read(body(agency), "$.id"));
        assertThat(login.send(token, put("/api/v1/agencies/" + agencyId + "/stations/" + station), null)
                        .getStatus())
                .isEqualTo(200);
        return agencyId;
    }

    @Test
    void aBureauCannotLinkOrBindAnotherCountysAgency() throws Exception {
        String tag = TestLogin.unique();
        long foreign = foreignAgency(tag);

        MockHttpServletResponse link =
                login.send("demo_bureau", put("/api/v1/agencies/" + foreign + "/stations/" + demo.s3.id()), null);
        assertThat(link.getStatus()).as(body(link)).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM agency_station WHERE agency_id = ? AND station_id = ?")
                        .params(foreign, demo.s3.id())
                        .query(Long.class)
                        .single())
                .isZero();
        // the page form is refused the same way
        Cookie session = login.login("demo_bureau");
        assertThat(mvc.perform(post("/agencies/" + foreign + "/stations")
                                .cookie(session)
                                .with(csrf())
                                .param("stationId", String.valueOf(demo.s3.id())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        // not even listed
        assertThat(login.getJson("demo_bureau", "/api/v1/agencies", 200)).doesNotContain("外区机构" + tag);

        // a station head bound to the foreign agency is refused
        MockHttpServletResponse head = login.send(
                "demo_bureau",
                post("/api/v1/users"),
                "{\"username\":\"fhead_" + tag + "\",\"password\":\"Station-head-2026\",\"displayName\":\"站长\","
                        + "\"role\":\"STATION_HEAD\",\"orgUnitId\":" + demo.s3.id() + ",\"agencyId\":" + foreign + "}");
        assertThat(head.getStatus()).as(body(head)).isEqualTo(400);
        assertThat((String) JsonPath.read(body(head), "$.details[0].field")).isEqualTo("agencyId");

        // while the bureau's own agency can still be bound
        long own = asLong(JsonPath.<List<Object>>read(
                        login.getJson("demo_bureau", "/api/v1/agencies", 200),
                        "$[?(@.name == '" + DemoOrg.AGENCY + "')].id")
                .get(0));
        login.createUser("demo_bureau", "ohead_" + tag, "Station-head-2026", "STATION_HEAD", demo.s3.id(), own);
    }

    @Test
    void aLinkCanBeUndoneOverTheApiAndOnThePageAndIsAudited() throws Exception {
        String tag = TestLogin.unique();
        MockHttpServletResponse created =
                login.send("demo_bureau", post("/api/v1/agencies"), "{\"name\":\"解除测试机构" + tag + "\"}");
        long agency = asLong(JsonPath.read(body(created), "$.id"));
        assertThat(login.send("demo_bureau", put("/api/v1/agencies/" + agency + "/stations/" + demo.s3.id()), null)
                        .getStatus())
                .isEqualTo(200);
        assertThat(login.send("demo_bureau", put("/api/v1/agencies/" + agency + "/stations/" + demo.s2.id()), null)
                        .getStatus())
                .isEqualTo(200);

        MockHttpServletResponse unlink =
                login.send("demo_bureau", delete("/api/v1/agencies/" + agency + "/stations/" + demo.s3.id()), null);
        assertThat(unlink.getStatus()).as(body(unlink)).isEqualTo(200);
        assertThat(JsonPath.<List<Object>>read(body(unlink), "$.stationIds")).containsExactly((int) demo.s2.id());
        // unlinking twice, or a station outside the scope: 404
        assertThat(login.send("demo_bureau", delete("/api/v1/agencies/" + agency + "/stations/" + demo.s3.id()), null)
                        .getStatus())
                .isEqualTo(404);
        // a worker may not unlink
        assertThat(login.send("demo_worker2", delete("/api/v1/agencies/" + agency + "/stations/" + demo.s2.id()), null)
                        .getStatus())
                .isIn(403, 404);

        // the page: the button is there, and works
        Cookie session = login.login("demo_bureau");
        String page =
                body(mvc.perform(get("/agencies").cookie(session)).andReturn().getResponse());
        assertThat(page).contains("/agencies/" + agency + "/stations/" + demo.s2.id() + "/unlink");
        MockHttpServletResponse pageUnlink = mvc.perform(
                        post("/agencies/" + agency + "/stations/" + demo.s2.id() + "/unlink")
                                .cookie(session)
                                .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(pageUnlink.getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM agency_station WHERE agency_id = ?")
                        .param(agency)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'AGENCY_UNLINK' AND target_id = ?")
                        .param(String.valueOf(agency))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }
}
