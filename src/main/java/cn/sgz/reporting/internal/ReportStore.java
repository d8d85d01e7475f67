package cn.sgz.reporting.internal;

import cn.sgz.reporting.NarrativeForm;
import cn.sgz.reporting.ReportKind;
import cn.sgz.reporting.ReportStatus;
import cn.sgz.shared.ChinaTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of periodic reports and report schedules. Every change checks the version it was read with. */
@Repository
public class ReportStore {

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(
            long id,
            long projectId,
            long stationId,
            String orgPath,
            ReportKind kind,
            LocalDate periodStart,
            LocalDate periodEnd,
            LocalDate dueOn,
            ReportStatus status,
            String summary,
            String highlights,
            String problems,
            String nextPlan,
            String returnReason,
            String returnedBy,
            OffsetDateTime returnedAt,
            String submittedBy,
            OffsetDateTime submittedAt,
            String reviewedBy,
            OffsetDateTime reviewedAt,
            String receivedBy,
            OffsetDateTime receivedAt,
            String snapshot,
            long version) {}

    public long insert(long projectId, long stationId, String orgPath, ReportPeriods.Period p, String by) {
        OffsetDateTime now = ChinaTime.offsetNow();
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO periodic_report (project_id, station_id, org_path, kind, period_start, period_end, due_on, "
                                + "status, created_by, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,'DRAFT',?,?,?,0)")
                .params(projectId, stationId, orgPath, p.kind().name(), p.start(), p.end(), p.dueOn(), by, now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("SELECT * FROM periodic_report WHERE id = ?")
                .param(id)
                .query(ReportStore::row)
                .optional();
    }

    public Optional<Row> find(long projectId, long stationId, ReportKind kind, LocalDate start) {
        return jdbc.sql("SELECT * FROM periodic_report WHERE project_id = ? AND station_id = ? AND kind = ? "
                        + "AND period_start = ?")
                .params(projectId, stationId, kind.name(), start)
                .query(ReportStore::row)
                .optional();
    }

    /** Reports of a project (optionally of some stations and one kind), without their snapshots' text. */
    public List<Row> list(long projectId, Collection<Long> stationIds, ReportKind kind) {
        if (stationIds.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT * FROM periodic_report WHERE project_id = :p AND station_id IN (:s)"
                + (kind == null ? "" : " AND kind = :k") + " ORDER BY period_start DESC, station_id";
        var spec = jdbc.sql(sql).param("p", projectId).param("s", List.copyOf(stationIds));
        if (kind != null) {
            spec = spec.param("k", kind.name());
        }
        return spec.query(ReportStore::row).list();
    }

    /** The reports of several projects at these stations (home pages: one read for all projects). */
    public List<Row> listAll(Collection<Long> projectIds, Collection<Long> stationIds) {
        if (projectIds.isEmpty() || stationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM periodic_report WHERE project_id IN (:p) AND station_id IN (:s)"
                        + " ORDER BY period_start DESC, station_id")
                .param("p", List.copyOf(projectIds))
                .param("s", List.copyOf(stationIds))
                .query(ReportStore::row)
                .list();
    }

    public boolean saveNarrative(long id, long version, NarrativeForm f) {
        return jdbc.sql(
                                "UPDATE periodic_report SET summary = ?, highlights = ?, problems = ?, next_plan = ?, "
                                        + "status = CASE WHEN status = 'RETURNED' THEN 'RETURNED' ELSE 'DRAFT' END, updated_at = ?, "
                                        + "version = version + 1 WHERE id = ? AND version = ? AND status IN ('DRAFT','RETURNED')")
                        .params(
                                blank(f.summary()),
                                blank(f.highlights()),
                                blank(f.problems()),
                                blank(f.nextPlan()),
                                ChinaTime.offsetNow(),
                                id,
                                version)
                        .update()
                == 1;
    }

    public boolean submit(long id, long version, String by, String snapshot) {
        return jdbc.sql("UPDATE periodic_report SET status = 'SUBMITTED', submitted_by = ?, submitted_at = ?, "
                                + "reviewed_by = NULL, reviewed_at = NULL, received_by = NULL, received_at = NULL, snapshot = ?, "
                                + "updated_at = ?, version = version + 1 "
                                + "WHERE id = ? AND version = ? AND status IN ('DRAFT','RETURNED')")
                        .params(by, ChinaTime.offsetNow(), snapshot, ChinaTime.offsetNow(), id, version)
                        .update()
                == 1;
    }

    public boolean review(long id, long version, String by) {
        return move(id, version, "SUBMITTED", "REVIEWED", "reviewed_by", "reviewed_at", by);
    }

    public boolean receive(long id, long version, String by) {
        return move(id, version, "REVIEWED", "RECEIVED", "received_by", "received_at", by);
    }

    public boolean returnIt(long id, long version, String by, String reason) {
        return jdbc.sql("UPDATE periodic_report SET status = 'RETURNED', return_reason = ?, returned_by = ?, "
                                + "returned_at = ?, updated_at = ?, version = version + 1 "
                                + "WHERE id = ? AND version = ? AND status IN ('SUBMITTED','REVIEWED')")
                        .params(reason, by, ChinaTime.offsetNow(), ChinaTime.offsetNow(), id, version)
                        .update()
                == 1;
    }

    private boolean move(long id, long version, String from, String to, String byColumn, String atColumn, String by) {
        return jdbc.sql("UPDATE periodic_report SET status = ?, " + byColumn + " = ?, " + atColumn + " = ?, "
                                + "updated_at = ?, version = version + 1 WHERE id = ? AND version = ? AND status = ?")
                        .params(to, by, ChinaTime.offsetNow(), ChinaTime.offsetNow(), id, version, from)
                        .update()
                == 1;
    }

    // ---- schedules ----------------------------------------------------------------------------

    public record Schedule(ReportKind kind, boolean enabled, int dueDay, long version) {}

    /** The schedule of a project, one line per kind (defaults for kinds without a row). */
    /** {@link #schedule(long)} of several projects in one read. */
    public Map<Long, Map<ReportKind, Schedule>> schedules(Collection<Long> projectIds) {
        Map<Long, Map<ReportKind, Schedule>> result = new java.util.HashMap<>();
        for (long id : projectIds) {
            Map<ReportKind, Schedule> one = new EnumMap<>(ReportKind.class);
            for (ReportKind k : ReportKind.values()) {
                one.put(k, new Schedule(k, true, k.defaultDueDay(), 0));
            }
            result.put(id, one);
        }
        if (projectIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT project_id, kind, enabled, due_day, version FROM report_schedule WHERE project_id IN (:p)")
                .param("p", List.copyOf(projectIds))
                .query((rs, n) -> {
                    Schedule s = new Schedule(
                            ReportKind.valueOf(rs.getString(2)), rs.getBoolean(3), rs.getInt(4), rs.getLong(5));
                    result.get(rs.getLong(1)).put(s.kind(), s);
                    return s;
                })
                .list();
        return result;
    }

    public Map<ReportKind, Schedule> schedule(long projectId) {
        Map<ReportKind, Schedule> result = new EnumMap<>(ReportKind.class);
        for (ReportKind k : ReportKind.values()) {
            result.put(k, new Schedule(k, true, k.defaultDueDay(), 0));
        }
        jdbc.sql("SELECT kind, enabled, due_day, version FROM report_schedule WHERE project_id = ?")
                .param(projectId)
                .query((rs, n) -> new Schedule(
                        ReportKind.valueOf(rs.getString(1)), rs.getBoolean(2), rs.getInt(3), rs.getLong(4)))
                .list()
                .forEach(s -> result.put(s.kind(), s));
        return result;
    }

    /** Saves one kind's line; false when the version read is out of date. */
    public boolean saveSchedule(long projectId, ReportKind kind, boolean enabled, int dueDay, long version, String by) {
        int n = jdbc.sql("UPDATE report_schedule SET enabled = ?, due_day = ?, updated_by = ?, updated_at = ?, "
                        + "version = version + 1 WHERE project_id = ? AND kind = ? AND version = ?")
                .params(enabled, dueDay, by, ChinaTime.offsetNow(), projectId, kind.name(), version)
                .update();
        if (n == 1) {
            return true;
        }
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM report_schedule WHERE project_id = ? AND kind = ?")
                        .params(projectId, kind.name())
                        .query(Long.class)
                        .single()
                > 0;
        if (exists || version != 0) {
            return false;
        }
        jdbc.sql("INSERT INTO report_schedule (project_id, kind, enabled, due_day, updated_by, updated_at, version) "
                        + "VALUES (?,?,?,?,?,?,1)")
                .params(projectId, kind.name(), enabled, dueDay, by, ChinaTime.offsetNow())
                .update();
        return true;
    }

    /** Due dates of reports not yet submitted follow a changed schedule; submitted ones keep theirs. */
    public void redate(long projectId, ReportKind kind, int dueDay) {
        jdbc.sql("SELECT id, period_end FROM periodic_report WHERE project_id = ? AND kind = ? "
                        + "AND status IN ('DRAFT','RETURNED')")
                .params(projectId, kind.name())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, LocalDate.class)})
                .list()
                .forEach(r -> jdbc.sql("UPDATE periodic_report SET due_on = ? WHERE id = ?")
                        .params(ReportPeriods.due((LocalDate) r[1], dueDay), r[0])
                        .update());
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getLong("project_id"),
                rs.getLong("station_id"),
                rs.getString("org_path"),
                ReportKind.valueOf(rs.getString("kind")),
                rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class),
                rs.getObject("due_on", LocalDate.class),
                ReportStatus.valueOf(rs.getString("status")),
                rs.getString("summary"),
                rs.getString("highlights"),
                rs.getString("problems"),
                rs.getString("next_plan"),
                rs.getString("return_reason"),
                rs.getString("returned_by"),
                rs.getObject("returned_at", OffsetDateTime.class),
                rs.getString("submitted_by"),
                rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getString("reviewed_by"),
                rs.getObject("reviewed_at", OffsetDateTime.class),
                rs.getString("received_by"),
                rs.getObject("received_at", OffsetDateTime.class),
                rs.getString("snapshot"),
                rs.getLong("version"));
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
