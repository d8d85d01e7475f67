package cn.sgz.catalog;

import java.util.List;

/**
 * Published when a project is created or its agency or stations change, so that the org module can
 * record that the agency serves those stations (agency_station), which is what scopes agency roles.
 */
public record ProjectStationsAssigned(long projectId, long agencyId, List<Long> stationIds) {

    public ProjectStationsAssigned {
        stationIds = List.copyOf(stationIds);
    }
}
