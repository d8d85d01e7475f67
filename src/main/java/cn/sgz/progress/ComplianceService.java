package cn.sgz.progress;

import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectInScope;
import cn.sgz.catalog.ProjectIndicator;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitView;
import cn.sgz.org.Scope;
import cn.sgz.org.ScopeService;
import cn.sgz.progress.internal.ComplianceEngine;
import cn.sgz.progress.internal.DrilldownReader;
import cn.sgz.progress.internal.SnapshotStore;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each station stands against its contract, for the signed-in user: only projects and
 * stations inside their scope. A project's station outside the scope is simply not evaluated.
 */
@Service
public class ComplianceService {

    private static final Logger log = LoggerFactory.getLogger(ComplianceService.class);

    private final ProjectQueries projects;
    private final ComplianceEngine engine;
    private final DrilldownReader drilldowns;
    private final ObjectProvider<JudgementSource> judgements;
    private final SnapshotStore snapshots;
    private final ScopeService scopes;
    private final OrgDirectory directory;
    private final Duration maxAge;
    /** Projects this instance is refreshing now (the database claim covers other instances). */
    private final Set<Long> refreshing = ConcurrentHashMap.newKeySet();

    ComplianceService(
            ProjectQueries projects,
            ComplianceEngine engine,
            DrilldownReader drilldowns,
            ObjectProvider<JudgementSource> judgements,
            SnapshotStore snapshots,
            ScopeService scopes,
            OrgDirectory directory,
            @Value("${sgz.compliance.snapshot.max-age:PT15M}") Duration maxAge) {
        this.projects = projects;
        this.engine = engine;
        this.drilldowns = drilldowns;
        this.judgements = judgements;
        this.snapshots = snapshots;
        this.scopes = scopes;
        this.directory = directory;
        this.maxAge = maxAge;
    }

    /** A project's board as stored: the project (scope-checked, 404 otherwise) and its visible stations' figures. */
    public record Board(Project project, ComplianceSnapshot snapshot) {}

    /**
     * Today's figures of one station (stationId given) or of every visible station of the project, from the stored
     * snapshot: one read, no recomputation unless the facts changed since (then the first reader refreshes it while
     * others are shown the stored figures with their age).
     */
    public Board board(long projectId, Long stationId) {
        ProjectInScope p = projects.inScope(projectId);
        List<Long> stations = only(p.visibleStationIds(), stationId);
        ComplianceSnapshot all = stored(List.of(p.project()), null);
        Map<Long, StationCompliance> byStation = new HashMap<>();
        all.stations().forEach(sc -> byStation.put(sc.stationId(), sc));
        List<StationCompliance> shown = new ArrayList<>();
        for (long s : stations) {
            StationCompliance sc = byStation.get(s);
            if (sc != null) {
                shown.add(sc);
            }
        }
        if (shown.size() < stations.size()) {
            // a station joined after the last computation and no refresh could run yet: compute it live
            return new Board(
                    p.project(),
                    new ComplianceSnapshot(
                            compute(projectId, stationId, ChinaTime.today()),
                            ChinaTime.today(),
                            ChinaTime.now(),
                            null));
        }
        return new Board(p.project(), restrict(all, shown));
    }

    /**
     * The stored figures of every station the signed-in user sees in these projects (one read for all projects), for
     * home pages. Projects never computed, or changed since, are refreshed first unless another reader already is.
     */
    public ComplianceSnapshot snapshotOf(List<Project> visible) {
        return stored(visible, scopes.current());
    }

    /** Recomputes a project's stored figures now (the refresh action); 404 unless the user may see the project. */
    public ComplianceSnapshot refresh(long projectId) {
        projects.get(projectId);
        // stale first: should another refresher hold the project, the next read refreshes it again
        snapshots.markProjectStale(projectId);
        refreshNow(projectId, true);
        return board(projectId, null).snapshot();
    }

    /** For the background refresher: projects whose figures are stale, for an earlier day or older than max-age. */
    public int refreshDue() {
        return refreshNow(snapshots.projectsToRefresh(ChinaTime.now().minus(maxAge), ChinaTime.today()));
    }

    private ComplianceSnapshot stored(List<Project> visible, Scope scope) {
        LocalDate today = ChinaTime.today();
        List<Long> ids = visible.stream().map(Project::id).toList();
        List<SnapshotStore.Row> rows = snapshots.read(ids, scope);
        Set<Long> present = new HashSet<>();
        Set<Long> due = new HashSet<>();
        for (SnapshotStore.Row r : rows) {
            present.add(r.station().projectId());
            if (r.staleSince() != null || r.station().asOf().isBefore(today)) {
                due.add(r.station().projectId());
            }
        }
        List<Long> toRefresh = new ArrayList<>();
        for (long id : ids) {
            if (!present.contains(id) || due.contains(id)) {
                toRefresh.add(id);
            }
        }
        if (!toRefresh.isEmpty() && refreshNow(toRefresh) > 0) {
            rows = snapshots.read(ids, scope);
        }
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            order.put(ids.get(i), i);
        }
        List<StationCompliance> shown = new ArrayList<>();
        LocalDate asOf = null;
        Instant computedAt = null;
        Instant staleSince = null;
        for (SnapshotStore.Row r : rows) {
            if (!r.inScope() || (scope != null && !scope.covers(r.orgPath()))) {
                continue;
            }
            shown.add(r.station());
            asOf = asOf == null || r.station().asOf().isBefore(asOf)
                    ? r.station().asOf()
                    : asOf;
            computedAt = computedAt == null || r.computedAt().isBefore(computedAt) ? r.computedAt() : computedAt;
            if (r.staleSince() != null && (staleSince == null || r.staleSince().isBefore(staleSince))) {
                staleSince = r.staleSince();
            }
        }
        shown.sort(Comparator.comparing((StationCompliance sc) -> order.getOrDefault(sc.projectId(), 0)));
        return new ComplianceSnapshot(shown, asOf, computedAt, staleSince);
    }

    private static ComplianceSnapshot restrict(ComplianceSnapshot all, List<StationCompliance> shown) {
        return new ComplianceSnapshot(shown, all.asOf(), all.computedAt(), all.staleSince());
    }

    /**
     * {@link #refreshNow(long, boolean)} of several projects at once: those this instance can claim are computed
     * together (each fact source read once for all of them) and each written as its own refresh would write it.
     * Answers how many were refreshed; failures are logged (the next reader or sweep tries again).
     */
    private int refreshNow(List<Long> projectIds) {
        if (projectIds.size() == 1) {
            return refreshNow(projectIds.get(0), false) ? 1 : 0;
        }
        List<Long> mine = new ArrayList<>();
        for (long id : new java.util.LinkedHashSet<>(projectIds)) {
            if (refreshing.add(id)) {
                mine.add(id);
            }
        }
        List<Long> claimed = new ArrayList<>();
        try {
            for (long id : mine) {
                if (snapshots.claim(id)) {
                    claimed.add(id);
                }
            }
            if (claimed.isEmpty()) {
                return 0;
            }
            Map<Long, Map<Long, Long>> seen = new HashMap<>();
            List<Project> found = new ArrayList<>();
            for (long id : claimed) {
                seen.put(id, snapshots.versions(id));
                Project project = projects.findUnscoped(id).orElse(null);
                if (project == null) {
                    snapshots.write(id, List.of(), Map.of(), seen.get(id));
                } else {
                    found.add(project);
                }
            }
            Set<Long> unitIds = new HashSet<>();
            found.forEach(p -> unitIds.addAll(p.stationIds()));
            Map<Long, OrgUnitView> units = unitIds.isEmpty() ? Map.of() : directory.units(unitIds);
            Map<Long, String> paths = new HashMap<>();
            List<ComplianceEngine.Work> works = new ArrayList<>();
            for (Project project : found) {
                Map<Long, String> names = new LinkedHashMap<>();
                List<Long> stations = new ArrayList<>();
                for (long st : project.stationIds()) {
                    OrgUnitView u = units.get(st);
                    if (u != null && u.active()) {
                        stations.add(st);
                        names.put(st, u.name());
                        paths.put(st, u.path());
                    }
                }
                works.add(new ComplianceEngine.Work(project, projects.indicators(project), stations, names));
            }
            Map<Long, List<StationCompliance>> rows = judgedAll(works, engine.evaluateAll(works, ChinaTime.today()));
            for (Project project : found) {
                snapshots.write(project.id(), rows.get(project.id()), paths, seen.get(project.id()));
            }
            return claimed.size();
        } catch (RuntimeException e) {
            log.warn("指标快照刷新失败（项目 {}）", claimed, e);
            return 0;
        } finally {
            claimed.forEach(snapshots::release);
            mine.forEach(refreshing::remove);
        }
    }

    /**
     * Recomputes one project's stored figures for every active station, unscoped (rows are filtered by the reader's
     * scope). Single-flight: false when this or another instance is already at it.
     */
    private boolean refreshNow(long projectId, boolean wait) {
        if (!refreshing.add(projectId)) {
            return false;
        }
        try {
            if (!snapshots.claim(projectId)) {
                return false;
            }
            try {
                Map<Long, Long> seen = snapshots.versions(projectId);
                Project project = projects.findUnscoped(projectId).orElse(null);
                if (project == null) {
                    snapshots.write(projectId, List.of(), Map.of(), seen);
                    return true;
                }
                Map<Long, OrgUnitView> units = directory.units(project.stationIds());
                Map<Long, String> names = new LinkedHashMap<>();
                Map<Long, String> paths = new HashMap<>();
                List<Long> stations = new ArrayList<>();
                for (long s : project.stationIds()) {
                    OrgUnitView u = units.get(s);
                    if (u != null && u.active()) {
                        stations.add(s);
                        names.put(s, u.name());
                        paths.put(s, u.path());
                    }
                }
                List<StationCompliance> rows = judged(
                        projectId,
                        stations,
                        engine.evaluate(project, projects.indicators(project), stations, names, ChinaTime.today()));
                snapshots.write(projectId, rows, paths, seen);
                return true;
            } finally {
                snapshots.release(projectId);
            }
        } catch (RuntimeException e) {
            if (wait) {
                throw e;
            }
            log.warn("指标快照刷新失败（项目 {}）", projectId, e);
            return false;
        } finally {
            refreshing.remove(projectId);
        }
    }

    /**
     * The API's figures and where they come from: for today, the stored figures when they are current (nothing
     * changed since they were computed, so they are what a computation now would give; a stale or missing snapshot
     * is refreshed first by the first reader); otherwise — another day, or a refresh running elsewhere — computed
     * now. {@code computedAt} says when the figures were computed.
     */
    public record Figures(List<StationCompliance> stations, Instant computedAt, boolean stored) {}

    /** See {@link Figures}: today's figures from the snapshot when current, any other day's computed. */
    public Figures figures(long projectId, Long stationId, LocalDate asOf) {
        if (asOf.equals(ChinaTime.today())) {
            ComplianceSnapshot s = board(projectId, stationId).snapshot();
            if (!s.stale() && s.computedAt() != null) {
                return new Figures(s.stations(), s.computedAt(), true);
            }
        }
        return new Figures(compute(projectId, stationId, asOf), ChinaTime.now(), false);
    }

    /** Compliance of one station (stationId given) or of every visible station of the project. */
    @Transactional(readOnly = true)
    public List<StationCompliance> compute(long projectId, Long stationId, LocalDate asOf) {
        ProjectInScope p = projects.inScope(projectId);
        List<Long> stations = only(p.visibleStationIds(), stationId);
        return judged(projectId, stations, engine.evaluate(p.project(), p.indicators(), stations, p.unitNames(), asOf));
    }

    /**
     * Every visible station of several projects, each project exactly as {@link #compute(long, Long, LocalDate)}
     * gives it, computed together: the projects read in a constant number of statements, each fact source once for
     * all of them (a city's projects cost the statements of one). 404 unless the user may see every project.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<StationCompliance>> compute(Collection<Long> projectIds, LocalDate asOf) {
        Map<Long, ProjectInScope> visible = new HashMap<>();
        projects.visibleInScope().forEach(p -> visible.put(p.project().id(), p));
        List<ComplianceEngine.Work> works = new ArrayList<>();
        for (long id : new java.util.LinkedHashSet<>(projectIds)) {
            ProjectInScope p = visible.get(id);
            if (p == null) {
                throw new NotFoundException("项目");
            }
            works.add(new ComplianceEngine.Work(p.project(), p.indicators(), p.visibleStationIds(), p.unitNames()));
        }
        return judgedAll(works, engine.evaluateAll(works, asOf));
    }

    /** {@link #judged} of several projects, the judgements read once for all of them. */
    private Map<Long, List<StationCompliance>> judgedAll(
            List<ComplianceEngine.Work> works, Map<Long, List<StationCompliance>> rows) {
        Map<Long, Collection<Long>> stationsByProject = new LinkedHashMap<>();
        works.forEach(w -> stationsByProject.put(w.project().id(), List.copyOf(w.stationIds())));
        Map<Long, List<JudgementSource.Judgement>> all = new HashMap<>();
        judgements
                .orderedStream()
                .forEach(src -> src.judgements(stationsByProject)
                        .forEach((p, js) ->
                                all.computeIfAbsent(p, k -> new ArrayList<>()).addAll(js)));
        Map<Long, List<StationCompliance>> out = new LinkedHashMap<>();
        rows.forEach((p, r) -> out.put(p, judgedWith(all.getOrDefault(p, List.of()), r)));
        return out;
    }

    /** Standards waiting for a person's judgement (MANUAL) take the latest judgement made in an evaluation. */
    private List<StationCompliance> judged(long projectId, List<Long> stations, List<StationCompliance> rows) {
        List<JudgementSource.Judgement> all = new ArrayList<>();
        judgements.orderedStream().forEach(src -> all.addAll(src.judgements(projectId, stations)));
        return judgedWith(all, rows);
    }

    private static List<StationCompliance> judgedWith(
            List<JudgementSource.Judgement> judgements, List<StationCompliance> rows) {
        Map<String, JudgementSource.Judgement> latest = new HashMap<>();
        judgements.forEach(j -> latest.merge(
                j.stationId() + ":" + j.indicatorId(), j, (a, b) -> b.judgedOn().isAfter(a.judgedOn()) ? b : a));
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

    /** One indicator at one station with what lies behind it (the drill-down page). */
    public record IndicatorPage(StationCompliance station, IndicatorResult result, Drilldown drilldown) {}

    /**
     * The drill-down page: computes only the indicator shown (not the whole station), with the project read once.
     */
    @Transactional(readOnly = true)
    public IndicatorPage indicator(long projectId, long stationId, long indicatorId, LocalDate asOf, String period) {
        ProjectInScope p = projects.inScope(projectId);
        only(p.visibleStationIds(), stationId);
        ProjectIndicator pi = p.indicators().stream()
                .filter(i -> i.indicator().id() != null && i.indicator().id() == indicatorId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("指标"));
        List<Long> one = List.of(stationId);
        StationCompliance sc = judged(
                        projectId, one, engine.evaluate(p.project(), List.of(pi), one, p.unitNames(), asOf))
                .get(0);
        return new IndicatorPage(sc, sc.indicators().get(0), drilldowns.read(p.project(), pi, stationId, asOf, period));
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
