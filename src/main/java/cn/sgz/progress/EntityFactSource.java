package cn.sgz.progress;

import cn.sgz.catalog.EntityType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entities (organisations, volunteers, funds …) and amounts of money; implemented by the community and
 * charity modules, each for the entity types it owns. Station documents are {@link DocumentFactSource}.
 */
public interface EntityFactSource {

    /** The entity types this source answers for. */
    Set<EntityType> entityTypes();

    /** Entities per station existing on {@code asOf} that were created or active in [from, asOf]. */
    Map<Long, Long> count(Collection<Long> stationIds, EntityType type, LocalDate from, LocalDate asOf);

    /** True when this source knows when entities of the type began, so that {@link #countStarted} answers. */
    default boolean keepsStartDates(EntityType type) {
        return false;
    }

    /**
     * Entities per station begun in [from, asOf] and existing on asOf (ENTITY_COUNT with count mode STARTED:
     * “每月新建一个慈善项目”). Only asked for types {@link #keepsStartDates} answers true for.
     */
    default Map<Long, Long> countStarted(Collection<Long> stationIds, EntityType type, LocalDate from, LocalDate asOf) {
        throw new UnsupportedOperationException(type + " 没有开始日期");
    }

    /**
     * What {@link #count} counted at one station, one line each (name and date), for the drill-down behind
     * an ENTITY_COUNT figure. Sources that keep no names answer an empty list.
     */
    default List<String> countedItems(long stationId, EntityType type, LocalDate from, LocalDate asOf) {
        return List.of();
    }

    /** Money events (co-raised amounts, relief payments …) per station dated in [from, to]. */
    List<AmountFact> amounts(Collection<Long> stationIds, EntityType type, LocalDate from, LocalDate to);

    /**
     * COVERAGE over entities (e.g. volunteers registered in the national volunteer system): per station,
     * how many entities of the type exist on {@code asOf} and how many of them meet the condition. A source
     * that cannot judge the condition answers {@code null}, and the indicator stays "not connected".
     */
    default Map<Long, Share> share(Collection<Long> stationIds, EntityType type, String condition, LocalDate asOf) {
        return null;
    }

    /**
     * This source for one computation over several station sets (a city's projects at once): it may read each
     * question once for all the stations and must answer each set exactly as a read of that set alone would. The
     * default is this source itself (a read per question and set).
     */
    default EntityFactSource sharedFor(Collection<Long> allStations) {
        return this;
    }

    /**
     * {@link #sharedFor} for a source whose answer for a station does not depend on the other stations asked about
     * (every row belongs to one station): each question read once for all the stations, each set answered with its
     * own stations' rows.
     */
    static EntityFactSource readOncePerStation(EntityFactSource source, Collection<Long> allStations) {
        List<Long> all = List.copyOf(new java.util.TreeSet<>(allStations));
        Map<List<Object>, Object> read = new java.util.HashMap<>();
        return new EntityFactSource() {
            @SuppressWarnings("unchecked")
            private <T> T once(List<Object> question, java.util.function.Supplier<T> supplier) {
                java.util.Optional<?> answer = (java.util.Optional<?>)
                        read.computeIfAbsent(question, q -> java.util.Optional.ofNullable(supplier.get()));
                return (T) answer.orElse(null);
            }

            private <V> Map<Long, V> only(Map<Long, V> answer, Collection<Long> asked) {
                if (answer == null) {
                    return null;
                }
                Map<Long, V> out = new java.util.HashMap<>();
                for (long s : asked) {
                    V v = answer.get(s);
                    if (v != null) {
                        out.put(s, v);
                    }
                }
                return out;
            }

            @Override
            public Set<EntityType> entityTypes() {
                return source.entityTypes();
            }

            @Override
            public Map<Long, Long> count(Collection<Long> stationIds, EntityType type, LocalDate from, LocalDate asOf) {
                return only(
                        once(List.of("count", type, from, asOf), () -> source.count(all, type, from, asOf)),
                        stationIds);
            }

            @Override
            public boolean keepsStartDates(EntityType type) {
                return source.keepsStartDates(type);
            }

            @Override
            public Map<Long, Long> countStarted(
                    Collection<Long> stationIds, EntityType type, LocalDate from, LocalDate asOf) {
                return only(
                        once(List.of("started", type, from, asOf), () -> source.countStarted(all, type, from, asOf)),
                        stationIds);
            }

            @Override
            public List<String> countedItems(long stationId, EntityType type, LocalDate from, LocalDate asOf) {
                return source.countedItems(stationId, type, from, asOf);
            }

            @Override
            public List<AmountFact> amounts(
                    Collection<Long> stationIds, EntityType type, LocalDate from, LocalDate to) {
                List<AmountFact> rows =
                        once(List.of("amounts", type, from, to), () -> source.amounts(all, type, from, to));
                Set<Long> asked = new java.util.HashSet<>(stationIds);
                return rows.stream().filter(a -> asked.contains(a.stationId())).toList();
            }

            @Override
            public Map<Long, Share> share(
                    Collection<Long> stationIds, EntityType type, String condition, LocalDate asOf) {
                return only(
                        once(
                                java.util.Arrays.asList("share", type, condition, asOf),
                                () -> source.share(all, type, condition, asOf)),
                        stationIds);
            }
        };
    }

    record Share(long total, long meeting) {}

    record AmountFact(long stationId, long id, LocalDate date, BigDecimal amount, String title) {}
}
