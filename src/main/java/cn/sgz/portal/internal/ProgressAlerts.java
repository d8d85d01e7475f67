package cn.sgz.portal.internal;

import cn.sgz.catalog.Project;
import cn.sgz.progress.ComplianceService;
import cn.sgz.progress.ComplianceSnapshot;
import cn.sgz.progress.IndicatorResult;
import cn.sgz.progress.IndicatorStatus;
import cn.sgz.progress.StationCompliance;
import cn.sgz.shared.ChinaTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** The home page's "needs attention" list: indicators at risk or missed, in the user's stations. */
@Component
class ProgressAlerts {

    static final int LIMIT = 12;

    private final ComplianceService compliance;
    private final cn.sgz.catalog.ProjectQueries projects;

    ProgressAlerts(ComplianceService compliance, cn.sgz.catalog.ProjectQueries projects) {
        this.compliance = compliance;
        this.projects = projects;
    }

    /**
     * One alert: which project, station and indicator, and where it stands. {@code domain} names the catalog's
     * 重点任务 and 服务内容 the indicator belongs to ("养老服务 · 个案服务"), so the line says which work is behind.
     */
    record Alert(long projectId, long stationId, String stationName, String domain, IndicatorResult indicator) {}

    /** The alerts shown and the stored figures they come from (whose age the page prints). */
    record Alerts(List<Alert> shown, ComplianceSnapshot snapshot) {}

    /**
     * Read from the stored compliance snapshot of the running projects (one read for all of them), filtered to the
     * user's stations: no project is recomputed on a page load unless its facts changed since.
     */
    Alerts current() {
        LocalDate today = ChinaTime.today();
        List<Project> running = compliance.visibleProjects().stream()
                .filter(p -> !today.isBefore(p.startDate())
                        && !today.isAfter(p.endDate().plusMonths(1)))
                .toList();
        ComplianceSnapshot snapshot = compliance.snapshotOf(running);
        List<Alert> alerts = new ArrayList<>();
        // the task and content names of an indicator, read only for projects that have an alert
        java.util.Map<Long, java.util.Map<Long, String>> domainsByProject = new java.util.HashMap<>();
        java.util.Map<Long, Project> byId = new java.util.HashMap<>();
        running.forEach(p -> byId.put(p.id(), p));
        for (StationCompliance sc : snapshot.stations()) {
            for (IndicatorResult r : sc.indicators()) {
                if (r.status() == IndicatorStatus.AT_RISK || r.status() == IndicatorStatus.MISSED) {
                    String domain = domainsByProject
                            .computeIfAbsent(sc.projectId(), id -> domains(byId.get(id)))
                            .get(r.indicatorId());
                    alerts.add(new Alert(sc.projectId(), sc.stationId(), sc.stationName(), domain, r));
                }
            }
        }
        // Missed first (already lost), then at risk; within each, by station.
        alerts.sort(Comparator.comparing((Alert a) -> a.indicator().status() == IndicatorStatus.MISSED ? 0 : 1)
                .thenComparing(Alert::stationName));
        return new Alerts(alerts.size() > LIMIT ? alerts.subList(0, LIMIT) : alerts, snapshot);
    }

    private java.util.Map<Long, String> domains(Project p) {
        java.util.Map<Long, String> domains = new java.util.HashMap<>();
        if (p == null) {
            return domains;
        }
        for (cn.sgz.catalog.ProjectIndicator pi : projects.indicators(p)) {
            domains.put(
                    pi.indicator().id(), pi.task().name() + " · " + pi.item().name());
        }
        return domains;
    }
}
