package cn.sgz.finance.internal;

import cn.sgz.catalog.Project;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.Money;
import cn.sgz.shared.web.FormSubmission;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 项目经费 pages: projects' money, a project's contract, budget and expenses, an expense, execution, rules. */
@Controller
class FinanceWebController {

    private final FinanceService finance;
    private final ExpenseService expenses;
    private final ExecutionService execution;
    private final FinanceAccess access;

    FinanceWebController(
            FinanceService finance, ExpenseService expenses, ExecutionService execution, FinanceAccess access) {
        this.finance = finance;
        this.expenses = expenses;
        this.execution = execution;
        this.access = access;
    }

    /** One project on the overview: its contract total and the execution figures. */
    record ProjectLine(Project project, BigDecimal contractTotal, FinanceViews.Execution execution, long pending) {}

    @GetMapping("/finance")
    String home(Model model) {
        List<ProjectLine> lines = new ArrayList<>();
        for (Project p : access.projects()) {
            FinanceViews.Execution ex = execution.execution(p.id(), ExecutionService.By.CATEGORY);
            long pending = expenses.list(p.id(), null, ReviewStatus.PENDING, null, null).stream()
                    .filter(e -> !e.reversed())
                    .count();
            lines.add(new ProjectLine(
                    p,
                    finance.contract(p.id())
                            .map(FinanceViews.Contract::totalAmount)
                            .orElse(null),
                    ex,
                    pending));
        }
        model.addAttribute("lines", lines);
        model.addAttribute("pending", access.isBureau() ? expenses.pending() : List.of());
        model.addAttribute("isBureau", access.isBureau());
        model.addAttribute("bureaus", access.bureaus());
        return "finance/home";
    }

    @GetMapping("/finance/projects/{id}")
    String project(@PathVariable long id, Model model) {
        Project p = access.project(id);
        FinanceViews.Contract contract = finance.contract(id).orElse(null);
        model.addAttribute("p", p);
        model.addAttribute("contract", contract);
        model.addAttribute("budget", finance.budget(id));
        model.addAttribute("ex", execution.execution(id, ExecutionService.By.CATEGORY));
        model.addAttribute("expenses", expenses.list(id, null, null, null, null));
        model.addAttribute("rules", finance.rules(p.bureauId()).describe());
        boolean open = contract == null || contract.status() == ContractStatus.OPEN;
        boolean bureau = access.isBureau() && access.scope().covers(access.bureauPath(p));
        model.addAttribute("isBureau", bureau);
        model.addAttribute("canEnter", access.canEnterExpenses() && open);
        model.addAttribute("canBudget", access.canEditBudget() && open);
        model.addAttribute("open", open);
        model.addAttribute("today", ChinaTime.today());
        return "finance/project";
    }

    // ---- contract -------------------------------------------------------------------------------

    @GetMapping("/finance/projects/{id}/contract")
    String contractForm(@PathVariable long id, Model model) {
        Project p = access.projectForBureau(id, "登记合同金额与付款计划");
        FinanceViews.Contract c = finance.contract(id).orElse(null);
        List<String[]> rows = new ArrayList<>();
        if (c != null) {
            c.payments()
                    .forEach(x -> rows.add(new String[] {
                        x.label(),
                        x.amount().toPlainString(),
                        x.condition().name(),
                        x.conditionNote() == null ? "" : x.conditionNote(),
                        x.dueOn() == null ? "" : x.dueOn().toString()
                    }));
        } else {
            rows.add(new String[] {"预付款（40%）", "", "CONTRACT_SIGNED", "合同签订后拨付", ""});
            rows.add(new String[] {"中期款（30%）", "", "MIDTERM_PASSED", "中期评估通过后拨付", ""});
            rows.add(new String[] {"尾款（30%）", "", "ACCEPTANCE_PASSED", "项目验收通过后拨付", ""});
        }
        while (rows.size() < 4) {
            rows.add(new String[] {"", "", "OTHER", "", ""});
        }
        return contractPage(
                model,
                p,
                c,
                c == null ? "" : c.totalAmount().toPlainString(),
                c == null ? "福彩公益金" : String.join("、", c.fundingSources()),
                rows);
    }

    private String contractPage(
            Model model, Project p, FinanceViews.Contract c, String total, String sources, List<String[]> rows) {
        model.addAttribute("p", p);
        model.addAttribute("contract", c);
        model.addAttribute("total", total);
        model.addAttribute("sources", sources);
        model.addAttribute("rows", rows);
        model.addAttribute("conditions", PaymentCondition.values());
        return "finance/contract-form";
    }

    @PostMapping("/finance/projects/{id}/contract")
    String saveContract(
            @PathVariable long id,
            @RequestParam(required = false) String totalAmount,
            @RequestParam(required = false) String fundingSources,
            @RequestParam(name = "label", required = false) List<String> labels,
            @RequestParam(name = "amount", required = false) List<String> amounts,
            @RequestParam(name = "condition", required = false) List<String> conditions,
            @RequestParam(name = "conditionNote", required = false) List<String> notes,
            @RequestParam(name = "dueOn", required = false) List<String> dues,
            @RequestParam(required = false) Long version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Project p = access.projectForBureau(id, "登记合同金额与付款计划");
        List<String[]> rows = new ArrayList<>();
        int n = labels == null ? 0 : labels.size();
        for (int i = 0; i < n; i++) {
            rows.add(new String[] {labels.get(i), at(amounts, i), at(conditions, i), at(notes, i), at(dues, i)});
        }
        return FormSubmission.run(
                model,
                response,
                () -> {
                    List<FinanceForms.PaymentLine> lines = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        String[] r = rows.get(i);
                        if (r[0].isBlank() && r[1].isBlank()) {
                            continue;
                        }
                        lines.add(new FinanceForms.PaymentLine(
                                r[0],
                                Money.parse("payments[" + i + "].amount", "付款计划第" + (i + 1) + "期金额", r[1]),
                                r[2].isBlank() ? null : PaymentCondition.valueOf(r[2]),
                                r[3],
                                r[4].isBlank() ? null : LocalDate.parse(r[4])));
                    }
                    finance.saveContract(
                            id,
                            new FinanceForms.Contract(
                                    Money.parse("totalAmount", "合同总额", totalAmount),
                                    SpendingRules.split(fundingSources),
                                    lines,
                                    version));
                    flash.addFlashAttribute("notice", "合同金额与付款计划已保存");
                    return "redirect:/finance/projects/" + id;
                },
                () -> contractPage(model, p, finance.contract(id).orElse(null), totalAmount, fundingSources, rows));
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i);
    }

    @PostMapping("/finance/payments/{paymentId}/pay")
    String pay(
            @PathVariable long paymentId,
            @RequestParam long projectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) Long version,
            RedirectAttributes flash) {
        try {
            FinanceViews.Payment pay = finance.recordPayment(paymentId, new FinanceForms.Pay(paidOn, note, version));
            flash.addFlashAttribute("notice", "已登记付款：" + pay.label() + " " + Money.format(pay.amount()) + " 元");
        } catch (BusinessException | ConflictException ex) {
            flash.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/finance/projects/" + projectId + "#contract";
    }

    @PostMapping("/finance/projects/{id}/close")
    String close(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long version,
            RedirectAttributes flash) {
        try {
            finance.close(id, new FinanceForms.Close(reason, version));
            flash.addFlashAttribute("notice", "项目已结项：不能再登记支出，已有记录全部保留");
        } catch (BusinessException | ConflictException ex) {
            flash.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/finance/projects/" + id;
    }

    // ---- budget ---------------------------------------------------------------------------------

    @PostMapping("/finance/projects/{id}/budget/{stationId}")
    String budget(
            @PathVariable long id,
            @PathVariable long stationId,
            @RequestParam(name = "category", required = false) List<String> categories,
            @RequestParam(name = "amount", required = false) List<String> amounts,
            @RequestParam(name = "version", required = false) List<String> versions,
            RedirectAttributes flash) {
        try {
            List<FinanceForms.BudgetLine> lines = new ArrayList<>();
            int n = categories == null ? 0 : categories.size();
            for (int i = 0; i < n; i++) {
                String v = at(versions, i);
                String a = at(amounts, i);
                if (a.isBlank() && v.isBlank()) {
                    continue;
                }
                lines.add(new FinanceForms.BudgetLine(
                        categories.get(i),
                        Money.parse("lines[" + i + "].amount", "「" + categories.get(i) + "」预算金额", a),
                        v.isBlank() ? null : Long.valueOf(v)));
            }
            finance.setStationBudget(id, stationId, new FinanceForms.StationBudget(lines));
            flash.addFlashAttribute("notice", "预算已保存");
        } catch (BusinessException | ConflictException ex) {
            flash.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/finance/projects/" + id + "#budget";
    }

    // ---- expenses -------------------------------------------------------------------------------

    /** The expense form as the page binds it: amounts and numbers arrive as typed text. */
    record ExpensePage(
            Long stationId,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate spentOn,
            String category,
            String payee,
            String amount,
            String quantity,
            String purpose,
            String tripDestination,
            Boolean outsideCounty,
            String recordId) {

        FinanceForms.Expense toForm(long projectId) {
            Integer q;
            try {
                q = quantity == null || quantity.isBlank() ? null : Integer.valueOf(quantity.strip());
            } catch (NumberFormatException e) {
                throw BusinessException.field("quantity", "数量：请填写整数");
            }
            Long r;
            try {
                r = recordId == null || recordId.isBlank()
                        ? null
                        : Long.valueOf(recordId.strip().replace("#", ""));
            } catch (NumberFormatException e) {
                throw BusinessException.field("recordId", "关联服务记录：请填写服务记录编号（数字）");
            }
            return new FinanceForms.Expense(
                    projectId,
                    stationId,
                    spentOn,
                    category,
                    payee,
                    Money.parse("amount", "支出金额", amount),
                    q,
                    purpose,
                    tripDestination,
                    Boolean.TRUE.equals(outsideCounty),
                    r);
        }
    }

    @GetMapping("/finance/projects/{id}/expenses/new")
    String newExpense(@PathVariable long id, Model model) {
        access.requireExpenseWriter();
        Project p = access.project(id);
        var stations = access.stationsOf(p);
        Long own = access.me().orgUnitId();
        Long station = stations.stream()
                .filter(s -> own != null && s.id() == own)
                .map(s -> s.id())
                .findFirst()
                .orElse(stations.isEmpty() ? null : stations.get(0).id());
        LocalDate today = ChinaTime.today();
        return expenseForm(
                model,
                p,
                new ExpensePage(
                        station,
                        today.isAfter(p.endDate()) ? p.endDate() : today,
                        null,
                        null,
                        null,
                        "1",
                        null,
                        null,
                        false,
                        null));
    }

    private String expenseForm(Model model, Project p, ExpensePage form) {
        model.addAttribute("p", p);
        model.addAttribute("form", form);
        model.addAttribute("stations", access.stationsOf(p));
        FinanceViews.Budget b = finance.budget(p.id());
        Map<Long, List<String>> cats = new HashMap<>();
        b.stations()
                .forEach(s -> cats.put(
                        s.stationId(),
                        s.lines().stream()
                                .map(FinanceViews.BudgetLine::category)
                                .toList()));
        model.addAttribute("categories", b.categories());
        model.addAttribute("stationCategories", cats);
        model.addAttribute("rules", finance.rules(p.bureauId()).describe());
        return "finance/expense-form";
    }

    @PostMapping("/finance/projects/{id}/expenses")
    String createExpense(
            @PathVariable long id,
            @ModelAttribute("form") ExpensePage form,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String uploadId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        access.requireExpenseWriter();
        Project p = access.project(id);
        return FormSubmission.run(
                model,
                response,
                () -> {
                    FinanceViews.Expense e;
                    try {
                        boolean hasFile = file != null && !file.isEmpty();
                        e = expenses.createWithPhoto(
                                form.toForm(id),
                                uploadId,
                                hasFile ? file.getOriginalFilename() : null,
                                hasFile ? file.getSize() : -1,
                                hasFile ? file.getInputStream() : null);
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                    flash.addFlashAttribute(
                            "notice",
                            e.flagged()
                                    ? "支出已登记，但触发了支出规则：须经区/县民政局批准后才计入支出"
                                    : "支出已登记：" + Money.format(e.amount()) + " 元");
                    return "redirect:/finance/expenses/" + e.id();
                },
                () -> expenseForm(model, p, form));
    }

    @GetMapping("/finance/expenses/{id}")
    String expense(@PathVariable long id, Model model) {
        FinanceViews.Expense e = expenses.get(id);
        Project p = access.project(e.projectId());
        model.addAttribute("e", e);
        model.addAttribute("p", p);
        model.addAttribute("photos", expenses.photos(id));
        FinanceViews.Contract c = finance.contract(p.id()).orElse(null);
        boolean open = c == null || c.status() == ContractStatus.OPEN;
        model.addAttribute("canWrite", access.canEnterExpenses() && open);
        model.addAttribute(
                "canReview",
                access.isBureau()
                        && access.scope().covers(access.bureauPath(p))
                        && e.reviewStatus() == ReviewStatus.PENDING
                        && !e.reversed());
        return "finance/expense";
    }

    @PostMapping("/finance/expenses/{id}/photos")
    String photo(
            @PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String uploadId,
            RedirectAttributes flash) {
        expenses.get(id);
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute("error", "请先选择照片");
        } else {
            try {
                expenses.addPhoto(id, uploadId, file.getOriginalFilename(), file.getSize(), file.getInputStream());
                flash.addFlashAttribute("notice", "照片已上传");
            } catch (BusinessException | ConflictException ex) {
                flash.addFlashAttribute("error", ex.getMessage());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return "redirect:/finance/expenses/" + id + "#photos";
    }

    @PostMapping("/finance/expenses/{id}/reverse")
    String reverse(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            FinanceViews.Expense r = expenses.reverse(id, reason);
            flash.addFlashAttribute("notice", "已冲正：原记录保留，新增一条负数冲正记录 #" + r.id());
        } catch (BusinessException | ConflictException ex) {
            flash.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/finance/expenses/" + id;
    }

    @PostMapping("/finance/expenses/{id}/review")
    String review(
            @PathVariable long id,
            @RequestParam String decision,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long version,
            RedirectAttributes flash) {
        try {
            FinanceForms.Review form = new FinanceForms.Review(reason, version);
            FinanceViews.Expense e =
                    "approve".equals(decision) ? expenses.approve(id, form) : expenses.refuse(id, form);
            flash.addFlashAttribute("notice", e.reviewLabel());
        } catch (BusinessException | ConflictException ex) {
            flash.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/finance/expenses/" + id;
    }

    // ---- execution ------------------------------------------------------------------------------

    @GetMapping("/finance/projects/{id}/execution")
    String execution(@PathVariable long id, @RequestParam(required = false) ExecutionService.By by, Model model) {
        FinanceViews.Execution ex = execution.execution(id, by);
        model.addAttribute("ex", ex);
        model.addAttribute("bys", ExecutionService.By.values());
        return "finance/execution";
    }

    @GetMapping("/finance/projects/{id}/execution.xlsx")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        return BudgetApiController.xlsx(execution.export(id), "预算执行.xlsx");
    }

    // ---- rules ----------------------------------------------------------------------------------

    @GetMapping("/finance/rules")
    String rules(@RequestParam(required = false) Long bureauId, Model model) {
        access.requireReader();
        var bureaus = access.bureaus();
        if (bureaus.isEmpty()) {
            throw new cn.sgz.shared.NotFoundException("区/县民政局");
        }
        long id = bureauId == null ? bureaus.get(0).id() : bureauId;
        return rulesPage(model, finance.settings(id), null);
    }

    private String rulesPage(Model model, FinanceViews.Settings s, Map<String, String> typed) {
        model.addAttribute("s", s);
        model.addAttribute("bureaus", access.bureaus());
        model.addAttribute("canEdit", access.isBureau());
        model.addAttribute("typed", typed);
        return "finance/rules";
    }

    @PostMapping("/finance/rules/{bureauId}")
    String saveRules(
            @PathVariable long bureauId,
            @RequestParam Map<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    Integer warn;
                    try {
                        warn = Integer.valueOf(
                                params.getOrDefault("warnPercent", "").strip());
                    } catch (NumberFormatException e) {
                        throw BusinessException.field("warnPercent", "预警阈值：请填写1～100之间的整数（百分比）");
                    }
                    finance.saveSettings(
                            bureauId,
                            new FinanceForms.Settings(
                                    SpendingRules.split(params.get("categories")),
                                    params.containsKey("fixedAssetEnabled"),
                                    SpendingRules.split(params.get("fixedAssetCategories")),
                                    Money.parse("fixedAssetThreshold", "固定资产单价标准", params.get("fixedAssetThreshold")),
                                    params.containsKey("grainOilEnabled"),
                                    SpendingRules.split(params.get("grainOilCategories")),
                                    SpendingRules.split(params.get("grainOilWords")),
                                    params.containsKey("fuelEnabled"),
                                    SpendingRules.split(params.get("fuelCategories")),
                                    SpendingRules.split(params.get("fuelWords")),
                                    warn,
                                    params.get("version") == null
                                                    || params.get("version").isBlank()
                                            ? null
                                            : Long.valueOf(params.get("version"))));
                    flash.addFlashAttribute("notice", "支出类别与支出规则已保存");
                    return "redirect:/finance/rules?bureauId=" + bureauId;
                },
                () -> rulesPage(model, finance.settings(bureauId), params));
    }
}
