package cn.sgz.activity.internal;

import cn.sgz.activity.ReceiptView;
import cn.sgz.activity.RecordFilter;
import cn.sgz.activity.RecordForm;
import cn.sgz.activity.RecordStatus;
import cn.sgz.activity.RecordTotals;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.activity.SignInEntryView;
import cn.sgz.evidence.Qualification;
import cn.sgz.evidence.QualificationRules;
import cn.sgz.evidence.QualificationStatus;
import cn.sgz.evidence.ReasonCode;
import cn.sgz.org.Scope;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.vocabulary.PublicityChannel;
import cn.sgz.shared.vocabulary.ServiceField;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of the activity tables. Optimistic locking: updates match id and version, and bump it. */
@Repository
public class RecordStore {

    private final JdbcClient jdbc;

    RecordStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Values resolved by the service: the validated form plus where the record lives. */
    public record Row(
            long stationId,
            long orgUnitId,
            String orgPath,
            RecordForm form,
            ServiceKind kind,
            ServiceField domain,
            String title,
            Double siteLat,
            Double siteLon,
            int participantCount,
            String projectTie) {

        /** Kept only where it relaxes a rule: a gathering held outdoors. */
        public String outdoorReason() {
            return kind.gathering() && !Boolean.TRUE.equals(form.indoor()) ? blank(form.outdoorReason()) : null;
        }

        /** Kept only where it relaxes a rule: a goods kind that handed out no goods. */
        public String noGoodsReason() {
            return kind.handsOutGoods() && !Boolean.TRUE.equals(form.distributesGoods())
                    ? blank(form.noGoodsReason())
                    : null;
        }

        public String publicityLink() {
            return kind == ServiceKind.PUBLICITY ? blank(form.publicityLink()) : null;
        }
    }

    public long insert(Row r, long userId, String userName) {
        OffsetDateTime now = ChinaTime.offsetNow();
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO service_record (station_id, org_unit_id, org_path, project_id, project_tie, kind, domain, "
                                + "title, service_date, start_time, end_time, place, indoor, distributes_goods, site_latitude, "
                                + "site_longitude, workers, participant_count, content, outcome, qualification, created_by_id, "
                                + "created_by_name, created_at, updated_at, version, outdoor_reason, no_goods_reason, "
                                + "publicity_channel, publicity_link) "
                                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'EXCLUDED',?,?,?,?,0,?,?,?,?)")
                .params(
                        r.stationId(),
                        r.orgUnitId(),
                        r.orgPath(),
                        r.form().projectId(),
                        r.projectTie(),
                        r.kind().name(),
                        r.domain().name(),
                        r.title(),
                        r.form().serviceDate(),
                        blank(r.form().startTime()),
                        blank(r.form().endTime()),
                        blank(r.form().place()),
                        Boolean.TRUE.equals(r.form().indoor()),
                        Boolean.TRUE.equals(r.form().distributesGoods()),
                        r.siteLat(),
                        r.siteLon(),
                        blank(r.form().workers()),
                        r.participantCount(),
                        blank(r.form().content()),
                        blank(r.form().outcome()),
                        userId,
                        userName,
                        now,
                        now,
                        r.outdoorReason(),
                        r.noGoodsReason(),
                        r.form().publicityChannel() == null
                                ? null
                                : r.form().publicityChannel().name(),
                        r.publicityLink())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        recount(null, countKey(id, false));
        return id;
    }

    /** False when the version did not match (someone else saved first). */
    public boolean update(long id, long version, Row r) {
        CountKey before = countKey(id, true);
        boolean updated = jdbc.sql("UPDATE service_record SET station_id = ?, org_unit_id = ?, org_path = ?, "
                                // an unchanged project keeps how it was tied (a bureau's move stays a move)
                                + "project_tie = CASE WHEN project_id = ? THEN project_tie ELSE ? END, project_id = ?, kind = ?, "
                                + "domain = ?, title = ?, service_date = ?, start_time = ?, end_time = ?, place = ?, indoor = ?, "
                                + "distributes_goods = ?, site_latitude = ?, site_longitude = ?, workers = ?, "
                                + "participant_count = ?, content = ?, outcome = ?, outdoor_reason = ?, no_goods_reason = ?, "
                                + "publicity_channel = ?, publicity_link = ?, updated_at = ?, version = version + 1 "
                                + "WHERE id = ? AND version = ? AND status = 'ACTIVE'")
                        .params(
                                r.stationId(),
                                r.orgUnitId(),
                                r.orgPath(),
                                r.form().projectId(),
                                r.projectTie(),
                                r.form().projectId(),
                                r.kind().name(),
                                r.domain().name(),
                                r.title(),
                                r.form().serviceDate(),
                                blank(r.form().startTime()),
                                blank(r.form().endTime()),
                                blank(r.form().place()),
                                Boolean.TRUE.equals(r.form().indoor()),
                                Boolean.TRUE.equals(r.form().distributesGoods()),
                                r.siteLat(),
                                r.siteLon(),
                                blank(r.form().workers()),
                                r.participantCount(),
                                blank(r.form().content()),
                                blank(r.form().outcome()),
                                r.outdoorReason(),
                                r.noGoodsReason(),
                                r.form().publicityChannel() == null
                                        ? null
                                        : r.form().publicityChannel().name(),
                                r.publicityLink(),
                                ChinaTime.offsetNow(),
                                id,
                                version)
                        .update()
                == 1;
        if (updated) {
            recount(before, countKey(id, false));
            refreshPersonFacts(id);
        }
        return updated;
    }

    /** 已录入全国平台 (or, with a null date, not entered); false when the version is stale or the record voided. */
    public boolean markPlatformEntry(long id, long version, LocalDate enteredOn, String ref) {
        CountKey before = countKey(id, true);
        boolean marked =
                jdbc.sql("UPDATE service_record SET platform_entered_on = ?, platform_ref = ?, updated_at = ?, "
                                        + "version = version + 1 WHERE id = ? AND version = ? AND status = 'ACTIVE'")
                                .params(enteredOn, ref, ChinaTime.offsetNow(), id, version)
                                .update()
                        == 1;
        if (marked) {
            recount(before, countKey(id, false));
        }
        return marked;
    }

    public boolean markVoided(long id, Long version, String reason, String by) {
        CountKey before = countKey(id, true);
        boolean voided =
                jdbc.sql("UPDATE service_record SET status = 'VOIDED', void_reason = ?, voided_at = ?, voided_by = ?, "
                                        + "updated_at = ?, version = version + 1 WHERE id = ? AND status = 'ACTIVE'"
                                        + (version == null ? "" : " AND version = " + version.longValue()))
                                .params(reason, ChinaTime.offsetNow(), by, ChinaTime.offsetNow(), id)
                                .update()
                        == 1;
        if (voided) {
            recount(before, countKey(id, false));
            refreshPersonFacts(id);
        }
        return voided;
    }

    public void replaceParticipants(long recordId, List<ServiceRecordView.Participant> people) {
        jdbc.sql("DELETE FROM service_record_participant WHERE record_id = ?")
                .param(recordId)
                .update();
        for (ServiceRecordView.Participant p : people) {
            jdbc.sql("INSERT INTO service_record_participant (record_id, recipient_id, name) VALUES (?,?,?)")
                    .params(recordId, p.recipientId(), p.name())
                    .update();
        }
        refreshPersonFacts(recordId);
    }

    public void saveQualification(long id, Qualification q) {
        CountKey before = countKey(id, true);
        jdbc.sql("DELETE FROM service_record_reason WHERE record_id = ?")
                .param(id)
                .update();
        for (Qualification.Reason r : q.reasons()) {
            jdbc.sql(
                            "INSERT INTO service_record_reason (record_id, code, photo_id, entry_id, detail) VALUES (?,?,?,?,?)")
                    .params(id, r.code().name(), r.photoId(), r.entryId(), cut(r.detail(), 300))
                    .update();
        }
        String codes = String.join(
                ",", q.reasons().stream().map(r -> r.code().name()).distinct().toList());
        jdbc.sql("UPDATE service_record SET qualification = ?, qualification_codes = ?, qualified_at = ?, "
                        + "rules_version = ? WHERE id = ?")
                .params(q.status().name(), cut(codes, 300), ChinaTime.offsetNow(), QualificationRules.VERSION, id)
                .update();
        recount(before, countKey(id, false));
        refreshPersonFacts(id);
    }

    /** Records last qualified under older rules than {@link QualificationRules#VERSION} (a batch, oldest first). */
    public List<Long> qualifiedUnderOlderRules(int limit) {
        return jdbc.sql("SELECT id FROM service_record WHERE rules_version < ? ORDER BY id FETCH FIRST " + limit
                        + " ROWS ONLY")
                .param(QualificationRules.VERSION)
                .query(Long.class)
                .list();
    }

    /** Reviewers' holds on a record (V68): reasons that keep it from counting whatever its evidence says. */
    public List<Qualification.Reason> holds(long recordId) {
        return jdbc.sql("SELECT code, detail FROM service_record_hold WHERE record_id = ? ORDER BY created_at, code")
                .param(recordId)
                .query((rs, i) ->
                        new Qualification.Reason(ReasonCode.valueOf(rs.getString(1)), null, null, rs.getString(2)))
                .list();
    }

    /** Puts (or replaces) a hold of one code on a record. */
    public void putHold(long recordId, ReasonCode code, String detail, String sourceRef, String by) {
        jdbc.sql("DELETE FROM service_record_hold WHERE record_id = ? AND code = ?")
                .params(recordId, code.name())
                .update();
        jdbc.sql("INSERT INTO service_record_hold (record_id, code, detail, source_ref, created_by, created_at) "
                        + "VALUES (?,?,?,?,?,?)")
                .params(recordId, code.name(), cut(detail, 300), sourceRef, by, cn.sgz.shared.ChinaTime.offsetNow())
                .update();
    }

    /** Lifts a hold; false when there was none. */
    public boolean removeHold(long recordId, ReasonCode code) {
        return jdbc.sql("DELETE FROM service_record_hold WHERE record_id = ? AND code = ?")
                        .params(recordId, code.name())
                        .update()
                > 0;
    }

    /** Rewrites the record's rows of service_person_fact (V32): its people while it counts, none otherwise. */
    void refreshPersonFacts(long id) {
        jdbc.sql("DELETE FROM service_person_fact WHERE record_id = ?")
                .param(id)
                .update();
        jdbc.sql(
                        "INSERT INTO service_person_fact (record_id, recipient_id, station_id, kind, service_date, project_id) "
                                + "SELECT DISTINCT r.id, p.recipient_id, r.station_id, r.kind, r.service_date, r.project_id "
                                + "FROM service_record r JOIN service_record_participant p ON p.record_id = r.id "
                                + "WHERE r.id = ? AND r.status = 'ACTIVE' AND r.qualification = 'COUNTS' "
                                + "AND p.recipient_id IS NOT NULL")
                .param(id)
                .update();
    }

    /** Whom the service was for (V75), where a catalog tells them apart inside one kind. */
    public void setAudience(long id, String audience) {
        jdbc.sql("UPDATE service_record SET audience = ? WHERE id = ?")
                .params(audience, id)
                .update();
    }

    /** How the record's project tie was made (V74), null when untied. */
    public String projectTie(long id) {
        return jdbc.sql("SELECT project_tie FROM service_record WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Moves a record's tie to another project (the caller checked the project covers it); its people follow. */
    public boolean moveProject(long id, long projectId) {
        CountKey before = countKey(id, true);
        boolean moved = jdbc.sql("UPDATE service_record SET project_id = ?, project_tie = 'MOVED', updated_at = ?, "
                                + "version = version + 1 WHERE id = ? AND status = 'ACTIVE'")
                        .params(projectId, ChinaTime.offsetNow(), id)
                        .update()
                == 1;
        if (moved) {
            recount(before, countKey(id, false));
            jdbc.sql("UPDATE service_person_fact SET project_id = ? WHERE record_id = ?")
                    .params(projectId, id)
                    .update();
        }
        return moved;
    }

    /**
     * Ties the records of the stations in [from, to] that count for no project yet (recorded before any project
     * covered them) to a project just saved; returns how many.
     */
    public int tieUntied(long projectId, java.util.Collection<Long> stationIds, LocalDate from, LocalDate to) {
        if (stationIds.isEmpty()) {
            return 0;
        }
        // the records are locked first and then changed by id: a record saved meanwhile is neither counted nor tied
        Map<Long, CountKey> before = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT " + COUNT_COLUMNS + " FROM service_record WHERE project_id IS NULL "
                        + "AND station_id IN (:stations) AND service_date BETWEEN :from AND :to FOR UPDATE")
                .param("stations", stationIds)
                .param("from", from)
                .param("to", to)
                .query((org.springframework.jdbc.core.RowCallbackHandler)
                        rs -> before.put(rs.getLong("id"), countKey(rs)));
        if (before.isEmpty()) {
            return 0;
        }
        Map<CountKey, long[]> deltas = new java.util.TreeMap<>();
        before.values().forEach(k -> {
            if (k != null) {
                add(deltas, k, -1);
                add(deltas, k.inProject(projectId), 1);
            }
        });
        int tied = 0;
        List<Long> ids = new ArrayList<>(before.keySet());
        for (int i = 0; i < ids.size(); i += 1000) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
            jdbc.sql("UPDATE service_person_fact SET project_id = :project WHERE record_id IN (:ids)")
                    .param("project", projectId)
                    .param("ids", chunk)
                    .update();
            tied += jdbc.sql(
                            "UPDATE service_record SET project_id = :project, project_tie = 'LATER' WHERE id IN (:ids)")
                    .param("project", projectId)
                    .param("ids", chunk)
                    .update();
        }
        applyCounts(deltas);
        return tied;
    }

    /**
     * A counting record's group in service_record_month_count (V94): station, project (0: none), kind, field,
     * month, and whether it is marked 已录入全国平台.
     */
    record CountKey(long station, long project, String kind, String domain, LocalDate month, boolean entered)
            implements Comparable<CountKey> {

        /** The same group without the platform mark (the row that holds both counts). */
        CountKey group() {
            return new CountKey(station, project, kind, domain, month, false);
        }

        CountKey inProject(long p) {
            return new CountKey(station, p, kind, domain, month, entered);
        }

        @Override
        public int compareTo(CountKey o) {
            // the primary key's order, so that writers lock the rows they change in one order
            int c = Long.compare(station, o.station);
            c = c != 0 ? c : kind.compareTo(o.kind);
            c = c != 0 ? c : month.compareTo(o.month);
            c = c != 0 ? c : domain.compareTo(o.domain);
            c = c != 0 ? c : Long.compare(project, o.project);
            return c != 0 ? c : Boolean.compare(entered, o.entered);
        }
    }

    private static final String COUNT_COLUMNS =
            "id, station_id, project_id, kind, domain, service_date, platform_entered_on, status, qualification";

    /**
     * The record's group while it counts (ACTIVE and COUNTS), else null. {@code lock}: read with FOR UPDATE, so that
     * the record cannot change between this read and the caller's write (the difference is then exact).
     */
    CountKey countKey(long id, boolean lock) {
        return jdbc
                .sql("SELECT " + COUNT_COLUMNS + " FROM service_record WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
                .param(id)
                .query((rs, i) -> Optional.ofNullable(countKey(rs)))
                .list()
                .stream()
                .findFirst()
                .flatMap(k -> k)
                .orElse(null);
    }

    private static CountKey countKey(ResultSet rs) throws SQLException {
        if (!"ACTIVE".equals(rs.getString("status")) || !"COUNTS".equals(rs.getString("qualification"))) {
            return null;
        }
        long project = rs.getLong("project_id");
        return new CountKey(
                rs.getLong("station_id"),
                rs.wasNull() ? 0 : project,
                rs.getString("kind"),
                rs.getString("domain"),
                rs.getObject("service_date", LocalDate.class).withDayOfMonth(1),
                rs.getObject("platform_entered_on", LocalDate.class) != null);
    }

    /** Moves one record's count from its group before a write to its group after it (either may be null). */
    void recount(CountKey before, CountKey after) {
        if (java.util.Objects.equals(before, after)) {
            return;
        }
        Map<CountKey, long[]> deltas = new java.util.TreeMap<>();
        if (before != null) {
            add(deltas, before, -1);
        }
        if (after != null) {
            add(deltas, after, 1);
        }
        applyCounts(deltas);
    }

    private static void add(Map<CountKey, long[]> deltas, CountKey k, long n) {
        long[] d = deltas.computeIfAbsent(k.group(), g -> new long[2]);
        d[0] += n;
        d[1] += k.entered() ? n : 0;
    }

    /**
     * Adds to the groups' counts, in key order: UPDATE … SET n = n + ?, never read-modify-write, so two transactions
     * counting into the same group both count. A missing group is created first (ON CONFLICT DO NOTHING: a writer
     * creating it at the same time wins, and this one then adds to it).
     */
    private void applyCounts(Map<CountKey, long[]> deltas) {
        deltas.forEach((k, d) -> {
            if (d[0] == 0 && d[1] == 0) {
                return;
            }
            if (d[0] > 0 || d[1] > 0) {
                jdbc.sql(
                                "INSERT INTO service_record_month_count (station_id, project_id, kind, domain, month_start, n, "
                                        + "n_entered) VALUES (?,?,?,?,?,0,0) ON CONFLICT DO NOTHING")
                        .params(k.station(), k.project(), k.kind(), k.domain(), k.month())
                        .update();
            }
            int changed = jdbc.sql("UPDATE service_record_month_count SET n = n + ?, n_entered = n_entered + ? "
                            + "WHERE station_id = ? AND kind = ? AND month_start = ? AND domain = ? AND project_id = ? "
                            + "AND n + ? >= 0 AND n_entered + ? >= 0")
                    .params(d[0], d[1], k.station(), k.kind(), k.month(), k.domain(), k.project(), d[0], d[1])
                    .update();
            if (changed != 1) {
                // the table no longer matches the records (a write that bypassed this store): the group is counted
                // afresh from the records, so the figures stay right and the worker's write still goes through
                MONTH_COUNTS_LOG.warn(
                        "service_record_month_count out of step with service_record at {} (adding {}, {}): recounted",
                        k,
                        d[0],
                        d[1]);
                countAfresh(k);
            }
        });
    }

    private static final org.slf4j.Logger MONTH_COUNTS_LOG = org.slf4j.LoggerFactory.getLogger("sgz.month-counts");

    /** Sets a group's counts to what service_record holds now (this transaction's writes included). */
    private void countAfresh(CountKey k) {
        jdbc.sql("DELETE FROM service_record_month_count WHERE station_id = ? AND kind = ? AND month_start = ? "
                        + "AND domain = ? AND project_id = ?")
                .params(k.station(), k.kind(), k.month(), k.domain(), k.project())
                .update();
        jdbc.sql(
                        "INSERT INTO service_record_month_count (station_id, project_id, kind, domain, month_start, n, n_entered) "
                                + "SELECT ?, ?, ?, ?, ?, COUNT(*), COALESCE(SUM(CASE WHEN platform_entered_on IS NULL THEN 0 "
                                + "ELSE 1 END), 0) FROM service_record WHERE station_id = ? AND COALESCE(project_id, 0) = ? "
                                + "AND kind = ? AND domain = ? AND service_date >= ? AND service_date < ? "
                                + "AND status = 'ACTIVE' AND qualification = 'COUNTS'")
                .params(
                        k.station(),
                        k.project(),
                        k.kind(),
                        k.domain(),
                        k.month(),
                        k.station(),
                        k.project(),
                        k.kind(),
                        k.domain(),
                        k.month(),
                        k.month().plusMonths(1))
                .update();
    }

    public Optional<ServiceRecordView> find(long id) {
        List<ServiceRecordView> list = jdbc.sql("SELECT * FROM service_record WHERE id = ?")
                .param(id)
                .query(RecordStore::map)
                .list();
        return list.isEmpty()
                ? Optional.empty()
                : Optional.of(withChildren(list).get(0));
    }

    public List<ServiceRecordView> list(Scope scope, RecordFilter f, Long currentUserId) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql =
                new StringBuilder("SELECT * FROM service_record WHERE ").append(where(scope, f, currentUserId, params));
        int limit = f.limit() == null ? 100 : Math.max(1, Math.min(500, f.limit()));
        int offset = f.offset() == null ? 0 : Math.max(0, f.offset());
        sql.append(" ORDER BY service_date DESC, id DESC LIMIT ")
                .append(limit)
                .append(" OFFSET ")
                .append(offset);
        return withChildren(
                jdbc.sql(sql.toString()).params(params).query(RecordStore::map).list());
    }

    /**
     * Active records (newest first) in which a ledger person took part: named among the people served, signed
     * in or signed for goods. Only records inside the scope.
     */
    public List<ServiceRecordView> ofRecipient(Scope scope, long recipientId, int limit) {
        List<Object> params = new ArrayList<>(scope.likePatterns());
        params.add(recipientId);
        params.add(recipientId);
        params.add(recipientId);
        String sql = "SELECT * FROM service_record WHERE " + scope.sqlCondition("org_path")
                + " AND status = 'ACTIVE' AND id IN (SELECT record_id FROM service_record_participant WHERE recipient_id = ?"
                + " UNION SELECT record_id FROM sign_in_entry WHERE recipient_id = ?"
                + " UNION SELECT record_id FROM receipt_entry WHERE recipient_id = ?)"
                + " ORDER BY service_date DESC, id DESC LIMIT " + Math.max(1, Math.min(500, limit));
        return withChildren(jdbc.sql(sql).params(params).query(RecordStore::map).list());
    }

    /** Ledger people on the records this user wrote, most recently served first (ids only). */
    public List<Long> recentRecipients(long userId, int limit) {
        return jdbc.sql("SELECT p.recipient_id, MAX(r.service_date) AS last_on, MAX(r.id) AS last_id"
                        + " FROM service_record_participant p JOIN service_record r ON r.id = p.record_id"
                        + " WHERE r.created_by_id = ? AND p.recipient_id IS NOT NULL AND r.status = 'ACTIVE'"
                        + " GROUP BY p.recipient_id ORDER BY last_on DESC, last_id DESC LIMIT "
                        + Math.max(1, Math.min(100, limit)))
                .param(userId)
                .query((rs, i) -> rs.getLong(1))
                .list();
    }

    /** How many records match the filter in all, and how many of them count or are excluded (voided ones neither). */
    public RecordTotals totals(Scope scope, RecordFilter f, Long currentUserId) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT COUNT(*), "
                + "COALESCE(SUM(CASE WHEN status = 'ACTIVE' AND qualification = 'COUNTS' THEN 1 ELSE 0 END), 0), "
                + "COALESCE(SUM(CASE WHEN status = 'ACTIVE' AND qualification <> 'COUNTS' THEN 1 ELSE 0 END), 0) "
                + "FROM service_record WHERE " + where(scope, f, currentUserId, params);
        return jdbc.sql(sql)
                .params(params)
                .query((rs, i) -> new RecordTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    private static String where(Scope scope, RecordFilter f, Long currentUserId, List<Object> params) {
        StringBuilder sql = new StringBuilder(scope.sqlCondition("org_path"));
        params.addAll(scope.likePatterns());
        if (f.stationId() != null) {
            sql.append(" AND station_id = ?");
            params.add(f.stationId());
        }
        if (f.kind() != null) {
            sql.append(" AND kind = ?");
            params.add(f.kind().name());
        }
        if (f.from() != null) {
            sql.append(" AND service_date >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            sql.append(" AND service_date <= ?");
            params.add(f.to());
        }
        if (Boolean.TRUE.equals(f.mine()) && currentUserId != null) {
            sql.append(" AND created_by_id = ?");
            params.add(currentUserId);
        } else if (f.createdById() != null) {
            sql.append(" AND created_by_id = ?");
            params.add(f.createdById());
        }
        if (f.qualification() != null) {
            sql.append(" AND qualification = ?");
            params.add(f.qualification().name());
        }
        if (!Boolean.TRUE.equals(f.includeVoided())) {
            sql.append(" AND status = 'ACTIVE'");
        }
        return sql.toString();
    }

    /** Loads reasons and participants for a page of records with one query each (no N+1). */
    private List<ServiceRecordView> withChildren(List<ServiceRecordView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<Object> ids =
                new ArrayList<>(rows.stream().map(ServiceRecordView::id).toList());
        String in = "(" + "?,".repeat(ids.size() - 1) + "?)";
        Map<Long, List<Qualification.Reason>> reasons = new HashMap<>();
        jdbc.sql("SELECT record_id, code, photo_id, entry_id, detail FROM service_record_reason WHERE record_id IN "
                        + in + " ORDER BY id")
                .params(ids)
                .query(rs -> {
                    reasons.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Qualification.Reason(
                                    ReasonCode.valueOf(rs.getString(2)),
                                    (Long) rs.getObject(3),
                                    (Long) rs.getObject(4),
                                    rs.getString(5)));
                });
        Map<Long, List<ServiceRecordView.Participant>> people = new HashMap<>();
        jdbc.sql("SELECT id, record_id, recipient_id, name FROM service_record_participant WHERE record_id IN " + in
                        + " ORDER BY id")
                .params(ids)
                .query(rs -> {
                    people.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                            .add(new ServiceRecordView.Participant(
                                    rs.getLong(1), (Long) rs.getObject(3), rs.getString(4)));
                });
        return rows.stream()
                .map(r -> new ServiceRecordView(
                        r.id(),
                        r.stationId(),
                        r.stationName(),
                        r.orgUnitId(),
                        r.orgUnitName(),
                        r.orgPath(),
                        r.projectId(),
                        r.kind(),
                        r.domain(),
                        r.title(),
                        r.serviceDate(),
                        r.startTime(),
                        r.endTime(),
                        r.place(),
                        r.indoor(),
                        r.distributesGoods(),
                        r.siteLatitude(),
                        r.siteLongitude(),
                        r.workers(),
                        r.participantCount(),
                        r.content(),
                        r.outcome(),
                        r.qualification(),
                        reasons.getOrDefault(r.id(), List.of()),
                        r.qualifiedAt(),
                        r.status(),
                        r.voidReason(),
                        r.voidedAt(),
                        r.voidedBy(),
                        r.createdById(),
                        r.createdByName(),
                        r.createdAt(),
                        r.updatedAt(),
                        r.version(),
                        people.getOrDefault(r.id(), List.of()),
                        r.outdoorReason(),
                        r.noGoodsReason(),
                        r.publicityChannel(),
                        r.publicityLink(),
                        r.platformEnteredOn(),
                        r.platformRef()))
                .toList();
    }

    public long insertSignIn(long recordId, String name, String phone, Long recipientId) {
        return insertSignIn(recordId, name, phone, recipientId, cn.sgz.activity.SignInEntryView.MANUAL, false);
    }

    public long insertSignIn(long recordId, String name, String phone, Long recipientId, String source, boolean proxy) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO sign_in_entry (record_id, name, phone, recipient_id, created_at, source, proxy)"
                        + " VALUES (?,?,?,?,?,?,?)")
                .params(recordId, name, phone, recipientId, ChinaTime.offsetNow(), source, proxy)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean deleteSignIn(long recordId, long entryId) {
        return jdbc.sql("DELETE FROM sign_in_entry WHERE id = ? AND record_id = ?")
                        .params(entryId, recordId)
                        .update()
                == 1;
    }

    public List<SignInEntryView> signIns(long recordId) {
        return jdbc.sql("SELECT * FROM sign_in_entry WHERE record_id = ? ORDER BY id")
                .param(recordId)
                .query((rs, i) -> new SignInEntryView(
                        rs.getLong("id"),
                        rs.getLong("record_id"),
                        rs.getString("name"),
                        rs.getString("phone"),
                        (Long) rs.getObject("recipient_id"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getString("source"),
                        rs.getBoolean("proxy")))
                .list();
    }

    public long insertReceipt(
            long recordId, String name, String item, String quantity, String phone, Long recipientId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO receipt_entry (record_id, name, item, quantity, phone, recipient_id, created_at) "
                        + "VALUES (?,?,?,?,?,?,?)")
                .params(recordId, name, item, quantity, phone, recipientId, ChinaTime.offsetNow())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean deleteReceipt(long recordId, long entryId) {
        return jdbc.sql("DELETE FROM receipt_entry WHERE id = ? AND record_id = ?")
                        .params(entryId, recordId)
                        .update()
                == 1;
    }

    public List<ReceiptView> receipts(long recordId) {
        return jdbc.sql("SELECT * FROM receipt_entry WHERE record_id = ? ORDER BY id")
                .param(recordId)
                .query((rs, i) -> new ReceiptView(
                        rs.getLong("id"),
                        rs.getLong("record_id"),
                        rs.getString("name"),
                        rs.getString("item"),
                        rs.getString("quantity"),
                        rs.getString("phone"),
                        (Long) rs.getObject("recipient_id"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM service_record").query(Long.class).single();
    }

    static ServiceRecordView map(ResultSet rs, int row) throws SQLException {
        return new ServiceRecordView(
                rs.getLong("id"),
                rs.getLong("station_id"),
                null,
                rs.getLong("org_unit_id"),
                null,
                rs.getString("org_path"),
                (Long) rs.getObject("project_id"),
                ServiceKind.valueOf(rs.getString("kind")),
                ServiceField.valueOf(rs.getString("domain")),
                rs.getString("title"),
                rs.getObject("service_date", java.time.LocalDate.class),
                rs.getString("start_time"),
                rs.getString("end_time"),
                rs.getString("place"),
                rs.getBoolean("indoor"),
                rs.getBoolean("distributes_goods"),
                (Double) rs.getObject("site_latitude"),
                (Double) rs.getObject("site_longitude"),
                rs.getString("workers"),
                rs.getInt("participant_count"),
                rs.getString("content"),
                rs.getString("outcome"),
                QualificationStatus.valueOf(rs.getString("qualification")),
                List.of(),
                rs.getObject("qualified_at", OffsetDateTime.class),
                RecordStatus.valueOf(rs.getString("status")),
                rs.getString("void_reason"),
                rs.getObject("voided_at", OffsetDateTime.class),
                rs.getString("voided_by"),
                rs.getLong("created_by_id"),
                rs.getString("created_by_name"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getLong("version"),
                List.of(),
                rs.getString("outdoor_reason"),
                rs.getString("no_goods_reason"),
                rs.getString("publicity_channel") == null
                        ? null
                        : PublicityChannel.valueOf(rs.getString("publicity_channel")),
                rs.getString("publicity_link"),
                rs.getObject("platform_entered_on", LocalDate.class),
                rs.getString("platform_ref"));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
