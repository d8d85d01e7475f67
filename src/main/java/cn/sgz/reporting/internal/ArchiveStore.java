package cn.sgz.reporting.internal;

import cn.sgz.reporting.ArchiveJobView;
import cn.sgz.shared.ChinaTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Archive job rows. A job is claimed (QUEUED → RUNNING) by one worker only, whichever instance runs it. */
@Repository
public class ArchiveStore {

    private final JdbcClient jdbc;

    ArchiveStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(ArchiveJobView view, String orgPath) {}

    public long insert(long projectId, Long stationId, Long indicatorId, LocalDate asOf, String orgPath, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO archive_job (project_id, station_id, indicator_id, as_of, org_path, status, requested_by, "
                                + "requested_at, version) VALUES (?,?,?,?,?,'QUEUED',?,?,0)")
                .params(projectId, stationId, indicatorId, asOf, orgPath, by, ChinaTime.offsetNow())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void estimated(long id, long bytes) {
        jdbc.sql("UPDATE archive_job SET estimated_bytes = ? WHERE id = ?")
                .params(bytes, id)
                .update();
    }

    /**
     * True for the one instance whose conditional UPDATE takes the job: a queued job, or a running one
     * whose holder has not beaten since {@code staleBefore} (its instance died) — started again from the
     * beginning, at most {@code maxAttempts} times. Any number of instances may race; one row changes.
     */
    public boolean claim(long id, String instance, OffsetDateTime staleBefore, int maxAttempts) {
        return jdbc.sql(
                                "UPDATE archive_job SET status = 'RUNNING', claimed_by = ?, heartbeat_at = ?, "
                                        + "attempts = attempts + 1, done_steps = 0, version = version + 1 WHERE id = ? "
                                        + "AND attempts < ? AND (status = 'QUEUED' OR (status = 'RUNNING' AND heartbeat_at < ?))")
                        .params(instance, ChinaTime.offsetNow(), id, maxAttempts, staleBefore)
                        .update()
                == 1;
    }

    /** Jobs waiting since before {@code queuedBefore}, or running without a beat since {@code staleBefore}. */
    public List<Long> stale(OffsetDateTime queuedBefore, OffsetDateTime staleBefore, int limit) {
        return jdbc
                .sql("SELECT id FROM archive_job WHERE (status = 'QUEUED' AND requested_at < ?) "
                        + "OR (status = 'RUNNING' AND heartbeat_at < ?) ORDER BY id")
                .params(queuedBefore, staleBefore)
                .query(Long.class)
                .list()
                .stream()
                .limit(limit)
                .toList();
    }

    /** Jobs that ran out of attempts while their holder died: failed, so nobody waits for them. */
    public int giveUp(OffsetDateTime staleBefore, int maxAttempts) {
        return jdbc.sql("UPDATE archive_job SET status = 'FAILED', error = ?, finished_at = ?, version = version + 1 "
                        + "WHERE status = 'RUNNING' AND heartbeat_at < ? AND attempts >= ?")
                .params("生成中断多次（服务实例停止），请重新申请", ChinaTime.offsetNow(), staleBefore, maxAttempts)
                .update();
    }

    /** Progress and a heartbeat; false when the job is no longer this instance's (claimed again elsewhere). */
    public boolean progress(long id, String instance, int totalSteps, int doneSteps, int entries) {
        return jdbc.sql("UPDATE archive_job SET total_steps = ?, done_steps = ?, entries = ?, heartbeat_at = ?, "
                                + "version = version + 1 WHERE id = ? AND status = 'RUNNING' AND claimed_by = ?")
                        .params(totalSteps, doneSteps, entries, ChinaTime.offsetNow(), id, instance)
                        .update()
                == 1;
    }

    public boolean done(long id, String instance, int entries, long size, String fileKey) {
        return jdbc.sql("UPDATE archive_job SET status = 'DONE', done_steps = total_steps, entries = ?, "
                                + "size_bytes = ?, file_name = ?, finished_at = ?, version = version + 1 "
                                + "WHERE id = ? AND status = 'RUNNING' AND claimed_by = ?")
                        .params(entries, size, fileKey, ChinaTime.offsetNow(), id, instance)
                        .update()
                == 1;
    }

    public void failed(long id, String instance, String error) {
        jdbc.sql("UPDATE archive_job SET status = 'FAILED', error = ?, finished_at = ?, version = version + 1 "
                        + "WHERE id = ? AND status = 'RUNNING' AND claimed_by = ?")
                .params(error.length() > 500 ? error.substring(0, 500) : error, ChinaTime.offsetNow(), id, instance)
                .update();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("SELECT * FROM archive_job WHERE id = ?")
                .param(id)
                .query(ArchiveStore::row)
                .optional();
    }

    public List<Row> ofProject(long projectId) {
        return jdbc.sql("SELECT * FROM archive_job WHERE project_id = ? ORDER BY requested_at DESC, id DESC")
                .param(projectId)
                .query(ArchiveStore::row)
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                new ArchiveJobView(
                        rs.getLong("id"),
                        rs.getLong("project_id"),
                        rs.getObject("station_id", Long.class),
                        rs.getObject("indicator_id", Long.class),
                        rs.getObject("as_of", LocalDate.class),
                        rs.getString("status"),
                        rs.getInt("done_steps"),
                        rs.getInt("total_steps"),
                        rs.getInt("entries"),
                        rs.getObject("size_bytes", Long.class),
                        rs.getString("file_name"),
                        rs.getString("error"),
                        rs.getString("requested_by"),
                        rs.getObject("requested_at", OffsetDateTime.class),
                        rs.getObject("finished_at", OffsetDateTime.class),
                        rs.getObject("estimated_bytes", Long.class)),
                rs.getString("org_path"));
    }
}
