package cn.sgz.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.sgz.SgzTest;
import cn.sgz.catalog.EntityType;
import cn.sgz.progress.EntityFactSource;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** 建设成果: Chinese field errors, scope, and the ASSISTED_STATION / SERVICE_BRAND counts the engine reads. */
@SgzTest
class AchievementApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<EntityFactSource> sources;

    CommunityTestSupport t;
    EntityFactSource facts;

    @BeforeEach
    void setUp() {
        t = new CommunityTestSupport(mvc, jdbc);
        facts = sources.stream()
                .filter(s -> s.entityTypes().contains(EntityType.SERVICE_BRAND))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aBrandIsRecordedWithFieldErrorsInChineseAndCountsFromItsDate() throws Exception {
        long station = t.station2();
        LocalDate today = CommunityTestSupport.today();
        String bad = t.post("demo_worker2", "/api/v1/achievements", """
                {"stationId": %d, "kind": "SERVICE_BRAND", "name": " ", "achievedOn": "%s"}""".formatted(station, today.plusDays(3)), 400);
        assertThat(JsonPath.<List<String>>read(bad, "$.details[*].field")).contains("name", "achievedOn");
        assertThat(JsonPath.<List<String>>read(bad, "$.details[*].message")).anyMatch(m -> m.startsWith("名称："));

        long before = facts.count(List.of(station), EntityType.SERVICE_BRAND, today.minusMonths(1), today)
                .getOrDefault(station, 0L);
        String name = "萨如拉“邻里帮”品牌" + CommunityTestSupport.unique();
        t.post("demo_worker2", "/api/v1/achievements", """
                {"stationId": %d, "kind": "SERVICE_BRAND", "name": "%s", "achievedOn": "%s"}""".formatted(station, name, today.minusDays(2)), 201);
        assertThat(facts.count(List.of(station), EntityType.SERVICE_BRAND, today.minusMonths(1), today))
                .containsEntry(station, before + 1);
        assertThat(facts.count(List.of(station), EntityType.ASSISTED_STATION, today.minusMonths(1), today)
                        .getOrDefault(station, 0L))
                .as("another kind")
                .isZero();
        assertThat(facts.count(List.of(station), EntityType.SERVICE_BRAND, today.minusMonths(1), today.minusDays(3))
                        .getOrDefault(station, 0L))
                .as("before it was built")
                .isEqualTo(before);
        assertThat(facts.countedItems(station, EntityType.SERVICE_BRAND, today.minusMonths(1), today))
                .anyMatch(i -> i.startsWith(name));
        // the same name twice is refused, naming the field
        String twice = t.post("demo_worker2", "/api/v1/achievements", """
                {"stationId": %d, "kind": "SERVICE_BRAND", "name": "%s", "achievedOn": "%s"}""".formatted(station, name, today), 400);
        assertThat(JsonPath.<List<String>>read(twice, "$.details[*].field")).containsExactly("name");
    }

    @Test
    void anotherStationAndReadOnlyRolesCannotWriteOrSeeIt() throws Exception {
        long station1 = t.station1();
        t.login.getJson("demo_worker2", "/api/v1/achievements?stationId=" + station1, 404);
        t.post("demo_worker2", "/api/v1/achievements", """
                {"stationId": %d, "kind": "SERVICE_BRAND", "name": "越权", "achievedOn": "%s"}""".formatted(station1, CommunityTestSupport.today()), 404);
        t.post("demo_bureau", "/api/v1/achievements", """
                {"stationId": %d, "kind": "SERVICE_BRAND", "name": "只读", "achievedOn": "%s"}""".formatted(station1, CommunityTestSupport.today()), 403);
        // the demo: 沙河 has a brand and the station it helped build, on the page too
        String own = t.login.getJson("demo_worker", "/api/v1/achievements?stationId=" + station1, 200);
        assertThat(JsonPath.<List<String>>read(own, "$[*].kind")).contains("SERVICE_BRAND", "ASSISTED_STATION");
        String page = mvc.perform(get("/achievements").with(t.login.as("demo_worker")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("赛罕街道社工站").contains("协助建设的社工站");
    }
}
