package cn.sgz.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.sgz.SgzTest;
import cn.sgz.org.ApiAnswer;
import cn.sgz.org.TestLogin;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * 已录入全国平台 as a per-record check: the demo contract's O10.4 (volunteer activities entered in 全国志愿服务信息系统)
 * counts a record only once a worker marks it entered; the mark carries a date and an optional number, is guarded
 * by the record's version, audited, shown on the record page and in the drill-down reasons.
 */
@SgzTest
class PlatformEntryApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    Cookie login(String user) throws Exception {
        return new TestLogin(mvc).login(user);
    }

    JsonNode call(MvcResult r, int status) throws Exception {
        return ApiAnswer.expect(r, status);
    }

    JsonNode mark(Cookie s, long record, Map<String, Object> body, int status) throws Exception {
        return call(
                mvc.perform(put("/api/v1/service-records/" + record + "/platform-entry")
                                .cookie(s)
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json.writeValueAsString(body)))
                        .andReturn(),
                status);
    }

    /** O10.4 at the station in the month of the date: the figure, and the month's label for the drill-down. */
    JsonNode month(Cookie s, long project, long station, LocalDate date) throws Exception {
        JsonNode board = call(
                mvc.perform(get("/api/v1/projects/" + project + "/compliance?stationId=" + station)
                                .cookie(s))
                        .andReturn(),
                200);
        for (JsonNode ind : board.get(0).get("indicators")) {
            if (ind.get("code").asText().equals("O10.4")) {
                assertThat(ind.get("status").asText()).isNotEqualTo("NOT_CONNECTED");
                for (JsonNode sp : ind.get("subPeriods")) {
                    if (!LocalDate.parse(sp.get("from").asText()).isAfter(date)
                            && !LocalDate.parse(sp.get("to").asText()).isBefore(date)) {
                        return sp;
                    }
                }
            }
        }
        throw new AssertionError("O10.4 has no sub-period with " + date);
    }

    JsonNode drilldown(Cookie s, long project, long indicator, long station, String period) throws Exception {
        return call(
                mvc.perform(get("/api/v1/projects/" + project + "/compliance/" + indicator + "/records")
                                .param("stationId", Long.toString(station))
                                .param("period", period)
                                .cookie(s))
                        .andReturn(),
                200);
    }

    static boolean lists(JsonNode refs, long id) {
        for (JsonNode r : refs) {
            if (r.get("id").asLong() == id) {
                return true;
            }
        }
        return false;
    }

    static JsonNode ref(JsonNode refs, long id) {
        for (JsonNode r : refs) {
            if (r.get("id").asLong() == id) {
                return r;
            }
        }
        throw new AssertionError("record " + id + " not listed");
    }

    @Test
    void aRecordCountsForAPlatformStandardOnlyOnceMarkedEnteredVersionedAndAudited() throws Exception {
        Cookie worker = login("demo_worker2");
        long project = jdbc.sql("SELECT id FROM project WHERE name LIKE '九原区民政领域社会工作服务项目%'")
                .query(Long.class)
                .single();
        long indicator = jdbc.sql(
                        "SELECT ci.id FROM catalog_indicator ci JOIN project p ON p.catalog_id = ci.catalog_id "
                                + "WHERE p.id = ? AND ci.code = 'O10.4'")
                .param(project)
                .query(Long.class)
                .single();
        // the demo's earlier volunteer activity of station 2, not entered in the platform
        Map<String, Object> row = jdbc.sql("SELECT r.id, r.station_id, r.service_date FROM service_record r "
                        + "JOIN app_user u ON u.id = r.created_by_id WHERE u.username = 'demo_worker2' "
                        + "AND r.title = '环境清洁志愿服务' AND r.status = 'ACTIVE'")
                .query()
                .singleRow();
        long id = ((Number) row.get("id")).longValue();
        long station = ((Number) row.get("station_id")).longValue();
        LocalDate date = LocalDate.parse(row.get("service_date").toString());

        JsonNode before = month(worker, project, station, date);
        String period = before.get("label").asText();
        JsonNode drill = drilldown(worker, project, indicator, station, period);
        assertThat(lists(drill.get("counted"), id)).isFalse();
        assertThat(ref(drill.get("excluded"), id).get("reasons").toString()).contains("未录入全国平台：须录入全国志愿服务信息系统后才计入");

        JsonNode record = call(
                        mvc.perform(get("/api/v1/service-records/" + id).cookie(worker))
                                .andReturn(),
                        200)
                .get("record");
        assertThat(record.path("platformEnteredOn").isMissingNode()
                        || record.get("platformEnteredOn").isNull())
                .as("not entered")
                .isTrue();
        long version = record.get("version").asLong();
        // the record page shows its own status and the form
        String page = mvc.perform(get("/records/" + id).cookie(worker))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"platform-status\"").contains("未录入全国平台").contains("id=\"platform-form\"");

        // bad input names the field; a stale version changes nothing (409); a bureau officer does no station work
        JsonNode noDate = mark(worker, id, Map.of("entered", true, "version", version), 400);
        assertThat(noDate.toString()).contains("enteredOn").contains("请填写录入全国平台的日期");
        mark(worker, id, Map.of("entered", true, "enteredOn", date.minusDays(1).toString(), "version", version), 400);
        mark(worker, id, Map.of("entered", true, "enteredOn", date.toString(), "version", version + 7), 409);
        mark(login("demo_bureau"), id, Map.of("entered", true, "enteredOn", date.toString(), "version", version), 403);
        assertThat(month(worker, project, station, date).get("actual").asInt())
                .isEqualTo(before.get("actual").asInt());

        JsonNode marked = mark(
                worker,
                id,
                Map.of(
                        "entered",
                        true,
                        "enteredOn",
                        date.plusDays(1).toString(),
                        "reference",
                        "ZYFW-TEST-0001",
                        "version",
                        version),
                200);
        assertThat(marked.get("platformEnteredOn").asText())
                .isEqualTo(date.plusDays(1).toString());
        assertThat(marked.get("platformRef").asText()).isEqualTo("ZYFW-TEST-0001");
        assertThat(marked.get("version").asLong()).isEqualTo(version + 1);
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'RECORD_PLATFORM_ENTERED' AND target_id = ?")
                        .param(String.valueOf(id)) // target_id is text: PostgreSQL does not compare it with a number
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(month(worker, project, station, date).get("actual").asInt())
                .isEqualTo(before.get("actual").asInt() + 1);
        JsonNode after = drilldown(worker, project, indicator, station, period);
        assertThat(ref(after.get("counted"), id).get("notes").toString()).contains("已录入全国平台（全国志愿服务信息系统）");

        // the page form works too: back to not entered
        mvc.perform(post("/records/" + id + "/platform-entry")
                        .cookie(worker)
                        .with(csrf())
                        .param("entered", "false")
                        .param("version", Long.toString(version + 1)))
                .andReturn();
        assertThat(jdbc.sql("SELECT platform_entered_on IS NULL FROM service_record WHERE id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'RECORD_PLATFORM_CLEARED' AND target_id = ?")
                        .param(String.valueOf(id)) // target_id is text: PostgreSQL does not compare it with a number
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(month(worker, project, station, date).get("actual").asInt())
                .isEqualTo(before.get("actual").asInt());
    }

    @Test
    void theDemoShowsEnteredAndNotEnteredRecords() {
        long entered = jdbc.sql("SELECT COUNT(*) FROM service_record WHERE platform_entered_on IS NOT NULL")
                .query(Long.class)
                .single();
        long notEntered = jdbc.sql("SELECT COUNT(*) FROM service_record WHERE kind = 'VOLUNTEER_ACTIVITY' "
                        + "AND platform_entered_on IS NULL")
                .query(Long.class)
                .single();
        assertThat(entered).isGreaterThanOrEqualTo(3);
        assertThat(notEntered).isGreaterThanOrEqualTo(1);
    }
}
