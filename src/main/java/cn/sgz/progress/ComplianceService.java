package cn.sgz.progress;

import cn.sgz.catalog.Indicator;
import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectIndicator;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.catalog.RecordKind;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.ScopeService;
import cn.sgz.progress.internal.ComplianceEngine;
import cn.sgz.progress.internal.DrilldownReader;
import cn.sgz.shared.NotFoundException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each station stands against its contract, for the signed-in user: only projects and
 * stations inside their scope. A project's station outside the scope is simply not evaluated.
 */
@Service
public class ComplianceService {

    private final ProjectQueries projects;
    private final ScopeService scopes;
    private final ComplianceEngine engine;
    private final DrilldownReader drilldowns;

    ComplianceService(ProjectQueries projects, ScopeService scopes, ComplianceEngine engine,
                      DrilldownReader drilldowns) {
        this.projects = projects;
        this.scopes = scopes;
        this.engine = engine;
        this.drilldowns = drilldowns;
    }

    /** Compliance of one station (stationId given) or of every visible station of the project. */
    @Transactional(readOnly = true)
    public List<StationCompliance> compute(long projectId, Long stationId, LocalDate asOf) {
        Project project = projects.get(projectId);
        List<Long> stations = visibleStations(project, stationId);
        return engine.evaluate(project, projects.indicators(project), stations, projects.unitNames(project), asOf);
    }

    /** The records (or cases, groups, amounts) behind one indicator's figure at one station. */
    @Transactional(readOnly = true)
    public Drilldown drilldown(long projectId, long indicatorId, long stationId, LocalDate asOf, String period) {
        Project project = projects.get(projectId);
        visibleStations(project, stationId);
        ProjectIndicator pi = projects.indicators(project).stream()
                .filter(i -> i.indicator().id() != null && i.indicator().id() == indicatorId)
                .findFirst().orElseThrow(() -> new NotFoundException("指标"));
        return drilldowns.read(project, pi, stationId, asOf, period);
    }

    /** A project the user may see (404 otherwise), for page headers. */
    public Project project(long projectId) {
        return projects.get(projectId);
    }

    /** The projects the user may see, for pickers and home pages. */
    public List<Project> visibleProjects() {
        return projects.visible();
    }

    private List<Long> visibleStations(Project project, Long stationId) {
        Set<Long> visible = new HashSet<>(scopes.visibleUnitIds(OrgUnitType.STATION));
        List<Long> stations = project.stationIds().stream().filter(visible::contains).toList();
        if (stationId != null) {
            if (!stations.contains(stationId)) {
                throw new NotFoundException("社工站");
            }
            return List.of(stationId);
        }
        return stations;
    }


}
