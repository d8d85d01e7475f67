package cn.sgz.casework.internal;

import cn.sgz.shared.ChinaTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The history lines of cases and groups (cw_log). */
@Repository
public class LogStore {

    private final JdbcClient jdbc;

    LogStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String ownerType, long ownerId, String actor, String action, String note) {
        jdbc.sql("INSERT INTO cw_log (owner_type, owner_id, logged_at, actor, action, note) VALUES (?,?,?,?,?,?)")
                .params(
                        ownerType,
                        ownerId,
                        ChinaTime.offsetNow(),
                        actor,
                        action,
                        note == null ? null : note.length() > 1000 ? note.substring(0, 1000) : note)
                .update();
    }

    public List<LogEntry> of(String ownerType, long ownerId) {
        return jdbc.sql(
                        "SELECT logged_at, actor, action, note FROM cw_log WHERE owner_type = ? AND owner_id = ? ORDER BY id")
                .params(ownerType, ownerId)
                .query((rs, n) -> new LogEntry(
                        rs.getObject("logged_at", OffsetDateTime.class),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("note")))
                .list();
    }
}
