package cn.sgz.catalog.internal;

import cn.sgz.catalog.ProjectStationsAssigned;
import cn.sgz.org.AgencyStations;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A project's agency serves the project's stations: keeps the org module's agency links in step. */
@Component
class AgencyLinker {

    private final AgencyStations agencyStations;

    AgencyLinker(AgencyStations agencyStations) {
        this.agencyStations = agencyStations;
    }

    @EventListener
    void on(ProjectStationsAssigned event) {
        agencyStations.serve(event.agencyId(), event.stationIds());
    }
}
