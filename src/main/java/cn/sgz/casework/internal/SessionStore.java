package cn.sgz.casework.internal;

import cn.sgz.shared.ChinaTime;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of cw_session: which service record is which session of which case or group. */
@Repository
public class SessionStore {

    public record Row(
            long id,
            String ownerType,
            long ownerId,
            long recordId,
            Integer unitSeq,
            long stationId,
            LocalDate serviceDate,
            String content,
            String createdBy) {}

    private final JdbcClient jdbc;

    SessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            String ownerType,
            long ownerId,
            long recordId,
            Integer unitSeq,
            long stationId,
            String orgPath,
            LocalDate date,
            String content,
            String user) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO cw_session (owner_type, owner_id, record_id, unit_seq, station_id, org_path, service_date, "
                                + "content, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
                .params(
                        ownerType,
                        ownerId,
                        recordId,
                        unitSeq,
                        stationId,
                        orgPath,
                        date,
                        content,
                        user,
                        ChinaTime.offsetNow())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<Row> of(String ownerType, long ownerId) {
        return jdbc.sql("SELECT * FROM cw_session WHERE owner_type = ? AND owner_id = ? ORDER BY service_date, id")
                .params(ownerType, ownerId)
                .query(SessionStore::map)
                .list();
    }

    /** Sessions of many owners at once (engine and lists): owner id → sessions. */
    public Map<Long, List<Row>> ofOwners(String ownerType, Collection<Long> ownerIds) {
        Map<Long, List<Row>> result = new HashMap<>();
        if (ownerIds.isEmpty()) {
            return result;
        }
        List<Long> ids = List.copyOf(ownerIds);
        for (int i = 0; i < ids.size(); i += 500) {
            jdbc.sql(
                            "SELECT * FROM cw_session WHERE owner_type = :type AND owner_id IN (:ids) ORDER BY service_date, id")
                    .param("type", ownerType)
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .query(SessionStore::map)
                    .list()
                    .forEach(r -> result.computeIfAbsent(r.ownerId(), k -> new java.util.ArrayList<>())
                            .add(r));
        }
        return result;
    }

    /** Stations with at least one session of any case, group or community service. */
    public Set<Long> stationsWithSessions(Collection<Long> stationIds) {
        return stationsWithSessions(stationIds, null);
    }

    /** Stations with sessions, with the domain of the case or group of each (null: neither); one read for all. */
    public List<Map.Entry<Long, String>> stationDomainsWithSessions(Collection<Long> stationIds) {
        if (stationIds.isEmpty()) {
            return List.of();
        }
        return jdbc
                .sql("SELECT DISTINCT s.station_id, " + OwnerDomain.column("s") + " FROM cw_session s"
                        + OwnerDomain.joins("s") + "WHERE s.station_id IN (:stations)")
                .param("stations", stationIds)
                .query((rs, n) -> new java.util.AbstractMap.SimpleImmutableEntry<>(rs.getLong(1), rs.getString(2)))
                .list()
                .stream()
                .map(e -> (Map.Entry<Long, String>) e)
                .toList();
    }

    /** Stations with sessions of cases or groups of the domain (null or ALL: any). */
    public Set<Long> stationsWithSessions(Collection<Long> stationIds, cn.sgz.shared.vocabulary.LedgerDomain domain) {
        if (stationIds.isEmpty()) {
            return Set.of();
        }
        boolean byDomain = domain != null && domain != cn.sgz.shared.vocabulary.LedgerDomain.ALL;
        return new HashSet<>(jdbc.sql("SELECT DISTINCT station_id FROM cw_session s WHERE station_id IN (:stations) "
                        + (byDomain ? OwnerDomain.SQL.formatted("s") : ""))
                .param("stations", stationIds)
                .param("domain", byDomain ? domain.name() : "")
                .query(Long.class)
                .list());
    }

    private static Row map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("owner_type"),
                rs.getLong("owner_id"),
                rs.getLong("record_id"),
                (Integer) rs.getObject("unit_seq"),
                rs.getLong("station_id"),
                rs.getObject("service_date", LocalDate.class),
                rs.getString("content"),
                rs.getString("created_by"));
    }
}
