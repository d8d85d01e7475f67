package cn.sgz.recipient;

import static cn.sgz.recipient.ApiClient.as;
import static cn.sgz.recipient.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sgz.SgzTest;
import cn.sgz.org.XlsxRows;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * The ledger as the system exports it (title rows, typed dates and numbers) is a list the import understands:
 * exported with full ID numbers, checked and confirmed again, it adds nobody, reports no problem, and the ledger
 * exported afterwards is the same row for row.
 */
@SgzTest
class LedgerRoundTripTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long station() {
        return jdbc.sql("SELECT id FROM org_unit WHERE name = '沙河街道社工站'")
                .query(Long.class)
                .single();
    }

    byte[] export(long station) throws Exception {
        return mvc.perform(as(mvc, "demo_worker", get("/api/v1/recipients/export?fullIds=true&unitId=" + station)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    @Test
    void exportThenImportChangesNothing() throws Exception {
        long station = station();
        long peopleBefore =
                jdbc.sql("SELECT COUNT(*) FROM recipient").query(Long.class).single();
        byte[] first = export(station);
        List<List<String>> before = XlsxRows.read(first);
        assertThat(before.size()).as("demo ledger of the station").isGreaterThan(5);

        MvcResult checked = mvc.perform(multipart("/api/v1/recipient-imports")
                        .file(new MockMultipartFile("file", "台账导出.xlsx", "application/octet-stream", first))
                        .param("stationId", String.valueOf(station))
                        .header("Authorization", "Bearer " + ApiClient.token(mvc, "demo_worker")))
                .andReturn();
        assertThat(checked.getResponse().getStatus())
                .as(checked.getResponse().getContentAsString())
                .isEqualTo(201);
        JsonNode report = json(checked);
        assertThat(report.get("problemCount").asInt())
                .as(report.get("problems").toString())
                .isZero();
        assertThat(report.get("dataRows").asInt()).isEqualTo(before.size() - 1);
        assertThat(report.get("toCreate").asInt()).isZero();
        assertThat(report.get("status").asString()).isEqualTo("CHECKED");

        int confirmed = mvc.perform(as(
                        mvc,
                        "demo_worker",
                        post("/api/v1/recipient-imports/"
                                + report.get("importId").asLong() + "/confirm")))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(confirmed).isEqualTo(200);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM recipient").query(Long.class).single())
                .isEqualTo(peopleBefore);
        List<List<String>> after = XlsxRows.read(export(station));
        assertThat(after).containsExactlyElementsOf(before);
    }
}
