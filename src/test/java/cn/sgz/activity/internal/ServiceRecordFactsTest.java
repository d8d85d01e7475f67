package cn.sgz.activity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.SgzTest;
import cn.sgz.progress.RecordFactSource.MonthlyCount;
import cn.sgz.progress.RecordFactSource.RecipientMonthlyCount;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.vocabulary.LedgerDomain;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The grouped scans behind the indicator engine, on the real schema: only active, counting records; the
 * kind-restricted monthly scan and one per-person scan over a union of kinds give exactly the rows of
 * the unrestricted scans for those kinds.
 */
@SgzTest
class ServiceRecordFactsTest {

    static final LocalDate FROM = LocalDate.of(2019, 1, 1);
    static final LocalDate TO = LocalDate.of(2019, 12, 31);

    @Autowired
    ServiceRecordFacts facts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordStore store;

    long station;

    @BeforeEach
    void records() {
        Map<String, Object> s = jdbc.sql("SELECT id, path FROM org_unit WHERE name = '赛罕街道社工站'")
                .query()
                .singleRow();
        station = ((Number) s.get("id")).longValue();
        String path = (String) s.get("path");
        removeRecords();
        record(path, "HOME_ASSESSMENT", "ELDERLY", "2019-01-10", "COUNTS", "ACTIVE", 501L, 502L);
        record(path, "HOME_ASSESSMENT", "ELDERLY", "2019-01-20", "COUNTS", "ACTIVE", 501L, 501L);
        record(path, "HOME_ASSESSMENT", "CHILDREN", "2019-02-01", "COUNTS", "ACTIVE", 503L);
        record(path, "HOME_ASSESSMENT", "ELDERLY", "2019-02-02", "EXCLUDED", "ACTIVE", 501L);
        record(path, "NEEDS_SURVEY", "SOCIAL_ASSISTANCE", "2019-03-31", "COUNTS", "ACTIVE", 501L, 504L);
        record(path, "NEEDS_SURVEY", "SOCIAL_ASSISTANCE", "2019-03-15", "COUNTS", "VOIDED", 504L);
        record(path, "CHARITY_RELIEF", "CHARITY", "2019-12-31", "COUNTS", "ACTIVE");
        record(path, "CHARITY_RELIEF", "CHARITY", "2020-01-01", "COUNTS", "ACTIVE");
        record(path, "OTHER", "OTHER", "2019-05-05", "COUNTS", "ACTIVE");
    }

    /** Other tests share the database: leave nothing behind (every record here has the title "facts-test"). */
    @AfterEach
    void removeRecords() {
        // what RecordStore keeps with every write (V94): these records leave the monthly counts with them
        jdbc.sql("SELECT id FROM service_record WHERE title = 'facts-test'")
                .query(Long.class)
                .list()
                .forEach(id -> store.recount(store.countKey(id, true), null));
        jdbc.sql("DELETE FROM service_person_fact WHERE record_id IN (SELECT id FROM service_record "
                        + "WHERE title = 'facts-test')")
                .update();
        jdbc.sql("DELETE FROM service_record_participant WHERE record_id IN (SELECT id FROM service_record "
                        + "WHERE title = 'facts-test')")
                .update();
        jdbc.sql("DELETE FROM service_record WHERE title = 'facts-test'").update();
    }

    private void record(
            String path,
            String kind,
            String domain,
            String date,
            String qualification,
            String status,
            Long... recipients) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        OffsetDateTime now = ChinaTime.offsetNow();
        jdbc.sql("INSERT INTO service_record (station_id, org_unit_id, org_path, kind, domain, title, service_date, "
                        + "qualification, status, created_by_id, created_by_name, created_at, updated_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,1,'test',?,?)")
                .params(
                        station,
                        station,
                        path,
                        kind,
                        domain,
                        "facts-test",
                        LocalDate.parse(date),
                        qualification,
                        status,
                        now,
                        now)
                .update(key, "id");
        long id = key.getKey().longValue();
        for (Long r : recipients) {
            jdbc.sql("INSERT INTO service_record_participant (record_id, recipient_id, name) VALUES (?,?,?)")
                    .params(id, r, "p" + r)
                    .update();
        }
        store.refreshPersonFacts(id);
        store.recount(null, store.countKey(id, false));
    }

    @Test
    void monthlyCountsOnlyCountActiveCountingRecordsAndTheAskedKinds() {
        List<MonthlyCount> all = facts.monthlyCounts(List.of(station), FROM, TO);
        assertThat(all)
                .containsExactlyInAnyOrder(
                        new MonthlyCount(
                                station, ServiceKind.HOME_ASSESSMENT, LedgerDomain.ELDERLY, YearMonth.of(2019, 1), 2),
                        new MonthlyCount(
                                station, ServiceKind.HOME_ASSESSMENT, LedgerDomain.CHILD, YearMonth.of(2019, 2), 1),
                        new MonthlyCount(
                                station,
                                ServiceKind.NEEDS_SURVEY,
                                LedgerDomain.SOCIAL_ASSISTANCE,
                                YearMonth.of(2019, 3),
                                1),
                        new MonthlyCount(
                                station, ServiceKind.CHARITY_RELIEF, LedgerDomain.OTHER, YearMonth.of(2019, 12), 1));

        Set<ServiceKind> kinds = Set.of(ServiceKind.NEEDS_SURVEY, ServiceKind.CHARITY_RELIEF, ServiceKind.TRAINING);
        assertThat(facts.monthlyCounts(List.of(station), kinds, FROM, TO))
                .containsExactlyInAnyOrderElementsOf(
                        all.stream().filter(c -> kinds.contains(c.kind())).toList())
                .hasSize(2);
        assertThat(facts.monthlyCounts(List.of(station), Set.of(ServiceKind.TRAINING), FROM, TO))
                .isEmpty();
    }

    @Test
    void wholeMonthsComeFromTheKeptCountsAndAPartialFirstOrLastMonthFromTheRecords() {
        LocalDate from = LocalDate.of(2019, 1, 15);
        LocalDate to = LocalDate.of(2019, 3, 20);
        // 15 January to 20 March: the 20 January assessment (not the 10th), February whole, nothing of March counts
        assertThat(facts.monthlyCounts(List.of(station), from, to))
                .containsExactlyInAnyOrder(
                        new MonthlyCount(
                                station, ServiceKind.HOME_ASSESSMENT, LedgerDomain.ELDERLY, YearMonth.of(2019, 1), 1),
                        new MonthlyCount(
                                station, ServiceKind.HOME_ASSESSMENT, LedgerDomain.CHILD, YearMonth.of(2019, 2), 1));
        // which source answers which month: one more in the kept counts of January and of February shows in
        // February only (a whole month), and in both when the range holds January whole
        RecordStore.CountKey jan =
                new RecordStore.CountKey(station, 0, "HOME_ASSESSMENT", "ELDERLY", LocalDate.of(2019, 1, 1), false);
        RecordStore.CountKey feb =
                new RecordStore.CountKey(station, 0, "HOME_ASSESSMENT", "CHILDREN", LocalDate.of(2019, 2, 1), false);
        store.recount(null, jan);
        store.recount(null, feb);
        try {
            assertThat(facts.monthlyCounts(List.of(station), from, to))
                    .extracting(MonthlyCount::month, MonthlyCount::count)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(YearMonth.of(2019, 1), 1L),
                            org.assertj.core.groups.Tuple.tuple(YearMonth.of(2019, 2), 2L));
            assertThat(facts.monthlyCounts(List.of(station), FROM, to))
                    .extracting(MonthlyCount::month, MonthlyCount::count)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(YearMonth.of(2019, 1), 3L),
                            org.assertj.core.groups.Tuple.tuple(YearMonth.of(2019, 2), 2L));
            // inside one month: the records alone
            assertThat(facts.monthlyCounts(List.of(station), LocalDate.of(2019, 2, 1), LocalDate.of(2019, 2, 27)))
                    .extracting(MonthlyCount::count)
                    .containsExactly(1L);
        } finally {
            store.recount(jan, null);
            store.recount(feb, null);
        }
    }

    @Test
    void oneScanOverAUnionOfKindsGivesEachKindsRows() {
        Set<ServiceKind> union = Set.of(ServiceKind.HOME_ASSESSMENT, ServiceKind.NEEDS_SURVEY);
        List<RecipientMonthlyCount> both = facts.recipientMonthlyCounts(List.of(station), union, FROM, TO);
        for (ServiceKind k : union) {
            assertThat(both.stream().filter(c -> c.kind() == k).toList())
                    .containsExactlyInAnyOrderElementsOf(
                            facts.recipientMonthlyCounts(List.of(station), Set.of(k), FROM, TO));
        }
        assertThat(both)
                .contains(
                        new RecipientMonthlyCount(station, 501L, ServiceKind.HOME_ASSESSMENT, YearMonth.of(2019, 1), 2),
                        new RecipientMonthlyCount(station, 504L, ServiceKind.NEEDS_SURVEY, YearMonth.of(2019, 3), 1))
                .hasSize(5);
    }

    @Test
    void perPersonFactsFollowTheRecordWhenItIsVoidedOrItsPeopleChange() {
        long id = jdbc.sql("SELECT id FROM service_record WHERE title = 'facts-test' AND kind = 'NEEDS_SURVEY' "
                        + "AND status = 'ACTIVE'")
                .query(Long.class)
                .single();
        Set<ServiceKind> surveys = Set.of(ServiceKind.NEEDS_SURVEY);
        assertThat(facts.recipientMonthlyCounts(List.of(station), surveys, FROM, TO))
                .extracting(RecipientMonthlyCount::recipientId)
                .containsExactlyInAnyOrder(501L, 504L);

        store.replaceParticipants(id, List.of(new cn.sgz.activity.ServiceRecordView.Participant(0, 505L, "p505")));
        assertThat(facts.recipientMonthlyCounts(List.of(station), surveys, FROM, TO))
                .extracting(RecipientMonthlyCount::recipientId)
                .containsExactly(505L);

        assertThat(store.markVoided(id, null, "录入错误", "test")).isTrue();
        assertThat(facts.recipientMonthlyCounts(List.of(station), surveys, FROM, TO))
                .isEmpty();
    }
}
