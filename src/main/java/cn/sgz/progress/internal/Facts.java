package cn.sgz.progress.internal;

import cn.sgz.catalog.EntityType;
import cn.sgz.catalog.RecordKind;
import cn.sgz.catalog.ServiceDomain;
import cn.sgz.progress.CaseworkFactSource;
import cn.sgz.progress.CaseworkFactSource.CaseFact;
import cn.sgz.progress.CaseworkFactSource.ExemplaryFact;
import cn.sgz.progress.CaseworkFactSource.GroupFact;
import cn.sgz.progress.EntityFactSource;
import cn.sgz.progress.EntityFactSource.AmountFact;
import cn.sgz.progress.LedgerFactSource;
import cn.sgz.progress.RecordFactSource;
import cn.sgz.progress.RecordFactSource.MonthlyCount;
import cn.sgz.progress.RecordFactSource.RecipientMonthlyCount;
import java.time.LocalDate;
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
    private final StaffCounts staffCounts;

    private List<MonthlyCount> monthly;
    private final Map<Set<RecordKind>, List<RecipientMonthlyCount>> perRecipient = new HashMap<>();
    private final Map<String, Map<Long, Set<Long>>> populations = new HashMap<>();
    private Map<Long, Set<Long>> roster;
    private final Map<ServiceDomain, List<CaseFact>> cases = new HashMap<>();
    private final Map<ServiceDomain, List<GroupFact>> groups = new HashMap<>();
    private List<ExemplaryFact> exemplary;
    private final Map<EntityType, List<AmountFact>> amounts = new HashMap<>();
    private final Map<String, Map<Long, Long>> entityCounts = new HashMap<>();
    private Map<Long, StaffCounts.Count> staff;

    /** Staff per station, from the org module. */
    interface StaffCounts {
        Map<Long, Count> byStation(Collection<Long> stationIds);

        record Count(long total, long certified) {
        }
    }

    Facts(Collection<Long> stations, LocalDate from, LocalDate to, Optional<RecordFactSource> records,
          Optional<LedgerFactSource> ledgers, Optional<CaseworkFactSource> casework, List<EntityFactSource> entities,
          StaffCounts staffCounts) {
        this.stations = List.copyOf(stations);
        this.from = from;
        this.to = to;
        this.records = records;
        this.ledgers = ledgers;
        this.casework = casework;
        this.entities = entities;
        this.staffCounts = staffCounts;
    }

    boolean empty() {
        return to.isBefore(from);
    }

    List<MonthlyCount> monthly() {
        if (monthly == null) {
            monthly = empty() ? List.of() : records.orElseThrow().monthlyCounts(stations, from, to);
        }
        return monthly;
    }

    List<RecipientMonthlyCount> perRecipient(Set<RecordKind> kinds) {
        return perRecipient.computeIfAbsent(kinds, k -> empty() ? List.of()
                : records.orElseThrow().recipientMonthlyCounts(stations, k, from, to));
    }

    Map<Long, Set<Long>> population(ServiceDomain domain, String subtype) {
        String key = domain + "|" + subtype;
        return populations.computeIfAbsent(key, k -> ledgers.orElseThrow().population(stations, domain, subtype, to));
    }

    Map<Long, Set<Long>> roster() {
        if (roster == null) {
            roster = ledgers.orElseThrow().followUpRoster(stations, to);
        }
        return roster;
    }

    List<CaseFact> cases(ServiceDomain domain) {
        return cases.computeIfAbsent(domain, d -> empty() ? List.of() : casework.orElseThrow().cases(stations, d, from, to));
    }

    List<GroupFact> groups(ServiceDomain domain) {
        return groups.computeIfAbsent(domain, d -> empty() ? List.of() : casework.orElseThrow().groups(stations, d, from, to));
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

    Optional<EntityFactSource> documentSource() {
        return entities.stream().filter(EntityFactSource::keepsDocuments).findFirst();
    }

    List<AmountFact> amounts(EntityType type) {
        return amounts.computeIfAbsent(type, t -> empty() ? List.of()
                : entitySource(t).orElseThrow().amounts(stations, t, from, to));
    }

    Map<Long, Long> entityCount(EntityType type, LocalDate countFrom, LocalDate asOf) {
        return entityCounts.computeIfAbsent(type + "|" + countFrom + "|" + asOf,
                k -> entitySource(type).orElseThrow().count(stations, type, countFrom, asOf));
    }

    Map<Long, StaffCounts.Count> staff() {
        if (staff == null) {
            staff = staffCounts.byStation(stations);
        }
        return staff;
    }

    Map<Long, Set<String>> documents(List<String> names) {
        return documentSource().orElseThrow().documents(stations, new ArrayList<>(names));
    }
}
