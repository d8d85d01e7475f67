package cn.sgz.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sgz.SgzTest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Every community page renders for a worker and the bureau on the demo data; forms show Chinese errors. */
@SgzTest
class CommunityPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    CommunityTestSupport t;

    @BeforeEach
    void setUp() {
        t = new CommunityTestSupport(mvc, jdbc);
    }

    String page(Cookie who, String url) throws Exception {
        MockHttpServletResponse r =
                mvc.perform(get(url).cookie(who)).andReturn().getResponse();
        assertThat(r.getStatus())
                .as(url + ": " + r.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    long first(String sql, long station) {
        return jdbc.sql(sql).param(station).query(Long.class).list().get(0);
    }

    @Test
    void workerPagesRenderWithDemoData() throws Exception {
        Cookie w = t.login.login("demo_worker");
        long s = t.station1();
        long org = first("SELECT id FROM community_org WHERE station_id = ? ORDER BY id", s);
        long volunteer = first("SELECT volunteer_id FROM volunteer_service WHERE station_id = ? ORDER BY id", s);
        long activity = first("SELECT record_id FROM volunteer_service WHERE station_id = ? ORDER BY id", s);
        long training = first("SELECT id FROM community_training WHERE station_id = ? ORDER BY id", s);

        assertThat(page(w, "/community")).contains("邻里守望互助会").contains("培育历程").contains("社区社会组织");
        assertThat(page(w, "/community/orgs/" + org))
                .contains("成员与骨干")
                .contains("****")
                .contains("互助会章程");
        assertThat(page(w, "/community/orgs/new")).contains("登记社区社会组织");
        assertThat(page(w, "/community/orgs/" + org + "/edit")).contains("修改组织信息");
        assertThat(page(w, "/volunteers")).contains("注册率").contains("未注册").contains("志愿服务队");
        assertThat(page(w, "/volunteers/new")).contains("全国志愿服务信息系统编号");
        assertThat(page(w, "/volunteers/" + volunteer)).contains("计入的服务时长");
        assertThat(page(w, "/volunteers/" + volunteer + "/certificate")).contains("志愿服务记录证明");
        assertThat(page(w, "/volunteer-activities")).contains("每月至少开展 2 次");
        assertThat(page(w, "/volunteer-activities/new")).contains("登记志愿服务活动");
        assertThat(page(w, "/volunteer-activities/" + activity)).contains("登记志愿者服务时长");
        assertThat(page(w, "/development")).contains("持证率").contains("职业水平考试").contains("专业督导");
        assertThat(page(w, "/development/trainings/new?audience=BACKBONE")).contains("登记培训");
        assertThat(page(w, "/development/trainings/" + training)).contains("参训人员");
        assertThat(page(w, "/development/supervisions/new")).contains("登记专业督导");
        String docs = page(w, "/station-documents");
        assertThat(docs).contains("缺少：").contains("组织社区活动成效相关佐证材料").contains("人员管理制度");
        // the navigation offers the four pages
        assertThat(page(w, "/"))
                .contains("href=\"/community\"")
                .contains("href=\"/volunteers\"")
                .contains("href=\"/development\"")
                .contains("href=\"/station-documents\"");
    }

    @Test
    void bureauReadsEveryStationWithAPickerAndNoWriteButtons() throws Exception {
        Cookie b = t.login.login("demo_bureau");
        for (String url : List.of("/community", "/volunteers", "/development", "/station-documents")) {
            String html = page(b, url + "?stationId=" + t.station2());
            assertThat(html).as(url).contains("data-testid=\"station-picker\"");
        }
        assertThat(page(b, "/volunteers?stationId=" + t.station2())).doesNotContain("id=\"new-volunteer\"");
    }

    @Test
    void aWorkerAddsTheNationalNumberOnTheEditPageAndTheVolunteerCountsAsRegistered() throws Exception {
        long station = t.station1();
        long id = t.createVolunteer(
                "demo_worker", station, "补登编号", CommunityTestSupport.phone(), null, CommunityTestSupport.today());
        Cookie w = t.login.login("demo_worker");
        String edit = page(w, "/volunteers/" + id + "/edit");
        assertThat(edit).contains("修改志愿者信息").contains("name=\"version\"");
        long version = jdbc.sql("SELECT version FROM volunteer WHERE id = ?")
                .param(id)
                .query(Long.class)
                .single();
        String phone = jdbc.sql("SELECT phone FROM volunteer WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
        MockHttpServletResponse bad = mvc.perform(post("/volunteers/" + id)
                        .cookie(w)
                        .with(csrf())
                        .param("stationId", String.valueOf(station))
                        .param("name", "补登编号")
                        .param("phone", "12")
                        .param("joinedOn", CommunityTestSupport.today().toString())
                        .param("version", String.valueOf(version)))
                .andReturn()
                .getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8))
                .contains("手机号：格式不正确")
                .contains("修改志愿者信息");
        MockHttpServletResponse ok = mvc.perform(post("/volunteers/" + id)
                        .cookie(w)
                        .with(csrf())
                        .param("stationId", String.valueOf(station))
                        .param("name", "补登编号")
                        .param("phone", phone)
                        .param("nationalNo", "NV15020700123")
                        .param("joinedOn", CommunityTestSupport.today().toString())
                        .param("version", String.valueOf(version)))
                .andReturn()
                .getResponse();
        assertThat(ok.getRedirectedUrl()).isEqualTo("/volunteers/" + id);
        assertThat(page(w, "/volunteers/" + id)).contains("已在全国志愿服务信息系统注册").contains("NV15020700123");
        // another station's worker cannot open it
        assertThat(mvc.perform(get("/volunteers/" + id + "/edit").cookie(t.login.login("demo_worker2")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void aRejectedFormComesBackWithChineseErrors() throws Exception {
        Cookie w = t.login.login("demo_worker");
        MockHttpServletResponse r = mvc.perform(post("/volunteers")
                        .cookie(w)
                        .with(csrf())
                        .param("stationId", String.valueOf(t.station1()))
                        .param("name", "")
                        .param("phone", "123"))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8))
                .contains("姓名：请填写姓名")
                .contains("手机号：格式不正确");
        MockHttpServletResponse t2 = mvc.perform(post("/development/trainings")
                        .cookie(w)
                        .with(csrf())
                        .param("stationId", String.valueOf(t.station1()))
                        .param("audience", "BACKBONE")
                        .param("topic", "")
                        .param("serviceDate", CommunityTestSupport.today().toString()))
                .andReturn()
                .getResponse();
        assertThat(t2.getStatus()).isEqualTo(400);
        assertThat(t2.getContentAsString(StandardCharsets.UTF_8))
                .contains("培训主题：请填写培训主题")
                .contains("所属组织：骨干培训请选择所培训的社区社会组织")
                .contains("培训时长：请填写时长（小时）");
    }
}
