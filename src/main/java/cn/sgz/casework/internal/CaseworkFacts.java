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
    }

    private CaseworkFacts(CaseworkFacts all, long project) {
        this.cases = all.cases;
        this.groups = all.groups;
        this.sessions = all.sessions;
        this.forms = all.forms;
        this.exemplary = all.exemplary;
        this.records = all.records;
        this.project = project;
    }

    /** Only the cases and groups tied to the project count, and the 成功案例 of those (each counts for one project). */
    @Override
    public CaseworkFactSource forProject(long projectId) {
        return new CaseworkFacts(this, projectId);
    }

    private boolean mine(Long tie) {
        return project == null || project.equals(tie);
    }

    @Override
    public List<CaseFact> cases(Collection<Long> stationIds, LedgerDomain domain, LocalDate from, LocalDate to) {
        List<CaseView> all = cases.ofStations(List.copyOf(stationIds), domain).stream()
                .filter(c -> mine(c.projectId()))
                .toList();
        Map<Long, List<SessionStore.Row>> byCase =
                sessions.ofOwners("CASE", all.stream().map(CaseView::id).toList());
        Map<Long, RecordSummary> sums = summaries(byCase);
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
        List<GroupView> all = groups.ofStations(GroupKind.GROUP, List.copyOf(stationIds), domain).stream()
                .filter(g -> mine(g.projectId()))
                .toList();
        Map<Long, List<SessionStore.Row>> byGroup = sessions.ofOwners(
                GroupKind.GROUP.name(), all.stream().map(GroupView::id).toList());
        Map<Long, RecordSummary> sums = summaries(byGroup);
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
        return exemplary.confirmed(stationIds, from, to).stream()
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
