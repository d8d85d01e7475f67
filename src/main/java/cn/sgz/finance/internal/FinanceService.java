package cn.sgz.finance.internal;

import cn.sgz.catalog.Project;
import cn.sgz.org.OrgUnitView;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.BusinessException.FieldProblem;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.FieldTexts;
import cn.sgz.shared.Money;
import cn.sgz.shared.NotFoundException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bureau's side of project money: the spending rules and categories per bureau, the contract amount
 * with its funding sources and payment schedule, payments made, closing the accounts; and the budget per
 * station and category.
 */
@Service
public class FinanceService {

    private final FinanceStore store;
    private final FinanceAccess access;
    private final ApplicationEventPublisher events;

    FinanceService(FinanceStore store, FinanceAccess access, ApplicationEventPublisher events) {
        this.store = store;
        this.access = access;
        this.events = events;
    }

    // ---- settings -------------------------------------------------------------------------------

    /** The rules a bureau applies: its own, or the defaults of seed 001 until it saves its own. */
    @Transactional(readOnly = true)
    public SpendingRules.Settings rules(long bureauId) {
        return store.settings(bureauId).orElseGet(SpendingRules::defaults);
    }

    @Transactional(readOnly = true)
    public FinanceViews.Settings settings(long bureauId) {
        access.requireReader();
        OrgUnitView bureau = visibleBureau(bureauId);
        return view(bureau, rules(bureau.id()));
    }

    @Transactional
    public FinanceViews.Settings saveSettings(long bureauId, FinanceForms.Settings form) {
        OrgUnitView bureau = visibleBureau(bureauId);
        if (!access.isBureau()) {
            throw new cn.sgz.shared.ForbiddenException("只有区/县民政局可以配置支出类别与支出规则");
        }
        if (form == null) {
            throw BusinessException.field("categories", "支出类别：请至少填写一个类别");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<String> categories = clean(form.categories());
        if (categories.isEmpty()) {
            problems.add(new FieldProblem("categories", "支出类别：请至少填写一个类别"));
        }
        for (String c : categories) {
            if (c.length() > 50) {
                problems.add(new FieldProblem("categories", "支出类别：每个类别不能超过50个字（「" + c + "」）"));
            }
        }
        checkSubset("fixedAssetCategories", "固定资产规则适用类别", clean(form.fixedAssetCategories()), categories, problems);
        checkSubset("grainOilCategories", "米面油规则适用类别", clean(form.grainOilCategories()), categories, problems);
        checkSubset("fuelCategories", "燃油费规则适用类别", clean(form.fuelCategories()), categories, problems);
        Money.check("fixedAssetThreshold", "固定资产单价标准", form.fixedAssetThreshold(), problems);
        if (Boolean.TRUE.equals(form.grainOilEnabled())
                && clean(form.grainOilWords()).isEmpty()) {
            problems.add(new FieldProblem("grainOilWords", "米面油关键词：开启该规则时请至少填写一个关键词"));
        }
        if (Boolean.TRUE.equals(form.fuelEnabled()) && clean(form.fuelWords()).isEmpty()) {
            problems.add(new FieldProblem("fuelWords", "燃油费关键词：开启该规则时请至少填写一个关键词"));
        }
        if (form.warnPercent() == null || form.warnPercent() < 1 || form.warnPercent() > 100) {
            problems.add(new FieldProblem("warnPercent", "预警阈值：请填写1～100之间的整数（百分比）"));
        }
        FieldTexts.throwIfAny(problems);
        SpendingRules.Settings s = new SpendingRules.Settings(
                categories,
                Boolean.TRUE.equals(form.fixedAssetEnabled()),
                clean(form.fixedAssetCategories()),
                Money.normalize(form.fixedAssetThreshold()),
                Boolean.TRUE.equals(form.grainOilEnabled()),
                clean(form.grainOilCategories()),
                clean(form.grainOilWords()),
                Boolean.TRUE.equals(form.fuelEnabled()),
                clean(form.fuelCategories()),
                clean(form.fuelWords()),
                form.warnPercent(),
                true,
                0);
        Optional<SpendingRules.Settings> current = store.settings(bureau.id());
        String by = access.me().username();
        if (current.isEmpty()) {
            store.insertSettings(bureau.id(), s, by);
        } else {
            if (form.version() == null) {
                throw BusinessException.field("version", "缺少版本号：请先读取规则，再带着读取到的 version 提交修改");
            }
            if (!store.updateSettings(bureau.id(), form.version(), s, by)) {
                throw new ConflictException("保存失败：支出规则在您打开之后已被他人修改，请刷新后重新修改");
            }
        }
        events.publishEvent(AuditEvent.success(
                "FINANCE_SETTINGS_SAVE",
                "FINANCE_SETTINGS",
                bureau.id(),
                bureau.path(),
                "类别 " + String.join("、", categories) + "；" + String.join("；", s.describe())));
        return view(bureau, rules(bureau.id()));
    }

    private OrgUnitView visibleBureau(long bureauId) {
        return access.bureaus().stream()
                .filter(b -> b.id() == bureauId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("区/县民政局"));
    }

    private static void checkSubset(
            String field, String label, List<String> chosen, List<String> categories, List<FieldProblem> problems) {
        for (String c : chosen) {
            if (!categories.contains(c)) {
                problems.add(new FieldProblem(field, label + "：「" + c + "」不在支出类别中"));
                return;
            }
        }
    }

    private static List<String> clean(List<String> items) {
        if (items == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String i : items) {
            for (String part : SpendingRules.split(i)) {
                if (!out.contains(part)) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    private static FinanceViews.Settings view(OrgUnitView bureau, SpendingRules.Settings s) {
        return new FinanceViews.Settings(
                bureau.id(),
                bureau.name(),
                s.categories(),
                s.fixedAssetEnabled(),
                s.fixedAssetCategories(),
                s.fixedAssetThreshold(),
                s.grainOilEnabled(),
                s.grainOilCategories(),
                s.grainOilWords(),
                s.fuelEnabled(),
                s.fuelCategories(),
                s.fuelWords(),
                s.warnPercent(),
                s.describe(),
                s.stored(),
                s.version());
    }

    // ---- contract -------------------------------------------------------------------------------

    /** The project's contract money, or empty when the bureau has not entered it yet. */
    @Transactional(readOnly = true)
    public Optional<FinanceViews.Contract> contract(long projectId) {
        Project p = access.project(projectId);
        return store.contract(p.id()).map(c -> view(p, c));
    }

    private FinanceViews.Contract view(Project p, FinanceStore.ContractRow c) {
        List<FinanceViews.Payment> payments = store.payments(p.id());
        BigDecimal paid = payments.stream()
                .filter(x -> x.status() == PaymentStatus.PAID)
                .map(FinanceViews.Payment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2);
        return new FinanceViews.Contract(
                p.id(),
                p.name(),
                c.totalAmount(),
                c.fundingSources(),
                c.status(),
                c.status().label(),
                c.closedOn(),
                c.closeReason(),
                payments,
                paid,
                c.version());
    }

    @Transactional
    public FinanceViews.Contract saveContract(long projectId, FinanceForms.Contract form) {
        Project p = access.projectForBureau(projectId, "登记合同金额与付款计划");
        if (form == null) {
            throw BusinessException.field("totalAmount", "合同总额：请填写金额（元）");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Money.check("totalAmount", "合同总额", form.totalAmount(), problems);
        List<String> sources = clean(form.fundingSources());
        if (sources.isEmpty()) {
            problems.add(new FieldProblem("fundingSources", "资金来源：请至少填写一项，如 福彩公益金、财政资金"));
        } else if (String.join("\n", sources).length() > 500) {
            problems.add(new FieldProblem("fundingSources", "资金来源：合计不能超过500个字"));
        }
        List<FinanceForms.PaymentLine> lines = form.payments() == null ? List.of() : form.payments();
        if (lines.isEmpty()) {
            problems.add(new FieldProblem("payments", "付款计划：请至少填写一期付款"));
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            FinanceForms.PaymentLine l = lines.get(i);
            String n = "第" + (i + 1) + "期";
            String prefix = "payments[" + i + "].";
            if (l == null) {
                problems.add(new FieldProblem(prefix + "label", "付款计划" + n + "：内容为空"));
                continue;
            }
            FieldTexts.required(prefix + "label", "付款计划" + n + "名称", l.label(), 50, problems);
            Money.check(prefix + "amount", "付款计划" + n + "金额", l.amount(), problems);
            if (l.condition() == null) {
                problems.add(new FieldProblem(prefix + "condition", "付款计划" + n + "条件：请选择付款条件"));
            }
            FieldTexts.optional(prefix + "conditionNote", "付款计划" + n + "条件说明", l.conditionNote(), 200, problems);
            if (l.amount() != null) {
                sum = sum.add(l.amount());
            }
        }
        if (problems.isEmpty() && sum.compareTo(form.totalAmount()) != 0) {
            problems.add(new FieldProblem(
                    "payments",
                    "付款计划：各期金额合计 " + Money.format(sum) + " 元，应等于合同总额 " + Money.format(form.totalAmount()) + " 元"));
        }
        FieldTexts.throwIfAny(problems);
        BigDecimal total = Money.normalize(form.totalAmount());
        Optional<FinanceStore.ContractRow> current = store.contract(p.id());
        String path = access.bureauPath(p);
        if (current.isEmpty()) {
            store.insertContract(
                    p.id(), p.bureauId(), path, total, sources, access.me().username());
        } else {
            if (current.get().status() == ContractStatus.CLOSED) {
                throw new ConflictException("项目已结项，合同金额与付款计划不能再修改");
            }
            if (form.version() == null) {
                throw BusinessException.field("version", "缺少版本号：请先读取合同，再带着读取到的 version 提交修改");
            }
            BigDecimal budgeted = budgetTotal(p.id());
            if (budgeted.compareTo(total) > 0) {
                throw BusinessException.field("totalAmount", "合同总额：不能少于已编制的预算合计 " + Money.format(budgeted) + " 元");
            }
            List<FinanceViews.Payment> old = store.payments(p.id());
            boolean anyPaid = old.stream().anyMatch(x -> x.status() == PaymentStatus.PAID);
            if (anyPaid && !sameSchedule(old, lines)) {
                throw new ConflictException("已有付款记录，付款计划不能再修改（可修改资金来源）");
            }
            if (!store.updateContract(p.id(), form.version(), total, sources)) {
                throw new ConflictException("保存失败：合同在您打开之后已被他人修改，请刷新后重新修改");
            }
            if (anyPaid) {
                events.publishEvent(AuditEvent.success(
                        "FINANCE_CONTRACT_UPDATE", "FINANCE_CONTRACT", p.id(), path, "资金来源 " + sources));
                return contract(p.id()).orElseThrow();
            }
            store.deletePayments(p.id());
        }
        for (int i = 0; i < lines.size(); i++) {
            FinanceForms.PaymentLine l = lines.get(i);
            store.insertPayment(
                    p.id(),
                    i + 1,
                    l.label().strip(),
                    Money.normalize(l.amount()),
                    l.condition(),
                    FieldTexts.strip(l.conditionNote()),
                    l.dueOn());
        }
        events.publishEvent(AuditEvent.success(
                current.isEmpty() ? "FINANCE_CONTRACT_CREATE" : "FINANCE_CONTRACT_UPDATE",
                "FINANCE_CONTRACT",
                p.id(),
                path,
                "合同总额 " + total.toPlainString() + " 元，" + lines.size() + " 期付款，资金来源 " + String.join("、", sources)));
        return contract(p.id()).orElseThrow();
    }

    private static boolean sameSchedule(List<FinanceViews.Payment> old, List<FinanceForms.PaymentLine> lines) {
        if (old.size() != lines.size()) {
            return false;
        }
        for (int i = 0; i < old.size(); i++) {
            if (old.get(i).amount().compareTo(lines.get(i).amount()) != 0
                    || old.get(i).condition() != lines.get(i).condition()) {
                return false;
            }
        }
        return true;
    }

    @Transactional
    public FinanceViews.Payment recordPayment(long paymentId, FinanceForms.Pay form) {
        FinanceViews.Payment pay = store.payment(paymentId).orElseThrow(() -> new NotFoundException("付款计划"));
        Project p;
        try {
            p = access.project(pay.projectId());
        } catch (NotFoundException e) {
            throw new NotFoundException("付款计划");
        }
        access.requireBureauOf(p, "登记付款");
        FinanceStore.ContractRow c = store.contract(p.id()).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        if (form == null || form.paidOn() == null) {
            problems.add(new FieldProblem("paidOn", "付款日期：请填写付款日期"));
        } else if (form.paidOn().isAfter(ChinaTime.today())) {
            problems.add(new FieldProblem("paidOn", "付款日期：不能晚于今天"));
        }
        if (form != null) {
            FieldTexts.optional("note", "付款备注", form.note(), 200, problems);
        }
        FieldTexts.throwIfAny(problems);
        if (pay.status() == PaymentStatus.PAID) {
            throw new ConflictException("该期已登记付款（" + pay.paidOn() + "）");
        }
        if (form.version() == null) {
            throw BusinessException.field("version", "缺少版本号：请先读取付款计划，再带着读取到的 version 提交");
        }
        if (!store.markPaid(
                paymentId,
                form.version(),
                form.paidOn(),
                FieldTexts.strip(form.note()),
                access.me().displayName())) {
            throw new ConflictException("保存失败：该期付款在您打开之后已被他人修改，请刷新后重试");
        }
        events.publishEvent(AuditEvent.success(
                "FINANCE_PAYMENT_PAID",
                "FINANCE_PAYMENT",
                paymentId,
                c.orgPath(),
                pay.label() + " " + pay.amount().toPlainString() + " 元，付款日期 " + form.paidOn()));
        return store.payment(paymentId).orElseThrow();
    }

    @Transactional
    public FinanceViews.Contract close(long projectId, FinanceForms.Close form) {
        Project p = access.projectForBureau(projectId, "结项");
        FinanceStore.ContractRow c = store.contract(p.id()).orElseThrow(() -> new NotFoundException("项目合同"));
        String why = form == null || form.reason() == null ? "" : form.reason().strip();
        if (why.length() < 2 || why.length() > 200) {
            throw BusinessException.field("reason", "结项说明：请填写结项说明（2～200个字）");
        }
        if (c.status() == ContractStatus.CLOSED) {
            throw new ConflictException("项目已经结项");
        }
        if (form.version() == null) {
            throw BusinessException.field("version", "缺少版本号：请先读取合同，再带着读取到的 version 提交");
        }
        if (!store.closeContract(p.id(), form.version(), ChinaTime.today(), why)) {
            throw new ConflictException("保存失败：合同在您打开之后已被他人修改，请刷新后重试");
        }
        events.publishEvent(AuditEvent.success("FINANCE_CONTRACT_CLOSE", "FINANCE_CONTRACT", p.id(), c.orgPath(), why));
        return contract(p.id()).orElseThrow();
    }

    // ---- budget ---------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public FinanceViews.Budget budget(long projectId) {
        Project p = access.project(projectId);
        List<OrgUnitView> stations = access.stationsOf(p);
        List<FinanceStore.LineRow> lines = store.budgetLines(p.id());
        List<String> categories = new ArrayList<>(rules(p.bureauId()).categories());
        lines.forEach(l -> {
            if (!categories.contains(l.category())) {
                categories.add(l.category());
            }
        });
        Map<Long, List<FinanceViews.BudgetLine>> byStation = new HashMap<>();
        for (FinanceStore.LineRow l : lines) {
            byStation
                    .computeIfAbsent(l.stationId(), k -> new ArrayList<>())
                    .add(new FinanceViews.BudgetLine(l.id(), l.category(), l.amount(), l.version()));
        }
        List<FinanceViews.StationBudget> out = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (OrgUnitView s : stations) {
            List<FinanceViews.BudgetLine> ls = byStation.getOrDefault(s.id(), List.of()).stream()
                    .sorted(java.util.Comparator.comparingInt(l -> categories.indexOf(l.category())))
                    .toList();
            BigDecimal st = ls.stream()
                    .map(FinanceViews.BudgetLine::amount)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            total = total.add(st);
            out.add(new FinanceViews.StationBudget(s.id(), s.name(), ls, st));
        }
        BigDecimal contractTotal = store.contract(p.id())
                .map(FinanceStore.ContractRow::totalAmount)
                .orElse(null);
        return new FinanceViews.Budget(p.id(), p.name(), contractTotal, categories, out, total);
    }

    private BigDecimal budgetTotal(long projectId) {
        return store.budgetLines(projectId).stream()
                .map(FinanceStore.LineRow::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Sets a station's budget: one amount per category (blank removes the category, which is refused when the
     * station already has expenses in it). Existing lines carry the version read; the whole project's budget
     * may not exceed the contract total.
     */
    @Transactional
    public FinanceViews.Budget setStationBudget(long projectId, long stationId, FinanceForms.StationBudget form) {
        access.requireBudgetWriter();
        Project p = access.project(projectId);
        OrgUnitView station = access.station(p, stationId, "stationId");
        FinanceStore.ContractRow contract = store.contract(p.id()).orElse(null);
        if (contract != null && contract.status() == ContractStatus.CLOSED) {
            throw new ConflictException("项目已结项，预算不能再修改");
        }
        List<String> categories = rules(p.bureauId()).categories();
        Map<String, FinanceStore.LineRow> existing = new LinkedHashMap<>();
        store.budgetLines(p.id()).stream()
                .filter(l -> l.stationId() == station.id())
                .forEach(l -> existing.put(l.category(), l));
        List<FinanceForms.BudgetLine> lines = form == null || form.lines() == null ? List.of() : form.lines();
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, FinanceForms.BudgetLine> wanted = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            FinanceForms.BudgetLine l = lines.get(i);
            String prefix = "lines[" + i + "].";
            String cat = l == null || l.category() == null ? "" : l.category().strip();
            if (cat.isEmpty()) {
                problems.add(new FieldProblem(prefix + "category", "预算类别：请选择类别"));
                continue;
            }
            if (!categories.contains(cat) && !existing.containsKey(cat)) {
                problems.add(new FieldProblem(prefix + "category", "预算类别：「" + cat + "」不在本区支出类别中"));
                continue;
            }
            if (wanted.containsKey(cat)) {
                problems.add(new FieldProblem(prefix + "category", "预算类别：「" + cat + "」重复"));
                continue;
            }
            if (l.amount() != null) {
                Money.check(prefix + "amount", "「" + cat + "」预算金额", l.amount(), problems);
            }
            FinanceStore.LineRow old = existing.get(cat);
            if (old != null
                    && l.version() == null
                    && (l.amount() == null || l.amount().compareTo(old.amount()) != 0)) {
                problems.add(new FieldProblem(prefix + "version", "缺少版本号：请先读取预算，再带着读取到的 version 提交修改"));
            }
            if (old != null && l.amount() == null && store.hasExpenses(p.id(), station.id(), cat)) {
                problems.add(new FieldProblem(prefix + "amount", "「" + cat + "」预算金额：该类别已有支出，不能删除预算"));
            }
            wanted.put(cat, l);
        }
        FieldTexts.throwIfAny(problems);
        String by = access.me().username();
        List<String> changes = new ArrayList<>();
        for (var e : wanted.entrySet()) {
            FinanceStore.LineRow old = existing.get(e.getKey());
            FinanceForms.BudgetLine l = e.getValue();
            if (old == null) {
                if (l.amount() != null) {
                    store.insertLine(p.id(), station.id(), station.path(), e.getKey(), Money.normalize(l.amount()), by);
                    changes.add(e.getKey() + " " + Money.normalize(l.amount()).toPlainString());
                }
            } else if (l.amount() == null) {
                if (!store.deleteLine(old.id(), l.version())) {
                    throw new ConflictException("保存失败：「" + e.getKey() + "」预算在您打开之后已被他人修改，请刷新后重新修改");
                }
                changes.add(e.getKey() + " 删除");
            } else if (l.amount().compareTo(old.amount()) != 0) {
                if (!store.updateLine(old.id(), l.version(), Money.normalize(l.amount()), by)) {
                    throw new ConflictException("保存失败：「" + e.getKey() + "」预算在您打开之后已被他人修改，请刷新后重新修改");
                }
                changes.add(e.getKey() + " " + Money.normalize(l.amount()).toPlainString());
            }
        }
        if (contract != null) {
            BigDecimal total = budgetTotal(p.id());
            if (total.compareTo(contract.totalAmount()) > 0) {
                throw BusinessException.field(
                        "lines",
                        "预算金额：项目预算合计 " + Money.format(total) + " 元，超过合同总额 " + Money.format(contract.totalAmount())
                                + " 元");
            }
        }
        if (!changes.isEmpty()) {
            events.publishEvent(AuditEvent.success(
                    "FINANCE_BUDGET_SET",
                    "FINANCE_BUDGET",
                    p.id(),
                    station.path(),
                    station.name() + "：" + String.join("，", changes)));
        }
        return budget(p.id());
    }
}
