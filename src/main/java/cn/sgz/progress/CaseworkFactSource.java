package cn.sgz.progress;

import cn.sgz.shared.vocabulary.LedgerDomain;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Cases, groups and exemplary cases; implemented by the casework module. */
public interface CaseworkFactSource {

    /**
     * Cases, groups and exemplary cases as one project counts them: only those tied to it (a case or group
     * counts for exactly one project; a 成功案例 for the project of its case or group). A source that keeps no
     * ties answers the same for every project.
     */
    default CaseworkFactSource forProject(long projectId) {
        return this;
    }

    /**
     * Several projects computed together: for each project id, a source that answers exactly as {@link #forProject}
     * would. A source may read cases, groups and their sessions once for all of them; the default reads per project.
     */
    default java.util.function.LongFunction<CaseworkFactSource> forProjects(
            Map<Long, ? extends Collection<Long>> stationsByProject) {
        return this::forProject;
    }

    /** Cases in a domain (ALL or null: any) with the dates of their qualifying sessions in [from, to]. */
    List<CaseFact> cases(Collection<Long> stationIds, LedgerDomain domain, LocalDate from, LocalDate to);

    /**
     * Groups in a domain with their sessions in [from, to]: date, attendees, and whether the session's record
     * counts on its evidence. The attendee minimum is not applied here: the engine applies the indicator's
     * (or the evaluated project's) minimum at compute time.
     */
    List<GroupFact> groups(Collection<Long> stationIds, LedgerDomain domain, LocalDate from, LocalDate to);

    /**
     * {@link #cases} of several domains at once (one computation asks for each domain its indicators name); the
     * casework module reads cases and their sessions once for all of them. The default asks once per domain.
     */
    default Map<LedgerDomain, List<CaseFact>> casesByDomain(
            Collection<Long> stationIds, Collection<LedgerDomain> domains, LocalDate from, LocalDate to) {
        Map<LedgerDomain, List<CaseFact>> out = new java.util.HashMap<>();
        for (LedgerDomain d : domains) {
            out.computeIfAbsent(d, x -> cases(stationIds, x, from, to));
        }
        return out;
    }

    /** {@link #groups} of several domains at once; the default asks once per domain. */
    default Map<LedgerDomain, List<GroupFact>> groupsByDomain(
            Collection<Long> stationIds, Collection<LedgerDomain> domains, LocalDate from, LocalDate to) {
        Map<LedgerDomain, List<GroupFact>> out = new java.util.HashMap<>();
        for (LedgerDomain d : domains) {
            out.computeIfAbsent(d, x -> groups(stationIds, x, from, to));
        }
        return out;
    }

    /** Exemplary cases/groups confirmed by the bureau, per station, confirmed in [from, to]. */
    List<ExemplaryFact> exemplary(Collection<Long> stationIds, LocalDate from, LocalDate to);

    record CaseFact(long stationId, long caseId, String title, List<LocalDate> sessionDates) {}

    record GroupFact(long stationId, long groupId, String title, List<SessionFact> sessions) {}

    /** A group session: {@code counts} is whether its record counts on evidence, whatever the attendees. */
    record SessionFact(LocalDate date, int attendees, boolean counts) {}

    /** A confirmed exemplary case or group; {@code domain} is that of the case or group (null: unknown). */
    record ExemplaryFact(long stationId, long id, String title, LocalDate confirmedOn, LedgerDomain domain) {}
}
