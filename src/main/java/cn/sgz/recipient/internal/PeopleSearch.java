package cn.sgz.recipient.internal;

import cn.sgz.activity.ServiceRecordService;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.org.Scope;
import cn.sgz.recipient.PersonPick;
import cn.sgz.shared.PhoneNumbers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Search-as-you-type over the ledgers for the people picker: by name (part), ID tail (last 4), phone tail
 * (last 4 or more digits), village (社工室 name) or address (part). Household members of people already picked
 * come first, then people the user served lately, then the rest by name. Active people inside the user's scope
 * only; the answer carries masked tails, never a full ID number or phone.
 */
@Service
public class PeopleSearch {

    static final int MAX = 30;

    private final JdbcClient jdbc;
    private final RecipientAccess access;
    private final OrgDirectory directory;
    private final ServiceRecordService records;

    PeopleSearch(JdbcClient jdbc, RecipientAccess access, OrgDirectory directory, ServiceRecordService records) {
        this.jdbc = jdbc;
        this.access = access;
        this.directory = directory;
        this.records = records;
    }

    private record Row(long id, String name, long stationId, long unitId, String idTail, String phone) {}

    /**
     * @param stationId limit to one station (null: every station in scope)
     * @param query what was typed; blank offers household members of {@code near} and recently served people
     * @param near people already picked (their household members come first)
     */
    @Transactional(readOnly = true)
    public List<PersonPick> search(Long stationId, String query, Collection<Long> near, Integer limit) {
        int max = limit == null ? 12 : Math.max(1, Math.min(MAX, limit));
        if (stationId != null) {
            access.requireVisibleStation(stationId);
        }
        Scope scope = access.scope();
        String q = query == null ? "" : query.strip();
        if (q.length() > 50) {
            q = q.substring(0, 50);
        }
        Set<Long> household = household(near == null ? List.of() : near);
        List<Long> recent = records.recentlyServed(50);
        List<Row> rows;
        if (q.isEmpty()) {
            Set<Long> ids = new LinkedHashSet<>(household);
            ids.addAll(recent);
            rows = byIds(scope, stationId, ids);
        } else {
            rows = matching(scope, stationId, q);
        }
        Set<Long> picked = near == null ? Set.of() : Set.copyOf(near);
        Map<Long, Integer> recentRank = new LinkedHashMap<>();
        for (int i = 0; i < recent.size(); i++) {
            recentRank.putIfAbsent(recent.get(i), i);
        }
        List<Row> ordered = new ArrayList<>(
                rows.stream().filter(r -> !picked.contains(r.id())).toList());
        ordered.sort(java.util.Comparator.<Row>comparingInt(r -> household.contains(r.id()) ? 0 : 1)
                .thenComparingInt(r -> recentRank.getOrDefault(r.id(), Integer.MAX_VALUE))
                .thenComparing(Row::name)
                .thenComparingLong(Row::id));
        List<Row> page = ordered.stream().limit(max).toList();
        Map<Long, String> units =
                directory.unitNames(page.stream().map(Row::unitId).distinct().toList());
        return page.stream()
                .map(r -> new PersonPick(
                        r.id(),
                        r.name(),
                        hint(units.get(r.unitId()), r.idTail(), r.phone()),
                        r.stationId(),
                        household.contains(r.id()) ? "同户" : recentRank.containsKey(r.id()) ? "最近服务" : null))
                .toList();
    }

    static String hint(String unitName, String idTail, String phone) {
        StringBuilder b = new StringBuilder(unitName == null ? "—" : unitName);
        if (idTail != null) {
            b.append(" · 身份证尾号").append(idTail);
        }
        if (phone != null && !phone.isBlank()) {
            b.append(" · ").append(PhoneNumbers.mask(phone.strip()));
        }
        return b.toString();
    }

    private static final String SELECT =
            "SELECT r.id, r.name, r.station_id, r.org_unit_id, r.id_tail, r.phone FROM recipient r WHERE "
                    + "r.merged_into_id IS NULL AND r.status = 'ACTIVE' AND ";

    private List<Row> byIds(Scope scope, Long stationId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(scope.likePatterns());
        StringBuilder sql = new StringBuilder(SELECT).append(scope.sqlCondition("r.org_path"));
        station(sql, params, stationId);
        sql.append(" AND r.id IN (").append("?,".repeat(ids.size() - 1)).append("?)");
        params.addAll(ids);
        return jdbc.sql(sql.toString()).params(params).query(PeopleSearch::row).list();
    }

    private List<Row> matching(Scope scope, Long stationId, String q) {
        List<Object> params = new ArrayList<>(scope.likePatterns());
        StringBuilder sql = new StringBuilder(SELECT).append(scope.sqlCondition("r.org_path"));
        station(sql, params, stationId);
        List<String> any = new ArrayList<>();
        if (q.matches("[0-9]{3}[0-9Xx]")) {
            any.add("r.id_tail = ?");
            params.add(q.toUpperCase());
        }
        if (q.matches("[0-9]{4,11}")) {
            any.add("r.phone LIKE ?");
            params.add("%" + q);
        }
        if (!q.matches("[0-9Xx]+")) {
            String like = "%" + RecipientStore.likeEscape(q) + "%";
            any.add("r.name LIKE ?");
            params.add(like);
            any.add("r.address LIKE ?");
            params.add(like);
            List<Long> villages = new ArrayList<>();
            for (OrgUnitType t : List.of(OrgUnitType.ROOM, OrgUnitType.STATION)) {
                directory.visibleUnits(t).stream()
                        .filter(u -> u.name() != null && u.name().contains(q))
                        .map(OrgUnitView::id)
                        .forEach(villages::add);
            }
            if (!villages.isEmpty()) {
                any.add("r.org_unit_id IN (" + "?,".repeat(villages.size() - 1) + "?)");
                params.addAll(villages);
            }
        }
        if (any.isEmpty()) {
            return List.of();
        }
        sql.append(" AND (").append(String.join(" OR ", any)).append(") ORDER BY r.name, r.id LIMIT 300");
        return jdbc.sql(sql.toString()).params(params).query(PeopleSearch::row).list();
    }

    private static void station(StringBuilder sql, List<Object> params, Long stationId) {
        if (stationId != null) {
            sql.append(" AND r.station_id = ?");
            params.add(stationId);
        }
    }

    /** People registered as household members (either direction) of the given people. */
    private Set<Long> household(Collection<Long> near) {
        if (near.isEmpty()) {
            return Set.of();
        }
        List<Long> ids = near.stream().distinct().limit(50).toList();
        String in = "(" + "?,".repeat(ids.size() - 1) + "?)";
        List<Object> params = new ArrayList<>(ids);
        params.addAll(ids);
        Set<Long> out =
                new LinkedHashSet<>(jdbc.sql("SELECT linked_recipient_id FROM recipient_member WHERE recipient_id IN "
                                + in
                                + " AND linked_recipient_id IS NOT NULL UNION SELECT recipient_id FROM recipient_member"
                                + " WHERE linked_recipient_id IN " + in)
                        .params(params)
                        .query((rs, i) -> rs.getLong(1))
                        .list());
        out.removeAll(ids);
        return out;
    }

    private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6));
    }
}
