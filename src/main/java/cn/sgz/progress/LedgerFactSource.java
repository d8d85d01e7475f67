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

    /** A population asked for: a ledger category (ALL or null: everyone) and an optional subtype. */
    record Population(LedgerDomain domain, String subtype) {}

    /**
     * Several populations at once, for one computation: each key answers as {@link #population} would. The
     * recipient module reads the ledger once for all of them; the default asks once per key.
     */
    default Map<Population, Map<Long, Set<Long>>> populations(
            Collection<Long> stationIds, Collection<Population> keys, LocalDate asOf) {
        Map<Population, Map<Long, Set<Long>>> out = new java.util.HashMap<>();
        for (Population k : keys) {
            out.computeIfAbsent(k, x -> population(stationIds, x.domain(), x.subtype(), asOf));
        }
        return out;
    }

    /** People on the follow-up roster (跟踪回访台账) per station. */
    Map<Long, Set<Long>> followUpRoster(Collection<Long> stationIds, LocalDate asOf);

    /** Display names of people (for the drill-down's covered / not yet covered lists); unknown ids are left out. */
    default Map<Long, String> names(Collection<Long> recipientIds) {
        return Map.of();
    }
}
