package cn.sgz.progress;

import cn.sgz.shared.vocabulary.LedgerDomain;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** The people a station serves (台账) and its follow-up roster; implemented by the recipient module. */
public interface LedgerFactSource {

    /** Active recipients per station in a ledger category (ALL or null: everyone), optional subtype. */
    Map<Long, Set<Long>> population(Collection<Long> stationIds, LedgerDomain domain, String subtype, LocalDate asOf);

    /** People on the follow-up roster (跟踪回访台账) per station. */
    Map<Long, Set<Long>> followUpRoster(Collection<Long> stationIds, LocalDate asOf);

    /** Display names of people (for the drill-down's covered / not yet covered lists); unknown ids are left out. */
    default Map<Long, String> names(Collection<Long> recipientIds) {
        return Map.of();
    }
}
