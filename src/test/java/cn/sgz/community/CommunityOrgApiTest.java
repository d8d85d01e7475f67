package cn.sgz.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.sgz.SgzTest;
import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Community organisations through the API and pages: Chinese validation naming the field, masked phones in
 * lists, activities that count only when their record counts, backbone trainings, and scope (another station's
 * organisation answers 404 through the API and the pages).
 */
@SgzTest
class CommunityOrgApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    CommunityTestSupport t;

    @BeforeEach
    void setUp() {
        t = new CommunityTestSupport(mvc, jdbc);
    }

    long createOrg(String user, long station, String name) throws Exception {
        return t.id(t.post(
                user,
                "/api/v1/community-orgs",
                """
                {"stationId": %d, "name": "%s", "type": "VOLUNTEER_SERVICE", "foundedOn": "%s",
                 "filingStatus": "FILED", "filedOn": "%s", "memberCount": 12, "leaderName": "王秀英"}
                """.formatted(
                                station,
                                name,
                                CommunityTestSupport.today().minusDays(30),
                                CommunityTestSupport.today().minusDays(20)),
                201));
    }

    @Test
    void validationErrorsAreChineseAndNameTheField() throws Exception {
        String body = t.post("demo_worker", "/api/v1/community-orgs", """
                {"stationId": %d, "name": "", "filingStatus": "REGISTERED", "foundedOn": "2099-01-01"}
                """.formatted(t.station1()), 400);
        assertThat((String) JsonPath.read(body, "$.code")).isEqualTo("INVALID_INPUT");
        List<Map<String, String>> details = JsonPath.read(body, "$.details");
        assertThat(details).extracting(d -> d.get("field")).contains("name", "type", "foundedOn", "filedOn");
        assertThat(details)
                .extracting(d -> d.get("message"))
                .contains("组织名称：请填写组织名称", "成立日期：不能晚于今天", "备案/登记日期：已备案或已登记的组织请填写备案/登记日期");

        long org = createOrg("demo_worker", t.station1(), "测试互助会" + CommunityTestSupport.unique());
        String member = t.post(
                "demo_worker",
                "/api/v1/community-orgs/" + org + "/members",
                "{\"name\": \"李志强\", \"phone\": \"12345\", \"backbone\": true}",
                400);
        assertThat((String) JsonPath.read(member, "$.details[0].field")).isEqualTo("phone");
        assertThat((String) JsonPath.read(member, "$.message")).startsWith("联系电话：");

        String duplicate = t.post(
                "demo_worker",
                "/api/v1/community-orgs",
                """
                {"stationId": %d, "name": "%s", "type": "CHARITY", "foundedOn": "2024-01-01"}
                """.formatted(
                        t.station1(),
                        JsonPath.<String>read(
                                t.login.getJson("demo_worker", "/api/v1/community-orgs/" + org, 200), "$.org.name")),
                400);
        assertThat((String) JsonPath.read(duplicate, "$.message")).contains("本站已有同名组织");
    }

    @Test
    void membersAreMaskedAndTrainingMakesBackboneTrainedOnlyWhenItCounts() throws Exception {
        long station = t.station1();
        long org = createOrg("demo_worker", station, "测试骨干组织" + CommunityTestSupport.unique());
        String phone = CommunityTestSupport.phone();
        long member = t.id(t.post(
                "demo_worker",
                "/api/v1/community-orgs/" + org + "/members",
                """
                {"name": "赵玉兰", "phone": "%s", "role": "会长", "backbone": true, "joinedOn": "%s"}
                """.formatted(phone, CommunityTestSupport.today().minusDays(10)),
                201));
        String detail = t.login.getJson("demo_worker", "/api/v1/community-orgs/" + org, 200);
        assertThat(detail).doesNotContain(phone).contains(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat((Boolean) JsonPath.read(detail, "$.members[0].trained")).isFalse();

        String training = t.post(
                "demo_worker", "/api/v1/trainings", """
                {"stationId": %d, "audience": "BACKBONE", "orgId": %d, "topic": "骨干培训测试", "hours": 3,
                 "record": {"serviceDate": "%s", "place": "社区文化广场", "indoor": false, "outdoorReason": "户外授课，人员流动"}}
                """.formatted(station, org, CommunityTestSupport.today()), 201);
        long trainingId = t.id(training);
        long record = ((Number) JsonPath.read(training, "$.record.recordId")).longValue();
        t.post("demo_worker", "/api/v1/trainings/" + trainingId + "/attendees", "{\"memberId\": " + member + "}", 201);
        String again = t.post(
                "demo_worker", "/api/v1/trainings/" + trainingId + "/attendees", "{\"memberId\": " + member + "}", 400);
        assertThat((String) JsonPath.read(again, "$.message")).contains("已在本次培训的参训名单中");
        // the attendance was written to the record's sign-in sheet
        assertThat(t.login.getJson("demo_worker", "/api/v1/service-records/" + record + "/sign-ins", 200))
                .contains(phone);
        assertThat((Boolean) JsonPath.read(
                        t.login.getJson("demo_worker", "/api/v1/community-orgs/" + org, 200), "$.members[0].trained"))
                .as("training record has no photo yet")
                .isFalse();

        t.photoMakesCount("demo_worker", record, station);
        String after = t.login.getJson("demo_worker", "/api/v1/community-orgs/" + org, 200);
        assertThat((Boolean) JsonPath.read(after, "$.members[0].trained")).isTrue();
        assertThat((Integer) JsonPath.read(after, "$.members[0].trainingsAttended"))
                .isEqualTo(1);
    }

    @Test
    void activitiesAreServiceRecordsOfTheRightKindAndCountOnlyWithEvidence() throws Exception {
        long station = t.station1();
        long org = createOrg("demo_worker", station, "测试文体队" + CommunityTestSupport.unique());
        String created = t.post(
                "demo_worker",
                "/api/v1/community-orgs/" + org + "/activities",
                """
                {"kind": "ORG_ACTIVITY", "record": {"title": "广场舞展演", "serviceDate": "%s", "place": "文化广场",
                 "outdoorReason": "广场展演，观众流动"}}
                """.formatted(CommunityTestSupport.today()),
                201);
        long record = ((Number) JsonPath.read(created, "$.recordId")).longValue();
        assertThat((Boolean) JsonPath.read(created, "$.counts")).isFalse();
        assertThat((String) JsonPath.read(created, "$.reasons")).contains("没有现场照片");
        assertThat((Integer) JsonPath.read(
                        t.login.getJson("demo_worker", "/api/v1/community-orgs/" + org, 200),
                        "$.org.countingActivityCount"))
                .isZero();
        t.photoMakesCount("demo_worker", record, station);
        assertThat((Integer) JsonPath.read(
                        t.login.getJson("demo_worker", "/api/v1/community-orgs/" + org, 200),
                        "$.org.countingActivityCount"))
                .isEqualTo(1);

        // a record of another kind cannot be linked as an activity
        String visit = t.post(
                "demo_worker", "/api/v1/service-records", """
                {"orgUnitId": %d, "kind": "FOLLOW_UP_VISIT", "serviceDate": "%s", "participants": []}
                """.formatted(station, CommunityTestSupport.today()), 201);
        String wrong = t.post(
                "demo_worker",
                "/api/v1/community-orgs/" + org + "/activities",
                "{\"recordId\": " + t.id(visit) + "}",
                400);
        assertThat((String) JsonPath.read(wrong, "$.details[0].field")).isEqualTo("recordId");
        assertThat((String) JsonPath.read(wrong, "$.message")).contains("只能关联");

        String timeline = t.login.getJson("demo_worker", "/api/v1/community-orgs/timeline?stationId=" + station, 200);
        assertThat(timeline).contains("广场舞展演");
    }

    @Test
    void anotherStationsOrganisationIsNotFoundThroughApiAndPages() throws Exception {
        long org = createOrg("demo_worker", t.station1(), "测试范围组织" + CommunityTestSupport.unique());
        t.login.getJson("demo_worker2", "/api/v1/community-orgs/" + org, 404);
        t.login.getJson("demo_worker2", "/api/v1/community-orgs/" + org + "/members", 404);
        t.login.getJson("demo_worker2", "/api/v1/community-orgs?stationId=" + t.station1(), 404);
        t.post("demo_worker2", "/api/v1/community-orgs/" + org + "/members", "{\"name\": \"张三\"}", 404);
        String list = t.login.getJson("demo_worker2", "/api/v1/community-orgs", 200);
        assertThat(list).doesNotContain("测试范围组织");

        Cookie other = t.login.login("demo_worker2");
        MockHttpServletResponse page = mvc.perform(get("/community/orgs/" + org).cookie(other))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/community?stationId=" + t.station1()).cookie(other))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        Cookie own = t.login.login("demo_worker");
        String html = mvc.perform(get("/community/orgs/" + org).cookie(own))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("测试范围组织").contains("添加成员");
        // the bureau reads but cannot write
        t.post("demo_bureau", "/api/v1/community-orgs/" + org + "/members", "{\"name\": \"张三\"}", 403);
        t.login.getJson("demo_bureau", "/api/v1/community-orgs/" + org, 200);
    }
}
