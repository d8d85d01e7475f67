package cn.sgz.casework.internal;

import cn.sgz.org.Scope;
import cn.sgz.shared.ChinaTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of cw_exemplary. */
@Repository
public class ExemplaryStore {

    private final JdbcClient jdbc;

    ExemplaryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            String ownerType, long ownerId, long stationId, String orgPath, String title, String summary, String user) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO cw_exemplary (owner_type, owner_id, station_id, org_path, title, summary, status, "
                        + "proposed_by, proposed_at) VALUES (?,?,?,?,?,?,?,?,?)")
                .params(
                        ownerType,
                        ownerId,
                        stationId,
                        orgPath,
                        title,
                        summary,
                        ExemplaryStatus.PROPOSED.name(),
                        user,
                        ChinaTime.offsetNow())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<ExemplaryView> find(long id) {
        return jdbc.sql("SELECT * FROM cw_exemplary WHERE id = ?")
                .param(id)
                .query(ExemplaryStore::map)
                .optional();
    }

    /** The live proposal of a case or group (proposed or confirmed), if any. */
    public Optional<ExemplaryView> live(String ownerType, long ownerId) {
        return jdbc
                .sql("SELECT * FROM cw_exemplary WHERE owner_type = ? AND owner_id = ? AND status <> 'DECLINED' "
                        + "ORDER BY id DESC")
                .params(ownerType, ownerId)
                .query(ExemplaryStore::map)
                .list()
                .stream()
                .findFirst();
    }

    public List<ExemplaryView> list(Scope scope, ExemplaryStatus status) {
        StringBuilder sql =
                new StringBuilder("SELECT * FROM cw_exemplary WHERE ").append(scope.sqlCondition("org_path"));
        List<Object> params = new ArrayList<>(scope.likePatterns());
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status.name());
        }
        sql.append(" ORDER BY proposed_at DESC, id DESC LIMIT 500");
        return jdbc.sql(sql.toString())
                .params(params)
                .query(ExemplaryStore::map)
                .list();
    }

    /**
     * A confirmed 成功案例, the service domain of the case or group it is (成功案例 indicators are per domain) and the
     * project that case or group counts for (so does the 成功案例).
     */
    public record Confirmed(ExemplaryView view, String domain, Long projectId) {}

    public List<Confirmed> confirmed(Collection<Long> stationIds, LocalDate from, LocalDate to) {
        if (stationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT e.*, COALESCE(c.domain, g.domain) AS owner_domain, "
                        + "COALESCE(c.project_id, g.project_id) AS owner_project FROM cw_exemplary e "
                        + "LEFT JOIN cw_case c ON e.owner_type = 'CASE' AND c.id = e.owner_id "
                        + "LEFT JOIN cw_group g ON e.owner_type <> 'CASE' AND g.id = e.owner_id "
                        + "WHERE e.status = 'CONFIRMED' AND e.station_id IN (:stations) "
                        + "AND e.confirmed_on BETWEEN :from AND :to ORDER BY e.confirmed_on, e.id")
                .param("stations", stationIds)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Confirmed(
                        map(rs, n), rs.getString("owner_domain"), rs.getObject("owner_project", Long.class)))
                .list();
    }

    public boolean decide(long id, ExemplaryStatus status, String by, String note, LocalDate confirmedOn) {
        return jdbc.sql("UPDATE cw_exemplary SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?, "
                                + "confirmed_on = ? WHERE id = ? AND status = 'PROPOSED'")
                        .params(status.name(), by, ChinaTime.offsetNow(), note, confirmedOn, id)
                        .update()
                == 1;
    }

    public String pathOf(long id) {
        return jdbc.sql("SELECT org_path FROM cw_exemplary WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM cw_exemplary").query(Long.class).single();
    }

    static ExemplaryView map(ResultSet rs, int n) throws SQLException {
        return new ExemplaryView(
                rs.getLong("id"),
                rs.getString("owner_type"),
                rs.getLong("owner_id"),
                rs.getLong("station_id"),
                null,
                rs.getString("title"),
                rs.getString("summary"),
                ExemplaryStatus.valueOf(rs.getString("status")),
                rs.getString("proposed_by"),
                rs.getObject("proposed_at", OffsetDateTime.class),
                rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("decision_note"),
                rs.getObject("confirmed_on", LocalDate.class));
    }
}
