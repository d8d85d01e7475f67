package cn.sgz.progress.internal;

import static cn.sgz.progress.internal.ComplianceEngineReferenceTest.indicator;
import static cn.sgz.progress.internal.ComplianceEngineReferenceTest.params;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.catalog.AmountAggregate;
import cn.sgz.catalog.EntityCountMode;
import cn.sgz.catalog.EntityType;
import cn.sgz.catalog.IndicatorParams;
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
import cn.sgz.progress.SubPeriodResult;
import cn.sgz.shared.vocabulary.LedgerDomain;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cases of issue #12, one table per rule, on small hand-made facts whose right answers are counted by
 * hand in the comments: the follow-up roster of a domain (台账1份, 回访≥1次/季度), group sessions judged by
 * the indicator's or the evaluated project's attendee minimum, entities begun vs active per month, and
 * "at least N events of at least X元" vs "every event at least X元".
 */
class ContractFidelityTest {

    static final long ST = 11L;
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);

    static Project project(Integer minAttendees) {
        return new Project(
                1,
                "p",
                1,
                "b",
                1,
                "a",
                1,
                "c",
                1,
                "STANDARD",
                "指标值",
                START,
                END,
                List.of(ST),
                List.of(),
                new EvidencePolicy(true, 3000, 0, minAttendees, true, true),
                0);
    }

    // ------------------------------------------------------------------ roster: people 1–6 at the station
    // roster {1,2,3,4}; 社会救助 {1,2}; 困难老人 {3,5}; 困境儿童 {6} (not on the roster); 残疾人 none.
    static final Map<LedgerDomain, Set<Long>> POPULATION = Map.of(
            LedgerDomain.SOCIAL_ASSISTANCE,
            Set.of(1L, 2L),
            LedgerDomain.ELDERLY,
            Set.of(3L, 5L),
            LedgerDomain.CHILD,
            Set.of(6L),
            LedgerDomain.DISABLED,
            Set.of());
    static final Set<Long> ROSTER = Set.of(1L, 2L, 3L, 4L);

    static final LedgerFactSource LEDGERS = new LedgerFactSource() {
        @Override
        public Map<Long, Set<Long>> population(Collection<Long> s, LedgerDomain d, String subtype, LocalDate asOf) {
            return Map.of(ST, POPULATION.getOrDefault(d, Set.of()));
        }

        @Override
        public Map<Long, Set<Long>> followUpRoster(Collection<Long> s, LocalDate asOf) {
            return Map.of(ST, ROSTER);
        }
    };

    /** Follow-up visits in Q1 2026: person 1 twice, person 3 once, person 5 (not on the roster) once. */
    static final RecordFactSource VISITS = new RecordFactSource() {
        @Override
        public List<MonthlyCount> monthlyCounts(Collection<Long> s, LocalDate f, LocalDate t) {
            return List.of();
        }

        @Override
        public List<RecipientMonthlyCount> recipientMonthlyCounts(
                Collection<Long> s, Set<ServiceKind> k, LocalDate f, LocalDate t) {
            YearMonth feb = YearMonth.of(2026, 2);
            return List.of(
                    new RecipientMonthlyCount(ST, 1, ServiceKind.FOLLOW_UP_VISIT, feb, 2),
                    new RecipientMonthlyCount(ST, 3, ServiceKind.FOLLOW_UP_PHONE, feb, 1),
                    new RecipientMonthlyCount(ST, 5, ServiceKind.FOLLOW_UP_VISIT, feb, 1));
        }

        @Override
        public List<RecordRef> records(long s, Set<ServiceKind> k, LedgerDomain d, LocalDate f, LocalDate t) {
            return List.of();
        }
    };

    static IndicatorResult run(
            Project project,
            ProjectIndicator pi,
            LocalDate asOf,
            Optional<RecordFactSource> records,
            Optional<LedgerFactSource> ledgers,
            Optional<CaseworkFactSource> casework,
            List<EntityFactSource> entities) {
        LocalDate to = asOf.isBefore(project.endDate()) ? asOf : project.endDate();
        Facts facts = new Facts(
                List.of(ST), project.startDate(), to, records, ledgers, casework, entities, List.of(), ids -> Map.of());
        return ComplianceEngine.evaluate(facts, project, List.of(pi), List.of(ST), Map.of(), asOf)
                .get(0)
                .indicators()
                .get(0);
    }

    @ParameterizedTest(name = "台账1份 of {0}: {1}")
    @CsvSource({
        "SOCIAL_ASSISTANCE, 1, 2", // 1 and 2 are on the roster
        "ELDERLY, 1, 1", // 3 is; 5 is not
        "CHILD, 0, 0", // 6 is not on the roster: no roster of this domain yet
        "DISABLED, 0, 0",
        "ALL, 1, 4"
    })
    void followUpRosterOfADomainIsConnectedAndCountsThatDomainsPeople(LedgerDomain domain, int ledgers, int people) {
        ProjectIndicator roster = indicator(
                RuleKind.ENTITY_COUNT,
                SubPeriod.PROJECT,
                params(List.of(), domain, EntityType.FOLLOW_UP_ROSTER, null, null, null),
                1);
        IndicatorResult r = run(
                project(6),
                roster,
                LocalDate.of(2026, 6, 30),
                Optional.empty(),
                Optional.of(LEDGERS),
                Optional.empty(),
                List.of());
        assertThat(r.status()).isNotEqualTo(IndicatorStatus.NOT_CONNECTED);
        assertThat(r.actual()).isEqualByComparingTo(BigDecimal.valueOf(ledgers));
        assertThat(r.status()).isEqualTo(ledgers == 1 ? IndicatorStatus.MET : IndicatorStatus.ON_TRACK);
        assertThat(r.note()).contains(people == 0 ? "还没有人员" : "共 " + people + " 人");
        // without the ledger module it says so instead of a false zero
        assertThat(run(
                                project(6),
                                roster,
                                LocalDate.of(2026, 6, 30),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                List.of())
                        .status())
                .isEqualTo(IndicatorStatus.NOT_CONNECTED);
    }

    @ParameterizedTest(name = "回访≥1次/季度 over the roster of {0}: {1} of {2}")
    @CsvSource({
        "SOCIAL_ASSISTANCE, 1, 2", // roster ∩ {1,2} = {1,2}; 1 visited
        "ELDERLY, 1, 1", // roster ∩ {3,5} = {3}; 3 phoned (5 is not on the roster)
        "CHILD, 0, 1", // nobody: the denominator shows 1 so that it is never met
        ",2,4"
    }) // whole roster {1,2,3,4}: 1 and 3
    void perPersonFrequencyMeasuresTheRosterOfTheIndicatorsDomain(LedgerDomain domain, int met, int of) {
        ProjectIndicator visits = indicator(
                RuleKind.PER_RECIPIENT_FREQUENCY,
                SubPeriod.QUARTER,
                params(
                        List.of(ServiceKind.FOLLOW_UP_VISIT, ServiceKind.FOLLOW_UP_PHONE),
                        domain,
                        EntityType.FOLLOW_UP_ROSTER,
                        null,
                        null,
                        null),
                1);
        IndicatorResult r = run(
                project(6),
                visits,
                LocalDate.of(2026, 3, 31),
                Optional.of(VISITS),
                Optional.of(LEDGERS),
                Optional.empty(),
                List.of());
        SubPeriodResult q1 = r.subPeriods().get(0);
        assertThat(q1.actual()).isEqualByComparingTo(BigDecimal.valueOf(met));
        assertThat(q1.target()).isEqualByComparingTo(BigDecimal.valueOf(of));
    }

    // ------------------------------------------------------------------ per-tier parameters
    @ParameterizedTest(name = "{0}: 3 staff, {1} certified → {2}")
    @CsvSource({
        // tier | certified staff at the station | status. 10万: ≥2 staff, ≥1 certified; 20万: ≥3 staff, ≥2 certified
        "TIER_10W, 1, MET",
        "TIER_20W, 1, AT_RISK", // enough staff for the tier but short of its certified staff
        "TIER_20W, 2, MET"
    })
    void aHigherTierAsksForMoreCertifiedStaffToo(String tier, long certified, IndicatorStatus status) {
        cn.sgz.catalog.Indicator staffing = new cn.sgz.catalog.Indicator(
                1L,
                "S",
                "驻站社工",
                RuleKind.STAFFING,
                SubPeriod.PROJECT,
                IndicatorParams.builder()
                        .unit("人")
                        .perTier(Map.of(
                                "TIER_10W",
                                new cn.sgz.catalog.TierParams(null, null, 1, null),
                                "TIER_20W",
                                new cn.sgz.catalog.TierParams(null, null, 2, null)))
                        .build(),
                Map.of("TIER_10W", BigDecimal.valueOf(2), "TIER_20W", BigDecimal.valueOf(3)),
                null,
                null,
                null,
                Map.of("TIER_10W", "2名驻站社工，至少1人持证", "TIER_20W", "3名驻站社工，至少2人持证"));
        ProjectIndicator pi = ComplianceEngineReferenceTest.indicator(
                RuleKind.STAFFING, SubPeriod.PROJECT, IndicatorParams.none(), 1);
        // as ProjectQueries resolves it: the tier's parameters and 指标值 text, once
        pi = new ProjectIndicator(pi.task(), pi.item(), staffing.forTier(tier), staffing.target(tier));
        Facts facts = new Facts(
                List.of(ST),
                START,
                LocalDate.of(2026, 6, 30),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                ids -> Map.of(ST, new Facts.StaffCounts.Count(3, certified)));
        IndicatorResult r = ComplianceEngine.evaluate(
                        facts, project(6), List.of(pi), List.of(ST), Map.of(), LocalDate.of(2026, 6, 30))
                .get(0)
                .indicators()
                .get(0);
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.note()).contains("要求至少 " + (tier.equals("TIER_10W") ? 1 : 2) + " 人持证");
        assertThat(pi.indicator().value()).startsWith(tier.equals("TIER_10W") ? "2名" : "3名");
    }

    // ------------------------------------------------------------------ case-file documents per domain
    /** The station has an intake form and a plan for an elderly case, nothing for any other domain. */
    static final cn.sgz.progress.DocumentFactSource FORMS = new cn.sgz.progress.DocumentFactSource() {
        @Override
        public boolean answersFor(String name) {
            return true;
        }

        @Override
        public Map<Long, Set<String>> documents(Collection<Long> s, Collection<String> names) {
            return Map.of(ST, Set.of("个案接案记录表", "工作计划表"));
        }

        @Override
        public Map<Long, Set<String>> documents(Collection<Long> s, Collection<String> names, LedgerDomain domain) {
            return domain == null || domain == LedgerDomain.ELDERLY ? documents(s, names) : Map.of();
        }
    };

    @ParameterizedTest(name = "七表 of {0}: {1} of 2")
    @CsvSource({"ELDERLY, 2, MET", "CHILD, 0, AT_RISK", ", 2, MET"})
    void caseFileDocumentsCountForTheDomainOfTheirCaseOnly(LedgerDomain domain, int present, IndicatorStatus status) {
        ProjectIndicator forms = indicator(
                RuleKind.DOCUMENT,
                SubPeriod.PROJECT,
                IndicatorParams.builder()
                        .domain(domain)
                        .documents(List.of("个案接案记录表", "工作计划表"))
                        .build(),
                1);
        Facts facts = new Facts(
                List.of(ST),
                START,
                LocalDate.of(2026, 12, 1),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(FORMS),
                ids -> Map.of());
        IndicatorResult r = ComplianceEngine.evaluate(
                        facts, project(6), List.of(forms), List.of(ST), Map.of(), LocalDate.of(2026, 12, 1))
                .get(0)
                .indicators()
                .get(0);
        assertThat(r.actual()).isEqualByComparingTo(BigDecimal.valueOf(present));
        assertThat(r.status()).isEqualTo(status);
    }

    // ------------------------------------------------------------------ group sessions
    /** One group of another project with five sessions of 5, 5, 6, 7 and 8 attendees, every record counting. */
    static final CaseworkFactSource ONE_GROUP = new CaseworkFactSource() {
        @Override
        public List<CaseFact> cases(Collection<Long> s, LedgerDomain d, LocalDate f, LocalDate t) {
            return List.of();
        }

        @Override
        public List<GroupFact> groups(Collection<Long> s, LedgerDomain d, LocalDate f, LocalDate t) {
            return List.of(new GroupFact(
                    ST,
                    7,
                    "小组",
                    List.of(
                            new SessionFact(LocalDate.of(2026, 3, 1), 5, true),
                            new SessionFact(LocalDate.of(2026, 3, 8), 5, true),
                            new SessionFact(LocalDate.of(2026, 3, 15), 6, true),
                            new SessionFact(LocalDate.of(2026, 3, 22), 7, true),
                            new SessionFact(LocalDate.of(2026, 3, 29), 8, true))));
        }

        @Override
        public List<ExemplaryFact> exemplary(Collection<Long> s, LocalDate f, LocalDate t) {
            return List.of();
        }
    };

    @ParameterizedTest(name = "indicator {0}, evaluated project {1}, 每个{2}节 → {3} group")
    @CsvSource({
        // indicator minimum | evaluated project's minimum (-1: none) | sessions each | groups counted
        "6, 4, 5, 0", // 每节不得少于6人: only 3 sessions qualify, whatever the project says
        "6, 4, 3, 1",
        ", 4, 5, 1", // no minimum in the indicator: the evaluated project's (4) → all 5 sessions
        ", 6, 5, 0", // … or 6 → 3 sessions
        ", 8, 1, 1",
        ", -1, 5, 1"
    }) // neither says: every counting session
    void groupSessionsAreJudgedByTheIndicatorOrTheEvaluatedProject(
            Integer indicatorMin, int projectMin, int sessions, int groups) {
        ProjectIndicator pi = indicator(
                RuleKind.GROUP_QUOTA,
                SubPeriod.PROJECT,
                params(List.of(), null, null, sessions, indicatorMin, null),
                1);
        IndicatorResult r = run(
                project(projectMin < 0 ? null : projectMin),
                pi,
                LocalDate.of(2026, 6, 30),
                Optional.empty(),
                Optional.empty(),
                Optional.of(ONE_GROUP),
                List.of());
        assertThat(r.actual()).isEqualByComparingTo(BigDecimal.valueOf(groups));
    }

    // ------------------------------------------------------------------ entities per month
    /** Charity projects: one started 2025-10-01 and still running, one started 2026-03-10. */
    static final EntityFactSource PROJECTS = new EntityFactSource() {
        @Override
        public Set<EntityType> entityTypes() {
            return Set.of(EntityType.CHARITY_PROJECT, EntityType.RELIEF_EVENT, EntityType.VOLUNTEER);
        }

        @Override
        public Map<Long, Long> count(Collection<Long> s, EntityType t, LocalDate from, LocalDate asOf) {
            long n = 1 + (asOf.isBefore(LocalDate.of(2026, 3, 10)) ? 0 : 1); // running: both once the second began
            return Map.of(ST, n);
        }

        @Override
        public boolean keepsStartDates(EntityType type) {
            return type == EntityType.CHARITY_PROJECT;
        }

        @Override
        public Map<Long, Long> countStarted(Collection<Long> s, EntityType t, LocalDate from, LocalDate asOf) {
            LocalDate second = LocalDate.of(2026, 3, 10);
            return Map.of(ST, !second.isBefore(from) && !second.isAfter(asOf) ? 1L : 0L);
        }

        /** Relief in Q1: 750元 and 1200元; in Q2: 750元 only. */
        @Override
        public List<AmountFact> amounts(Collection<Long> s, EntityType t, LocalDate from, LocalDate to) {
            return List.of(
                            new AmountFact(ST, 1, LocalDate.of(2026, 2, 1), new BigDecimal("750"), "救助"),
                            new AmountFact(ST, 2, LocalDate.of(2026, 3, 1), new BigDecimal("1200"), "救助"),
                            new AmountFact(ST, 3, LocalDate.of(2026, 5, 1), new BigDecimal("750"), "救助"))
                    .stream()
                    .filter(a -> !a.date().isBefore(from) && !a.date().isAfter(to))
                    .toList();
        }
    };

    @Test
    void entitiesBegunWithinEachMonthVersusActiveAndNothingInMonthsNotBegun() {
        LocalDate asOf = LocalDate.of(2026, 4, 15);
        ProjectIndicator active = indicator(
                RuleKind.ENTITY_COUNT,
                SubPeriod.MONTH,
                params(List.of(), null, EntityType.CHARITY_PROJECT, null, null, null),
                1);
        ProjectIndicator started = indicator(
                RuleKind.ENTITY_COUNT,
                SubPeriod.MONTH,
                IndicatorParams.builder()
                        .entityType(EntityType.CHARITY_PROJECT)
                        .unit("个")
                        .countMode(EntityCountMode.STARTED)
                        .build(),
                1);
        IndicatorResult a =
                run(project(6), active, asOf, Optional.empty(), Optional.empty(), Optional.empty(), List.of(PROJECTS));
        IndicatorResult s =
                run(project(6), started, asOf, Optional.empty(), Optional.empty(), Optional.empty(), List.of(PROJECTS));
        // Jan Feb Mar Apr May … Dec
        assertThat(a.subPeriods())
                .extracting(p -> p.actual().intValue())
                .containsExactly(1, 1, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(s.subPeriods())
                .extracting(p -> p.actual().intValue())
                .containsExactly(0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(s.subPeriods())
                .extracting(SubPeriodResult::status)
                .startsWith(
                        IndicatorStatus.MISSED,
                        IndicatorStatus.MISSED,
                        IndicatorStatus.MET,
                        IndicatorStatus.ON_TRACK,
                        IndicatorStatus.NOT_DUE);
        assertThat(a.subPeriods().subList(4, 12))
                .allSatisfy(p -> assertThat(p.status()).isEqualTo(IndicatorStatus.NOT_DUE));
        // a source that keeps no start dates cannot answer "begun within": not connected, not a false zero
        ProjectIndicator volunteers = indicator(
                RuleKind.ENTITY_COUNT,
                SubPeriod.MONTH,
                IndicatorParams.builder()
                        .entityType(EntityType.VOLUNTEER)
                        .unit("人")
                        .countMode(EntityCountMode.STARTED)
                        .build(),
                1);
        assertThat(run(
                                project(6),
                                volunteers,
                                asOf,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                List.of(PROJECTS))
                        .status())
                .isEqualTo(IndicatorStatus.NOT_CONNECTED);
    }

    @ParameterizedTest(name = "{0} eventsMin {1}: Q1 {2} {3}, Q2 {4} {5}")
    @CsvSource({
        // aggregate | eventsMin | Q1 figure | Q1 status | Q2 figure | Q2 status (as of 2026-07-01)
        "EACH_EVENT, , 750, MISSED, 750, MISSED", // every event ≥1000: one 750 fails the quarter
        "EVENTS_AT_LEAST, , 1, MET, 0, MISSED", // at least one event ≥1000 (smaller ones allowed)
        "EVENTS_AT_LEAST, 2, 1, MISSED, 0, MISSED"
    })
    void atLeastNEventsOfXVersusEveryEventX(
            AmountAggregate aggregate, Integer eventsMin, int q1, IndicatorStatus s1, int q2, IndicatorStatus s2) {
        ProjectIndicator relief = indicator(
                RuleKind.AMOUNT,
                SubPeriod.QUARTER,
                IndicatorParams.builder()
                        .entityType(EntityType.RELIEF_EVENT)
                        .aggregate(aggregate)
                        .unit("元/次")
                        .eventsMin(eventsMin)
                        .build(),
                1000);
        IndicatorResult r = run(
                project(6),
                relief,
                LocalDate.of(2026, 7, 1),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(PROJECTS));
        assertThat(r.subPeriods().get(0).actual()).isEqualByComparingTo(BigDecimal.valueOf(q1));
        assertThat(r.subPeriods().get(0).status()).isEqualTo(s1);
        assertThat(r.subPeriods().get(1).actual()).isEqualByComparingTo(BigDecimal.valueOf(q2));
        assertThat(r.subPeriods().get(1).status()).isEqualTo(s2);
        // the rule is said in words on the board
        IndicatorResult q1Only = run(
                project(6),
                relief,
                LocalDate.of(2026, 3, 31),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(PROJECTS));
        assertThat(q1Only.note())
                .contains(
                        aggregate == AmountAggregate.EACH_EVENT
                                ? "每一次都不低于 1000 元"
                                : "至少 " + (eventsMin == null ? 1 : eventsMin) + " 次、每次不低于 1000 元");
    }

    // ------------------------------------------------------------------ item 9: subtype on ACTIVITY_COUNT
    /**
     * Counting records with whom they were for: two 社区社会组织骨干 trainings, one 社区工作者 training (all in March);
     * care services to person 3 (困难老人) and to person 1 (社会救助), one to nobody on a ledger.
     */
    static final RecordFactSource AUDIENCES = new RecordFactSource() {
        @Override
        public List<MonthlyCount> monthlyCounts(Collection<Long> s, LocalDate f, LocalDate t) {
            YearMonth mar = YearMonth.of(2026, 3);
            return List.of(
                    new MonthlyCount(ST, ServiceKind.TRAINING, LedgerDomain.OTHER, mar, 3),
                    new MonthlyCount(ST, ServiceKind.CARE_SERVICE, LedgerDomain.ELDERLY, mar, 3));
        }

        @Override
        public List<RecipientMonthlyCount> recipientMonthlyCounts(
                Collection<Long> s, Set<ServiceKind> k, LocalDate f, LocalDate t) {
            return List.of();
        }

        @Override
        public List<RecordRef> records(long s, Set<ServiceKind> k, LedgerDomain d, LocalDate f, LocalDate t) {
            return List.of();
        }

        @Override
        public List<AudienceFact> audienceFacts(Collection<Long> s, Set<ServiceKind> k, LocalDate f, LocalDate t) {
            LocalDate d = LocalDate.of(2026, 3, 10);
            return List.of(
                            new AudienceFact(ST, 1, ServiceKind.TRAINING, LedgerDomain.OTHER, d, "社区社会组织骨干", Set.of()),
                            new AudienceFact(ST, 2, ServiceKind.TRAINING, LedgerDomain.OTHER, d, "社区社会组织骨干", Set.of()),
                            new AudienceFact(ST, 3, ServiceKind.TRAINING, LedgerDomain.OTHER, d, "社区工作者", Set.of()),
                            new AudienceFact(
                                    ST, 4, ServiceKind.CARE_SERVICE, LedgerDomain.ELDERLY, d, null, Set.of(3L)),
                            new AudienceFact(
                                    ST, 5, ServiceKind.CARE_SERVICE, LedgerDomain.ELDERLY, d, null, Set.of(1L)),
                            new AudienceFact(ST, 6, ServiceKind.CARE_SERVICE, LedgerDomain.ELDERLY, d, null, Set.of()))
                    .stream()
                    .filter(a -> k.contains(a.kind()))
                    .toList();
        }
    };

    @ParameterizedTest(name = "ACTIVITY_COUNT {0} of subtype [{2}] in {1}: {3}")
    @CsvSource({
        "TRAINING, , 社区社会组织骨干, 2", // a 骨干 training indicator does not count the 社区工作者 training
        "TRAINING, , 社区社会组织人员, 2", // the catalog's other words for the same people
        "TRAINING, , 社区工作者, 1",
        "TRAINING, , , 3", // no subtype: every training
        "CARE_SERVICE, ELDERLY, 特殊困难老年人, 1", // only the service to person 3, who is on the elderly ledger
        "CARE_SERVICE, ELDERLY, , 3"
    })
    void activityCountAppliesItsSubtype(ServiceKind kind, LedgerDomain domain, String subtype, int expected) {
        ProjectIndicator pi = indicator(
                RuleKind.ACTIVITY_COUNT,
                SubPeriod.PROJECT,
                IndicatorParams.builder()
                        .recordKinds(List.of(kind))
                        .domain(domain)
                        .subtype(subtype)
                        .unit("次")
                        .build(),
                1);
        IndicatorResult r = run(
                project(6),
                pi,
                LocalDate.of(2026, 6, 30),
                Optional.of(AUDIENCES),
                Optional.of(LEDGERS),
                Optional.empty(),
                List.of());
        assertThat(r.actual()).isEqualByComparingTo(BigDecimal.valueOf(expected));
        // a source that cannot tell whom a record was for leaves a subtype indicator unjudged, never counts them all
        IndicatorResult blind = run(
                project(6),
                pi,
                LocalDate.of(2026, 6, 30),
                Optional.of(VISITS),
                Optional.of(LEDGERS),
                Optional.empty(),
                List.of());
        if (subtype == null) {
            assertThat(blind.status()).isNotEqualTo(IndicatorStatus.NOT_CONNECTED);
        } else {
            assertThat(blind.status()).isEqualTo(IndicatorStatus.NOT_CONNECTED);
        }
    }

    // ------------------------------------------------------------------ item 8: periodic documents
    /** A library keeping 季度需求报告 for Q1 only, and one filed without a period on 2026-05-10 (so: for Q2). */
    static cn.sgz.progress.DocumentFactSource library(boolean keepsPeriods, List<LocalDate[]> reports) {
        return new cn.sgz.progress.DocumentFactSource() {
            @Override
            public boolean answersFor(String name) {
                return true;
            }

            @Override
            public Map<Long, Set<String>> documents(Collection<Long> s, Collection<String> names) {
                return reports.isEmpty() ? Map.of() : Map.of(ST, Set.of("季度需求报告"));
            }

            @Override
            public List<DatedDocument> datedDocuments(Collection<Long> s, Collection<String> names, LedgerDomain d) {
                return keepsPeriods
                        ? reports.stream()
                                .map(r -> new DatedDocument(ST, "季度需求报告", r[0], r[1]))
                                .toList()
                        : null;
            }
        };
    }

    @ParameterizedTest(name = "季度需求报告 per quarter, {0}: {1}")
    @CsvSource({
        // Q1 report only: Q1 met, Q2 (ended on the evaluation day) missed, Q3 and Q4 not due — not met for every
        // quarter
        "Q1 only, true, 2026-01-01, 2026-03-31, MET MISSED NOT_DUE NOT_DUE",
        // filed without a period on 2026-05-10: it is for the quarter it was filed in
        "undated, true, 2026-05-10, 2026-05-10, MISSED MET NOT_DUE NOT_DUE",
        // a report for the year covers each quarter it overlaps, but not quarters that have not begun
        "whole year, true, 2026-01-01, 2026-12-31, MET MET NOT_DUE NOT_DUE",
        // a source that keeps no periods holds standing documents: on file, they count in every begun quarter
        "standing, false, 2026-01-01, 2026-01-01, MET MET NOT_DUE NOT_DUE"
    })
    void aPeriodicDocumentIsJudgedPerSubPeriod(
            String label, boolean keepsPeriods, LocalDate from, LocalDate to, String expected) {
        ProjectIndicator pi = indicator(
                RuleKind.DOCUMENT,
                SubPeriod.QUARTER,
                IndicatorParams.builder().documents(List.of("季度需求报告")).unit("份").build(),
                1);
        LocalDate asOf = LocalDate.of(2026, 6, 30);
        Facts facts = new Facts(
                List.of(ST),
                START,
                asOf,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(library(keepsPeriods, List.<LocalDate[]>of(new LocalDate[] {from, to}))),
                ids -> Map.of());
        IndicatorResult r = ComplianceEngine.evaluate(facts, project(6), List.of(pi), List.of(ST), Map.of(), asOf)
                .get(0)
                .indicators()
                .get(0);
        assertThat(r.subPeriods().stream().map(x -> x.status().name()).toList())
                .as(label)
                .containsExactly(expected.split(" "));
    }

    // ------------------------------------------------------------------ also: conditional standards
    /** The same indicator, in a task the catalog marks conditional (有条件的社工站可…). */
    static ProjectIndicator conditional(ProjectIndicator pi) {
        cn.sgz.catalog.CatalogItem item = new cn.sgz.catalog.CatalogItem(
                2L,
                "C1",
                "2",
                "统一着装",
                cn.sgz.catalog.ItemCategory.CONDITIONAL,
                null,
                null,
                null,
                null,
                List.of(pi.indicator()));
        return new ProjectIndicator(pi.task(), item, pi.indicator(), pi.target());
    }

    @ParameterizedTest(name = "conditional standard, {0} trainings a quarter of target {1}: {2}")
    @CsvSource({
        "3, 2, MET MET", // met in March: 加分; Q2 had none but is never 未达标 — still MET overall (any met)
        "3, 5, BONUS BONUS", // short: 加分项, never MISSED or AT_RISK
    })
    void aConditionalStandardNeverCountsAgainstTheStation(int trainings, int target, String expected) {
        ProjectIndicator plain = indicator(
                RuleKind.ACTIVITY_COUNT,
                SubPeriod.QUARTER,
                IndicatorParams.builder()
                        .recordKinds(List.of(ServiceKind.TRAINING))
                        .unit("次")
                        .build(),
                target);
        IndicatorResult mandatory = run(
                project(6),
                plain,
                LocalDate.of(2026, 6, 30),
                Optional.of(AUDIENCES),
                Optional.of(LEDGERS),
                Optional.empty(),
                List.of());
        IndicatorResult r = run(
                project(6),
                conditional(plain),
                LocalDate.of(2026, 6, 30),
                Optional.of(AUDIENCES),
                Optional.of(LEDGERS),
                Optional.empty(),
                List.of());
        assertThat(mandatory.subPeriods().stream().map(SubPeriodResult::status))
                .contains(IndicatorStatus.MISSED); // the same figures held against a mandatory standard
        assertThat(r.subPeriods().stream().map(SubPeriodResult::status))
                .doesNotContain(IndicatorStatus.MISSED, IndicatorStatus.AT_RISK, IndicatorStatus.ON_TRACK);
        String[] want = expected.split(" ");
        assertThat(r.status().name()).isEqualTo(want[0]);
        assertThat(r.subPeriods().get(1).status()).isEqualTo(IndicatorStatus.BONUS);
        assertThat(r.subPeriods().get(0).status().name()).isEqualTo(want[1]);
        assertThat(r.subPeriods().get(2).status()).isEqualTo(IndicatorStatus.NOT_DUE);
        assertThat(trainings).isEqualTo(3);
    }
}
