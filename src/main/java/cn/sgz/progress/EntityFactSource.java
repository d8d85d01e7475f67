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

    record Share(long total, long meeting) {}

    record AmountFact(long stationId, long id, LocalDate date, BigDecimal amount, String title) {}
}
