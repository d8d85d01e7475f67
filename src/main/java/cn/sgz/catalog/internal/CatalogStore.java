package cn.sgz.catalog.internal;

import cn.sgz.catalog.AmountAggregate;
import cn.sgz.catalog.Catalog;
import cn.sgz.catalog.CatalogContent;
import cn.sgz.catalog.CatalogItem;
import cn.sgz.catalog.CatalogStatus;
import cn.sgz.catalog.CatalogSummary;
import cn.sgz.catalog.CatalogTask;
import cn.sgz.catalog.CatalogTier;
import cn.sgz.catalog.EntityCountMode;
import cn.sgz.catalog.EntityType;
import cn.sgz.catalog.Indicator;
import cn.sgz.catalog.IndicatorParams;
import cn.sgz.catalog.ItemCategory;
import cn.sgz.catalog.RuleKind;
import cn.sgz.catalog.SelectionGroup;
import cn.sgz.catalog.SubPeriod;
import cn.sgz.catalog.TierParams;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.vocabulary.LedgerDomain;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Catalog versions in plain SQL: a version is written once as a whole and read back whole (a few
 * queries per catalog, never one per indicator).
 */
@Repository
public class CatalogStore {

    private final JdbcClient jdbc;

    CatalogStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(CatalogContent c, int versionNo, CatalogStatus status, Long parentId, boolean builtin, String by) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO catalog (code, version_no, status, parent_id, builtin, name, region, year_no, source, "
                        + "notes, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(
                        c.code(),
                        versionNo,
                        status.name(),
                        parentId,
                        builtin,
                        c.name(),
                        c.region(),
                        c.year(),
                        c.source(),
                        c.notes(),
                        ChinaTime.offsetNow(),
                        by)
                .update(key, "id");
        long id = key.getKey().longValue();
        insertContent(id, c);
        return id;
    }

    /** Replaces the content of a version nobody uses yet (a draft being corrected). */
    void replace(long id, CatalogContent c) {
        deleteContent(id);
        jdbc.sql("UPDATE catalog SET name = ?, region = ?, year_no = ?, source = ?, notes = ?, status = ?, "
                        + "revision = revision + 1 WHERE id = ?")
                .params(c.name(), c.region(), c.year(), c.source(), c.notes(), CatalogStatus.DRAFT.name(), id)
                .update();
        insertContent(id, c);
    }

    private void deleteContent(long id) {
        jdbc.sql(
                        "DELETE FROM catalog_target WHERE indicator_id IN (SELECT id FROM catalog_indicator WHERE catalog_id = ?)")
                .param(id)
                .update();
        jdbc.sql("DELETE FROM catalog_indicator_tier WHERE indicator_id IN "
                        + "(SELECT id FROM catalog_indicator WHERE catalog_id = ?)")
                .param(id)
                .update();
        for (String table :
                List.of("catalog_indicator", "catalog_item", "catalog_task", "catalog_group", "catalog_tier")) {
            jdbc.sql("DELETE FROM " + table + " WHERE catalog_id = ?").param(id).update();
        }
    }

    private void insertContent(long catalogId, CatalogContent c) {
        int seq = 0;
        for (CatalogTier t : c.tiers()) {
            jdbc.sql("INSERT INTO catalog_tier (catalog_id, code, label, seq) VALUES (?,?,?,?)")
                    .params(catalogId, t.code(), t.label(), seq++)
                    .update();
        }
        seq = 0;
        for (SelectionGroup g : c.groups()) {
            jdbc.sql("INSERT INTO catalog_group (catalog_id, code, name, min_select, max_select, rule_text, seq) "
                            + "VALUES (?,?,?,?,?,?,?)")
                    .params(catalogId, g.code(), g.name(), g.min(), g.max(), g.rule(), seq++)
                    .update();
        }
        int taskSeq = 0;
        for (CatalogTask task : c.tasks()) {
            KeyHolder tk = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO catalog_task (catalog_id, seq, code, number_label, name) VALUES (?,?,?,?,?)")
                    .params(catalogId, taskSeq++, task.code(), task.no(), task.name())
                    .update(tk, "id");
            long taskId = tk.getKey().longValue();
            int itemSeq = 0;
            for (CatalogItem item : task.items()) {
                KeyHolder ik = new GeneratedKeyHolder();
                jdbc.sql("INSERT INTO catalog_item (catalog_id, task_id, seq, code, number_label, name, category, "
                                + "group_code, content, population, note, subtask) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
                        .params(
                                catalogId,
                                taskId,
                                itemSeq++,
                                item.code(),
                                item.no(),
                                item.name(),
                                item.category().name(),
                                item.group(),
                                item.content(),
                                item.population(),
                                item.note(),
                                item.subtask())
                        .update(ik, "id");
                long itemId = ik.getKey().longValue();
                int indSeq = 0;
                for (Indicator ind : item.indicators()) {
                    insertIndicator(catalogId, itemId, indSeq++, ind);
                }
            }
        }
    }

    private void insertIndicator(long catalogId, long itemId, int seq, Indicator ind) {
        IndicatorParams q = ind.params();
        KeyHolder k = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO catalog_indicator (catalog_id, item_id, seq, code, name, kind, period, record_kinds, "
                        + "service_domain, subtype, entity_type, sessions_each, attendees_per_session, certified_min, "
                        + "aggregate_mode, condition_text, documents, unit, standard_text, value_text, evidence_text, "
                        + "count_mode, events_min, platform) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(
                        catalogId,
                        itemId,
                        seq,
                        ind.code(),
                        ind.name(),
                        ind.kind().name(),
                        ind.period().name(),
                        q.recordKinds().isEmpty()
                                ? null
                                : q.recordKinds().stream().map(Enum::name).collect(Collectors.joining(",")),
                        name(q.domain()),
                        q.subtype(),
                        name(q.entityType()),
                        q.sessionsEach(),
                        q.attendeesPerSession(),
                        q.certifiedMin(),
                        name(q.aggregate()),
                        q.condition(),
                        q.documents().isEmpty() ? null : String.join("\n", q.documents()),
                        q.unit(),
                        ind.standard(),
                        ind.value(),
                        ind.evidence(),
                        name(q.countMode()),
                        q.eventsMin(),
                        q.platform())
                .update(k, "id");
        long id = k.getKey().longValue();
        ind.targets()
                .forEach((tier, target) -> jdbc.sql(
                                "INSERT INTO catalog_target (indicator_id, tier_code, target) VALUES (?,?,?)")
                        .params(id, tier, target)
                        .update());
        java.util.Set<String> tiered = new java.util.LinkedHashSet<>(q.perTier().keySet());
        tiered.addAll(ind.values().keySet());
        for (String tier : tiered) {
            TierParams tp = q.perTier().getOrDefault(tier, new TierParams(null, null, null, null));
            jdbc.sql(
                            "INSERT INTO catalog_indicator_tier (indicator_id, tier_code, sessions_each, attendees_per_session, "
                                    + "certified_min, events_min, value_text) VALUES (?,?,?,?,?,?,?)")
                    .params(
                            id,
                            tier,
                            tp.sessionsEach(),
                            tp.attendeesPerSession(),
                            tp.certifiedMin(),
                            tp.eventsMin(),
                            ind.values().get(tier))
                    .update();
        }
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    void setStatus(long id, CatalogStatus status) {
        jdbc.sql("UPDATE catalog SET status = ?, revision = revision + 1 WHERE id = ?")
                .params(status.name(), id)
                .update();
    }

    public Optional<Long> latestId(String code) {
        return jdbc
                .sql("SELECT id FROM catalog WHERE code = ? ORDER BY version_no DESC")
                .param(code)
                .query(Long.class)
                .list()
                .stream()
                .findFirst();
    }

    int maxVersion(String code) {
        Integer v = jdbc.sql("SELECT MAX(version_no) FROM catalog WHERE code = ?")
                .param(code)
                .query(Integer.class)
                .single();
        return v == null ? 0 : v;
    }

    long projectCount(long catalogId) {
        return jdbc.sql("SELECT COUNT(*) FROM project WHERE catalog_id = ?")
                .param(catalogId)
                .query(Long.class)
                .single();
    }

    public List<CatalogSummary> list() {
        return jdbc.sql(
                        "SELECT c.id, c.code, c.name, c.region, c.year_no, c.version_no, c.status, c.parent_id, c.builtin, "
                                + "(SELECT COUNT(*) FROM catalog_item i WHERE i.catalog_id = c.id) AS items, "
                                + "(SELECT COUNT(*) FROM catalog_indicator n WHERE n.catalog_id = c.id) AS indicators, "
                                + "(SELECT COUNT(*) FROM project p WHERE p.catalog_id = c.id) AS projects, "
                                + "(SELECT MAX(x.version_no) FROM catalog x WHERE x.code = c.code) AS latest "
                                + "FROM catalog c ORDER BY c.year_no DESC, c.code, c.version_no DESC")
                .query((rs, i) -> new CatalogSummary(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("region"),
                        (Integer) rs.getObject("year_no"),
                        rs.getInt("version_no"),
                        CatalogStatus.valueOf(rs.getString("status")),
                        nullableLong(rs, "parent_id"),
                        rs.getBoolean("builtin"),
                        rs.getInt("items"),
                        rs.getInt("indicators"),
                        rs.getLong("projects"),
                        rs.getInt("latest") == rs.getInt("version_no")))
                .list();
    }

    /** The catalog's change counter (see V31), or empty when there is no such catalog. */
    public Optional<Long> revision(long id) {
        return jdbc.sql("SELECT revision FROM catalog WHERE id = ?")
                .param(id)
                .query(Long.class)
                .optional();
    }

    public Optional<Catalog> find(long id) {
        record Head(
                long id,
                int version,
                CatalogStatus status,
                Long parentId,
                boolean builtin,
                OffsetDateTime at,
                String by,
                String code,
                String name,
                String region,
                Integer year,
                String source,
                String notes) {}
        Optional<Head> head = jdbc.sql("SELECT * FROM catalog WHERE id = ?")
                .param(id)
                .query((rs, i) -> new Head(
                        rs.getLong("id"),
                        rs.getInt("version_no"),
                        CatalogStatus.valueOf(rs.getString("status")),
                        nullableLong(rs, "parent_id"),
                        rs.getBoolean("builtin"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getString("created_by"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("region"),
                        (Integer) rs.getObject("year_no"),
                        rs.getString("source"),
                        rs.getString("notes")))
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Head h = head.get();
        List<CatalogTier> tiers = jdbc.sql("SELECT code, label FROM catalog_tier WHERE catalog_id = ? ORDER BY seq")
                .param(id)
                .query((rs, i) -> new CatalogTier(rs.getString(1), rs.getString(2)))
                .list();
        List<SelectionGroup> groups = jdbc.sql("SELECT * FROM catalog_group WHERE catalog_id = ? ORDER BY seq")
                .param(id)
                .query((rs, i) -> new SelectionGroup(
                        rs.getString("code"),
                        rs.getString("name"),
                        (Integer) rs.getObject("min_select"),
                        (Integer) rs.getObject("max_select"),
                        rs.getString("rule_text")))
                .list();
        Map<Long, Map<String, BigDecimal>> targets = new HashMap<>();
        jdbc.sql("SELECT t.indicator_id, t.tier_code, t.target FROM catalog_target t "
                        + "JOIN catalog_indicator n ON n.id = t.indicator_id WHERE n.catalog_id = ?")
                .param(id)
                .query((ResultSet rs) -> {
                    targets.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros());
                });
        Map<Long, Map<String, TierParams>> perTier = new HashMap<>();
        Map<Long, Map<String, String>> values = new HashMap<>();
        jdbc.sql("SELECT t.* FROM catalog_indicator_tier t JOIN catalog_indicator n ON n.id = t.indicator_id "
                        + "WHERE n.catalog_id = ? ORDER BY t.indicator_id")
                .param(id)
                .query((ResultSet rs) -> {
                    long ind = rs.getLong("indicator_id");
                    String tier = rs.getString("tier_code");
                    perTier.computeIfAbsent(ind, k -> new LinkedHashMap<>())
                            .put(
                                    tier,
                                    new TierParams(
                                            (Integer) rs.getObject("sessions_each"),
                                                    (Integer) rs.getObject("attendees_per_session"),
                                            (Integer) rs.getObject("certified_min"),
                                                    (Integer) rs.getObject("events_min")));
                    if (rs.getString("value_text") != null) {
                        values.computeIfAbsent(ind, k -> new LinkedHashMap<>()).put(tier, rs.getString("value_text"));
                    }
                });
        Map<Long, List<Indicator>> indicators = new HashMap<>();
        jdbc.sql("SELECT * FROM catalog_indicator WHERE catalog_id = ? ORDER BY item_id, seq")
                .param(id)
                .query((ResultSet rs) -> {
                    long indId = rs.getLong("id");
                    Map<String, BigDecimal> byTier = new LinkedHashMap<>();
                    Map<String, BigDecimal> raw = targets.getOrDefault(indId, Map.of());
                    tiers.forEach(t -> {
                        if (raw.containsKey(t.code())) {
                            byTier.put(t.code(), raw.get(t.code()));
                        }
                    });
                    indicators
                            .computeIfAbsent(rs.getLong("item_id"), k -> new ArrayList<>())
                            .add(indicator(
                                    rs,
                                    byTier,
                                    perTier.getOrDefault(indId, Map.of()),
                                    values.getOrDefault(indId, Map.of())));
                });
        Map<Long, List<CatalogItem>> items = new HashMap<>();
        jdbc.sql("SELECT * FROM catalog_item WHERE catalog_id = ? ORDER BY task_id, seq")
                .param(id)
                .query((ResultSet rs) -> {
                    long itemId = rs.getLong("id");
                    items.computeIfAbsent(rs.getLong("task_id"), k -> new ArrayList<>())
                            .add(new CatalogItem(
                                    itemId,
                                    rs.getString("code"),
                                    rs.getString("number_label"),
                                    rs.getString("name"),
                                    ItemCategory.valueOf(rs.getString("category")),
                                    rs.getString("group_code"),
                                    rs.getString("content"),
                                    rs.getString("population"),
                                    rs.getString("note"),
                                    indicators.getOrDefault(itemId, List.of()),
                                    rs.getString("subtask")));
                });
        List<CatalogTask> tasks = jdbc.sql("SELECT * FROM catalog_task WHERE catalog_id = ? ORDER BY seq")
                .param(id)
                .query((rs, i) -> new CatalogTask(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("number_label"),
                        rs.getString("name"),
                        items.getOrDefault(rs.getLong("id"), List.of())))
                .list();
        CatalogContent content = new CatalogContent(
                h.code(), h.name(), h.region(), h.year(), h.source(), h.notes(), tiers, groups, tasks);
        return Optional.of(
                new Catalog(h.id(), h.version(), h.status(), h.parentId(), h.builtin(), h.at(), h.by(), content));
    }

    private static Indicator indicator(
            ResultSet rs, Map<String, BigDecimal> targets, Map<String, TierParams> perTier, Map<String, String> values)
            throws SQLException {
        String kinds = rs.getString("record_kinds");
        String docs = rs.getString("documents");
        IndicatorParams params = new IndicatorParams(
                kinds == null
                        ? List.of()
                        : Arrays.stream(kinds.split(","))
                                .map(ServiceKind::valueOf)
                                .toList(),
                rs.getString("service_domain") == null ? null : LedgerDomain.valueOf(rs.getString("service_domain")),
                rs.getString("subtype"),
                rs.getString("entity_type") == null ? null : EntityType.valueOf(rs.getString("entity_type")),
                (Integer) rs.getObject("sessions_each"),
                (Integer) rs.getObject("attendees_per_session"),
                (Integer) rs.getObject("certified_min"),
                rs.getString("aggregate_mode") == null ? null : AmountAggregate.valueOf(rs.getString("aggregate_mode")),
                rs.getString("condition_text"),
                docs == null ? List.of() : List.of(docs.split("\n")),
                rs.getString("unit"),
                rs.getString("count_mode") == null ? null : EntityCountMode.valueOf(rs.getString("count_mode")),
                (Integer) rs.getObject("events_min"),
                perTier,
                rs.getString("platform"));
        return new Indicator(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                RuleKind.valueOf(rs.getString("kind")),
                SubPeriod.valueOf(rs.getString("period")),
                params,
                targets,
                rs.getString("standard_text"),
                rs.getString("value_text"),
                rs.getString("evidence_text"),
                values);
    }

    private static Long nullableLong(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }
}
