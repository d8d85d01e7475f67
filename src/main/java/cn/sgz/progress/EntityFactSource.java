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

    /** Money events (co-raised amounts, relief payments …) per station dated in [from, to]. */
    List<AmountFact> amounts(Collection<Long> stationIds, EntityType type, LocalDate from, LocalDate to);

    record AmountFact(long stationId, long id, LocalDate date, BigDecimal amount, String title) {
    }
}
