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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
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
        UserDetails principal = accounts.loadUserByUsername("demo_bureau");
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
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
}
