package cn.sgz.recipient.internal;

import cn.sgz.org.Scope;
import cn.sgz.recipient.RecipientCategory;
import cn.sgz.recipient.RecipientStatus;
import cn.sgz.recipient.internal.RecipientAccess.Placement;
import cn.sgz.shared.ChinaTime;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL over the recipient tables. Callers have checked the scope; list queries take it as a condition. */
@Repository
class RecipientStore {

    private static final String INSERT = "INSERT INTO recipient (county_id, station_id, org_unit_id, org_path, name, "
            + "gender, birth_date, id_cipher, id_hmac, id_tail, phone, address, disability_type, disability_grade, "
            + "subsidy_status, risk_level, status, status_date, note, import_batch_id, created_by, created_at, "
            + "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private static final String UPDATE = "UPDATE recipient SET org_unit_id = ?, org_path = ?, name = ?, gender = ?, "
            + "birth_date = ?, id_cipher = ?, id_hmac = ?, id_tail = ?, phone = COALESCE(?, phone), "
            + "address = COALESCE(?, address), disability_type = COALESCE(?, disability_type), "
            + "disability_grade = COALESCE(?, disability_grade), subsidy_status = COALESCE(?, subsidy_status), "
            + "risk_level = COALESCE(?, risk_level), note = COALESCE(?, note), updated_at = ?, version = version + 1 "
            + "WHERE id = ?";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final IdCrypto crypto;

    RecipientStore(JdbcClient jdbc, JdbcTemplate template, IdCrypto crypto) {
        this.jdbc = jdbc;
        this.template = template;
        this.crypto = crypto;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    Optional<StoredRecipient> find(long id) {
        return jdbc.sql("SELECT " + StoredRecipient.COLUMNS + " FROM recipient r WHERE r.id = ?")
                .param(id)
                .query(StoredRecipient::map)
                .optional();
    }

    /** Recipients by id (unscoped: callers pass ids they selected inside the scope). */
    List<StoredRecipient> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + StoredRecipient.COLUMNS + " FROM recipient r WHERE r.id IN (:ids)")
                .param("ids", List.copyOf(ids))
                .query(StoredRecipient::map)
                .list();
    }

    /** The recipient holding this ID number in the county, if any. */
    Optional<StoredRecipient> findByHmac(long countyId, String hmac) {
        return jdbc.sql("SELECT " + StoredRecipient.COLUMNS
                        + " FROM recipient r WHERE r.county_id = ? AND r.id_hmac = ?")
                .params(countyId, hmac)
                .query(StoredRecipient::map)
                .optional();
    }

    /** Every ID hash of a county with the row it belongs to: the import's match table. */
    Map<String, HmacMatch> hmacIndex(long countyId) {
        Map<String, HmacMatch> index = new HashMap<>();
        jdbc.sql("SELECT id_hmac, id, station_id, merged_into_id FROM recipient WHERE county_id = ?")
                .param(countyId)
                .query(rs -> {
                    index.put(rs.getString(1), new HmacMatch(rs.getLong(2), rs.getLong(3), (Long)
                            rs.getObject(4, Long.class)));
                });
        return index;
    }

    record HmacMatch(long id, long stationId, Long mergedIntoId) {}

    // ---- ledger queries ------------------------------------------------------------------------

    private record Where(String sql, List<Object> params) {}

    private Where where(Scope scope, LedgerQuery q) {
        StringBuilder sql =
                new StringBuilder(" WHERE r.merged_into_id IS NULL AND ").append(scope.sqlCondition("r.org_path"));
        List<Object> params = new ArrayList<>(scope.likePatterns());
        if (!q.allStatuses()) {
            sql.append(" AND r.status = ?");
            params.add((q.status() == null ? RecipientStatus.ACTIVE : q.status()).name());
        }
        if (q.name() != null && !q.name().isBlank()) {
            sql.append(" AND r.name LIKE ?");
            params.add("%" + likeEscape(q.name().strip()) + "%");
        }
        if (q.idTail() != null && !q.idTail().isBlank()) {
            sql.append(" AND r.id_tail = ?");
            params.add(IdNumbers.normalize(q.idTail()));
        }
        if (q.unitId() != null) {
            sql.append(" AND (r.org_unit_id = ? OR r.station_id = ?)");
            params.add(q.unitId());
            params.add(q.unitId());
        }
        if (q.assessedFrom() != null) {
            sql.append(" AND r.last_assessed_on >= ?");
            params.add(q.assessedFrom());
        }
        if (q.assessedTo() != null) {
            sql.append(" AND r.last_assessed_on <= ?");
            params.add(q.assessedTo());
        }
        if (q.risk() != null) {
            sql.append(" AND r.risk_level = ?");
            params.add(q.risk().name());
        }
        if (q.category() != null || (q.flag() != null && !q.flag().isBlank())) {
            sql.append(" AND EXISTS (SELECT 1 FROM recipient_category c WHERE c.recipient_id = r.id");
            if (q.category() != null) {
                sql.append(" AND c.category = ?");
                params.add(q.category().name());
            }
            if (q.flag() != null && !q.flag().isBlank()) {
                sql.append(" AND (c.subtype = ? OR c.flags LIKE ?)");
                params.add(q.flag().strip());
                params.add("%," + likeEscape(q.flag().strip()) + ",%");
            }
            sql.append(")");
        }
        return new Where(sql.toString(), params);
    }

    List<StoredRecipient> search(Scope scope, LedgerQuery q, int offset, int limit) {
        Where w = where(scope, q);
        List<Object> params = new ArrayList<>(w.params());
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT " + StoredRecipient.COLUMNS + " FROM recipient r" + w.sql()
                        + " ORDER BY r.org_path, r.name, r.id LIMIT ? OFFSET ?")
                .params(params)
                .query(StoredRecipient::map)
                .list();
    }

    long count(Scope scope, LedgerQuery q) {
        Where w = where(scope, q);
        return jdbc.sql("SELECT COUNT(*) FROM recipient r" + w.sql())
                .params(w.params())
                .query(Long.class)
                .single();
    }

    /** People per category under the same filter (without its category), for the ledger tabs. */
    Map<RecipientCategory, Long> countByCategory(Scope scope, LedgerQuery q) {
        Where w = where(scope, q.withoutCategory());
        Map<RecipientCategory, Long> counts = new LinkedHashMap<>();
        for (RecipientCategory c : RecipientCategory.values()) {
            counts.put(c, 0L);
        }
        jdbc.sql("SELECT c.category, COUNT(*) FROM recipient r JOIN recipient_category c ON c.recipient_id = r.id"
                        + w.sql() + " GROUP BY c.category")
                .params(w.params())
                .query(rs -> {
                    counts.put(RecipientCategory.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    Map<Long, List<CategoryRow>> categoriesOf(Collection<Long> ids) {
        Map<Long, List<CategoryRow>> map = new HashMap<>();
        if (ids.isEmpty()) {
            return map;
        }
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.sql("SELECT recipient_id, category, subtype, flags FROM recipient_category WHERE recipient_id IN ("
                            + marks + ") ORDER BY recipient_id, category")
                    .params(chunk.toArray())
                    .query(rs -> {
                        map.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new CategoryRow(
                                        RecipientCategory.valueOf(rs.getString(2)),
                                        rs.getString(3),
                                        CategoryRow.parseFlags(rs.getString(4))));
                    });
        }
        return map;
    }

    /** Active people in scope with the same name and birth date, or the same phone: possible duplicates. */
    List<StoredRecipient> possibleDuplicates(
            Scope scope, String name, LocalDate birthDate, String phone, Long excludeId) {
        StringBuilder sql = new StringBuilder(
                "SELECT " + StoredRecipient.COLUMNS + " FROM recipient r WHERE " + "r.merged_into_id IS NULL AND "
                        + scope.sqlCondition("r.org_path") + " AND ((r.name = ? AND r.birth_date = ?)");
        List<Object> params = new ArrayList<>(scope.likePatterns());
        params.add(name);
        params.add(birthDate);
        if (phone != null) {
            sql.append(" OR r.phone = ?");
            params.add(phone);
        }
        sql.append(")");
        if (excludeId != null) {
            sql.append(" AND r.id <> ?");
            params.add(excludeId);
        }
        return jdbc.sql(sql + " ORDER BY r.id LIMIT 20")
                .params(params)
                .query(StoredRecipient::map)
                .list();
    }

    // ---- writes --------------------------------------------------------------------------------

    long insert(Placement at, RecipientData d, Long importId, String user) {
        KeyHolder keys = new GeneratedKeyHolder();
        template.update(
                con -> {
                    PreparedStatement ps = con.prepareStatement(INSERT, new String[] {"id"});
                    bindInsert(ps, at, d, importId, user, ChinaTime.offsetNow());
                    return ps;
                },
                keys);
        long id = keys.getKeyAs(Long.class) != null
                ? keys.getKeyAs(Long.class)
                : ((Number) keys.getKeys().get("id")).longValue();
        replaceCategories(id, d.categories());
        addHistory(id, RecipientStatus.ACTIVE, ChinaTime.today(), "登记", user);
        return id;
    }

    private void bindInsert(
            PreparedStatement ps, Placement at, RecipientData d, Long importId, String user, OffsetDateTime now)
            throws SQLException {
        ps.setLong(1, at.countyId());
        ps.setLong(2, at.stationId());
        ps.setLong(3, at.unitId());
        ps.setString(4, at.path());
        ps.setString(5, d.name());
        ps.setString(6, d.gender());
        ps.setObject(7, d.birthDate());
        ps.setBytes(8, crypto.encrypt(d.idNumber()));
        ps.setString(9, crypto.hmac(d.idNumber()));
        ps.setString(10, tail(d.idNumber()));
        ps.setString(11, d.phone());
        ps.setString(12, d.address());
        ps.setString(13, name(d.disabilityType()));
        ps.setString(14, name(d.disabilityGrade()));
        ps.setString(15, name(d.subsidyStatus()));
        ps.setString(16, name(d.riskLevel()));
        ps.setString(17, RecipientStatus.ACTIVE.name());
        ps.setObject(18, ChinaTime.today());
        ps.setString(19, d.note());
        if (importId == null) {
            ps.setNull(20, Types.BIGINT);
        } else {
            ps.setLong(20, importId);
        }
        ps.setString(21, user);
        ps.setObject(22, now);
        ps.setObject(23, now);
    }

    /** Batch insert of new people (import, demo); categories and history follow in batches too. */
    void insertBatch(List<Placed> rows, Long importId, String user) {
        if (rows.isEmpty()) {
            return;
        }
        OffsetDateTime now = ChinaTime.offsetNow();
        // Generated ids come back from the batch itself (both H2 and PostgreSQL return them).
        KeyHolder keys = new GeneratedKeyHolder();
        template.batchUpdate(
                con -> con.prepareStatement(INSERT, new String[] {"id"}),
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        bindInsert(ps, rows.get(i).at(), rows.get(i).data(), importId, user, now);
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                },
                keys);
        List<Map<String, Object>> generated = keys.getKeyList();
        if (generated.size() != rows.size()) {
            throw new IllegalStateException("批量写入返回的主键数量不符");
        }
        List<Object[]> cats = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Placed row = rows.get(i);
            Map<String, Object> key = generated.get(i);
            long id = ((Number)
                            (key.containsKey("id")
                                    ? key.get("id")
                                    : key.values().iterator().next()))
                    .longValue();
            row.newId()[0] = id;
            for (CategoryRow c : row.data().categories()) {
                cats.add(new Object[] {id, c.category().name(), c.subtype(), c.flagsColumn()});
            }
            history.add(new Object[] {
                id, RecipientStatus.ACTIVE.name(), ChinaTime.today(), importId == null ? "登记" : "名单导入", user, now
            });
        }
        template.batchUpdate(
                "INSERT INTO recipient_category (recipient_id, category, subtype, flags) VALUES (?,?,?,?)", cats);
        template.batchUpdate(
                "INSERT INTO recipient_status_history (recipient_id, status, effective_date, note, "
                        + "changed_by, changed_at) VALUES (?,?,?,?,?,?)",
                history);
    }

    /** A validated recipient and where it goes. */
    record Placed(Placement at, RecipientData data, long[] newId) {

        Placed(Placement at, RecipientData data) {
            this(at, data, new long[1]);
        }
    }

    /** A validated recipient that updates an existing row. */
    record Matched(long id, Placement at, RecipientData data) {}

    /**
     * Re-import of people already on the ledger: the list's values replace the stored ones where the
     * list has a value, and its categories are added (or replace the same category), never removed.
     */
    void updateBatch(List<Matched> rows) {
        if (rows.isEmpty()) {
            return;
        }
        OffsetDateTime now = ChinaTime.offsetNow();
        template.batchUpdate(UPDATE, rows, 500, (ps, row) -> bindUpdate(ps, row.id(), row.at(), row.data(), now));
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (Matched row : rows) {
            for (CategoryRow c : row.data().categories()) {
                deletes.add(new Object[] {row.id(), c.category().name()});
                inserts.add(new Object[] {row.id(), c.category().name(), c.subtype(), c.flagsColumn()});
            }
        }
        template.batchUpdate("DELETE FROM recipient_category WHERE recipient_id = ? AND category = ?", deletes);
        template.batchUpdate(
                "INSERT INTO recipient_category (recipient_id, category, subtype, flags) VALUES (?,?,?,?)", inserts);
    }

    private void bindUpdate(PreparedStatement ps, long id, Placement at, RecipientData d, OffsetDateTime now)
            throws SQLException {
        ps.setLong(1, at.unitId());
        ps.setString(2, at.path());
        ps.setString(3, d.name());
        ps.setString(4, d.gender());
        ps.setObject(5, d.birthDate());
        ps.setBytes(6, crypto.encrypt(d.idNumber()));
        ps.setString(7, crypto.hmac(d.idNumber()));
        ps.setString(8, tail(d.idNumber()));
        ps.setString(9, d.phone());
        ps.setString(10, d.address());
        ps.setString(11, name(d.disabilityType()));
        ps.setString(12, name(d.disabilityGrade()));
        ps.setString(13, name(d.subsidyStatus()));
        ps.setString(14, name(d.riskLevel()));
        ps.setString(15, d.note());
        ps.setObject(16, now);
        ps.setLong(17, id);
    }

    /** A full edit from the form: every field is replaced (blank clears it), categories replaced. */
    void updateFull(long id, Placement at, RecipientData d, long expectedVersion) {
        int n = jdbc.sql("UPDATE recipient SET county_id = ?, station_id = ?, org_unit_id = ?, org_path = ?, name = ?, "
                        + "gender = ?, birth_date = ?, id_cipher = ?, id_hmac = ?, id_tail = ?, phone = ?, address = ?, "
                        + "disability_type = ?, disability_grade = ?, subsidy_status = ?, risk_level = ?, note = ?, "
                        + "updated_at = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(
                        at.countyId(),
                        at.stationId(),
                        at.unitId(),
                        at.path(),
                        d.name(),
                        d.gender(),
                        d.birthDate(),
                        crypto.encrypt(d.idNumber()),
                        crypto.hmac(d.idNumber()),
                        tail(d.idNumber()),
                        d.phone(),
                        d.address(),
                        name(d.disabilityType()),
                        name(d.disabilityGrade()),
                        name(d.subsidyStatus()),
                        name(d.riskLevel()),
                        d.note(),
                        ChinaTime.offsetNow(),
                        id,
                        expectedVersion)
                .update();
        if (n == 0) {
            throw new cn.sgz.shared.ConflictException("该服务对象已被他人修改，请刷新后重试");
        }
        replaceCategories(id, d.categories());
    }

    void replaceCategories(long id, List<CategoryRow> rows) {
        jdbc.sql("DELETE FROM recipient_category WHERE recipient_id = ?")
                .param(id)
                .update();
        for (CategoryRow c : rows) {
            jdbc.sql("INSERT INTO recipient_category (recipient_id, category, subtype, flags) VALUES (?,?,?,?)")
                    .params(id, c.category().name(), c.subtype(), c.flagsColumn())
                    .update();
        }
    }

    void addHistory(long id, RecipientStatus status, LocalDate date, String note, String user) {
        jdbc.sql("INSERT INTO recipient_status_history (recipient_id, status, effective_date, note, changed_by, "
                        + "changed_at) VALUES (?,?,?,?,?,?)")
                .params(id, status.name(), date, note, user, ChinaTime.offsetNow())
                .update();
    }

    void setStatus(long id, RecipientStatus status, LocalDate date) {
        jdbc.sql("UPDATE recipient SET status = ?, status_date = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(status.name(), date, ChinaTime.offsetNow(), id)
                .update();
    }

    void setRisk(long id, cn.sgz.recipient.RiskLevel risk) {
        jdbc.sql("UPDATE recipient SET risk_level = ?, updated_at = ? WHERE id = ?")
                .params(name(risk), ChinaTime.offsetNow(), id)
                .update();
    }

    static String tail(String id) {
        return id.substring(id.length() - 4);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
