package cn.sgz.reporting.internal;

import cn.sgz.shared.ChinaTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** PublishedBulletin quarterly bulletins: one frozen copy per project and quarter. */
@Repository
public class BulletinStore {

    private final JdbcClient jdbc;

    BulletinStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(
            long id,
            long projectId,
            LocalDate periodStart,
            String snapshot,
            String publishedBy,
            OffsetDateTime publishedAt,
            long version) {}

    /** Inserts the copy, or replaces the one published before for the quarter; answers its id. */
    public long save(
            long projectId,
            String orgPath,
            LocalDate start,
            LocalDate end,
            LocalDate asOf,
            String snapshot,
            String by) {
        OffsetDateTime now = ChinaTime.offsetNow();
        int n = jdbc.sql("UPDATE quarterly_bulletin SET as_of = ?, snapshot = ?, published_by = ?, published_at = ?, "
                        + "version = version + 1 WHERE project_id = ? AND period_start = ?")
                .params(asOf, snapshot, by, now, projectId, start)
                .update();
        if (n == 0) {
            jdbc.sql("INSERT INTO quarterly_bulletin (project_id, org_path, period_start, period_end, as_of, snapshot, "
                            + "published_by, published_at, version) VALUES (?,?,?,?,?,?,?,?,0)")
                    .params(projectId, orgPath, start, end, asOf, snapshot, by, now)
                    .update();
        }
        return jdbc.sql("SELECT id FROM quarterly_bulletin WHERE project_id = ? AND period_start = ?")
                .params(projectId, start)
                .query(Long.class)
                .single();
    }

    public List<Row> list(long projectId) {
        return jdbc.sql("SELECT id, project_id, period_start, snapshot, published_by, published_at, version "
                        + "FROM quarterly_bulletin WHERE project_id = ? ORDER BY period_start DESC")
                .param(projectId)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class),
                        rs.getLong(7)))
                .list();
    }
}
