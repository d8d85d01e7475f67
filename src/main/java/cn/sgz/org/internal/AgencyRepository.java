package cn.sgz.org.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AgencyRepository extends JpaRepository<Agency, Long> {

    boolean existsByName(String name);

    @Query(
            value = "SELECT u.path FROM agency_station s JOIN org_unit u ON u.id = s.station_id "
                    + "WHERE s.agency_id = :agencyId AND u.active",
            nativeQuery = true)
    List<String> stationPaths(@Param("agencyId") Long agencyId);

    @Query(value = "SELECT station_id FROM agency_station WHERE agency_id = :agencyId", nativeQuery = true)
    List<Long> stationIds(@Param("agencyId") Long agencyId);

    /** Paths of the bureaus (project owners) whose projects this agency holds. */
    @Query(
            value = "SELECT u.path FROM project p JOIN org_unit u ON u.id = p.bureau_id WHERE p.agency_id = :agencyId",
            nativeQuery = true)
    List<String> projectBureauPaths(@Param("agencyId") Long agencyId);

    @Query(value = "SELECT path FROM org_unit WHERE id = :unitId", nativeQuery = true)
    java.util.Optional<String> unitPath(@Param("unitId") Long unitId);

    @Modifying
    @Query(
            value = "INSERT INTO agency_station (agency_id, station_id) VALUES (:agencyId, :stationId)",
            nativeQuery = true)
    void linkStation(@Param("agencyId") Long agencyId, @Param("stationId") Long stationId);

    @Modifying
    @Query(
            value = "DELETE FROM agency_station WHERE agency_id = :agencyId AND station_id = :stationId",
            nativeQuery = true)
    void unlinkStation(@Param("agencyId") Long agencyId, @Param("stationId") Long stationId);
}
