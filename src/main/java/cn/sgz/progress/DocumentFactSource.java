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

    /** What a DOCUMENT indicator asks for: these names, of the domain's work (null or ALL: any). */
    record Shape(List<String> names, LedgerDomain domain) {

        public Shape {
            names = List.copyOf(names);
        }
    }

    /**
     * For one shape: the documents each station has on file (as {@link #documents(Collection, Collection,
     * LedgerDomain)}) and the dated ones (as {@link #datedDocuments}, null when this source keeps no periods).
     */
    record Filed(Map<Long, Set<String>> documents, List<DatedDocument> dated) {}

    /**
     * Every shape one computation asks for, at once: each answers exactly as the two single calls would. Sources
     * read their tables once for all shapes; the default asks per shape.
     */
    default Map<Shape, Filed> filed(Collection<Long> stationIds, Collection<Shape> shapes) {
        Map<Shape, Filed> out = new java.util.HashMap<>();
        for (Shape s : shapes) {
            out.computeIfAbsent(
                    s,
                    x -> new Filed(
                            documents(stationIds, x.names(), x.domain()),
                            datedDocuments(stationIds, x.names(), x.domain())));
        }
        return out;
    }

    /** A document on file for [from, to]. */
    record DatedDocument(long stationId, String name, LocalDate from, LocalDate to) {

        public boolean overlaps(LocalDate start, LocalDate end) {
            return !from.isAfter(end) && !to.isBefore(start);
        }
    }
}
