package cn.sgz.progress.internal;

import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectIndicator;
import cn.sgz.progress.CaseworkFactSource;
import cn.sgz.progress.DocumentFactSource;
import cn.sgz.progress.EntityFactSource;
import cn.sgz.progress.IndicatorResult;
import cn.sgz.progress.LedgerFactSource;
import cn.sgz.progress.RecordFactSource;
import cn.sgz.progress.StationCompliance;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Computes a project's compliance for any set of its stations as of a date: fetch the facts once for
 * all stations (a handful of grouped scans), then evaluate every indicator of every station in memory.
 * Scope is the caller's business ({@code ComplianceService}); this class trusts the station list.
 */
@Component
public class ComplianceEngine {

    private final ObjectProvider<RecordFactSource> records;
    private final ObjectProvider<LedgerFactSource> ledgers;
    private final ObjectProvider<CaseworkFactSource> casework;
    private final ObjectProvider<EntityFactSource> entities;
    private final ObjectProvider<DocumentFactSource> documents;
    private final Facts.StaffCounts staff;

    ComplianceEngine(
            ObjectProvider<RecordFactSource> records,
            ObjectProvider<LedgerFactSource> ledgers,
            ObjectProvider<CaseworkFactSource> casework,
            ObjectProvider<EntityFactSource> entities,
            ObjectProvider<DocumentFactSource> documents,
            StaffFacts staff) {
        this.records = records;
        this.ledgers = ledgers;
        this.casework = casework;
        this.entities = entities;
        this.documents = documents;
        this.staff = staff;
    }

    public List<StationCompliance> evaluate(
            Project project,
            List<ProjectIndicator> indicators,
            Collection<Long> stationIds,
            Map<Long, String> stationNames,
            LocalDate asOf) {
        LocalDate to = asOf.isBefore(project.endDate()) ? asOf : project.endDate();
        Facts facts = new Facts(
                stationIds,
                project.startDate(),
                to,
                Optional.ofNullable(records.getIfAvailable()).map(r -> r.forProject(project.id())),
                Optional.ofNullable(ledgers.getIfAvailable()),
                Optional.ofNullable(casework.getIfAvailable()).map(c -> c.forProject(project.id())),
                entities.orderedStream().toList(),
                documents.orderedStream().toList(),
                staff);
        return evaluate(facts, project, indicators, stationIds, stationNames, asOf);
    }

    /** One project of a combined computation: what {@link #evaluate(Project, List, Collection, Map, LocalDate)} takes. */
    public record Work(
            Project project,
            List<ProjectIndicator> indicators,
            Collection<Long> stationIds,
            Map<Long, String> stationNames) {}

    /**
     * Several projects computed together (a city's projects at once), each project's stations exactly as
     * {@link #evaluate(Project, List, Collection, Map, LocalDate)} gives them, but each fact source read once for all
     * projects (service records, person facts, cases and groups, ledgers, roster, documents, staff, entities): the
     * statements do not grow with the number of projects, only the rows. Answers by project id, in the order of
     * {@code works}.
     */
    public Map<Long, List<StationCompliance>> evaluateAll(List<Work> works, LocalDate asOf) {
        Map<Long, Collection<Long>> stationsByProject = new java.util.LinkedHashMap<>();
        works.forEach(w -> stationsByProject.put(w.project().id(), List.copyOf(w.stationIds())));
        RecordFactSource recordSource = records.getIfAvailable();
        java.util.function.LongFunction<RecordFactSource> recordsOf =
                recordSource == null ? null : recordSource.forProjects(stationsByProject);
        CaseworkFactSource caseworkSource = casework.getIfAvailable();
        java.util.function.LongFunction<CaseworkFactSource> caseworkOf =
                caseworkSource == null ? null : caseworkSource.forProjects(stationsByProject);
        SharedReads shared = new SharedReads(stationsByProject.values());
        Optional<LedgerFactSource> ledger =
                Optional.ofNullable(ledgers.getIfAvailable()).map(shared::ledger);
        List<DocumentFactSource> docs =
                documents.orderedStream().map(shared::documents).toList();
        List<Long> allStations = new ArrayList<>(new java.util.TreeSet<Long>(
                stationsByProject.values().stream().flatMap(Collection::stream).toList()));
        List<EntityFactSource> ents =
                entities.orderedStream().map(e -> e.sharedFor(allStations)).toList();
        Facts.StaffCounts staffCounts = shared.staff(staff);
        List<Facts> facts = new ArrayList<>();
        List<IndicatorEvaluator> evaluators = new ArrayList<>();
        for (Work w : works) {
            Project project = w.project();
            LocalDate to = asOf.isBefore(project.endDate()) ? asOf : project.endDate();
            Facts f = new Facts(
                    w.stationIds(),
                    project.startDate(),
                    to,
                    Optional.ofNullable(recordsOf).map(r -> r.apply(project.id())),
                    ledger,
                    Optional.ofNullable(caseworkOf).map(c -> c.apply(project.id())),
                    ents,
                    docs,
                    staffCounts);
            IndicatorEvaluator evaluator = prepare(f, project, w.indicators(), asOf);
            // every project's populations and document shapes, so that the first question reads them all
            shared.announce(evaluator.populations(w.indicators()), evaluator.documentShapes(w.indicators()));
            facts.add(f);
            evaluators.add(evaluator);
        }
        Map<Long, List<StationCompliance>> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < works.size(); i++) {
            Work w = works.get(i);
            out.put(
                    w.project().id(),
                    compute(evaluators.get(i), w.project(), w.indicators(), w.stationIds(), w.stationNames(), asOf));
        }
        return out;
    }

    /** An evaluator over the facts, with every question its indicators will ask announced to the facts. */
    private static IndicatorEvaluator prepare(
            Facts facts, Project project, List<ProjectIndicator> indicators, LocalDate asOf) {
        IndicatorEvaluator evaluator = new IndicatorEvaluator(facts, asOf, project.evidencePolicy());
        facts.expectMonthly(evaluator.activityKinds(indicators));
        facts.expectPerRecipient(evaluator.perRecipientKinds(indicators));
        facts.expectPlatform(evaluator.platformKinds(indicators));
        facts.expectLedger(evaluator.populations(indicators));
        facts.expectCasework(
                evaluator.quotaDomains(indicators, cn.sgz.catalog.RuleKind.CASE_QUOTA),
                evaluator.quotaDomains(indicators, cn.sgz.catalog.RuleKind.GROUP_QUOTA));
        facts.expectDocuments(evaluator.documentShapes(indicators));
        return evaluator;
    }

    /** The arithmetic part, over facts already wired to their sources (tests give in-memory ones). */
    static List<StationCompliance> evaluate(
            Facts facts,
            Project project,
            List<ProjectIndicator> indicators,
            Collection<Long> stationIds,
            Map<Long, String> stationNames,
            LocalDate asOf) {
        return compute(prepare(facts, project, indicators, asOf), project, indicators, stationIds, stationNames, asOf);
    }

    private static List<StationCompliance> compute(
            IndicatorEvaluator evaluator,
            Project project,
            List<ProjectIndicator> indicators,
            Collection<Long> stationIds,
            Map<Long, String> stationNames,
            LocalDate asOf) {
        List<List<Periods.Span>> spans = indicators.stream()
                .map(pi -> Periods.split(
                        project.startDate(), project.endDate(), pi.indicator().period()))
                .toList();
        List<StationCompliance> result = new ArrayList<>();
        for (long station : stationIds) {
            List<IndicatorResult> rows = new ArrayList<>(indicators.size());
            for (int i = 0; i < indicators.size(); i++) {
                rows.add(evaluator.evaluate(indicators.get(i), station, spans.get(i)));
            }
            result.add(
                    new StationCompliance(project.id(), station, stationNames.getOrDefault(station, "—"), asOf, rows));
        }
        return result;
    }
}
