package cn.sgz.charity.internal;

import cn.sgz.org.Scope;
import cn.sgz.shared.ChinaTime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of charity projects and their promotion events. */
@Repository
public class CharityProjectStore {

    private final JdbcClient jdbc;

    CharityProjectStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Project(
            long id,
            long stationId,
            String orgPath,
            Long fundId,
            String fundName,
            String name,
            String goal,
            String content,
            BigDecimal budget,
            LocalDate startDate,
            LocalDate endDate,
            CharityProjectStatus status,
            int promotionCount,
            String createdBy,
            OffsetDateTime createdAt,
            long version) {}

    /** A promotion event: the project (and its fund) and the service record behind it. */
    public record Promotion(
            long id,
            long projectId,
            Long fundId,
            long stationId,
            String orgPath,
            long recordId,
            LocalDate promotedOn) {}

    private static final String SELECT = "SELECT p.*, f.name AS fund_name, "
            + "(SELECT COUNT(*) FROM charity_promotion m WHERE m.project_id = p.id) AS promotion_count "
            + "FROM charity_project p LEFT JOIN charity_fund f ON f.id = p.fund_id ";

    public long insert(long stationId, String orgPath, CharityProjectForm f, CharityProjectStatus status, String by) {
        OffsetDateTime now = ChinaTime.offsetNow();
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO charity_project (station_id, org_path, fund_id, name, goal, content, budget, start_date, "
                                + "end_date, status, created_by, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,0)")
                .params(
                        stationId,
                        orgPath,
                        f.fundId(),
                        f.name().strip(),
                        f.goal().strip(),
                        f.content().strip(),
                        f.budget(),
                        f.startDate(),
                        f.endDate(),
                        status.name(),
                        by,
                        now,
                        now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean update(long id, long version, CharityProjectForm f, CharityProjectStatus status) {
        return jdbc.sql("UPDATE charity_project SET fund_id = ?, name = ?, goal = ?, content = ?, budget = ?, "
                                + "start_date = ?, end_date = ?, status = ?, updated_at = ?, version = version + 1 "
                                + "WHERE id = ? AND version = ?")
                        .params(
                                f.fundId(),
                                f.name().strip(),
                                f.goal().strip(),
                                f.content().strip(),
                                f.budget(),
                                f.startDate(),
                                f.endDate(),
                                status.name(),
                                ChinaTime.offsetNow(),
                                id,
                                version)
                        .update()
                == 1;
    }

    public Optional<Project> find(long id) {
        return jdbc.sql(SELECT + "WHERE p.id = ?")
                .param(id)
                .query(CharityProjectStore::project)
                .optional();
    }

    public List<Project> list(Scope scope, Long stationId) {
        List<Object> params = new ArrayList<>(scope.likePatterns());
        String sql = SELECT + "WHERE " + scope.sqlCondition("p.org_path");
        if (stationId != null) {
            sql += " AND p.station_id = ?";
            params.add(stationId);
        }
        return jdbc.sql(sql + " ORDER BY p.start_date DESC, p.id DESC")
                .params(params)
                .query(CharityProjectStore::project)
                .list();
    }

    public long insertPromotion(Project p, long recordId, LocalDate on, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO charity_promotion (project_id, record_id, station_id, org_path, promoted_on, created_by, "
                        + "created_at) VALUES (?,?,?,?,?,?,?)")
                .params(p.id(), recordId, p.stationId(), p.orgPath(), on, by, ChinaTime.offsetNow())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean recordLinked(long recordId) {
        return jdbc.sql("SELECT COUNT(*) FROM charity_promotion WHERE record_id = ?")
                        .param(recordId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public List<Promotion> promotions(long projectId) {
        return jdbc.sql(PROMOTION_SELECT + "WHERE m.project_id = ? ORDER BY m.promoted_on DESC, m.id DESC")
                .param(projectId)
                .query(CharityProjectStore::promotion)
                .list();
    }

    /** Promotions in scope dated in [from, to], with the project's fund. */
    public List<Promotion> promotions(Scope scope, Long stationId, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>(scope.likePatterns());
        String sql =
                PROMOTION_SELECT + "WHERE " + scope.sqlCondition("m.org_path") + " AND m.promoted_on BETWEEN ? AND ?";
        params.add(from);
        params.add(to);
        if (stationId != null) {
            sql += " AND m.station_id = ?";
            params.add(stationId);
        }
        return jdbc.sql(sql)
                .params(params)
                .query(CharityProjectStore::promotion)
                .list();
    }

    public int syncDate(long recordId, LocalDate date) {
        return jdbc.sql("UPDATE charity_promotion SET promoted_on = ? WHERE record_id = ? AND promoted_on <> ?")
                .params(date, recordId, date)
                .update();
    }

    private static final String PROMOTION_SELECT =
            "SELECT m.*, p.fund_id FROM charity_promotion m " + "JOIN charity_project p ON p.id = m.project_id ";

    /** Charity projects per station that exist on {@code asOf} (started, not cancelled, not ended before {@code from}). */
    /** Projects running at some time in [from, asOf] (not cancelled), named, for counts and their drill-down. */
    public List<CharityFactSource.Named> runningIn(Collection<Long> stationIds, LocalDate from, LocalDate asOf) {
        if (stationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT station_id, name, start_date FROM charity_project
                        WHERE station_id IN (:stations) AND start_date <= :asOf AND status <> 'CANCELLED'
                          AND (end_date IS NULL OR end_date >= :from)
                        ORDER BY start_date, id""")
                .param("stations", List.copyOf(stationIds))
                .param("asOf", asOf)
                .param("from", from)
                .query((rs, n) ->
                        new CharityFactSource.Named(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
                .list();
    }

    private static Project project(ResultSet rs, int n) throws SQLException {
        return new Project(
                rs.getLong("id"),
                rs.getLong("station_id"),
                rs.getString("org_path"),
                (Long) rs.getObject("fund_id", Long.class),
                rs.getString("fund_name"),
                rs.getString("name"),
                rs.getString("goal"),
                rs.getString("content"),
                rs.getBigDecimal("budget"),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                CharityProjectStatus.valueOf(rs.getString("status")),
                rs.getInt("promotion_count"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getLong("version"));
    }

    private static Promotion promotion(ResultSet rs, int n) throws SQLException {
        return new Promotion(
                rs.getLong("id"),
                rs.getLong("project_id"),
                (Long) rs.getObject("fund_id", Long.class),
                rs.getLong("station_id"),
                rs.getString("org_path"),
                rs.getLong("record_id"),
                rs.getObject("promoted_on", LocalDate.class));
    }
}
