package cn.sgz.progress;

import cn.sgz.shared.vocabulary.LedgerDomain;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Station documents that DOCUMENT indicators ask for: case-file forms kept by the casework module,
 * rules on the wall and plans kept by the community module. Several sources may answer; the engine
 * takes the union and treats an indicator as connected only when every name it needs has a source.
 */
public interface DocumentFactSource {

    /** True when this source keeps documents of that name (so "missing" is a real answer, not a gap). */
    boolean answersFor(String documentName);

    /** Which of the named documents each station has on file (names this source does not keep are ignored). */
    Map<Long, Set<String>> documents(Collection<Long> stationIds, Collection<String> names);

    /**
     * As {@link #documents(Collection, Collection)}, only documents of the domain's work (a case's forms count
     * for its domain only: “七表” is not met for a domain with no cases). Sources whose documents belong to no
     * domain (station rules, plans) answer the same as without one.
     */
    default Map<Long, Set<String>> documents(
            Collection<Long> stationIds, Collection<String> names, LedgerDomain domain) {
        return documents(stationIds, names);
    }

    /**
     * The named documents on file with the period each is for (a document filed without one: the day it was
     * filed), for periodic DOCUMENT indicators judged per sub-period. Null when this source keeps no periods:
     * its documents are standing ones and count in every sub-period once on file.
     */
    default List<DatedDocument> datedDocuments(
            Collection<Long> stationIds, Collection<String> names, LedgerDomain domain) {
        return null;
    }

    /** A document on file for [from, to]. */
    record DatedDocument(long stationId, String name, LocalDate from, LocalDate to) {

        public boolean overlaps(LocalDate start, LocalDate end) {
            return !from.isAfter(end) && !to.isBefore(start);
        }
    }
}
