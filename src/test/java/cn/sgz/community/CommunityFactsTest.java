package cn.sgz.community;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.SgzTest;
import cn.sgz.catalog.EntityType;
import cn.sgz.progress.DocumentFactSource;
import cn.sgz.progress.EntityFactSource;
import cn.sgz.progress.EntityFactSource.AmountFact;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The figures the indicator engine reads from the community module: entities count when they are new in the
 * window or active through a record that counts, hours of trained workers only from counting trainings,
 * documents only with a photo — and the demo project's board shows them.
 */
@SgzTest
class CommunityFactsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<EntityFactSource> entitySources;

    @Autowired
    List<DocumentFactSource> documentSources;

    CommunityTestSupport t;
    EntityFactSource facts;
    DocumentFactSource documents;

    @BeforeEach
    void setUp() {
        t = new CommunityTestSupport(mvc, jdbc);
        facts = entitySources.stream()
                .filter(s -> s.entityTypes().contains(EntityType.VOLUNTEER))
                .findFirst()
                .orElseThrow();
        documents = documentSources.stream()
                .filter(s -> s.getClass().getName().contains("community"))
                .findFirst()
                .orElseThrow();
    }

    long count(EntityType type, long station, LocalDate from, LocalDate asOf) {
        return facts.count(List.of(station), type, from, asOf).getOrDefault(station, 0L);
    }

    @Test
    void aVolunteerWhoJoinedBeforeTheWindowCountsOnlyOnceTheirActivityCounts() throws Exception {
        long station = t.station2();
        LocalDate today = CommunityTestSupport.today();
        long volunteer = t.createVolunteer(
                "demo_worker2", station, "冯振华", CommunityTestSupport.phone(), null, today.minusYears(1));
        long before = count(EntityType.VOLUNTEER, station, today, today);
        long record = t.createVolunteerActivity("demo_worker2", station, "事实测试" + CommunityTestSupport.unique());
        t.post(
                "demo_worker2",
                "/api/v1/volunteer-activities/" + record + "/hours",
                "{\"volunteerId\": %d, \"hours\": 3}".formatted(volunteer),
                201);
        assertThat(count(EntityType.VOLUNTEER, station, today, today))
                .as("record without photo")
                .isEqualTo(before);
        t.photoMakesCount("demo_worker2", record, station);
        assertThat(count(EntityType.VOLUNTEER, station, today, today)).isEqualTo(before + 1);
        // on a day before the volunteer joined, or a window that ended before the activity, nothing changes
        assertThat(facts.count(List.of(station), EntityType.VOLUNTEER, today.minusYears(3), today.minusYears(2)))
                .doesNotContainKey(station);
        // a volunteer who has left is not counted any more
        long left = t.createVolunteer("demo_worker2", station, "韩雪梅", CommunityTestSupport.phone(), null, today);
        long withNew = count(EntityType.VOLUNTEER, station, today, today);
        String v = t.login.getJson("demo_worker2", "/api/v1/volunteers/" + left, 200);
        var resp = t.login.send(
                "demo_worker2",
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/volunteers/" + left),
                """
                {"volunteer": {"stationId": %d, "name": "韩雪梅", "phone": "%s", "joinedOn": "%s", "leftOn": "%s"},
                 "version": %d}""".formatted(
                                station,
                                JsonPath.<String>read(v, "$.phone"),
                                today,
                                today,
                                ((Number) JsonPath.read(v, "$.volunteer.version")).longValue()));
        assertThat(resp.getStatus()).as(resp.getContentAsString()).isEqualTo(200);
        assertThat(count(EntityType.VOLUNTEER, station, today, today)).isEqualTo(withNew - 1);
    }

    @Test
    void trainedWorkersAndTheirHoursComeOnlyFromCountingTrainings() throws Exception {
        long station = t.station1();
        LocalDate today = CommunityTestSupport.today();
        long trainee = t.id(
                t.post("demo_worker", "/api/v1/trainees", """
                {"stationId": %d, "name": "林晓燕", "phone": "%s", "workplace": "新光一村"}
                """.formatted(station, CommunityTestSupport.phone()), 201));
        String training = t.post("demo_worker", "/api/v1/trainings", """
                {"stationId": %d, "audience": "WORKER", "topic": "个案工作方法", "hours": 8,
                 "record": {"serviceDate": "%s", "place": "社区文化广场", "indoor": false, "outdoorReason": "户外授课，人员流动"}}
                """.formatted(station, today), 201);
        long trainingId = t.id(training);
        long record = ((Number) JsonPath.read(training, "$.record.recordId")).longValue();
        t.post(
                "demo_worker",
                "/api/v1/trainings/" + trainingId + "/attendees",
                "{\"traineeId\": %d, \"hours\": 6.5}".formatted(trainee),
                201);
        long workersBefore = count(EntityType.TRAINED_WORKER, station, today, today);
        assertThat(amountOf(station, trainee, today))
                .as("training record without photo")
                .isNull();

        t.photoMakesCount("demo_worker", record, station);
        assertThat(count(EntityType.TRAINED_WORKER, station, today, today)).isEqualTo(workersBefore + 1);
        AmountFact fact = amountOf(station, trainee, today);
        assertThat(fact.amount()).isEqualByComparingTo("6.5");
        assertThat(fact.date()).isEqualTo(today);
        assertThat(fact.title()).contains("林晓燕");
        // one fact per worker: a second counting training adds to the same worker's hours
        String second = t.post("demo_worker", "/api/v1/trainings", """
                {"stationId": %d, "audience": "WORKER", "topic": "小组工作实务", "hours": 4,
                 "record": {"serviceDate": "%s", "place": "社区文化广场", "indoor": false, "outdoorReason": "户外授课，人员流动"}}
                """.formatted(station, today), 201);
        t.post(
                "demo_worker",
                "/api/v1/trainings/" + t.id(second) + "/attendees",
                "{\"traineeId\": %d}".formatted(trainee),
                201);
        t.photoMakesCount("demo_worker", ((Number) JsonPath.read(second, "$.record.recordId")).longValue(), station);
        assertThat(amountOf(station, trainee, today).amount()).isEqualByComparingTo(new BigDecimal("10.5"));
        assertThat(count(EntityType.TRAINED_WORKER, station, today, today)).isEqualTo(workersBefore + 1);
        String trainees = t.login.getJson("demo_worker", "/api/v1/trainees?stationId=" + station, 200);
        assertThat(JsonPath.<List<Object>>read(trainees, "$[?(@.id == " + trainee + ")].countingHours")
                        .get(0)
                        .toString())
                .isEqualTo("10.5");
    }

    AmountFact amountOf(long station, long trainee, LocalDate day) {
        return facts.amounts(List.of(station), EntityType.TRAINED_WORKER, day, day).stream()
                .filter(a -> a.id() == trainee)
                .findFirst()
                .orElse(null);
    }

    @Test
    void organisationsAndBackboneMembersCountWhenNewOrActiveInTheWindow() throws Exception {
        long station = t.station2();
        LocalDate today = CommunityTestSupport.today();
        long orgsBefore = count(EntityType.COMMUNITY_ORG, station, today, today);
        long org = t.id(t.post(
                "demo_worker2",
                "/api/v1/community-orgs",
                """
                {"stationId": %d, "name": "老年协会%s", "type": "MUTUAL_AID", "foundedOn": "%s"}
                """.formatted(station, CommunityTestSupport.unique(), today.minusYears(2)),
                201));
        t.post(
                "demo_worker2",
                "/api/v1/community-orgs/" + org + "/members",
                """
                {"name": "宋宝山", "phone": "%s", "backbone": true, "joinedOn": "%s"}
                """.formatted(CommunityTestSupport.phone(), today.minusYears(1)),
                201);
        long backboneBefore = count(EntityType.BACKBONE_MEMBER, station, today, today);
        assertThat(count(EntityType.COMMUNITY_ORG, station, today, today))
                .as("old, inactive")
                .isEqualTo(orgsBefore);
        String guidance =
                t.post("demo_worker2", "/api/v1/community-orgs/" + org + "/activities", """
                {"kind": "ORG_GUIDANCE", "record": {"serviceDate": "%s", "place": "社区"}}""".formatted(today), 201);
        t.photoMakesCount("demo_worker2", ((Number) JsonPath.read(guidance, "$.recordId")).longValue(), station);
        assertThat(count(EntityType.COMMUNITY_ORG, station, today, today)).isEqualTo(orgsBefore + 1);
        // countMode STARTED (issue #12): active today, but founded two years ago, so not begun within the window
        long startedBefore = facts.countStarted(List.of(station), EntityType.COMMUNITY_ORG, today, today)
                .getOrDefault(station, 0L);
        assertThat(facts.keepsStartDates(EntityType.COMMUNITY_ORG)).isTrue();
        assertThat(facts.keepsStartDates(EntityType.TRAINED_WORKER)).isFalse();
        t.post(
                "demo_worker2",
                "/api/v1/community-orgs",
                """
                {"stationId": %d, "name": "新协会%s", "type": "MUTUAL_AID", "foundedOn": "%s"}
                """.formatted(station, CommunityTestSupport.unique(), today),
                201);
        assertThat(facts.countStarted(List.of(station), EntityType.COMMUNITY_ORG, today, today)
                        .getOrDefault(station, 0L))
                .as("founded today")
                .isEqualTo(startedBefore + 1);
        assertThat(facts.countStarted(
                                List.of(station),
                                EntityType.COMMUNITY_ORG,
                                today.minusYears(2).minusDays(1),
                                today.minusYears(2).minusDays(1))
                        .getOrDefault(station, 0L))
                .as("the day before the old one")
                .isZero();
        assertThat(count(EntityType.BACKBONE_MEMBER, station, today, today))
                .as("not trained yet")
                .isEqualTo(backboneBefore);
        // the demo stations cultivated organisations, backbone members and a team within the demo project
        LocalDate projectStart = today.minusMonths(2).withDayOfMonth(1);
        long s1 = t.station1();
        assertThat(count(EntityType.COMMUNITY_ORG, s1, projectStart, today)).isGreaterThanOrEqualTo(2);
        assertThat(count(EntityType.BACKBONE_MEMBER, s1, projectStart, today)).isGreaterThanOrEqualTo(5);
        assertThat(count(EntityType.VOLUNTEER, s1, projectStart, today)).isGreaterThanOrEqualTo(20);
        assertThat(count(EntityType.VOLUNTEER_TEAM, s1, projectStart, today)).isGreaterThanOrEqualTo(1);
        assertThat(count(EntityType.TRAINED_WORKER, s1, projectStart, today)).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aDocumentCountsWithAPhotoOfExactlyThatName() throws Exception {
        long station = t.station1();
        String name = "测试制度" + CommunityTestSupport.unique();
        long doc = t.id(t.post(
                "demo_worker",
                "/api/v1/station-documents",
                "{\"stationId\": %d, \"name\": \"%s\"}".formatted(station, name),
                201));
        assertThat(documents.answersFor(name)).isTrue();
        assertThat(documents.documents(List.of(station), List.of(name))).doesNotContainKey(station);
        assertThat(t.documentPhoto("demo_worker", doc).getStatus()).isEqualTo(201);
        assertThat(documents.documents(List.of(station), List.of(name, name + "（旧）")))
                .containsEntry(station, Set.of(name));
        assertThat(documents.documents(List.of(t.station2()), List.of(name))).isEmpty();
        String dup = t.post(
                "demo_worker",
                "/api/v1/station-documents",
                "{\"stationId\": %d, \"name\": \"%s\"}".formatted(station, name),
                400);
        assertThat((String) JsonPath.read(dup, "$.message")).contains("请在该资料中添加照片");
        // another station cannot see or add photos to it
        t.login.getJson("demo_worker2", "/api/v1/station-documents/" + doc, 404);
        assertThat(t.documentPhoto("demo_worker2", doc).getStatus()).isEqualTo(404);
    }

    /** Issue 12 item 8: a document carries the period (and domain) it is for; one entry per period. */
    @Test
    void aPeriodicDocumentIsForItsPeriodAndDomain() throws Exception {
        long station = t.station1();
        String name = "季度需求报告" + CommunityTestSupport.unique();
        long q1 = t.id(t.post(
                "demo_worker",
                "/api/v1/station-documents",
                "{\"stationId\": %d, \"name\": \"%s\", \"periodFrom\": \"2026-01-01\", \"periodTo\": \"2026-03-31\", \"domain\": \"ELDERLY\"}"
                        .formatted(station, name),
                201));
        // the same name for another quarter is another entry, not a duplicate
        long q2 = t.id(t.post(
                "demo_worker",
                "/api/v1/station-documents",
                "{\"stationId\": %d, \"name\": \"%s\", \"periodFrom\": \"2026-04-01\", \"periodTo\": \"2026-06-30\"}"
                        .formatted(station, name),
                201));
        String half = t.post(
                "demo_worker",
                "/api/v1/station-documents",
                "{\"stationId\": %d, \"name\": \"%s\", \"periodFrom\": \"2026-07-01\"}".formatted(station, name),
                400);
        assertThat((String) JsonPath.read(half, "$.message")).contains("所属期间");
        assertThat(t.documentPhoto("demo_worker", q1).getStatus()).isEqualTo(201);
        assertThat(t.documentPhoto("demo_worker", q2).getStatus()).isEqualTo(201);
        List<DocumentFactSource.DatedDocument> dated = documents.datedDocuments(
                List.of(station), List.of(name), cn.sgz.shared.vocabulary.LedgerDomain.ELDERLY);
        assertThat(dated)
                .extracting(DocumentFactSource.DatedDocument::from)
                .containsExactlyInAnyOrder(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1));
        // the Q1 report is for 困难老人 only: another domain's indicator sees just the Q2 report (no domain: any)
        assertThat(documents.datedDocuments(
                        List.of(station), List.of(name), cn.sgz.shared.vocabulary.LedgerDomain.CHILD))
                .extracting(DocumentFactSource.DatedDocument::from)
                .containsExactly(LocalDate.of(2026, 4, 1));
        assertThat(dated.stream().filter(d -> d.overlaps(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30))))
                .isEmpty();
    }

    /** Issue 12 item 9: a training record says whom it was for, so a 骨干 training indicator skips worker trainings. */
    @Test
    void aTrainingRecordCarriesItsAudience() throws Exception {
        long station = t.station1();
        LocalDate today = CommunityTestSupport.today();
        String training = t.post("demo_worker", "/api/v1/trainings", """
                {"stationId": %d, "audience": "WORKER", "topic": "个案记录规范", "hours": 2,
                 "record": {"serviceDate": "%s", "place": "社工站会议室", "indoor": false}}
                """.formatted(station, today), 201);
        long record = ((Number) JsonPath.read(training, "$.record.recordId")).longValue();
        assertThat(jdbc.sql("SELECT audience FROM service_record WHERE id = ?")
                        .param(record)
                        .query(String.class)
                        .single())
                .isEqualTo("社区工作者");
        assertThat(cn.sgz.progress.RecordFactSource.audienceMatches("社区工作者", "社区社会组织骨干"))
                .isFalse();
        assertThat(cn.sgz.progress.RecordFactSource.audienceMatches("社区社会组织骨干", "社区社会组织人员"))
                .isTrue();
    }

    @Test
    void theDemoProjectBoardShowsCommunityFiguresAndWhatIsMissing() throws Exception {
        long project = jdbc.sql("SELECT id FROM project WHERE name LIKE '九原区民政领域社会工作服务项目%'")
                .query(Long.class)
                .single();
        long station = t.station1();
        String board =
                t.login.getJson("demo_worker", "/api/v1/projects/" + project + "/compliance?stationId=" + station, 200);
        Map<String, Object> m07 = indicator(board, "M07.2");
        assertThat(m07.get("status")).isNotEqualTo("NOT_CONNECTED");
        assertThat((String) m07.get("note")).isEqualTo("缺少：组织社区活动成效相关佐证材料");
        Map<String, Object> m06 = indicator(board, "M06.2");
        assertThat(m06.get("note")).isEqualTo("资料齐全");
        assertThat(((Number) indicator(board, "O09.1").get("actual")).intValue())
                .as("volunteer activities this month")
                .isGreaterThanOrEqualTo(1);
        assertThat(((Number) indicator(board, "O07.1").get("actual")).intValue())
                .as("org guidance this month")
                .isGreaterThanOrEqualTo(1);
        String checklist =
                t.login.getJson("demo_worker", "/api/v1/station-documents/checklist?stationId=" + station, 200);
        assertThat(JsonPath.<List<Boolean>>read(checklist, "$[?(@.name == '所培育社区社会组织情况')].present"))
                .containsExactly(true);
        assertThat(JsonPath.<List<Boolean>>read(checklist, "$[?(@.name == '相关媒体志愿服务宣传展示稿件')].present"))
                .containsExactly(false);
        // no demo photo of this module is taken for a duplicate
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_photo WHERE duplicate_of_id IS NOT NULL AND "
                                + "(owner_type = 'COMMUNITY_DOCUMENT' OR upload_key LIKE 'demo-community-%')")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theRegistrationRateIsTheShareOfVolunteersWithANationalNumber() throws Exception {
        long station = t.station2();
        LocalDate today = CommunityTestSupport.today();
        EntityFactSource.Share before = facts.share(List.of(station), EntityType.VOLUNTEER, "全国志愿服务信息系统注册", today)
                .get(station);
        t.createVolunteer("demo_worker2", station, "未注册甲", CommunityTestSupport.phone(), null, today);
        EntityFactSource.Share after = facts.share(List.of(station), EntityType.VOLUNTEER, "全国志愿服务信息系统注册", today)
                .get(station);
        assertThat(after.total()).isEqualTo(before.total() + 1);
        assertThat(after.meeting()).isEqualTo(before.meeting());
        assertThat(facts.share(List.of(station), EntityType.VOLUNTEER, "持证", today))
                .as("a condition it cannot judge")
                .isNull();
        assertThat(facts.countedItems(station, EntityType.VOLUNTEER, today, today))
                .anyMatch(i -> i.startsWith("未注册甲"));
    }

    static Map<String, Object> indicator(String board, String code) {
        List<Map<String, Object>> found = JsonPath.read(board, "$[0].indicators[?(@.code == '" + code + "')]");
        assertThat(found).as(code).hasSize(1);
        return found.get(0);
    }

    @Test
    void staffDevelopmentReadsStaffFromTheOrgModuleAndComparesExamYears() throws Exception {
        long station = t.station1();
        String cert = t.login.getJson("demo_worker", "/api/v1/staff-certification?stationId=" + station, 200);
        int total = JsonPath.read(cert, "$.total");
        assertThat(total).isPositive();
        assertThat(JsonPath.<List<String>>read(cert, "$.staff[*].name")).hasSize(total);
        // certificate numbers are personal data: a worker sees them masked, the station head in full
        List<String> masked = JsonPath.read(cert, "$.staff[?(@.certNumber)].certNumber");
        List<String> full = JsonPath.read(
                t.login.getJson("demo_head", "/api/v1/staff-certification?stationId=" + station, 200),
                "$.staff[?(@.certNumber)].certNumber");
        assertThat(full).anyMatch(c -> c != null && !c.startsWith("*"));
        assertThat(masked).allMatch(c -> c == null || c.startsWith("*"));
        int year = CommunityTestSupport.today().getYear();
        assertThat((Integer) JsonPath.read(cert, "$.year")).isEqualTo(year);
        assertThat((String) JsonPath.read(cert, "$.comparison")).startsWith(year + "年通过 ");
        int passed = JsonPath.read(cert, "$.passedThisYear");
        String name = "考生" + CommunityTestSupport.unique();
        long entry = t.id(t.post("demo_worker", "/api/v1/exam-entries", """
                {"stationId": %d, "personName": "%s", "examYear": %d, "level": "ASSISTANT"}
                """.formatted(station, name, year), 201));
        var r = t.login.send(
                "demo_worker",
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                        "/api/v1/exam-entries/" + entry + "/result"),
                "{\"result\": \"PASSED\"}");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(
                        t.login.getJson("demo_worker", "/api/v1/staff-certification?stationId=" + station, 200),
                        "$.passedThisYear"))
                .isEqualTo(passed + 1);
        String bad = t.post("demo_worker", "/api/v1/exam-entries", """
                {"stationId": %d, "personName": "%s", "examYear": 1999, "level": "NONE"}""".formatted(station, name), 400);
        assertThat(JsonPath.<List<String>>read(bad, "$.details[*].field")).contains("examYear", "level");

        String sup = t.post(
                "demo_worker", "/api/v1/supervisions", """
                {"stationId": %d, "supervisor": "刘慧", "topics": "个案评估", "casesDiscussed": "王某个案",
                 "record": {"serviceDate": "%s", "place": "社工站"}}""".formatted(station, CommunityTestSupport.today()), 201);
        assertThat((String) JsonPath.read(sup, "$.record.kind")).isEqualTo("SUPERVISION");
        String missing = t.post(
                "demo_worker", "/api/v1/supervisions", """
                {"stationId": %d, "record": {"serviceDate": "%s"}}""".formatted(station, CommunityTestSupport.today()), 400);
        assertThat(JsonPath.<List<String>>read(missing, "$.details[*].message"))
                .contains("督导老师：请填写督导老师", "督导主题：请填写督导主题");
        t.login.getJson("demo_worker2", "/api/v1/supervisions?stationId=" + station, 404);
        t.login.getJson("demo_worker2", "/api/v1/staff-certification?stationId=" + station, 404);
    }
}
