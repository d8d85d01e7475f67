package cn.sgz.progress.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.SgzTest;
import cn.sgz.catalog.Catalog;
import cn.sgz.catalog.CatalogItem;
import cn.sgz.catalog.CatalogQueries;
import cn.sgz.catalog.CatalogTask;
import cn.sgz.catalog.CatalogTier;
import cn.sgz.catalog.EntityType;
import cn.sgz.catalog.Indicator;
import cn.sgz.catalog.ItemCategory;
import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectIndicator;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.catalog.RuleKind;
import cn.sgz.org.TestLogin;
import cn.sgz.progress.IndicatorResult;
import cn.sgz.progress.IndicatorStatus;
import cn.sgz.progress.StationCompliance;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.vocabulary.LedgerDomain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A project on each built-in catalog at each of its tiers, every optional item chosen, on the demo stations:
 * no indicator says "not connected" (its data exists in the demo), and the follow-up roster figures equal a
 * hand count in SQL.
 */
@SgzTest
class BuiltinCatalogsOnDemoTest {

    @Autowired
    CatalogQueries catalogs;

    @Autowired
    ProjectQueries projects;

    @Autowired
    ComplianceEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService accounts;

    /** The engine reads staff through the org module's scope: as the county bureau, which sees every station. */
    @BeforeEach
    void asBureau() {
        TestLogin.signIn(accounts, "demo_bureau");
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    /** The demo project's stations and dates, on another catalog and tier (a project as the bureau would create). */
    Project on(Catalog c, String tier) {
        long demoId = jdbc.sql("SELECT id FROM project WHERE name LIKE '九原区民政领域社会工作服务项目%'")
                .query(Long.class)
                .single();
        Project demo = projects.findUnscoped(demoId).orElseThrow();
        List<Long> optional = c.content()
                .items()
                .filter(i -> i.category() == ItemCategory.OPTIONAL)
                .map(CatalogItem::id)
                .toList();
        return new Project(
                demoId,
                "测试",
                demo.bureauId(),
                demo.bureauName(),
                demo.agencyId(),
                demo.agencyName(),
                c.id(),
                c.content().name(),
                c.version(),
                tier,
                tier,
                demo.startDate(),
                demo.endDate(),
                demo.stationIds(),
                optional,
                demo.evidencePolicy(),
                0);
    }

    static List<ProjectIndicator> indicators(Catalog c, String tier) {
        List<ProjectIndicator> out = new ArrayList<>();
        for (CatalogTask task : c.content().tasks()) {
            for (CatalogItem item : task.items()) {
                for (Indicator ind : item.indicators()) {
                    out.add(new ProjectIndicator(task, item, ind, ind.target(tier)));
                }
            }
        }
        return out;
    }

    @Test
    void noIndicatorOfABuiltInCatalogIsNotConnectedOnTheDemoAtAnyTier() {
        List<String> notConnected = new ArrayList<>();
        int evaluated = 0;
        for (String code : List.of("jiuyuan-2024", "zhalainuoer-2026")) {
            Catalog c = catalogs.latest(code).orElseThrow();
            for (CatalogTier tier : c.content().tiers()) {
                Project p = on(c, tier.code());
                List<StationCompliance> result =
                        engine.evaluate(p, indicators(c, tier.code()), p.stationIds(), Map.of(), ChinaTime.today());
                for (StationCompliance sc : result) {
                    for (IndicatorResult r : sc.indicators()) {
                        evaluated++;
                        if (r.status() == IndicatorStatus.NOT_CONNECTED) {
                            notConnected.add(
                                    code + "/" + tier.code() + " " + r.code() + " " + r.kind() + " " + r.name());
                        }
                    }
                }
            }
        }
        assertThat(evaluated).isGreaterThan(300);
        assertThat(new HashSet<>(notConnected))
                .as("indicators that are not connected")
                .isEmpty();
    }

    @Autowired
    DrilldownReader drilldowns;

    /** 扎赉诺尔's staffing standard (2名驻站社工，至少1人持证) drills down to the counts it was judged on. */
    @Test
    void staffingDrillsDownToTheStaffCounts() {
        Catalog c = catalogs.latest("zhalainuoer-2026").orElseThrow();
        Project p = on(c, "STANDARD");
        ProjectIndicator staffing = indicators(c, "STANDARD").stream()
                .filter(pi -> pi.indicator().kind() == RuleKind.STAFFING)
                .findFirst()
                .orElseThrow();
        cn.sgz.progress.Drilldown d =
                drilldowns.read(p, staffing, p.stationIds().get(0), ChinaTime.today(), null);
        assertThat(d.items())
                .anyMatch(i -> i.startsWith("驻站人员 ") && i.contains("要求不少于 2 人"))
                .anyMatch(i -> i.startsWith("其中持证 ") && i.contains("要求不少于 1 人"));
    }

    /** 扎赉诺尔's 服务成功案例 of 困难老人 drills down to the case the bureau confirmed at 沙河. */
    @Test
    void exemplaryDrillsDownToTheConfirmedCase() {
        Catalog c = catalogs.latest("zhalainuoer-2026").orElseThrow();
        Project p = on(c, "STANDARD");
        ProjectIndicator elderly = indicators(c, "STANDARD").stream()
                .filter(pi -> pi.indicator().code().equals("Z3.5.3"))
                .findFirst()
                .orElseThrow();
        long shahe = jdbc.sql("SELECT id FROM org_unit WHERE name = '沙河街道社工站'")
                .query(Long.class)
                .single();
        cn.sgz.progress.Drilldown d = drilldowns.read(p, elderly, shahe, ChinaTime.today(), null);
        assertThat(d.items()).isNotEmpty().allMatch(i -> i.contains(" 确认："));
    }

    /** 七表 (M0x.6) of a domain counts only that domain's case forms: a hand count of intake forms in SQL. */
    @Test
    void caseFileDocumentsOfADomainEqualAHandCount() {
        Catalog c = catalogs.latest("jiuyuan-2024").orElseThrow();
        Project p = on(c, "STANDARD");
        List<ProjectIndicator> inds = indicators(c, "STANDARD");
        List<StationCompliance> result = engine.evaluate(p, inds, p.stationIds(), Map.of(), ChinaTime.today());
        int checked = 0;
        for (StationCompliance sc : result) {
            for (int i = 0; i < inds.size(); i++) {
                Indicator ind = inds.get(i).indicator();
                if (ind.kind() != RuleKind.DOCUMENT
                        || ind.params().domain() == null
                        || !ind.params().documents().contains("个案接案记录表")) {
                    continue;
                }
                long intakeForms = jdbc.sql("""
                        SELECT COUNT(*) FROM cw_form f JOIN cw_case k ON k.id = f.owner_id AND f.owner_type = 'CASE'
                        WHERE f.station_id = ? AND f.form_type = 'INTAKE' AND k.domain = ?""")
                        .params(sc.stationId(), ind.params().domain().name())
                        .query(Long.class)
                        .single();
                IndicatorResult r = sc.indicators().get(i);
                assertThat(r.note())
                        .as(ind.code() + " at " + sc.stationId())
                        .satisfies(n -> assertThat(n.contains("个案接案记录表")).isEqualTo(intakeForms == 0));
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    /** 跟踪回访台账1份 and 回访≥1次/季度 of each domain of 扎赉诺尔, against a count in SQL. */
    @Test
    void followUpRosterFiguresOfEachDomainEqualAHandCount() {
        Catalog c = catalogs.latest("zhalainuoer-2026").orElseThrow();
        Project p = on(c, "STANDARD");
        List<ProjectIndicator> inds = indicators(c, "STANDARD");
        List<StationCompliance> result = engine.evaluate(p, inds, p.stationIds(), Map.of(), ChinaTime.today());
        int checked = 0;
        for (StationCompliance sc : result) {
            for (int i = 0; i < inds.size(); i++) {
                Indicator ind = inds.get(i).indicator();
                if (ind.params().entityType() != EntityType.FOLLOW_UP_ROSTER
                        || ind.params().subtype() != null) {
                    continue;
                }
                LedgerDomain d = ind.params().domain();
                Set<Long> people = new HashSet<>(
                        d == LedgerDomain.ALL
                                // the whole roster (every person on it, as the ledger has them)
                                ? jdbc.sql("""
                                SELECT recipient_id FROM followup_roster WHERE station_id = ? AND active AND started_on <= ?""")
                                        .params(sc.stationId(), ChinaTime.today())
                                        .query(Long.class)
                                        .list()
                                : jdbc.sql("""
                        SELECT f.recipient_id FROM followup_roster f JOIN recipient r ON r.id = f.recipient_id
                        WHERE f.station_id = ? AND f.active AND f.started_on <= ? AND r.status = 'ACTIVE'
                          AND r.merged_into_id IS NULL
                          AND EXISTS (SELECT 1 FROM recipient_category c WHERE c.recipient_id = r.id AND c.category = ?)""")
                                        .params(sc.stationId(), ChinaTime.today(), d.name())
                                        .query(Long.class)
                                        .list());
                IndicatorResult r = sc.indicators().get(i);
                if (ind.kind() == RuleKind.ENTITY_COUNT) {
                    assertThat(r.actual()).as(ind.code()).isEqualByComparingTo(people.isEmpty() ? "0" : "1");
                    assertThat(r.note())
                            .as(ind.code())
                            .contains(people.isEmpty() ? "还没有人员" : "共 " + people.size() + " 人");
                } else {
                    // the denominator of 回访≥1次/季度 is the roster of the domain, not the station's whole roster
                    assertThat(r.target())
                            .as(ind.code())
                            .isEqualByComparingTo(String.valueOf(Math.max(1, people.size())));
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
    }

    /**
     * Activity counts of the demo contract against a count in SQL, for the current sub-period: a plain one (any
     * 九原 activity count of every domain) and 九原 O10.4, which counts only records marked 已录入全国平台.
     */
    @Test
    void activityCountsAndThePlatformCountEqualAHandCount() {
        Catalog c = catalogs.latest("jiuyuan-2024").orElseThrow();
        Project p = on(c, "STANDARD");
        List<ProjectIndicator> inds = indicators(c, "STANDARD");
        List<StationCompliance> result = engine.evaluate(p, inds, p.stationIds(), Map.of(), ChinaTime.today());
        int checked = 0;
        int platform = 0;
        for (StationCompliance sc : result) {
            for (int i = 0; i < inds.size(); i++) {
                Indicator ind = inds.get(i).indicator();
                if (ind.kind() != RuleKind.ACTIVITY_COUNT
                        || ind.params().subtype() != null
                        || (ind.params().domain() != null && ind.params().domain() != LedgerDomain.ALL)) {
                    continue;
                }
                IndicatorResult r = sc.indicators().get(i);
                var span = r.subPeriods().stream()
                        .filter(s -> !s.from().isAfter(ChinaTime.today()))
                        .reduce((a, b) -> b)
                        .orElseThrow();
                java.time.LocalDate until = span.to().isBefore(ChinaTime.today()) ? span.to() : ChinaTime.today();
                long hand = jdbc.sql("SELECT COUNT(*) FROM service_record WHERE project_id = ? AND station_id = ? "
                                + "AND status = 'ACTIVE' AND qualification = 'COUNTS' AND service_date BETWEEN ? AND ? "
                                + "AND kind IN ("
                                + String.join(
                                        ",",
                                        ind.params().recordKinds().stream()
                                                .map(k -> "'" + k.name() + "'")
                                                .toList())
                                + ")"
                                + (ind.params().platform() == null ? "" : " AND platform_entered_on IS NOT NULL"))
                        .params(p.id(), sc.stationId(), span.from(), until)
                        .query(Long.class)
                        .single();
                assertThat(span.actual())
                        .as(ind.code() + " at " + sc.stationId())
                        .isEqualByComparingTo(String.valueOf(hand));
                checked++;
                if (ind.params().platform() != null) {
                    platform++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
        assertThat(platform)
                .as("O10.4 at each station")
                .isEqualTo(p.stationIds().size());
    }

    // ---- hand counts of the other rule kinds -------------------------------------------------------------------

    /** One evaluated indicator at one station, with the sub-period shown now and its end as counted (today at most). */
    record Row(
            long station,
            Indicator ind,
            IndicatorResult r,
            cn.sgz.progress.SubPeriodResult span,
            java.time.LocalDate until) {}

    /** Every indicator of a kind of a built-in catalog (every optional item chosen) at every demo station. */
    List<Row> rows(String code, RuleKind kind, Project[] project) {
        Catalog c = catalogs.latest(code).orElseThrow();
        Project p = on(c, c.content().tiers().get(0).code());
        project[0] = p;
        List<ProjectIndicator> inds = indicators(c, p.tier());
        List<StationCompliance> result = engine.evaluate(p, inds, p.stationIds(), Map.of(), ChinaTime.today());
        List<Row> out = new ArrayList<>();
        for (StationCompliance sc : result) {
            for (int i = 0; i < inds.size(); i++) {
                Indicator ind = inds.get(i).indicator();
                if (ind.kind() != kind) {
                    continue;
                }
                IndicatorResult r = sc.indicators().get(i);
                var span = r.subPeriods().stream()
                        .filter(s -> !s.from().isAfter(ChinaTime.today()))
                        .reduce((a, b) -> b)
                        .orElse(null); // none: a 评判项, not computed
                java.time.LocalDate until =
                        span == null || span.to().isAfter(ChinaTime.today()) ? ChinaTime.today() : span.to();
                out.add(new Row(sc.stationId(), ind, r, span, until));
            }
        }
        return out;
    }

    static boolean oneDomain(Indicator ind) {
        return ind.params().domain() != null && ind.params().domain() != LedgerDomain.ALL;
    }

    /** 个案数量: cases of the project, station and domain with at least N counting sessions in the sub-period. */
    @Test
    void caseQuotasEqualAHandCount() {
        long nonZero = 0;
        int checked = 0;
        for (String code : List.of("jiuyuan-2024", "zhalainuoer-2026")) {
            Project[] p = new Project[1];
            for (Row row : rows(code, RuleKind.CASE_QUOTA, p)) {
                IndicatorParamsView v = new IndicatorParamsView(row.ind());
                long hand = jdbc.sql("SELECT COUNT(*) FROM cw_case k WHERE k.project_id = ? AND k.station_id = ?"
                                + (oneDomain(row.ind())
                                        ? " AND k.domain = '"
                                                + row.ind().params().domain().name() + "'"
                                        : "")
                                + " AND (SELECT COUNT(*) FROM cw_session s JOIN service_record r ON r.id = s.record_id"
                                + " WHERE s.owner_type = 'CASE' AND s.owner_id = k.id AND r.status = 'ACTIVE'"
                                + " AND r.qualification = 'COUNTS' AND r.service_date BETWEEN ? AND ?) >= ?")
                        .params(p[0].id(), row.station(), row.span().from(), row.until(), v.sessions())
                        .query(Long.class)
                        .single();
                assertThat(row.span().actual())
                        .as(code + " " + row.ind().code() + " at " + row.station())
                        .isEqualByComparingTo(String.valueOf(hand));
                nonZero += hand;
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(20);
        assertThat(nonZero).as("cases counted anywhere").isPositive();
    }

    /**
     * 小组数量: groups of the project, station and domain with at least N counting sessions in the sub-period, each
     * with at least the indicator's (or else the project's) minimum of people signed in.
     */
    @Test
    void groupQuotasEqualAHandCount() {
        long nonZero = 0;
        int checked = 0;
        for (String code : List.of("jiuyuan-2024", "zhalainuoer-2026")) {
            Project[] p = new Project[1];
            for (Row row : rows(code, RuleKind.GROUP_QUOTA, p)) {
                IndicatorParamsView v = new IndicatorParamsView(row.ind());
                Integer policyMin = p[0].evidencePolicy() == null
                        ? null
                        : p[0].evidencePolicy().minGroupAttendees();
                int attendees = row.ind().params().attendeesPerSession() != null
                        ? row.ind().params().attendeesPerSession()
                        : policyMin == null ? 0 : policyMin;
                long hand = jdbc.sql("SELECT COUNT(*) FROM cw_group g WHERE g.kind = 'GROUP' AND g.project_id = ?"
                                + " AND g.station_id = ?"
                                + (oneDomain(row.ind())
                                        ? " AND g.domain = '"
                                                + row.ind().params().domain().name() + "'"
                                        : "")
                                + " AND (SELECT COUNT(*) FROM cw_session s JOIN service_record r ON r.id = s.record_id"
                                + " WHERE s.owner_type = 'GROUP' AND s.owner_id = g.id AND r.status = 'ACTIVE'"
                                + " AND r.qualification = 'COUNTS' AND r.service_date BETWEEN ? AND ?"
                                + " AND (SELECT COUNT(*) FROM sign_in_entry e WHERE e.record_id = r.id) >= ?) >= ?")
                        .params(p[0].id(), row.station(), row.span().from(), row.until(), attendees, v.sessions())
                        .query(Long.class)
                        .single();
                assertThat(row.span().actual())
                        .as(code + " " + row.ind().code() + " at " + row.station())
                        .isEqualByComparingTo(String.valueOf(hand));
                nonZero += hand;
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(20);
        assertThat(nonZero).as("groups counted anywhere").isPositive();
    }

    record IndicatorParamsView(Indicator ind) {
        int sessions() {
            return ind.params().sessionsEach() == null ? 1 : ind.params().sessionsEach();
        }
    }

    /**
     * 入户需求评估覆盖率 of a domain (no subtype): people on the station's ledger of the domain with a counting home
     * assessment of the project at the station in the sub-period, over all people of the domain on that ledger.
     */
    @Test
    void homeAssessmentCoverageEqualsAHandCount() {
        long covered = 0;
        int checked = 0;
        for (String code : List.of("jiuyuan-2024", "zhalainuoer-2026")) {
            Project[] p = new Project[1];
            for (Row row : rows(code, RuleKind.COVERAGE, p)) {
                Indicator ind = row.ind();
                if (ind.params().entityType() != null
                        || !oneDomain(ind)
                        || ind.params().subtype() != null) {
                    continue;
                }
                String kinds = String.join(
                        ",",
                        ind.params().recordKinds().stream()
                                .map(k -> "'" + k.name() + "'")
                                .toList());
                String people =
                        "FROM recipient r WHERE r.station_id = ? AND r.status = 'ACTIVE' AND r.merged_into_id IS NULL"
                                + " AND r.id IN (SELECT c.recipient_id FROM recipient_category c WHERE c.category = ?)";
                long all = jdbc.sql("SELECT COUNT(*) " + people)
                        .params(row.station(), ind.params().domain().name())
                        .query(Long.class)
                        .single();
                long served = jdbc.sql("SELECT COUNT(*) " + people
                                + " AND r.id IN (SELECT x.recipient_id FROM service_record_participant x"
                                + " JOIN service_record s ON s.id = x.record_id WHERE s.project_id = ? AND s.station_id = ?"
                                + " AND s.status = 'ACTIVE' AND s.qualification = 'COUNTS' AND s.kind IN (" + kinds
                                + ")"
                                + " AND s.service_date BETWEEN ? AND ?)")
                        .params(
                                row.station(),
                                ind.params().domain().name(),
                                p[0].id(),
                                row.station(),
                                row.span().from(),
                                row.until())
                        .query(Long.class)
                        .single();
                java.math.BigDecimal share = all == 0
                        ? java.math.BigDecimal.ZERO
                        : java.math.BigDecimal.valueOf(served * 100)
                                .divide(java.math.BigDecimal.valueOf(all), 1, java.math.RoundingMode.FLOOR);
                String at = code + " " + ind.code() + " at " + row.station();
                assertThat(row.span().actual()).as(at).isEqualByComparingTo(share);
                if (all > 0) {
                    assertThat(row.r().note()).as(at).isEqualTo("台账 " + all + " 人，已服务 " + served + " 人");
                }
                covered += served;
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(20);
        assertThat(covered).as("people assessed anywhere").isPositive();
    }

    /** 志愿者注册率 (九原 O10.1): volunteers of the station today with a national number, over all of them. */
    @Test
    void volunteerRegistrationCoverageEqualsAHandCount() {
        Project[] p = new Project[1];
        long registered = 0;
        int checked = 0;
        for (Row row : rows("jiuyuan-2024", RuleKind.COVERAGE, p)) {
            if (row.ind().params().entityType() != EntityType.VOLUNTEER) {
                continue;
            }
            String v = "FROM volunteer WHERE station_id = ? AND joined_on <= ? AND (left_on IS NULL OR left_on > ?)";
            long all = jdbc.sql("SELECT COUNT(*) " + v)
                    .params(row.station(), ChinaTime.today(), ChinaTime.today())
                    .query(Long.class)
                    .single();
            long withNo = jdbc.sql("SELECT COUNT(*) " + v + " AND national_no IS NOT NULL AND TRIM(national_no) <> ''")
                    .params(row.station(), ChinaTime.today(), ChinaTime.today())
                    .query(Long.class)
                    .single();
            assertThat(row.span().actual())
                    .as(row.ind().code() + " at " + row.station())
                    .isEqualByComparingTo(
                            all == 0
                                    ? java.math.BigDecimal.ZERO
                                    : java.math.BigDecimal.valueOf(withNo * 100)
                                            .divide(
                                                    java.math.BigDecimal.valueOf(all),
                                                    1,
                                                    java.math.RoundingMode.FLOOR));
            registered += withNo;
            checked++;
        }
        assertThat(checked).isEqualTo(p[0].stationIds().size());
        assertThat(registered).isPositive();
    }

    /**
     * 共募资金 (扎赉诺尔 Z7.1.1, a sum): every co-raised entry of the station received in the sub-period, a reversal
     * being a negative entry; and 每次慈善救助资金数 (Z7.2.2, each event): the smallest total of a relief event whose
     * service record counts, in the quarter.
     */
    @Test
    void coRaisedMoneyAndReliefAmountsEqualAHandCount() {
        Project[] p = new Project[1];
        java.math.BigDecimal raised = java.math.BigDecimal.ZERO;
        int sums = 0;
        int events = 0;
        for (Row row : rows("zhalainuoer-2026", RuleKind.AMOUNT, p)) {
            String at = row.ind().code() + " at " + row.station();
            if (row.ind().params().entityType() == EntityType.CO_RAISED_FUND) {
                java.math.BigDecimal hand = jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM co_raised_entry"
                                + " WHERE station_id = ? AND received_on BETWEEN ? AND ?")
                        .params(row.station(), row.span().from(), row.until())
                        .query(java.math.BigDecimal.class)
                        .single();
                assertThat(row.span().actual()).as(at).isEqualByComparingTo(hand);
                raised = raised.add(hand);
                sums++;
            } else if (row.ind().params().entityType() == EntityType.RELIEF_EVENT) {
                List<java.math.BigDecimal> totals = jdbc.sql(
                                "SELECT (SELECT COALESCE(SUM(l.amount), 0) FROM"
                                        + " relief_recipient l WHERE l.relief_id = e.id) FROM relief_event e"
                                        + " JOIN service_record r ON r.id = e.record_id WHERE e.station_id = ?"
                                        + " AND r.status = 'ACTIVE' AND r.qualification = 'COUNTS' AND e.relief_date BETWEEN ? AND ?")
                        .params(row.station(), row.span().from(), row.until())
                        .query(java.math.BigDecimal.class)
                        .list();
                assertThat(row.span().actual())
                        .as(at)
                        .isEqualByComparingTo(totals.stream()
                                .min(java.math.BigDecimal::compareTo)
                                .orElse(java.math.BigDecimal.ZERO));
                events++;
            }
        }
        assertThat(sums).isEqualTo(p[0].stationIds().size());
        assertThat(events).isEqualTo(p[0].stationIds().size());
        assertThat(raised).as("money co-raised anywhere").isPositive();
    }

    /** 驻站社工持证情况 (扎赉诺尔 Z1.3.2): active staff of the station, and how many of them hold a certificate. */
    @Test
    void staffingEqualsAHandCount() {
        Project[] p = new Project[1];
        long staff = 0;
        for (Row row : rows("zhalainuoer-2026", RuleKind.STAFFING, p)) {
            long all = jdbc.sql("SELECT COUNT(*) FROM staff WHERE station_id = ? AND active")
                    .param(row.station())
                    .query(Long.class)
                    .single();
            long certified = jdbc.sql(
                            "SELECT COUNT(*) FROM staff WHERE station_id = ? AND active AND cert_level <> 'NONE'")
                    .param(row.station())
                    .query(Long.class)
                    .single();
            String at = row.ind().code() + " at " + row.station();
            assertThat(row.r().actual()).as(at).isEqualByComparingTo(String.valueOf(all));
            assertThat(row.r().note()).as(at).startsWith("驻站 " + all + " 人，持证 " + certified + " 人");
            boolean met = all >= row.r().target().longValue()
                    && certified >= row.ind().params().certifiedMin();
            assertThat(row.r().status() == IndicatorStatus.MET).as(at).isEqualTo(met);
            staff += all;
        }
        assertThat(staff).isPositive();
    }

    /** 服务成功案例: 成功案例 confirmed in the sub-period at the station, of a case or group of the project and domain. */
    @Test
    void exemplaryCasesEqualAHandCount() {
        Project[] p = new Project[1];
        long confirmed = 0;
        int checked = 0;
        for (Row row : rows("zhalainuoer-2026", RuleKind.EXEMPLARY, p)) {
            String domain = oneDomain(row.ind()) ? row.ind().params().domain().name() : null;
            long hand = jdbc.sql("SELECT COUNT(*) FROM cw_exemplary e WHERE e.status = 'CONFIRMED' AND e.station_id = ?"
                            + " AND e.confirmed_on BETWEEN ? AND ? AND ("
                            + " (e.owner_type = 'CASE' AND e.owner_id IN (SELECT id FROM cw_case WHERE project_id = ?"
                            + (domain == null ? "" : " AND domain = '" + domain + "'") + "))"
                            + " OR (e.owner_type <> 'CASE' AND e.owner_id IN (SELECT id FROM cw_group WHERE project_id = ?"
                            + (domain == null ? "" : " AND domain = '" + domain + "'") + ")))")
                    .params(row.station(), row.span().from(), row.until(), p[0].id(), p[0].id())
                    .query(Long.class)
                    .single();
            assertThat(row.span().actual())
                    .as(row.ind().code() + " at " + row.station())
                    .isEqualByComparingTo(String.valueOf(hand));
            confirmed += hand;
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(20);
        assertThat(confirmed).isPositive();
    }

    /**
     * Entity counts other than the roster: community organisations (扎赉诺尔 Z6.1.1: existing today, founded in the
     * period or active in it through a counting record of theirs), charity projects (Z7.1.2: running in the period,
     * not cancelled) and charity funds (九原 M08.1: established and not closed).
     */
    @Test
    void communityOrgsCharityProjectsAndFundsEqualAHandCount() {
        Map<EntityType, Long> totals = new java.util.EnumMap<>(EntityType.class);
        for (String code : List.of("jiuyuan-2024", "zhalainuoer-2026")) {
            Project[] p = new Project[1];
            for (Row row : rows(code, RuleKind.ENTITY_COUNT, p)) {
                EntityType type = row.ind().params().entityType();
                String sql = switch (type) {
                    case COMMUNITY_ORG ->
                        "SELECT COUNT(*) FROM community_org o WHERE o.station_id = :station AND o.founded_on <= :until"
                                + " AND (o.dissolved_on IS NULL OR o.dissolved_on > :until) AND (o.founded_on >= :from"
                                + " OR EXISTS (SELECT 1 FROM service_record r WHERE r.status = 'ACTIVE'"
                                + " AND r.qualification = 'COUNTS' AND r.service_date BETWEEN :from AND :until"
                                + " AND (r.id IN (SELECT record_id FROM community_org_record WHERE org_id = o.id)"
                                + " OR r.id IN (SELECT record_id FROM community_training WHERE org_id = o.id))))";
                    case CHARITY_PROJECT ->
                        "SELECT COUNT(*) FROM charity_project WHERE station_id = :station AND start_date <= :until"
                                + " AND status <> 'CANCELLED' AND (end_date IS NULL OR end_date >= :from)";
                    case CHARITY_FUND ->
                        "SELECT COUNT(*) FROM charity_fund WHERE station_id = :station AND established_on <= :until"
                                + " AND (closed_on IS NULL OR closed_on > :until) AND :from IS NOT NULL";
                    default -> null;
                };
                if (sql == null) {
                    continue;
                }
                long hand = jdbc.sql(sql)
                        .param("station", row.station())
                        .param("from", row.span().from())
                        .param("until", row.until())
                        .query(Long.class)
                        .single();
                assertThat(row.span().actual())
                        .as(code + " " + row.ind().code() + " at " + row.station())
                        .isEqualByComparingTo(String.valueOf(hand));
                totals.merge(type, hand, Long::sum);
            }
        }
        assertThat(totals.keySet())
                .containsExactlyInAnyOrder(
                        EntityType.COMMUNITY_ORG, EntityType.CHARITY_PROJECT, EntityType.CHARITY_FUND);
        assertThat(totals.values()).as("each type counted somewhere").allMatch(n -> n > 0);
    }

    /**
     * 回访≥1次/季度 of a domain (扎赉诺尔 Z2.4.2 …, no subtype): people of the domain on the station's follow-up roster
     * with at least that many counting follow-up records of the project at the station in the quarter; and every
     * 评判项 (CHECKLIST) is left to the evaluators.
     */
    @Test
    void followUpsPerPersonEqualAHandCountAndChecklistsAreManual() {
        Project[] p = new Project[1];
        long reached = 0;
        int checked = 0;
        for (Row row : rows("zhalainuoer-2026", RuleKind.PER_RECIPIENT_FREQUENCY, p)) {
            Indicator ind = row.ind();
            if (!oneDomain(ind) || ind.params().subtype() != null) {
                continue;
            }
            String kinds = String.join(
                    ",",
                    ind.params().recordKinds().stream()
                            .map(k -> "'" + k.name() + "'")
                            .toList());
            long hand = jdbc.sql("SELECT COUNT(*) FROM followup_roster f JOIN recipient r ON r.id = f.recipient_id"
                            + " WHERE f.station_id = ? AND f.active AND f.started_on <= ? AND r.status = 'ACTIVE'"
                            + " AND r.merged_into_id IS NULL AND r.id IN (SELECT recipient_id FROM recipient_category"
                            + " WHERE category = ?) AND (SELECT COUNT(DISTINCT s.id) FROM service_record s"
                            + " JOIN service_record_participant x ON x.record_id = s.id WHERE x.recipient_id = r.id"
                            + " AND s.project_id = ? AND s.station_id = f.station_id AND s.status = 'ACTIVE'"
                            + " AND s.qualification = 'COUNTS' AND s.kind IN (" + kinds + ")"
                            + " AND s.service_date BETWEEN ? AND ?) >= ?")
                    .params(
                            row.station(),
                            ChinaTime.today(),
                            ind.params().domain().name(),
                            p[0].id(),
                            row.span().from(),
                            row.until(),
                            ind.target("STANDARD").longValue())
                    .query(Long.class)
                    .single();
            assertThat(row.span().actual())
                    .as(ind.code() + " at " + row.station())
                    .isEqualByComparingTo(String.valueOf(hand));
            reached += hand;
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
        assertThat(reached).as("people followed up anywhere").isPositive();
        assertThat(rows("zhalainuoer-2026", RuleKind.CHECKLIST, p))
                .isNotEmpty()
                .allMatch(r -> r.r().status() == IndicatorStatus.MANUAL && r.r().actual() == null);
    }
}
