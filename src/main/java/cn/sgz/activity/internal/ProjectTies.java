package cn.sgz.activity.internal;

import cn.sgz.activity.ServiceRecordService;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.catalog.ProjectStationsAssigned;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a project is created or changed, the records of its stations and dates that count for no project
 * yet (recorded before any project covered them) are tied to it; records already tied stay where they are.
 */
@Component
class ProjectTies {

    private final ServiceRecordService records;
    private final ProjectQueries projects;

    ProjectTies(ServiceRecordService records, ProjectQueries projects) {
        this.records = records;
        this.projects = projects;
    }

    @EventListener
    void on(ProjectStationsAssigned event) {
        projects.findUnscoped(event.projectId())
                .ifPresent(p -> records.tieUntied(p.id(), p.stationIds(), p.startDate(), p.endDate()));
    }
}
