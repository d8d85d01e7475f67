package cn.sgz.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.sgz.SgzTest;
import cn.sgz.org.TestLogin;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Issue #23: repeated parts of pages are rendered once per distinct content. A repeated page renders nothing again,
 * each user still sees their own page, and a change in the figures shows at once.
 */
@SgzTest
class RenderedFragmentsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    RenderedFragments fragments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    jakarta.servlet.ServletContext servletContext;

    String page(Cookie who, String path) throws Exception {
        var response = mvc.perform(get(path).cookie(who)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aRepeatedHomePageIsTheSameAndRendersNoFragmentAgain() throws Exception {
        Cookie worker = new TestLogin(mvc).login("demo_worker");
        String first = page(worker, "/");
        long renders = fragments.renders();
        String second = page(worker, "/");
        assertThat(fragments.renders())
                .as("fragments rendered by the second load")
                .isEqualTo(renders);
        // the same page but for the CSRF token of the session, which is not in any fragment
        assertThat(withoutCsrf(second)).isEqualTo(withoutCsrf(first));
        assertThat(second).contains("今天要做的事").contains("nav-link").contains("需关注的指标");
    }

    @Test
    void eachRoleStillSeesItsOwnHomeAndNavigation() throws Exception {
        String worker = page(new TestLogin(mvc).login("demo_worker"), "/");
        String bureau = page(new TestLogin(mvc).login("demo_bureau"), "/");
        assertThat(worker).contains("驻站社工工作台").doesNotContain("本区县社工站工作台").doesNotContain("href=\"/audit\"");
        assertThat(bureau).contains("本区县社工站工作台").doesNotContain("驻站社工工作台").contains("href=\"/audit\"");
        // the active menu entry follows the page
        String records = page(new TestLogin(mvc).login("demo_worker"), "/records");
        assertThat(records)
                .containsPattern(
                        "href=\"/records\"[^>]*class=\"nav-link active\"|class=\"nav-link active\"[^>]*href=\"/records\"");
        assertThat(worker)
                .containsPattern("href=\"/\"[^>]*class=\"nav-link active\"|class=\"nav-link active\"[^>]*href=\"/\"");
    }

    @Test
    void aChangeInTheStoredFiguresShowsOnTheBoardAtOnce() throws Exception {
        Cookie bureau = new TestLogin(mvc).login("demo_bureau");
        long project = jdbc.sql("SELECT id FROM project WHERE name LIKE ? ORDER BY id")
                .param("九原区民政领域社会工作服务项目%")
                .query(Long.class)
                .list()
                .get(0);
        String board = "/progress/projects/" + project;
        page(bureau, board);
        String before = page(bureau, board);
        assertThat(before).contains("id=\"county-table\"");
        // a station's stored name changes (as a recomputation would store new figures): the next load shows it
        long station = jdbc.sql("SELECT station_id FROM compliance_snapshot WHERE project_id = ? ORDER BY station_id")
                .param(project)
                .query(Long.class)
                .list()
                .get(0);
        String name = jdbc.sql("SELECT station_name FROM compliance_snapshot WHERE project_id = ? AND station_id = ?")
                .params(project, station)
                .query(String.class)
                .single();
        try {
            jdbc.sql("UPDATE compliance_snapshot SET station_name = ? WHERE project_id = ? AND station_id = ?")
                    .params("缓存测试站", project, station)
                    .update();
            String after = page(bureau, board);
            assertThat(after).contains("缓存测试站");
        } finally {
            jdbc.sql("UPDATE compliance_snapshot SET station_name = ? WHERE project_id = ? AND station_id = ?")
                    .params(name, project, station)
                    .update();
        }
        assertThat(page(bureau, board)).doesNotContain("缓存测试站");
    }

    record Figure(String name, BigDecimal value, LocalDate on, List<String> notes) {}

    /** A record that compares only part of itself: as a key it is still compared in full. */
    record ById(long id, String name) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ById b && b.id == id;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(id);
        }
    }

    @Test
    void aRecordThatComparesOnlyPartOfItselfIsStillTellingApart() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(
                new MockHttpServletRequest(servletContext), new MockHttpServletResponse()));
        try {
            String first = fragments.render("testing/fragments", "names", "values", List.of(new ById(7, "甲站")));
            String second = fragments.render("testing/fragments", "names", "values", List.of(new ById(7, "乙站")));
            assertThat(first).contains("甲站");
            assertThat(second)
                    .as("the same id, another name: not the cached fragment")
                    .contains("乙站");
            long renders = fragments.renders();
            assertThat(fragments.render("testing/fragments", "names", "values", List.of(new ById(7, "乙站"))))
                    .isEqualTo(second);
            assertThat(fragments.renders())
                    .as("the same values again are reused")
                    .isEqualTo(renders);
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    @Test
    void onlyPlainValuesAreKeys() {
        assertThat(RenderedFragments.isValue(
                        new Figure("a", BigDecimal.ONE, LocalDate.of(2026, 12, 7), List.of("x")), 0))
                .isTrue();
        assertThat(RenderedFragments.isValue(Map.of("k", List.of(1L, 2L)), 0)).isTrue();
        assertThat(new ById(1, "a")).isEqualTo(new ById(1, "b"));
        assertThat(RenderedFragments.keyOf(new ById(1, "a"), 0))
                .isNotEqualTo(RenderedFragments.keyOf(new ById(1, "b"), 0))
                .isEqualTo(RenderedFragments.keyOf(new ById(1, "a"), 0));
        assertThat(RenderedFragments.keyOf(new BigDecimal("1.0"), 0))
                .isNotEqualTo(RenderedFragments.keyOf(new BigDecimal("1.00"), 0));
        assertThat(RenderedFragments.isValue(new ArrayList<>(List.of(new Object())), 0))
                .isFalse();
        assertThat(RenderedFragments.isValue(new StringBuilder("mutable"), 0)).isFalse();
        assertThat(RenderedFragments.isValue(new String[] {"array"}, 0)).isFalse();
    }

    private static String withoutCsrf(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
                .replaceAll("<meta name=\"_csrf\" content=\"[^\"]*\">", "");
    }
}
