package cn.sgz.finance.internal;

import cn.sgz.activity.RecordSummaries;
import cn.sgz.catalog.Project;
import cn.sgz.evidence.PhotoView;
import cn.sgz.evidence.UploadResult;
import cn.sgz.org.OrgUnitView;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.BusinessException.FieldProblem;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.FieldTexts;
import cn.sgz.shared.Money;
import cn.sgz.shared.NotFoundException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expenses of a project. Entered by the agency manager (or a station head for their station), checked
 * against the bureau's spending rules on entry: one that breaks a rule is flagged with the rule's text and
 * awaits the bureau, which approves or refuses it with a reason. Never edited or deleted: a wrong expense is
 * cancelled by a reversing entry with a reason, so the history stays.
 */
@Service
public class ExpenseService {

    private final FinanceStore store;
    private final FinanceAccess access;
    private final FinanceService finance;
    private final FinancePhotos photos;
    private final RecordSummaries records;
    private final ApplicationEventPublisher events;

    ExpenseService(
            FinanceStore store,
            FinanceAccess access,
            FinanceService finance,
            FinancePhotos photos,
            RecordSummaries records,
            ApplicationEventPublisher events) {
        this.store = store;
        this.access = access;
        this.finance = finance;
        this.photos = photos;
        this.records = records;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<FinanceViews.Expense> list(
            long projectId, Long stationId, ReviewStatus review, LocalDate from, LocalDate to) {
        Project p = access.project(projectId);
        if (stationId != null) {
            access.stationsOf(p).stream()
                    .filter(s -> s.id() == stationId)
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("社工站"));
        }
        Map<Long, String> names = stationNames(p);
        return store.expenses(access.scope(), p.id(), stationId, review, from, to, 1000).stream()
                .map(e -> e.withStationName(names.get(e.stationId())))
                .toList();
    }

    /** Flagged expenses awaiting a bureau, in the caller's scope. */
    @Transactional(readOnly = true)
    public List<FinanceViews.Expense> pending() {
        access.requireReader();
        return store.pending(access.scope());
    }

    @Transactional(readOnly = true)
    public FinanceViews.Expense get(long id) {
        FinanceStore.ExpenseRow row = visible(id);
        Project p = access.project(row.view().projectId());
        return row.view().withStationName(stationNames(p).get(row.view().stationId()));
    }

    private FinanceStore.ExpenseRow visible(long id) {
        FinanceStore.ExpenseRow row = store.expense(id).orElseThrow(() -> new NotFoundException("支出记录"));
        access.requireVisible(row.orgPath(), "支出记录");
        return row;
    }

    private Map<Long, String> stationNames(Project p) {
        Map<Long, String> names = new HashMap<>();
        access.stationsOf(p).forEach(s -> names.put(s.id(), s.name()));
        return names;
    }

    /** What an expense would break, without saving it (the form shows it before saving). */
    public List<SpendingRules.Flag> check(Project p, FinanceForms.Expense f) {
        return SpendingRules.check(finance.rules(p.bureauId()), facts(f));
    }

    private static SpendingRules.Facts facts(FinanceForms.Expense f) {
        return new SpendingRules.Facts(
                f.category() == null ? null : f.category().strip(),
                f.amount(),
                f.quantity() == null ? 1 : f.quantity(),
                f.purpose(),
                f.tripDestination(),
                Boolean.TRUE.equals(f.outsideCounty()));
    }

    @Transactional
    public FinanceViews.Expense create(FinanceForms.Expense form) {
        access.requireExpenseWriter();
        if (form == null || form.projectId() == null) {
            throw BusinessException.field("projectId", "项目：请选择项目");
        }
        Project p = access.project(form.projectId());
        OrgUnitView station = access.station(p, form.stationId(), "stationId");
        FinanceStore.ContractRow contract = store.contract(p.id()).orElse(null);
        if (contract != null && contract.status() == ContractStatus.CLOSED) {
            throw new ConflictException("项目已结项（" + contract.closedOn() + "），不能再登记支出");
        }
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = ChinaTime.today();
        if (form.spentOn() == null) {
            problems.add(new FieldProblem("spentOn", "支出日期：请填写支出日期"));
        } else if (form.spentOn().isBefore(p.startDate()) || form.spentOn().isAfter(p.endDate())) {
            problems.add(new FieldProblem("spentOn", "支出日期：须在项目期内（" + p.startDate() + " 至 " + p.endDate() + "）"));
        } else if (form.spentOn().isAfter(today)) {
            problems.add(new FieldProblem("spentOn", "支出日期：不能晚于今天"));
        }
        String category = form.category() == null ? "" : form.category().strip();
        if (category.isEmpty()) {
            problems.add(new FieldProblem("category", "支出类别：请选择支出类别"));
        } else if (store.budgetLines(p.id()).stream()
                .noneMatch(l -> l.stationId() == station.id() && l.category().equals(category))) {
            problems.add(new FieldProblem("category", "支出类别：「" + category + "」不在" + station.name() + "的预算中，请先编制该类别预算"));
        }
        FieldTexts.required("payee", "收款方", form.payee(), 100, problems);
        Money.check("amount", "支出金额", form.amount(), problems);
        int quantity = form.quantity() == null ? 1 : form.quantity();
        if (quantity < 1 || quantity > 100000) {
            problems.add(new FieldProblem("quantity", "数量：请填写1～100000之间的整数"));
        }
        FieldTexts.required("purpose", "用途", form.purpose(), 500, problems);
        FieldTexts.optional("tripDestination", "行程目的地", form.tripDestination(), 100, problems);
        if (Boolean.TRUE.equals(form.outsideCounty()) && FieldTexts.strip(form.tripDestination()) == null) {
            problems.add(new FieldProblem("tripDestination", "行程目的地：目的地在本区县以外时请填写目的地"));
        }
        if (form.recordId() != null) {
            var summary = records.find(List.of(form.recordId())).get(form.recordId());
            if (summary == null || summary.stationId() != station.id() || summary.voided()) {
                problems.add(new FieldProblem("recordId", "关联服务记录：记录不存在、已作废或不属于" + station.name()));
            }
        }
        FieldTexts.throwIfAny(problems);
        List<SpendingRules.Flag> flags = check(p, form);
        BigDecimal amount = Money.normalize(form.amount());
        long id = store.insertExpense(new FinanceStore.NewExpense(
                p.id(),
                station.id(),
                station.path(),
                form.spentOn(),
                category,
                form.payee().strip(),
                amount,
                quantity,
                form.purpose().strip(),
                FieldTexts.strip(form.tripDestination()),
                Boolean.TRUE.equals(form.outsideCounty()),
                form.recordId(),
                null,
                null,
                flags.stream().map(SpendingRules.Flag::text).toList(),
                flags.isEmpty() ? ReviewStatus.NONE : ReviewStatus.PENDING,
                access.me().username(),
                access.me().displayName()));
        events.publishEvent(AuditEvent.success(
                "FINANCE_EXPENSE_ADD",
                "FINANCE_EXPENSE",
                id,
                station.path(),
                category + " " + amount.toPlainString() + " 元 " + form.payee().strip()
                        + (flags.isEmpty()
                                ? ""
                                : "；触发支出规则，待民政局审核："
                                        + String.join(
                                                "；",
                                                flags.stream()
                                                        .map(SpendingRules.Flag::text)
                                                        .toList()))));
        return get(id);
    }

    /** Creates the expense and stores its invoice photo in one transaction: a refused photo saves nothing. */
    @Transactional
    public FinanceViews.Expense createWithPhoto(
            FinanceForms.Expense form, String uploadKey, String originalName, long size, InputStream content) {
        FinanceViews.Expense e = create(form);
        if (content != null) {
            addPhoto(e.id(), uploadKey, originalName, size, content);
        }
        return e;
    }

    @Transactional
    public FinanceViews.Expense reverse(long id, String reason) {
        access.requireExpenseWriter();
        FinanceViews.Expense original = get(id);
        if (original.reversal()) {
            throw new ConflictException("冲正记录不能再冲正；如需更正，请重新登记一笔支出");
        }
        if (original.reversed()) {
            throw new ConflictException("该笔支出已冲正（冲正记录 #" + original.reversedById() + "）");
        }
        if (original.reviewStatus() == ReviewStatus.REFUSED) {
            throw new ConflictException("该笔支出已被民政局驳回，不计入支出，无需冲正");
        }
        FinanceStore.ContractRow contract = store.contract(original.projectId()).orElse(null);
        if (contract != null && contract.status() == ContractStatus.CLOSED) {
            throw new ConflictException("项目已结项，不能再冲正支出");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2 || why.length() > 200) {
            throw BusinessException.field("reason", "冲正原因：请填写冲正原因（2～200个字）");
        }
        String path = visible(id).orgPath();
        long rid;
        try {
            rid = store.insertExpense(new FinanceStore.NewExpense(
                    original.projectId(),
                    original.stationId(),
                    path,
                    ChinaTime.today(),
                    original.category(),
                    original.payee(),
                    original.amount().negate(),
                    original.quantity(),
                    "冲正 #" + id + "：" + original.purpose(),
                    original.tripDestination(),
                    original.outsideCounty(),
                    null,
                    id,
                    why,
                    List.of(),
                    ReviewStatus.NONE,
                    access.me().username(),
                    access.me().displayName()));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("该笔支出已被他人冲正，请刷新查看");
        }
        events.publishEvent(AuditEvent.success(
                "FINANCE_EXPENSE_REVERSE",
                "FINANCE_EXPENSE",
                id,
                path,
                "冲正 " + original.amount().toPlainString() + " 元：" + why));
        return get(rid);
    }

    @Transactional
    public FinanceViews.Expense approve(long id, FinanceForms.Review form) {
        return review(id, ReviewStatus.APPROVED, form);
    }

    @Transactional
    public FinanceViews.Expense refuse(long id, FinanceForms.Review form) {
        return review(id, ReviewStatus.REFUSED, form);
    }

    private FinanceViews.Expense review(long id, ReviewStatus decision, FinanceForms.Review form) {
        FinanceViews.Expense e = get(id);
        Project p = access.project(e.projectId());
        access.requireBureauOf(p, "审核触发支出规则的支出");
        String why = form == null ? null : FieldTexts.strip(form.reason());
        if (decision == ReviewStatus.REFUSED && (why == null || why.length() < 2)) {
            throw BusinessException.field("reason", "驳回原因：请填写驳回原因（2～200个字）");
        }
        if (why != null && why.length() > 200) {
            throw BusinessException.field("reason", "审核意见：不能超过200个字");
        }
        if (e.reviewStatus() != ReviewStatus.PENDING) {
            throw new ConflictException("该笔支出" + (e.flagged() ? "已审核（" + e.reviewLabel() + "）" : "未触发支出规则，无需审核"));
        }
        if (e.reversed()) {
            throw new ConflictException("该笔支出已冲正，无需审核");
        }
        if (form.version() == null) {
            throw BusinessException.field("version", "缺少版本号：请先读取支出，再带着读取到的 version 提交");
        }
        if (!store.review(id, form.version(), decision, why, access.me().displayName())) {
            throw new ConflictException("保存失败：该笔支出在您打开之后已被他人审核或修改，请刷新后查看");
        }
        events.publishEvent(AuditEvent.success(
                decision == ReviewStatus.APPROVED ? "FINANCE_EXPENSE_APPROVE" : "FINANCE_EXPENSE_REFUSE",
                "FINANCE_EXPENSE",
                id,
                visible(id).orgPath(),
                decision.label() + (why == null ? "" : "：" + why)));
        return get(id);
    }

    @Transactional
    public UploadResult addPhoto(long id, String uploadKey, String originalName, long size, InputStream content) {
        access.requireExpenseWriter();
        FinanceViews.Expense e = get(id);
        if (e.reversal()) {
            throw new ConflictException("冲正记录不需要发票照片；请上传到原支出");
        }
        String path = visible(id).orgPath();
        UploadResult r = photos.upload(id, path, e.stationName(), uploadKey, originalName, size, content);
        events.publishEvent(AuditEvent.success(
                "FINANCE_PHOTO_ADD",
                "FINANCE_EXPENSE",
                id,
                path,
                "发票/收据照片 #" + r.photo().id()));
        return r;
    }

    @Transactional(readOnly = true)
    public List<PhotoView> photos(long id) {
        visible(id);
        return photos.of(id);
    }
}
