package cn.sgz.org;

import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which stations an agency serves, as established by the projects it holds. Agency managers' scope
 * follows these links. Callers (the project service) have already checked that the user may assign
 * these stations.
 */
@Service
public class AgencyStations {

    private final JdbcClient jdbc;

    AgencyStations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the missing links; existing links stay (other projects of the agency may still need them). */
    @Transactional
    public void serve(long agencyId, Collection<Long> stationIds) {
        for (Long station : stationIds) {
            jdbc.sql("INSERT INTO agency_station (agency_id, station_id) SELECT ?, ? WHERE NOT EXISTS "
                            + "(SELECT 1 FROM agency_station WHERE agency_id = ? AND station_id = ?)")
                    .params(agencyId, station, agencyId, station)
                    .update();
        }
    }
}
