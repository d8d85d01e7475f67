package cn.sgz.community.internal;

import cn.sgz.activity.RecordSummaries.RecordSummary;
import cn.sgz.catalog.EntityType;
import cn.sgz.progress.EntityFactSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Community entities as facts for the indicator engine. An entity counts when it exists on {@code asOf} and
 * was created in [from, asOf] or was active then — active meaning a linked service record that counts (an
 * organisation's activity or training, a volunteer's service, a backbone member's training). Each type is a
 * couple of grouped scans plus one look-up of the stored qualification of the records involved.
 */
@Component
class CommunityFacts implements EntityFactSource {

    private static final Set<EntityType> TYPES = EnumSet.of(
            EntityType.COMMUNITY_ORG,
            EntityType.BACKBONE_MEMBER,
            EntityType.VOLUNTEER,
            EntityType.VOLUNTEER_TEAM,
            EntityType.TRAINED_WORKER,
            EntityType.ASSISTED_STATION,
            EntityType.SERVICE_BRAND);

    private final JdbcClient jdbc;
    private final RecordBridge records;
    /** One computation over several station sets, read once for all (null: read for the stations asked). */
    private final Shared shared;

    @org.springframework.beans.factory.annotation.Autowired
    CommunityFacts(JdbcClient jdbc, RecordBridge records) {
        this(jdbc, records, null);
    }

    private CommunityFacts(JdbcClient jdbc, RecordBridge records, Shared shared) {
        this.jdbc = jdbc;
        this.records = records;
        this.shared = shared;
    }

    /**
     * Reads each question once for all the stations and answers each station set as a read of its own would: an
     * entity of a station asked about counts as active only through links (services, trainings) at stations asked
     * about, as in a read of those stations alone.
     */
    @Override
    public EntityFactSource sharedFor(Collection<Long> allStations) {
        return new CommunityFacts(jdbc, records, new Shared(List.copyOf(new java.util.TreeSet<>(allStations))));
    }

    /** The stations of one combined computation and what was read for them, by question. */
    private record Shared(List<Long> stations, Map<List<Object>, Object> read) {
        Shared(List<Long> stations) {
            this(stations, new HashMap<>());
        }
    }

    /**
     * Rows of one read: for the stations asked, or (shared) read once for all stations and kept to the rows at the
     * stations asked ({@code station} tells a row's station: an entity's own, a link's where it happened).
     */
    @SuppressWarnings("unchecked")
    private <T> List<T> rows(
            List<Object> question,
            Collection<Long> stationIds,
            java.util.function.Function<List<Long>, List<T>> read,
            java.util.function.ToLongFunction<T> station) {
        if (shared == null) {
            return read.apply(List.copyOf(stationIds));
        }
        List<T> all = (List<T>) shared.read().computeIfAbsent(question, q -> read.apply(shared.stations()));
        Set<Long> asked = new HashSet<>(stationIds);
        List<T> out = new ArrayList<>();
        for (T row : all) {
            if (asked.contains(station.applyAsLong(row))) {
                out.add(row);
            }
        }
        return out;
    }

    /** The stored qualification of records; shared: read once for the records of every link of a type. */
    @SuppressWarnings("unchecked")
    private Map<Long, RecordSummary> summaries(List<Object> question, List<Link> links) {
        java.util.function.Supplier<Map<Long, RecordSummary>> read = () ->
                records.summaries(links.stream().map(Link::recordId).distinct().toList());
        if (shared == null) {
            return read.get();
        }
        return (Map<Long, RecordSummary>) shared.read().computeIfAbsent(question, q -> {
            // every link of the type at every station (the question's links), not only those asked now
            List<Link> all = (List<Link>) shared.read().get(question.subList(1, question.size()));
            return records.summaries((all == null ? links : all)
                    .stream().map(Link::recordId).distinct().toList());
        });
    }

    @Override
    public Set<EntityType> entityTypes() {
        return TYPES;
    }

    /** An entity of a station, when it began and its name. */
    private record Entity(long stationId, long id, LocalDate since, String name) {}

    /** (entity, record) pairs: the entity was active in that record, at that station; hours where they matter. */
    private record Link(long entityId, long recordId, BigDecimal hours, long stationId) {}

    @Override
    public Map<Long, Long> count(Collection<Long> stationIds, EntityType type, LocalDate from, LocalDate asOf) {
        Map<Long, Long> out = new HashMap<>();
        counted(stationIds, type, from, asOf).forEach(e -> out.merge(e.stationId(), 1L, Long::sum));
        return out;
    }

    /** Every type but trained workers (counted by their trainings) has the date it began or was achieved. */
    @Override
    public boolean keepsStartDates(EntityType type) {
        return TYPES.contains(type) && type != EntityType.TRAINED_WORKER;
    }

    /** Entities existing on asOf that began in [from, asOf] (activity within the period does not matter). */
    @Override
    public Map<Long, Long> countStarted(Collection<Long> stationIds, EntityType type, LocalDate from, LocalDate asOf) {
        Map<Long, Long> out = new HashMap<>();
        counted(stationIds, type, from, asOf).stream()
                .filter(e -> e.since() != null
                        && !e.since().isBefore(from)
                        && !e.since().isAfter(asOf))
                .forEach(e -> out.merge(e.stationId(), 1L, Long::sum));
        return out;
    }

    @Override
    public List<String> countedItems(long stationId, EntityType type, LocalDate from, LocalDate asOf) {
        return counted(List.of(stationId), type, from, asOf).stream()
                .map(e -> e.since() == null ? e.name() : e.name() + "（" + e.since() + " 起）")
                .sorted()
                .toList();
    }

    /**
     * COVERAGE over volunteers: how many volunteers a station has on {@code asOf} and how many of them are
     * registered in the national volunteer system (全国志愿服务信息系统, a national number on file).
     */
    @Override
    public Map<Long, Share> share(Collection<Long> stationIds, EntityType type, String condition, LocalDate asOf) {
        if (type != EntityType.VOLUNTEER || condition == null || !condition.contains("注册")) {
            return null;
        }
        Map<Long, Share> out = new HashMap<>();
        if (stationIds.isEmpty()) {
            return out;
        }
        record Row(long station, Share share) {}
        rows(
                        List.of("share", asOf),
                        stationIds,
                        stations -> jdbc.sql("SELECT station_id, COUNT(*), SUM(CASE WHEN national_no IS NOT NULL "
                                        + "AND national_no <> '' THEN 1 ELSE 0 END) FROM volunteer WHERE station_id IN "
                                        + "(:stations) AND joined_on <= :asOf AND (left_on IS NULL OR left_on > :asOf) "
                                        + "GROUP BY station_id")
                                .param("stations", stations)
                                .param("asOf", asOf)
                                .query((rs, n) -> new Row(rs.getLong(1), new Share(rs.getLong(2), rs.getLong(3))))
                                .list(),
                        Row::station)
                .forEach(r -> out.put(r.station(), r.share()));
        return out;
    }

    /** The entities {@link #count} counts: existing on asOf and begun in [from, asOf] or active in it. */
    private List<Entity> counted(Collection<Long> stationIds, EntityType type, LocalDate from, LocalDate asOf) {
        if (stationIds.isEmpty() || asOf.isBefore(from)) {
            return List.of();
        }
        List<Long> stations = List.copyOf(stationIds);
        return switch (type) {
            case COMMUNITY_ORG ->
                active(
                        type,
                        entities(type, "community_org", "founded_on", "dissolved_on", stations, asOf, ""),
                        links(type, """
                            SELECT org_id, record_id, 0, station_id FROM community_org_record
                            WHERE station_id IN (:stations)
                            UNION ALL
                            SELECT org_id, record_id, 0, station_id FROM community_training
                            WHERE station_id IN (:stations) AND org_id IS NOT NULL""", stations),
                        from,
                        asOf);
            case BACKBONE_MEMBER ->
                active(
                        type,
                        entities(type, "community_org_member", "joined_on", "left_on", stations, asOf, "AND backbone"),
                        links(type, """
                            SELECT a.member_id, t.record_id, a.hours, t.station_id FROM community_training_attendee a
                            JOIN community_training t ON t.id = a.training_id
                            WHERE t.station_id IN (:stations) AND a.member_id IS NOT NULL""", stations),
                        from,
                        asOf);
            case VOLUNTEER ->
                active(
                        type,
                        entities(type, "volunteer", "joined_on", "left_on", stations, asOf, ""),
                        links(
                                type,
                                "SELECT volunteer_id, record_id, hours, station_id FROM volunteer_service "
                                        + "WHERE station_id IN (:stations)",
                                stations),
                        from,
                        asOf);
            case VOLUNTEER_TEAM ->
                active(
                        type,
                        entities(type, "volunteer_team", "founded_on", "dissolved_on", stations, asOf, ""),
                        links(type, """
                            SELECT v.team_id, s.record_id, s.hours, s.station_id FROM volunteer_service s
                            JOIN volunteer v ON v.id = s.volunteer_id
                            WHERE s.station_id IN (:stations) AND v.team_id IS NOT NULL""", stations),
                        from,
                        asOf);
            case TRAINED_WORKER -> trainedWorkers(stations, from, asOf);
            case ASSISTED_STATION, SERVICE_BRAND -> achievements(stations, type, from, asOf);
            default -> List.of();
        };
    }

    /**
     * TRAINED_WORKER: one fact per community worker trained in [from, to] with the hours of every counting
     * training, dated on the last one, so that AVERAGE_PER_ENTITY gives the hours per trained worker.
     */
    @Override
    public List<AmountFact> amounts(Collection<Long> stationIds, EntityType type, LocalDate from, LocalDate to) {
        if (type != EntityType.TRAINED_WORKER || stationIds.isEmpty() || to.isBefore(from)) {
            return List.of();
        }
        Map<Long, long[]> station = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        trainees(List.copyOf(stationIds)).forEach(t -> {
            station.put(t.id(), new long[] {t.stationId()});
            names.put(t.id(), t.name());
        });
        Map<Long, BigDecimal> hours = new HashMap<>();
        Map<Long, LocalDate> last = new HashMap<>();
        forCounting(EntityType.TRAINED_WORKER, workerLinks(List.copyOf(stationIds)), from, to, (link, date) -> {
            hours.merge(link.entityId(), link.hours(), BigDecimal::add);
            last.merge(link.entityId(), date, (a, b) -> a.isAfter(b) ? a : b);
        });
        List<AmountFact> out = new ArrayList<>();
        hours.forEach((trainee, h) -> out.add(new AmountFact(
                station.get(trainee)[0],
                trainee,
                last.get(trainee),
                h,
                names.get(trainee) + " 累计培训 " + h.stripTrailingZeros().toPlainString() + " 小时")));
        return out;
    }

    private List<Entity> trainedWorkers(List<Long> stations, LocalDate from, LocalDate asOf) {
        Map<Long, Entity> trainees = new HashMap<>();
        trainees(stations).forEach(t -> trainees.put(t.id(), t));
        Set<Long> trained = new HashSet<>();
        forCounting(
                EntityType.TRAINED_WORKER,
                workerLinks(stations),
                from,
                asOf,
                (link, date) -> trained.add(link.entityId()));
        return trained.stream()
                .map(trainees::get)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** Community workers on the stations' trainee lists (as entities without a start date). */
    private List<Entity> trainees(List<Long> stations) {
        return rows(
                List.of("trainees"),
                stations,
                s -> jdbc.sql("SELECT id, station_id, name FROM community_trainee WHERE station_id IN (:stations)")
                        .param("stations", s)
                        .query((rs, n) -> new Entity(rs.getLong(2), rs.getLong(1), null, rs.getString(3)))
                        .list(),
                Entity::stationId);
    }

    /** 建设成果 of the type achieved in [from, asOf] (they do not end, so existing on asOf is implied). */
    private List<Entity> achievements(List<Long> stations, EntityType type, LocalDate from, LocalDate asOf) {
        return rows(
                List.of("achievements", type, from, asOf),
                stations,
                s -> jdbc.sql("SELECT station_id, id, achieved_on, name FROM community_achievement WHERE station_id "
                                + "IN (:stations) AND kind = :kind AND achieved_on BETWEEN :from AND :asOf")
                        .param("stations", s)
                        .param("kind", type.name())
                        .param("from", from)
                        .param("asOf", asOf)
                        .query((rs, n) -> new Entity(
                                rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4)))
                        .list(),
                Entity::stationId);
    }

    private List<Link> workerLinks(List<Long> stations) {
        return links(EntityType.TRAINED_WORKER, """
                SELECT a.trainee_id, t.record_id, a.hours, t.station_id FROM community_training_attendee a
                JOIN community_training t ON t.id = a.training_id
                WHERE t.station_id IN (:stations) AND t.audience = 'WORKER' AND a.trainee_id IS NOT NULL""", stations);
    }

    private List<Entity> entities(
            EntityType type,
            String table,
            String since,
            String until,
            List<Long> stations,
            LocalDate asOf,
            String extra) {
        return rows(
                List.of("entities", type, asOf),
                stations,
                s -> jdbc.sql("SELECT station_id, id, " + since + ", name FROM " + table
                                + " WHERE station_id IN (:stations) AND " + since + " <= :asOf AND (" + until
                                + " IS NULL OR " + until + " > :asOf) " + extra)
                        .param("stations", s)
                        .param("asOf", asOf)
                        .query((rs, n) -> new Entity(
                                rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4)))
                        .list(),
                Entity::stationId);
    }

    /** A type's links at the stations (where each happened); shared: every link of the type read once. */
    private List<Link> links(EntityType type, String sql, List<Long> stations) {
        return rows(
                List.of("links", type),
                stations,
                s -> jdbc.sql(sql)
                        .param("stations", s)
                        .query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getLong(4)))
                        .list(),
                Link::stationId);
    }

    /** Entities that began in [from, asOf] or have a counting record dated in it. */
    private List<Entity> active(
            EntityType type, List<Entity> entities, List<Link> links, LocalDate from, LocalDate asOf) {
        Set<Long> activeIds = new HashSet<>();
        Set<Long> wanted = new HashSet<>();
        entities.forEach(e -> wanted.add(e.id()));
        forCounting(
                type,
                links.stream().filter(l -> wanted.contains(l.entityId())).toList(),
                from,
                asOf,
                (link, date) -> activeIds.add(link.entityId()));
        Predicate<Entity> counts = e -> !e.since().isBefore(from) || activeIds.contains(e.id());
        return entities.stream().filter(counts).toList();
    }

    /** Calls back for every link whose record counts and is dated in [from, to]. */
    private void forCounting(
            EntityType type,
            List<Link> links,
            LocalDate from,
            LocalDate to,
            java.util.function.BiConsumer<Link, LocalDate> action) {
        Map<Long, RecordSummary> s = summaries(List.of("summaries", "links", type), links);
        for (Link l : links) {
            RecordSummary r = s.get(l.recordId());
            if (r != null
                    && r.counts()
                    && !r.serviceDate().isBefore(from)
                    && !r.serviceDate().isAfter(to)) {
                action.accept(l, r.serviceDate());
            }
        }
    }
}
