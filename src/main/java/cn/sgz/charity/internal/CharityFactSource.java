package cn.sgz.charity.internal;

import cn.sgz.activity.RecordSummaries;
import cn.sgz.catalog.EntityType;
import cn.sgz.progress.EntityFactSource;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The charity figures the indicator engine needs, one grouped query per call: funds and charity
 * projects per station, co-raised inflows net of reversals, and relief events with their totals
 * (only those whose service record counts, so a relief without evidence never meets 每次≥1000元).
 */
@Component
class CharityFactSource implements EntityFactSource {

    private static final Set<EntityType> TYPES = EnumSet.of(
            EntityType.CHARITY_FUND, EntityType.CO_RAISED_FUND, EntityType.CHARITY_PROJECT, EntityType.RELIEF_EVENT);

    private final CharityFundStore funds;
    private final CharityProjectStore projects;
    private final CharityReliefStore reliefs;
    private final RecordSummaries summaries;

    CharityFactSource(
            CharityFundStore funds,
            CharityProjectStore projects,
            CharityReliefStore reliefs,
            RecordSummaries summaries) {
        this.funds = funds;
        this.projects = projects;
        this.reliefs = reliefs;
        this.summaries = summaries;
    }

    @Override
    public Set<EntityType> entityTypes() {
        return TYPES;
    }

    @Override
    public Map<Long, Long> count(Collection<Long> stationIds, EntityType type, LocalDate from, LocalDate asOf) {
        Map<Long, Long> counts = new HashMap<>();
        counted(stationIds, type, from, asOf).forEach(n -> counts.merge(n.stationId(), 1L, Long::sum));
        return counts;
    }

    /** Funds and charity projects keep the date they were established or started. */
    /** Every fund, project, entry and relief belongs to one station: read once for all stations, kept per set. */
    @Override
    public EntityFactSource sharedFor(Collection<Long> allStations) {
        return EntityFactSource.readOncePerStation(this, allStations);
    }

    @Override
    public boolean keepsStartDates(EntityType type) {
        return type == EntityType.CHARITY_FUND || type == EntityType.CHARITY_PROJECT;
    }

    @Override
    public Map<Long, Long> countStarted(Collection<Long> stationIds, EntityType type, LocalDate from, LocalDate asOf) {
        Map<Long, Long> counts = new HashMap<>();
        counted(stationIds, type, from, asOf).stream()
                .filter(n -> n.date() != null && !n.date().isBefore(from))
                .forEach(n -> counts.merge(n.stationId(), 1L, Long::sum));
        return counts;
    }

    @Override
    public List<String> countedItems(long stationId, EntityType type, LocalDate from, LocalDate asOf) {
        return counted(List.of(stationId), type, from, asOf).stream()
                .map(n -> n.date() + " " + n.name())
                .toList();
    }

    /** A fund or charity project as counted: its station, name and the date it began. */
    public record Named(long stationId, String name, LocalDate date) {}

    private List<Named> counted(Collection<Long> stationIds, EntityType type, LocalDate from, LocalDate asOf) {
        return switch (type) {
            case CHARITY_FUND -> funds.existingOn(stationIds, asOf);
            case CHARITY_PROJECT -> projects.runningIn(stationIds, from, asOf);
            default -> throw new IllegalArgumentException("慈善台账不统计 " + type + " 的个数");
        };
    }

    @Override
    public List<AmountFact> amounts(Collection<Long> stationIds, EntityType type, LocalDate from, LocalDate to) {
        return switch (type) {
            case CO_RAISED_FUND ->
                funds.netEntries(stationIds, from, to).stream()
                        .map(e -> new AmountFact(
                                e.stationId(),
                                e.id(),
                                e.receivedOn(),
                                e.amount(),
                                e.donor() + "（" + e.fundName() + "，" + e.partnerOrg() + "）"))
                        .toList();
            case RELIEF_EVENT -> reliefEvents(stationIds, from, to);
            default -> throw new IllegalArgumentException("慈善台账不统计 " + type + " 的金额");
        };
    }

    private List<AmountFact> reliefEvents(Collection<Long> stationIds, LocalDate from, LocalDate to) {
        List<CharityReliefStore.Relief> rows = reliefs.ofStations(stationIds, from, to);
        var states = summaries.find(
                rows.stream().map(CharityReliefStore.Relief::recordId).toList());
        return rows.stream()
                .filter(r -> states.containsKey(r.recordId())
                        && states.get(r.recordId()).counts())
                .map(r -> new AmountFact(
                        r.stationId(),
                        r.id(),
                        r.reliefDate(),
                        r.total().setScale(2),
                        states.get(r.recordId()).title() + "（" + r.lineCount() + " 人）"))
                .toList();
    }
}
