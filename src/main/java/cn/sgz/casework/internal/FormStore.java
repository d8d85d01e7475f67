package cn.sgz.casework.internal;

import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of cw_form: one per (owner, form, session number); saving again replaces the content. */
@Repository
public class FormStore {

    private final JdbcClient jdbc;
    private final FormCodec codec;

    FormStore(JdbcClient jdbc, FormCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    public List<FormView> of(String ownerType, long ownerId) {
        return jdbc.sql("SELECT * FROM cw_form WHERE owner_type = ? AND owner_id = ? ORDER BY form_type, seq")
                .params(ownerType, ownerId)
                .query((rs, n) -> new FormView(
                        rs.getLong("id"),
                        FormType.valueOf(rs.getString("form_type")),
                        rs.getInt("seq"),
                        codec.read(rs.getString("content")),
                        rs.getString("updated_by"),
                        rs.getObject("updated_at", OffsetDateTime.class),
                        rs.getLong("version")))
                .list();
    }

    /** The forms of one type of many owners at once (to-do list): owner id → forms by seq. */
    public Map<Long, List<FormView>> ofOwners(String ownerType, Collection<Long> ownerIds, FormType type) {
        Map<Long, List<FormView>> result = new java.util.HashMap<>();
        List<Long> ids = List.copyOf(ownerIds);
        for (int i = 0; i < ids.size(); i += 500) {
            jdbc.sql("SELECT * FROM cw_form WHERE owner_type = :owner AND form_type = :type AND owner_id IN (:ids) "
                            + "ORDER BY owner_id, seq")
                    .param("owner", ownerType)
                    .param("type", type.name())
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .query((rs, n) -> Map.entry(
                            rs.getLong("owner_id"),
                            new FormView(
                                    rs.getLong("id"),
                                    FormType.valueOf(rs.getString("form_type")),
                                    rs.getInt("seq"),
                                    codec.read(rs.getString("content")),
                                    rs.getString("updated_by"),
                                    rs.getObject("updated_at", OffsetDateTime.class),
                                    rs.getLong("version"))))
                    .list()
                    .forEach(e -> result.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>())
                            .add(e.getValue()));
        }
        return result;
    }

    public Optional<FormView> find(String ownerType, long ownerId, FormType type, int seq) {
        return of(ownerType, ownerId).stream()
                .filter(f -> f.type() == type && f.seq() == seq)
                .findFirst();
    }

    /** Inserts or replaces the form without a version check (demo data and the case's opening intake). */
    public boolean save(
            String ownerType,
            long ownerId,
            FormType type,
            int seq,
            long stationId,
            String orgPath,
            Map<String, String> values,
            String user) {
        String content = codec.write(values);
        int updated = jdbc.sql("UPDATE cw_form SET content = ?, updated_by = ?, updated_at = ?, version = version + 1 "
                        + "WHERE owner_type = ? AND owner_id = ? AND form_type = ? AND seq = ?")
                .params(content, user, ChinaTime.offsetNow(), ownerType, ownerId, type.name(), seq)
                .update();
        if (updated > 0) {
            return false;
        }
        insert(ownerType, ownerId, type, seq, stationId, orgPath, content, user);
        return true;
    }

    /**
     * Saves the form under optimistic locking: a new form is saved without a version (or with 0), an
     * existing one only with the version that was read. Anything else — someone saved in between, or
     * two people created the form at once — throws ConflictException naming both versions.
     */
    public void save(
            String ownerType,
            long ownerId,
            FormType type,
            int seq,
            long stationId,
            String orgPath,
            Map<String, String> values,
            String user,
            Long expectedVersion) {
        String content = codec.write(values);
        Optional<Long> current = currentVersion(ownerType, ownerId, type, seq);
        if (current.isEmpty() && (expectedVersion == null || expectedVersion == 0)) {
            try {
                insert(ownerType, ownerId, type, seq, stationId, orgPath, content, user);
                return;
            } catch (DuplicateKeyException e) {
                throw conflict(
                        type, currentVersion(ownerType, ownerId, type, seq).orElse(0L), expectedVersion);
            }
        }
        if (expectedVersion == null) {
            throw conflict(type, current.orElse(0L), null);
        }
        int updated = jdbc.sql("UPDATE cw_form SET content = ?, updated_by = ?, updated_at = ?, version = version + 1 "
                        + "WHERE owner_type = ? AND owner_id = ? AND form_type = ? AND seq = ? AND version = ?")
                .params(content, user, ChinaTime.offsetNow(), ownerType, ownerId, type.name(), seq, expectedVersion)
                .update();
        if (updated == 0) {
            throw conflict(type, currentVersion(ownerType, ownerId, type, seq).orElse(0L), expectedVersion);
        }
    }

    /**
     * The version a client read, sent with the form's fields under the reserved key "version" (the
     * hidden field f.version on the pages); null when absent or blank.
     */
    public static Long expectedVersion(Map<String, String> values) {
        String raw = values == null ? null : values.get("version");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw cn.sgz.shared.BusinessException.field("version", "版本号应为读取表单时得到的数字");
        }
    }

    private static ConflictException conflict(FormType type, long current, Long submitted) {
        return new ConflictException("保存失败：" + type.documentName() + "在您打开之后已被他人保存（当前版本 " + current
                + "，您提交的版本 " + (submitted == null ? "无" : submitted) + "）。您的修改没有保存，"
                + "请刷新页面查看最新内容后重新填写。");
    }

    private Optional<Long> currentVersion(String ownerType, long ownerId, FormType type, int seq) {
        return jdbc.sql(
                        "SELECT version FROM cw_form WHERE owner_type = ? AND owner_id = ? AND form_type = ? AND seq = ?")
                .params(ownerType, ownerId, type.name(), seq)
                .query(Long.class)
                .optional();
    }

    private void insert(
            String ownerType,
            long ownerId,
            FormType type,
            int seq,
            long stationId,
            String orgPath,
            String content,
            String user) {
        jdbc.sql(
                        "INSERT INTO cw_form (owner_type, owner_id, form_type, seq, station_id, org_path, content, updated_by, "
                                + "updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,0)")
                .params(ownerType, ownerId, type.name(), seq, stationId, orgPath, content, user, ChinaTime.offsetNow())
                .update();
    }

    /** Which form types each station has at least one of (one grouped scan). */
    public Map<Long, Set<FormType>> typesByStation(Collection<Long> stationIds, Collection<FormType> types) {
        return typesByStation(stationIds, types, null);
    }

    /** A form type a station has, and the domain of the case or group it belongs to (null: neither). */
    public record TypeInDomain(long stationId, FormType type, String domain) {}

    /** Which form types each station has, by the domain of their case or group: one read for every domain. */
    public List<TypeInDomain> typesByStationAndDomain(Collection<Long> stationIds, Collection<FormType> types) {
        if (stationIds.isEmpty() || types.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT DISTINCT f.station_id, f.form_type, " + OwnerDomain.column("f") + " FROM cw_form f"
                        + OwnerDomain.joins("f") + "WHERE f.station_id IN (:stations) AND f.form_type IN (:types)")
                .param("stations", stationIds)
                .param("types", types.stream().map(Enum::name).toList())
                .query((rs, n) -> new TypeInDomain(rs.getLong(1), FormType.valueOf(rs.getString(2)), rs.getString(3)))
                .list();
    }

    /** As above, only forms of cases, groups or community services of the domain (null or ALL: any). */
    public Map<Long, Set<FormType>> typesByStation(
            Collection<Long> stationIds, Collection<FormType> types, cn.sgz.shared.vocabulary.LedgerDomain domain) {
        Map<Long, Set<FormType>> result = new HashMap<>();
        if (stationIds.isEmpty() || types.isEmpty()) {
            return result;
        }
        boolean byDomain = domain != null && domain != cn.sgz.shared.vocabulary.LedgerDomain.ALL;
        jdbc.sql(
                        "SELECT station_id, form_type FROM cw_form f WHERE station_id IN (:stations) AND form_type IN (:types) "
                                + (byDomain ? OwnerDomain.SQL.formatted("f") : "") + "GROUP BY station_id, form_type")
                .param("stations", stationIds)
                .param("types", types.stream().map(Enum::name).toList())
                .param("domain", byDomain ? domain.name() : "")
                .query((rs, n) -> Map.entry(rs.getLong(1), FormType.valueOf(rs.getString(2))))
                .list()
                .forEach(e ->
                        result.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        return result;
    }
}
