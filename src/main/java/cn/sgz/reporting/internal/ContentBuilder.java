package cn.sgz.reporting.internal;

import cn.sgz.activity.RecordSummaries;
import cn.sgz.casework.CaseworkFigures;
import cn.sgz.charity.CharityFigures;
import cn.sgz.community.CommunityFigures;
import cn.sgz.evidence.ReasonCode;
import cn.sgz.finance.BudgetExecution;
import cn.sgz.progress.ComplianceService;
import cn.sgz.progress.IndicatorResult;
import cn.sgz.progress.StationCompliance;
import cn.sgz.progress.SubPeriodResult;
import cn.sgz.recipient.FollowUpFigures;
import cn.sgz.reporting.ReportContent;
import cn.sgz.reporting.ReportContent.ReportExclusion;
import cn.sgz.reporting.ReportContent.ReportIndicator;
import cn.sgz.reporting.ReportContent.ReportServiceCount;
import cn.sgz.reporting.ReportContent.ReportWork;
import cn.sgz.reporting.ReportContent.WorkLine;
import cn.sgz.reporting.ReportDetail.ReportChange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Computes a station's report content as of a date from the indicator engine (the same call the
 * progress board makes, so the figures are the engine's) and the activity module's period counts, and
 * compares two contents figure by figure.
 */
@Component
public class ContentBuilder {

    private final ComplianceService compliance;
    private final RecordSummaries records;
    private final FollowUpFigures followUps;
    private final CaseworkFigures casework;
    private final CommunityFigures community;
    private final CharityFigures charity;
    private final BudgetExecution money;

    ContentBuilder(
            ComplianceService compliance,
            RecordSummaries records,
            FollowUpFigures followUps,
            CaseworkFigures casework,
            CommunityFigures community,
            CharityFigures charity,
            BudgetExecution money) {
        this.compliance = compliance;
        this.records = records;
        this.followUps = followUps;
        this.casework = casework;
        this.community = community;
        this.charity = charity;
        this.money = money;
    }

    /** The station's other work in [from, to], each figure asked of the module that owns it. */
    public ReportWork work(long projectId, long stationId, LocalDate from, LocalDate to) {
        FollowUpFigures.Figures f = followUps.of(stationId, from, to);
        CaseworkFigures.Figures c = casework.of(stationId, from, to);
        CommunityFigures.Figures m = community.of(stationId, from, to);
        CharityFigures.Figures ch = charity.of(stationId, from, to);
        BudgetExecution.StationFigures mo = money.station(projectId, stationId, from, to);
        return new ReportWork(
                f.due(),
                f.done(),
                f.records(),
                f.visits(),
                f.calls(),
                c.casesOpened(),
                c.casesClosed(),
                c.casesOpenAtEnd(),
                c.groupsOpened(),
                c.groupsClosed(),
                c.communityOpened(),
                c.communityClosed(),
                m.organisations(),
                m.organisationsNew(),
                m.backbones(),
                m.volunteers(),
                m.volunteersNew(),
                m.volunteerHours(),
                m.volunteerHoursCounting(),
                ch.moneyIn(),
                ch.moneyOut(),
                ch.reliefEvents(),
                new ReportContent.ReportMoney(
                        mo.budget(),
                        mo.spent(),
                        mo.spentToDate(),
                        mo.percent(),
                        mo.pending(),
                        mo.flagged(),
                        mo.refused(),
                        mo.paymentsReceived()));
    }

    /** Content of one station for the period [from, to], figures as of {@code asOf} (≤ to). */
    public ReportContent build(long projectId, long stationId, LocalDate from, LocalDate asOf) {
        List<StationCompliance> sc = compliance.compute(projectId, stationId, asOf);
        List<ReportIndicator> lines = sc.isEmpty()
                ? List.of()
                : sc.get(0).indicators().stream().map(r -> line(r, asOf)).toList();
        return withCounts(lines, projectId, stationId, from, asOf, true);
    }

    /**
     * Content from engine results already computed (the bulletin evaluates every station at once),
     * without the other modules' work figures ({@link ReportContent#work()} null) the bulletin does not show.
     */
    public ReportContent build(StationCompliance sc, LocalDate from, LocalDate asOf) {
        return withCounts(
                sc.indicators().stream().map(r -> line(r, asOf)).toList(), 0L, sc.stationId(), from, asOf, false);
    }

    private ReportContent withCounts(
            List<ReportIndicator> lines,
            long projectId,
            long stationId,
            LocalDate from,
            LocalDate asOf,
            boolean withWork) {
        RecordSummaries.PeriodCounts counts = records.periodCounts(stationId, from, asOf);
        List<ReportServiceCount> services = counts.kinds().stream()
                .map(k -> new ReportServiceCount(
                        k.kind().name(),
                        k.kind().label(),
                        k.domain().label(),
                        k.counted(),
                        k.excluded(),
                        k.participants()))
                .toList();
        List<ReportExclusion> exclusions = counts.exclusionCodes().entrySet().stream()
                .map(e -> new ReportExclusion(e.getKey(), reason(e.getKey()), e.getValue()))
                .toList();
        return new ReportContent(
                asOf,
                lines,
                services,
                counts.peopleServed(),
                counts.peopleNew(),
                exclusions,
                withWork ? work(projectId, stationId, from, asOf) : null);
    }

    static ReportIndicator line(IndicatorResult r, LocalDate asOf) {
        SubPeriodResult span = r.subPeriods().stream()
                .filter(s -> !asOf.isBefore(s.from()) && !asOf.isAfter(s.to()))
                .findFirst()
                .orElse(
                        r.subPeriods().isEmpty()
                                ? null
                                : r.subPeriods().get(r.subPeriods().size() - 1));
        return new ReportIndicator(
                r.indicatorId(),
                r.code(),
                r.name(),
                r.period() == null ? "" : r.period().label(),
                span == null ? "" : span.label(),
                r.target(),
                r.actual(),
                r.unit(),
                r.status(),
                r.periodsMet(),
                r.periodsDue(),
                r.note());
    }

    private static String reason(String code) {
        try {
            return ReasonCode.valueOf(code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    /** The figures that differ between what was submitted and what the data says now. */
    public static List<ReportChange> compare(ReportContent then, ReportContent now) {
        List<ReportChange> changes = new ArrayList<>();
        Map<Long, ReportIndicator> current = now.indicators().stream()
                .collect(Collectors.toMap(
                        ReportIndicator::indicatorId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        for (ReportIndicator a : then.indicators()) {
            ReportIndicator b = current.remove(a.indicatorId());
            String name = "指标 " + a.code() + " " + a.name();
            if (b == null) {
                changes.add(new ReportChange(name, figure(a), "（已不在项目中）"));
            } else if (!same(a.actual(), b.actual()) || a.status() != b.status() || !same(a.target(), b.target())) {
                changes.add(new ReportChange(name, figure(a), figure(b)));
            }
        }
        current.values()
                .forEach(b -> changes.add(new ReportChange("指标 " + b.code() + " " + b.name(), "（提交时没有）", figure(b))));
        Map<String, ReportServiceCount> services = now.services().stream()
                .collect(Collectors.toMap(
                        s -> s.kind() + "/" + s.domainLabel(), Function.identity(), (a, b) -> a, LinkedHashMap::new));
        for (ReportServiceCount a : then.services()) {
            ReportServiceCount b = services.remove(a.kind() + "/" + a.domainLabel());
            if (b == null || a.counted() != b.counted() || a.excluded() != b.excluded()) {
                changes.add(
                        new ReportChange("服务记录 " + a.kindLabel(), records(a), b == null ? "计入0条，不计入0条" : records(b)));
            }
        }
        services.values()
                .forEach(b -> changes.add(new ReportChange("服务记录 " + b.kindLabel(), "计入0条，不计入0条", records(b))));
        if (then.peopleServed() != now.peopleServed()) {
            changes.add(new ReportChange("服务人数", then.peopleServed() + "人", now.peopleServed() + "人"));
        }
        if (then.peopleNew() != now.peopleNew()) {
            changes.add(new ReportChange("其中首次服务", then.peopleNew() + "人", now.peopleNew() + "人"));
        }
        if (then.work() != null && now.work() != null) {
            List<WorkLine> a = then.work().lines();
            List<WorkLine> b = now.work().lines();
            for (int i = 0; i < a.size() && i < b.size(); i++) {
                if (!same(a.get(i).value(), b.get(i).value())) {
                    changes.add(new ReportChange(
                            a.get(i).section() + " " + a.get(i).label(),
                            a.get(i).text(),
                            b.get(i).text()));
                }
            }
        }
        return changes;
    }

    private static String figure(ReportIndicator l) {
        return plain(l.actual()) + "/" + plain(l.target()) + (l.unit() == null ? "" : l.unit()) + " " + l.statusLabel();
    }

    private static String records(ReportServiceCount s) {
        return "计入" + s.counted() + "条，不计入" + s.excluded() + "条";
    }

    static String plain(BigDecimal b) {
        return b == null ? "—" : b.stripTrailingZeros().toPlainString();
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
    }
}
