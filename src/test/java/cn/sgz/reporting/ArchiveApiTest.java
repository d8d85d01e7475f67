package cn.sgz.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.SgzTest;
import cn.sgz.catalog.RuleKind;
import cn.sgz.org.DemoOrg;
import cn.sgz.org.DemoUsers;
import cn.sgz.progress.ComplianceService;
import cn.sgz.progress.Drilldown;
import cn.sgz.progress.IndicatorResult;
import cn.sgz.progress.SubPeriodResult;
import cn.sgz.shared.ChinaTime;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The evidence archive of one station and indicator: built in the background, its 目录.xlsx lists every
 * record the engine counted for the indicator (all sub-periods due so far), every file the 目录 names is
 * in the ZIP, and the job is invisible outside the requester's scope.
 */
@SgzTest
class ArchiveApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ComplianceService compliance;

    @Autowired
    DemoUsers demoUsers;

    @Autowired
    JdbcClient jdbc;

    ReportTestClient api;
    DemoOrg org;

    @BeforeEach
    void setUp() throws Exception {
        api = new ReportTestClient(mvc, json);
        org = DemoOrg.load(api.login);
    }

    @Test
    void theTableOfContentsListsEveryCountedRecordAndEveryFileItNamesIsInTheZip() throws Exception {
        long project = api.demoProject().get("id").asLong();
        LocalDate today = ChinaTime.today();
        // an activity-count indicator of 沙河 with counted records, and what the engine counts for it
        Set<Long> expected = new HashSet<>();
        long indicatorId = demoUsers.callAs("demo_head", () -> {
            for (IndicatorResult r :
                    compliance.compute(project, org.s1.id(), today).get(0).indicators()) {
                if (r.kind() != RuleKind.ACTIVITY_COUNT
                        || r.actual() == null
                        || r.actual().compareTo(BigDecimal.ZERO) <= 0) {
                    continue;
                }
                for (SubPeriodResult s : r.subPeriods()) {
                    if (!s.from().isAfter(today)) {
                        Drilldown d = compliance.drilldown(project, r.indicatorId(), org.s1.id(), today, s.label());
                        d.counted().forEach(x -> expected.add(x.id()));
                    }
                }
                return r.indicatorId();
            }
            return -1L;
        });
        assertThat(indicatorId).isPositive();
        assertThat(expected).isNotEmpty();

        JsonNode job = api.ok(
                api.post(
                        "demo_head",
                        "/api/v1/archives",
                        Map.of("projectId", project, "stationId", org.s1.id(), "indicatorId", indicatorId)),
                202);
        long id = job.get("id").asLong();
        assertThat(api.getRaw("demo_worker2", "/api/v1/archives/" + id).getStatus())
                .isEqualTo(404);
        String status = job.get("status").asString();
        for (int i = 0; i < 240 && !status.equals("DONE") && !status.equals("FAILED"); i++) {
            Thread.sleep(250);
            job = api.get("demo_head", "/api/v1/archives/" + id);
            status = job.get("status").asString();
        }
        assertThat(status).as(job.toString()).isEqualTo("DONE");
        assertThat(job.get("doneSteps").asInt())
                .isEqualTo(job.get("totalSteps").asInt())
                .isEqualTo(1);

        MockHttpServletResponse r = api.getRaw("demo_head", "/api/v1/archives/" + id + "/download");
        assertThat(r.getStatus()).isEqualTo(200);
        Map<String, Integer> entries = new HashMap<>();
        byte[] toc = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] bytes = zip.readAllBytes();
                entries.put(e.getName(), bytes.length);
                if (e.getName().equals("目录.xlsx")) {
                    toc = bytes;
                }
                assertThat(e.getName())
                        .doesNotContain("..")
                        .doesNotStartWith("/")
                        .doesNotContain("\\");
            }
        }
        assertThat(toc).isNotNull();
        Set<Long> listed = new HashSet<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(toc))) {
            Sheet sheet = book.getSheet("目录");
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                listed.add((long) row.getCell(7).getNumericCellValue());
                for (String file : row.getCell(8).getStringCellValue().split("；")) {
                    assertThat(entries).as(file).containsKey(file);
                    assertThat(entries.get(file)).as(file).isPositive();
                }
            }
        }
        assertThat(listed).isEqualTo(expected);
        assertThat(entries.keySet()).anyMatch(n -> n.contains("/照片"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'ARCHIVE_DOWNLOAD' AND target_id = ?")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
