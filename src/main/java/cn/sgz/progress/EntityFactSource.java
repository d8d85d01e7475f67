package cn.sgz.progress;

import cn.sgz.catalog.EntityType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entities (organisations, volunteers, funds …), amounts of money and station documents; implemented
 * by the community and charity modules, each for the entity types it owns.
 */
public interface EntityFactSource {

    /** The entity types this source answers for. */
    Set<EntityType> entityTypes();

    /** Entities per station existing on {@code asOf} that were created or active in [from, asOf]. */
    Map<Long, Long> count(Collection<Long> stationIds, EntityType type, LocalDate from, LocalDate asOf);

    /** Money events (co-raised amounts, relief payments …) per station dated in [from, to]. */
    List<AmountFact> amounts(Collection<Long> stationIds, EntityType type, LocalDate from, LocalDate to);

    /** Which of the named documents each station has on file. */
    Map<Long, Set<String>> documents(Collection<Long> stationIds, Collection<String> names);

    /** True when this source keeps station documents (制度上墙, 组织架构图 …). */
    default boolean keepsDocuments() {
        return false;
    }

    record AmountFact(long stationId, long id, LocalDate date, BigDecimal amount, String title) {
    }
}
