package cn.sgz.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.sgz.SgzTest;
import cn.sgz.org.TestLogin;
import cn.sgz.org.XlsxRows;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18, finding 4: people's phone numbers are masked for roles that do not need them (the
 * evaluator, the city office) in ledger lists, details and exports; station staff see them in full.
 */
@SgzTest
class PhoneMaskingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    TestLogin login;

    @BeforeEach
    void setUp() {
        login = new TestLogin(mvc);
    }

    private List<String> listedPhones(String user) throws Exception {
        List<Object> phones = JsonPath.read(login.getJson(user, "/api/v1/recipients?size=200", 200), "$..phone");
        return phones.stream().filter(Objects::nonNull).map(String::valueOf).toList();
    }

    private List<String> exportedPhones(String user) throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/api/v1/recipients/export").with(login.as(user)))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus())
                .as(r.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
        return XlsxRows.column(XlsxRows.read(r.getContentAsByteArray()), "联系电话").stream()
                .filter(p -> p != null && !p.isBlank())
                .toList();
    }

    @Test
    void theEvaluatorAndTheCityOfficeSeeMaskedPhonesInListsAndExports() throws Exception {
        for (String user : List.of("demo_evaluator", "demo_city")) {
            List<String> listed = listedPhones(user);
            assertThat(listed).as("phones listed to %s", user).isNotEmpty().allMatch(p -> p.contains("****"), "masked");
            List<String> exported = exportedPhones(user);
            assertThat(exported)
                    .as("phones exported to %s", user)
                    .isNotEmpty()
                    .allMatch(p -> p.contains("****"), "masked");
        }
        // one person's page too
        Number id = JsonPath.read(login.getJson("demo_evaluator", "/api/v1/recipients?size=1", 200), "$.items[0].id");
        String one = login.getJson("demo_evaluator", "/api/v1/recipients/" + id, 200);
        Object phone = JsonPath.read(one, "$.phone");
        assertThat(phone == null || String.valueOf(phone).contains("****")).isTrue();
    }

    @Test
    void signInSheetPhonesAreMaskedForTheEvaluatorToo() throws Exception {
        Long record = jdbc.sql("SELECT record_id FROM sign_in_entry WHERE phone IS NOT NULL ORDER BY id")
                .query(Long.class)
                .list()
                .get(0);
        List<Object> evaluator = JsonPath.read(
                login.getJson("demo_evaluator", "/api/v1/service-records/" + record, 200), "$..signIns[*].phone");
        assertThat(evaluator)
                .isNotEmpty()
                .allMatch(p -> p == null || String.valueOf(p).contains("****"));
        List<Object> bureau = JsonPath.read(
                login.getJson("demo_bureau", "/api/v1/service-records/" + record, 200), "$..signIns[*].phone");
        assertThat(bureau).anyMatch(p -> p != null && String.valueOf(p).matches("1\\d{10}"));
    }

    @Test
    void stationStaffStillSeeFullNumbers() throws Exception {
        assertThat(listedPhones("demo_worker"))
                .isNotEmpty()
                .anyMatch(p -> p.matches("1\\d{10}"))
                .noneMatch(p -> p.contains("****"));
        assertThat(exportedPhones("demo_worker")).isNotEmpty().noneMatch(p -> p.contains("****"));
    }
}
