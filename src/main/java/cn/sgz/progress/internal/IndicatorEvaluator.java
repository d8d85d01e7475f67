package cn.sgz.progress.internal;

import cn.sgz.catalog.AmountAggregate;
import cn.sgz.catalog.EntityCountMode;
import cn.sgz.catalog.EntityType;
import cn.sgz.catalog.Indicator;
import cn.sgz.catalog.IndicatorParams;
import cn.sgz.catalog.ProjectIndicator;
import cn.sgz.catalog.RuleKind;
import cn.sgz.evidence.EvidencePolicy;
import cn.sgz.progress.CaseworkFactSource.SessionFact;
import cn.sgz.progress.EntityFactSource;
import cn.sgz.progress.EntityFactSource.AmountFact;
import cn.sgz.progress.IndicatorResult;
import cn.sgz.progress.IndicatorStatus;
import cn.sgz.progress.RecordFactSource.MonthlyCount;
import cn.sgz.progress.SubPeriodResult;
import cn.sgz.shared.vocabulary.LedgerDomain;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates one indicator at one station: the figure of every sub-period from the shared facts, then
 * the status by {@link Pace}. Pure arithmetic over small tables; no database access of its own.
 */
final class IndicatorEvaluator {

    private final Facts facts;
    private final LocalDate asOf;
    private final EvidencePolicy policy;

    IndicatorEvaluator(Facts facts, LocalDate asOf, EvidencePolicy policy) {
        this.facts = facts;
        this.asOf = asOf;
        this.policy = policy == null ? EvidencePolicy.defaults() : policy;
    }

    /**
     * What a sub-period came to: the figure, the target it is measured against, a note, and for rules
     * that are not "reach a number" (staffing, every event at least X) a verdict instead of the pace rule.
     */
    private record Figure(BigDecimal actual, BigDecimal target, String note, Verdict verdict) {

        Figure(BigDecimal actual, BigDecimal target, String note) {
            this(actual, target, note, null);
        }
    }

    /** REACHED: met; FAILING: already short (at risk until the sub-period ends); PENDING: nothing wrong yet. */
    private enum Verdict {
        REACHED,
        FAILING,
        PENDING
    }

    IndicatorResult evaluate(ProjectIndicator pi, long station, List<Periods.Span> spans) {
        Indicator ind = pi.indicator();
        String missing = missingSource(ind);
        if (missing != null) {
            return result(pi, null, null, IndicatorStatus.NOT_CONNECTED, List.of(), missing);
        }
        if (!ind.kind().machineEvaluated()) {
            return result(pi, pi.target(), null, IndicatorStatus.MANUAL, List.of(), "评判类标准，由评估人员判断");
        }
        BigDecimal target = pi.target() == null ? BigDecimal.ZERO : pi.target();
        List<SubPeriodResult> periods = new ArrayList<>();
        String note = null;
        for (Periods.Span span : spans) {
            Figure f = figure(ind, target, station, span);
            IndicatorStatus status = statusOf(span, f);
            if (conditional(pi) && status != IndicatorStatus.MET && status != IndicatorStatus.NOT_DUE) {
                status = IndicatorStatus.BONUS; // 有条件的社工站可…: never 未达标 or 有风险
            }
            periods.add(new SubPeriodResult(span.label(), span.from(), span.to(), f.target(), f.actual(), status));
            if (span.contains(asOf) || note == null) {
                note = f.note();
            }
        }
        SubPeriodResult shown = current(periods);
        IndicatorStatus overall = conditional(pi)
                ? (periods.stream().anyMatch(s -> s.status() == IndicatorStatus.MET)
                        ? IndicatorStatus.MET
                        : periods.stream().allMatch(s -> s.status() == IndicatorStatus.NOT_DUE)
                                ? IndicatorStatus.NOT_DUE
                                : IndicatorStatus.BONUS)
                : Pace.overall(periods.stream().map(SubPeriodResult::status).toList());
        return result(
                pi,
                shown == null ? target : shown.target(),
                shown == null ? null : shown.actual(),
                overall,
                periods,
                note);
    }

    /** A standard of a conditional task (有条件的社工站可…), which never counts against the station. */
    private static boolean conditional(ProjectIndicator pi) {
        return pi.item().category() == cn.sgz.catalog.ItemCategory.CONDITIONAL;
    }

    private IndicatorStatus statusOf(Periods.Span span, Figure f) {
        if (f.verdict() == null) {
            return Pace.of(span, asOf, f.target(), f.actual());
        }
        if (asOf.isBefore(span.from())) {
            return IndicatorStatus.NOT_DUE;
        }
        if (f.verdict() == Verdict.REACHED) {
            return IndicatorStatus.MET;
        }
        if (!asOf.isBefore(span.to())) {
            return IndicatorStatus.MISSED;
        }
        return f.verdict() == Verdict.FAILING ? IndicatorStatus.AT_RISK : IndicatorStatus.ON_TRACK;
    }

    private Figure figure(Indicator ind, BigDecimal target, long station, Periods.Span span) {
        IndicatorParams p = ind.params();
        return switch (ind.kind()) {
            case ACTIVITY_COUNT ->
                new Figure(
                        BigDecimal.valueOf(activityCount(station, p, span)),
                        target,
                        p.platform() == null ? null : "只计入已录入" + p.platform() + "的记录（标记“已录入全国平台”）");
            case PER_RECIPIENT_FREQUENCY -> perRecipient(station, p, target, span);
            case COVERAGE -> coverage(station, p, target, span);
            case CASE_QUOTA -> new Figure(BigDecimal.valueOf(caseCount(station, p, span)), target, null);
            case GROUP_QUOTA -> new Figure(BigDecimal.valueOf(groupCount(station, p, span)), target, null);
            case EXEMPLARY ->
                new Figure(
                        BigDecimal.valueOf(facts.exemplary().stream()
                                .filter(e -> e.stationId() == station
                                        && span.contains(e.confirmedOn())
                                        && (e.domain() == null || domainMatches(p.domain(), e.domain())))
                                .count()),
                        target,
                        null);
            case AMOUNT -> amount(station, p, target, span);
            case ENTITY_COUNT -> entityCount(station, p, target, span);
            case STAFFING -> staffing(station, p, target);
            case DOCUMENT -> documents(station, p, span, ind.period() != cn.sgz.catalog.SubPeriod.PROJECT);
            case CHECKLIST -> throw new IllegalStateException("checklists are not computed");
        };
    }

    long activityCount(long station, IndicatorParams p, Periods.Span span) {
        if (!blank(p.subtype())) {
            return audienceCount(station, p, span);
        }
        long n = 0;
        // a platform requirement (须录入全国志愿服务信息系统 …): only the records marked 已录入全国平台 count
        for (List<MonthlyCount> month : (p.platform() == null
                        ? facts.monthlyByMonth(station)
                        : facts.platformByMonth(station))
                .subMap(YearMonth.from(span.from()), true, YearMonth.from(span.to()), true)
                .values()) {
            for (MonthlyCount c : month) {
                if (kindMatches(p, c.kind()) && domainMatches(p.domain(), c.domain())) {
                    n += c.count();
                }
            }
        }
        return n;
    }

    /**
     * ACTIVITY_COUNT with a subtype (社区社会组织骨干 trainings, services to 特殊困难老年人 …): the records of the kinds
     * whose audience is that subtype, or that served someone of that subtype on the domain's ledger.
     */
    private long audienceCount(long station, IndicatorParams p, Periods.Span span) {
        Set<Long> people = p.domain() == null || facts.ledgers.isEmpty()
                ? Set.of()
                : facts.population(p.domain(), p.subtype()).getOrDefault(station, Set.of());
        return facts.audiences(Set.copyOf(p.recordKinds())).getOrDefault(station, List.of()).stream()
                .filter(r -> span.contains(r.date())
                        && kindMatches(p, r.kind())
                        && domainMatches(p.domain(), r.domain())
                        && forSubtype(r, p.subtype(), people))
                .count();
    }

    static boolean forSubtype(cn.sgz.progress.RecordFactSource.AudienceFact r, String subtype, Set<Long> people) {
        return cn.sgz.progress.RecordFactSource.audienceMatches(r.audience(), subtype)
                || r.recipients().stream().anyMatch(people::contains);
    }

    /**
     * ENTITY_COUNT in one sub-period. Nothing is counted in a sub-period that has not begun. The follow-up
     * roster (跟踪回访台账) of the indicator's domain counts as one ledger when anyone of that domain is on it;
     * other entities count as begun or active within the sub-period, or begun within it ({@code countMode}).
     */
    private Figure entityCount(long station, IndicatorParams p, BigDecimal target, Periods.Span span) {
        if (asOf.isBefore(span.from())) {
            return new Figure(BigDecimal.ZERO, target, "本期尚未开始");
        }
        LocalDate until = min(span.to(), asOf);
        if (p.entityType() == EntityType.FOLLOW_UP_ROSTER) {
            Set<Long> people = rosterOf(station, p);
            String whose = p.domain() == null || p.domain() == LedgerDomain.ALL
                    ? ""
                    : "（" + p.domain().label() + (blank(p.subtype()) ? "" : "·" + p.subtype()) + "）";
            return new Figure(
                    BigDecimal.valueOf(people.isEmpty() ? 0 : 1),
                    target,
                    people.isEmpty() ? "跟踪回访台账" + whose + "中还没有人员" : "跟踪回访台账" + whose + "共 " + people.size() + " 人");
        }
        boolean started = p.countMode() == EntityCountMode.STARTED;
        long n = (started
                        ? facts.entityStarted(p.entityType(), span.from(), until)
                        : facts.entityCount(p.entityType(), span.from(), until))
                .getOrDefault(station, 0L);
        return new Figure(BigDecimal.valueOf(n), target, started ? "本期新建 " + n + " 个" : null);
    }

    /** The people on a station's follow-up roster who belong to the indicator's domain (and subtype). */
    private Set<Long> rosterOf(long station, IndicatorParams p) {
        Set<Long> roster = facts.roster().getOrDefault(station, Set.of());
        if (p.domain() == null || p.domain() == LedgerDomain.ALL || roster.isEmpty()) {
            return roster;
        }
        Set<Long> domain = facts.population(p.domain(), p.subtype()).getOrDefault(station, Set.of());
        Set<Long> both = new HashSet<>(roster);
        both.retainAll(domain);
        return both;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private Figure perRecipient(long station, IndicatorParams p, BigDecimal perPerson, Periods.Span span) {
        Set<Long> people = p.entityType() == EntityType.FOLLOW_UP_ROSTER
                ? rosterOf(station, p)
                : facts.population(p.domain(), p.subtype()).getOrDefault(station, Set.of());
        Map<Long, Long> counts = servedCounts(station, p, span);
        long met = people.stream()
                .filter(r -> counts.getOrDefault(r, 0L) >= perPerson.longValue())
                .count();
        String note = people.isEmpty()
                ? "名单中没有人员，无法达标"
                : "名单 " + people.size() + " 人，本期达到每人 "
                        + perPerson.stripTrailingZeros().toPlainString() + " 次的 " + met + " 人";
        return new Figure(BigDecimal.valueOf(met), BigDecimal.valueOf(Math.max(1, people.size())), note);
    }

    private Figure coverage(long station, IndicatorParams p, BigDecimal percent, Periods.Span span) {
        if (p.entityType() != null) {
            return entityCoverage(station, p, percent);
        }
        Set<Long> people = facts.population(p.domain(), p.subtype()).getOrDefault(station, Set.of());
        Map<Long, Long> counts = servedCounts(station, p, span);
        long covered = people.stream().filter(counts::containsKey).count();
        BigDecimal share = people.isEmpty()
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(covered * 100).divide(BigDecimal.valueOf(people.size()), 1, RoundingMode.FLOOR);
        String note = people.isEmpty() ? "台账中没有该类人员，无法计算覆盖率" : "台账 " + people.size() + " 人，已服务 " + covered + " 人";
        return new Figure(share, percent, note);
    }

    /** The share of a station's entities meeting a condition, as of the evaluation date (a state, not a tally). */
    private Figure entityCoverage(long station, IndicatorParams p, BigDecimal percent) {
        EntityFactSource.Share share = facts.entityShare(p.entityType(), p.condition())
                .getOrDefault(station, new EntityFactSource.Share(0, 0));
        BigDecimal value = share.total() == 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(share.meeting() * 100)
                        .divide(BigDecimal.valueOf(share.total()), 1, RoundingMode.FLOOR);
        String note = share.total() == 0
                ? "尚无" + p.entityType().label() + "，无法计算比例"
                : p.entityType().label() + " " + share.total() + " 个，其中"
                        + (p.condition() == null ? "达到要求" : p.condition()) + " " + share.meeting() + " 个";
        return new Figure(value, percent, note);
    }

    private Map<Long, Long> servedCounts(long station, IndicatorParams p, Periods.Span span) {
        Map<Long, Long> counts = new HashMap<>(1024);
        // rows indexed by month: a span reads its own months only, not the station's whole year each time
        facts.perRecipientByMonth(Set.copyOf(p.recordKinds()), station)
                .subMap(YearMonth.from(span.from()), true, YearMonth.from(span.to()), true)
                .values()
                .forEach(rows -> rows.forEach(c -> {
                    if (kindMatches(p, c.kind())) {
                        counts.merge(c.recipientId(), c.count(), Long::sum);
                    }
                }));
        return counts;
    }

    long caseCount(long station, IndicatorParams p, Periods.Span span) {
        int sessions = p.sessionsEach() == null ? 1 : p.sessionsEach();
        return facts.cases(domainKey(p.domain())).stream()
                .filter(c -> c.stationId() == station)
                .filter(c -> c.sessionDates().stream().filter(span::contains).count() >= sessions)
                .count();
    }

    long groupCount(long station, IndicatorParams p, Periods.Span span) {
        int sessions = p.sessionsEach() == null ? 1 : p.sessionsEach();
        int attendees = p.attendeesPerSession() != null
                ? p.attendeesPerSession()
                : policy.minGroupAttendees() == null ? 0 : policy.minGroupAttendees();
        return facts.groups(domainKey(p.domain())).stream()
                .filter(g -> g.stationId() == station)
                .filter(g -> g.sessions().stream()
                                .filter(s -> qualifies(s, attendees) && span.contains(s.date()))
                                .count()
                        >= sessions)
                .count();
    }

    private static boolean qualifies(SessionFact s, int attendees) {
        return s.counts() && s.attendees() >= attendees;
    }

    private Figure amount(long station, IndicatorParams p, BigDecimal target, Periods.Span span) {
        List<AmountFact> events = facts.amounts(p.entityType()).stream()
                .filter(a -> a.stationId() == station && span.contains(a.date()))
                .toList();
        AmountAggregate agg = p.aggregate() == null ? AmountAggregate.SUM : p.aggregate();
        BigDecimal sum = events.stream().map(AmountFact::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return switch (agg) {
            case SUM -> new Figure(sum, target, null);
            case AVERAGE_PER_ENTITY ->
                new Figure(
                        events.isEmpty()
                                ? BigDecimal.ZERO
                                : sum.divide(BigDecimal.valueOf(events.size()), 2, RoundingMode.FLOOR),
                        target,
                        null);
            case EVENTS_AT_LEAST -> {
                int need = p.eventsMin() == null ? 1 : p.eventsMin();
                long reaching = events.stream()
                        .filter(a -> a.amount().compareTo(target) >= 0)
                        .count();
                yield new Figure(
                        BigDecimal.valueOf(reaching),
                        BigDecimal.valueOf(need),
                        "要求：至少 " + need
                                + " 次、每次不低于 " + money(target) + " 元（较小的也可以有，不计入）；本期共 " + events.size()
                                + " 次，达到的 " + reaching + " 次");
            }
            case EACH_EVENT -> {
                long below = events.stream()
                        .filter(a -> a.amount().compareTo(target) < 0)
                        .count();
                BigDecimal min = events.stream()
                        .map(AmountFact::amount)
                        .min(BigDecimal::compareTo)
                        .orElse(BigDecimal.ZERO);
                String note = "要求：每一次都不低于 " + money(target) + " 元；"
                        + (below > 0
                                ? "有 " + below + " 次低于标准"
                                : events.isEmpty() ? "本期尚无记录" : "共 " + events.size() + " 次，均达到标准");
                Verdict verdict = below > 0 ? Verdict.FAILING : events.isEmpty() ? Verdict.PENDING : Verdict.REACHED;
                yield new Figure(min, target, note, verdict);
            }
        };
    }

    private static String money(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private Figure staffing(long station, IndicatorParams p, BigDecimal target) {
        Facts.StaffCounts.Count c = facts.staff().getOrDefault(station, new Facts.StaffCounts.Count(0, 0));
        int certifiedMin = p.certifiedMin() == null ? 0 : p.certifiedMin();
        // A station short of certified staff has not met the standard, however many staff it has.
        boolean reached = c.total() >= target.longValue() && c.certified() >= certifiedMin;
        String note = "驻站 " + c.total() + " 人，持证 " + c.certified() + " 人（要求至少 " + certifiedMin + " 人持证）";
        return new Figure(BigDecimal.valueOf(c.total()), target, note, reached ? Verdict.REACHED : Verdict.FAILING);
    }

    /** Documents on file for the indicator's domain (a case's forms count for its domain only); none before the period. */
    private Figure documents(long station, IndicatorParams p, Periods.Span span, boolean periodic) {
        if (asOf.isBefore(span.from())) {
            return new Figure(BigDecimal.ZERO, BigDecimal.valueOf(p.documents().size()), "本期尚未开始");
        }
        // a periodic document (季度需求报告1份/季度) must be for this sub-period: one report does not serve every quarter
        Set<String> present = periodic
                ? facts.documentsIn(p.documents(), p.domain(), station, span.from(), min(span.to(), asOf))
                : facts.documents(p.documents(), p.domain()).getOrDefault(station, Set.of());
        List<String> lacking =
                p.documents().stream().filter(d -> !present.contains(d)).toList();
        String note = (lacking.isEmpty() ? "资料齐全" : "缺少：" + String.join("、", lacking)) + (periodic ? "（按本期的资料计）" : "");
        return new Figure(
                BigDecimal.valueOf(p.documents().size() - lacking.size()),
                BigDecimal.valueOf(p.documents().size()),
                note);
    }

    /** Why an indicator cannot be computed yet, or null when its data source is there. */
    private String missingSource(Indicator ind) {
        IndicatorParams p = ind.params();
        boolean ok = switch (ind.kind()) {
            case ACTIVITY_COUNT ->
                facts.records.isPresent()
                        && (blank(p.subtype()) || facts.audiences(Set.copyOf(p.recordKinds())) != null)
                        && (p.platform() == null || facts.platformConnected());
            case PER_RECIPIENT_FREQUENCY -> facts.records.isPresent() && facts.ledgers.isPresent();
            case COVERAGE ->
                p.entityType() == null
                        ? facts.records.isPresent() && facts.ledgers.isPresent()
                        : facts.entityShare(p.entityType(), p.condition()) != null;
            case CASE_QUOTA, GROUP_QUOTA, EXEMPLARY -> facts.casework.isPresent();
            case AMOUNT ->
                p.entityType() != null && facts.entitySource(p.entityType()).isPresent();
            case ENTITY_COUNT ->
                p.entityType() == EntityType.FOLLOW_UP_ROSTER
                        ? facts.ledgers.isPresent()
                        : p.entityType() != null
                                && facts.entitySource(p.entityType())
                                        .filter(src -> p.countMode() != EntityCountMode.STARTED
                                                || src.keepsStartDates(p.entityType()))
                                        .isPresent();
            case DOCUMENT -> facts.documentsConnected(p.documents());
            case STAFFING, CHECKLIST -> true;
        };
        return ok ? null : IndicatorStatus.NOT_CONNECTED.label();
    }

    private static boolean kindMatches(IndicatorParams p, ServiceKind kind) {
        return p.recordKinds().isEmpty() || p.recordKinds().contains(kind);
    }

    static boolean domainMatches(LedgerDomain wanted, LedgerDomain actual) {
        return wanted == null || wanted == LedgerDomain.ALL || wanted == actual;
    }

    private static LedgerDomain domainKey(LedgerDomain d) {
        return d == null ? LedgerDomain.ALL : d;
    }

    private SubPeriodResult current(List<SubPeriodResult> periods) {
        SubPeriodResult last = null;
        for (SubPeriodResult s : periods) {
            if (!asOf.isBefore(s.from()) && !asOf.isAfter(s.to())) {
                return s;
            }
            if (!asOf.isBefore(s.from())) {
                last = s;
            }
        }
        return last != null ? last : periods.isEmpty() ? null : periods.get(0);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static IndicatorResult result(
            ProjectIndicator pi,
            BigDecimal target,
            BigDecimal actual,
            IndicatorStatus status,
            List<SubPeriodResult> periods,
            String note) {
        Indicator ind = pi.indicator();
        return new IndicatorResult(
                ind.id() == null ? -1 : ind.id(),
                ind.code(),
                ind.name(),
                pi.item().label(),
                ind.standard(),
                ind.kind(),
                ind.period(),
                target,
                actual,
                ind.params().unit(),
                status,
                periods,
                note,
                ind.value(),
                ind.evidence());
    }

    /** The record kinds of every activity count that will be computed (an empty set: any kind). */
    List<Set<ServiceKind>> activityKinds(List<ProjectIndicator> indicators) {
        return indicators.stream()
                .map(ProjectIndicator::indicator)
                .filter(i -> i.kind() == RuleKind.ACTIVITY_COUNT && missingSource(i) == null)
                .map(i -> Set.copyOf(i.params().recordKinds()))
                .toList();
    }

    /** The record kinds of every activity count that requires entry in a national platform. */
    List<Set<ServiceKind>> platformKinds(List<ProjectIndicator> indicators) {
        return indicators.stream()
                .map(ProjectIndicator::indicator)
                .filter(i -> i.kind() == RuleKind.ACTIVITY_COUNT && i.params().platform() != null)
                .map(i -> Set.copyOf(i.params().recordKinds()))
                .toList();
    }

    /**
     * The ledger populations the indicators may ask for (each read once, all together): coverage and per-person
     * rules over a ledger, rosters of a domain, and activity counts for a subtype of a domain's people.
     */
    List<cn.sgz.progress.LedgerFactSource.Population> populations(List<ProjectIndicator> indicators) {
        List<cn.sgz.progress.LedgerFactSource.Population> out = new ArrayList<>();
        for (ProjectIndicator pi : indicators) {
            IndicatorParams p = pi.indicator().params();
            boolean asks = switch (pi.indicator().kind()) {
                case PER_RECIPIENT_FREQUENCY, COVERAGE -> true;
                case ENTITY_COUNT -> p.entityType() == EntityType.FOLLOW_UP_ROSTER;
                case ACTIVITY_COUNT -> p.domain() != null && !blank(p.subtype());
                default -> false;
            };
            if (asks) {
                out.add(new cn.sgz.progress.LedgerFactSource.Population(p.domain(), p.subtype()));
            }
        }
        return out;
    }

    /** The domains of the case quotas (CASE_QUOTA) or group quotas (GROUP_QUOTA) to be computed. */
    List<LedgerDomain> quotaDomains(List<ProjectIndicator> indicators, RuleKind kind) {
        return indicators.stream()
                .map(ProjectIndicator::indicator)
                .filter(i -> i.kind() == kind)
                .map(i -> domainKey(i.params().domain()))
                .distinct()
                .toList();
    }

    /** What every DOCUMENT indicator asks for (names and domain), so each source reads its documents once. */
    List<cn.sgz.progress.DocumentFactSource.Shape> documentShapes(List<ProjectIndicator> indicators) {
        return indicators.stream()
                .map(ProjectIndicator::indicator)
                .filter(i ->
                        i.kind() == RuleKind.DOCUMENT && !i.params().documents().isEmpty())
                .map(i -> new cn.sgz.progress.DocumentFactSource.Shape(
                        i.params().documents(), i.params().domain()))
                .distinct()
                .toList();
    }

    /** The record kinds of every indicator that will count records per served person (one scan serves them all). */
    List<Set<ServiceKind>> perRecipientKinds(List<ProjectIndicator> indicators) {
        return indicators.stream()
                .map(ProjectIndicator::indicator)
                .filter(i -> i.kind() == RuleKind.PER_RECIPIENT_FREQUENCY || i.kind() == RuleKind.COVERAGE)
                .filter(i -> missingSource(i) == null)
                .map(i -> Set.copyOf(i.params().recordKinds()))
                .toList();
    }
}
