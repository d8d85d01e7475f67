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

    /** True for the one caller that moves the job from QUEUED to RUNNING. */
    public boolean claim(long id, int totalSteps) {
        return jdbc.sql("UPDATE archive_job SET status = 'RUNNING', total_steps = ?, version = version + 1 "
                                + "WHERE id = ? AND status = 'QUEUED'")
                        .params(totalSteps, id)
                        .update()
                == 1;
    }

    public void progress(long id, int doneSteps, int entries) {
        jdbc.sql("UPDATE archive_job SET done_steps = ?, entries = ?, version = version + 1 WHERE id = ?")
                .params(doneSteps, entries, id)
                .update();
    }

    public void done(long id, int entries, long size, String fileName) {
        jdbc.sql("UPDATE archive_job SET status = 'DONE', done_steps = total_steps, entries = ?, size_bytes = ?, "
                        + "file_name = ?, finished_at = ?, version = version + 1 WHERE id = ?")
                .params(entries, size, fileName, ChinaTime.offsetNow(), id)
                .update();
    }

    public void failed(long id, String error) {
        jdbc.sql(
                        "UPDATE archive_job SET status = 'FAILED', error = ?, finished_at = ?, version = version + 1 WHERE id = ?")
                .params(error.length() > 500 ? error.substring(0, 500) : error, ChinaTime.offsetNow(), id)
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
                        rs.getObject("finished_at", OffsetDateTime.class)),
                rs.getString("org_path"));
    }
}
