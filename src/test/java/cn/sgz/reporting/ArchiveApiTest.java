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
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.util.ReflectionTestUtils;
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
        assertEveryFileListed(toc, entries);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'ARCHIVE_DOWNLOAD' AND target_id = ?")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    /** 文件清单 lists every file of the ZIP but the 目录 itself, each exactly once, each present. */
    private static void assertEveryFileListed(byte[] toc, Map<String, Integer> entries) throws Exception {
        Set<String> files = new HashSet<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(toc))) {
            Sheet sheet = book.getSheet("文件清单");
            assertThat(sheet).isNotNull();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                String name = row.getCell(0).getStringCellValue();
                assertThat(files.add(name)).as(name).isTrue();
                assertThat(entries).as(name).containsKey(name);
                assertThat((long) row.getCell(2).getNumericCellValue())
                        .as(name)
                        .isEqualTo(entries.get(name).longValue());
            }
        }
        Set<String> inZip = new HashSet<>(entries.keySet());
        inZip.remove("目录.xlsx");
        assertThat(files).isEqualTo(inZip);
    }

    private JsonNode waitFor(String user, long id) throws Exception {
        JsonNode job = api.get(user, "/api/v1/archives/" + id);
        String status = job.get("status").asString();
        for (int i = 0; i < 480 && !status.equals("DONE") && !status.equals("FAILED"); i++) {
            Thread.sleep(250);
            job = api.get(user, "/api/v1/archives/" + id);
            status = job.get("status").asString();
        }
        return job;
    }

    private Map<String, byte[]> unzip(byte[] zipBytes) throws Exception {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                out.put(e.getName(), zip.readAllBytes());
            }
        }
        return out;
    }

    @Autowired
    ArchiveService archives;

    @Autowired
    cn.sgz.reporting.internal.ArchiveRunner runner;

    @Autowired
    cn.sgz.evidence.FileStore fileStore;

    @Test
    void aStationArchiveHoldsCaseFilesStationDocumentsAndPrintablePagesAllListed() throws Exception {
        long project = api.demoProject().get("id").asLong();
        JsonNode job = api.ok(
                api.post("demo_head", "/api/v1/archives", Map.of("projectId", project, "stationId", org.s1.id())), 202);
        assertThat(job.get("estimatedBytes").asLong()).isPositive();
        job = waitFor("demo_head", job.get("id").asLong());
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
        // stored through the file store under its key, not on this instance's disk only
        String key = jdbc.sql("SELECT file_name FROM archive_job WHERE id = ?")
                .param(job.get("id").asLong())
                .query(String.class)
                .single();
        assertThat(key).startsWith("archives/");
        assertThat(fileStore.exists(key)).isTrue();

        MockHttpServletResponse r =
                api.getRaw("demo_head", "/api/v1/archives/" + job.get("id").asLong() + "/download");
        assertThat(r.getStatus()).isEqualTo(200);
        Map<String, byte[]> zip = unzip(r.getContentAsByteArray());
        Map<String, Integer> sizes = new HashMap<>();
        zip.forEach((k, v) -> sizes.put(k, v.length));
        assertEveryFileListed(zip.get("目录.xlsx"), sizes);

        // the casework module's Word files of every case and group of the station
        long caseworkFiles = jdbc.sql("SELECT COUNT(*) FROM cw_case WHERE station_id = ? AND opened_on <= ?")
                        .params(org.s1.id(), ChinaTime.today())
                        .query(Long.class)
                        .single()
                + jdbc.sql("SELECT COUNT(*) FROM cw_group WHERE station_id = ? AND opened_on <= ?")
                        .params(org.s1.id(), ChinaTime.today())
                        .query(Long.class)
                        .single();
        assertThat(caseworkFiles).isPositive();
        assertThat(zip.keySet().stream()
                        .filter(n -> n.contains("/个案与小组档案/") && n.endsWith(".docx"))
                        .count())
                .isEqualTo(caseworkFiles);
        for (String name : zip.keySet()) {
            if (name.endsWith(".docx")) {
                try (var doc = new XWPFDocument(new ByteArrayInputStream(zip.get(name)))) {
                    assertThat(doc.getParagraphs()).as(name).isNotEmpty();
                }
            }
        }
        // the station documents (community module), one folder each
        long documents = jdbc.sql("SELECT COUNT(*) FROM community_document WHERE station_id = ?")
                .param(org.s1.id())
                .query(Long.class)
                .single();
        assertThat(zip.keySet().stream()
                        .filter(n -> n.contains("/站点资料/") && n.endsWith("/说明.txt"))
                        .count())
                .isEqualTo(documents);
        // sign-in sheets as printable pages with masked phones, where counted records have sign-ins
        for (Map.Entry<String, byte[]> e : zip.entrySet()) {
            if (e.getKey().endsWith("/签到表.html") || e.getKey().endsWith("/领取单据.html")) {
                String html = new String(e.getValue(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(html).contains("<table>").contains("联系电话已隐去中间四位");
                assertThat(html).doesNotContainPattern("1[3-9]\\d{9}");
                java.util.regex.Matcher m =
                        java.util.regex.Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
                String folder = e.getKey().substring(0, e.getKey().lastIndexOf('/') + 1);
                while (m.find()) {
                    assertThat(zip).containsKey(folder + m.group(1));
                }
            }
        }
    }

    @Test
    void anArchiveOverTheConfiguredSizeIsRefusedBeforeStartingWithTheEstimateAndTheLimit() throws Exception {
        long project = api.demoProject().get("id").asLong();
        long before =
                jdbc.sql("SELECT COUNT(*) FROM archive_job").query(Long.class).single();
        Object saved = ReflectionTestUtils.getField(archives, "maxBytes");
        ReflectionTestUtils.setField(archives, "maxBytes", 10_000L);
        try {
            JsonNode refused = api.ok(
                    api.post("demo_head", "/api/v1/archives", Map.of("projectId", project, "stationId", org.s1.id())),
                    400);
            assertThat(refused.get("code").asString()).isEqualTo("ARCHIVE_TOO_LARGE");
            assertThat(refused.get("message").asString())
                    .startsWith("资料包预计约")
                    .contains("超过上限 0.0 MB")
                    .contains("请按社工站、指标或截止日期缩小范围");
        } finally {
            ReflectionTestUtils.setField(archives, "maxBytes", saved);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM archive_job")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void aJobLeftRunningByADeadInstanceIsResumedByAnother() throws Exception {
        long project = api.demoProject().get("id").asLong();
        String path = jdbc.sql("SELECT path FROM org_unit WHERE id = ?")
                .param(org.s1.id())
                .query(String.class)
                .single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO archive_job (project_id, station_id, indicator_id, as_of, org_path, status, requested_by, "
                                + "requested_at, version, claimed_by, heartbeat_at, attempts, done_steps, total_steps) "
                                + "VALUES (?,?,NULL,?,?,'RUNNING','demo_head',?,3,'dead-instance',?,1,1,4)")
                .params(
                        project,
                        org.s1.id(),
                        ChinaTime.today(),
                        path,
                        ChinaTime.offsetNow().minusHours(2),
                        ChinaTime.offsetNow().minusHours(1))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        runner.resumeStale(); // (the scheduled sweep may have taken it first: same instance, same result)
        JsonNode job = waitFor("demo_head", id);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(jdbc.sql("SELECT claimed_by FROM archive_job WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo(runner.instance());
        // a second sweep finds nothing left, and a finished job is never claimed again
        assertThat(runner.run(id)).isFalse();
        assertThat(api.getRaw("demo_head", "/api/v1/archives/" + id + "/download")
                        .getStatus())
                .isEqualTo(200);
    }
}
