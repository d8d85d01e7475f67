package cn.sgz.casework.internal;

import cn.sgz.activity.RecordSummaries.RecordSummary;
import cn.sgz.progress.CaseworkFactSource;
import cn.sgz.progress.DocumentFactSource;
import cn.sgz.shared.vocabulary.LedgerDomain;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The indicator engine's view of casework: cases and groups of the stations with the sessions that
 * count, confirmed exemplary cases, and which case/group forms each station has on file. A handful of
 * grouped queries per call (cases, their sessions, the sessions' records), never one per case.
 */
@Component
class CaseworkFacts implements CaseworkFactSource, DocumentFactSource {

    /** Document names of the built-in catalogs and the form that is that document. */
    private static final Map<String, List<FormType>> FORMS = Map.ofEntries(
            Map.entry("个案接案记录表", List.of(FormType.INTAKE)),
            Map.entry("预估表", List.of(FormType.ASSESSMENT)),
            Map.entry("工作计划表", List.of(FormType.PLAN)),
            Map.entry("评估表", List.of(FormType.EVALUATION)),
            Map.entry("服务对象接受服务前后变化的归档材料", List.of(FormType.EVALUATION)),
            Map.entry("小组服务计划书", List.of(FormType.GROUP_PLAN)),
            Map.entry("单元计划书", List.of(FormType.UNIT_PLAN)),
            Map.entry("评估总结报告", List.of(FormType.GROUP_EVALUATION, FormType.COMMUNITY_EVALUATION)),
            Map.entry("社区服务计划书", List.of(FormType.COMMUNITY_PLAN)),
            Map.entry("计划书", List.of(FormType.COMMUNITY_PLAN)));
    /** Documents that are a step of a case rather than a saved form: signed agreement, approved closure, sessions. */
    private static final String AGREEMENT = "服务协议";

    private static final String CLOSURE = "结案表";
    private static final String PROCESS = "过程记录表";

    private final CaseStore cases;
    private final GroupStore groups;
    private final SessionStore sessions;
    private final FormStore forms;
    private final ExemplaryStore exemplary;
    private final SessionRecords records;
    /** The project whose cases, groups and 成功案例 these are (null: all, whatever their project). */
    private final Long project;
    /** Several projects computed together, read once for all (null: this project alone). */
    private final Batch batch;

    @org.springframework.beans.factory.annotation.Autowired
    CaseworkFacts(
            CaseStore cases,
            GroupStore groups,
            SessionStore sessions,
            FormStore forms,
            ExemplaryStore exemplary,
            SessionRecords records) {
        this.cases = cases;
        this.groups = groups;
        this.sessions = sessions;
        this.forms = forms;
        this.exemplary = exemplary;
        this.records = records;
        this.project = null;
        this.batch = null;
    }

    private CaseworkFacts(CaseworkFacts all, long project, Batch batch) {
        this.cases = all.cases;
        this.groups = all.groups;
        this.sessions = all.sessions;
        this.forms = all.forms;
        this.exemplary = all.exemplary;
        this.records = all.records;
        this.project = project;
        this.batch = batch;
    }

    /** Only the cases and groups tied to the project count, and the 成功案例 of those (each counts for one project). */
    @Override
    public CaseworkFactSource forProject(long projectId) {
        return new CaseworkFacts(this, projectId, null);
    }

    /**
     * Each project's source answers as {@link #forProject} would, but the cases, groups, their sessions and the
     * 成功案例 of all the projects' stations are read once (per period) and sorted out per project and station in
     * memory: a case's or group's facts depend on it alone (its sessions and their records), not on the others read.
     */
    @Override
    public java.util.function.LongFunction<CaseworkFactSource> forProjects(
            Map<Long, ? extends Collection<Long>> stationsByProject) {
        Set<Long> all = new java.util.TreeSet<>();
        stationsByProject.values().forEach(all::addAll);
        Batch shared = new Batch(List.copyOf(all));
        return p -> new CaseworkFacts(this, p, stationsByProject.containsKey(p) ? shared : null);
    }

    /**
     * What one combined computation read, for the stations of all its projects: cases and groups with their sessions
     * and the sessions' records once (they do not depend on the period), their facts per period, 成功案例 per period.
     */
    private static final class Batch {
        final List<Long> stations;
        List<CaseView> caseViews;
        Map<Long, List<SessionStore.Row>> caseSessions;
        Map<Long, RecordSummary> caseRecords;
        List<GroupView> groupViews;
        Map<Long, List<SessionStore.Row>> groupSessions;
        Map<Long, RecordSummary> groupRecords;
        final Map<List<LocalDate>, Read<CaseView, CaseFact>> cases = new HashMap<>();
        final Map<List<LocalDate>, Read<GroupView, GroupFact>> groups = new HashMap<>();
        final Map<List<LocalDate>, List<ExemplaryStore.Confirmed>> exemplary = new HashMap<>();

        Batch(List<Long> stations) {
            this.stations = stations;
        }

        List<Long> stations() {
            return stations;
        }

        Map<List<LocalDate>, List<ExemplaryStore.Confirmed>> exemplary() {
            return exemplary;
        }
    }

    /** Cases (or groups) in id order with the fact of each, at the same index. */
    private record Read<V, F>(List<V> views, List<F> facts) {}

    /** A project's cases at the stations asked (in id order, as a read of its own gives them) with their facts. */
    private Read<CaseView, CaseFact> batchCases(Collection<Long> stationIds, LocalDate from, LocalDate to) {
        if (batch.caseViews == null) {
            batch.caseViews = cases.ofStations(batch.stations(), null);
            batch.caseSessions = sessions.ofOwners(
                    "CASE", batch.caseViews.stream().map(CaseView::id).toList());
            batch.caseRecords = summaries(batch.caseSessions);
        }
        Read<CaseView, CaseFact> read = batch.cases.computeIfAbsent(
                java.util.Arrays.asList(from, to),
                k -> new Read<>(
                        batch.caseViews, caseFacts(batch.caseViews, batch.caseSessions, batch.caseRecords, from, to)));
        Set<Long> asked = new HashSet<>(stationIds);
        List<CaseView> views = new ArrayList<>();
        List<CaseFact> facts = new ArrayList<>();
        for (int i = 0; i < read.views().size(); i++) {
            CaseView c = read.views().get(i);
            if (mine(c.projectId()) && asked.contains(c.stationId())) {
                views.add(c);
                facts.add(read.facts().get(i));
            }
        }
        return new Read<>(views, facts);
    }

    /** As {@link #batchCases}, for groups. */
    private Read<GroupView, GroupFact> batchGroups(Collection<Long> stationIds, LocalDate from, LocalDate to) {
        if (batch.groupViews == null) {
            batch.groupViews = groups.ofStations(GroupKind.GROUP, batch.stations(), null);
            batch.groupSessions = sessions.ofOwners(
                    GroupKind.GROUP.name(),
                    batch.groupViews.stream().map(GroupView::id).toList());
            batch.groupRecords = summaries(batch.groupSessions);
        }
        Read<GroupView, GroupFact> read = batch.groups.computeIfAbsent(
                java.util.Arrays.asList(from, to),
                k -> new Read<>(
                        batch.groupViews,
                        groupFacts(batch.groupViews, batch.groupSessions, batch.groupRecords, from, to)));
        Set<Long> asked = new HashSet<>(stationIds);
        List<GroupView> views = new ArrayList<>();
        List<GroupFact> facts = new ArrayList<>();
        for (int i = 0; i < read.views().size(); i++) {
            GroupView g = read.views().get(i);
            if (mine(g.projectId()) && asked.contains(g.stationId())) {
                views.add(g);
                facts.add(read.facts().get(i));
            }
        }
        return new Read<>(views, facts);
    }

    private boolean mine(Long tie) {
        return project == null || project.equals(tie);
    }

    @Override
    public List<CaseFact> cases(Collection<Long> stationIds, LedgerDomain domain, LocalDate from, LocalDate to) {
        if (batch != null) {
            Read<CaseView, CaseFact> read = batchCases(stationIds, from, to);
            List<CaseFact> of = new ArrayList<>();
            for (int i = 0; i < read.views().size(); i++) {
                if (ofDomain(read.views().get(i).domain(), domain)) {
                    of.add(read.facts().get(i));
                }
            }
            return of;
        }
        List<CaseView> all = cases.ofStations(List.copyOf(stationIds), domain).stream()
                .filter(c -> mine(c.projectId()))
                .toList();
        return caseFacts(all, from, to);
    }

    /** Every domain at once: the stations' cases and their sessions read once, then sorted out by domain. */
    @Override
    public Map<LedgerDomain, List<CaseFact>> casesByDomain(
            Collection<Long> stationIds, Collection<LedgerDomain> domains, LocalDate from, LocalDate to) {
        Map<LedgerDomain, List<CaseFact>> out = new HashMap<>();
        if (domains.isEmpty()) {
            return out;
        }
        List<CaseView> all;
        List<CaseFact> facts;
        if (batch != null) {
            Read<CaseView, CaseFact> read = batchCases(stationIds, from, to);
            all = read.views();
            facts = read.facts();
        } else {
            all = cases.ofStations(List.copyOf(stationIds), null).stream()
                    .filter(c -> mine(c.projectId()))
                    .toList();
            facts = caseFacts(all, from, to);
        }
        for (LedgerDomain d : domains) {
            List<CaseFact> of = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (ofDomain(all.get(i).domain(), d)) {
                    of.add(facts.get(i));
                }
            }
            out.put(d, of);
        }
        return out;
    }

    /** What {@code ofStations(stations, domain)} selects of a case or group of domain {@code own}. */
    private static boolean ofDomain(LedgerDomain own, LedgerDomain domain) {
        return domain == null || domain == LedgerDomain.ALL || domain == own;
    }

    /** One fact per case, in the cases' order. */
    private List<CaseFact> caseFacts(List<CaseView> all, LocalDate from, LocalDate to) {
        Map<Long, List<SessionStore.Row>> byCase =
                sessions.ofOwners("CASE", all.stream().map(CaseView::id).toList());
        return caseFacts(all, byCase, summaries(byCase), from, to);
    }

    /** One fact per case, in the cases' order, from their sessions and the sessions' records already read. */
    private static List<CaseFact> caseFacts(
            List<CaseView> all,
            Map<Long, List<SessionStore.Row>> byCase,
            Map<Long, RecordSummary> sums,
            LocalDate from,
            LocalDate to) {
        List<CaseFact> out = new ArrayList<>();
        for (CaseView c : all) {
            List<LocalDate> dates = byCase.getOrDefault(c.id(), List.of()).stream()
                    .map(s -> sums.get(s.recordId()))
                    .filter(s -> s != null && s.counts() && within(s.serviceDate(), from, to))
                    .map(RecordSummary::serviceDate)
                    .sorted()
                    .toList();
            out.add(new CaseFact(c.stationId(), c.id(), c.code() + " " + c.title(), dates));
        }
        return out;
    }

    @Override
    public List<GroupFact> groups(Collection<Long> stationIds, LedgerDomain domain, LocalDate from, LocalDate to) {
        if (batch != null) {
            Read<GroupView, GroupFact> read = batchGroups(stationIds, from, to);
            List<GroupFact> of = new ArrayList<>();
            for (int i = 0; i < read.views().size(); i++) {
                if (ofDomain(read.views().get(i).domain(), domain)) {
                    of.add(read.facts().get(i));
                }
            }
            return of;
        }
        List<GroupView> all = groups.ofStations(GroupKind.GROUP, List.copyOf(stationIds), domain).stream()
                .filter(g -> mine(g.projectId()))
                .toList();
        return groupFacts(all, from, to);
    }

    /** Every domain at once: the stations' groups and their sessions read once, then sorted out by domain. */
    @Override
    public Map<LedgerDomain, List<GroupFact>> groupsByDomain(
            Collection<Long> stationIds, Collection<LedgerDomain> domains, LocalDate from, LocalDate to) {
        Map<LedgerDomain, List<GroupFact>> out = new HashMap<>();
        if (domains.isEmpty()) {
            return out;
        }
        List<GroupView> all;
        List<GroupFact> facts;
        if (batch != null) {
            Read<GroupView, GroupFact> read = batchGroups(stationIds, from, to);
            all = read.views();
            facts = read.facts();
        } else {
            all = groups.ofStations(GroupKind.GROUP, List.copyOf(stationIds), null).stream()
                    .filter(g -> mine(g.projectId()))
                    .toList();
            facts = groupFacts(all, from, to);
        }
        for (LedgerDomain d : domains) {
            List<GroupFact> of = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (ofDomain(all.get(i).domain(), d)) {
                    of.add(facts.get(i));
                }
            }
            out.put(d, of);
        }
        return out;
    }

    /** One fact per group, in the groups' order. */
    private List<GroupFact> groupFacts(List<GroupView> all, LocalDate from, LocalDate to) {
        Map<Long, List<SessionStore.Row>> byGroup = sessions.ofOwners(
                GroupKind.GROUP.name(), all.stream().map(GroupView::id).toList());
        return groupFacts(all, byGroup, summaries(byGroup), from, to);
    }

    /** One fact per group, in the groups' order, from their sessions and the sessions' records already read. */
    private static List<GroupFact> groupFacts(
            List<GroupView> all,
            Map<Long, List<SessionStore.Row>> byGroup,
            Map<Long, RecordSummary> sums,
            LocalDate from,
            LocalDate to) {
        List<GroupFact> out = new ArrayList<>();
        for (GroupView g : all) {
            // The attendee minimum is not applied here: it belongs to the indicator or the project under
            // evaluation (not the group's own project) and the engine applies it when it computes.
            List<SessionFact> facts = new ArrayList<>();
            for (SessionStore.Row row : byGroup.getOrDefault(g.id(), List.of())) {
                RecordSummary s = sums.get(row.recordId());
                if (s == null || s.voided() || !within(s.serviceDate(), from, to)) {
                    continue;
                }
                facts.add(new SessionFact(s.serviceDate(), s.signInCount(), s.counts()));
            }
            facts.sort(java.util.Comparator.comparing(SessionFact::date));
            out.add(new GroupFact(g.stationId(), g.id(), g.code() + " " + g.name(), facts));
        }
        return out;
    }

    @Override
    public List<ExemplaryFact> exemplary(Collection<Long> stationIds, LocalDate from, LocalDate to) {
        Set<Long> asked = batch == null ? null : new HashSet<>(stationIds);
        List<ExemplaryStore.Confirmed> confirmed = batch == null
                ? exemplary.confirmed(stationIds, from, to)
                : batch
                        .exemplary()
                        .computeIfAbsent(
                                java.util.Arrays.asList(from, to), k -> exemplary.confirmed(batch.stations(), from, to))
                        .stream()
                        .filter(c -> asked.contains(c.view().stationId()))
                        .toList();
        return confirmed.stream()
                .filter(c -> mine(c.projectId()))
                .map(c -> new ExemplaryFact(
                        c.view().stationId(),
                        c.view().id(),
                        c.view().title(),
                        c.view().confirmedOn(),
                        c.domain() == null ? null : LedgerDomain.valueOf(c.domain())))
                .toList();
    }

    @Override
    public boolean answersFor(String documentName) {
        return FORMS.containsKey(documentName)
                || AGREEMENT.equals(documentName)
                || CLOSURE.equals(documentName)
                || PROCESS.equals(documentName);
    }

    @Override
    public Map<Long, Set<String>> documents(Collection<Long> stationIds, Collection<String> names) {
        return documents(stationIds, names, null);
    }

    /** Forms, sessions and case stages of cases and groups of the domain only (null or ALL: any). */
    @Override
    public Map<Long, Set<String>> documents(
            Collection<Long> stationIds, Collection<String> names, LedgerDomain domain) {
        Map<Long, Set<String>> result = new HashMap<>();
        if (stationIds.isEmpty()) {
            return result;
        }
        Set<FormType> wanted = new HashSet<>();
        names.forEach(n -> wanted.addAll(FORMS.getOrDefault(n, List.of())));
        Map<Long, Set<FormType>> present = forms.typesByStation(stationIds, wanted, domain);
        for (String name : names) {
            List<FormType> types = FORMS.get(name);
            if (types == null) {
                continue;
            }
            present.forEach((station, have) -> {
                if (types.stream().anyMatch(have::contains)) {
                    result.computeIfAbsent(station, s -> new HashSet<>()).add(name);
                }
            });
        }
        if (names.contains(PROCESS)) {
            sessions.stationsWithSessions(stationIds, domain)
                    .forEach(
                            s -> result.computeIfAbsent(s, k -> new HashSet<>()).add(PROCESS));
        }
        if (names.contains(AGREEMENT) || names.contains(CLOSURE)) {
            cases.stagesByStation(stationIds, domain).forEach((station, stages) -> {
                if (names.contains(AGREEMENT)
                        && stages.stream().anyMatch(s -> s.atLeast(cn.sgz.casework.internal.CaseStage.AGREED))) {
                    result.computeIfAbsent(station, k -> new HashSet<>()).add(AGREEMENT);
                }
                if (names.contains(CLOSURE) && stages.contains(cn.sgz.casework.internal.CaseStage.CLOSED)) {
                    result.computeIfAbsent(station, k -> new HashSet<>()).add(CLOSURE);
                }
            });
        }
        return result;
    }

    /**
     * Every shape at once, each answered as {@link #documents(Collection, Collection, LedgerDomain)} would: forms,
     * sessions and case stages read once each (with the domain of their case or group), then sorted out per shape
     * in memory. Forms are standing documents here (no periods).
     */
    @Override
    public Map<Shape, Filed> filed(Collection<Long> stationIds, Collection<Shape> shapes) {
        Map<Shape, Filed> out = new HashMap<>();
        if (stationIds.isEmpty()) {
            shapes.forEach(s -> out.put(s, new Filed(new HashMap<>(), null)));
            return out;
        }
        Set<FormType> wanted = new HashSet<>();
        boolean process = false;
        boolean stages = false;
        for (Shape s : shapes) {
            s.names().forEach(n -> wanted.addAll(FORMS.getOrDefault(n, List.of())));
            process |= s.names().contains(PROCESS);
            stages |= s.names().contains(AGREEMENT) || s.names().contains(CLOSURE);
        }
        List<FormStore.TypeInDomain> formRows = forms.typesByStationAndDomain(stationIds, wanted);
        List<Map.Entry<Long, String>> sessionRows =
                process ? sessions.stationDomainsWithSessions(stationIds) : List.of();
        List<CaseStore.StageInDomain> stageRows = stages ? cases.stagesByStationAndDomain(stationIds) : List.of();
        for (Shape shape : shapes) {
            LedgerDomain domain = shape.domain();
            boolean any = domain == null || domain == LedgerDomain.ALL;
            List<String> names = shape.names();
            Set<FormType> asked = new HashSet<>();
            names.forEach(n -> asked.addAll(FORMS.getOrDefault(n, List.of())));
            Map<Long, Set<FormType>> present = new HashMap<>();
            for (FormStore.TypeInDomain r : formRows) {
                if (asked.contains(r.type()) && (any || domain.name().equals(r.domain()))) {
                    present.computeIfAbsent(r.stationId(), k -> new HashSet<>()).add(r.type());
                }
            }
            Map<Long, Set<String>> result = new HashMap<>();
            for (String name : names) {
                List<FormType> types = FORMS.get(name);
                if (types == null) {
                    continue;
                }
                present.forEach((station, have) -> {
                    if (types.stream().anyMatch(have::contains)) {
                        result.computeIfAbsent(station, s -> new HashSet<>()).add(name);
                    }
                });
            }
            if (names.contains(PROCESS)) {
                sessionRows.stream()
                        .filter(e -> any || domain.name().equals(e.getValue()))
                        .forEach(e -> result.computeIfAbsent(e.getKey(), k -> new HashSet<>())
                                .add(PROCESS));
            }
            if (names.contains(AGREEMENT) || names.contains(CLOSURE)) {
                Map<Long, Set<CaseStage>> byStation = new HashMap<>();
                stageRows.stream()
                        .filter(r -> any || r.domain() == domain)
                        .forEach(r -> byStation
                                .computeIfAbsent(r.stationId(), k -> java.util.EnumSet.noneOf(CaseStage.class))
                                .add(r.stage()));
                byStation.forEach((station, reached) -> {
                    if (names.contains(AGREEMENT) && reached.stream().anyMatch(s -> s.atLeast(CaseStage.AGREED))) {
                        result.computeIfAbsent(station, k -> new HashSet<>()).add(AGREEMENT);
                    }
                    if (names.contains(CLOSURE) && reached.contains(CaseStage.CLOSED)) {
                        result.computeIfAbsent(station, k -> new HashSet<>()).add(CLOSURE);
                    }
                });
            }
            out.put(shape, new Filed(result, null));
        }
        return out;
    }

    private Map<Long, RecordSummary> summaries(Map<Long, List<SessionStore.Row>> rows) {
        List<Long> ids = rows.values().stream()
                .flatMap(List::stream)
                .map(SessionStore.Row::recordId)
                .toList();
        return ids.isEmpty() ? Map.of() : records.summaries(ids);
    }

    private static boolean within(LocalDate d, LocalDate from, LocalDate to) {
        return d != null && (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
    }
}
