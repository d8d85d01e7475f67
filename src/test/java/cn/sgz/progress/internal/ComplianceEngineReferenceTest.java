package cn.sgz.progress.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.catalog.AmountAggregate;
import cn.sgz.catalog.CatalogItem;
import cn.sgz.catalog.CatalogTask;
import cn.sgz.catalog.EntityType;
import cn.sgz.catalog.Indicator;
import cn.sgz.catalog.IndicatorParams;
import cn.sgz.catalog.ItemCategory;
import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectIndicator;
import cn.sgz.catalog.RuleKind;
import cn.sgz.catalog.SubPeriod;
import cn.sgz.evidence.EvidencePolicy;
import cn.sgz.progress.CaseworkFactSource;
import cn.sgz.progress.EntityFactSource;
import cn.sgz.progress.IndicatorResult;
import cn.sgz.progress.IndicatorStatus;
import cn.sgz.progress.LedgerFactSource;
import cn.sgz.progress.RecordFactSource;
import cn.sgz.progress.StationCompliance;
import cn.sgz.progress.SubPeriodResult;
import cn.sgz.shared.vocabulary.LedgerDomain;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Generated data, two evaluators: the engine (monthly aggregates, spans, pace) and a deliberately
 * simple reference that walks every raw record and every day. They must agree on every figure and
 * status, at month, quarter and year boundaries, for projects starting mid-month, across leap days,
 * and with records excluded or voided after the fact.
 */
class ComplianceEngineReferenceTest {

    /** A raw service record as the reference sees it. */
    record Raw(
            long station,
            LocalDate date,
            ServiceKind kind,
            LedgerDomain domain,
            long recipient,
            boolean counts,
            boolean voided,
            boolean entered) {

        /** A record not (yet) marked 已录入全国平台. */
        Raw(
                long station,
                LocalDate date,
                ServiceKind kind,
                LedgerDomain domain,
                long recipient,
                boolean counts,
                boolean voided) {
            this(station, date, kind, domain, recipient, counts, voided, false);
        }
    }

    record Session(LocalDate date, int attendees, boolean counts) {}

    record Group(long station, long id, List<Session> sessions) {}

    record Case(long station, long id, List<LocalDate> sessions) {}

    record Money(long station, long id, LocalDate date, BigDecimal amount) {}

    static final List<ServiceKind> KINDS = List.of(
            ServiceKind.RESOURCE_LINK,
            ServiceKind.FOLLOW_UP_VISIT,
            ServiceKind.FOLLOW_UP_PHONE,
            ServiceKind.HOME_ASSESSMENT,
            ServiceKind.CHARITY_PROMOTION);
    static final List<LedgerDomain> DOMAINS =
            List.of(LedgerDomain.SOCIAL_ASSISTANCE, LedgerDomain.ELDERLY, LedgerDomain.CHILD);
    static final List<Long> STATIONS = List.of(11L, 12L, 13L);

    /** One generated world: records, ledgers, cases, groups and money, all at the three stations. */
    static final class World {
        final List<Raw> records = new ArrayList<>();
        final Map<LedgerDomain, Map<Long, Set<Long>>> population = new HashMap<>();
        final Map<Long, Set<Long>> roster = new HashMap<>();
        final List<Case> cases = new ArrayList<>();
        final List<Group> groups = new ArrayList<>();
        final List<Money> money = new ArrayList<>();
        final Map<Long, Long> staffTotal = new HashMap<>();
        final Map<Long, Long> staffCertified = new HashMap<>();
        final Map<Long, Long> orgCount = new HashMap<>();
    }

    @Test
    void engineAgreesWithReferenceOnGeneratedData() {
        Random random = new Random(20261124);
        int compared = 0;
        for (int round = 0; round < 300; round++) {
            LocalDate start = randomStart(random);
            LocalDate end = start.plusMonths(2 + random.nextInt(16)).minusDays(random.nextInt(20));
            World world = generate(random, start, end);
            List<ProjectIndicator> indicators = indicators(random);
            // the evaluated project's own attendee minimum: 4, 6 or none (groups are judged by it, not by theirs)
            Integer minAttendees = List.of(4, 6, -1).get(random.nextInt(3));
            EvidencePolicy policy =
                    new EvidencePolicy(true, 3000, 0, minAttendees < 0 ? null : minAttendees, true, true);
            Project project = new Project(
                    1, "p", 1, "b", 1, "a", 1, "c", 1, "T", "T", start, end, STATIONS, List.of(), policy, 0);
            for (LocalDate asOf : asOfDates(random, start, end)) {
                LocalDate to = asOf.isBefore(end) ? asOf : end;
                Facts facts = inMemoryFacts(world, start, to);
                List<StationCompliance> engine =
                        ComplianceEngine.evaluate(facts, project, indicators, STATIONS, Map.of(), asOf);
                for (StationCompliance sc : engine) {
                    for (int i = 0; i < indicators.size(); i++) {
                        IndicatorResult actual = sc.indicators().get(i);
                        List<Expected> expected = reference(world, project, indicators.get(i), sc.stationId(), asOf);
                        assertThat(actual.subPeriods())
                                .as(
                                        "sub-periods of %s at %s asOf %s (start %s end %s)",
                                        indicators.get(i).indicator().kind(), sc.stationId(), asOf, start, end)
                                .hasSize(expected.size());
                        for (int k = 0; k < expected.size(); k++) {
                            SubPeriodResult got = actual.subPeriods().get(k);
                            Expected want = expected.get(k);
                            String what = indicators.get(i).indicator().kind() + " "
                                    + indicators.get(i).indicator().period()
                                    + " station " + sc.stationId() + " span " + got.label() + " asOf " + asOf
                                    + " start " + start + " end " + end;
                            assertThat(got.from()).as(what).isEqualTo(want.from());
                            assertThat(got.to()).as(what).isEqualTo(want.to());
                            assertThat(got.actual()).as(what).isEqualByComparingTo(want.actual());
                            assertThat(got.status()).as(what).isEqualTo(want.status());
                            compared++;
                        }
                        assertThat(actual.status()).isEqualTo(referenceOverall(expected));
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(10_000);
    }

    @Test
    void statusesFollowThePaceRuleAtTheEdges() {
        // 2 resource links a month, project from 15 March 2024 (leap year), asOf on the boundaries.
        World world = new World();
        world.records.add(new Raw(
                11, LocalDate.of(2024, 3, 15), ServiceKind.RESOURCE_LINK, LedgerDomain.ELDERLY, 1, true, false));
        world.records.add(new Raw(
                11, LocalDate.of(2024, 3, 31), ServiceKind.RESOURCE_LINK, LedgerDomain.ELDERLY, 1, true, false));
        world.records.add(new Raw(
                11, LocalDate.of(2024, 2, 29), ServiceKind.RESOURCE_LINK, LedgerDomain.ELDERLY, 1, true, false));
        world.records.add(new Raw(
                11, LocalDate.of(2024, 4, 1), ServiceKind.RESOURCE_LINK, LedgerDomain.ELDERLY, 1, false, false));
        world.records.add(
                new Raw(11, LocalDate.of(2024, 4, 2), ServiceKind.RESOURCE_LINK, LedgerDomain.ELDERLY, 1, true, true));
        LocalDate start = LocalDate.of(2024, 3, 15);
        LocalDate end = LocalDate.of(2024, 12, 31);
        Project project = new Project(
                1,
                "p",
                1,
                "b",
                1,
                "a",
                1,
                "c",
                1,
                "T",
                "T",
                start,
                end,
                List.of(11L),
                List.of(),
                EvidencePolicy.defaults(),
                0);
        ProjectIndicator pi = indicator(
                RuleKind.ACTIVITY_COUNT,
                SubPeriod.MONTH,
                params(List.of(ServiceKind.RESOURCE_LINK), null, null, null, null, null),
                2);

        IndicatorResult march = evaluate(world, project, pi, LocalDate.of(2024, 3, 31));
        assertThat(march.subPeriods().get(0).from()).isEqualTo(start);
        assertThat(march.subPeriods().get(0).actual()).isEqualByComparingTo("2"); // 29 Feb is before the project
        assertThat(march.subPeriods().get(0).status()).isEqualTo(IndicatorStatus.MET);
        assertThat(march.status()).isEqualTo(IndicatorStatus.ON_TRACK);

        // April: the excluded and the voided record do not count; on 15 April (half the month) 0 < floor(1.0).
        IndicatorResult april = evaluate(world, project, pi, LocalDate.of(2024, 4, 15));
        assertThat(april.actual()).isEqualByComparingTo("0");
        assertThat(april.status()).isEqualTo(IndicatorStatus.AT_RISK);
        assertThat(evaluate(world, project, pi, LocalDate.of(2024, 4, 10)).status())
                .isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(evaluate(world, project, pi, LocalDate.of(2024, 5, 1)).status())
                .isEqualTo(IndicatorStatus.MISSED);
        assertThat(evaluate(world, project, pi, LocalDate.of(2024, 3, 14)).status())
                .isEqualTo(IndicatorStatus.NOT_DUE);
    }

    @Test
    void missingSourcesSayNotConnectedInsteadOfZero() {
        World world = new World();
        LocalDate start = LocalDate.of(2026, 1, 1);
        Project project = new Project(
                1,
                "p",
                1,
                "b",
                1,
                "a",
                1,
                "c",
                1,
                "T",
                "T",
                start,
                start.plusYears(1).minusDays(1),
                List.of(11L),
                List.of(),
                EvidencePolicy.defaults(),
                0);
        Facts facts = new Facts(
                List.of(11L),
                start,
                LocalDate.of(2026, 6, 30),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                ids -> Map.of());
        ProjectIndicator cases =
                indicator(RuleKind.CASE_QUOTA, SubPeriod.PROJECT, params(List.of(), null, null, 5, null, null), 6);
        ProjectIndicator visits = indicator(
                RuleKind.ACTIVITY_COUNT,
                SubPeriod.MONTH,
                params(List.of(ServiceKind.RESOURCE_LINK), null, null, null, null, null),
                2);
        List<StationCompliance> result = ComplianceEngine.evaluate(
                facts, project, List.of(cases, visits), List.of(11L), Map.of(), LocalDate.of(2026, 6, 30));
        assertThat(result.get(0).indicators()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(IndicatorStatus.NOT_CONNECTED);
            assertThat(r.actual()).isNull();
            assertThat(r.note()).isEqualTo("数据来源尚未接入");
        });
    }

    /** A platform requirement the record source cannot see is reported as not connected, never as every record. */
    @Test
    void aPlatformRequirementWithoutEntryMarksIsNotConnectedNotIgnored() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        Project project = new Project(
                1,
                "p",
                1,
                "b",
                1,
                "a",
                1,
                "c",
                1,
                "T",
                "T",
                start,
                start.plusYears(1).minusDays(1),
                List.of(11L),
                List.of(),
                EvidencePolicy.defaults(),
                0);
        RecordFactSource noMarks = new RecordFactSource() {
            @Override
            public List<MonthlyCount> monthlyCounts(Collection<Long> stations, LocalDate f, LocalDate t) {
                return List.of(new MonthlyCount(
                        11L, ServiceKind.VOLUNTEER_ACTIVITY, LedgerDomain.ALL, YearMonth.of(2026, 2), 3));
            }

            @Override
            public List<RecipientMonthlyCount> recipientMonthlyCounts(
                    Collection<Long> stations, Set<ServiceKind> kinds, LocalDate f, LocalDate t) {
                return List.of();
            }

            @Override
            public List<RecordRef> records(
                    long station, Set<ServiceKind> kinds, LedgerDomain domain, LocalDate f, LocalDate t) {
                return List.of();
            }
        };
        Facts facts = new Facts(
                List.of(11L),
                start,
                LocalDate.of(2026, 2, 28),
                Optional.of(noMarks),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                ids -> Map.of());
        IndicatorParams volunteer = params(List.of(ServiceKind.VOLUNTEER_ACTIVITY), null, null, null, null, null);
        ProjectIndicator plain = indicator(RuleKind.ACTIVITY_COUNT, SubPeriod.MONTH, volunteer, 2);
        ProjectIndicator entered =
                indicator(RuleKind.ACTIVITY_COUNT, SubPeriod.MONTH, volunteer.withPlatform("全国志愿服务信息系统"), 2);
        List<IndicatorResult> rows = ComplianceEngine.evaluate(
                        facts, project, List.of(plain, entered), List.of(11L), Map.of(), LocalDate.of(2026, 2, 28))
                .get(0)
                .indicators();
        assertThat(rows.get(0).actual()).isEqualByComparingTo("3");
        assertThat(rows.get(1).status()).isEqualTo(IndicatorStatus.NOT_CONNECTED);
        assertThat(rows.get(1).actual()).isNull();
    }

    @Test
    void exemplaryCasesCountOnlyInTheirOwnDomain() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        Project project = new Project(
                1,
                "p",
                1,
                "b",
                1,
                "a",
                1,
                "c",
                1,
                "T",
                "T",
                start,
                start.plusYears(1).minusDays(1),
                List.of(11L),
                List.of(),
                EvidencePolicy.defaults(),
                0);
        CaseworkFactSource casework = new CaseworkFactSource() {
            @Override
            public List<CaseFact> cases(Collection<Long> s, LedgerDomain d, LocalDate f, LocalDate t) {
                return List.of();
            }

            @Override
            public List<GroupFact> groups(Collection<Long> s, LedgerDomain d, LocalDate f, LocalDate t) {
                return List.of();
            }

            @Override
            public List<ExemplaryFact> exemplary(Collection<Long> s, LocalDate f, LocalDate t) {
                return List.of(
                        new ExemplaryFact(11, 1, "老人个案", LocalDate.of(2026, 3, 1), LedgerDomain.ELDERLY),
                        new ExemplaryFact(11, 2, "儿童小组", LocalDate.of(2026, 4, 1), LedgerDomain.CHILD));
            }
        };
        LocalDate asOf = LocalDate.of(2026, 6, 30);
        Facts facts = new Facts(
                List.of(11L),
                start,
                asOf,
                Optional.empty(),
                Optional.empty(),
                Optional.of(casework),
                List.of(),
                List.of(),
                ids -> Map.of());
        ProjectIndicator elderly = indicator(
                RuleKind.EXEMPLARY,
                SubPeriod.PROJECT,
                params(List.of(), LedgerDomain.ELDERLY, null, null, null, null),
                1);
        ProjectIndicator disabled = indicator(
                RuleKind.EXEMPLARY,
                SubPeriod.PROJECT,
                params(List.of(), LedgerDomain.DISABLED, null, null, null, null),
                1);
        ProjectIndicator any =
                indicator(RuleKind.EXEMPLARY, SubPeriod.PROJECT, params(List.of(), null, null, null, null, null), 1);
        List<IndicatorResult> rows = ComplianceEngine.evaluate(
                        facts, project, List.of(elderly, disabled, any), List.of(11L), Map.of(), asOf)
                .get(0)
                .indicators();
        assertThat(rows).extracting(r -> r.actual().intValue()).containsExactly(1, 0, 2);
    }

    @Test
    void entityCoverageIsTheShareMeetingTheConditionAndNeedsASourceThatJudgesIt() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        Project project = new Project(
                1,
                "p",
                1,
                "b",
                1,
                "a",
                1,
                "c",
                1,
                "T",
                "T",
                start,
                start.plusYears(1).minusDays(1),
                List.of(11L, 12L),
                List.of(),
                EvidencePolicy.defaults(),
                0);
        ProjectIndicator registered = indicator(
                RuleKind.COVERAGE,
                SubPeriod.PROJECT,
                IndicatorParams.builder()
                        .entityType(EntityType.VOLUNTEER)
                        .condition("全国志愿服务信息系统注册")
                        .build(),
                100);
        class Volunteers implements EntityFactSource {
            final boolean judges;

            Volunteers(boolean judges) {
                this.judges = judges;
            }

            @Override
            public Set<EntityType> entityTypes() {
                return Set.of(EntityType.VOLUNTEER);
            }

            @Override
            public Map<Long, Long> count(Collection<Long> s, EntityType t, LocalDate f, LocalDate a) {
                return Map.of();
            }

            @Override
            public List<AmountFact> amounts(Collection<Long> s, EntityType t, LocalDate f, LocalDate to) {
                return List.of();
            }

            @Override
            public Map<Long, Share> share(Collection<Long> s, EntityType t, String condition, LocalDate asOf) {
                return judges && condition.equals("全国志愿服务信息系统注册")
                        ? Map.of(11L, new Share(40, 40), 12L, new Share(30, 27))
                        : null;
            }
        }
        LocalDate asOf = LocalDate.of(2026, 6, 30);
        List<StationCompliance> judged = ComplianceEngine.evaluate(
                new Facts(
                        List.of(11L, 12L),
                        start,
                        asOf,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        List.of(new Volunteers(true)),
                        List.of(),
                        ids -> Map.of()),
                project,
                List.of(registered),
                List.of(11L, 12L),
                Map.of(),
                asOf);
        assertThat(judged.get(0).indicators().get(0).actual()).isEqualByComparingTo("100");
        assertThat(judged.get(0).indicators().get(0).status()).isEqualTo(IndicatorStatus.MET);
        assertThat(judged.get(1).indicators().get(0).actual()).isEqualByComparingTo("90");
        assertThat(judged.get(1).indicators().get(0).status()).isNotEqualTo(IndicatorStatus.MET);
        assertThat(judged.get(1).indicators().get(0).note()).contains("30").contains("27");

        List<StationCompliance> unjudged = ComplianceEngine.evaluate(
                new Facts(
                        List.of(11L),
                        start,
                        asOf,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        List.of(new Volunteers(false)),
                        List.of(),
                        ids -> Map.of()),
                project,
                List.of(registered),
                List.of(11L),
                Map.of(),
                asOf);
        assertThat(unjudged.get(0).indicators().get(0).status()).isEqualTo(IndicatorStatus.NOT_CONNECTED);
    }

    private IndicatorResult evaluate(World world, Project project, ProjectIndicator pi, LocalDate asOf) {
        LocalDate to = asOf.isBefore(project.endDate()) ? asOf : project.endDate();
        return ComplianceEngine.evaluate(
                        inMemoryFacts(world, project.startDate(), to),
                        project,
                        List.of(pi),
                        List.of(11L),
                        Map.of(),
                        asOf)
                .get(0)
                .indicators()
                .get(0);
    }

    // ---------------------------------------------------------------- generation

    private static LocalDate randomStart(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> LocalDate.of(2024, 2, 29); // a leap day
            case 1 -> LocalDate.of(2024 + random.nextInt(3), 1 + random.nextInt(12), 1); // month start
            case 2 -> LocalDate.of(2025, 3, 31); // quarter end
            default -> LocalDate.of(2024 + random.nextInt(3), 1 + random.nextInt(12), 1 + random.nextInt(28));
        };
    }

    private static List<LocalDate> asOfDates(Random random, LocalDate start, LocalDate end) {
        List<LocalDate> dates = new ArrayList<>(List.of(
                start.minusDays(1),
                start,
                end,
                end.plusDays(40),
                YearMonth.from(start).plusMonths(1).atDay(1),
                YearMonth.from(start).plusMonths(2).atEndOfMonth()));
        long days = ChronoUnit.DAYS.between(start, end);
        for (int i = 0; i < 3; i++) {
            dates.add(start.plusDays(random.nextInt((int) days + 1)));
        }
        return dates;
    }

    private static World generate(Random random, LocalDate start, LocalDate end) {
        World w = new World();
        long days = ChronoUnit.DAYS.between(start, end);
        for (long station : STATIONS) {
            for (LedgerDomain d : DOMAINS) {
                Set<Long> people = new HashSet<>();
                int n = random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    people.add(station * 1000 + random.nextInt(20));
                }
                w.population.computeIfAbsent(d, k -> new HashMap<>()).put(station, people);
            }
            Set<Long> roster = new HashSet<>();
            for (int i = 0; i < random.nextInt(5); i++) {
                roster.add(station * 1000 + random.nextInt(20));
            }
            w.roster.put(station, roster);
            int records = random.nextInt(60);
            for (int i = 0; i < records; i++) {
                LocalDate date = start.plusDays(random.nextInt((int) days + 60) - 30);
                w.records.add(new Raw(
                        station,
                        date,
                        KINDS.get(random.nextInt(KINDS.size())),
                        DOMAINS.get(random.nextInt(DOMAINS.size())),
                        station * 1000 + random.nextInt(20),
                        random.nextInt(6) > 0,
                        random.nextInt(12) == 0,
                        random.nextInt(3) > 0));
            }
            for (int c = 0; c < random.nextInt(5); c++) {
                List<LocalDate> sessions = new ArrayList<>();
                for (int s = 0; s < random.nextInt(8); s++) {
                    sessions.add(start.plusDays(random.nextInt((int) days + 1)));
                }
                w.cases.add(new Case(station, station * 100 + c, sessions));
            }
            for (int g = 0; g < random.nextInt(4); g++) {
                List<Session> sessions = new ArrayList<>();
                for (int s = 0; s < random.nextInt(7); s++) {
                    sessions.add(new Session(
                            start.plusDays(random.nextInt((int) days + 1)),
                            3 + random.nextInt(8),
                            random.nextInt(5) > 0));
                }
                w.groups.add(new Group(station, station * 100 + g, sessions));
            }
            for (int m = 0; m < random.nextInt(6); m++) {
                w.money.add(new Money(
                        station,
                        station * 100 + m,
                        start.plusDays(random.nextInt((int) days + 1)),
                        BigDecimal.valueOf(500 + random.nextInt(10) * 250L)));
            }
            w.staffTotal.put(station, (long) random.nextInt(4));
            w.staffCertified.put(station, (long) random.nextInt(3));
            w.orgCount.put(station, (long) random.nextInt(3));
        }
        return w;
    }

    private static List<ProjectIndicator> indicators(Random random) {
        List<ProjectIndicator> list = new ArrayList<>();
        SubPeriod[] periods = SubPeriod.values();
        list.add(indicator(
                RuleKind.ACTIVITY_COUNT,
                periods[random.nextInt(periods.length)],
                params(
                        List.of(ServiceKind.RESOURCE_LINK, ServiceKind.CHARITY_PROMOTION),
                        random.nextBoolean() ? LedgerDomain.ELDERLY : null,
                        null,
                        null,
                        null,
                        null),
                1 + random.nextInt(4)));
        // the same count where a record counts only when marked 已录入全国平台 (a catalog's platform parameter)
        list.add(indicator(
                RuleKind.ACTIVITY_COUNT,
                periods[random.nextInt(periods.length)],
                params(
                                List.of(ServiceKind.RESOURCE_LINK, ServiceKind.CHARITY_PROMOTION),
                                random.nextBoolean() ? LedgerDomain.ELDERLY : null,
                                null,
                                null,
                                null,
                                null)
                        .withPlatform("全国志愿服务信息系统"),
                1 + random.nextInt(3)));
        // per-person frequency over the roster of the indicator's domain (or the whole roster)
        list.add(indicator(
                RuleKind.PER_RECIPIENT_FREQUENCY,
                SubPeriod.QUARTER,
                params(
                        List.of(ServiceKind.FOLLOW_UP_VISIT, ServiceKind.FOLLOW_UP_PHONE),
                        random.nextBoolean() ? null : DOMAINS.get(random.nextInt(DOMAINS.size())),
                        EntityType.FOLLOW_UP_ROSTER,
                        null,
                        null,
                        null),
                1));
        // 跟踪回访台账1份 of a domain
        list.add(indicator(
                RuleKind.ENTITY_COUNT,
                random.nextBoolean() ? SubPeriod.PROJECT : SubPeriod.QUARTER,
                params(
                        List.of(),
                        random.nextBoolean() ? null : DOMAINS.get(random.nextInt(DOMAINS.size())),
                        EntityType.FOLLOW_UP_ROSTER,
                        null,
                        null,
                        null),
                1));
        list.add(indicator(
                RuleKind.COVERAGE,
                random.nextBoolean() ? SubPeriod.PROJECT : SubPeriod.YEAR,
                params(
                        List.of(ServiceKind.HOME_ASSESSMENT),
                        DOMAINS.get(random.nextInt(DOMAINS.size())),
                        null,
                        null,
                        null,
                        null),
                random.nextBoolean() ? 100 : 50));
        list.add(indicator(
                RuleKind.CASE_QUOTA,
                SubPeriod.PROJECT,
                params(List.of(), null, null, 1 + random.nextInt(5), null, null),
                1 + random.nextInt(4)));
        // attendee minimum from the indicator (每节不得少于6人) or, when it gives none, from the evaluated project
        list.add(indicator(
                RuleKind.GROUP_QUOTA,
                random.nextBoolean() ? SubPeriod.PROJECT : SubPeriod.HALF,
                params(List.of(), null, null, 1 + random.nextInt(4), random.nextBoolean() ? 6 : null, null),
                1 + random.nextInt(3)));
        list.add(indicator(
                RuleKind.AMOUNT,
                SubPeriod.PROJECT,
                params(List.of(), null, EntityType.CO_RAISED_FUND, null, null, AmountAggregate.SUM),
                2000));
        list.add(indicator(
                RuleKind.AMOUNT,
                SubPeriod.QUARTER,
                params(List.of(), null, EntityType.CHARITY_PROJECT, null, null, AmountAggregate.EACH_EVENT),
                1000));
        list.add(indicator(
                RuleKind.AMOUNT,
                SubPeriod.QUARTER,
                IndicatorParams.builder()
                        .entityType(EntityType.CHARITY_PROJECT)
                        .aggregate(AmountAggregate.EVENTS_AT_LEAST)
                        .unit("次")
                        .eventsMin(random.nextBoolean() ? null : 1 + random.nextInt(2))
                        .build(),
                1000));
        list.add(indicator(
                RuleKind.ENTITY_COUNT,
                random.nextBoolean() ? SubPeriod.PROJECT : SubPeriod.MONTH,
                params(List.of(), null, EntityType.COMMUNITY_ORG, null, null, null),
                1));
        list.add(indicator(
                RuleKind.STAFFING,
                SubPeriod.PROJECT,
                IndicatorParams.builder().certifiedMin(1).unit("人").build(),
                2));
        return list;
    }

    static IndicatorParams params(
            List<ServiceKind> kinds,
            LedgerDomain domain,
            EntityType entity,
            Integer sessions,
            Integer attendees,
            AmountAggregate aggregate) {
        return IndicatorParams.builder()
                .recordKinds(kinds)
                .domain(domain)
                .entityType(entity)
                .sessionsEach(sessions)
                .attendeesPerSession(attendees)
                .aggregate(aggregate)
                .build();
    }

    static long ids = 1;

    static ProjectIndicator indicator(RuleKind kind, SubPeriod period, IndicatorParams params, int target) {
        Indicator ind = new Indicator(
                ids++,
                "I" + ids,
                kind.name(),
                kind,
                period,
                params,
                Map.of("T", BigDecimal.valueOf(target)),
                "标准",
                null,
                null);
        CatalogItem item =
                new CatalogItem(1L, "item", "1", "分项", ItemCategory.MANDATORY, null, null, null, null, List.of(ind));
        CatalogTask task = new CatalogTask(1L, "task", "1", "任务", List.of(item));
        return new ProjectIndicator(task, item, ind, BigDecimal.valueOf(target));
    }

    // ---------------------------------------------------------------- in-memory fact sources (what SQL would return)

    private static Facts inMemoryFacts(World w, LocalDate from, LocalDate to) {
        RecordFactSource records = new RecordFactSource() {
            @Override
            public List<MonthlyCount> monthlyCounts(Collection<Long> stations, LocalDate f, LocalDate t) {
                Map<List<Object>, Long> counts = new LinkedHashMap<>();
                for (Raw r : w.records) {
                    if (stations.contains(r.station())
                            && r.counts()
                            && !r.voided()
                            && !r.date().isBefore(f)
                            && !r.date().isAfter(t)) {
                        counts.merge(
                                List.of(r.station(), r.kind(), r.domain(), YearMonth.from(r.date())), 1L, Long::sum);
                    }
                }
                return counts.entrySet().stream()
                        .map(e -> new MonthlyCount(
                                (Long) e.getKey().get(0),
                                (ServiceKind) e.getKey().get(1),
                                (LedgerDomain) e.getKey().get(2),
                                (YearMonth) e.getKey().get(3),
                                e.getValue()))
                        .toList();
            }

            @Override
            public List<MonthlyCount> platformMonthlyCounts(
                    Collection<Long> stations, Set<ServiceKind> kinds, LocalDate f, LocalDate t) {
                Map<List<Object>, Long> counts = new LinkedHashMap<>();
                for (Raw r : w.records) {
                    if (stations.contains(r.station())
                            && r.counts()
                            && !r.voided()
                            && r.entered()
                            && kinds.contains(r.kind())
                            && !r.date().isBefore(f)
                            && !r.date().isAfter(t)) {
                        counts.merge(
                                List.of(r.station(), r.kind(), r.domain(), YearMonth.from(r.date())), 1L, Long::sum);
                    }
                }
                return counts.entrySet().stream()
                        .map(e -> new MonthlyCount(
                                (Long) e.getKey().get(0),
                                (ServiceKind) e.getKey().get(1),
                                (LedgerDomain) e.getKey().get(2),
                                (YearMonth) e.getKey().get(3),
                                e.getValue()))
                        .toList();
            }

            @Override
            public List<RecipientMonthlyCount> recipientMonthlyCounts(
                    Collection<Long> stations, Set<ServiceKind> kinds, LocalDate f, LocalDate t) {
                Map<List<Object>, Long> counts = new LinkedHashMap<>();
                for (Raw r : w.records) {
                    if (stations.contains(r.station())
                            && r.counts()
                            && !r.voided()
                            && kinds.contains(r.kind())
                            && !r.date().isBefore(f)
                            && !r.date().isAfter(t)) {
                        counts.merge(
                                List.of(r.station(), r.recipient(), r.kind(), YearMonth.from(r.date())), 1L, Long::sum);
                    }
                }
                return counts.entrySet().stream()
                        .map(e -> new RecipientMonthlyCount(
                                (Long) e.getKey().get(0),
                                (Long) e.getKey().get(1),
                                (ServiceKind) e.getKey().get(2),
                                (YearMonth) e.getKey().get(3),
                                e.getValue()))
                        .toList();
            }

            @Override
            public List<RecordRef> records(
                    long station, Set<ServiceKind> kinds, LedgerDomain domain, LocalDate f, LocalDate t) {
                return List.of();
            }
        };
        LedgerFactSource ledgers = new LedgerFactSource() {
            @Override
            public Map<Long, Set<Long>> population(
                    Collection<Long> stations, LedgerDomain domain, String subtype, LocalDate asOf) {
                return w.population.getOrDefault(domain, Map.of());
            }

            @Override
            public Map<Long, Set<Long>> followUpRoster(Collection<Long> stations, LocalDate asOf) {
                return w.roster;
            }
        };
        CaseworkFactSource casework = new CaseworkFactSource() {
            @Override
            public List<CaseFact> cases(Collection<Long> stations, LedgerDomain domain, LocalDate f, LocalDate t) {
                return w.cases.stream()
                        .map(c -> new CaseFact(
                                c.station(),
                                c.id(),
                                "个案" + c.id(),
                                c.sessions().stream()
                                        .filter(d -> !d.isBefore(f) && !d.isAfter(t))
                                        .toList()))
                        .toList();
            }

            @Override
            public List<GroupFact> groups(Collection<Long> stations, LedgerDomain domain, LocalDate f, LocalDate t) {
                return w.groups.stream()
                        .map(g -> new GroupFact(
                                g.station(),
                                g.id(),
                                "小组" + g.id(),
                                g.sessions().stream()
                                        .filter(s -> !s.date().isBefore(f)
                                                && !s.date().isAfter(t))
                                        .map(s -> new SessionFact(s.date(), s.attendees(), s.counts()))
                                        .toList()))
                        .toList();
            }

            @Override
            public List<ExemplaryFact> exemplary(Collection<Long> stations, LocalDate f, LocalDate t) {
                return List.of();
            }
        };
        EntityFactSource entities = new EntityFactSource() {
            @Override
            public Set<EntityType> entityTypes() {
                return Set.of(EntityType.CO_RAISED_FUND, EntityType.CHARITY_PROJECT, EntityType.COMMUNITY_ORG);
            }

            @Override
            public Map<Long, Long> count(Collection<Long> stations, EntityType type, LocalDate f, LocalDate asOf) {
                return w.orgCount;
            }

            @Override
            public List<AmountFact> amounts(Collection<Long> stations, EntityType type, LocalDate f, LocalDate t) {
                // Co-raised money and relief events share the generated events; the rules differ.
                return w.money.stream()
                        .filter(m -> !m.date().isBefore(f) && !m.date().isAfter(t))
                        .map(m -> new AmountFact(m.station(), m.id(), m.date(), m.amount(), "款项"))
                        .toList();
            }
        };
        Facts.StaffCounts staff = stations -> stations.stream()
                .collect(Collectors.toMap(
                        s -> s,
                        s -> new Facts.StaffCounts.Count(
                                w.staffTotal.get(s), Math.min(w.staffTotal.get(s), w.staffCertified.get(s)))));
        return new Facts(
                STATIONS,
                from,
                to,
                Optional.of(records),
                Optional.of(ledgers),
                Optional.of(casework),
                List.of(entities),
                List.of(),
                staff);
    }

    // ---------------------------------------------------------------- the reference evaluator

    record Expected(LocalDate from, LocalDate to, BigDecimal actual, IndicatorStatus status) {}

    /** Sub-period key of a day: the reference groups days by it instead of computing span bounds. */
    private static String key(LocalDate d, SubPeriod p) {
        return switch (p) {
            case MONTH -> d.getYear() + "-" + d.getMonthValue();
            case QUARTER -> d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3);
            case HALF -> d.getYear() + "-H" + (d.getMonthValue() <= 6 ? 1 : 2);
            case YEAR -> String.valueOf(d.getYear());
            case PROJECT -> "all";
        };
    }

    private static List<Expected> reference(
            World w, Project project, ProjectIndicator pi, long station, LocalDate asOf) {
        Indicator ind = pi.indicator();
        Map<String, List<LocalDate>> spans = new LinkedHashMap<>();
        for (LocalDate d = project.startDate(); !d.isAfter(project.endDate()); d = d.plusDays(1)) {
            spans.computeIfAbsent(key(d, ind.period()), k -> new ArrayList<>()).add(d);
        }
        List<Expected> result = new ArrayList<>();
        for (List<LocalDate> days : spans.values()) {
            LocalDate from = days.get(0);
            LocalDate to = days.get(days.size() - 1);
            LocalDate until = asOf.isBefore(to) ? asOf : to;
            BigDecimal target = pi.target();
            BigDecimal actual;
            Boolean verdictReached = null;
            boolean failing = false;
            IndicatorParams p = ind.params();
            switch (ind.kind()) {
                case ACTIVITY_COUNT ->
                    actual = BigDecimal.valueOf(w.records.stream()
                            .filter(r -> r.station() == station
                                    && r.counts()
                                    && !r.voided()
                                    && (p.platform() == null || r.entered())
                                    && p.recordKinds().contains(r.kind())
                                    && (p.domain() == null || p.domain() == r.domain())
                                    && !r.date().isBefore(from)
                                    && !r.date().isAfter(until))
                            .count());
                case PER_RECIPIENT_FREQUENCY -> {
                    Set<Long> people = rosterOf(w, station, p.domain());
                    long perPerson = target.longValue();
                    long met = people.stream()
                            .filter(person -> w.records.stream()
                                            .filter(r -> r.station() == station
                                                    && r.recipient() == person
                                                    && r.counts()
                                                    && !r.voided()
                                                    && p.recordKinds().contains(r.kind())
                                                    && !r.date().isBefore(from)
                                                    && !r.date().isAfter(until))
                                            .count()
                                    >= perPerson)
                            .count();
                    actual = BigDecimal.valueOf(met);
                    target = BigDecimal.valueOf(Math.max(1, people.size()));
                }
                case COVERAGE -> {
                    Set<Long> people = w.population.get(p.domain()).getOrDefault(station, Set.of());
                    long covered = people.stream()
                            .filter(person -> w.records.stream()
                                    .anyMatch(r -> r.station() == station
                                            && r.recipient() == person
                                            && r.counts()
                                            && !r.voided()
                                            && p.recordKinds().contains(r.kind())
                                            && !r.date().isBefore(from)
                                            && !r.date().isAfter(until)))
                            .count();
                    actual = people.isEmpty()
                            ? BigDecimal.ZERO
                            : BigDecimal.valueOf(covered * 100)
                                    .divide(BigDecimal.valueOf(people.size()), 1, RoundingMode.FLOOR);
                }
                case CASE_QUOTA ->
                    actual = BigDecimal.valueOf(w.cases.stream()
                            .filter(c -> c.station() == station
                                    && c.sessions().stream()
                                                    .filter(d -> !d.isBefore(from) && !d.isAfter(until))
                                                    .count()
                                            >= p.sessionsEach())
                            .count());
                case GROUP_QUOTA ->
                    actual = BigDecimal.valueOf(w.groups.stream()
                            .filter(g -> g.station() == station
                                    && g.sessions().stream()
                                                    .filter(s -> s.counts()
                                                            && s.attendees() >= minAttendees(p, project)
                                                            && !s.date().isBefore(from)
                                                            && !s.date().isAfter(until))
                                                    .count()
                                            >= p.sessionsEach())
                            .count());
                case AMOUNT -> {
                    List<Money> events = w.money.stream()
                            .filter(m -> m.station() == station
                                    && !m.date().isBefore(from)
                                    && !m.date().isAfter(until))
                            .toList();
                    if (p.aggregate() == AmountAggregate.EVENTS_AT_LEAST) {
                        BigDecimal t = target;
                        actual = BigDecimal.valueOf(events.stream()
                                .filter(m -> m.amount().compareTo(t) >= 0)
                                .count());
                        target = BigDecimal.valueOf(p.eventsMin() == null ? 1 : p.eventsMin());
                    } else if (p.aggregate() == AmountAggregate.EACH_EVENT) {
                        BigDecimal t = target;
                        actual = events.stream()
                                .map(Money::amount)
                                .min(BigDecimal::compareTo)
                                .orElse(BigDecimal.ZERO);
                        failing = events.stream().anyMatch(m -> m.amount().compareTo(t) < 0);
                        verdictReached = !events.isEmpty() && !failing;
                    } else {
                        actual = events.stream().map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                    }
                }
                // nothing is counted in a sub-period that has not begun
                case ENTITY_COUNT ->
                    actual = asOf.isBefore(from)
                            ? BigDecimal.ZERO
                            : p.entityType() == EntityType.FOLLOW_UP_ROSTER
                                    ? BigDecimal.valueOf(
                                            rosterOf(w, station, p.domain()).isEmpty() ? 0 : 1)
                                    : BigDecimal.valueOf(w.orgCount.get(station));
                case STAFFING -> {
                    long total = w.staffTotal.get(station);
                    long certified = Math.min(total, w.staffCertified.get(station));
                    actual = BigDecimal.valueOf(total);
                    verdictReached = total >= target.longValue() && certified >= p.certifiedMin();
                    failing = !verdictReached;
                }
                default -> throw new IllegalStateException();
            }
            result.add(new Expected(
                    from, to, actual, referenceStatus(from, to, asOf, target, actual, verdictReached, failing)));
        }
        return result;
    }

    /** The roster people of a domain (the whole roster when none): a plain intersection. */
    private static Set<Long> rosterOf(World w, long station, LedgerDomain domain) {
        Set<Long> people = new HashSet<>(w.roster.getOrDefault(station, Set.of()));
        if (domain != null) {
            people.retainAll(w.population.get(domain).getOrDefault(station, Set.of()));
        }
        return people;
    }

    private static int minAttendees(IndicatorParams p, Project project) {
        if (p.attendeesPerSession() != null) {
            return p.attendeesPerSession();
        }
        Integer min = project.evidencePolicy().minGroupAttendees();
        return min == null ? 0 : min;
    }

    private static IndicatorStatus referenceStatus(
            LocalDate from,
            LocalDate to,
            LocalDate asOf,
            BigDecimal target,
            BigDecimal actual,
            Boolean verdictReached,
            boolean failing) {
        if (asOf.isBefore(from)) {
            return IndicatorStatus.NOT_DUE;
        }
        boolean reached = verdictReached != null ? verdictReached : actual.compareTo(target) >= 0;
        if (reached) {
            return IndicatorStatus.MET;
        }
        if (!asOf.isBefore(to)) {
            return IndicatorStatus.MISSED;
        }
        if (verdictReached != null) {
            return failing ? IndicatorStatus.AT_RISK : IndicatorStatus.ON_TRACK;
        }
        long total = ChronoUnit.DAYS.between(from, to) + 1;
        long elapsed = ChronoUnit.DAYS.between(from, asOf) + 1;
        // floor(target × elapsed / total), computed in exact integers where the engine uses a double
        BigDecimal expected =
                target.multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(total), 0, RoundingMode.FLOOR);
        return actual.compareTo(expected) < 0 ? IndicatorStatus.AT_RISK : IndicatorStatus.ON_TRACK;
    }

    private static IndicatorStatus referenceOverall(List<Expected> spans) {
        List<IndicatorStatus> s = spans.stream().map(Expected::status).toList();
        if (s.stream().allMatch(x -> x == IndicatorStatus.NOT_DUE)) {
            return IndicatorStatus.NOT_DUE;
        }
        if (s.contains(IndicatorStatus.MISSED)) {
            return IndicatorStatus.MISSED;
        }
        if (s.contains(IndicatorStatus.AT_RISK)) {
            return IndicatorStatus.AT_RISK;
        }
        return s.stream().allMatch(x -> x == IndicatorStatus.MET) ? IndicatorStatus.MET : IndicatorStatus.ON_TRACK;
    }
}
