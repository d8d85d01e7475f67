package cn.sgz.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sgz.SgzTest;
import cn.sgz.org.DemoOrg;
import cn.sgz.org.TestLogin;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Every evaluation page renders for the roles that use it, shows what each role may do, and nothing more. */
@SgzTest
class EvaluationPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    TestLogin login;
    DemoOrg org;

    @BeforeEach
    void setUp() throws Exception {
        login = new TestLogin(mvc);
        org = DemoOrg.load(login);
    }

    String page(Cookie who, String url) throws Exception {
        MockHttpServletResponse r =
                mvc.perform(get(url).cookie(who)).andReturn().getResponse();
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    long demoRound() {
        return jdbc.sql("SELECT id FROM eval_round WHERE kind = 'MIDTERM' ORDER BY id")
                .query(Long.class)
                .list()
                .get(0);
    }

    @Test
    void theEvaluatorsPages() throws Exception {
        Cookie ev = login.login("demo_evaluator");
        long round = demoRound();
        assertThat(page(ev, "/evaluations"))
                .contains("中期评估")
                .contains("中期评估电话抽查")
                .doesNotContain("发起评估</h2>");
        assertThat(page(ev, "/evaluations/" + round))
                .contains("各社工站得分")
                .contains(DemoOrg.STATION_1)
                .contains("抽取样本")
                .doesNotContain("签发验收结论");
        String sheet = page(ev, "/evaluations/" + round + "/stations/" + org.s1.id());
        assertThat(sheet)
                .contains("服务设施")
                .contains("服务满意度")
                .contains("查看明细")
                .contains("保存评分")
                .contains("评判类标准")
                .contains("基本规范");
        assertThat(page(ev, "/evaluations/" + round + "/satisfaction?stationId=" + org.s1.id()))
                .contains("登记访谈")
                .contains("总体来说");
        long check = jdbc.sql("SELECT id FROM spot_check WHERE round_id = ? AND seed = ?")
                .params(round, DemoEvaluationData.DEMO_SEED)
                .query(Long.class)
                .single();
        assertThat(page(ev, "/spot-checks/" + check))
                .contains("电话名单")
                .contains("未能核实")
                .contains("保存核实结果")
                .contains("tel:");
        assertThat(page(ev, "/rectifications")).contains("室外标牌补加");
        long rect = jdbc.sql("SELECT id FROM rectification WHERE title LIKE '室外标牌%' ORDER BY id")
                .query(Long.class)
                .list()
                .get(0);
        assertThat(page(ev, "/rectifications/" + rect)).contains("已整改完成").contains("已重新制作标牌");
        assertThat(page(ev, "/rubrics")).contains("乡镇（街道）社工站评价细则（示例）").doesNotContain("上传评分细则");
        long rubric = jdbc.sql("SELECT id FROM eval_rubric WHERE builtin")
                .query(Long.class)
                .list()
                .get(0);
        assertThat(page(ev, "/rubrics/" + rubric)).contains("服务设施").contains("需提供材料");
    }

    @Test
    void theStationSeesItsOwnResultsAndAnswers() throws Exception {
        Cookie worker = login.login("demo_worker");
        long round = demoRound();
        String sheet = page(worker, "/evaluations/" + round + "/stations/" + org.s1.id());
        assertThat(sheet).contains("服务设施").doesNotContain("保存评分").doesNotContain("提出整改");
        assertThat(mvc.perform(get("/evaluations/" + round + "/stations/" + org.s2.id())
                                .cookie(worker))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        long check = jdbc.sql("SELECT id FROM spot_check WHERE round_id = ? AND seed = ?")
                .params(round, DemoEvaluationData.DEMO_SEED)
                .query(Long.class)
                .single();
        String list = page(worker, "/spot-checks/" + check);
        assertThat(list)
                .contains(DemoEvaluationData.FAILED_NOTE)
                .contains("提交答复")
                .doesNotContain("保存核实结果")
                .contains("****")
                .doesNotContain(DemoOrg.STATION_2 + " · ");
        assertThat(page(worker, "/")).contains("未完成的整改事项");
    }

    @Test
    void theBureauCreatesARoundThroughThePage() throws Exception {
        Cookie bureau = login.login("demo_bureau");
        assertThat(page(bureau, "/evaluations")).contains("发起评估");
        long project = jdbc.sql("SELECT project_id FROM eval_round WHERE id = ?")
                .param(demoRound())
                .query(Long.class)
                .single();
        long rubric = jdbc.sql("SELECT id FROM eval_rubric WHERE builtin")
                .query(Long.class)
                .list()
                .get(0);
        var bad = mvc.perform(post("/evaluations")
                        .cookie(bureau)
                        .with(csrf())
                        .param("projectId", String.valueOf(project))
                        .param("rubricId", String.valueOf(rubric))
                        .param("kind", "FINAL")
                        .param("startsOn", "2026-12-01")
                        .param("endsOn", "2026-11-01"))
                .andReturn();
        assertThat(bad.getResponse().getRedirectedUrl()).isEqualTo("/evaluations");
        assertThat(bad.getFlashMap().get("error").toString()).contains("结束日期不能早于开始日期");
        MockHttpServletResponse created = mvc.perform(post("/evaluations")
                        .cookie(bureau)
                        .with(csrf())
                        .param("projectId", String.valueOf(project))
                        .param("rubricId", String.valueOf(rubric))
                        .param("kind", "FINAL")
                        .param("startsOn", "2026-12-01")
                        .param("endsOn", "2026-12-31")
                        .param("team", "demo_evaluator, demo_bureau"))
                .andReturn()
                .getResponse();
        assertThat(created.getRedirectedUrl()).matches("/evaluations/\\d+");
        assertThat(page(bureau, created.getRedirectedUrl())).contains("末期评估·验收").contains("结束评分并冻结成绩");
        MockHttpServletResponse report = mvc.perform(
                        get(created.getRedirectedUrl() + "/report.docx").cookie(bureau))
                .andReturn()
                .getResponse();
        assertThat(report.getStatus()).isEqualTo(200);
        assertThat(report.getContentAsByteArray().length).isGreaterThan(1000);
    }
}
