package cn.sgz.progress.internal;

import cn.sgz.catalog.EntityCountMode;
import cn.sgz.catalog.EntityType;
import cn.sgz.catalog.Indicator;
import cn.sgz.catalog.IndicatorParams;
import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectIndicator;
import cn.sgz.catalog.RuleKind;
import cn.sgz.catalog.ServiceDomain;
import cn.sgz.progress.CaseworkFactSource;
import cn.sgz.progress.Drilldown;
import cn.sgz.progress.EntityFactSource;
import cn.sgz.progress.RecordFactSource;
import cn.sgz.progress.RecordFactSource.RecordRef;
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

    DrilldownReader(ObjectProvider<RecordFactSource> records, ObjectProvider<CaseworkFactSource> casework,
                    ObjectProvider<EntityFactSource> entities) {
        this.records = records;
        this.casework = casework;
        this.entities = entities;
    }

    public Drilldown read(Project project, ProjectIndicator pi, long station, LocalDate asOf, String periodLabel) {
        Indicator ind = pi.indicator();
        List<Periods.Span> spans = Periods.split(project.startDate(), project.endDate(), ind.period());
        Periods.Span span = spans.stream().filter(s -> s.label().equals(periodLabel)).findFirst()
                .orElseGet(() -> spans.stream().filter(s -> s.contains(asOf)).findFirst()
                        .orElse(spans.get(asOf.isBefore(project.startDate()) ? 0 : spans.size() - 1)));
        LocalDate to = asOf.isBefore(span.to()) ? asOf : span.to();
        IndicatorParams p = ind.params();
        long id = ind.id() == null ? -1 : ind.id();
        switch (ind.kind()) {
            case ACTIVITY_COUNT, PER_RECIPIENT_FREQUENCY, COVERAGE -> {
                RecordFactSource source = records.getIfAvailable();
                if (source == null) {
                    return empty(project, id, station, span, to, "数据来源尚未接入");
                }
                // Only activity counts filter records by their domain; the other two filter people by ledger.
                ServiceDomain recordDomain = ind.kind() == RuleKind.ACTIVITY_COUNT ? p.domain() : null;
                List<RecordRef> all = to.isBefore(span.from()) ? List.of()
                        : source.records(station, Set.copyOf(p.recordKinds()), recordDomain, span.from(), to);
                return new Drilldown(project.id(), id, station, span.label(), span.from(), to,
                        all.stream().filter(RecordRef::counts).toList(),
                        all.stream().filter(r -> !r.counts()).toList(), List.of(), null);
            }
            case CASE_QUOTA -> {
                CaseworkFactSource source = casework.getIfAvailable();
                if (source == null) {
                    return empty(project, id, station, span, to, "数据来源尚未接入");
                }
                List<String> items = source.cases(List.of(station), p.domain(), span.from(), to).stream()
                        .map(c -> c.title() + "：" + c.sessionDates().size() + " 节").toList();
                return new Drilldown(project.id(), id, station, span.label(), span.from(), to, List.of(), List.of(),
                        items, null);
            }
            case GROUP_QUOTA -> {
                CaseworkFactSource source = casework.getIfAvailable();
                if (source == null) {
                    return empty(project, id, station, span, to, "数据来源尚未接入");
                }
                List<String> items = source.groups(List.of(station), p.domain(), span.from(), to).stream()
                        .map(g -> g.title() + "：" + g.sessions().size() + " 节，各节人数 "
                                + g.sessions().stream().map(s -> s.attendees() + (s.counts() ? "" : "(不计)"))
                                .toList())
                        .toList();
                return new Drilldown(project.id(), id, station, span.label(), span.from(), to, List.of(), List.of(),
                        items, null);
            }
            case AMOUNT -> {
                EntityFactSource source = p.entityType() == null ? null : entities.orderedStream()
                        .filter(e -> e.entityTypes().contains(p.entityType())).findFirst().orElse(null);
                if (source == null) {
                    return empty(project, id, station, span, to, "数据来源尚未接入");
                }
                List<String> items = source.amounts(List.of(station), p.entityType(), span.from(), to).stream()
                        .map(a -> a.date() + " " + a.title() + "：" + a.amount().stripTrailingZeros().toPlainString() + " "
                                + unitOf(p)).toList();
                return new Drilldown(project.id(), id, station, span.label(), span.from(), to, List.of(), List.of(),
                        items, null);
            }
            case ENTITY_COUNT -> {
                if (p.entityType() == EntityType.FOLLOW_UP_ROSTER) {
                    return empty(project, id, station, span, to, "跟踪回访台账的人员见“服务对象 → 跟踪回访”（按服务领域筛选）");
                }
                EntityFactSource source = p.entityType() == null ? null : entities.orderedStream()
                        .filter(e -> e.entityTypes().contains(p.entityType())).findFirst().orElse(null);
                if (source == null) {
                    return empty(project, id, station, span, to, "数据来源尚未接入");
                }
                List<String> items = to.isBefore(span.from()) ? List.of()
                        : source.countedItems(station, p.entityType(), span.from(), to);
                if (p.countMode() == EntityCountMode.STARTED) {
                    // countedItems lists what was begun or active; only those begun within the period count
                    items = items.stream().filter(line -> startedWithin(line, span.from(), to)).toList();
                }
                return new Drilldown(project.id(), id, station, span.label(), span.from(), to, List.of(), List.of(),
                        items, items.isEmpty() ? "本期没有计入的" + p.entityType().label() : null);
            }
            default -> {
                return empty(project, id, station, span, to, "该类指标没有逐条记录，请查看说明");
            }
        }
    }

    /** Whether a drill-down line names a start date ("2026-03-01 …" or "…（2026-03-01 起）") within [from, to]. */
    private static boolean startedWithin(String line, LocalDate from, LocalDate to) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}").matcher(line);
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

    private static Drilldown empty(Project project, long id, long station, Periods.Span span, LocalDate to,
                                   String note) {
        return new Drilldown(project.id(), id, station, span.label(), span.from(), to, List.of(), List.of(), List.of(),
                note);
    }
}
