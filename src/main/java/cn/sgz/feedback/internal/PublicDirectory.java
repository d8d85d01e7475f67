package cn.sgz.feedback.internal;

import cn.sgz.org.AgencyView;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the public pages may know about the org tree: the names of active counties and their stations
 * (public facts, no people), and for a station the county bureau that owns it and the agency serving it.
 * Read without a signed-in user, so nothing here may return staff, phones or anything personal.
 */
@Component
class PublicDirectory {

    private final JdbcClient jdbc;
    private final OrgDirectory directory;

    PublicDirectory(JdbcClient jdbc, OrgDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** A station as the public sees it, with its owning bureau. */
    record PublicStation(long id, String name, String path, long bureauId, String bureauName) {}

    record County(long id, String name, List<PublicStation> stations) {}

    /** Active counties with their active stations, in tree order. */
    List<County> counties() {
        List<OrgUnitView> units = new ArrayList<>(jdbc.sql("SELECT id, name, type, path FROM org_unit "
                        + "WHERE active AND type IN ('COUNTY_BUREAU', 'STATION')")
                .query((rs, i) -> new OrgUnitView(
                        rs.getLong("id"),
                        null,
                        OrgUnitType.valueOf(rs.getString("type")),
                        rs.getString("name"),
                        null,
                        rs.getString("path"),
                        0,
                        true,
                        null,
                        null,
                        null,
                        0))
                .list());
        units.sort(OrgUnitView.TREE_ORDER);
        Map<Long, County> counties = new LinkedHashMap<>();
        OrgUnitView currentCounty = null;
        for (OrgUnitView u : units) {
            if (u.type() == OrgUnitType.COUNTY_BUREAU) {
                currentCounty = u;
                counties.put(u.id(), new County(u.id(), u.name(), new ArrayList<>()));
            } else if (currentCounty != null && u.path().startsWith(currentCounty.path())) {
                counties.get(currentCounty.id())
                        .stations()
                        .add(new PublicStation(u.id(), u.name(), u.path(), currentCounty.id(), currentCounty.name()));
            }
        }
        return counties.values().stream().filter(c -> !c.stations().isEmpty()).toList();
    }

    /** An active station by id with its bureau; empty when unknown, inactive or not a station. */
    Optional<PublicStation> station(long id) {
        Optional<OrgUnitView> unit = Optional.ofNullable(
                        directory.units(List.of(id)).get(id))
                .filter(u -> u.type() == OrgUnitType.STATION && u.active());
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        List<Long> ancestors = Arrays.stream(unit.get().path().split("/"))
                .filter(s -> !s.isBlank())
                .map(Long::valueOf)
                .toList();
        return directory.units(ancestors).values().stream()
                .filter(u -> u.type() == OrgUnitType.COUNTY_BUREAU)
                .findFirst()
                .map(b -> new PublicStation(
                        unit.get().id(), unit.get().name(), unit.get().path(), b.id(), b.name()));
    }

    /** The agency (承接机构) serving a station, if any. */
    Optional<Long> agencyOf(long stationId) {
        return directory.activeAgencies().stream()
                .filter(a -> a.stationIds().contains(stationId))
                .map(AgencyView::id)
                .findFirst();
    }
}
