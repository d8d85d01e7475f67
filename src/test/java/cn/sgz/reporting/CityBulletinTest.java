package cn.sgz.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.SgzTest;
import cn.sgz.org.DemoOrg;
import cn.sgz.shared.ChinaTime;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * 市级季度通报: the counties of the city side by side, each county the sum of its projects' county
 * bulletins for the quarter; as page, Word and Excel for the city; a county user (or a station) cannot
 * get it, and a unit that is not a city in the caller's scope answers 404.
 */
@SgzTest
class CityBulletinTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    ReportTestClient api;
    DemoOrg org;

    @BeforeEach
    void setUp() throws Exception {
        api = new ReportTestClient(mvc, json);
        org = DemoOrg.load(api.login);
    }

    @Test
    void countiesAreTheSumOfTheirCountyBulletins() throws Exception {
        JsonNode b = api.get("demo_city", "/api/v1/reports/bulletins/city");
        assertThat(b.get("cityName").asString()).isEqualTo(DemoOrg.CITY);
        LocalDate from = LocalDate.parse(b.get("from").asString());
        LocalDate to = LocalDate.parse(b.get("to").asString());
        assertThat(from)
                .isEqualTo(LocalDate.of(
                        ChinaTime.today().getYear(), ((ChinaTime.today().getMonthValue() - 1) / 3) * 3 + 1, 1));
        JsonNode county = null;
        for (JsonNode c : b.get("counties")) {
            if (c.get("countyName").asString().equals(DemoOrg.COUNTY)) {
                county = c;
            }
        }
        assertThat(county).as(b.toString()).isNotNull();

        // the county bulletins of every project of the county running in the quarter, summed
        long met = 0;
        long stations = 0;
        long counted = 0;
        int projects = 0;
        for (JsonNode p : api.get("demo_city", "/api/v1/projects")) {
            LocalDate start = LocalDate.parse(p.get("startDate").asString());
            LocalDate end = LocalDate.parse(p.get("endDate").asString());
            if (p.get("bureauId").asLong() != org.county.id()
                    || start.isAfter(to)
                    || end.isBefore(from)
                    || start.isAfter(ChinaTime.today())) {
                continue;
            }
            projects++;
            JsonNode cb = api.get(
                    "demo_city",
                    "/api/v1/reports/bulletins/quarterly?projectId="
                            + p.get("id").asLong());
            for (JsonNode s : cb.get("stations")) {
                met += s.get("met").asLong();
                counted += s.get("counted").asLong();
                stations++;
            }
        }
        assertThat(county.get("projects").asInt()).isEqualTo(projects).isPositive();
        assertThat(county.get("stations").asLong()).isEqualTo(stations);
        assertThat(county.get("met").asLong()).isEqualTo(met);
        assertThat(county.get("counted").asLong()).isEqualTo(counted);
        assertThat(county.get("rank").asInt()).isEqualTo(1);

        // Word: the counties' table; Excel: typed numbers
        MockHttpServletResponse word = api.getRaw("demo_city", "/api/v1/reports/bulletins/city/word");
        assertThat(word.getStatus()).isEqualTo(200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(word.getContentAsByteArray()))) {
            assertThat(doc.getParagraphs().get(0).getText())
                    .isEqualTo(DemoOrg.CITY + "社工站" + b.get("quarterLabel").asString() + "工作通报");
            XWPFTable t = doc.getTables().get(0);
            assertThat(t.getRow(0).getCell(1).getText()).isEqualTo("区县");
            assertThat(t.getNumberOfRows()).isEqualTo(b.get("counties").size() + 1);
            assertThat(t.getRow(1).getCell(1).getText())
                    .isEqualTo(b.get("counties").get(0).get("countyName").asString());
        }
        MockHttpServletResponse excel = api.getRaw("demo_city", "/api/v1/reports/bulletins/city/excel");
        assertThat(excel.getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(excel.getContentAsByteArray()))) {
            Sheet rank = book.getSheet("区县排名");
            assertThat(rank.getRow(0).getCell(0).getStringCellValue()).contains("季度通报");
            assertThat(rank.getRow(3).getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat((long) rank.getRow(3).getCell(5).getNumericCellValue())
                    .isEqualTo(b.get("counties").get(0).get("met").asLong());
        }

        // the page, with its downloads
        var session = api.login.login("demo_city");
        String page = mvc.perform(
                        MockMvcRequestBuilders.get("/reports/city-bulletin").cookie(session))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page)
                .contains("id=\"county-ranking\"")
                .contains(DemoOrg.COUNTY)
                .contains("/reports/city-bulletin/word");
    }

    @Test
    void onlyTheCityReadsItAndOnlyItsOwnCity() throws Exception {
        for (String user : new String[] {"demo_bureau", "demo_head", "demo_agency"}) {
            assertThat(api.getRaw(user, "/api/v1/reports/bulletins/city").getStatus())
                    .as(user)
                    .isEqualTo(403);
            assertThat(api.getRaw(user, "/api/v1/reports/bulletins/city?cityId=" + org.city.id())
                            .getStatus())
                    .as(user)
                    .isEqualTo(403);
            assertThat(api.getRaw(user, "/api/v1/reports/bulletins/city/word").getStatus())
                    .as(user)
                    .isEqualTo(403);
        }
        // a unit that is not a city, or no unit at all, answers like an unknown one
        assertThat(api.getRaw("demo_city", "/api/v1/reports/bulletins/city?cityId=" + org.county.id())
                        .getStatus())
                .isEqualTo(404);
        assertThat(api.getRaw("demo_city", "/api/v1/reports/bulletins/city?cityId=987654321")
                        .getStatus())
                .isEqualTo(404);
        // a quarter must start on a quarter's first day
        assertThat(api.getRaw("demo_city", "/api/v1/reports/bulletins/city?quarterStart=2026-11-01")
                        .getStatus())
                .isEqualTo(400);
        // the bureau's own project list holds only its county's projects
        for (JsonNode p : api.get("demo_bureau", "/api/v1/projects")) {
            assertThat(p.get("bureauId").asLong()).isEqualTo(org.county.id());
        }
        // and the link is offered to the city only
        var bureau = api.login.login("demo_bureau");
        long project = api.demoProject().get("id").asLong();
        String list = mvc.perform(MockMvcRequestBuilders.get("/reports?projectId=" + project)
                        .cookie(bureau))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(list).doesNotContain("city-bulletin-link");
    }
}
