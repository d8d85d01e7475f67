package cn.sgz.progress;

import cn.sgz.shared.vocabulary.LedgerDomain;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Service records as the engine needs them: a few grouped scans, never one query per indicator.
 * Only qualifying (COUNTS), non-voided records count; the drill-down shows the excluded ones too.
 * Implemented by the module that owns service records.
 */
public interface RecordFactSource {

    /** Qualifying records per station, kind, domain and month, with service date in [from, to]. */
    List<MonthlyCount> monthlyCounts(Collection<Long> stationIds, LocalDate from, LocalDate to);

    /**
     * As {@link #monthlyCounts(Collection, LocalDate, LocalDate)}, only for records of the given kinds: the engine
     * asks for the kinds its indicators count, so the scan reads no more than they need.
     */
    default List<MonthlyCount> monthlyCounts(
            Collection<Long> stationIds, Set<ServiceKind> kinds, LocalDate from, LocalDate to) {
        return monthlyCounts(stationIds, from, to).stream()
                .filter(c -> kinds.contains(c.kind()))
                .toList();
    }

    /** Qualifying records per station, served person, kind and month, for per-person and coverage rules. */
    List<RecipientMonthlyCount> recipientMonthlyCounts(
            Collection<Long> stationIds, Set<ServiceKind> kinds, LocalDate from, LocalDate to);

    /**
     * Every record behind a figure, counting or excluded, with the reasons it does not count; voided
     * records are left out. A null or ALL domain means records of any domain.
     */
    List<RecordRef> records(long stationId, Set<ServiceKind> kinds, LedgerDomain domain, LocalDate from, LocalDate to);

    record MonthlyCount(long stationId, ServiceKind kind, LedgerDomain domain, YearMonth month, long count) {}

    record RecipientMonthlyCount(long stationId, long recipientId, ServiceKind kind, YearMonth month, long count) {}

    /** A record in a drill-down: what it is, whether it counts, and why not. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "RecordFactRef")
    record RecordRef(
            long id,
            LocalDate date,
            ServiceKind kind,
            String title,
            boolean counts,
            List<String> reasons,
            String link,
            List<String> notes) {

        /** Without notes: the rules the worker relaxed, with the reasons given, are the notes. */
        public RecordRef(
                long id,
                LocalDate date,
                ServiceKind kind,
                String title,
                boolean counts,
                List<String> reasons,
                String link) {
            this(id, date, kind, title, counts, reasons, link, List.of());
        }
    }
}
