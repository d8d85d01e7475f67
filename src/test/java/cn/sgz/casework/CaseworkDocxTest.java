package cn.sgz.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.SgzTest;
import cn.sgz.org.TestLogin;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

/** The Word files: every form of the case file in one document, Chinese in 宋体, ID numbers masked. */
@SgzTest
class CaseworkDocxTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void caseFileHasEveryFormWithTheEnteredTextAndNoFullIdNumber() throws Exception {
        CaseworkApi api = new CaseworkApi(mvc, json);
        String title = "档案导出测试" + TestLogin.unique();
        long id = api.caseAwaitingClosure(title, "女，78岁，身份证150207195003120026，独居于沙河镇");
        MockHttpServletResponse r = api.send("demo_worker", "GET", "/api/v1/cases/" + id + "/export.docx", null);
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getHeader("Content-Disposition"))
                .contains("filename*=UTF-8''")
                .contains(".docx");

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            List<String> titles = doc.getParagraphs().stream()
                    .filter(p -> p.getAlignment() == org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER)
                    .map(XWPFParagraph::getText)
                    .filter(t -> !t.isBlank())
                    .toList();
            assertThat(titles).containsSubsequence("个案接案记录表", "预估表", "服务协议", "工作计划表", "过程记录表", "评估表", "结案表");
            // each form after the first starts a new page
            assertThat(doc.getParagraphs().stream()
                            .filter(XWPFParagraph::isPageBreak)
                            .count())
                    .isGreaterThanOrEqualTo(6);
            String tables = doc.getTables().stream().map(XWPFTable::getText).collect(Collectors.joining("\n"));
            assertThat(tables)
                    .contains(title)
                    .contains("案主基本情况")
                    .contains("独居于沙河镇")
                    .contains("需求分析")
                    .contains("情绪支持与照料需求")
                    .contains("服务目标与内容")
                    .contains("每周上门一次")
                    .contains("具体目标")
                    .contains("链接助餐")
                    .contains("本节目标")
                    .contains("计入，第5节")
                    .contains("服务后变化")
                    .contains("每天下楼散步")
                    .contains("结案原因")
                    .contains("服务目标达成");
            assertThat(tables).doesNotContain("150207195003120026").contains("150207********0026");
            // the on-screen signature is in the agreement
            assertThat(doc.getAllPictures()).isNotEmpty();
            XWPFRun run = doc.getParagraphs().get(0).getRuns().get(0);
            assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("宋体");
        }

        // one form alone
        MockHttpServletResponse one =
                api.send("demo_worker", "GET", "/api/v1/cases/" + id + "/forms/ASSESSMENT/export.docx", null);
        assertThat(one.getStatus()).isEqualTo(200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(one.getContentAsByteArray()))) {
            String text =
                    doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("预估表").doesNotContain("结案表");
        }
    }

    @Test
    void groupFileHasPlanUnitsSessionsWithAttendanceAndTheReport() throws Exception {
        CaseworkApi api = new CaseworkApi(mvc, json);
        long station = api.station("demo_worker");
        String name = "导出小组" + TestLogin.unique();
        long id = api.ok(
                        "demo_worker",
                        "POST",
                        "/api/v1/groups",
                        Map.of(
                                "stationId",
                                station,
                                "name",
                                name,
                                "domain",
                                "CHILD",
                                "plan",
                                CaseworkApi.fields(
                                        "planDate",
                                        CaseworkApi.today().toString(),
                                        "background",
                                        "暑期留守儿童无人看护",
                                        "goals",
                                        "安全自护",
                                        "members",
                                        "10 名儿童",
                                        "plannedSessions",
                                        "5",
                                        "schedule",
                                        "每周二下午")))
                .get("id")
                .asLong();
        api.ok(
                "demo_worker",
                "PUT",
                "/api/v1/groups/" + id + "/units/1",
                CaseworkApi.fields(
                        "theme",
                        "认识身体红绿灯",
                        "goals",
                        "学会说不",
                        "plannedDate",
                        CaseworkApi.today().toString(),
                        "activities",
                        "绘本、情景演练"));
        api.session(
                "demo_worker",
                "/api/v1/groups/" + id,
                Map.of(
                        "unitSeq",
                        1,
                        "attendance",
                        "小明 13904720011\n小红 13904720012",
                        "fields",
                        CaseworkApi.fields("sessionGoal", "自护", "process", "情景演练", "outcome", "能说出求助方法")),
                true,
                CaseworkApi.LAT,
                CaseworkApi.LON);
        api.ok(
                "demo_worker",
                "PUT",
                "/api/v1/groups/" + id + "/forms/GROUP_EVALUATION",
                CaseworkApi.fields(
                        "evalDate",
                        CaseworkApi.today().toString(),
                        "goalsMet",
                        "基本达成",
                        "memberChanges",
                        "儿童自护意识增强",
                        "summary",
                        "需扩大招募"));
        MockHttpServletResponse r = api.send("demo_worker", "GET", "/groups/" + id + "/export.docx", null);
        assertThat(r.getStatus()).isEqualTo(200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            String text =
                    doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text)
                    .contains("小组服务计划书")
                    .contains("单元计划书（第1节）")
                    .contains("过程记录表")
                    .contains("评估总结报告");
            String tables = doc.getTables().stream().map(XWPFTable::getText).collect(Collectors.joining("\n"));
            assertThat(tables)
                    .contains("暑期留守儿童无人看护")
                    .contains("认识身体红绿灯")
                    .contains("签到人数")
                    .contains("2 人（要求每节不少于 6 人）")
                    .contains("不计入：签到 2 人")
                    .contains("儿童自护意识增强");
        }
    }
}
