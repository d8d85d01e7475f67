package cn.sgz.activity.internal;

import cn.sgz.evidence.EvidenceFacts;
import cn.sgz.evidence.ReasonCode;
import cn.sgz.progress.RecordFactSource;
import cn.sgz.shared.vocabulary.LedgerDomain;
import cn.sgz.shared.vocabulary.ServiceField;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Service records as facts for the indicator engine: one grouped scan over the stored qualification
 * (no evidence is re-checked here), in the catalog's vocabulary of record kinds and ledger domains.
 */
@Component
class ServiceRecordFacts implements RecordFactSource {

    /**
     * Records and indicators speak the same {@link ServiceKind}s (one vocabulary); {@link ServiceKind#OTHER} counts
     * for no specific kind.
     */
    static final Map<ServiceKind, ServiceKind> KINDS = new EnumMap<>(ServiceKind.class);

    static {
        for (ServiceKind k : ServiceKind.values()) {
            if (k.countable()) {
                KINDS.put(k, k);
            }
        }
    }

    private final JdbcClient jdbc;

    ServiceRecordFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<MonthlyCount> monthlyCounts(Collection<Long> stationIds, LocalDate from, LocalDate to) {
        return monthlyCounts(stationIds, null, from, to);
    }

    /**
     * Kinds null: every kind. Reads the covering index idx_service_record_facts only.
     *
     * <p>The two scans spell their values as literals, not bind parameters: after a few executions
     * PostgreSQL plans a prepared statement once for any parameters, then misjudges how many records match
     * and leaves the covering index (measured on the benchmark's city: 53 ms instead of 7 ms per project).
     * Every value is typed (ids, enum names, dates), so nothing a user typed ends up in the SQL.
     */
    @Override
    public List<MonthlyCount> monthlyCounts(
            Collection<Long> stationIds, Set<ServiceKind> kinds, LocalDate from, LocalDate to) {
        List<String> activityKinds = kinds == null
                ? List.of()
                : KINDS.entrySet().stream()
                        .filter(e -> kinds.contains(e.getValue()))
                        .map(e -> e.getKey().name())
                        .toList();
        if (stationIds.isEmpty() || (kinds != null && activityKinds.isEmpty())) {
            return List.of();
        }
        return jdbc
                .sql(
                        "SELECT station_id, kind, domain, EXTRACT(YEAR FROM service_date) AS y, "
                                + "EXTRACT(MONTH FROM service_date) AS m, COUNT(*) FROM service_record "
                                + "WHERE station_id IN (" + ids(stationIds) + ") "
                                + (kinds == null ? "" : "AND kind IN (" + names(activityKinds) + ") ")
                                + "AND service_date BETWEEN " + date(from) + " AND " + date(to) + " "
                                + "AND status = 'ACTIVE' AND qualification = 'COUNTS' "
                                + "GROUP BY station_id, kind, domain, EXTRACT(YEAR FROM service_date), EXTRACT(MONTH FROM service_date)")
                .query((rs, i) -> {
                    ServiceKind kind = KINDS.get(ServiceKind.valueOf(rs.getString(2)));
                    return kind == null
                            ? null
                            : new MonthlyCount(
                                    rs.getLong(1),
                                    kind,
                                    domainOf(ServiceField.valueOf(rs.getString(3))),
                                    YearMonth.of(rs.getInt(4), rs.getInt(5)),
                                    rs.getLong(6));
                })
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    @Override
    public List<RecipientMonthlyCount> recipientMonthlyCounts(
            Collection<Long> stationIds, Set<ServiceKind> kinds, LocalDate from, LocalDate to) {
        List<String> activityKinds = KINDS.entrySet().stream()
                .filter(e -> kinds.contains(e.getValue()))
                .map(e -> e.getKey().name())
                .toList();
        if (stationIds.isEmpty() || activityKinds.isEmpty()) {
            return List.of();
        }
        // service_person_fact (V32) holds the people of counting records only, one row per (record, person),
        // so this is one index range per station and no join. Grouped here rather than in the database: there
        // are hardly fewer groups than rows (a person is seldom served twice a month in the same way).
        Map<RecipientKey, long[]> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT station_id, recipient_id, kind, service_date FROM service_person_fact "
                        + "WHERE station_id IN (" + ids(stationIds) + ") AND kind IN (" + names(activityKinds) + ") "
                        + "AND service_date BETWEEN " + date(from) + " AND " + date(to))
                .query((RowCallbackHandler) rs -> counts.computeIfAbsent(
                                new RecipientKey(
                                        rs.getLong(1),
                                        rs.getLong(2),
                                        KINDS.get(ServiceKind.valueOf(rs.getString(3))),
                                        YearMonth.from(rs.getObject(4, LocalDate.class))),
                                k -> new long[1])[0]++);
        List<RecipientMonthlyCount> result = new ArrayList<>(counts.size());
        counts.forEach(
                (k, n) -> result.add(new RecipientMonthlyCount(k.station(), k.recipient(), k.kind(), k.month(), n[0])));
        return result;
    }

    private record RecipientKey(long station, long recipient, ServiceKind kind, YearMonth month) {}

    @Override
    public List<RecordRef> records(
            long stationId, Set<ServiceKind> kinds, LedgerDomain domain, LocalDate from, LocalDate to) {
        List<String> activityKinds = KINDS.entrySet().stream()
                .filter(e -> kinds.isEmpty() || kinds.contains(e.getValue()))
                .map(e -> e.getKey().name())
                .toList();
        List<Object> params = new ArrayList<>();
        params.add(stationId);
        params.addAll(activityKinds);
        params.add(from);
        params.add(to);
        Map<Long, RecordRef> rows = new LinkedHashMap<>();
        jdbc
                .sql("SELECT id, service_date, kind, domain, title, qualification, indoor, outdoor_reason, "
                        + "distributes_goods, no_goods_reason FROM service_record "
                        + "WHERE station_id = ? AND kind IN (" + marks(activityKinds.size()) + ") "
                        + "AND service_date BETWEEN ? AND ? AND status = 'ACTIVE' ORDER BY service_date, id")
                .params(params)
                .query((rs, i) -> {
                    LedgerDomain d = domainOf(ServiceField.valueOf(rs.getString(4)));
                    if (domain != null && domain != LedgerDomain.ALL && domain != d) {
                        return null;
                    }
                    ServiceKind kind = ServiceKind.valueOf(rs.getString(3));
                    return new RecordRef(
                            rs.getLong(1),
                            rs.getObject(2, LocalDate.class),
                            KINDS.get(kind),
                            rs.getString(5),
                            "COUNTS".equals(rs.getString(6)),
                            new ArrayList<>(),
                            "/records/" + rs.getLong(1),
                            EvidenceFacts.relaxations(
                                    kind, rs.getBoolean(7), rs.getString(8), rs.getBoolean(9), rs.getString(10)));
                })
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .forEach(r -> rows.put(r.id(), r));
        if (!rows.isEmpty()) {
            jdbc.sql("SELECT record_id, code, detail FROM service_record_reason WHERE record_id IN ("
                            + marks(rows.size()) + ") ORDER BY id")
                    .params(new ArrayList<Object>(rows.keySet()))
                    .query((rs, i) -> {
                        ReasonCode code = ReasonCode.valueOf(rs.getString(2));
                        String detail = rs.getString(3);
                        rows.get(rs.getLong(1)).reasons().add(code.label() + (detail == null ? "" : "：" + detail));
                        return null;
                    })
                    .list();
        }
        return List.copyOf(rows.values());
    }

    static LedgerDomain domainOf(ServiceField d) {
        return d.ledger();
    }

    private static String ids(Collection<Long> ids) {
        return ids.stream().map(id -> Long.toString(id)).collect(java.util.stream.Collectors.joining(","));
    }

    private static String names(List<String> enumNames) {
        return enumNames.stream()
                .map(n -> {
                    if (!n.matches("[A-Z_]+")) {
                        throw new IllegalArgumentException(n);
                    }
                    return "'" + n + "'";
                })
                .collect(java.util.stream.Collectors.joining(","));
    }

    private static String date(LocalDate d) {
        return "DATE '" + d + "'";
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
