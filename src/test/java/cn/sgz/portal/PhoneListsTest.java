package cn.sgz.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.sgz.SgzTest;
import cn.sgz.org.TestLogin;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #16 item 6: lists that work on a phone — the record list exports (all pages, the list's filter) to Excel;
 * cases, groups, volunteers, relief and the ledger filter by a date range, a status and a kind, page, and their
 * tables are marked to become cards on a narrow screen.
 */
@SgzTest
class PhoneListsTest {

    private static final Pattern ROW_DATE = Pattern.compile("data-label=\"日期\"[^>]*>(\\d{4}-\\d{2}-\\d{2})<");

    @Autowired
    MockMvc mvc;

    private MockHttpServletResponse fetch(Cookie s, String url) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url).cookie(s)).andReturn().getResponse();
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        return r;
    }

    private String page(Cookie s, String url) throws Exception {
        return fetch(s, url).getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void recordListExportsEveryFilteredRecordToExcel() throws Exception {
        Cookie worker = new TestLogin(mvc).login("demo_worker");
        String list = page(worker, "/records?kind=FOLLOW_UP_VISIT");
        assertThat(list)
                .contains("id=\"records-export\"")
                .contains("/records/export?stationId=&amp;kind=FOLLOW_UP_VISIT&amp;");
        Matcher total = Pattern.compile("共 <b>(\\d+)</b> 条").matcher(list);
        assertThat(total.find()).isTrue();
        int expected = Integer.parseInt(total.group(1));
        assertThat(expected).isPositive();

        MockHttpServletResponse xlsx = fetch(worker, "/records/export?kind=FOLLOW_UP_VISIT");
        assertThat(xlsx.getContentType()).contains("spreadsheetml");
        List<String> kinds = new ArrayList<>();
        int headerRow = -1;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter f = new DataFormatter();
            for (Row row : sheet) {
                if (headerRow < 0 && "服务日期".equals(f.formatCellValue(row.getCell(1)))) {
                    headerRow = row.getRowNum();
                    assertThat(f.formatCellValue(row.getCell(11))).isEqualTo("认定");
                    continue;
                }
                if (headerRow >= 0 && !f.formatCellValue(row.getCell(3)).isBlank()) {
                    kinds.add(f.formatCellValue(row.getCell(3)));
                }
            }
        }
        assertThat(headerRow).as("header row").isNotNegative();
        // every page of the filtered list, not the 30 of the first page, and only that kind
        assertThat(kinds).hasSize(expected).containsOnly("上门回访");

        // the API gives the same file
        assertThat(fetch(worker, "/api/v1/service-records/export?kind=FOLLOW_UP_VISIT")
                        .getContentAsByteArray())
                .isNotEmpty();
    }

    @Test
    void casesGroupsVolunteersReliefAndLedgerFilterByDateStatusAndKind() throws Exception {
        Cookie worker = new TestLogin(mvc).login("demo_worker");

        String cases = page(worker, "/cases");
        assertThat(cases).contains("name=\"from\"").contains("name=\"to\"").contains("name=\"domain\"");
        assertThat(cases).contains("王奶奶居家安全与情绪支持个案");
        // a range that ends before any case was opened leaves none; the 服务领域 filter keeps only that kind
        assertThat(page(worker, "/cases?to=2000-01-01")).contains("暂无个案").doesNotContain("王奶奶居家安全");
        assertThat(page(worker, "/cases?domain=CHILD")).contains("留守儿童学业支持个案").doesNotContain("王奶奶居家安全与情绪支持个案");

        assertThat(page(worker, "/groups")).contains("“银龄互助”老年人互助小组").contains("name=\"from\"");
        assertThat(page(worker, "/groups?to=2000-01-01")).contains("暂无记录");
        assertThat(page(worker, "/groups?domain=CHILD")).doesNotContain("“银龄互助”老年人互助小组");

        String volunteers = page(worker, "/volunteers");
        assertThat(volunteers).contains("id=\"volunteers-table\" data-testid=\"volunteers-table\" class=\"cards\"");
        assertThat(volunteers).contains("已注册").contains("未注册");
        assertThat(page(worker, "/volunteers?registered=false")).doesNotContain(">已注册</span>");
        assertThat(page(worker, "/volunteers?to=2000-01-01")).contains("没有志愿者");

        String relief = page(worker, "/charity/relief");
        assertThat(relief).contains("id=\"relief-filter\"").contains("class=\"cards\"");
        for (Matcher m = ROW_DATE.matcher(page(worker, "/charity/relief?from=2026-10-01&to=2026-12-31")); m.find(); ) {
            assertThat(m.group(1)).isBetween("2026-10-01", "2026-12-31");
        }
        assertThat(page(worker, "/charity/relief?status=COUNTS")).doesNotContain(">不计入</span>");

        String ledger = page(worker, "/recipients");
        assertThat(ledger).contains("id=\"ledger-table\" class=\"cards\"").contains("name=\"assessedFrom\"");
        String assessedNever = page(worker, "/recipients?assessedTo=2000-01-01");
        assertThat(assessedNever).contains("没有符合条件的服务对象");
        // the API filters the same way
        assertThat(page(worker, "/api/v1/recipients?assessedTo=2000-01-01")).contains("\"total\":0");
        assertThat(page(worker, "/api/v1/recipients")).doesNotContain("\"total\":0");
    }

    @Test
    void theApiListsFilterLikeThePages() throws Exception {
        Cookie worker = new TestLogin(mvc).login("demo_worker");
        assertThat(page(worker, "/api/v1/cases")).contains("王奶奶居家安全与情绪支持个案");
        assertThat(page(worker, "/api/v1/cases?to=2000-01-01")).isEqualTo("[]");
        assertThat(page(worker, "/api/v1/cases?domain=CHILD"))
                .contains("留守儿童学业支持个案")
                .doesNotContain("王奶奶居家安全与情绪支持个案");
        assertThat(page(worker, "/api/v1/groups")).contains("“银龄互助”老年人互助小组");
        assertThat(page(worker, "/api/v1/groups?to=2000-01-01")).isEqualTo("[]");
        assertThat(page(worker, "/api/v1/groups?domain=CHILD")).doesNotContain("“银龄互助”老年人互助小组");
        assertThat(page(worker, "/api/v1/volunteers")).isNotEqualTo("[]");
        assertThat(page(worker, "/api/v1/volunteers?to=2000-01-01")).isEqualTo("[]");
        String all = page(worker, "/api/v1/charity/relief-events");
        String counted = page(worker, "/api/v1/charity/relief-events?status=COUNTS");
        String excluded = page(worker, "/api/v1/charity/relief-events?status=EXCLUDED");
        String voided = page(worker, "/api/v1/charity/relief-events?status=VOIDED");
        assertThat(counted).contains("\"counts\":true").doesNotContain("\"counts\":false");
        assertThat(excluded).doesNotContain("\"counts\":true").doesNotContain("\"voided\":true");
        MockHttpServletResponse bad = mvc.perform(
                        get("/api/v1/charity/relief-events?status=DONE").cookie(worker))
                .andReturn()
                .getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8))
                .contains("status")
                .contains("状态只能是");
        // the three states split the whole list
        assertThat(events(counted) + events(excluded) + events(voided)).isEqualTo(events(all));
    }

    private static int events(String json) {
        return json.split("\"voided\":", -1).length - 1;
    }
}
