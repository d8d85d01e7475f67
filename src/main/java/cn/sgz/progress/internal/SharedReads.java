package cn.sgz.progress.internal;

import cn.sgz.progress.DocumentFactSource;
import cn.sgz.progress.LedgerFactSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The station-keyed sources of one combined computation (several projects at once): each question is read once for
 * the stations of every project, and each project is answered for its own stations. Only for sources whose answer
 * for a station does not depend on the other stations asked about (ledgers, the follow-up roster, documents on file,
 * staff): the answer for a project's stations is then exactly what a read of its own gives. Entity sources share
 * their reads themselves ({@code EntityFactSource.sharedFor}): an organisation or volunteer counts as active through
 * records at the stations asked about, which only the source can tell.
 */
final class SharedReads {

    private final List<Long> stations;
    private final Set<LedgerFactSource.Population> announcedPopulations = new LinkedHashSet<>();
    private final Set<DocumentFactSource.Shape> announcedShapes = new LinkedHashSet<>();

    SharedReads(Collection<? extends Collection<Long>> stationsOfProjects) {
        Set<Long> all = new TreeSet<>();
        stationsOfProjects.forEach(all::addAll);
        this.stations = List.copyOf(all);
    }

    /** What the projects' indicators will ask for, so that the first question reads it all. */
    void announce(Collection<LedgerFactSource.Population> populations, Collection<DocumentFactSource.Shape> shapes) {
        announcedPopulations.addAll(populations);
        announcedShapes.addAll(shapes);
    }

    private static <V> Map<Long, V> only(Map<Long, V> all, Collection<Long> asked) {
        Map<Long, V> out = new HashMap<>();
        for (long s : asked) {
            V v = all.get(s);
            if (v != null) {
                out.put(s, v);
            }
        }
        return out;
    }

    LedgerFactSource ledger(LedgerFactSource base) {
        return new LedgerFactSource() {
            private final Map<LocalDate, Map<Population, Map<Long, Set<Long>>>> read = new HashMap<>();
            private final Map<LocalDate, Map<Long, Set<Long>>> rosters = new HashMap<>();

            @Override
            public Map<Long, Set<Long>> population(
                    Collection<Long> stationIds,
                    cn.sgz.shared.vocabulary.LedgerDomain domain,
                    String subtype,
                    LocalDate asOf) {
                Population key = new Population(domain, subtype);
                return populations(stationIds, List.of(key), asOf).get(key);
            }

            @Override
            public Map<Population, Map<Long, Set<Long>>> populations(
                    Collection<Long> stationIds, Collection<Population> keys, LocalDate asOf) {
                Map<Population, Map<Long, Set<Long>>> known = read.computeIfAbsent(asOf, d -> new HashMap<>());
                Set<Population> missing = new LinkedHashSet<>(keys);
                missing.addAll(announcedPopulations);
                missing.removeAll(known.keySet());
                if (!missing.isEmpty()) {
                    known.putAll(base.populations(stations, missing, asOf));
                }
                Map<Population, Map<Long, Set<Long>>> out = new HashMap<>();
                for (Population k : keys) {
                    out.put(k, only(known.getOrDefault(k, Map.of()), stationIds));
                }
                return out;
            }

            @Override
            public Map<Long, Set<Long>> followUpRoster(Collection<Long> stationIds, LocalDate asOf) {
                return only(rosters.computeIfAbsent(asOf, d -> base.followUpRoster(stations, d)), stationIds);
            }

            @Override
            public Map<Long, String> names(Collection<Long> recipientIds) {
                return base.names(recipientIds);
            }
        };
    }

    DocumentFactSource documents(DocumentFactSource base) {
        return new DocumentFactSource() {
            private final Map<Shape, Filed> read = new HashMap<>();

            @Override
            public boolean answersFor(String documentName) {
                return base.answersFor(documentName);
            }

            @Override
            public Map<Long, Set<String>> documents(Collection<Long> stationIds, Collection<String> names) {
                return base.documents(stationIds, names);
            }

            @Override
            public Map<Long, Set<String>> documents(
                    Collection<Long> stationIds,
                    Collection<String> names,
                    cn.sgz.shared.vocabulary.LedgerDomain domain) {
                return base.documents(stationIds, names, domain);
            }

            @Override
            public List<DatedDocument> datedDocuments(
                    Collection<Long> stationIds,
                    Collection<String> names,
                    cn.sgz.shared.vocabulary.LedgerDomain domain) {
                return base.datedDocuments(stationIds, names, domain);
            }

            @Override
            public Map<Shape, Filed> filed(Collection<Long> stationIds, Collection<Shape> shapes) {
                Set<Shape> missing = new LinkedHashSet<>(shapes);
                missing.addAll(announcedShapes);
                missing.removeAll(read.keySet());
                if (!missing.isEmpty()) {
                    read.putAll(base.filed(stations, missing));
                }
                Set<Long> asked = new HashSet<>(stationIds);
                Map<Shape, Filed> out = new HashMap<>();
                for (Shape s : shapes) {
                    Filed all = read.get(s);
                    if (all == null) {
                        continue;
                    }
                    List<DatedDocument> dated = null;
                    if (all.dated() != null) {
                        dated = new ArrayList<>();
                        for (DatedDocument d : all.dated()) {
                            if (asked.contains(d.stationId())) {
                                dated.add(d);
                            }
                        }
                    }
                    out.put(s, new Filed(all.documents() == null ? null : only(all.documents(), asked), dated));
                }
                return out;
            }
        };
    }

    Facts.StaffCounts staff(Facts.StaffCounts base) {
        return new Facts.StaffCounts() {
            private Map<Long, Count> read;

            @Override
            public Map<Long, Count> byStation(Collection<Long> stationIds) {
                if (read == null) {
                    read = base.byStation(stations);
                }
                return only(read, stationIds);
            }
        };
    }
}
