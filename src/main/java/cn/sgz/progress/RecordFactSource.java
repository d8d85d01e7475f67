package cn.sgz.progress;

import cn.sgz.shared.vocabulary.LedgerDomain;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Service records as the engine needs them: a few grouped scans, never one query per indicator.
 * Only qualifying (COUNTS), non-voided records count; the drill-down shows the excluded ones too.
 * Implemented by the module that owns service records.
 */
public interface RecordFactSource {

    /**
     * The records as one project counts them: only those tied to it (本项目服务成果不得与其他政府购买社工服务项目成果重复利用 —
     * a record counts for exactly one project). In {@link #records} the view also lists records at the station
     * tied to another project or to none, as not counting, with the reason (已计入项目《…》). A source that keeps
     * no ties (tests' in-memory sources) answers the same for every project.
     */
    default RecordFactSource forProject(long projectId) {
        return this;
    }

    /**
     * Several projects computed together (a city's projects at once): for each project id, a source that answers
     * exactly as {@link #forProject} would for that project's stations. A source may read its tables once for all of
     * them (one scan per question, the rows sorted out by project and station in memory); the default reads per
     * project. {@code stationsByProject}: every project of the computation with the stations it will ask about.
     */
    default java.util.function.LongFunction<RecordFactSource> forProjects(
            Map<Long, ? extends Collection<Long>> stationsByProject) {
        return this::forProject;
    }

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

    /**
     * As {@link #monthlyCounts(Collection, Set, LocalDate, LocalDate)}, only for the qualifying records marked as
     * entered in the national platform (已录入全国平台), for ACTIVITY_COUNT indicators with a {@code platform}. Null when
     * this source keeps no such marks: the engine then reports the indicator as not connected rather than count
     * records whose entry it cannot see.
     */
    default List<MonthlyCount> platformMonthlyCounts(
            Collection<Long> stationIds, Set<ServiceKind> kinds, LocalDate from, LocalDate to) {
        return null;
    }

    /** Of these records, the ones marked as entered in the national platform (empty when none; never null). */
    default Set<Long> platformEntered(Collection<Long> recordIds) {
        return Set.of();
    }

    /** Qualifying records per station, served person, kind and month, for per-person and coverage rules. */
    List<RecipientMonthlyCount> recipientMonthlyCounts(
            Collection<Long> stationIds, Set<ServiceKind> kinds, LocalDate from, LocalDate to);

    /**
     * Every record behind a figure, counting or excluded, with the reasons it does not count; voided
     * records are left out. A null or ALL domain means records of any domain.
     */
    List<RecordRef> records(long stationId, Set<ServiceKind> kinds, LedgerDomain domain, LocalDate from, LocalDate to);

    /**
     * Qualifying records of the kinds with whom they were for — the record's audience (培训对象 such as 社区社会组织骨干
     * or 社区工作者) and the ledger people it served — for ACTIVITY_COUNT indicators with a {@code subtype}. Null when
     * this source keeps neither: the engine then reports the indicator as not connected rather than count every
     * record of the kind (a parameter is applied or refused, never ignored).
     */
    default List<AudienceFact> audienceFacts(
            Collection<Long> stationIds, Set<ServiceKind> kinds, LocalDate from, LocalDate to) {
        return null;
    }

    /** A qualifying record with its audience (may be null) and the ledger people it served. */
    record AudienceFact(
            long stationId,
            long recordId,
            ServiceKind kind,
            LedgerDomain domain,
            LocalDate date,
            String audience,
            Set<Long> recipients) {}

    /**
     * Whether a record's audience is the subtype an indicator names, ignoring the words that vary between a
     * catalog and the form (人员, 骨干, 培训, 专业): 社区社会组织人员 = 社区社会组织骨干 ≠ 社区工作者.
     */
    static boolean audienceMatches(String audience, String subtype) {
        if (audience == null || subtype == null) {
            return false;
        }
        String a = audience.replaceAll("人员|骨干|培训|专业|的|\\s", "");
        String b = subtype.replaceAll("人员|骨干|培训|专业|的|\\s", "");
        return !a.isEmpty() && !b.isEmpty() && (a.contains(b) || b.contains(a));
    }

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
