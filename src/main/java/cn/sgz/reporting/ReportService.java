package cn.sgz.reporting;

import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectInScope;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.org.CurrentUser;
import cn.sgz.org.Role;
import cn.sgz.org.Scope;
import cn.sgz.org.ScopeService;
import cn.sgz.reporting.ReportDetail.ReportActions;
import cn.sgz.reporting.internal.ContentBuilder;
import cn.sgz.reporting.internal.ReportFiles;
import cn.sgz.reporting.internal.ReportPeriods;
import cn.sgz.reporting.internal.ReportStore;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.BusinessException.FieldProblem;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Periodic reports of the stations of a project and their submission chain: the station writes (head
 * and workers), only the station head submits, only the manager of the agency serving the project
 * reviews, only the project's county bureau receives or returns with a reason. A submitted report is
 * frozen: its figures are the snapshot taken on submission and its text cannot change (409) until the
 * bureau returns it. A report outside the caller's scope answers like an unknown one (404).
 */
@Service
public class ReportService {

    private final ReportStore store;
    private final ProjectQueries projects;
    private final ScopeService scopes;
    private final ContentBuilder builder;
    private final ReportFiles files;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    ReportService(
            ReportStore store,
            ProjectQueries projects,
            ScopeService scopes,
            ContentBuilder builder,
            ReportFiles files,
            JsonMapper json,
            ApplicationEventPublisher events) {
        this.store = store;
        this.projects = projects;
        this.scopes = scopes;
        this.builder = builder;
        this.files = files;
        this.json = json;
        this.events = events;
    }

    // ---- reading ----------------------------------------------------------------------------------

    /** The projects the user may see (for pickers). */
    public List<Project> visibleProjects() {
        return projects.visible();
    }

    /**
     * Every report of the project's visible stations (or one station) for the periods begun by today,
     * newest period first; kinds the schedule switched off are left out, as are reports of other kinds
     * when {@code kind} is given. Periods nobody started are listed with status 未开始.
     */
    @Transactional(readOnly = true)
    public List<ReportView> list(long projectId, Long stationId, ReportKind kind) {
        ProjectInScope p = projects.inScope(projectId);
        List<Long> stations = stationId == null ? p.visibleStationIds() : only(p, stationId);
        return views(p, stations, store.schedule(projectId), store.list(projectId, stations, kind), kind);
    }

    /** A project's reports, started or not, at these stations: from its schedule and the stored rows. */
    private List<ReportView> views(
            ProjectInScope p,
            List<Long> stations,
            Map<ReportKind, ReportStore.Schedule> schedule,
            List<ReportStore.Row> stored,
            ReportKind kind) {
        Map<String, ReportStore.Row> rows = new java.util.HashMap<>();
        stored.forEach(r -> rows.put(key(r.stationId(), r.kind(), r.periodStart()), r));
        LocalDate today = ChinaTime.today();
        List<ReportView> result = new ArrayList<>();
        for (ReportKind k : ReportKind.values()) {
            ReportStore.Schedule s = schedule.get(k);
            if ((kind != null && k != kind) || (kind == null && !s.enabled())) {
                continue;
            }
            for (ReportPeriods.Period period :
                    ReportPeriods.of(p.project().startDate(), p.project().endDate(), k, s.dueDay())) {
                if (period.start().isAfter(today)) {
                    continue;
                }
                for (long station : stations) {
                    ReportStore.Row r = rows.get(key(station, k, period.start()));
                    result.add(r == null ? notStarted(p, station, period) : view(p, r));
                }
            }
        }
        result.sort(Comparator.comparing(ReportView::periodEnd)
                .reversed()
                .thenComparing(v -> v.kind().ordinal())
                .thenComparing(v -> p.visibleStationIds().indexOf(v.stationId())));
        return result;
    }

    @Transactional(readOnly = true)
    public ReportDetail get(long id) {
        Loaded l = load(id);
        return detail(l);
    }

    /** The figures of a report: its snapshot once submitted, else computed now as of the period's end. */
    @Transactional(readOnly = true)
    public ReportContent content(long id) {
        return content(load(id));
    }

    /**
     * The figures of a period computed now, whether or not the station has started its report (so the
     * bureau can look at a station that has not reported).
     */
    @Transactional(readOnly = true)
    public ReportContent preview(long projectId, long stationId, ReportKind kind, LocalDate periodStart) {
        ProjectInScope p = projects.inScope(projectId);
        only(p, stationId);
        ReportPeriods.Period period = period(p, kind, periodStart);
        LocalDate today = ChinaTime.today();
        return builder.build(projectId, stationId, period.start(), period.end().isAfter(today) ? today : period.end());
    }

    private ReportPeriods.Period period(ProjectInScope p, ReportKind kind, LocalDate periodStart) {
        if (kind == null) {
            throw BusinessException.field("kind", "报告类型：请选择月报、季报、半年报或年报");
        }
        if (periodStart == null) {
            throw BusinessException.field("periodStart", "报告期：请选择报告期");
        }
        ReportStore.Schedule s = store.schedule(p.project().id()).get(kind);
        ReportPeriods.Period period = ReportPeriods.find(
                        p.project().startDate(), p.project().endDate(), kind, s.dueDay(), periodStart)
                .orElseThrow(() -> BusinessException.field(
                        "periodStart", "报告期：项目期内没有从 " + periodStart + " 开始的" + kind.label() + "报告期"));
        if (period.start().isAfter(ChinaTime.today())) {
            throw BusinessException.field("periodStart", "报告期：" + period.label() + "尚未开始");
        }
        return period;
    }

    // ---- the station writes ---------------------------------------------------------------------

    /** Starts (or opens, when already started) the report of a period; answers the report. */
    @Transactional
    public ReportView start(long projectId, long stationId, ReportKind kind, LocalDate periodStart) {
        ProjectInScope p = projects.inScope(projectId);
        only(p, stationId);
        requireStationWriter();
        ReportPeriods.Period period = period(p, kind, periodStart);
        var existing = store.find(projectId, stationId, kind, period.start());
        if (existing.isPresent()) {
            return view(p, existing.get());
        }
        String path = scopes.pathOf(stationId).orElseThrow(() -> new NotFoundException("社工站"));
        long id;
        try {
            id = store.insert(projectId, stationId, path, period, me().displayName());
        } catch (DuplicateKeyException e) {
            return view(
                    p, store.find(projectId, stationId, kind, period.start()).orElseThrow());
        }
        events.publishEvent(
                AuditEvent.success("REPORT_START", "PERIODIC_REPORT", id, path, period.label() + kind.label()));
        return view(p, store.find(id).orElseThrow());
    }

    @Transactional
    public ReportView saveNarrative(long id, NarrativeForm form, Long version) {
        Loaded l = load(id);
        requireStationWriter();
        requireEditable(l.row());
        check(form);
        if (!store.saveNarrative(id, requireVersion(version), form)) {
            throw stale();
        }
        events.publishEvent(
                AuditEvent.success("REPORT_SAVE", "PERIODIC_REPORT", id, l.row().orgPath(), null));
        return view(l.project(), store.find(id).orElseThrow());
    }

    @Transactional
    public ReportView submit(long id, Long version) {
        Loaded l = load(id);
        if (me().role() != Role.STATION_HEAD) {
            throw new ForbiddenException("只有社工站站长可以提交报告");
        }
        requireEditable(l.row());
        if (ChinaTime.today().isBefore(l.row().periodEnd())) {
            throw new BusinessException(
                    "PERIOD_NOT_ENDED", "本期尚未结束（截至 " + l.row().periodEnd() + "），期满后才能提交");
        }
        if (l.row().summary() == null || l.row().summary().isBlank()) {
            throw BusinessException.field("summary", "工作总结：提交前请填写工作总结");
        }
        String snapshot = json.writeValueAsString(compute(l.row()));
        if (!store.submit(id, requireVersion(version), me().displayName(), snapshot)) {
            throw stale();
        }
        events.publishEvent(AuditEvent.success(
                "REPORT_SUBMIT", "PERIODIC_REPORT", id, l.row().orgPath(), null));
        return view(l.project(), store.find(id).orElseThrow());
    }

    // ---- the agency reviews, the bureau receives or returns -------------------------------------

    @Transactional
    public ReportView review(long id, Long version) {
        Loaded l = load(id);
        if (!mayReview(l.project().project())) {
            throw new ForbiddenException("只有承接该社工站的机构负责人可以审核报告");
        }
        if (l.row().status() != ReportStatus.SUBMITTED) {
            throw new ConflictException("报告当前为“" + l.row().status().label() + "”，只有已提交的报告可以审核");
        }
        if (!store.review(id, requireVersion(version), me().displayName())) {
            throw stale();
        }
        events.publishEvent(AuditEvent.success(
                "REPORT_REVIEW", "PERIODIC_REPORT", id, l.row().orgPath(), null));
        return view(l.project(), store.find(id).orElseThrow());
    }

    @Transactional
    public ReportView receive(long id, Long version) {
        Loaded l = load(id);
        requireBureau(l.project().project());
        if (l.row().status() != ReportStatus.REVIEWED) {
            throw new ConflictException("报告当前为“" + l.row().status().label() + "”，须经承接机构审核后才能接收");
        }
        if (!store.receive(id, requireVersion(version), me().displayName())) {
            throw stale();
        }
        events.publishEvent(AuditEvent.success(
                "REPORT_RECEIVE", "PERIODIC_REPORT", id, l.row().orgPath(), null));
        return view(l.project(), store.find(id).orElseThrow());
    }

    @Transactional
    public ReportView returnReport(long id, String reason, Long version) {
        Loaded l = load(id);
        requireBureau(l.project().project());
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2 || why.length() > 500) {
            throw BusinessException.field("reason", "退回原因：请写明退回原因（2～500个字）");
        }
        if (l.row().status() != ReportStatus.SUBMITTED && l.row().status() != ReportStatus.REVIEWED) {
            throw new ConflictException("报告当前为“" + l.row().status().label() + "”，只有已提交或已审核的报告可以退回");
        }
        if (!store.returnIt(id, requireVersion(version), me().displayName(), why)) {
            throw stale();
        }
        events.publishEvent(AuditEvent.success(
                "REPORT_RETURN", "PERIODIC_REPORT", id, l.row().orgPath(), why));
        return view(l.project(), store.find(id).orElseThrow());
    }

    // ---- files ------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public byte[] word(long id) {
        Loaded l = load(id);
        ReportView v = view(l.project(), l.row());
        events.publishEvent(AuditEvent.success(
                "REPORT_EXPORT", "PERIODIC_REPORT", id, l.row().orgPath(), "Word"));
        return files.word(v, content(l), l.project().project());
    }

    @Transactional(readOnly = true)
    public byte[] excel(long id) {
        Loaded l = load(id);
        ReportView v = view(l.project(), l.row());
        events.publishEvent(AuditEvent.success(
                "REPORT_EXPORT", "PERIODIC_REPORT", id, l.row().orgPath(), "Excel"));
        return files.excel(v, content(l));
    }

    /** File name of a report's downloads, without extension: 沙河街道社工站2026年11月月报 */
    @Transactional(readOnly = true)
    public String fileName(long id) {
        Loaded l = load(id);
        return view(l.project(), l.row()).title();
    }

    // ---- schedule ---------------------------------------------------------------------------------

    /** One line of a project's report schedule. */
    public record ReportScheduleLine(ReportKind kind, String kindLabel, boolean enabled, int dueDay, long version) {}

    @Transactional(readOnly = true)
    public List<ReportScheduleLine> schedule(long projectId) {
        projects.inScope(projectId);
        return store.schedule(projectId).values().stream()
                .map(s -> new ReportScheduleLine(s.kind(), s.kind().label(), s.enabled(), s.dueDay(), s.version()))
                .toList();
    }

    public boolean maySchedule(long projectId) {
        return isBureauOf(projects.get(projectId));
    }

    /** The bureau sets which kinds are due and on which day of the following month (1–28). */
    @Transactional
    public List<ReportScheduleLine> saveSchedule(
            long projectId, ReportKind kind, boolean enabled, Integer dueDay, Long version) {
        Project p = projects.get(projectId);
        requireBureau(p);
        if (kind == null) {
            throw BusinessException.field("kind", "报告类型：请选择月报、季报、半年报或年报");
        }
        if (dueDay == null || dueDay < 1 || dueDay > 28) {
            throw BusinessException.field("dueDay", "报送日：请填写次月的第几日（1～28）");
        }
        if (!store.saveSchedule(projectId, kind, enabled, dueDay, requireVersion(version), me().username())) {
            throw stale();
        }
        store.redate(projectId, kind, dueDay);
        String path = scopes.pathOf(p.bureauId()).orElse(null);
        events.publishEvent(AuditEvent.success(
                "REPORT_SCHEDULE",
                "PROJECT",
                projectId,
                path,
                kind.label() + (enabled ? " 次月" + dueDay + "日前报送" : " 停用")));
        return schedule(projectId);
    }

    // ---- home pages -------------------------------------------------------------------------------

    /** What the home page shows: reports overdue in the user's scope, and reports waiting for the user. */
    public record ReportAttention(List<ReportView> overdue, List<ReportView> waiting) {}

    @Transactional(readOnly = true)
    public ReportAttention attention() {
        CurrentUser me = me();
        LocalDate today = ChinaTime.today();
        List<ReportView> overdue = new ArrayList<>();
        List<ReportView> waiting = new ArrayList<>();
        // every visible project's reports in a constant number of statements, whatever the number of projects
        List<ProjectInScope> running = projects.visibleInScope().stream()
                .filter(p -> !today.isBefore(p.project().startDate()))
                .toList();
        List<Long> ids = running.stream().map(p -> p.project().id()).toList();
        java.util.Set<Long> stations = new java.util.HashSet<>();
        running.forEach(p -> stations.addAll(p.visibleStationIds()));
        Map<Long, Map<ReportKind, ReportStore.Schedule>> schedules = store.schedules(ids);
        Map<Long, List<ReportStore.Row>> stored = new java.util.HashMap<>();
        store.listAll(ids, stations)
                .forEach(r -> stored.computeIfAbsent(r.projectId(), k -> new ArrayList<>())
                        .add(r));
        List<Long> bureaus = me.role() == Role.BUREAU_OFFICER
                ? scopes.visibleUnitIds(cn.sgz.org.OrgUnitType.COUNTY_BUREAU)
                : List.of();
        for (ProjectInScope p : running) {
            Project project = p.project();
            boolean bureau = bureaus.contains(project.bureauId());
            boolean agency = mayReview(project);
            for (ReportView v : views(
                    p,
                    p.visibleStationIds(),
                    schedules.get(project.id()),
                    stored.getOrDefault(project.id(), List.of()),
                    null)) {
                if (v.overdue()) {
                    overdue.add(v);
                } else if ((agency && v.status() == ReportStatus.SUBMITTED)
                        || (bureau && v.status() == ReportStatus.REVIEWED)
                        || (me.role() == Role.STATION_HEAD && v.status() == ReportStatus.RETURNED)) {
                    waiting.add(v);
                }
            }
        }
        overdue.sort(Comparator.comparing(ReportView::dueOn));
        return new ReportAttention(overdue, waiting);
    }

    // ---- internals --------------------------------------------------------------------------------

    private record Loaded(ReportStore.Row row, ProjectInScope project) {}

    private Loaded load(long id) {
        ReportStore.Row row = store.find(id).orElseThrow(() -> new NotFoundException("报告"));
        if (!scopes.current().covers(row.orgPath())) {
            throw new NotFoundException("报告");
        }
        ProjectInScope p = projects.inScope(row.projectId());
        if (!p.visibleStationIds().contains(row.stationId())) {
            throw new NotFoundException("报告");
        }
        return new Loaded(row, p);
    }

    private ReportDetail detail(Loaded l) {
        ReportStore.Row r = l.row();
        ReportView v = view(l.project(), r);
        boolean frozen = r.status().frozen() && r.snapshot() != null;
        ReportContent content;
        List<ReportDetail.ReportChange> changes = List.of();
        if (frozen) {
            content = snapshot(r);
            changes = ContentBuilder.compare(content, compute(r));
        } else {
            content = compute(r);
        }
        Role role = me().role();
        boolean writer = role == Role.STATION_HEAD || role == Role.SOCIAL_WORKER;
        Project p = l.project().project();
        boolean bureau = isBureauOf(p);
        ReportActions actions = new ReportActions(
                writer && r.status().editable(),
                role == Role.STATION_HEAD
                        && r.status().editable()
                        && !ChinaTime.today().isBefore(r.periodEnd()),
                mayReview(p) && r.status() == ReportStatus.SUBMITTED,
                bureau && r.status() == ReportStatus.REVIEWED,
                bureau && (r.status() == ReportStatus.SUBMITTED || r.status() == ReportStatus.REVIEWED));
        return new ReportDetail(v, content, frozen, changes, actions);
    }

    private ReportContent content(Loaded l) {
        ReportStore.Row r = l.row();
        return r.status().frozen() && r.snapshot() != null ? snapshot(r) : compute(r);
    }

    private ReportContent compute(ReportStore.Row r) {
        LocalDate today = ChinaTime.today();
        LocalDate asOf = r.periodEnd().isAfter(today) ? today : r.periodEnd();
        return builder.build(r.projectId(), r.stationId(), r.periodStart(), asOf);
    }

    private ReportContent snapshot(ReportStore.Row r) {
        return json.readValue(r.snapshot(), ReportContent.class);
    }

    private ReportView view(ProjectInScope p, ReportStore.Row r) {
        boolean overdue = r.status().editable() && ChinaTime.today().isAfter(r.dueOn());
        return new ReportView(
                r.id(),
                p.project().id(),
                p.project().name(),
                r.stationId(),
                p.unitNames().getOrDefault(r.stationId(), "—"),
                r.kind(),
                ReportPeriods.label(aligned(r.periodStart(), r.kind()), r.kind()),
                r.periodStart(),
                r.periodEnd(),
                r.dueOn(),
                r.status(),
                overdue,
                r.summary(),
                r.highlights(),
                r.problems(),
                r.nextPlan(),
                r.returnReason(),
                r.returnedBy(),
                r.returnedAt(),
                r.submittedBy(),
                r.submittedAt(),
                r.reviewedBy(),
                r.reviewedAt(),
                r.receivedBy(),
                r.receivedAt(),
                r.version());
    }

    private static ReportView notStarted(ProjectInScope p, long station, ReportPeriods.Period period) {
        boolean overdue = ChinaTime.today().isAfter(period.dueOn());
        return new ReportView(
                null,
                p.project().id(),
                p.project().name(),
                station,
                p.unitNames().getOrDefault(station, "—"),
                period.kind(),
                period.label(),
                period.start(),
                period.end(),
                period.dueOn(),
                ReportStatus.NOT_STARTED,
                overdue,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0);
    }

    private static LocalDate aligned(LocalDate start, ReportKind kind) {
        int m = start.getMonthValue();
        return LocalDate.of(start.getYear(), ((m - 1) / kind.months()) * kind.months() + 1, 1);
    }

    private static String key(long station, ReportKind kind, LocalDate start) {
        return station + "/" + kind + "/" + start;
    }

    private static List<Long> only(ProjectInScope p, long stationId) {
        if (!p.visibleStationIds().contains(stationId)) {
            throw new NotFoundException("社工站");
        }
        return List.of(stationId);
    }

    private CurrentUser me() {
        return scopes.currentUser();
    }

    private void requireStationWriter() {
        Role role = me().role();
        if (role != Role.STATION_HEAD && role != Role.SOCIAL_WORKER) {
            throw new ForbiddenException("只有社工站站长和驻站社工可以填写报告");
        }
    }

    private static void requireEditable(ReportStore.Row r) {
        if (!r.status().editable()) {
            throw new ConflictException("报告已提交（当前状态：" + r.status().label() + "），不能再修改；如需更正，请联系区县民政局退回");
        }
    }

    /** The manager of the agency that serves the project (scope already limits them to its stations). */
    private boolean mayReview(Project p) {
        CurrentUser me = me();
        return me.role() == Role.AGENCY_MANAGER && me.agencyId() != null && me.agencyId() == p.agencyId();
    }

    private boolean isBureauOf(Project p) {
        CurrentUser me = me();
        if (me.role() != Role.BUREAU_OFFICER) {
            return false;
        }
        Scope scope = scopes.current();
        return scopes.pathOf(p.bureauId()).map(scope::covers).orElse(false);
    }

    private void requireBureau(Project p) {
        if (!isBureauOf(p)) {
            throw new ForbiddenException("只有项目所属的区县民政局可以接收或退回报告");
        }
    }

    private static long requireVersion(Long version) {
        if (version == null) {
            throw BusinessException.field("version", "缺少版本号：请先读取报告，再带着读取到的 version 提交");
        }
        return version;
    }

    private static ConflictException stale() {
        return new ConflictException("操作失败：该报告在您打开之后已被他人修改，请刷新后重试");
    }

    private static void check(NarrativeForm f) {
        if (f == null) {
            throw BusinessException.field("summary", "缺少报告内容");
        }
        List<FieldProblem> problems = new ArrayList<>();
        limit(problems, "summary", "工作总结", f.summary());
        limit(problems, "highlights", "亮点与成效", f.highlights());
        limit(problems, "problems", "存在问题", f.problems());
        limit(problems, "nextPlan", "下期计划", f.nextPlan());
        if (!problems.isEmpty()) {
            throw new BusinessException("INVALID_INPUT", problems.get(0).message(), problems);
        }
    }

    private static void limit(List<FieldProblem> problems, String field, String label, String value) {
        if (value != null && value.strip().length() > NarrativeForm.MAX) {
            problems.add(new FieldProblem(
                    field,
                    label + "：最多" + NarrativeForm.MAX + "个字（现有" + value.strip().length() + "个字）"));
        }
    }
}
