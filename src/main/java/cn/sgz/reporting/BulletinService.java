package cn.sgz.reporting;

import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectInScope;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.org.Role;
import cn.sgz.org.ScopeService;
import cn.sgz.progress.ComplianceService;
import cn.sgz.progress.IndicatorResult;
import cn.sgz.progress.IndicatorStatus;
import cn.sgz.progress.StationCompliance;
import cn.sgz.reporting.internal.BulletinFiles;
import cn.sgz.reporting.internal.BulletinStore;
import cn.sgz.reporting.internal.ContentBuilder;
import cn.sgz.reporting.internal.ReportPeriods;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * 季度通报 of a project for government roles and evaluators: computed from the engine for all visible
 * stations at once, as a page, Word and Excel; the project's bureau may publish it (a frozen copy that
 * stays as it was).
 */
@Service
public class BulletinService {

    private static final Set<Role> READERS =
            EnumSet.of(Role.ADMIN, Role.CITY_OFFICER, Role.BUREAU_OFFICER, Role.EVALUATOR);
    private static final Set<IndicatorStatus> UNJUDGED =
            EnumSet.of(IndicatorStatus.NOT_DUE, IndicatorStatus.NOT_CONNECTED, IndicatorStatus.MANUAL);

    private final ProjectQueries projects;
    private final ComplianceService compliance;
    private final ContentBuilder builder;
    private final ReportService reports;
    private final BulletinStore store;
    private final BulletinFiles files;
    private final ScopeService scopes;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    BulletinService(
            ProjectQueries projects,
            ComplianceService compliance,
            ContentBuilder builder,
            ReportService reports,
            BulletinStore store,
            BulletinFiles files,
            ScopeService scopes,
            JsonMapper json,
            ApplicationEventPublisher events,
            cn.sgz.feedback.ComplaintService complaints,
            cn.sgz.feedback.SatisfactionResults satisfaction,
            cn.sgz.org.OrgDirectory directory) {
        this.directory = directory;
        this.complaints = complaints;
        this.satisfaction = satisfaction;
        this.projects = projects;
        this.compliance = compliance;
        this.builder = builder;
        this.reports = reports;
        this.store = store;
        this.files = files;
        this.scopes = scopes;
        this.json = json;
        this.events = events;
    }

    private final cn.sgz.org.OrgDirectory directory;
    private final cn.sgz.feedback.ComplaintService complaints;
    private final cn.sgz.feedback.SatisfactionResults satisfaction;

    public boolean mayRead() {
        return READERS.contains(scopes.currentUser().role());
    }

    /** A quarter of the project: label and first day, for pickers (quarters begun by today, newest first). */
    public record BulletinQuarter(String label, LocalDate start, LocalDate end) {}

    @Transactional(readOnly = true)
    public List<BulletinQuarter> quarters(long projectId) {
        requireReader();
        Project p = projects.get(projectId);
        LocalDate today = ChinaTime.today();
        List<BulletinQuarter> result =
                new ArrayList<>(ReportPeriods.of(p.startDate(), p.endDate(), ReportKind.QUARTER, 10).stream()
                        .filter(q -> !q.start().isAfter(today))
                        .map(q -> new BulletinQuarter(q.label(), q.start(), q.end()))
                        .toList());
        java.util.Collections.reverse(result);
        return result;
    }

    /** The bulletin computed now for the quarter that starts on {@code quarterStart} (the latest begun when null). */
    @Transactional(readOnly = true)
    public Bulletin compute(long projectId, LocalDate quarterStart) {
        requireReader();
        ProjectInScope p = projects.inScope(projectId);
        BulletinQuarter q = quarter(projectId, quarterStart);
        LocalDate today = ChinaTime.today();
        LocalDate asOf = q.end().isAfter(today) ? today : q.end();
        List<StationCompliance> all = compliance.compute(projectId, null, asOf);
        Map<String, String> quarterly = new java.util.HashMap<>();
        reports.list(projectId, null, ReportKind.QUARTER).stream()
                .filter(r -> r.periodStart().equals(q.start()))
                .forEach(r -> quarterly.put(String.valueOf(r.stationId()), r.statusLabel()));
        List<Bulletin.BulletinStation> lines = new ArrayList<>();
        for (StationCompliance sc : all) {
            ReportContent c = builder.build(sc, q.start(), asOf);
            Map<IndicatorStatus, Long> by = sc.countByStatus();
            long evaluated = sc.indicators().stream()
                    .filter(i -> !UNJUDGED.contains(i.status()))
                    .count();
            long met = by.getOrDefault(IndicatorStatus.MET, 0L);
            BigDecimal rate = evaluated == 0
                    ? BigDecimal.ZERO
                    : BigDecimal.valueOf(met * 100).divide(BigDecimal.valueOf(evaluated), 1, RoundingMode.HALF_UP);
            List<String> risks = sc.indicators().stream()
                    .filter(i -> i.status() == IndicatorStatus.MISSED || i.status() == IndicatorStatus.AT_RISK)
                    .map(i -> i.code() + " " + i.name() + "（" + i.status().label() + "）")
                    .toList();
            lines.add(new Bulletin.BulletinStation(
                    0,
                    sc.stationId(),
                    sc.stationName(),
                    met,
                    by.getOrDefault(IndicatorStatus.ON_TRACK, 0L),
                    by.getOrDefault(IndicatorStatus.AT_RISK, 0L),
                    by.getOrDefault(IndicatorStatus.MISSED, 0L),
                    evaluated,
                    rate,
                    c.countedRecords(),
                    c.excludedRecords(),
                    c.peopleServed(),
                    quarterly.getOrDefault(String.valueOf(sc.stationId()), ReportStatus.NOT_STARTED.label()),
                    risks));
        }
        lines.sort(Comparator.comparing(Bulletin.BulletinStation::rate)
                .reversed()
                .thenComparing(l -> l.missed() + l.atRisk())
                .thenComparing(
                        Comparator.comparing(Bulletin.BulletinStation::counted).reversed()));
        List<Bulletin.BulletinStation> ranked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Bulletin.BulletinStation l = lines.get(i);
            int rank = i > 0
                            && lines.get(i - 1).rate().compareTo(l.rate()) == 0
                            && lines.get(i - 1).missed() + lines.get(i - 1).atRisk() == l.missed() + l.atRisk()
                            && lines.get(i - 1).counted() == l.counted()
                    ? ranked.get(i - 1).rank()
                    : i + 1;
            ranked.add(new Bulletin.BulletinStation(
                    rank,
                    l.stationId(),
                    l.stationName(),
                    l.met(),
                    l.onTrack(),
                    l.atRisk(),
                    l.missed(),
                    l.evaluated(),
                    l.rate(),
                    l.counted(),
                    l.excluded(),
                    l.peopleServed(),
                    l.reportStatus(),
                    l.risks()));
        }
        List<Bulletin.BulletinIndicator> rows = new ArrayList<>();
        if (!all.isEmpty()) {
            Map<Long, StationCompliance> byStation = new java.util.HashMap<>();
            all.forEach(sc -> byStation.put(sc.stationId(), sc));
            for (IndicatorResult first : all.get(0).indicators()) {
                List<Bulletin.BulletinCell> cells = new ArrayList<>();
                for (Bulletin.BulletinStation l : ranked) {
                    IndicatorResult r =
                            byStation.get(l.stationId()).byIndicator().get(first.indicatorId());
                    cells.add(
                            r == null
                                    ? new Bulletin.BulletinCell("—", null)
                                    : new Bulletin.BulletinCell(plain(r.actual()), r.status()));
                }
                rows.add(new Bulletin.BulletinIndicator(
                        first.code(),
                        first.name(),
                        plain(first.target()) + (first.unit() == null ? "" : first.unit()),
                        cells));
            }
        }
        return new Bulletin(
                projectId,
                p.project().name(),
                p.project().bureauName(),
                q.label(),
                q.start(),
                q.end(),
                asOf,
                ranked,
                rows,
                voices(all, q.start(), asOf));
    }

    /** Residents' cases and questionnaire results per station for the quarter, in the order of the compliance rows. */
    private List<Bulletin.BulletinVoice> voices(List<StationCompliance> all, LocalDate from, LocalDate to) {
        List<Long> ids = all.stream().map(StationCompliance::stationId).toList();
        Map<Long, List<cn.sgz.feedback.ComplaintStats>> cases = complaints.stats(from, to).stream()
                .collect(java.util.stream.Collectors.groupingBy(cn.sgz.feedback.ComplaintStats::stationId));
        Map<Long, cn.sgz.feedback.StationSatisfaction> rated = satisfaction.byStation(ids, from, to).stream()
                .collect(java.util.stream.Collectors.toMap(
                        cn.sgz.feedback.StationSatisfaction::stationId, x -> x, (a, b) -> a));
        List<Bulletin.BulletinVoice> out = new ArrayList<>();
        for (StationCompliance sc : all) {
            List<cn.sgz.feedback.ComplaintStats> c = cases.getOrDefault(sc.stationId(), List.of());
            cn.sgz.feedback.StationSatisfaction r = rated.get(sc.stationId());
            out.add(new Bulletin.BulletinVoice(
                    sc.stationId(),
                    sc.stationName(),
                    received(c, cn.sgz.feedback.FeedbackKind.COMPLAINT),
                    received(c, cn.sgz.feedback.FeedbackKind.SUGGESTION),
                    received(c, cn.sgz.feedback.FeedbackKind.PRAISE),
                    c.stream().mapToLong(cn.sgz.feedback.ComplaintStats::open).sum(),
                    c.stream()
                            .mapToLong(cn.sgz.feedback.ComplaintStats::overdue)
                            .sum(),
                    r == null ? 0 : r.responses(),
                    r == null || r.responses() == 0 ? null : r.averageOutOf5()));
        }
        return out;
    }

    private static long received(List<cn.sgz.feedback.ComplaintStats> rows, cn.sgz.feedback.FeedbackKind kind) {
        return rows.stream()
                .filter(x -> x.kind() == kind)
                .mapToLong(cn.sgz.feedback.ComplaintStats::received)
                .sum();
    }

    @Transactional(readOnly = true)
    public byte[] word(long projectId, LocalDate quarterStart) {
        Bulletin b = compute(projectId, quarterStart);
        audit(b, "Word");
        return files.word(b);
    }

    @Transactional(readOnly = true)
    public byte[] excel(long projectId, LocalDate quarterStart) {
        Bulletin b = compute(projectId, quarterStart);
        audit(b, "Excel");
        return files.excel(b);
    }

    /** A published bulletin: the frozen copy and when and by whom it was published. */
    public record PublishedBulletin(
            long id, Bulletin bulletin, String publishedBy, java.time.OffsetDateTime publishedAt, long version) {}

    public boolean mayPublish(long projectId) {
        if (scopes.currentUser().role() != Role.BUREAU_OFFICER) {
            return false;
        }
        Project p = projects.get(projectId);
        return scopes.pathOf(p.bureauId()).map(scopes.current()::covers).orElse(false);
    }

    /** The bureau publishes the bulletin of a quarter as it stands now (again: the copy is replaced). */
    @Transactional
    public PublishedBulletin publish(long projectId, LocalDate quarterStart) {
        if (!mayPublish(projectId)) {
            throw new ForbiddenException("只有项目所属的区县民政局可以发布季度通报");
        }
        Bulletin b = compute(projectId, quarterStart);
        Project p = projects.get(projectId);
        String path = scopes.pathOf(p.bureauId()).orElseThrow(() -> new NotFoundException("项目"));
        long id = store.save(
                projectId,
                path,
                b.from(),
                b.to(),
                b.asOf(),
                json.writeValueAsString(b),
                scopes.currentUser().displayName());
        events.publishEvent(AuditEvent.success("BULLETIN_PUBLISH", "QUARTERLY_BULLETIN", id, path, b.quarterLabel()));
        return published(projectId).stream()
                .filter(x -> x.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /** The published bulletins of a project, newest quarter first. */
    @Transactional(readOnly = true)
    public List<PublishedBulletin> published(long projectId) {
        requireReader();
        projects.inScope(projectId);
        return store.list(projectId).stream()
                .map(r -> new PublishedBulletin(
                        r.id(),
                        json.readValue(r.snapshot(), Bulletin.class),
                        r.publishedBy(),
                        r.publishedAt(),
                        r.version()))
                .toList();
    }

    private BulletinQuarter quarter(long projectId, LocalDate start) {
        List<BulletinQuarter> qs = quarters(projectId);
        if (qs.isEmpty()) {
            throw BusinessException.field("quarter", "季度：项目尚未开始，还没有季度");
        }
        if (start == null) {
            return qs.get(0);
        }
        return qs.stream()
                .filter(q -> q.start().equals(start))
                .findFirst()
                .orElseThrow(() -> BusinessException.field("quarter", "季度：项目期内没有从 " + start + " 开始且已开始的季度"));
    }

    private void requireReader() {
        if (!mayRead()) {
            throw new ForbiddenException("季度通报面向民政局和第三方评估机构");
        }
    }

    private void audit(Bulletin b, String format) {
        String path = scopes.pathOf(projects.get(b.projectId()).bureauId()).orElse(null);
        events.publishEvent(
                AuditEvent.success("BULLETIN_EXPORT", "PROJECT", b.projectId(), path, b.quarterLabel() + " " + format));
    }

    // ---- the city: the same bulletin across the counties of a city -----------------------------------

    private static final Set<Role> CITY_READERS = EnumSet.of(Role.ADMIN, Role.CITY_OFFICER);

    public boolean mayReadCity() {
        return CITY_READERS.contains(scopes.currentUser().role());
    }

    /** The cities the user may see (a city officer: their own). */
    @Transactional(readOnly = true)
    public List<cn.sgz.org.OrgUnitView> cities() {
        requireCityReader();
        return directory.visibleUnits(cn.sgz.org.OrgUnitType.CITY_BUREAU);
    }

    /** Calendar quarters begun by today, newest first, back to the first quarter of last year. */
    public List<CityBulletin.Quarter> cityQuarters() {
        LocalDate today = ChinaTime.today();
        LocalDate q = quarterStart(today);
        List<CityBulletin.Quarter> out = new ArrayList<>();
        for (LocalDate first = LocalDate.of(today.getYear() - 1, 1, 1); !q.isBefore(first); q = q.minusMonths(3)) {
            out.add(new CityBulletin.Quarter(
                    ReportPeriods.label(q, ReportKind.QUARTER),
                    q,
                    q.plusMonths(3).minusDays(1)));
        }
        return out;
    }

    /**
     * The city bulletin of a calendar quarter (the current one when null) for a city in the user's scope
     * (the user's city when null): every county's projects running in the quarter, their county bulletins
     * summed per county. Only city officers (and administrators) read it; a city outside the scope is 404.
     */
    @Transactional(readOnly = true)
    public CityBulletin computeCity(Long cityId, LocalDate quarterStart) {
        requireCityReader();
        cn.sgz.org.OrgUnitView city;
        if (cityId == null) {
            city = cities().stream().findFirst().orElseThrow(() -> new NotFoundException("市民政局"));
        } else {
            scopes.requireVisibleUnit(cityId, "市民政局");
            city = directory
                    .findVisible(cityId)
                    .filter(u -> u.type() == cn.sgz.org.OrgUnitType.CITY_BUREAU)
                    .orElseThrow(() -> new NotFoundException("市民政局"));
        }
        LocalDate today = ChinaTime.today();
        LocalDate qs = quarterStart == null ? quarterStart(today) : quarterStart;
        if (!qs.equals(quarterStart(qs)) || qs.isAfter(today)) {
            throw BusinessException.field("quarter", "季度：请选择已开始的季度（季度首日，如 " + quarterStart(today) + "）");
        }
        LocalDate qe = qs.plusMonths(3).minusDays(1);
        LocalDate asOf = qe.isAfter(today) ? today : qe;
        String label = ReportPeriods.label(qs, ReportKind.QUARTER);
        record Acc(String name, List<Long> projects, List<Bulletin.BulletinStation> stations, int[] received) {}
        Map<Long, Acc> byCounty = new java.util.LinkedHashMap<>();
        List<CityBulletin.CityRisk> risks = new ArrayList<>();
        for (Project p : projects.visible()) {
            String bureauPath = scopes.pathOf(p.bureauId()).orElse("");
            if (!bureauPath.startsWith(city.path().endsWith("/") ? city.path() : city.path() + "/")
                    || p.startDate().isAfter(qe)
                    || p.endDate().isBefore(qs)
                    || p.startDate().isAfter(today)) {
                continue;
            }
            LocalDate projectQuarter = ReportPeriods.of(p.startDate(), p.endDate(), ReportKind.QUARTER, 10).stream()
                    .filter(q -> !q.start().isAfter(qe) && !q.end().isBefore(qs))
                    .map(ReportPeriods.Period::start)
                    .findFirst()
                    .orElse(null);
            if (projectQuarter == null) {
                continue;
            }
            Bulletin b = compute(p.id(), projectQuarter);
            Acc acc = byCounty.computeIfAbsent(
                    p.bureauId(), k -> new Acc(p.bureauName(), new ArrayList<>(), new ArrayList<>(), new int[1]));
            acc.projects().add(p.id());
            acc.stations().addAll(b.stations());
            for (Bulletin.BulletinStation st : b.stations()) {
                if (ReportStatus.RECEIVED.label().equals(st.reportStatus())) {
                    acc.received()[0]++;
                }
                if (!st.risks().isEmpty()) {
                    risks.add(new CityBulletin.CityRisk(p.bureauName(), p.name(), st.stationName(), st.risks()));
                }
            }
        }
        List<CityBulletin.CityCounty> lines = new ArrayList<>();
        byCounty.forEach((bureauId, a) -> {
            long met = a.stations().stream()
                    .mapToLong(Bulletin.BulletinStation::met)
                    .sum();
            long evaluated = a.stations().stream()
                    .mapToLong(Bulletin.BulletinStation::evaluated)
                    .sum();
            lines.add(new CityBulletin.CityCounty(
                    0,
                    bureauId,
                    a.name(),
                    a.projects().size(),
                    a.stations().size(),
                    met,
                    a.stations().stream()
                            .mapToLong(Bulletin.BulletinStation::onTrack)
                            .sum(),
                    a.stations().stream()
                            .mapToLong(Bulletin.BulletinStation::atRisk)
                            .sum(),
                    a.stations().stream()
                            .mapToLong(Bulletin.BulletinStation::missed)
                            .sum(),
                    evaluated,
                    evaluated == 0
                            ? BigDecimal.ZERO.setScale(1)
                            : BigDecimal.valueOf(met * 100)
                                    .divide(BigDecimal.valueOf(evaluated), 1, RoundingMode.HALF_UP),
                    a.stations().stream()
                            .mapToLong(Bulletin.BulletinStation::counted)
                            .sum(),
                    a.stations().stream()
                            .mapToLong(Bulletin.BulletinStation::excluded)
                            .sum(),
                    a.stations().stream()
                            .mapToLong(Bulletin.BulletinStation::peopleServed)
                            .sum(),
                    (int) a.stations().stream()
                            .filter(x -> !x.risks().isEmpty())
                            .count(),
                    a.received()[0]));
        });
        lines.sort(Comparator.comparing(CityBulletin.CityCounty::rate)
                .reversed()
                .thenComparing(l -> l.missed() + l.atRisk())
                .thenComparing(CityBulletin.CityCounty::countyName));
        List<CityBulletin.CityCounty> ranked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            CityBulletin.CityCounty l = lines.get(i);
            int rank = i > 0
                            && lines.get(i - 1).rate().compareTo(l.rate()) == 0
                            && lines.get(i - 1).missed() + lines.get(i - 1).atRisk() == l.missed() + l.atRisk()
                    ? ranked.get(i - 1).rank()
                    : i + 1;
            ranked.add(new CityBulletin.CityCounty(
                    rank,
                    l.bureauId(),
                    l.countyName(),
                    l.projects(),
                    l.stations(),
                    l.met(),
                    l.onTrack(),
                    l.atRisk(),
                    l.missed(),
                    l.evaluated(),
                    l.rate(),
                    l.counted(),
                    l.excluded(),
                    l.peopleServed(),
                    l.stationsAtRisk(),
                    l.quarterlyReportsReceived()));
        }
        return new CityBulletin(city.id(), city.name(), label, qs, qe, asOf, ranked, risks);
    }

    @Transactional(readOnly = true)
    public byte[] cityWord(Long cityId, LocalDate quarterStart) {
        CityBulletin b = computeCity(cityId, quarterStart);
        auditCity(b, "Word");
        return files.cityWord(b);
    }

    @Transactional(readOnly = true)
    public byte[] cityExcel(Long cityId, LocalDate quarterStart) {
        CityBulletin b = computeCity(cityId, quarterStart);
        auditCity(b, "Excel");
        return files.cityExcel(b);
    }

    private void auditCity(CityBulletin b, String format) {
        events.publishEvent(AuditEvent.success(
                "BULLETIN_EXPORT",
                "CITY",
                b.cityId(),
                scopes.pathOf(b.cityId()).orElse(null),
                "市级" + b.quarterLabel() + " " + format));
    }

    private void requireCityReader() {
        if (!mayReadCity()) {
            throw new ForbiddenException("市级季度通报面向市民政局");
        }
    }

    private static LocalDate quarterStart(LocalDate d) {
        return LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
    }

    private static String plain(BigDecimal b) {
        return b == null ? "—" : b.stripTrailingZeros().toPlainString();
    }
}
