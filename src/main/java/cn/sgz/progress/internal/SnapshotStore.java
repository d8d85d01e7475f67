package cn.sgz.progress.internal;

import cn.sgz.org.Scope;
import cn.sgz.progress.IndicatorResult;
import cn.sgz.progress.StationCompliance;
import cn.sgz.shared.ChinaTime;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compliance snapshot table (V82): per project and station, the indicators as the engine last computed them,
 * when, and since when facts behind them have changed. Rows hold every station of a project, unscoped; whoever reads
 * them filters by the reader's scope ({@code ComplianceService}). Writes run in transactions of their own, so a
 * claim is visible to other instances before the computation it guards starts.
 */
@Component
public class SnapshotStore {

    private static final TypeReference<List<IndicatorResult>> ROWS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate own;

    SnapshotStore(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.json = json;
        this.own = new TransactionTemplate(tx);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * One stored station: its figures, the station's org path, when computed and since when stale (or null).
     * {@code inScope} false: the station is outside the reader's scope, its figures were neither read nor parsed
     * (empty) and the row only tells whether the project's snapshot exists and is due.
     */
    public record Row(
            StationCompliance station, String orgPath, Instant computedAt, Instant staleSince, boolean inScope) {}

    /** Every stored station of these projects, in one statement, figures of every station (unscoped). */
    public List<Row> read(Collection<Long> projectIds) {
        return read(projectIds, null);
    }

    /**
     * Every stored station of these projects, in one statement while the figures are those parsed before (each write
     * gives them a new key, read instead of the figures); the stored figures (payload) are read (a second statement)
     * and parsed only when new, and only for stations whose org path is in {@code scope} (null: all), filtered in SQL
     * by the path prefix as other scoped queries are. Rows outside the scope still come back (without figures) so the caller can tell a project that
     * has no snapshot from one whose stations lie outside the reader's scope.
     */
    public List<Row> read(Collection<Long> projectIds, Scope scope) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        String inScope;
        if (scope == null) {
            inScope = "TRUE AS in_scope";
        } else {
            inScope = "CASE WHEN " + scope.sqlCondition("org_path") + " THEN TRUE ELSE FALSE END AS in_scope";
            params.addAll(scope.likePatterns());
        }
        params.addAll(projectIds);
        String in = String.join(",", java.util.Collections.nCopies(projectIds.size(), "?"));
        // the figures' key first, not the figures: those parsed before under the same key are current
        List<Stored> stored = jdbc.sql("SELECT project_id, station_id, org_path, station_name, as_of, computed_at, "
                        + "stale_since, payload_key, " + inScope + " FROM compliance_snapshot WHERE project_id IN ("
                        + in + ") ORDER BY project_id, station_id")
                .params(params)
                .query((rs, n) -> new Stored(
                        rs.getLong("project_id"),
                        rs.getLong("station_id"),
                        rs.getString("org_path"),
                        rs.getString("station_name"),
                        rs.getObject("as_of", LocalDate.class),
                        instant(rs.getObject("computed_at", OffsetDateTime.class)),
                        instant(rs.getObject("stale_since", OffsetDateTime.class)),
                        rs.getString("payload_key"),
                        rs.getBoolean("in_scope")))
                .list();
        Map<List<Long>, Stored> missing = new java.util.LinkedHashMap<>();
        Map<List<Long>, Parsed> figures = new HashMap<>();
        for (Stored r : stored) {
            List<Long> key = List.of(r.projectId(), r.stationId());
            Parsed known = parsed.get(key);
            if (!r.inScope()) {
                continue;
            }
            if (r.payloadKey() == null || known == null || !r.payloadKey().equals(known.key())) {
                missing.put(key, r);
            } else {
                figures.put(key, known);
            }
        }
        Map<List<Long>, Stored> fresh = new HashMap<>();
        if (!missing.isEmpty()) {
            // the figures of the stations not parsed yet (or changed since), with what they were written with
            Set<Long> projects = new java.util.TreeSet<>();
            Set<Long> stations = new java.util.TreeSet<>();
            missing.keySet().forEach(k -> {
                projects.add(k.get(0));
                stations.add(k.get(1));
            });
            jdbc.sql("SELECT project_id, station_id, org_path, station_name, as_of, computed_at, stale_since, "
                            + "payload_key, payload FROM compliance_snapshot WHERE project_id IN (:projects) "
                            + "AND station_id IN (:stations)")
                    .param("projects", projects)
                    .param("stations", stations)
                    .query((rs, n) -> {
                        List<Long> key = List.of(rs.getLong("project_id"), rs.getLong("station_id"));
                        Stored was = missing.get(key);
                        if (was != null) {
                            String payloadKey = rs.getString("payload_key");
                            figures.put(key, parse(key, payloadKey, rs.getString("payload")));
                            fresh.put(
                                    key,
                                    new Stored(
                                            was.projectId(),
                                            was.stationId(),
                                            rs.getString("org_path"),
                                            rs.getString("station_name"),
                                            rs.getObject("as_of", LocalDate.class),
                                            instant(rs.getObject("computed_at", OffsetDateTime.class)),
                                            instant(rs.getObject("stale_since", OffsetDateTime.class)),
                                            payloadKey,
                                            true));
                        }
                        return null;
                    })
                    .list();
        }
        List<Row> out = new ArrayList<>(stored.size());
        for (Stored r : stored) {
            List<Long> key = List.of(r.projectId(), r.stationId());
            Stored s = fresh.getOrDefault(key, r);
            List<IndicatorResult> rows = List.of();
            if (r.inScope()) {
                Parsed p = figures.get(key);
                if (p == null) {
                    continue; // deleted between the two reads
                }
                rows = p.rows();
            }
            out.add(new Row(
                    new StationCompliance(s.projectId(), s.stationId(), s.stationName(), s.asOf(), rows),
                    s.orgPath(),
                    s.computedAt(),
                    s.staleSince(),
                    r.inScope()));
        }
        return out;
    }

    /** A stored row without its figures. */
    private record Stored(
            long projectId,
            long stationId,
            String orgPath,
            String stationName,
            LocalDate asOf,
            Instant computedAt,
            Instant staleSince,
            String payloadKey,
            boolean inScope) {}

    /**
     * Parses a row's figures and keeps them under the key they were written with. Parsing every station's JSON on
     * every home page load was a tenth of the page's CPU, and reading it a good part of the rest on PostgreSQL; the
     * figures are the same for every reader (only rows in the reader's scope are shown, see
     * {@link #read(Collection, Scope)}), so sharing them shows nobody anything they could not read anyway. A row
     * written before keys existed (null) is parsed again at every read.
     */
    private Parsed parse(List<Long> station, String payloadKey, String payload) {
        Parsed p = new Parsed(payloadKey, List.copyOf(json.readValue(payload, ROWS)));
        if (parsed.size() >= PARSED_LIMIT) {
            parsed.clear();
        }
        if (payloadKey != null) {
            parsed.put(station, p);
        }
        return p;
    }

    /** Figures parsed, under the key of the write they came from (null: a row from before keys, never reused). */
    private record Parsed(String key, List<IndicatorResult> rows) {}

    /** At most this many stations' parsed figures are kept (a city has a few hundred). */
    private static final int PARSED_LIMIT = 5000;

    private final Map<List<Long>, Parsed> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Replaces a project's rows with freshly computed ones. A row whose version moved since {@link #versions} was read
     * before the computation (a write committed while the engine was reading) stays stale, so no change is lost to a
     * computation that began before it. Versions, not times: the guard holds whatever the clocks say.
     */
    public void write(long projectId, List<StationCompliance> stations, Map<Long, String> paths, Map<Long, Long> seen) {
        Timestamp now = Timestamp.from(ChinaTime.now());
        own.executeWithoutResult(tx -> {
            List<Long> ids = new ArrayList<>();
            for (StationCompliance sc : stations) {
                ids.add(sc.stationId());
                String payload = json.writeValueAsString(sc.indicators());
                String path = paths.getOrDefault(sc.stationId(), "/");
                String payloadKey = java.util.UUID.randomUUID().toString();
                int updated = jdbc.sql("UPDATE compliance_snapshot SET org_path = :path, station_name = :name,"
                                + " as_of = :asOf, computed_at = :now, payload = :payload, payload_key = :key,"
                                + " stale_since = CASE WHEN version = :seen THEN NULL ELSE stale_since END"
                                + " WHERE project_id = :p AND station_id = :s")
                        .param("path", path)
                        .param("name", sc.stationName())
                        .param("asOf", sc.asOf())
                        .param("now", now)
                        .param("payload", payload)
                        .param("key", payloadKey)
                        .param("seen", seen.getOrDefault(sc.stationId(), -1L))
                        .param("p", projectId)
                        .param("s", sc.stationId())
                        .update();
                if (updated == 0) {
                    jdbc.sql("INSERT INTO compliance_snapshot (project_id, station_id, org_path, station_name, as_of,"
                                    + " computed_at, payload, payload_key)"
                                    + " VALUES (:p, :s, :path, :name, :asOf, :now, :payload, :key)")
                            .param("key", payloadKey)
                            .param("p", projectId)
                            .param("s", sc.stationId())
                            .param("path", path)
                            .param("name", sc.stationName())
                            .param("asOf", sc.asOf())
                            .param("now", now)
                            .param("payload", payload)
                            .update();
                }
            }
            if (ids.isEmpty()) {
                jdbc.sql("DELETE FROM compliance_snapshot WHERE project_id = :p")
                        .param("p", projectId)
                        .update();
            } else {
                jdbc.sql("DELETE FROM compliance_snapshot WHERE project_id = :p AND station_id NOT IN (:ids)")
                        .param("p", projectId)
                        .param("ids", ids)
                        .update();
            }
        });
    }

    /**
     * Marks stale the stations a change under {@code orgPath} may touch: the station it happened in (or under, e.g. a
     * village room), and every station under a county or city unit it names. A null path marks every row.
     */
    public int markStale(String orgPath) {
        Timestamp now = Timestamp.from(ChinaTime.now());
        if (orgPath == null || orgPath.isBlank()) {
            return jdbc.sql("UPDATE compliance_snapshot SET stale_since = COALESCE(stale_since, :now),"
                            + " version = version + 1")
                    .param("now", now)
                    .update();
        }
        return jdbc.sql("UPDATE compliance_snapshot SET stale_since = COALESCE(stale_since, :now),"
                        + " version = version + 1 WHERE org_path LIKE :prefix OR :path LIKE org_path || '%'")
                .param("now", now)
                .param("prefix", orgPath + "%")
                .param("path", orgPath)
                .update();
    }

    /** Each stored station's version (bumped by every change), read before a computation. */
    public Map<Long, Long> versions(long projectId) {
        Map<Long, Long> out = new java.util.HashMap<>();
        jdbc.sql("SELECT station_id, version FROM compliance_snapshot WHERE project_id = :p")
                .param("p", projectId)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Marks one project's rows stale (a refresh asked for by hand). */
    public void markProjectStale(long projectId) {
        jdbc.sql("UPDATE compliance_snapshot SET stale_since = COALESCE(stale_since, :now),"
                        + " version = version + 1 WHERE project_id = :p")
                .param("now", Timestamp.from(ChinaTime.now()))
                .param("p", projectId)
                .update();
    }

    /** Projects whose rows are stale, older than {@code oldest}, or computed for an earlier day than {@code today}. */
    public List<Long> projectsToRefresh(Instant oldest, LocalDate today) {
        return jdbc.sql("SELECT DISTINCT project_id FROM compliance_snapshot"
                        + " WHERE stale_since IS NOT NULL OR computed_at < :oldest OR as_of < :today")
                .param("oldest", Timestamp.from(oldest))
                .param("today", today)
                .query(Long.class)
                .list();
    }

    /**
     * Claims a project's refresh for at most five minutes; false while another refresher (any instance) holds it.
     * A lease is technical time, not business time: it runs on the database's clock, shared by all instances.
     */
    public boolean claim(long projectId) {
        try {
            Integer done = own.execute(tx -> {
                jdbc.sql("DELETE FROM compliance_snapshot_claim WHERE project_id = :p"
                                + " AND claimed_until < CURRENT_TIMESTAMP")
                        .param("p", projectId)
                        .update();
                return jdbc.sql("INSERT INTO compliance_snapshot_claim (project_id, claimed_until)"
                                + " VALUES (:p, CURRENT_TIMESTAMP + INTERVAL '5' MINUTE)")
                        .param("p", projectId)
                        .update();
            });
            return done != null && done > 0;
        } catch (DataIntegrityViolationException held) {
            return false; // another refresher holds it
        }
    }

    public void release(long projectId) {
        own.executeWithoutResult(tx -> jdbc.sql("DELETE FROM compliance_snapshot_claim WHERE project_id = :p")
                .param("p", projectId)
                .update());
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
