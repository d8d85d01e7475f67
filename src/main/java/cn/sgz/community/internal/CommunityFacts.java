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

    CommunityFacts(JdbcClient jdbc, RecordBridge records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    @Override
    public Set<EntityType> entityTypes() {
        return TYPES;
    }

    /** An entity of a station, when it began and its name. */
    private record Entity(long stationId, long id, LocalDate since, String name) {}

    /** (entity, record) pairs: the entity was active in that record; hours where they matter. */
    private record Link(long entityId, long recordId, BigDecimal hours) {}

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
        jdbc.sql("SELECT station_id, COUNT(*), SUM(CASE WHEN national_no IS NOT NULL AND national_no <> '' "
                        + "THEN 1 ELSE 0 END) FROM volunteer WHERE station_id IN (:stations) AND joined_on <= :asOf "
                        + "AND (left_on IS NULL OR left_on > :asOf) GROUP BY station_id")
                .param("stations", List.copyOf(stationIds))
                .param("asOf", asOf)
                .query((rs, n) -> out.put(rs.getLong(1), new Share(rs.getLong(2), rs.getLong(3))))
                .list();
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
                        entities("community_org", "founded_on", "dissolved_on", stations, asOf),
                        links("""
                            SELECT org_id, record_id, 0 FROM community_org_record WHERE station_id IN (:stations)
                            UNION ALL
                            SELECT org_id, record_id, 0 FROM community_training
                            WHERE station_id IN (:stations) AND org_id IS NOT NULL""", stations),
                        from,
                        asOf);
            case BACKBONE_MEMBER ->
                active(
                        entities("community_org_member", "joined_on", "left_on", stations, asOf, "AND backbone"),
                        links("""
                            SELECT a.member_id, t.record_id, a.hours FROM community_training_attendee a
                            JOIN community_training t ON t.id = a.training_id
                            WHERE t.station_id IN (:stations) AND a.member_id IS NOT NULL""", stations),
                        from,
                        asOf);
            case VOLUNTEER ->
                active(
                        entities("volunteer", "joined_on", "left_on", stations, asOf),
                        links(
                                "SELECT volunteer_id, record_id, hours FROM volunteer_service WHERE station_id IN (:stations)",
                                stations),
                        from,
                        asOf);
            case VOLUNTEER_TEAM ->
                active(
                        entities("volunteer_team", "founded_on", "dissolved_on", stations, asOf),
                        links("""
                            SELECT v.team_id, s.record_id, s.hours FROM volunteer_service s
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
        jdbc.sql("SELECT id, station_id, name FROM community_trainee WHERE station_id IN (:stations)")
                .param("stations", List.copyOf(stationIds))
                .query((rs, n) -> {
                    station.put(rs.getLong(1), new long[] {rs.getLong(2)});
                    names.put(rs.getLong(1), rs.getString(3));
                    return null;
                })
                .list();
        Map<Long, BigDecimal> hours = new HashMap<>();
        Map<Long, LocalDate> last = new HashMap<>();
        forCounting(workerLinks(List.copyOf(stationIds)), from, to, (link, date) -> {
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
        jdbc.sql("SELECT id, station_id, name FROM community_trainee WHERE station_id IN (:stations)")
                .param("stations", stations)
                .query((rs, n) ->
                        trainees.put(rs.getLong(1), new Entity(rs.getLong(2), rs.getLong(1), null, rs.getString(3))))
                .list();
        Set<Long> trained = new HashSet<>();
        forCounting(workerLinks(stations), from, asOf, (link, date) -> trained.add(link.entityId()));
        return trained.stream()
                .map(trainees::get)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** 建设成果 of the type achieved in [from, asOf] (they do not end, so existing on asOf is implied). */
    private List<Entity> achievements(List<Long> stations, EntityType type, LocalDate from, LocalDate asOf) {
        return jdbc.sql("SELECT station_id, id, achieved_on, name FROM community_achievement WHERE station_id IN "
                        + "(:stations) AND kind = :kind AND achieved_on BETWEEN :from AND :asOf")
                .param("stations", stations)
                .param("kind", type.name())
                .param("from", from)
                .param("asOf", asOf)
                .query((rs, n) ->
                        new Entity(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4)))
                .list();
    }

    private List<Link> workerLinks(List<Long> stations) {
        return links("""
                SELECT a.trainee_id, t.record_id, a.hours FROM community_training_attendee a
                JOIN community_training t ON t.id = a.training_id
                WHERE t.station_id IN (:stations) AND t.audience = 'WORKER' AND a.trainee_id IS NOT NULL""", stations);
    }

    private List<Entity> entities(String table, String since, String until, List<Long> stations, LocalDate asOf) {
        return entities(table, since, until, stations, asOf, "");
    }

    private List<Entity> entities(
            String table, String since, String until, List<Long> stations, LocalDate asOf, String extra) {
        return jdbc.sql("SELECT station_id, id, " + since + ", name FROM " + table
                        + " WHERE station_id IN (:stations) AND " + since + " <= :asOf AND (" + until + " IS NULL OR "
                        + until + " > :asOf) " + extra)
                .param("stations", stations)
                .param("asOf", asOf)
                .query((rs, n) ->
                        new Entity(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4)))
                .list();
    }

    private List<Link> links(String sql, List<Long> stations) {
        return jdbc.sql(sql)
                .param("stations", stations)
                .query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)))
                .list();
    }

    /** Entities that began in [from, asOf] or have a counting record dated in it. */
    private List<Entity> active(List<Entity> entities, List<Link> links, LocalDate from, LocalDate asOf) {
        Set<Long> activeIds = new HashSet<>();
        Set<Long> wanted = new HashSet<>();
        entities.forEach(e -> wanted.add(e.id()));
        forCounting(
                links.stream().filter(l -> wanted.contains(l.entityId())).toList(),
                from,
                asOf,
                (link, date) -> activeIds.add(link.entityId()));
        Predicate<Entity> counts = e -> !e.since().isBefore(from) || activeIds.contains(e.id());
        return entities.stream().filter(counts).toList();
    }

    /** Calls back for every link whose record counts and is dated in [from, to]. */
    private void forCounting(
            List<Link> links, LocalDate from, LocalDate to, java.util.function.BiConsumer<Link, LocalDate> action) {
        Map<Long, RecordSummary> s =
                records.summaries(links.stream().map(Link::recordId).distinct().toList());
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
