package cn.sgz.progress.internal;

import cn.sgz.catalog.EntityType;
import cn.sgz.progress.CaseworkFactSource;
import cn.sgz.progress.CaseworkFactSource.CaseFact;
import cn.sgz.progress.CaseworkFactSource.ExemplaryFact;
import cn.sgz.progress.CaseworkFactSource.GroupFact;
import cn.sgz.progress.DocumentFactSource;
import cn.sgz.progress.EntityFactSource;
import cn.sgz.progress.EntityFactSource.AmountFact;
import cn.sgz.progress.LedgerFactSource;
import cn.sgz.progress.RecordFactSource;
import cn.sgz.progress.RecordFactSource.MonthlyCount;
import cn.sgz.progress.RecordFactSource.RecipientMonthlyCount;
import cn.sgz.shared.vocabulary.LedgerDomain;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The facts of one evaluation, fetched lazily and at most once per shape: one grouped scan of
 * records for every ACTIVITY_COUNT indicator of every station, one per ledger category, and so on.
 * This is what keeps the engine off the N+1 path.
 */
final class Facts {

    final Collection<Long> stations;
    final LocalDate from;
    final LocalDate to;
    final Optional<RecordFactSource> records;
    final Optional<LedgerFactSource> ledgers;
    final Optional<CaseworkFactSource> casework;
    final List<EntityFactSource> entities;
    final List<DocumentFactSource> documentSources;
    private final StaffCounts staffCounts;

    private Map<Long, List<MonthlyCount>> monthly;
    private final Map<Long, java.util.NavigableMap<YearMonth, List<MonthlyCount>>> monthlyByMonth = new HashMap<>();
    private Set<ServiceKind> monthlyKinds; // null: every kind
    private Map<Long, java.util.NavigableMap<YearMonth, List<MonthlyCount>>> platformByMonth;
    private boolean platformConnected = true;
    private Set<ServiceKind> platformKinds = Set.of();
    private Set<ServiceKind> recipientKinds = Set.of();
    private List<RecipientMonthlyCount> recipientRows;
    private final Map<Set<ServiceKind>, Map<Long, List<RecipientMonthlyCount>>> perRecipient = new HashMap<>();
    private final Map<Set<ServiceKind>, Map<Long, java.util.NavigableMap<YearMonth, List<RecipientMonthlyCount>>>>
            perRecipientByMonth = new HashMap<>();
    private final Map<LedgerFactSource.Population, Map<Long, Set<Long>>> populations = new HashMap<>();
    private Map<Long, Set<Long>> roster;
    private final Map<LedgerDomain, List<CaseFact>> cases = new HashMap<>();
    private final Map<LedgerDomain, List<GroupFact>> groups = new HashMap<>();
    private List<ExemplaryFact> exemplary;
    private final Map<EntityType, List<AmountFact>> amounts = new HashMap<>();
    private final Map<String, Map<Long, Long>> entityCounts = new HashMap<>();
    private Map<Long, StaffCounts.Count> staff;
    private final Map<String, Map<Long, EntityFactSource.Share>> entityShares = new HashMap<>();
    private final Map<DocumentFactSource.Shape, Map<Long, Set<String>>> documents = new HashMap<>();

    /** Staff per station, from the org module. */
    interface StaffCounts {
        Map<Long, Count> byStation(Collection<Long> stationIds);

        record Count(long total, long certified) {}
    }

    Facts(
            Collection<Long> stations,
            LocalDate from,
            LocalDate to,
            Optional<RecordFactSource> records,
            Optional<LedgerFactSource> ledgers,
            Optional<CaseworkFactSource> casework,
            List<EntityFactSource> entities,
            List<DocumentFactSource> documentSources,
            StaffCounts staffCounts) {
        this.stations = List.copyOf(stations);
        this.from = from;
        this.to = to;
        this.records = records;
        this.ledgers = ledgers;
        this.casework = casework;
        this.entities = entities;
        this.documentSources = documentSources;
        this.staffCounts = staffCounts;
    }

    boolean empty() {
        return to.isBefore(from);
    }

    /**
     * Announces the kind sets the activity counts will look at (an empty set: any kind), so that the one
     * grouped scan reads only records of those kinds. Without it the scan covers every kind.
     */
    void expectMonthly(Collection<Set<ServiceKind>> kindSets) {
        Set<ServiceKind> kinds = kindSets.stream().anyMatch(Set::isEmpty)
                ? null
                : kindSets.stream().flatMap(Set::stream).collect(java.util.stream.Collectors.toUnmodifiableSet());
        if (!java.util.Objects.equals(kinds, monthlyKinds)) {
            monthlyKinds = kinds;
            monthly = null;
            monthlyByMonth.clear();
        }
    }

    /** Qualifying records of one station per kind, domain and month (one grouped scan for all stations). */
    List<MonthlyCount> monthly(long station) {
        if (monthly == null) {
            List<MonthlyCount> rows = empty()
                    ? List.of()
                    : monthlyKinds == null
                            ? records.orElseThrow().monthlyCounts(stations, from, to)
                            : monthlyKinds.isEmpty()
                                    ? List.of()
                                    : records.orElseThrow().monthlyCounts(stations, monthlyKinds, from, to);
            monthly = byStation(rows, MonthlyCount::stationId);
        }
        return monthly.getOrDefault(station, List.of());
    }

    /** Announces the kinds the platform-entry counts will look at (one scan serves every such indicator). */
    void expectPlatform(Collection<Set<ServiceKind>> kindSets) {
        platformKinds = kindSets.stream().anyMatch(Set::isEmpty)
                ? null
                : kindSets.stream().flatMap(Set::stream).collect(java.util.stream.Collectors.toUnmodifiableSet());
        platformByMonth = null;
    }

    /**
     * Qualifying records entered in the national platform, of one station by month; null when the record source
     * keeps no platform marks.
     */
    java.util.NavigableMap<YearMonth, List<MonthlyCount>> platformByMonth(long station) {
        if (platformByMonth == null) {
            platformByMonth = new HashMap<>();
            List<MonthlyCount> rows = empty() || (platformKinds != null && platformKinds.isEmpty())
                    ? List.of()
                    : records.orElseThrow()
                            .platformMonthlyCounts(
                                    stations,
                                    platformKinds == null ? java.util.EnumSet.allOf(ServiceKind.class) : platformKinds,
                                    from,
                                    to);
            platformConnected = rows != null;
            if (rows != null) {
                rows.forEach(c -> platformByMonth
                        .computeIfAbsent(c.stationId(), k -> new java.util.TreeMap<>())
                        .computeIfAbsent(c.month(), m -> new ArrayList<>())
                        .add(c));
            }
        }
        return platformConnected ? platformByMonth.getOrDefault(station, new java.util.TreeMap<>()) : null;
    }

    /** Whether the record source keeps platform-entry marks. */
    boolean platformConnected() {
        return records.isPresent() && (platformByMonth != null ? platformConnected : probePlatform());
    }

    private boolean probePlatform() {
        return records.orElseThrow().platformMonthlyCounts(List.of(), Set.of(), from, from) != null;
    }

    /** {@link #monthly} of one station, by month (spans then read only their own months). */
    java.util.NavigableMap<YearMonth, List<MonthlyCount>> monthlyByMonth(long station) {
        List<MonthlyCount> rows = monthly(station);
        return monthlyByMonth.computeIfAbsent(station, s -> {
            java.util.NavigableMap<YearMonth, List<MonthlyCount>> byMonth = new java.util.TreeMap<>();
            rows.forEach(c ->
                    byMonth.computeIfAbsent(c.month(), m -> new ArrayList<>()).add(c));
            return byMonth;
        });
    }

    /**
     * Announces every kind set {@link #perRecipient} will be asked for, so that one scan over the union
     * serves them all (the rows are grouped by kind, so filtering by kind afterwards changes nothing).
     */
    void expectPerRecipient(Collection<Set<ServiceKind>> kindSets) {
        Set<ServiceKind> union = new java.util.HashSet<>(recipientKinds);
        kindSets.forEach(union::addAll);
        if (!union.equals(recipientKinds)) {
            recipientKinds = Set.copyOf(union);
            recipientRows = null;
            perRecipient.clear();
            perRecipientByMonth.clear();
        }
    }

    /** Qualifying records of one station per served person, kind (one of {@code kinds}) and month. */
    List<RecipientMonthlyCount> perRecipient(Set<ServiceKind> kinds, long station) {
        return perRecipient
                .computeIfAbsent(kinds, k -> {
                    if (empty() || k.isEmpty()) {
                        return Map.of();
                    }
                    if (!recipientKinds.containsAll(k)) {
                        return byStation(
                                records.orElseThrow().recipientMonthlyCounts(stations, k, from, to),
                                RecipientMonthlyCount::stationId);
                    }
                    if (recipientRows == null) {
                        recipientRows =
                                records.orElseThrow().recipientMonthlyCounts(stations, recipientKinds, from, to);
                    }
                    return byStation(
                            k.containsAll(recipientKinds)
                                    ? recipientRows
                                    : recipientRows.stream()
                                            .filter(c -> k.contains(c.kind()))
                                            .toList(),
                            RecipientMonthlyCount::stationId);
                })
                .getOrDefault(station, List.of());
    }

    /** {@link #perRecipient} of one station, by month (spans then read only their own months). */
    java.util.NavigableMap<YearMonth, List<RecipientMonthlyCount>> perRecipientByMonth(
            Set<ServiceKind> kinds, long station) {
        return perRecipientByMonth.computeIfAbsent(kinds, k -> new HashMap<>()).computeIfAbsent(station, s -> {
            java.util.NavigableMap<YearMonth, List<RecipientMonthlyCount>> byMonth = new java.util.TreeMap<>();
            perRecipient(kinds, s)
                    .forEach(c -> byMonth.computeIfAbsent(c.month(), m -> new ArrayList<>())
                            .add(c));
            return byMonth;
        });
    }

    private static <T> Map<Long, List<T>> byStation(List<T> rows, java.util.function.ToLongFunction<T> station) {
        Map<Long, List<T>> result = new HashMap<>();
        for (T row : rows) {
            result.computeIfAbsent(station.applyAsLong(row), s -> new ArrayList<>())
                    .add(row);
        }
        return result;
    }

    private final Map<Set<ServiceKind>, Optional<Map<Long, List<RecordFactSource.AudienceFact>>>> audiences =
            new HashMap<>();

    /**
     * Records of the kinds with whom they were for, per station (one scan per kind set, for ACTIVITY_COUNT
     * indicators with a subtype); null when the record source keeps no audiences.
     */
    Map<Long, List<RecordFactSource.AudienceFact>> audiences(Set<ServiceKind> kinds) {
        return audiences
                .computeIfAbsent(kinds, k -> {
                    if (records.isEmpty()) {
                        return Optional.empty();
                    }
                    List<RecordFactSource.AudienceFact> rows =
                            empty() ? List.of() : records.get().audienceFacts(stations, k, from, to);
                    return rows == null
                            ? Optional.empty()
                            : Optional.of(byStation(rows, RecordFactSource.AudienceFact::stationId));
                })
                .orElse(null);
    }

    /**
     * Announces the populations, case and group domains and document shapes the indicators will ask for, so that
     * each source is read once for all of them (one query per table per computation, not one per indicator). A
     * question not announced is still answered, by a call of its own.
     */
    void expectLedger(Collection<LedgerFactSource.Population> keys) {
        expectedPopulations.addAll(keys);
    }

    void expectCasework(Collection<LedgerDomain> caseDomains, Collection<LedgerDomain> groupDomains) {
        expectedCaseDomains.addAll(caseDomains);
        expectedGroupDomains.addAll(groupDomains);
    }

    void expectDocuments(Collection<DocumentFactSource.Shape> shapes) {
        expectedShapes.addAll(shapes);
    }

    private final Set<LedgerFactSource.Population> expectedPopulations = new java.util.LinkedHashSet<>();
    private final Set<LedgerDomain> expectedCaseDomains = new java.util.LinkedHashSet<>();
    private final Set<LedgerDomain> expectedGroupDomains = new java.util.LinkedHashSet<>();
    private final Set<DocumentFactSource.Shape> expectedShapes = new java.util.LinkedHashSet<>();

    Map<Long, Set<Long>> population(LedgerDomain domain, String subtype) {
        LedgerFactSource.Population key = new LedgerFactSource.Population(domain, subtype);
        Map<Long, Set<Long>> known = populations.get(key);
        if (known != null) {
            return known;
        }
        if (expectedPopulations.contains(key)) {
            // the first question reads every announced population at once
            Set<LedgerFactSource.Population> keys = new java.util.LinkedHashSet<>(expectedPopulations);
            keys.removeAll(populations.keySet());
            populations.putAll(ledgers.orElseThrow().populations(stations, keys, to));
            expectedPopulations.removeAll(keys);
        }
        return populations.computeIfAbsent(key, k -> ledgers.orElseThrow().population(stations, domain, subtype, to));
    }

    Map<Long, Set<Long>> roster() {
        if (roster == null) {
            roster = ledgers.orElseThrow().followUpRoster(stations, to);
        }
        return roster;
    }

    List<CaseFact> cases(LedgerDomain domain) {
        if (!cases.containsKey(domain) && !empty() && expectedCaseDomains.contains(domain)) {
            Set<LedgerDomain> domains = new java.util.LinkedHashSet<>(expectedCaseDomains);
            domains.removeAll(cases.keySet());
            cases.putAll(casework.orElseThrow().casesByDomain(stations, domains, from, to));
            expectedCaseDomains.removeAll(domains);
        }
        return cases.computeIfAbsent(
                domain, d -> empty() ? List.of() : casework.orElseThrow().cases(stations, d, from, to));
    }

    List<GroupFact> groups(LedgerDomain domain) {
        if (!groups.containsKey(domain) && !empty() && expectedGroupDomains.contains(domain)) {
            Set<LedgerDomain> domains = new java.util.LinkedHashSet<>(expectedGroupDomains);
            domains.removeAll(groups.keySet());
            groups.putAll(casework.orElseThrow().groupsByDomain(stations, domains, from, to));
            expectedGroupDomains.removeAll(domains);
        }
        return groups.computeIfAbsent(
                domain, d -> empty() ? List.of() : casework.orElseThrow().groups(stations, d, from, to));
    }

    List<ExemplaryFact> exemplary() {
        if (exemplary == null) {
            exemplary = empty() ? List.of() : casework.orElseThrow().exemplary(stations, from, to);
        }
        return exemplary;
    }

    Optional<EntityFactSource> entitySource(EntityType type) {
        return entities.stream().filter(e -> e.entityTypes().contains(type)).findFirst();
    }

    /** True when every named document has a source that keeps documents of that name. */
    boolean documentsConnected(Collection<String> names) {
        return !names.isEmpty()
                && names.stream().allMatch(n -> documentSources.stream().anyMatch(d -> d.answersFor(n)));
    }

    List<AmountFact> amounts(EntityType type) {
        return amounts.computeIfAbsent(
                type, t -> empty() ? List.of() : entitySource(t).orElseThrow().amounts(stations, t, from, to));
    }

    Map<Long, Long> entityCount(EntityType type, LocalDate countFrom, LocalDate asOf) {
        return entityCounts.computeIfAbsent(
                type + "|" + countFrom + "|" + asOf,
                k -> entitySource(type).orElseThrow().count(stations, type, countFrom, asOf));
    }

    /** Entities per station begun in [countFrom, asOf] (and existing on asOf). */
    Map<Long, Long> entityStarted(EntityType type, LocalDate countFrom, LocalDate asOf) {
        return entityCounts.computeIfAbsent(
                "started|" + type + "|" + countFrom + "|" + asOf,
                k -> entitySource(type).orElseThrow().countStarted(stations, type, countFrom, asOf));
    }

    /** Entity coverage per station; null when no source can judge the condition. */
    Map<Long, EntityFactSource.Share> entityShare(EntityType type, String condition) {
        return entityShares.computeIfAbsent(
                type + "|" + condition,
                k -> entitySource(type)
                        .map(s -> s.share(stations, type, condition, to))
                        .orElse(null));
    }

    Map<Long, StaffCounts.Count> staff() {
        if (staff == null) {
            staff = staffCounts.byStation(stations);
        }
        return staff;
    }

    /** Per source (in source order): what it has on file for each shape asked so far. */
    private final List<Map<DocumentFactSource.Shape, Filed>> filed = new ArrayList<>();

    /** One shape's answer of one source, with the dated documents indexed by station. */
    private record Filed(
            Map<Long, Set<String>> documents, Map<Long, List<DocumentFactSource.DatedDocument>> datedByStation) {}

    /** What source i has on file for a shape: every announced shape is read at the first question, at once. */
    private Filed filed(int i, DocumentFactSource.Shape shape) {
        while (filed.size() <= i) {
            filed.add(new HashMap<>());
        }
        Map<DocumentFactSource.Shape, Filed> known = filed.get(i);
        Filed f = known.get(shape);
        if (f != null) {
            return f;
        }
        Set<DocumentFactSource.Shape> shapes = new java.util.LinkedHashSet<>(expectedShapes);
        shapes.add(shape);
        shapes.removeAll(known.keySet());
        documentSources
                .get(i)
                .filed(stations, shapes)
                .forEach((s, answer) -> known.put(
                        s,
                        new Filed(
                                answer.documents() == null ? Map.of() : answer.documents(),
                                answer.dated() == null
                                        ? null
                                        : byStation(answer.dated(), DocumentFactSource.DatedDocument::stationId))));
        return known.computeIfAbsent(shape, s -> new Filed(Map.of(), null));
    }

    /**
     * The named documents a station has on file for a sub-period [from, to] (read once per source for every shape,
     * then in memory per sub-period): documents with a period count where it overlaps; those of sources that keep
     * no periods are standing documents and count in every sub-period once on file.
     */
    Set<String> documentsIn(List<String> names, LedgerDomain domain, long station, LocalDate from, LocalDate to) {
        DocumentFactSource.Shape shape = new DocumentFactSource.Shape(names, domain);
        Set<String> present = new java.util.HashSet<>();
        for (int i = 0; i < documentSources.size(); i++) {
            Filed f = filed(i, shape);
            if (f.datedByStation() != null) {
                f.datedByStation().getOrDefault(station, List.of()).stream()
                        .filter(d -> d.overlaps(from, to))
                        .forEach(d -> present.add(d.name()));
            } else {
                present.addAll(f.documents().getOrDefault(station, Set.of()));
            }
        }
        return present;
    }

    /** The union of what every document source has on file, per station, for the domain's work (null: any). */
    Map<Long, Set<String>> documents(List<String> names, LedgerDomain domain) {
        DocumentFactSource.Shape shape = new DocumentFactSource.Shape(names, domain);
        return documents.computeIfAbsent(shape, k -> {
            Map<Long, Set<String>> union = new HashMap<>();
            for (int i = 0; i < documentSources.size(); i++) {
                filed(i, shape)
                        .documents()
                        .forEach((station, present) -> union.computeIfAbsent(station, s -> new java.util.HashSet<>())
                                .addAll(present));
            }
            return union;
        });
    }
}
