package cn.sgz.finance.internal;

import cn.sgz.catalog.Project;
import cn.sgz.org.OrgUnitView;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.Money;
import cn.sgz.shared.excel.XlsxTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budget execution (预算执行): what has been spent against the budget per category, station and month, with
 * warnings at the bureau's threshold (default 80%) and above the budget. Spent means the expenses that stand:
 * not reversed, and not awaiting or refused by the bureau; flagged ones awaiting review are shown apart.
 * Two scans (budget lines, expenses of the project in scope); the rest is arithmetic.
 */
@Service
public class ExecutionService {

    public enum By {
        CATEGORY("按支出类别"),
        STATION("按社工站"),
        MONTH("按月份");

        private final String label;

        By(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final FinanceStore store;
    private final FinanceAccess access;
    private final FinanceService finance;
    private final ApplicationEventPublisher events;

    ExecutionService(
            FinanceStore store, FinanceAccess access, FinanceService finance, ApplicationEventPublisher events) {
        this.store = store;
        this.access = access;
        this.finance = finance;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public FinanceViews.Execution execution(long projectId, By by) {
        Project p = access.project(projectId);
        return compute(p, by == null ? By.CATEGORY : by);
    }

    FinanceViews.Execution compute(Project p, By by) {
        int warn = finance.rules(p.bureauId()).warnPercent();
        List<OrgUnitView> stations = access.stationsOf(p);
        Map<Long, String> names = new LinkedHashMap<>();
        stations.forEach(s -> names.put(s.id(), s.name()));
        List<String> categories = new ArrayList<>(finance.rules(p.bureauId()).categories());
        // station × category cells
        Map<String, BigDecimal[]> cells = new LinkedHashMap<>(); // budget, spent, pending
        for (FinanceStore.LineRow l : store.budgetLines(p.id())) {
            if (names.containsKey(l.stationId())) {
                cell(cells, l.stationId(), l.category())[0] = l.amount();
                if (!categories.contains(l.category())) {
                    categories.add(l.category());
                }
            }
        }
        Map<YearMonth, BigDecimal[]> months = new LinkedHashMap<>();
        LocalDate last = p.endDate().isBefore(ChinaTime.today()) ? p.endDate() : ChinaTime.today();
        for (YearMonth m = YearMonth.from(p.startDate()); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
            months.put(m, new BigDecimal[] {ZERO, ZERO});
        }
        for (FinanceViews.Expense e :
                store.expenses(access.scope(), p.id(), null, null, null, null, Integer.MAX_VALUE)) {
            if (!names.containsKey(e.stationId()) || e.reversal() || e.reversed()) {
                continue;
            }
            int slot;
            if (e.stands()) {
                slot = 1;
            } else if (e.reviewStatus() == ReviewStatus.PENDING) {
                slot = 2;
            } else {
                continue;
            }
            BigDecimal[] c = cell(cells, e.stationId(), e.category());
            c[slot] = c[slot].add(e.amount());
            if (!categories.contains(e.category())) {
                categories.add(e.category());
            }
            BigDecimal[] m = months.computeIfAbsent(YearMonth.from(e.spentOn()), k -> new BigDecimal[] {ZERO, ZERO});
            m[slot - 1] = m[slot - 1].add(e.amount());
        }
        List<FinanceViews.ExecutionRow> details = new ArrayList<>();
        Map<String, BigDecimal[]> byCategory = new LinkedHashMap<>();
        categories.forEach(c -> byCategory.put(c, zeros()));
        Map<Long, BigDecimal[]> byStation = new LinkedHashMap<>();
        names.keySet().forEach(s -> byStation.put(s, zeros()));
        BigDecimal[] total = zeros();
        for (Long s : names.keySet()) {
            for (String c : categories) {
                BigDecimal[] v = cells.get(s + "|" + c);
                if (v == null) {
                    continue;
                }
                details.add(row(s + "|" + c, names.get(s) + " · " + c, names.get(s), c, v, warn));
                add(byCategory.get(c), v);
                add(byStation.get(s), v);
                add(total, v);
            }
        }
        List<FinanceViews.ExecutionRow> rows = new ArrayList<>();
        switch (by) {
            case CATEGORY ->
                byCategory.forEach((c, v) -> {
                    if (v[0].signum() != 0 || v[1].signum() != 0 || v[2].signum() != 0) {
                        rows.add(row(c, c, null, c, v, warn));
                    }
                });
            case STATION ->
                byStation.forEach(
                        (s, v) -> rows.add(row(String.valueOf(s), names.get(s), names.get(s), null, v, warn)));
            case MONTH -> {
                BigDecimal cumulative = ZERO;
                for (var e : months.entrySet()) {
                    cumulative = cumulative.add(e.getValue()[0]);
                    BigDecimal pct = percent(cumulative, total[0]);
                    rows.add(new FinanceViews.ExecutionRow(
                            e.getKey().toString(),
                            e.getKey().getYear() + "年" + e.getKey().getMonthValue() + "月",
                            null,
                            null,
                            null,
                            e.getValue()[0],
                            e.getValue()[1],
                            pct,
                            level(cumulative, total[0], warn)));
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        for (FinanceViews.ExecutionRow r : details) {
            warning(r, warn).ifPresent(warnings::add);
        }
        BigDecimal max = rows.stream()
                .flatMap(r -> Arrays.asList(r.budget(), r.spent()).stream())
                .filter(x -> x != null)
                .reduce(ZERO, BigDecimal::max);
        return new FinanceViews.Execution(
                p.id(),
                p.name(),
                by.name(),
                by.label(),
                warn,
                total[0],
                total[1],
                total[2],
                percent(total[1], total[0]),
                level(total[1], total[0], warn),
                rows,
                details,
                warnings,
                max);
    }

    private static java.util.Optional<String> warning(FinanceViews.ExecutionRow r, int warn) {
        if ("over".equals(r.level())) {
            BigDecimal over = r.spent().subtract(r.budget() == null ? ZERO : r.budget());
            return java.util.Optional.of(r.stationName() + "「" + r.category() + "」超出预算 " + Money.format(over) + " 元");
        }
        if ("warn".equals(r.level())) {
            return java.util.Optional.of(r.stationName() + "「" + r.category() + "」已支出预算的 "
                    + r.percent().toPlainString() + "%（预警线 " + warn + "%）");
        }
        return java.util.Optional.empty();
    }

    private static BigDecimal[] cell(Map<String, BigDecimal[]> cells, long station, String category) {
        return cells.computeIfAbsent(station + "|" + category, k -> zeros());
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {ZERO, ZERO, ZERO};
    }

    private static void add(BigDecimal[] into, BigDecimal[] v) {
        for (int i = 0; i < 3; i++) {
            into[i] = into[i].add(v[i]);
        }
    }

    private static FinanceViews.ExecutionRow row(
            String key, String label, String station, String category, BigDecimal[] v, int warn) {
        return new FinanceViews.ExecutionRow(
                key, label, station, category, v[0], v[1], v[2], percent(v[1], v[0]), level(v[1], v[0], warn));
    }

    public static BigDecimal percent(BigDecimal spent, BigDecimal budget) {
        if (budget == null || budget.signum() == 0) {
            return null;
        }
        return spent.multiply(HUNDRED).divide(budget, 1, RoundingMode.HALF_UP);
    }

    /** ok, warn (spent at or above {@code warn}% of the budget) or over (more than the budget). */
    static String level(BigDecimal spent, BigDecimal budget, int warn) {
        BigDecimal b = budget == null ? ZERO : budget;
        if (spent.compareTo(b) > 0) {
            return "over";
        }
        if (b.signum() > 0 && spent.multiply(HUNDRED).compareTo(b.multiply(BigDecimal.valueOf(warn))) >= 0) {
            return "warn";
        }
        return "ok";
    }

    /** The execution as xlsx: station × category with numbers in numeric cells, then totals and months. */
    @Transactional(readOnly = true)
    public byte[] export(long projectId) {
        Project p = access.project(projectId);
        FinanceViews.Execution ex = compute(p, By.MONTH);
        List<List<Object>> rows = new ArrayList<>();
        for (FinanceViews.ExecutionRow r : ex.details()) {
            rows.add(Arrays.asList(
                    r.stationName(), r.category(), r.budget(), r.spent(), r.pending(), r.percent(), levelLabel(r)));
        }
        rows.add(Arrays.asList("合计", "", ex.budget(), ex.spent(), ex.pending(), ex.percent(), levelLabel(ex.level())));
        for (FinanceViews.ExecutionRow r : ex.rows()) {
            rows.add(Arrays.asList("月份 " + r.label(), "", null, r.spent(), r.pending(), r.percent(), ""));
        }
        byte[] xlsx =
                XlsxTable.writeTyped("预算执行", List.of("社工站", "支出类别", "预算（元）", "已支出（元）", "待审核（元）", "执行率（%）", "预警"), rows);
        events.publishEvent(AuditEvent.success(
                "FINANCE_EXECUTION_EXPORT", "PROJECT", p.id(), access.bureauPath(p), p.name() + " 预算执行导出"));
        return xlsx;
    }

    private static String levelLabel(FinanceViews.ExecutionRow r) {
        return levelLabel(r.level());
    }

    static String levelLabel(String level) {
        return switch (level) {
            case "over" -> "超预算";
            case "warn" -> "接近预算";
            default -> "";
        };
    }
}
