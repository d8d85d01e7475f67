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

    /** The arithmetic part, over facts already wired to their sources (tests give in-memory ones). */
    static List<StationCompliance> evaluate(
            Facts facts,
            Project project,
            List<ProjectIndicator> indicators,
            Collection<Long> stationIds,
            Map<Long, String> stationNames,
            LocalDate asOf) {
        IndicatorEvaluator evaluator = new IndicatorEvaluator(facts, asOf, project.evidencePolicy());
        facts.expectMonthly(evaluator.activityKinds(indicators));
        facts.expectPerRecipient(evaluator.perRecipientKinds(indicators));
        facts.expectPlatform(evaluator.platformKinds(indicators));
        facts.expectLedger(evaluator.populations(indicators));
        facts.expectCasework(
                evaluator.quotaDomains(indicators, cn.sgz.catalog.RuleKind.CASE_QUOTA),
                evaluator.quotaDomains(indicators, cn.sgz.catalog.RuleKind.GROUP_QUOTA));
        facts.expectDocuments(evaluator.documentShapes(indicators));
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
