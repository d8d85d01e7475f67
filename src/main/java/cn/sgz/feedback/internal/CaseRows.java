package cn.sgz.feedback.internal;

import cn.sgz.feedback.CaseStatus;
import cn.sgz.feedback.ComplaintService;
import cn.sgz.feedback.ComplaintStats;
import cn.sgz.feedback.ComplaintView.LogLine;
import cn.sgz.feedback.FeedbackKind;
import cn.sgz.org.CurrentUser;
import cn.sgz.org.Role;
import cn.sgz.org.Scope;
import cn.sgz.shared.ChinaTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** SQL over feedback_case and its photos and log. Callers check scope; this class only reads and writes. */
@Component
public class CaseRows {

    static final String SELECT =
            "SELECT c.*, u.name AS station_name FROM feedback_case c " + "JOIN org_unit u ON u.id = c.station_id ";

    private final JdbcClient jdbc;

    CaseRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A case row as stored (phone in clear: callers mask it). */
    public record Row(
            long id,
            String receiptNo,
            String queryCodeHash,
            FeedbackKind kind,
            long stationId,
            String stationName,
            String stationPath,
            long bureauId,
            Long agencyId,
            String content,
            String serviceNamed,
            String workerNamed,
            String phone,
            CaseStatus status,
            OffsetDateTime submittedAt,
            LocalDate replyDueOn,
            String assignee,
            OffsetDateTime assignedAt,
            String explanationRequest,
            OffsetDateTime explanationRequestedAt,
            String explanation,
            String explainedBy,
            OffsetDateTime explainedAt,
            String reply,
            String repliedBy,
            OffsetDateTime repliedAt,
            Integer followupSatisfaction,
            String followupNote,
            OffsetDateTime followedUpAt,
            String closeNote,
            String closedBy,
            OffsetDateTime closedAt,
            long version) {

        public boolean overdue() {
            return status.awaitingReply() && ChinaTime.today().isAfter(replyDueOn);
        }
    }

    static Row map(ResultSet rs, int i) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("receipt_no"),
                rs.getString("query_code_hash"),
                FeedbackKind.valueOf(rs.getString("kind")),
                rs.getLong("station_id"),
                rs.getString("station_name"),
                rs.getString("station_path"),
                rs.getLong("bureau_id"),
                rs.getObject("agency_id", Long.class),
                rs.getString("content"),
                rs.getString("service_named"),
                rs.getString("worker_named"),
                rs.getString("phone"),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getObject("reply_due_on", LocalDate.class),
                rs.getString("assignee"),
                rs.getObject("assigned_at", OffsetDateTime.class),
                rs.getString("explanation_request"),
                rs.getObject("explanation_requested_at", OffsetDateTime.class),
                rs.getString("explanation"),
                rs.getString("explained_by"),
                rs.getObject("explained_at", OffsetDateTime.class),
                rs.getString("reply"),
                rs.getString("replied_by"),
                rs.getObject("replied_at", OffsetDateTime.class),
                rs.getObject("followup_satisfaction", Integer.class),
                rs.getString("followup_note"),
                rs.getObject("followed_up_at", OffsetDateTime.class),
                rs.getString("close_note"),
                rs.getString("closed_by"),
                rs.getObject("closed_at", OffsetDateTime.class),
                rs.getLong("version"));
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(SELECT + "WHERE c.id = ?")
                .param(id)
                .query(CaseRows::map)
                .optional();
    }

    Optional<Row> findByReceipt(String receiptNo) {
        return jdbc.sql(SELECT + "WHERE c.receipt_no = ?")
                .param(receiptNo)
                .query(CaseRows::map)
                .optional();
    }

    boolean receiptExists(String receiptNo) {
        return jdbc.sql("SELECT COUNT(*) FROM feedback_case WHERE receipt_no = ?")
                        .param(receiptNo)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** New case fields, as the public form (or the demo loader) gives them. */
    record NewCase(
            String receiptNo,
            String queryCodeHash,
            FeedbackKind kind,
            long stationId,
            String stationPath,
            long bureauId,
            Long agencyId,
            String content,
            String serviceNamed,
            String workerNamed,
            String phone,
            boolean consent,
            OffsetDateTime submittedAt,
            LocalDate replyDueOn) {}

    long insert(NewCase c) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO feedback_case (receipt_no, query_code_hash, kind, station_id, station_path, bureau_id, "
                        + "agency_id, content, service_named, worker_named, phone, phone_consent, status, submitted_at, "
                        + "reply_due_on, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)")
                .params(
                        c.receiptNo(),
                        c.queryCodeHash(),
                        c.kind().name(),
                        c.stationId(),
                        c.stationPath(),
                        c.bureauId(),
                        c.agencyId(),
                        c.content(),
                        c.serviceNamed(),
                        c.workerNamed(),
                        c.phone(),
                        c.consent(),
                        CaseStatus.RECEIVED.name(),
                        c.submittedAt(),
                        c.replyDueOn())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertPhoto(long caseId, int seq, String key, int bytes, int width, int height, String sha256) {
        jdbc.sql("INSERT INTO feedback_case_photo (case_id, seq, file_key, content_type, byte_size, width, height, "
                        + "sha256) VALUES (?,?,?,?,?,?,?,?)")
                .params(caseId, seq, key, "image/jpeg", bytes, width, height, sha256)
                .update();
    }

    public List<Long> photoIds(long caseId) {
        return jdbc.sql("SELECT id FROM feedback_case_photo WHERE case_id = ? ORDER BY seq")
                .param(caseId)
                .query(Long.class)
                .list();
    }

    public Optional<String> photoKey(long caseId, long photoId) {
        return jdbc.sql("SELECT file_key FROM feedback_case_photo WHERE case_id = ? AND id = ?")
                .params(caseId, photoId)
                .query(String.class)
                .optional();
    }

    public void log(long caseId, String actor, String action, String note) {
        jdbc.sql("INSERT INTO feedback_case_log (case_id, at, actor, action, note) VALUES (?,?,?,?,?)")
                .params(caseId, ChinaTime.offsetNow(), actor, action, note)
                .update();
    }

    public List<LogLine> logOf(long caseId) {
        return jdbc.sql("SELECT at, actor, action, note FROM feedback_case_log WHERE case_id = ? ORDER BY at, id")
                .param(caseId)
                .query((rs, i) -> new LogLine(
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("note")))
                .list();
    }

    /**
     * Applies an update guarded by the expected version; {@code set} is the SET clause without the version.
     * Returns false when someone else changed the case first.
     */
    public boolean update(long id, long expectedVersion, String set, Object... values) {
        Object[] params = new Object[values.length + 2];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = id;
        params[values.length + 1] = expectedVersion;
        return jdbc.sql("UPDATE feedback_case SET " + set + ", version = version + 1 WHERE id = ? AND version = ?")
                        .params(params)
                        .update()
                == 1;
    }

    /** Cases in a scope as the role may list them, newest first. */
    public List<Row> list(Scope scope, CurrentUser me, ComplaintService.Filter f) {
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE ").append(scope.sqlCondition("c.station_path"));
        List<Object> params = new ArrayList<>(scope.likePatterns());
        if (me.role() == Role.AGENCY_MANAGER) {
            sql.append(" AND c.agency_id = ? AND c.explanation_requested_at IS NOT NULL");
            params.add(me.agencyId() == null ? -1L : me.agencyId());
        }
        if (f.status() != null) {
            sql.append(" AND c.status = ?");
            params.add(f.status().name());
        }
        if (f.kind() != null) {
            sql.append(" AND c.kind = ?");
            params.add(f.kind().name());
        }
        if (f.stationId() != null) {
            sql.append(" AND c.station_id = ?");
            params.add(f.stationId());
        }
        if (f.overdueOnly()) {
            sql.append(" AND c.status IN ('RECEIVED', 'IN_PROGRESS') AND c.reply_due_on < ?");
            params.add(ChinaTime.today());
        }
        sql.append(f.overdueOnly() ? " ORDER BY c.reply_due_on, c.id" : " ORDER BY c.submitted_at DESC, c.id DESC");
        return jdbc.sql(sql.toString()).params(params).query(CaseRows::map).list();
    }

    /** Counts per station, kind and month of submission in a scope. */
    public List<ComplaintStats> stats(Scope scope, LocalDate from, LocalDate to) {
        StringBuilder sql = new StringBuilder(
                        "SELECT c.station_id, c.kind, c.status, c.submitted_at, c.reply_due_on, "
                                + "c.followup_satisfaction, u.name AS station_name FROM feedback_case c JOIN org_unit u ON u.id = c.station_id WHERE ")
                .append(scope.sqlCondition("c.station_path"));
        List<Object> params = new ArrayList<>(scope.likePatterns());
        if (from != null) {
            sql.append(" AND c.submitted_at >= ?");
            params.add(from.atStartOfDay(ChinaTime.ZONE).toOffsetDateTime());
        }
        if (to != null) {
            sql.append(" AND c.submitted_at < ?");
            params.add(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toOffsetDateTime());
        }
        record Key(long station, String name, String month, FeedbackKind kind) {}
        Map<Key, long[]> counts = new TreeMap<>(Comparator.comparing(Key::month)
                .reversed()
                .thenComparing(Key::name)
                .thenComparing(Key::kind));
        Map<Key, int[]> satisfaction = new HashMap<>();
        LocalDate today = ChinaTime.today();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            OffsetDateTime at = rs.getObject("submitted_at", OffsetDateTime.class);
            String month = YearMonth.from(at.atZoneSameInstant(ChinaTime.ZONE)).toString();
            Key k = new Key(
                    rs.getLong("station_id"),
                    rs.getString("station_name"),
                    month,
                    FeedbackKind.valueOf(rs.getString("kind")));
            CaseStatus st = CaseStatus.valueOf(rs.getString("status"));
            long[] c = counts.computeIfAbsent(k, x -> new long[4]);
            c[0]++;
            if (st != CaseStatus.CLOSED) {
                c[1]++;
            } else {
                c[3]++;
            }
            if (st.awaitingReply() && today.isAfter(rs.getObject("reply_due_on", LocalDate.class))) {
                c[2]++;
            }
            Integer sat = rs.getObject("followup_satisfaction", Integer.class);
            if (sat != null) {
                int[] s = satisfaction.computeIfAbsent(k, x -> new int[2]);
                s[0] += sat;
                s[1]++;
            }
        });
        List<ComplaintStats> out = new ArrayList<>();
        counts.forEach((k, c) -> {
            int[] s = satisfaction.get(k);
            out.add(new ComplaintStats(
                    k.station(),
                    k.name(),
                    k.month(),
                    k.kind(),
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    s == null ? null : Math.round(10.0 * s[0] / s[1]) / 10.0));
        });
        return out;
    }
}
