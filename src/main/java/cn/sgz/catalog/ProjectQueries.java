package cn.sgz.catalog;

import cn.sgz.catalog.internal.ProjectStore;
import cn.sgz.org.AgencyView;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.org.Role;
import cn.sgz.org.Scope;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.web.RequestMemo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read API of projects for the indicator engine and the pages. Scoped: government and evaluators see
 * the projects of the bureaus in their area; agency and station roles the projects that include one of
 * their stations. {@link #findUnscoped(long)} is for system jobs that run without a user.
 */
@Service
public class ProjectQueries {

    private final ProjectStore store;
    private final CatalogQueries catalogs;
    private final ScopeService scopes;
    private final OrgDirectory directory;

    ProjectQueries(ProjectStore store, CatalogQueries catalogs, ScopeService scopes, OrgDirectory directory) {
        this.store = store;
        this.catalogs = catalogs;
        this.scopes = scopes;
        this.directory = directory;
    }

    /** The projects the signed-in user may see, newest first. */
    @Transactional(readOnly = true)
    public List<Project> visible() {
        var me = scopes.currentUser();
        // read once per GET request (home page sections, alerts and to-do list all ask); keyed by the user
        return RequestMemo.get("projects-visible:" + me.id() + ":" + me.role(), () -> {
            List<ProjectStore.Row> rows = me.role() == Role.ADMIN
                    ? store.all()
                    : store.visible(
                            scopes.visibleUnitIds(OrgUnitType.COUNTY_BUREAU),
                            scopes.visibleUnitIds(OrgUnitType.STATION));
            return views(rows);
        });
    }

    /** The visible projects that include a station (the station's contracts). */
    @Transactional(readOnly = true)
    public List<Project> ofStation(long stationId) {
        return visible().stream()
                .filter(p -> p.stationIds().contains(stationId))
                .toList();
    }

    /** A project the signed-in user may see; unknown and foreign ids both answer "not found". */
    @Transactional(readOnly = true)
    public Project get(long projectId) {
        return scoped(projectId).project();
    }

    /**
     * A project with its indicators and the stations of it the user may see, read in a handful of
     * statements whatever the number of projects (the engine's entry point, called once per project on
     * a city board). Visible on the same terms as {@link #visible()}: the user's scope covers the
     * project's bureau or at least one of its stations (active units only); otherwise "not found".
     */
    @Transactional(readOnly = true)
    public ProjectInScope inScope(long projectId) {
        Scoped s = scoped(projectId);
        return new ProjectInScope(
                s.project(), indicators(s.project(), s.catalog()), s.visibleStationIds(), s.unitNames());
    }

    /**
     * Every visible project as {@link #inScope(long)} gives it, read in a constant number of statements whatever the
     * number of projects (home pages: one read of the projects, one of their units).
     */
    @Transactional(readOnly = true)
    public List<ProjectInScope> visibleInScope() {
        List<Project> visible = visible();
        Set<Long> unitIds = new HashSet<>();
        visible.forEach(p -> {
            unitIds.addAll(p.stationIds());
            unitIds.add(p.bureauId());
        });
        Map<Long, OrgUnitView> units = unitIds.isEmpty() ? Map.of() : directory.units(unitIds);
        Scope scope = scopes.current();
        List<ProjectInScope> result = new ArrayList<>();
        Map<Long, Catalog> byCatalog = new HashMap<>();
        for (Project p : visible) {
            List<Long> stations = p.stationIds().stream()
                    .filter(id -> {
                        OrgUnitView u = units.get(id);
                        return u != null && u.active() && scope.covers(u.path());
                    })
                    .toList();
            Map<Long, String> names = new java.util.LinkedHashMap<>();
            for (long id : p.stationIds()) {
                OrgUnitView u = units.get(id);
                if (u != null) {
                    names.put(id, u.name());
                }
            }
            OrgUnitView bureau = units.get(p.bureauId());
            if (bureau != null) {
                names.put(bureau.id(), bureau.name());
            }
            // each catalog once, however many projects use it
            Catalog catalog = byCatalog.computeIfAbsent(p.catalogId(), catalogs::get);
            result.add(new ProjectInScope(p, indicators(p, catalog), stations, names));
        }
        return result;
    }

    /** A project read for the signed-in user, with the catalog it was read with (read once per call). */
    private record Scoped(
            Project project, Catalog catalog, List<Long> visibleStationIds, Map<Long, String> unitNames) {}

    private Scoped scoped(long projectId) {
        // the stored row does not depend on the user (the scope check follows): read once per GET request
        ProjectStore.Row row = RequestMemo.get("project-row:" + projectId, () -> store.find(projectId))
                .orElseThrow(() -> new NotFoundException("项目"));
        List<Long> unitIds = new ArrayList<>(row.stationIds());
        unitIds.add(row.bureauId());
        Map<Long, OrgUnitView> units = directory.units(unitIds);
        Scope scope = scopes.current();
        java.util.function.Predicate<Long> sees = id -> {
            OrgUnitView u = units.get(id);
            return u != null && u.active() && scope.covers(u.path());
        };
        List<Long> stations = row.stationIds().stream().filter(sees).toList();
        if (scope.role() != Role.ADMIN && stations.isEmpty() && !sees.test(row.bureauId())) {
            throw new NotFoundException("项目");
        }
        Map<Long, String> names = new java.util.LinkedHashMap<>();
        units.values().forEach(u -> names.put(u.id(), u.name()));
        Map<Long, Catalog> catalog = new HashMap<>();
        Project project = view(
                row,
                names,
                directory.activeAgencies().stream().collect(Collectors.toMap(AgencyView::id, AgencyView::name)),
                catalog);
        return new Scoped(project, catalog.get(row.catalogId()), stations, names);
    }

    /** For system jobs (no signed-in user): a project regardless of scope. */
    @Transactional(readOnly = true)
    public Optional<Project> findUnscoped(long projectId) {
        // the same for every user: read once per GET request (a to-do list asks once per group of a project)
        return RequestMemo.get(
                "project-unscoped:" + projectId,
                () -> RequestMemo.get("project-row:" + projectId, () -> store.find(projectId))
                        .map(r -> views(List.of(r)).get(0)));
    }

    /**
     * What the project's stations must each meet: every indicator of the MANDATORY items and of the
     * chosen OPTIONAL items of its catalog version, with the target of its tier, in catalog order.
     */
    @Transactional(readOnly = true)
    public List<ProjectIndicator> indicators(long projectId) {
        return indicators(get(projectId));
    }

    /** As {@link #indicators(long)} for a project already read (e.g. through {@link #findUnscoped(long)}). */
    @Transactional(readOnly = true)
    public List<ProjectIndicator> indicators(Project project) {
        return indicators(project, catalogs.get(project.catalogId()));
    }

    private static List<ProjectIndicator> indicators(Project project, Catalog catalog) {
        Set<Long> chosen = new HashSet<>(project.optionalItemIds());
        List<ProjectIndicator> result = new ArrayList<>();
        for (CatalogTask task : catalog.content().tasks()) {
            for (CatalogItem item : task.items()) {
                if (item.category() == ItemCategory.MANDATORY
                        || item.category() == ItemCategory.CONDITIONAL
                        || chosen.contains(item.id())) {
                    for (Indicator ind : item.indicators()) {
                        // per-tier parameters and 指标值 text resolved once, for the project's tier
                        result.add(new ProjectIndicator(
                                task, item, ind.forTier(project.tier()), ind.target(project.tier())));
                    }
                }
            }
        }
        return result;
    }

    List<Project> views(List<ProjectStore.Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<Long> units = new HashSet<>();
        rows.forEach(r -> {
            units.add(r.bureauId());
            units.addAll(r.stationIds());
        });
        Map<Long, String> names = directory.unitNames(units);
        Map<Long, String> agencies =
                directory.activeAgencies().stream().collect(Collectors.toMap(AgencyView::id, AgencyView::name));
        Map<Long, Catalog> cats = new HashMap<>();
        return rows.stream().map(r -> view(r, names, agencies, cats)).toList();
    }

    private Project view(
            ProjectStore.Row r, Map<Long, String> names, Map<Long, String> agencies, Map<Long, Catalog> cats) {
        Catalog c = cats.computeIfAbsent(r.catalogId(), catalogs::get);
        String tierLabel = c.content().tiers().stream()
                .filter(t -> t.code().equals(r.tier()))
                .map(CatalogTier::label)
                .findFirst()
                .orElse(r.tier());
        return new Project(
                r.id(),
                r.name(),
                r.bureauId(),
                names.getOrDefault(r.bureauId(), "—"),
                r.agencyId(),
                agencies.getOrDefault(r.agencyId(), "（已停用的机构）"),
                r.catalogId(),
                c.name(),
                c.version(),
                r.tier(),
                tierLabel,
                r.startDate(),
                r.endDate(),
                r.stationIds(),
                r.itemIds(),
                r.policy(),
                r.version());
    }

    /** Names of org units (stations, bureau) for display next to a project. */
    public Map<Long, String> unitNames(Project p) {
        List<Long> ids = new ArrayList<>(p.stationIds());
        ids.add(p.bureauId());
        return directory.unitNames(ids);
    }
}
