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
 * Service records as facts for the indicator engine, from the stored qualification (no evidence is re-checked here),
 * in the catalog's vocabulary of record kinds and ledger domains. Monthly counts of whole months come from
 * service_record_month_count (V94), which RecordStore keeps with every write; only a partial first or last month is
 * grouped from the records.
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
    private final cn.sgz.catalog.ProjectQueries projects;
    /** The project whose records these are (null: every record, whatever its project). */
    private final Long project;
    /** Several projects computed together, read once for all (null: this project alone). */
    private final Batch batch;

    @org.springframework.beans.factory.annotation.Autowired
    ServiceRecordFacts(JdbcClient jdbc, cn.sgz.catalog.ProjectQueries projects) {
        this(jdbc, projects, null, null);
    }

    private ServiceRecordFacts(JdbcClient jdbc, cn.sgz.catalog.ProjectQueries projects, Long project, Batch batch) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.project = project;
        this.batch = batch;
    }

    /** Only the records tied to the project count (each record counts for exactly one project). */
    @Override
    public RecordFactSource forProject(long projectId) {
        return new ServiceRecordFacts(jdbc, projects, projectId, null);
    }

    /**
     * Each project's source answers as {@link #forProject} would, but each question (scan, kinds, dates) is read
     * once for every project of the computation: {@code project_id IN (…)} over the stations of all of them, grouped
     * by project as well, then sorted out per project and station in memory. A record counts for exactly one project
     * (its stored tie), so a project's rows are exactly those its own scan would read.
     */
    @Override
    public java.util.function.LongFunction<RecordFactSource> forProjects(
            Map<Long, ? extends Collection<Long>> stationsByProject) {
        Batch shared = new Batch(stationsByProject);
        return p -> new ServiceRecordFacts(jdbc, projects, p, stationsByProject.containsKey(p) ? shared : null);
    }

    /** The projects and stations of one combined computation, and what was read for them, by question. */
    private static final class Batch {
        final List<Long> projectIds;
        final List<Long> stations;
        final Map<List<Object>, Map<Long, List<Object[]>>> read = new java.util.HashMap<>();

        Batch(Map<Long, ? extends Collection<Long>> stationsByProject) {
            this.projectIds = List.copyOf(new java.util.TreeSet<>(stationsByProject.keySet()));
            Set<Long> all = new java.util.TreeSet<>();
            stationsByProject.values().forEach(all::addAll);
            this.stations = List.copyOf(all);
        }
    }

    /**
     * Rows of one question: from the batch (read once for every project, then this project's rows at the stations
     * asked) or read for this project alone. Each row is {project id, station id, the row}.
     */
    @SuppressWarnings("unchecked")
    private <T> List<T> rows(
            List<Object> question,
            Collection<Long> stationIds,
            java.util.function.BiFunction<String, Collection<Long>, List<Object[]>> read) {
        if (batch == null) {
            List<T> out = new ArrayList<>();
            read.apply(project == null ? "" : "= " + project, stationIds).forEach(r -> out.add((T) r[2]));
            return out;
        }
        Map<Long, List<Object[]>> byProject = batch.read.computeIfAbsent(question, q -> {
            Map<Long, List<Object[]>> m = new java.util.HashMap<>();
            read.apply("IN (" + ids(batch.projectIds) + ")", batch.stations)
                    .forEach(r -> m.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                            .add(r));
            return m;
        });
        Set<Long> asked = stationIds instanceof Set<Long> set ? set : new java.util.HashSet<>(stationIds);
        List<T> out = new ArrayList<>();
        for (Object[] r : byProject.getOrDefault(project, List.of())) {
            if (asked.contains((Long) r[1])) {
                out.add((T) r[2]);
            }
        }
        return out;
    }

    private static String projectIs(String column, String test) {
        return test.isEmpty() ? "" : column + " " + test + " AND ";
    }

    @Override
    public List<MonthlyCount> monthlyCounts(Collection<Long> stationIds, LocalDate from, LocalDate to) {
        return monthlyCounts(stationIds, null, from, to);
    }

    /**
     * Kinds null: every kind. Whole months come from service_record_month_count (V94), a partial first or last month
     * from the covering index idx_service_record_facts (see {@link #countsSql}).
     *
     * <p>The two scans spell their values as literals, not bind parameters: after a few executions
     * PostgreSQL plans a prepared statement once for any parameters, then misjudges how many records match
     * and leaves the covering index (measured on the benchmark's city: 53 ms instead of 7 ms per project).
     * Every value is typed (ids, enum names, dates), so nothing a user typed ends up in the SQL.
     */
    @Override
    public List<MonthlyCount> monthlyCounts(
            Collection<Long> stationIds, Set<ServiceKind> kinds, LocalDate from, LocalDate to) {
        return counts(stationIds, kinds, from, to, false);
    }

    /** The counting records marked 已录入全国平台 (entered in the national platform), grouped as above. */
    @Override
    public List<MonthlyCount> platformMonthlyCounts(
            Collection<Long> stationIds, Set<ServiceKind> kinds, LocalDate from, LocalDate to) {
        return counts(stationIds, kinds, from, to, true);
    }

    @Override
    public Set<Long> platformEntered(Collection<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT id FROM service_record WHERE platform_entered_on IS NOT NULL AND id IN ("
                        + ids(recordIds) + ")")
                .query(Long.class)
                .list());
    }

    private List<MonthlyCount> counts(
            Collection<Long> stationIds, Set<ServiceKind> kinds, LocalDate from, LocalDate to, boolean entered) {
        List<String> activityKinds = kinds == null
                ? List.of()
                : KINDS.entrySet().stream()
                        .filter(e -> kinds.contains(e.getValue()))
                        .map(e -> e.getKey().name())
                        .toList();
        if (stationIds.isEmpty() || (kinds != null && activityKinds.isEmpty())) {
            return List.of();
        }
        List<Object> question =
                java.util.Arrays.asList("counts", kinds == null ? null : Set.copyOf(kinds), from, to, entered);
        return this.<MonthlyCount>rows(
                question,
                stationIds,
                (projectTest, stations) -> jdbc
                        .sql(countsSql(projectTest, stations, kinds == null ? null : activityKinds, from, to, entered))
                        .query((rs, i) -> {
                            ServiceKind kind = KINDS.get(ServiceKind.valueOf(rs.getString(2)));
                            long project = rs.getLong(7);
                            return kind == null
                                    ? null
                                    : new Object[] {
                                        project == 0 ? null : project,
                                        rs.getLong(1),
                                        new MonthlyCount(
                                                rs.getLong(1),
                                                kind,
                                                domainOf(ServiceField.valueOf(rs.getString(3))),
                                                YearMonth.of(rs.getInt(4), rs.getInt(5)),
                                                rs.getLong(6))
                                    };
                        })
                        .list()
                        .stream()
                        .filter(java.util.Objects::nonNull)
                        .toList());
    }

    /**
     * One statement: the whole months of [from, to] from service_record_month_count (V94, kept by RecordStore with
     * every write), and only a partial first or last month (a period starting or an as-of date falling inside a
     * month) grouped from service_record itself. Each month is answered by exactly one of the two. Columns: station,
     * kind, field, year, month, count, project (0: none).
     */
    static String countsSql(
            String projectTest,
            Collection<Long> stations,
            List<String> activityKinds,
            LocalDate from,
            LocalDate to,
            boolean entered) {
        // the first whole month starts at or after from; whole months end at or before to
        LocalDate wholeFrom =
                from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate wholeUntil = to.equals(YearMonth.from(to).atEndOfMonth()) ? to.plusDays(1) : to.withDayOfMonth(1);
        String kindTest = activityKinds == null ? "" : "AND kind IN (" + names(activityKinds) + ") ";
        String where = projectIs("project_id", projectTest) + "station_id IN (" + ids(stations) + ") " + kindTest;
        List<String> scanned = new ArrayList<>();
        String kept = null;
        if (!wholeFrom.isBefore(wholeUntil)) {
            scanned.add("service_date BETWEEN " + date(from) + " AND " + date(to));
        } else {
            String column = entered ? "n_entered" : "n";
            kept = "SELECT station_id, kind, domain, EXTRACT(YEAR FROM month_start), EXTRACT(MONTH FROM month_start), "
                    + column + ", project_id FROM service_record_month_count WHERE " + where
                    + "AND month_start >= " + date(wholeFrom) + " AND month_start < " + date(wholeUntil) + " AND "
                    + column + " > 0";
            if (from.isBefore(wholeFrom)) {
                scanned.add("service_date BETWEEN " + date(from) + " AND " + date(wholeFrom.minusDays(1)));
            }
            if (!wholeUntil.isAfter(to)) {
                scanned.add("service_date BETWEEN " + date(wholeUntil) + " AND " + date(to));
            }
        }
        String scan = scanned.isEmpty()
                ? null
                : "SELECT station_id, kind, domain, EXTRACT(YEAR FROM service_date), EXTRACT(MONTH FROM service_date), "
                        + "COUNT(*), COALESCE(project_id, 0) FROM service_record WHERE " + where
                        + "AND (" + String.join(" OR ", scanned) + ") "
                        + "AND status = 'ACTIVE' AND qualification = 'COUNTS' "
                        + (entered ? "AND platform_entered_on IS NOT NULL " : "")
                        + "GROUP BY station_id, kind, domain, EXTRACT(YEAR FROM service_date), "
                        + "EXTRACT(MONTH FROM service_date), COALESCE(project_id, 0)";
        return kept == null ? scan : scan == null ? kept : kept + " UNION ALL " + scan;
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
        List<Object> question = List.of("recipients", Set.copyOf(kinds), from, to);
        return this.<RecipientMonthlyCount>rows(question, stationIds, (projectTest, stations) -> {
            Map<RecipientKey, long[]> counts = new LinkedHashMap<>();
            jdbc.sql("SELECT station_id, recipient_id, kind, service_date, project_id FROM service_person_fact "
                            + "WHERE " + projectIs("project_id", projectTest)
                            + "station_id IN (" + ids(stations) + ") AND kind IN (" + names(activityKinds) + ") "
                            + "AND service_date BETWEEN " + date(from) + " AND " + date(to))
                    .query((RowCallbackHandler) rs -> counts.computeIfAbsent(
                                    new RecipientKey(
                                            rs.getObject(5, Long.class),
                                            rs.getLong(1),
                                            rs.getLong(2),
                                            KINDS.get(ServiceKind.valueOf(rs.getString(3))),
                                            YearMonth.from(rs.getObject(4, LocalDate.class))),
                                    k -> new long[1])[0]++);
            List<Object[]> result = new ArrayList<>(counts.size());
            counts.forEach((k, n) -> result.add(new Object[] {
                k.project(),
                k.station(),
                new RecipientMonthlyCount(k.station(), k.recipient(), k.kind(), k.month(), n[0])
            }));
            return result;
        });
    }

    /** Records of the kinds with their audience and the people served: one scan, for indicators with a subtype. */
    @Override
    public List<AudienceFact> audienceFacts(
            Collection<Long> stationIds, Set<ServiceKind> kinds, LocalDate from, LocalDate to) {
        List<String> activityKinds = java.util.Arrays.stream(ServiceKind.values())
                .filter(k -> kinds.isEmpty() || kinds.contains(k))
                .map(ServiceKind::name)
                .toList();
        if (stationIds.isEmpty() || activityKinds.isEmpty()) {
            return List.of();
        }
        List<Object> question = List.of("audiences", Set.copyOf(kinds), from, to);
        return List.copyOf(this.<AudienceFact>rows(question, stationIds, (projectTest, stations) -> {
            Map<Long, Object[]> rows = new LinkedHashMap<>();
            jdbc.sql("SELECT r.id, r.station_id, r.kind, r.domain, r.service_date, r.audience, f.recipient_id, "
                            + "r.project_id FROM service_record r "
                            + "LEFT JOIN service_person_fact f ON f.record_id = r.id "
                            + "WHERE " + projectIs("r.project_id", projectTest)
                            + "r.station_id IN (" + ids(stations) + ") AND r.kind IN (" + names(activityKinds) + ") "
                            + "AND r.service_date BETWEEN " + date(from) + " AND " + date(to) + " "
                            + "AND r.status = 'ACTIVE' AND r.qualification = 'COUNTS'")
                    .query((RowCallbackHandler) rs -> {
                        Object[] row = rows.computeIfAbsent(rs.getLong(1), id -> {
                            try {
                                return new Object[] {
                                    rs.getObject(8, Long.class),
                                    rs.getLong(2),
                                    new AudienceFact(
                                            rs.getLong(2),
                                            id,
                                            ServiceKind.valueOf(rs.getString(3)),
                                            domainOf(ServiceField.valueOf(rs.getString(4))),
                                            rs.getObject(5, LocalDate.class),
                                            rs.getString(6),
                                            new java.util.HashSet<>())
                                };
                            } catch (java.sql.SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                        long person = rs.getLong(7);
                        if (!rs.wasNull()) {
                            ((AudienceFact) row[2]).recipients().add(person);
                        }
                    });
            return List.copyOf(rows.values());
        }));
    }

    private record RecipientKey(Long project, long station, long recipient, ServiceKind kind, YearMonth month) {}

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
        Map<Long, String> names = new java.util.HashMap<>();
        jdbc
                .sql("SELECT id, service_date, kind, domain, title, qualification, indoor, outdoor_reason, "
                        + "distributes_goods, no_goods_reason, project_id FROM service_record "
                        + "WHERE station_id = ? AND kind IN (" + marks(activityKinds.size()) + ") "
                        + "AND service_date BETWEEN ? AND ? AND status = 'ACTIVE' ORDER BY service_date, id")
                .params(params)
                .query((rs, i) -> {
                    LedgerDomain d = domainOf(ServiceField.valueOf(rs.getString(4)));
                    if (domain != null && domain != LedgerDomain.ALL && domain != d) {
                        return null;
                    }
                    ServiceKind kind = ServiceKind.valueOf(rs.getString(3));
                    Long tie = (Long) rs.getObject(11, Long.class);
                    boolean elsewhere = project != null && !project.equals(tie);
                    List<String> reasons = new ArrayList<>();
                    if (elsewhere) {
                        reasons.add(
                                tie == null
                                        ? "未计入任何项目（服务日期不在该站任何项目周期内）"
                                        : "已计入项目《" + projectName(names, tie) + "》，不重复计入本项目");
                    }
                    return new RecordRef(
                            rs.getLong(1),
                            rs.getObject(2, LocalDate.class),
                            KINDS.get(kind),
                            rs.getString(5),
                            !elsewhere && "COUNTS".equals(rs.getString(6)),
                            reasons,
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

    private String projectName(Map<Long, String> names, long id) {
        return names.computeIfAbsent(
                id,
                i -> projects.findUnscoped(i).map(cn.sgz.catalog.Project::name).orElse("#" + i));
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
