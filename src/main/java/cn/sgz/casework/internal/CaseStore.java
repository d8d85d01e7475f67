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

/** Rows of cw_case, with the date of the last session and the number of sessions beside each case. */
@Repository
public class CaseStore {

    private static final String SELECT = """
            SELECT c.*, (SELECT MAX(s.service_date) FROM cw_session s WHERE s.owner_type = 'CASE' AND s.owner_id = c.id) AS last_session,
                   (SELECT COUNT(*) FROM cw_session s WHERE s.owner_type = 'CASE' AND s.owner_id = c.id) AS session_count
            FROM cw_case c
            """;

    private final JdbcClient jdbc;

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record NewRow(
            long stationId,
            String orgPath,
            Long projectId,
            long recipientId,
            String clientName,
            String clientHint,
            LedgerDomain domain,
            String title,
            long workerId,
            String workerName,
            LocalDate openedOn) {}

    public long insert(NewRow r) {
        OffsetDateTime now = ChinaTime.offsetNow();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO cw_case (code, station_id, org_path, project_id, recipient_id, client_name, client_hint, "
                        + "domain, title, stage, worker_id, worker_name, opened_on, created_at, updated_at, version) "
                        + "VALUES ('-',?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)")
                .params(
                        r.stationId(),
                        r.orgPath(),
                        r.projectId(),
                        r.recipientId(),
                        r.clientName(),
                        r.clientHint(),
                        r.domain().name(),
                        r.title(),
                        CaseStage.INTAKE.name(),
                        r.workerId(),
                        r.workerName(),
                        r.openedOn(),
                        now,
                        now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("UPDATE cw_case SET code = ? WHERE id = ?")
                .params("GA" + r.openedOn().getYear() + "-" + String.format("%04d", id), id)
                .update();
        return id;
    }

    public Optional<CaseView> find(long id) {
        return jdbc.sql(SELECT + "WHERE c.id = ?")
                .param(id)
                .query(CaseStore::map)
                .optional();
    }

    /** The cases of one ledger person inside the scope, newest first. */
    public List<CaseView> ofRecipient(Scope scope, long recipientId) {
        List<Object> params = new ArrayList<>(scope.likePatterns());
        params.add(recipientId);
        return jdbc.sql(SELECT + "WHERE " + scope.sqlCondition("c.org_path")
                        + " AND c.recipient_id = ? ORDER BY c.opened_on DESC, c.id DESC LIMIT 100")
                .params(params)
                .query(CaseStore::map)
                .list();
    }

    public List<CaseView> list(Scope scope, Long stationId, CaseStage stage, Long workerId, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE ").append(scope.sqlCondition("c.org_path"));
        List<Object> params = new ArrayList<>(scope.likePatterns());
        if (stationId != null) {
            sql.append(" AND c.station_id = ?");
            params.add(stationId);
        }
        if (stage != null) {
            sql.append(" AND c.stage = ?");
            params.add(stage.name());
        }
        if (workerId != null) {
            sql.append(" AND c.worker_id = ?");
            params.add(workerId);
        }
        sql.append(" ORDER BY c.updated_at DESC, c.id DESC LIMIT ").append(Math.max(1, Math.min(limit, 1000)));
        // the home page asks twice (the to-do list's sessions and the overview of cases): read once per GET request
        return new ArrayList<>(cn.sgz.shared.web.RequestMemo.get(
                "cases:" + scope.user().id() + ":" + scope.role() + ":" + sql + ":" + params,
                () -> List.copyOf(jdbc.sql(sql.toString())
                        .params(params)
                        .query(CaseStore::map)
                        .list())));
    }

    /** Cases of stations (no scope: the indicator engine has chosen the stations), optionally one domain. */
    public List<CaseView> ofStations(List<Long> stationIds, LedgerDomain domain) {
        if (stationIds.isEmpty()) {
            return List.of();
        }
        String sql = SELECT + "WHERE c.station_id IN (:stations)"
                + (domain == null || domain == LedgerDomain.ALL ? "" : " AND c.domain = :domain") + " ORDER BY c.id";
        var spec = jdbc.sql(sql).param("stations", stationIds);
        if (domain != null && domain != LedgerDomain.ALL) {
            spec = spec.param("domain", domain.name());
        }
        return spec.query(CaseStore::map).list();
    }

    public void setStage(long id, CaseStage stage) {
        jdbc.sql("UPDATE cw_case SET stage = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(stage.name(), ChinaTime.offsetNow(), id)
                .update();
    }

    public void submitClosure(long id, String by) {
        jdbc.sql("UPDATE cw_case SET stage = 'CLOSING', closure_submitted_at = ?, closure_submitted_by = ?, "
                        + "closure_decided_at = NULL, closure_decided_by = NULL, closure_note = NULL, updated_at = ?, "
                        + "version = version + 1 WHERE id = ?")
                .params(ChinaTime.offsetNow(), by, ChinaTime.offsetNow(), id)
                .update();
    }

    /** Records the head's decision: approved (closed on a date) or returned to the worker. */
    public void decideClosure(long id, boolean approved, String by, String note, LocalDate closedOn) {
        jdbc.sql("UPDATE cw_case SET stage = ?, closed_on = ?, closure_decided_at = ?, closure_decided_by = ?, "
                        + "closure_note = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(
                        approved ? CaseStage.CLOSED.name() : CaseStage.EVALUATED.name(),
                        approved ? closedOn : null,
                        ChinaTime.offsetNow(),
                        by,
                        note,
                        ChinaTime.offsetNow(),
                        id)
                .update();
    }

    public void reopen(long id) {
        jdbc.sql("UPDATE cw_case SET stage = 'INTERVENING', closed_on = NULL, updated_at = ?, version = version + 1 "
                        + "WHERE id = ?")
                .params(ChinaTime.offsetNow(), id)
                .update();
    }

    /** Which stages the cases of each station are in (one grouped scan). */
    public java.util.Map<Long, java.util.Set<CaseStage>> stagesByStation(java.util.Collection<Long> stationIds) {
        return stagesByStation(stationIds, null);
    }

    /** A stage some case of a station of a domain has reached. */
    public record StageInDomain(long stationId, CaseStage stage, LedgerDomain domain) {}

    /** The stages the stations' cases have reached, by domain: one read for every domain. */
    public List<StageInDomain> stagesByStationAndDomain(java.util.Collection<Long> stationIds) {
        if (stationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT DISTINCT station_id, stage, domain FROM cw_case WHERE station_id IN (:stations)")
                .param("stations", stationIds)
                .query((rs, n) -> new StageInDomain(
                        rs.getLong(1), CaseStage.valueOf(rs.getString(2)), LedgerDomain.valueOf(rs.getString(3))))
                .list();
    }

    /** The stages the station's cases of the domain (null or ALL: any) have reached. */
    public java.util.Map<Long, java.util.Set<CaseStage>> stagesByStation(
            java.util.Collection<Long> stationIds, LedgerDomain domain) {
        java.util.Map<Long, java.util.Set<CaseStage>> result = new java.util.HashMap<>();
        boolean byDomain = domain != null && domain != LedgerDomain.ALL;
        jdbc.sql("SELECT station_id, stage FROM cw_case WHERE station_id IN (:stations) "
                        + (byDomain ? "AND domain = :domain " : "") + "GROUP BY station_id, stage")
                .param("stations", stationIds)
                .param("domain", byDomain ? domain.name() : "")
                .query((rs, n) -> java.util.Map.entry(rs.getLong(1), CaseStage.valueOf(rs.getString(2))))
                .list()
                .forEach(e -> result.computeIfAbsent(e.getKey(), k -> java.util.EnumSet.noneOf(CaseStage.class))
                        .add(e.getValue()));
        return result;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM cw_case").query(Long.class).single();
    }

    static CaseView map(ResultSet rs, int n) throws SQLException {
        return new CaseView(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getLong("station_id"),
                null,
                rs.getString("org_path"),
                (Long) rs.getObject("project_id"),
                rs.getLong("recipient_id"),
                rs.getString("client_name"),
                rs.getString("client_hint"),
                LedgerDomain.valueOf(rs.getString("domain")),
                rs.getString("title"),
                CaseStage.valueOf(rs.getString("stage")),
                rs.getLong("worker_id"),
                rs.getString("worker_name"),
                rs.getObject("opened_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class),
                rs.getString("closure_submitted_by"),
                rs.getObject("closure_submitted_at", OffsetDateTime.class),
                rs.getString("closure_decided_by"),
                rs.getObject("closure_decided_at", OffsetDateTime.class),
                rs.getString("closure_note"),
                rs.getObject("last_session", LocalDate.class),
                rs.getInt("session_count"),
                rs.getLong("version"));
    }
}
