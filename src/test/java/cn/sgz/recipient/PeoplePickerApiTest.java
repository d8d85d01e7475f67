package cn.sgz.recipient;

import static cn.sgz.recipient.ApiClient.as;
import static cn.sgz.recipient.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.sgz.SgzTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The people picker's search (#16 item 2) and a person's history (#16 item 3): found by name, ID tail, phone tail
 * and village; household members and recently served people first; scoped and masked.
 */
@SgzTest
class PeoplePickerApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    JsonNode api(String user, String path) throws Exception {
        var r = mvc.perform(as(mvc, user, get(path))).andReturn();
        assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
        return json(r);
    }

    int status(String user, String path) throws Exception {
        return mvc.perform(as(mvc, user, get(path))).andReturn().getResponse().getStatus();
    }

    /** A person on demo_worker's ledger (station 1), as the ledger API shows it to the worker. */
    JsonNode someone(int index) throws Exception {
        return api("demo_worker", "/api/v1/recipients?size=50").get("items").get(index);
    }

    /** A person on demo_worker's ledger with a phone number, from the index-th on. */
    JsonNode someoneWithPhone(int index) throws Exception {
        JsonNode items = api("demo_worker", "/api/v1/recipients?size=50").get("items");
        for (int i = index; i < items.size(); i++) {
            if (items.get(i).hasNonNull("phone")
                    && items.get(i).get("phone").asText().length() >= 7) {
                return items.get(i);
            }
        }
        throw new AssertionError("demo ledger without phones");
    }

    static List<Long> ids(JsonNode list) {
        List<Long> out = new ArrayList<>();
        list.forEach(p -> out.add(p.get("id").asLong()));
        return out;
    }

    /** MockMvc encodes the URI template itself: pass the text as typed. */
    static String q(String s) {
        return s;
    }

    @Test
    void findsPeopleByTwoCharactersOfTheirNameByIdTailPhoneTailAndVillage() throws Exception {
        JsonNode p = someoneWithPhone(7);
        long id = p.get("id").asLong();
        String name = p.get("name").asText();
        assertThat(ids(api("demo_worker", "/api/v1/people?q=" + q(name.substring(0, 2)) + "&limit=30")))
                .contains(id);
        String masked = p.get("maskedIdNumber").asText();
        String tail = masked.substring(masked.length() - 4);
        JsonNode byTail = api("demo_worker", "/api/v1/people?q=" + tail + "&limit=30");
        assertThat(ids(byTail)).contains(id);
        byTail.forEach(x -> assertThat(x.get("hint").asText()).contains("身份证尾号" + tail.toUpperCase()));
        String phone = p.get("phone").asText();
        assertThat(ids(api("demo_worker", "/api/v1/people?q=" + phone.substring(phone.length() - 5) + "&limit=30")))
                .contains(id);
        String village = p.get("orgUnitName").asText();
        JsonNode byVillage = api("demo_worker", "/api/v1/people?q=" + q(village) + "&limit=30");
        assertThat(byVillage.size()).isGreaterThan(0);
        byVillage.forEach(x -> assertThat(x.get("hint").asText()).startsWith(village));
        // nothing in any answer is a full ID number or a full phone number
        for (JsonNode x : byTail) {
            assertThat(x.toString()).doesNotContainPattern("\\d{11}").doesNotContainPattern("\\d{6}(19|20)\\d{2}");
            assertThat(x.get("hint").asText()).contains("****");
        }
    }

    @Test
    void answersOnlyInsideTheUsersScope() throws Exception {
        JsonNode p = someone(3);
        String name = p.get("name").asText();
        long station1 = p.get("stationId").asLong();
        JsonNode foreign = api("demo_worker2", "/api/v1/people?q=" + q(name) + "&limit=30");
        assertThat(ids(foreign)).doesNotContain(p.get("id").asLong());
        foreign.forEach(x -> assertThat(x.get("stationId").asLong()).isNotEqualTo(station1));
        assertThat(status("demo_worker2", "/api/v1/people?q=a&stationId=" + station1))
                .isEqualTo(404);
        assertThat(status("demo_worker2", "/api/v1/recipients/" + p.get("id").asLong() + "/history"))
                .isEqualTo(404);
    }

    @Test
    void offersHouseholdMembersOfThosePickedAndRecentlyServedPeopleFirst() throws Exception {
        long station1 = someone(0).get("stationId").asLong();
        long[] pair = jdbc.sql("SELECT m.recipient_id, m.linked_recipient_id FROM recipient_member m"
                        + " JOIN recipient r ON r.id = m.recipient_id WHERE m.linked_recipient_id IS NOT NULL"
                        + " AND r.station_id = ? ORDER BY m.id LIMIT 1")
                .param(station1)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        JsonNode near = api("demo_worker", "/api/v1/people?near=" + pair[0]);
        assertThat(near.get(0).get("id").asLong()).isEqualTo(pair[1]);
        assertThat(near.get(0).get("why").asText()).isEqualTo("同户");
        assertThat(ids(near)).doesNotContain(pair[0]); // someone already picked is not offered again
        // the other direction: picking the linked person offers the one who lists them
        assertThat(api("demo_worker", "/api/v1/people?near=" + pair[1])
                        .get(0)
                        .get("id")
                        .asLong())
                .isEqualTo(pair[0]);
        // with nothing typed and nobody picked: the people demo_worker served lately, latest first
        JsonNode recent = api("demo_worker", "/api/v1/people");
        assertThat(recent.size()).isGreaterThan(0);
        recent.forEach(x -> assertThat(x.get("why").asText()).isEqualTo("最近服务"));
        long latest = jdbc.sql("SELECT p.recipient_id FROM service_record_participant p JOIN service_record r"
                        + " ON r.id = p.record_id JOIN app_user u ON u.id = r.created_by_id WHERE u.username = 'demo_worker'"
                        + " AND p.recipient_id IS NOT NULL AND r.status = 'ACTIVE'"
                        + " ORDER BY r.service_date DESC, r.id DESC LIMIT 1")
                .query(Long.class)
                .single();
        assertThat(recent.get(0).get("id").asLong()).isEqualTo(latest);
    }

    @Test
    void aPersonsHistoryHasAssessmentsFollowUpsServicesAndCasesInTimeOrder() throws Exception {
        // the client of a demo case who was also assessed
        long id = jdbc.sql("SELECT c.recipient_id FROM cw_case c JOIN recipient r ON r.id = c.recipient_id"
                        + " WHERE EXISTS (SELECT 1 FROM home_assessment a WHERE a.recipient_id = r.id)"
                        + " ORDER BY c.id LIMIT 1")
                .query(Long.class)
                .single();
        String user = jdbc.sql("SELECT CASE WHEN r.station_id = (SELECT org_unit_id FROM app_user WHERE username ="
                        + " 'demo_worker') THEN 'demo_worker' ELSE 'demo_worker2' END FROM recipient r WHERE r.id = ?")
                .param(id)
                .query(String.class)
                .single();
        JsonNode h = api(user, "/api/v1/recipients/" + id + "/history");
        List<String> kinds = new ArrayList<>();
        h.forEach(e -> kinds.add(e.get("kind").asText()));
        assertThat(kinds).contains("入户需求评估", "个案接案");
        for (int i = 1; i < h.size(); i++) {
            assertThat(h.get(i - 1).get("date").asText())
                    .isGreaterThanOrEqualTo(h.get(i).get("date").asText());
        }
        // an assessment is a service record: its line carries the record's 计入/不计入, and the record is not repeated
        List<Long> recordIds = new ArrayList<>();
        for (JsonNode e : h) {
            if (e.get("kind").asText().equals("入户需求评估")) {
                assertThat(e.get("status").asText()).matches("(不)?计入.*");
            }
            if (e.hasNonNull("recordId")) {
                assertThat(recordIds).doesNotContain(e.get("recordId").asLong());
                recordIds.add(e.get("recordId").asLong());
            }
            assertThat(e.get("href").asText()).startsWith("/");
        }
        assertThat(h.toString()).doesNotContainPattern("\\d{17}[0-9X]").doesNotContainPattern("1[3-9]\\d{9}");
        // the person's page shows the same history
        var page = mvc.perform(get("/recipients/" + id).cookie(ApiClient.login(mvc, user)))
                .andReturn();
        assertThat(page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("id=\"history\"")
                .contains("个案接案");
    }
}
