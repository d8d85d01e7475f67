package cn.sgz.progress.internal;

import cn.sgz.catalog.EntityCountMode;
import cn.sgz.catalog.EntityType;
import cn.sgz.catalog.Indicator;
import cn.sgz.catalog.IndicatorParams;
import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectIndicator;
import cn.sgz.catalog.RuleKind;
import cn.sgz.progress.CaseworkFactSource;
import cn.sgz.progress.DocumentFactSource;
import cn.sgz.progress.Drilldown;
import cn.sgz.progress.EntityFactSource;
import cn.sgz.progress.LedgerFactSource;
import cn.sgz.progress.RecordFactSource;
import cn.sgz.progress.RecordFactSource.RecordRef;
import cn.sgz.shared.vocabulary.LedgerDomain;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Lists what lies behind a figure, for the sub-period the person clicked (or the current one). */
@Component
public class DrilldownReader {

    private final ObjectProvider<RecordFactSource> records;
    private final ObjectProvider<CaseworkFactSource> casework;
    private final ObjectProvider<EntityFactSource> entities;
    private final ObjectProvider<LedgerFactSource> ledgers;
    private final ObjectProvider<DocumentFactSource> documents;
    private final StaffFacts staff;

    DrilldownReader(
            ObjectProvider<RecordFactSource> records,
            ObjectProvider<CaseworkFactSource> casework,
            ObjectProvider<EntityFactSource> entities,
            ObjectProvider<LedgerFactSource> ledgers,
            ObjectProvider<DocumentFactSource> documents,
            StaffFacts staff) {
        this.records = records;
        this.casework = casework;
        this.entities = entities;
        this.ledgers = ledgers;
        this.documents = documents;
        this.staff = staff;
    }

    public Drilldown read(Project project, ProjectIndicator pi, long station, LocalDate asOf, String periodLabel) {
        Indicator ind = pi.indicator();
        List<Periods.Span> spans = Periods.split(project.startDate(), project.endDate(), ind.period());
        Periods.Span span = spans.stream()
                .filter(s -> s.label().equals(periodLabel))
                .findFirst()
                .orElseGet(() -> spans.stream()
                        .filter(s -> s.contains(asOf))
                        .findFirst()
                        .orElse(spans.get(asOf.isBefore(project.startDate()) ? 0 : spans.size() - 1)));
        LocalDate to = asOf.isBefore(span.to()) ? asOf : span.to();
        IndicatorParams p = ind.params();
        long id = ind.id() == null ? -1 : ind.id();
        switch (ind.kind()) {
            case ACTIVITY_COUNT, PER_RECIPIENT_FREQUENCY, COVERAGE -> {
                RecordFactSource source = forProject(records.getIfAvailable(), project);
                if (source == null) {
                    return empty(project, id, station, span, to, "数据来源尚未接入");
                }
                // Only activity counts filter records by their domain; the other two filter people by ledger.
                LedgerDomain recordDomain = ind.kind() == RuleKind.ACTIVITY_COUNT ? p.domain() : null;
                List<RecordRef> all = to.isBefore(span.from())
                        ? List.of()
                        : source.records(station, Set.copyOf(p.recordKinds()), recordDomain, span.from(), to);
                if (ind.kind() == RuleKind.ACTIVITY_COUNT
                        && p.subtype() != null
                        && !p.subtype().isBlank()) {
                    all = forSubtype(source, all, p, station, span.from(), to);
                }
                if (ind.kind() == RuleKind.ACTIVITY_COUNT && p.platform() != null) {
                    all = forPlatform(source, all, p.platform());
                }
                List<List<String>> people = ind.kind() == RuleKind.ACTIVITY_COUNT
                                || p.entityType() != null && ind.kind() == RuleKind.COVERAGE
                        ? List.of(List.of(), List.of())
                        : people(source, pi, station, span, to);
                return new Drilldown(
                        project.id(),
                        id,
                        station,
                        span.label(),
                        span.from(),
                        to,
                        all.stream().filter(RecordRef::counts).toList(),
                        all.stream().filter(r -> !r.counts()).toList(),
                        List.of(),
                        "每条记录只计入一个项目：“计入”的记录已计入项目《" + project.name() + "》，计入其他项目的列在“不计入”中，不重复计算",
                        people.get(0),
                        people.get(1));
            }
            case CASE_QUOTA -> {
                CaseworkFactSource source = casework(project);
                if (source == null) {
                    return empty(project, id, station, span, to, "数据来源尚未接入");
                }
                List<String> items = source.cases(List.of(station), p.domain(), span.from(), to).stream()
                        .map(c -> c.title() + "：" + c.sessionDates().size() + " 节")
                        .toList();
                return new Drilldown(
                        project.id(),
                        id,
                        station,
                        span.label(),
                        span.from(),
                        to,
                        List.of(),
                        List.of(),
                        items,
                        tiedNote("个案", project));
            }
            case GROUP_QUOTA -> {
                CaseworkFactSource source = casework(project);
                if (source == null) {
                    return empty(project, id, station, span, to, "数据来源尚未接入");
                }
                List<String> items = source.groups(List.of(station), p.domain(), span.from(), to).stream()
                        .map(g -> g.title() + "：" + g.sessions().size() + " 节，各节人数 "
                                + g.sessions().stream()
                                        .map(s -> s.attendees() + (s.counts() ? "" : "(不计)"))
                                        .toList())
                        .toList();
                return new Drilldown(
                        project.id(),
                        id,
                        station,
                        span.label(),
                        span.from(),
                        to,
                        List.of(),
                        List.of(),
                        items,
                        tiedNote("小组", project));
            }
            case AMOUNT -> {
                EntityFactSource source = p.entityType() == null
                        ? null
                        : entities.orderedStream()
                                .filter(e -> e.entityTypes().contains(p.entityType()))
                                .findFirst()
                                .orElse(null);
                if (source == null) {
                    return empty(project, id, station, span, to, "数据来源尚未接入");
                }
                List<String> items = source.amounts(List.of(station), p.entityType(), span.from(), to).stream()
                        .map(a -> a.date() + " " + a.title() + "："
                                + a.amount().stripTrailingZeros().toPlainString() + " " + unitOf(p))
                        .toList();
                return new Drilldown(
                        project.id(), id, station, span.label(), span.from(), to, List.of(), List.of(), items, null);
            }
            case ENTITY_COUNT -> {
                if (p.entityType() == EntityType.FOLLOW_UP_ROSTER) {
                    return empty(project, id, station, span, to, "跟踪回访台账的人员见“服务对象 → 跟踪回访”（按服务领域筛选）");
                }
                EntityFactSource source = p.entityType() == null
                        ? null
                        : entities.orderedStream()
                                .filter(e -> e.entityTypes().contains(p.entityType()))
                                .findFirst()
                                .orElse(null);
                if (source == null) {
                    return empty(project, id, station, span, to, "数据来源尚未接入");
                }
                List<String> items = to.isBefore(span.from())
                        ? List.of()
                        : source.countedItems(station, p.entityType(), span.from(), to);
                if (p.countMode() == EntityCountMode.STARTED) {
                    // countedItems lists what was begun or active; only those begun within the period count
                    items = items.stream()
                            .filter(line -> startedWithin(line, span.from(), to))
                            .toList();
                }
                return new Drilldown(
                        project.id(),
                        id,
                        station,
                        span.label(),
                        span.from(),
                        to,
                        List.of(),
                        List.of(),
                        items,
                        items.isEmpty() ? "本期没有计入的" + p.entityType().label() : null);
            }
            case EXEMPLARY -> {
                CaseworkFactSource source = casework(project);
                if (source == null) {
                    return empty(project, id, station, span, to, "数据来源尚未接入");
                }
                List<String> items = to.isBefore(span.from())
                        ? List.of()
                        : source.exemplary(List.of(station), span.from(), to).stream()
                                .filter(e -> e.stationId() == station
                                        && (e.domain() == null
                                                || IndicatorEvaluator.domainMatches(p.domain(), e.domain())))
                                .map(e -> e.confirmedOn() + " 确认：" + e.title())
                                .toList();
                return new Drilldown(
                        project.id(),
                        id,
                        station,
                        span.label(),
                        span.from(),
                        to,
                        List.of(),
                        List.of(),
                        items,
                        items.isEmpty() ? "本期还没有经民政局确认、计入本项目的成功案例" : tiedNote("成功案例", project));
            }
            case DOCUMENT -> {
                Set<String> present = new java.util.HashSet<>();
                boolean periodic = ind.period() != cn.sgz.catalog.SubPeriod.PROJECT;
                documents.orderedStream().forEach(d -> {
                    List<DocumentFactSource.DatedDocument> dated =
                            periodic ? d.datedDocuments(List.of(station), p.documents(), p.domain()) : null;
                    if (dated == null) {
                        present.addAll(d.documents(List.of(station), p.documents(), p.domain())
                                .getOrDefault(station, Set.of()));
                    } else {
                        dated.stream()
                                .filter(x -> x.stationId() == station && x.overlaps(span.from(), to))
                                .forEach(x -> present.add(x.name()));
                    }
                });
                List<String> items = p.documents().stream()
                        .map(d -> (present.contains(d) ? "已有：" : "缺少：") + d)
                        .toList();
                return new Drilldown(
                        project.id(), id, station, span.label(), span.from(), to, List.of(), List.of(), items, null);
            }
            case STAFFING -> {
                Facts.StaffCounts.Count c =
                        staff.byStation(List.of(station)).getOrDefault(station, new Facts.StaffCounts.Count(0, 0));
                int certifiedMin = p.certifiedMin() == null ? 0 : p.certifiedMin();
                List<String> items = List.of(
                        "驻站人员 " + c.total() + " 人（要求不少于 "
                                + (pi.target() == null
                                        ? "—"
                                        : pi.target().stripTrailingZeros().toPlainString()) + " 人）",
                        "其中持证 " + c.certified() + " 人（要求不少于 " + certifiedMin + " 人）");
                return new Drilldown(
                        project.id(),
                        id,
                        station,
                        span.label(),
                        span.from(),
                        to,
                        List.of(),
                        List.of(),
                        items,
                        "人员名单见“机构与人员 → 驻站人员”");
            }
            default -> {
                return empty(project, id, station, span, to, "该类指标没有逐条记录，请查看说明");
            }
        }
    }

    /** Records not for the indicator's subtype (audience or people served) are listed as not counting, with why. */
    private List<RecordRef> forSubtype(
            RecordFactSource source,
            List<RecordRef> all,
            IndicatorParams p,
            long station,
            LocalDate from,
            LocalDate to) {
        LedgerFactSource ledger = ledgers.getIfAvailable();
        Set<Long> people = p.domain() == null || ledger == null || to.isBefore(from)
                ? Set.of()
                : ledger.population(List.of(station), p.domain(), p.subtype(), to)
                        .getOrDefault(station, Set.of());
        List<RecordFactSource.AudienceFact> facts = to.isBefore(from)
                ? List.of()
                : source.audienceFacts(List.of(station), Set.copyOf(p.recordKinds()), from, to);
        Set<Long> matching = facts == null
                ? Set.of()
                : facts.stream()
                        .filter(f -> IndicatorEvaluator.forSubtype(f, p.subtype(), people))
                        .map(RecordFactSource.AudienceFact::recordId)
                        .collect(java.util.stream.Collectors.toSet());
        return all.stream()
                .map(r -> !r.counts() || matching.contains(r.id())
                        ? r
                        : new RecordRef(
                                r.id(),
                                r.date(),
                                r.kind(),
                                r.title(),
                                false,
                                List.of("服务/培训对象不是“" + p.subtype() + "”"),
                                r.link()))
                .toList();
    }

    /**
     * An indicator that requires entry in a national platform: a record that would count but is not marked
     * 已录入全国平台 is listed as not counting, with the platform it must be entered in; the entered ones say so.
     */
    static List<RecordRef> forPlatform(RecordFactSource source, List<RecordRef> all, String platform) {
        Set<Long> entered =
                source.platformEntered(all.stream().map(RecordRef::id).toList());
        return all.stream()
                .map(r -> {
                    if (entered.contains(r.id())) {
                        List<String> notes = new java.util.ArrayList<>(r.notes());
                        notes.add("已录入全国平台（" + platform + "）");
                        return new RecordRef(
                                r.id(), r.date(), r.kind(), r.title(), r.counts(), r.reasons(), r.link(), notes);
                    }
                    List<String> reasons = new java.util.ArrayList<>(r.reasons());
                    reasons.add("未录入全国平台：须录入" + platform + "后才计入");
                    return new RecordRef(r.id(), r.date(), r.kind(), r.title(), false, reasons, r.link(), r.notes());
                })
                .toList();
    }

    /** Says which project the listed cases, groups or 成功案例 count for (each counts for one project only). */
    private static String tiedNote(String what, Project project) {
        return "以上" + what + "已计入项目《" + project.name() + "》；计入其他项目的" + what + "不在此列，不重复计算";
    }

    private static RecordFactSource forProject(RecordFactSource source, Project project) {
        return source == null ? null : source.forProject(project.id());
    }

    /** Casework as the project counts it: only cases, groups and 成功案例 tied to it. */
    private CaseworkFactSource casework(Project project) {
        CaseworkFactSource source = casework.getIfAvailable();
        return source == null ? null : source.forProject(project.id());
    }

    /**
     * Coverage and per-person rules: the people the figure is measured against, split into those already
     * covered in the period (for per-person rules: with enough records) and those not yet.
     */
    private List<List<String>> people(
            RecordFactSource source, ProjectIndicator pi, long station, Periods.Span span, LocalDate to) {
        LedgerFactSource ledger = ledgers.getIfAvailable();
        IndicatorParams p = pi.indicator().params();
        if (ledger == null || to.isBefore(span.from())) {
            return List.of(List.of(), List.of());
        }
        Set<Long> people = new java.util.HashSet<>(
                p.entityType() == EntityType.FOLLOW_UP_ROSTER
                        ? ledger.followUpRoster(List.of(station), to).getOrDefault(station, Set.of())
                        : ledger.population(List.of(station), p.domain(), p.subtype(), to)
                                .getOrDefault(station, Set.of()));
        if (p.entityType() == EntityType.FOLLOW_UP_ROSTER && p.domain() != null && p.domain() != LedgerDomain.ALL) {
            people.retainAll(ledger.population(List.of(station), p.domain(), p.subtype(), to)
                    .getOrDefault(station, Set.of()));
        }
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        Set<cn.sgz.shared.vocabulary.ServiceKind> kinds = Set.copyOf(p.recordKinds());
        if (!kinds.isEmpty()) {
            source.recipientMonthlyCounts(List.of(station), kinds, span.from(), to).stream()
                    .filter(c -> c.stationId() == station)
                    .forEach(c -> counts.merge(c.recipientId(), c.count(), Long::sum));
        }
        long need = pi.indicator().kind() == RuleKind.PER_RECIPIENT_FREQUENCY && pi.target() != null
                ? Math.max(1, pi.target().longValue())
                : 1;
        java.util.Map<Long, String> names = ledger.names(people);
        java.util.function.Function<Long, String> label =
                r -> names.getOrDefault(r, "服务对象#" + r) + (need > 1 ? "（" + counts.getOrDefault(r, 0L) + " 次）" : "");
        List<String> covered = people.stream()
                .filter(r -> counts.getOrDefault(r, 0L) >= need)
                .sorted(java.util.Comparator.comparing(r -> names.getOrDefault(r, "")))
                .map(label)
                .toList();
        List<String> notCovered = people.stream()
                .filter(r -> counts.getOrDefault(r, 0L) < need)
                .sorted(java.util.Comparator.comparing(r -> names.getOrDefault(r, "")))
                .map(label)
                .toList();
        return List.of(covered, notCovered);
    }

    /** Whether a drill-down line names a start date ("2026-03-01 …" or "…（2026-03-01 起）") within [from, to]. */
    private static boolean startedWithin(String line, LocalDate from, LocalDate to) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}").matcher(line);
        if (!m.find()) {
            return false;
        }
        LocalDate d = LocalDate.parse(m.group());
        return !d.isBefore(from) && !d.isAfter(to);
    }

    /** The unit of one amount: 元 for money, 小时 for training hours (an indicator's unit may be per event). */
    private static String unitOf(IndicatorParams p) {
        String unit = p.unit() == null || p.unit().isBlank() ? "元" : p.unit();
        int slash = unit.indexOf('/');
        return slash > 0 ? unit.substring(0, slash) : unit;
    }

    private static Drilldown empty(
            Project project, long id, long station, Periods.Span span, LocalDate to, String note) {
        return new Drilldown(
                project.id(), id, station, span.label(), span.from(), to, List.of(), List.of(), List.of(), note);
    }
}
