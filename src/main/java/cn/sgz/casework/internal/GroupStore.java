package cn.sgz.casework.internal;

import cn.sgz.org.Scope;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.vocabulary.LedgerDomain;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Rows of cw_group (groups and community services), with their session counts. */
@Repository
public class GroupStore {

    private static final String SELECT = """
            SELECT g.*, (SELECT MAX(s.service_date) FROM cw_session s WHERE s.owner_type = g.kind AND s.owner_id = g.id) AS last_session,
                   (SELECT COUNT(*) FROM cw_session s WHERE s.owner_type = g.kind AND s.owner_id = g.id) AS session_count
            FROM cw_group g
            """;

    private final JdbcClient jdbc;

    GroupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            GroupKind kind,
            long stationId,
            String orgPath,
            Long projectId,
            String name,
            LedgerDomain domain,
            long workerId,
            String workerName,
            LocalDate openedOn) {
        OffsetDateTime now = ChinaTime.offsetNow();
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO cw_group (kind, code, station_id, org_path, project_id, name, domain, stage, worker_id, "
                                + "worker_name, opened_on, created_at, updated_at, version) VALUES (?,'-',?,?,?,?,?,?,?,?,?,?,?,0)")
                .params(
                        kind.name(),
                        stationId,
                        orgPath,
                        projectId,
                        name,
                        domain.name(),
                        GroupStage.PLANNED.name(),
                        workerId,
                        workerName,
                        openedOn,
                        now,
                        now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("UPDATE cw_group SET code = ? WHERE id = ?")
                .params(kind.codePrefix() + openedOn.getYear() + "-" + String.format("%04d", id), id)
                .update();
        return id;
    }

    public Optional<GroupView> find(GroupKind kind, long id) {
        return jdbc.sql(SELECT + "WHERE g.id = ? AND g.kind = ?")
                .params(id, kind.name())
                .query(GroupStore::map)
                .optional();
    }

    public List<GroupView> list(Scope scope, GroupKind kind, Long stationId, GroupStage stage, int limit) {
        StringBuilder sql =
                new StringBuilder(SELECT).append("WHERE g.kind = ? AND ").append(scope.sqlCondition("g.org_path"));
        List<Object> params = new ArrayList<>();
        params.add(kind.name());
        params.addAll(scope.likePatterns());
        if (stationId != null) {
            sql.append(" AND g.station_id = ?");
            params.add(stationId);
        }
        if (stage != null) {
            sql.append(" AND g.stage = ?");
            params.add(stage.name());
        }
        sql.append(" ORDER BY g.updated_at DESC, g.id DESC LIMIT ").append(Math.max(1, Math.min(limit, 1000)));
        return jdbc.sql(sql.toString()).params(params).query(GroupStore::map).list();
    }

    /** Groups of stations for the indicator engine (no scope), optionally one domain. */
    public List<GroupView> ofStations(GroupKind kind, List<Long> stationIds, LedgerDomain domain) {
        if (stationIds.isEmpty()) {
            return List.of();
        }
        boolean oneDomain = domain != null && domain != LedgerDomain.ALL;
        var spec = jdbc.sql(SELECT + "WHERE g.kind = :kind AND g.station_id IN (:stations)"
                        + (oneDomain ? " AND g.domain = :domain" : "") + " ORDER BY g.id")
                .param("kind", kind.name())
                .param("stations", stationIds);
        if (oneDomain) {
            spec = spec.param("domain", domain.name());
        }
        return spec.query(GroupStore::map).list();
    }

    public void setStage(long id, GroupStage stage) {
        jdbc.sql("UPDATE cw_group SET stage = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(stage.name(), ChinaTime.offsetNow(), id)
                .update();
    }

    public void touch(long id) {
        jdbc.sql("UPDATE cw_group SET updated_at = ?, version = version + 1 WHERE id = ?")
                .params(ChinaTime.offsetNow(), id)
                .update();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM cw_group").query(Long.class).single();
    }

    static GroupView map(ResultSet rs, int n) throws SQLException {
        return new GroupView(
                rs.getLong("id"),
                GroupKind.valueOf(rs.getString("kind")),
                rs.getString("code"),
                rs.getLong("station_id"),
                null,
                rs.getString("org_path"),
                (Long) rs.getObject("project_id"),
                rs.getString("name"),
                LedgerDomain.valueOf(rs.getString("domain")),
                GroupStage.valueOf(rs.getString("stage")),
                rs.getLong("worker_id"),
                rs.getString("worker_name"),
                rs.getObject("opened_on", LocalDate.class),
                rs.getObject("last_session", LocalDate.class),
                rs.getInt("session_count"),
                0,
                rs.getLong("version"));
    }
}
