package cn.sgz.catalog.internal;

import cn.sgz.evidence.EvidencePolicy;
import cn.sgz.shared.ChinaTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Projects with their stations and chosen optional items, in plain SQL. */
@Repository
public class ProjectStore {

    /** A project row with its links, before names are attached. */
    public record Row(
            long id,
            String name,
            long bureauId,
            long agencyId,
            long catalogId,
            String tier,
            LocalDate startDate,
            LocalDate endDate,
            EvidencePolicy policy,
            long version,
            List<Long> stationIds,
            List<Long> itemIds) {}

    private final JdbcClient jdbc;

    ProjectStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Row r, String by) {
        KeyHolder key = new GeneratedKeyHolder();
        EvidencePolicy p = r.policy();
        jdbc.sql("INSERT INTO project (name, bureau_id, agency_id, catalog_id, tier_code, start_date, end_date, "
                        + "photo_required, max_distance_m, capture_grace_days, min_group_attendees, "
                        + "sign_in_required_indoor, receipts_required, created_at, created_by, version) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)")
                .params(
                        r.name(),
                        r.bureauId(),
                        r.agencyId(),
                        r.catalogId(),
                        r.tier(),
                        r.startDate(),
                        r.endDate(),
                        p.photoRequired(),
                        p.maxDistanceMeters(),
                        p.captureGraceDays(),
                        p.minGroupAttendees(),
                        p.signInRequiredIndoor(),
                        p.receiptsRequired(),
                        ChinaTime.offsetNow(),
                        by)
                .update(key, "id");
        long id = key.getKey().longValue();
        links(id, r.stationIds(), r.itemIds());
        return id;
    }

    /** Updates when the version still matches; false when someone else changed the project meanwhile. */
    boolean update(Row r) {
        EvidencePolicy p = r.policy();
        int n = jdbc.sql("UPDATE project SET name = ?, bureau_id = ?, agency_id = ?, catalog_id = ?, tier_code = ?, "
                        + "start_date = ?, end_date = ?, photo_required = ?, max_distance_m = ?, capture_grace_days = ?, "
                        + "min_group_attendees = ?, sign_in_required_indoor = ?, receipts_required = ?, "
                        + "version = version + 1 WHERE id = ? AND version = ?")
                .params(
                        r.name(),
                        r.bureauId(),
                        r.agencyId(),
                        r.catalogId(),
                        r.tier(),
                        r.startDate(),
                        r.endDate(),
                        p.photoRequired(),
                        p.maxDistanceMeters(),
                        p.captureGraceDays(),
                        p.minGroupAttendees(),
                        p.signInRequiredIndoor(),
                        p.receiptsRequired(),
                        r.id(),
                        r.version())
                .update();
        if (n == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM project_station WHERE project_id = ?")
                .param(r.id())
                .update();
        jdbc.sql("DELETE FROM project_item WHERE project_id = ?").param(r.id()).update();
        links(r.id(), r.stationIds(), r.itemIds());
        return true;
    }

    private void links(long id, List<Long> stations, List<Long> items) {
        for (Long s : stations) {
            jdbc.sql("INSERT INTO project_station (project_id, station_id) VALUES (?,?)")
                    .params(id, s)
                    .update();
        }
        for (Long i : items) {
            jdbc.sql("INSERT INTO project_item (project_id, item_id) VALUES (?,?)")
                    .params(id, i)
                    .update();
        }
    }

    public Optional<Row> find(long id) {
        return load("SELECT * FROM project WHERE id = :id", Map.of("id", id)).stream()
                .findFirst();
    }

    public List<Row> all() {
        return load("SELECT * FROM project ORDER BY start_date DESC, id DESC", Map.of());
    }

    /** Projects of the given bureaus or with at least one of the given stations. */
    public List<Row> visible(Collection<Long> bureauIds, Collection<Long> stationIds) {
        if (bureauIds.isEmpty() && stationIds.isEmpty()) {
            return List.of();
        }
        List<Long> b = bureauIds.isEmpty() ? List.of(-1L) : List.copyOf(bureauIds);
        List<Long> s = stationIds.isEmpty() ? List.of(-1L) : List.copyOf(stationIds);
        return load(
                "SELECT * FROM project p WHERE p.bureau_id IN (:b) OR EXISTS (SELECT 1 FROM project_station ps "
                        + "WHERE ps.project_id = p.id AND ps.station_id IN (:s)) ORDER BY p.start_date DESC, p.id DESC",
                Map.of("b", b, "s", s));
    }

    private List<Row> load(String sql, Map<String, ?> params) {
        record Head(
                long id,
                String name,
                long bureauId,
                long agencyId,
                long catalogId,
                String tier,
                LocalDate start,
                LocalDate end,
                EvidencePolicy policy,
                long version) {}
        List<Head> heads = jdbc.sql(sql)
                .params(params)
                .query((rs, i) -> new Head(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getLong("bureau_id"),
                        rs.getLong("agency_id"),
                        rs.getLong("catalog_id"),
                        rs.getString("tier_code"),
                        rs.getObject("start_date", LocalDate.class),
                        rs.getObject("end_date", LocalDate.class),
                        policy(rs),
                        rs.getLong("version")))
                .list();
        if (heads.isEmpty()) {
            return List.of();
        }
        List<Long> ids = heads.stream().map(Head::id).toList();
        Map<Long, List<Long>> stations = new HashMap<>();
        jdbc.sql("SELECT project_id, station_id FROM project_station WHERE project_id IN (:ids) ORDER BY station_id")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    stations.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getLong(2));
                });
        Map<Long, List<Long>> items = new HashMap<>();
        jdbc.sql("SELECT project_id, item_id FROM project_item WHERE project_id IN (:ids) ORDER BY item_id")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        return heads.stream()
                .map(h -> new Row(
                        h.id(),
                        h.name(),
                        h.bureauId(),
                        h.agencyId(),
                        h.catalogId(),
                        h.tier(),
                        h.start(),
                        h.end(),
                        h.policy(),
                        h.version(),
                        stations.getOrDefault(h.id(), List.of()),
                        items.getOrDefault(h.id(), List.of())))
                .toList();
    }

    private static EvidencePolicy policy(ResultSet rs) throws SQLException {
        return new EvidencePolicy(
                rs.getBoolean("photo_required"),
                (Integer) rs.getObject("max_distance_m"),
                rs.getInt("capture_grace_days"),
                (Integer) rs.getObject("min_group_attendees"),
                rs.getBoolean("sign_in_required_indoor"),
                rs.getBoolean("receipts_required"));
    }
}
