package cn.sgz.portal.internal;

import cn.sgz.catalog.Project;
import cn.sgz.progress.ComplianceService;
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

    List<Alert> current() {
        LocalDate today = ChinaTime.today();
        List<Alert> alerts = new ArrayList<>();
        for (Project p : compliance.visibleProjects()) {
            if (today.isBefore(p.startDate()) || today.isAfter(p.endDate().plusMonths(1))) {
                continue;
            }
            java.util.Map<Long, String> domains = new java.util.HashMap<>();
            for (cn.sgz.catalog.ProjectIndicator pi : projects.indicators(p)) {
                domains.put(
                        pi.indicator().id(),
                        pi.task().name() + " · " + pi.item().name());
            }
            for (StationCompliance sc : compliance.compute(p.id(), null, today)) {
                for (IndicatorResult r : sc.indicators()) {
                    if (r.status() == IndicatorStatus.AT_RISK || r.status() == IndicatorStatus.MISSED) {
                        alerts.add(
                                new Alert(p.id(), sc.stationId(), sc.stationName(), domains.get(r.indicatorId()), r));
                    }
                }
            }
        }
        // Missed first (already lost), then at risk; within each, by station.
        alerts.sort(Comparator.comparing((Alert a) -> a.indicator().status() == IndicatorStatus.MISSED ? 0 : 1)
                .thenComparing(Alert::stationName));
        return alerts.size() > LIMIT ? alerts.subList(0, LIMIT) : alerts;
    }
}
