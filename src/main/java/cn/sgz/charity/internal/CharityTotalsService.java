package cn.sgz.charity.internal;

import cn.sgz.activity.RecordSummaries;
import cn.sgz.activity.RecordSummaries.RecordSummary;
import cn.sgz.org.OrgUnitView;
import cn.sgz.org.Scope;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.docx.GovDocx;
import cn.sgz.shared.excel.XlsxTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Totals per period (month, quarter, year) per station or per fund: co-raised money net of reversals,
 * relief paid, relief events and promotions. Three scans of this module's tables plus one look-up of
 * the records' stored state; everything else is arithmetic.
 */
@Service
public class CharityTotalsService {

    private final CharityFundStore funds;
    private final CharityReliefStore reliefs;
    private final CharityProjectStore projects;
    private final RecordSummaries summaries;
    private final CharityAccess access;
    private final ApplicationEventPublisher events;

    CharityTotalsService(
            CharityFundStore funds,
            CharityReliefStore reliefs,
            CharityProjectStore projects,
            RecordSummaries summaries,
            CharityAccess access,
            ApplicationEventPublisher events) {
        this.funds = funds;
        this.reliefs = reliefs;
        this.projects = projects;
        this.summaries = summaries;
        this.access = access;
        this.events = events;
    }

    /** Defaults: per station, by quarter, from the first of this year to today. */
    @Transactional(readOnly = true)
    public CharityTotals totals(Long stationId, TotalsBy by, Granularity granularity, LocalDate from, LocalDate to) {
        LocalDate today = ChinaTime.today();
        TotalsBy b = by == null ? TotalsBy.STATION : by;
        Granularity g = granularity == null ? Granularity.QUARTER : granularity;
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? LocalDate.of(end.getYear(), 1, 1) : from;
        if (start.isAfter(end)) {
            throw BusinessException.field("from", "起始日期：不能晚于截止日期");
        }
        if (start.isBefore(end.minusYears(10))) {
            throw BusinessException.field("from", "统计范围：最多10年");
        }
        if (stationId != null) {
            access.requireVisibleStation(stationId);
        }
        Scope scope = access.scope();
        List<OrgUnitView> stations = access.stations().stream()
                .filter(s -> stationId == null || s.id() == stationId)
                .toList();
        Map<Long, String> stationNames = new HashMap<>();
        stations.forEach(s -> stationNames.put(s.id(), s.name()));
        List<CharityFundStore.Fund> fundList = funds.list(scope, stationId);
        Map<Long, CharityFundStore.Fund> fundById = new HashMap<>();
        fundList.forEach(f -> fundById.put(f.id(), f));

        List<CharityFundStore.NetEntry> inflows = funds.netEntries(scope, stationId, start, end);
        List<CharityReliefStore.Relief> reliefRows =
                reliefs.ofStations(stations.stream().map(OrgUnitView::id).toList(), start, end);
        List<CharityProjectStore.Promotion> promos = projects.promotions(scope, stationId, start, end);
        Map<Long, RecordSummary> states = summaries.find(Stream.concat(
                        reliefRows.stream().map(CharityReliefStore.Relief::recordId),
                        promos.stream().map(CharityProjectStore.Promotion::recordId))
                .toList());

        Map<Key, Acc> cells = new TreeMap<>();
        // every period of every station (or fund) appears, so empty quarters show as zero rather than vanish
        for (LocalDate p = g.start(start); !p.isAfter(end); p = g.next(p)) {
            if (b == TotalsBy.STATION) {
                for (OrgUnitView s : stations) {
                    cells.put(new Key(p, s.name(), s.id(), null, ""), new Acc());
                }
            } else {
                for (CharityFundStore.Fund f : fundList) {
                    cells.put(key(b, g, p, f.stationId(), f, stationNames), new Acc());
                }
            }
        }
        for (CharityFundStore.NetEntry e : inflows) {
            Acc a = acc(cells, key(b, g, e.receivedOn(), e.stationId(), fundById.get(e.fundId()), stationNames));
            a.coRaised = a.coRaised.add(e.amount());
        }
        for (CharityReliefStore.Relief r : reliefRows) {
            RecordSummary s = states.get(r.recordId());
            if (s == null || s.voided()) {
                continue;
            }
            Acc a = acc(cells, key(b, g, r.reliefDate(), r.stationId(), fundById.get(r.fundId()), stationNames));
            a.reliefPaid = a.reliefPaid.add(r.total());
            a.events++;
            if (s.counts()) {
                a.counting++;
            }
        }
        for (CharityProjectStore.Promotion m : promos) {
            RecordSummary s = states.get(m.recordId());
            if (s == null || !s.counts() || (b == TotalsBy.FUND && m.fundId() == null)) {
                continue;
            }
            acc(
                            cells,
                            key(
                                    b,
                                    g,
                                    m.promotedOn(),
                                    m.stationId(),
                                    m.fundId() == null ? null : fundById.get(m.fundId()),
                                    stationNames))
                    .promotions++;
        }
        List<TotalRow> rows = new ArrayList<>();
        Map<LocalDate, Acc> perPeriod = new TreeMap<>();
        cells.forEach((k, a) -> {
            rows.add(row(g, k, a));
            Acc sum = perPeriod.computeIfAbsent(k.period(), p -> new Acc());
            sum.coRaised = sum.coRaised.add(a.coRaised);
            sum.reliefPaid = sum.reliefPaid.add(a.reliefPaid);
            sum.events += a.events;
            sum.counting += a.counting;
            sum.promotions += a.promotions;
        });
        List<TotalRow> periods = new ArrayList<>();
        BigDecimal max = BigDecimal.ZERO;
        for (Map.Entry<LocalDate, Acc> e : perPeriod.entrySet()) {
            periods.add(row(g, new Key(e.getKey(), "合计", 0, null, ""), e.getValue()));
            max = max.max(e.getValue().coRaised).max(e.getValue().reliefPaid);
        }
        return new CharityTotals(b, g, start, end, rows, periods, max);
    }

    /** The same figures as an xlsx sheet; the download is audited. */
    @Transactional(readOnly = true)
    public byte[] export(Long stationId, TotalsBy by, Granularity granularity, LocalDate from, LocalDate to) {
        CharityTotals t = totals(stationId, by, granularity, from, to);
        String unit = stationId != null
                ? access.stations().stream()
                        .filter(s -> s.id() == stationId)
                        .map(OrgUnitView::name)
                        .findFirst()
                        .orElse("")
                : "";
        XlsxTable.SheetBuilder sheet = XlsxTable.sheet("慈善台账汇总")
                .title("慈善台账汇总（" + t.by().label() + t.granularity().label() + "）")
                .subtitle((unit.isEmpty() ? "" : unit + " · ") + GovDocx.chineseDate(t.from()) + "至"
                        + GovDocx.chineseDate(t.to()))
                .columns(
                        XlsxTable.Column.text("期间"),
                        XlsxTable.Column.text("社工站"),
                        XlsxTable.Column.text("基金"),
                        XlsxTable.Column.decimal("共募资金（元）"),
                        XlsxTable.Column.decimal("救助支出（元）"),
                        XlsxTable.Column.integer("救助次数"),
                        XlsxTable.Column.integer("计入指标的救助次数"),
                        XlsxTable.Column.integer("推介活动（计入）"));
        for (TotalRow r : t.rows()) {
            sheet.row(
                    r.period(),
                    Objects.toString(r.stationName(), ""),
                    Objects.toString(r.fundName(), ""),
                    r.coRaised(),
                    r.reliefPaid(),
                    r.reliefEvents(),
                    r.reliefEventsCounting(),
                    r.promotions());
        }
        for (TotalRow r : t.periods()) {
            sheet.totalRow(List.of(
                    r.period(),
                    "合计",
                    "",
                    r.coRaised(),
                    r.reliefPaid(),
                    r.reliefEvents(),
                    r.reliefEventsCounting(),
                    r.promotions()));
        }
        byte[] xlsx = sheet.toBytes();
        Scope scope = access.scope();
        String path = stationId != null
                ? access.stations().stream()
                        .filter(s -> s.id() == stationId)
                        .map(OrgUnitView::path)
                        .findFirst()
                        .orElse(null)
                : scope.paths().isEmpty() ? null : scope.paths().get(0);
        events.publishEvent(AuditEvent.success(
                "CHARITY_TOTALS_EXPORT",
                "CHARITY_TOTALS",
                stationId,
                path,
                t.by().label() + t.granularity().label() + " " + t.from() + "～" + t.to() + "，"
                        + t.rows().size() + " 行"));
        return xlsx;
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Sorts by period, then station name, then fund name. */
    private record Key(LocalDate period, String stationName, long stationId, Long fundId, String fundName)
            implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return Comparator.comparing(Key::period)
                    .thenComparing(Key::stationName)
                    .thenComparing(Key::stationId)
                    .thenComparing(Key::fundName)
                    .thenComparing(k -> k.fundId() == null ? 0L : k.fundId())
                    .compare(this, o);
        }
    }

    private static final class Acc {
        BigDecimal coRaised = BigDecimal.ZERO;
        BigDecimal reliefPaid = BigDecimal.ZERO;
        int events;
        int counting;
        int promotions;
    }

    private static Key key(
            TotalsBy b,
            Granularity g,
            LocalDate date,
            long stationId,
            CharityFundStore.Fund fund,
            Map<Long, String> stationNames) {
        String station = Objects.toString(stationNames.get(stationId), "");
        if (b == TotalsBy.STATION || fund == null) {
            return new Key(g.start(date), station, stationId, null, "");
        }
        return new Key(g.start(date), station, stationId, fund.id(), fund.name());
    }

    private static Acc acc(Map<Key, Acc> cells, Key key) {
        return cells.computeIfAbsent(key, k -> new Acc());
    }

    private static TotalRow row(Granularity g, Key k, Acc a) {
        return new TotalRow(
                g.label(k.period()),
                k.period(),
                k.stationId(),
                k.stationName(),
                k.fundId(),
                k.fundId() == null ? null : k.fundName(),
                a.coRaised.setScale(2),
                a.reliefPaid.setScale(2),
                a.events,
                a.counting,
                a.promotions);
    }
}
