package cn.sgz.org;

import cn.sgz.shared.web.RequestMemo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read-only questions other modules ask about the org tree and staff, always answered inside the
 * current user's scope. Plain SQL over the org tables: cheap, and no entity leaves the module.
 */
@Service
public class OrgDirectory {

    private final JdbcClient jdbc;
    private final ScopeService scopes;

    OrgDirectory(JdbcClient jdbc, ScopeService scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /** Active units of a type the current user may see, in tree order. */
    public List<OrgUnitView> visibleUnits(OrgUnitType type) {
        Scope scope = scopes.current();
        // read once per GET request (a page's sections each ask), keyed by the user; each caller gets its own list
        List<OrgUnitView> units = RequestMemo.get(
                "visible-units:" + scope.user().id() + ":" + scope.role() + ":" + type,
                () -> List.copyOf(jdbc.sql("SELECT * FROM org_unit WHERE type = ? AND active AND "
                                + scope.sqlCondition("path") + " ORDER BY path")
                        .param(type.name())
                        .params(scope.likePatterns().toArray())
                        .query(OrgDirectory::mapUnit)
                        .list()));
        return new java.util.ArrayList<>(units);
    }

    /** A unit by id if it exists and is inside the current scope. */
    public Optional<OrgUnitView> findVisible(long id) {
        Scope scope = scopes.current();
        return jdbc.sql("SELECT * FROM org_unit WHERE id = ?")
                .param(id)
                .query(OrgDirectory::mapUnit)
                .optional()
                .filter(u -> scope.covers(u.path()));
    }

    /** How many active units of each type the current user sees: the home page summary. */
    public Map<OrgUnitType, Long> countVisibleByType() {
        Scope scope = scopes.current();
        Map<OrgUnitType, Long> counts = new EnumMap<>(OrgUnitType.class);
        jdbc.sql("SELECT type, COUNT(*) FROM org_unit WHERE active AND " + scope.sqlCondition("path")
                        + " GROUP BY type")
                .params(scope.likePatterns().toArray())
                .query((rs, i) -> Map.entry(OrgUnitType.valueOf(rs.getString(1)), rs.getLong(2)))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Active staff and how many of them hold a certificate, over the visible stations. */
    public StaffCount countVisibleStaff() {
        Scope scope = scopes.current();
        return jdbc.sql("SELECT COUNT(*), SUM(CASE WHEN s.cert_level <> 'NONE' THEN 1 ELSE 0 END) FROM staff s "
                        + "JOIN org_unit u ON u.id = s.station_id WHERE s.active AND " + scope.sqlCondition("u.path"))
                .params(scope.likePatterns().toArray())
                .query((rs, i) -> new StaffCount(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    private static OrgUnitView mapUnit(ResultSet rs, int row) throws SQLException {
        return new OrgUnitView(
                rs.getLong("id"),
                (Long) rs.getObject("parent_id"),
                OrgUnitType.valueOf(rs.getString("type")),
                rs.getString("name"),
                rs.getString("code"),
                rs.getString("path"),
                rs.getInt("level"),
                rs.getBoolean("active"),
                (Double) rs.getObject("latitude"),
                (Double) rs.getObject("longitude"),
                rs.getString("address"),
                rs.getLong("version"));
    }

    /**
     * The unit a file is about, as its title line names it: the county bureau and the station of {@code unitId}
     * (扎兰屯市民政局 · 河西街道社工站); without a unit, the units of the signed-in user's scope (one unit, or its
     * agency's stations, or 全市 for the administrator). Names only, no personal data.
     */
    public String scopeLabel(Long unitId) {
        List<String> paths;
        if (unitId != null) {
            paths = jdbc.sql("SELECT path FROM org_unit WHERE id = ?")
                    .param(unitId)
                    .query(String.class)
                    .list();
        } else {
            paths = scopes.current().paths();
        }
        if (paths.isEmpty()) {
            return "";
        }
        if (paths.contains("/")) {
            return "全市";
        }
        if (paths.size() > 1) {
            // an agency's stations: name the agency
            Long agency = scopes.currentUser().agencyId();
            if (agency != null) {
                return jdbc.sql("SELECT name FROM agency WHERE id = ?")
                        .param(agency)
                        .query(String.class)
                        .optional()
                        .map(n -> n + "（" + paths.size() + "个社工站）")
                        .orElse("");
            }
        }
        List<Long> ids = new ArrayList<>();
        for (String part : paths.get(0).split("/")) {
            if (!part.isBlank()) {
                ids.add(Long.parseLong(part));
            }
        }
        Map<Long, OrgUnitView> chain = units(ids);
        List<String> names = new ArrayList<>();
        for (Long id : ids) {
            OrgUnitView u = chain.get(id);
            if (u != null
                    && u.type() != OrgUnitType.GENERAL_STATION
                    && (u.type() != OrgUnitType.CITY_BUREAU || ids.size() == 1)) {
                names.add(u.name());
            }
        }
        return String.join(" · ", names);
    }

    /**
     * Active agencies (承接机构) with the stations they serve, for pickers such as the project form of
     * the catalog module. Callers decide who may pick; names and station ids are not personal data.
     */
    public List<AgencyView> activeAgencies() {
        // the same for every user; read once per page request
        return RequestMemo.get("agencies", this::readActiveAgencies);
    }

    private List<AgencyView> readActiveAgencies() {
        Map<Long, List<Long>> stations = new HashMap<>();
        jdbc.sql("SELECT agency_id, station_id FROM agency_station ORDER BY station_id")
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .forEach(e -> stations.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return jdbc
                .sql("SELECT id, name, credit_code, contact_name, phone FROM agency WHERE active ORDER BY name")
                .query((rs, i) -> new AgencyView(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("credit_code"),
                        rs.getString("contact_name"),
                        rs.getString("phone"),
                        stations.getOrDefault(rs.getLong("id"), List.of())))
                .list()
                .stream()
                .toList();
    }

    /**
     * Names of org units by id, unscoped: labels for records the caller may already see (e.g. the
     * stations and bureau of a project shown to one of its stations). Unknown ids are left out.
     */
    public Map<Long, String> unitNames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return new LinkedHashMap<>();
        }
        // a page's sections name the same stations again and again (home page: cases, groups, projects, reminders):
        // within a GET request each name is read once; other requests read them all
        Map<Long, String> known = RequestMemo.get("unit-names", java.util.HashMap::new);
        List<Long> missing = ids.stream()
                .filter(id -> id != null && !known.containsKey(id))
                .distinct()
                .toList();
        if (!missing.isEmpty()) {
            jdbc.sql("SELECT id, name FROM org_unit WHERE id IN (:ids)")
                    .param("ids", missing)
                    .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .list()
                    .forEach(e -> known.put(e.getKey(), e.getValue()));
        }
        Map<Long, String> names = new LinkedHashMap<>();
        for (Long id : ids) {
            String name = id == null ? null : known.get(id);
            if (name != null) {
                names.put(id, name);
            }
        }
        return names;
    }

    /**
     * Units by id, unscoped, with their paths: for a caller that decides visibility itself with
     * {@link Scope#covers} on a handful of known units (one statement instead of one per type).
     */
    public Map<Long, OrgUnitView> units(Collection<Long> ids) {
        Map<Long, OrgUnitView> units = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return units;
        }
        jdbc.sql("SELECT * FROM org_unit WHERE id IN (:ids)")
                .param("ids", List.copyOf(ids))
                .query(OrgDirectory::mapUnit)
                .list()
                .forEach(u -> units.put(u.id(), u));
        return units;
    }

    /** Active and certified staff of each given station that lies in the current scope. */
    public Map<Long, StaffCount> staffByStation(java.util.Collection<Long> stationIds) {
        Scope scope = scopes.current();
        Map<Long, StaffCount> result = new java.util.HashMap<>();
        if (stationIds.isEmpty()) {
            return result;
        }
        String in = String.join(",", java.util.Collections.nCopies(stationIds.size(), "?"));
        List<Object> params = new java.util.ArrayList<>(stationIds);
        params.addAll(scope.likePatterns());
        jdbc.sql("SELECT s.station_id, COUNT(*), SUM(CASE WHEN s.cert_level <> 'NONE' THEN 1 ELSE 0 END) FROM staff s "
                        + "JOIN org_unit u ON u.id = s.station_id WHERE s.active AND s.station_id IN (" + in + ") AND "
                        + scope.sqlCondition("u.path") + " GROUP BY s.station_id")
                .params(params)
                .query((rs, i) -> Map.entry(rs.getLong(1), new StaffCount(rs.getLong(2), rs.getLong(3))))
                .list()
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    /**
     * Active staff (驻站人员) of one station in the current scope, with their certificates, for modules that
     * track staff development (certificate rate, exam preparation) without keeping their own copy of staff.
     * Phone and certificate numbers are masked for roles that do not manage staff, as on the staff pages.
     */
    public List<StaffView> staffOf(long stationId) {
        Scope scope = scopes.current();
        List<Object> params = new java.util.ArrayList<>();
        params.add(stationId);
        params.addAll(scope.likePatterns());
        return jdbc
                .sql("SELECT s.*, u.name AS station_name FROM staff s JOIN org_unit u ON u.id = s.station_id "
                        + "WHERE s.active AND s.station_id = ? AND " + scope.sqlCondition("u.path")
                        + " ORDER BY s.name")
                .params(params)
                .query((rs, i) -> new StaffView(
                        rs.getLong("id"),
                        rs.getLong("station_id"),
                        rs.getString("station_name"),
                        (Long) rs.getObject("agency_id", Long.class),
                        rs.getString("name"),
                        rs.getString("gender"),
                        rs.getString("phone"),
                        rs.getString("position"),
                        CertificateLevel.valueOf(rs.getString("cert_level")),
                        rs.getString("cert_number"),
                        rs.getObject("cert_date", java.time.LocalDate.class),
                        rs.getBoolean("active"),
                        rs.getLong("version")))
                .list()
                .stream()
                .map(v -> cn.sgz.org.internal.StaffService.shown(v, scope.role().managesStaff()))
                .toList();
    }

    /** Staff totals for a station or area. */
    public record StaffCount(long total, long certified) {}
}
