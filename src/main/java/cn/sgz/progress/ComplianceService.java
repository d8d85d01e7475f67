package cn.sgz.progress;

import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectInScope;
import cn.sgz.catalog.ProjectIndicator;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.progress.internal.ComplianceEngine;
import cn.sgz.progress.internal.DrilldownReader;
import cn.sgz.shared.NotFoundException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each station stands against its contract, for the signed-in user: only projects and
 * stations inside their scope. A project's station outside the scope is simply not evaluated.
 */
@Service
public class ComplianceService {

    private final ProjectQueries projects;
    private final ComplianceEngine engine;
    private final DrilldownReader drilldowns;
    private final ObjectProvider<JudgementSource> judgements;

    ComplianceService(
            ProjectQueries projects,
            ComplianceEngine engine,
            DrilldownReader drilldowns,
            ObjectProvider<JudgementSource> judgements) {
        this.projects = projects;
        this.engine = engine;
        this.drilldowns = drilldowns;
        this.judgements = judgements;
    }

    /** Compliance of one station (stationId given) or of every visible station of the project. */
    @Transactional(readOnly = true)
    public List<StationCompliance> compute(long projectId, Long stationId, LocalDate asOf) {
        ProjectInScope p = projects.inScope(projectId);
        List<Long> stations = only(p.visibleStationIds(), stationId);
        return judged(projectId, stations, engine.evaluate(p.project(), p.indicators(), stations, p.unitNames(), asOf));
    }

    /** Standards waiting for a person's judgement (MANUAL) take the latest judgement made in an evaluation. */
    private List<StationCompliance> judged(long projectId, List<Long> stations, List<StationCompliance> rows) {
        Map<String, JudgementSource.Judgement> latest = new HashMap<>();
        judgements
                .orderedStream()
                .forEach(src -> src.judgements(projectId, stations)
                        .forEach(j -> latest.merge(
                                j.stationId() + ":" + j.indicatorId(),
                                j,
                                (a, b) -> b.judgedOn().isAfter(a.judgedOn()) ? b : a)));
        if (latest.isEmpty()) {
            return rows;
        }
        return rows.stream()
                .map(sc -> new StationCompliance(
                        sc.projectId(),
                        sc.stationId(),
                        sc.stationName(),
                        sc.asOf(),
                        sc.indicators().stream()
                                .map(r -> {
                                    JudgementSource.Judgement j = r.status() == IndicatorStatus.MANUAL
                                            ? latest.get(sc.stationId() + ":" + r.indicatorId())
                                            : null;
                                    return j == null
                                            ? r
                                            : new IndicatorResult(
                                                    r.indicatorId(),
                                                    r.code(),
                                                    r.name(),
                                                    r.itemName(),
                                                    r.standard(),
                                                    r.kind(),
                                                    r.period(),
                                                    r.target(),
                                                    r.actual(),
                                                    r.unit(),
                                                    j.met() ? IndicatorStatus.MET : IndicatorStatus.MISSED,
                                                    r.subPeriods(),
                                                    "评估人判断（" + j.judgedOn() + "）：" + j.note(),
                                                    r.value(),
                                                    r.evidence());
                                })
                                .toList()))
                .toList();
    }

    /** The records (or cases, groups, amounts) behind one indicator's figure at one station. */
    @Transactional(readOnly = true)
    public Drilldown drilldown(long projectId, long indicatorId, long stationId, LocalDate asOf, String period) {
        ProjectInScope p = projects.inScope(projectId);
        only(p.visibleStationIds(), stationId);
        ProjectIndicator pi = p.indicators().stream()
                .filter(i -> i.indicator().id() != null && i.indicator().id() == indicatorId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("指标"));
        return drilldowns.read(p.project(), pi, stationId, asOf, period);
    }

    /** A project the user may see (404 otherwise), for page headers. */
    public Project project(long projectId) {
        return projects.get(projectId);
    }

    /** The projects the user may see, for pickers and home pages. */
    public List<Project> visibleProjects() {
        return projects.visible();
    }

    /** The one station asked for (404 unless the user sees it in this project), or all visible ones. */
    private static List<Long> only(List<Long> visibleStations, Long stationId) {
        if (stationId == null) {
            return visibleStations;
        }
        if (!visibleStations.contains(stationId)) {
            throw new NotFoundException("社工站");
        }
        return List.of(stationId);
    }
}
