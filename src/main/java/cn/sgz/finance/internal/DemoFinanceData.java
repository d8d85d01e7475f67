package cn.sgz.finance.internal;

import cn.sgz.catalog.Project;
import cn.sgz.org.DemoUsers;
import cn.sgz.org.OrgUnitView;
import cn.sgz.shared.demo.DemoRoomPictures;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo project money, written through the services as the demo accounts: the bureau enters the demo
 * project's contract (200,000 yuan from 福彩公益金 and 财政资金, paid 40/30/30 on signing, mid-term and
 * acceptance) and records the first payment, and the budget of the three stations; the agency manager and
 * 沙河's head enter three months of expenses with invoice photos — one corrected by a reversal, 沙河's
 * publicity near its budget (a warning), a 米面油 purchase at 萨如拉 awaiting the bureau, and a fuel bill of
 * a trip outside the county at 赛罕 that the bureau refused. Runs once, on empty finance tables.
 */
@Component
@Order(58)
@ConditionalOnProperty(name = "sgz.demo.enabled", havingValue = "true")
class DemoFinanceData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFinanceData.class);

    /** Per station, in the order of the categories' defaults: 人员经费 … 管理费. */
    private static final Map<String, long[]> BUDGETS = Map.of(
            "沙河街道社工站", new long[] {36000, 12000, 5000, 3000, 2000, 4000, 4000},
            "萨如拉街道社工站", new long[] {36000, 11000, 5000, 3000, 2000, 4000, 4000},
            "赛罕街道社工站", new long[] {36000, 11000, 5000, 3000, 3000, 4000, 4000});

    private final JdbcClient jdbc;
    private final DemoUsers demoUsers;
    private final FinanceAccess access;
    private final FinanceService finance;
    private final ExpenseService expenses;

    DemoFinanceData(
            JdbcClient jdbc,
            DemoUsers demoUsers,
            FinanceAccess access,
            FinanceService finance,
            ExpenseService expenses) {
        this.jdbc = jdbc;
        this.demoUsers = demoUsers;
        this.access = access;
        this.finance = finance;
        this.expenses = expenses;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM finance_contract").query(Long.class).single() > 0) {
            return;
        }
        Long projectId = demoUsers.callAs("demo_bureau", this::bureauPart);
        if (projectId == null) {
            log.info("未找到演示项目，跳过项目经费演示数据");
            return;
        }
        List<Long> expenseIds = new ArrayList<>();
        demoUsers.runAs("demo_agency", () -> agencyPart(projectId, expenseIds));
        demoUsers.runAs("demo_head", () -> headPart(projectId));
        demoUsers.runAs("demo_bureau", () -> review(expenseIds));
        log.info("已载入项目经费演示数据");
    }

    private Long bureauPart() {
        // the demo contract (九原区民政领域…), not the overlapping special project that starts a month later: its
        // months would put the demo's expenses after today
        Project p = access.projects().stream()
                .filter(x -> x.name().startsWith("九原区民政领域社会工作服务项目"))
                .findFirst()
                .or(() -> access.projects().stream().min(java.util.Comparator.comparing(Project::startDate)))
                .orElse(null);
        if (p == null) {
            return null;
        }
        FinanceViews.Contract c = finance.saveContract(
                p.id(),
                new FinanceForms.Contract(
                        new BigDecimal("200000"),
                        List.of("福彩公益金", "财政资金"),
                        List.of(
                                new FinanceForms.PaymentLine(
                                        "预付款（40%）",
                                        new BigDecimal("80000"),
                                        PaymentCondition.CONTRACT_SIGNED,
                                        "合同签订后15个工作日内拨付",
                                        p.startDate().plusDays(14)),
                                new FinanceForms.PaymentLine(
                                        "中期款（30%）",
                                        new BigDecimal("60000"),
                                        PaymentCondition.MIDTERM_PASSED,
                                        "中期评估合格后拨付",
                                        p.startDate().plusMonths(6)),
                                new FinanceForms.PaymentLine(
                                        "尾款（30%）",
                                        new BigDecimal("60000"),
                                        PaymentCondition.ACCEPTANCE_PASSED,
                                        "项目验收通过后拨付",
                                        p.endDate().plusMonths(1))),
                        null));
        FinanceViews.Payment first = c.payments().get(0);
        finance.recordPayment(
                first.id(), new FinanceForms.Pay(p.startDate().plusDays(10), "合同已签订，预付款已拨付", first.version()));
        List<String> categories = SpendingRules.DEFAULT_CATEGORIES;
        for (OrgUnitView s : access.stationsOf(p)) {
            long[] amounts = BUDGETS.get(s.name());
            if (amounts == null) {
                continue;
            }
            List<FinanceForms.BudgetLine> lines = new ArrayList<>();
            for (int i = 0; i < categories.size(); i++) {
                lines.add(new FinanceForms.BudgetLine(categories.get(i), BigDecimal.valueOf(amounts[i]), null));
            }
            finance.setStationBudget(p.id(), s.id(), new FinanceForms.StationBudget(lines));
        }
        return p.id();
    }

    private void agencyPart(long projectId, List<Long> flagged) {
        Project p = access.project(projectId);
        LocalDate m1 = p.startDate();
        LocalDate m2 = m1.plusMonths(1);
        LocalDate m3 = m1.plusMonths(2);
        long seed = 58_000;
        for (OrgUnitView s : access.stationsOf(p)) {
            add(p, s, m1.plusDays(24), "人员经费", "驻站社工（2人）", "3000", 1, s.name() + "驻站社工10月岗位补贴", seed++);
            add(p, s, m2.plusDays(24), "人员经费", "驻站社工（2人）", "3000", 1, s.name() + "驻站社工11月岗位补贴", seed++);
        }
        OrgUnitView shahe = station(p, "沙河街道社工站");
        OrgUnitView saerla = station(p, "萨如拉街道社工站");
        OrgUnitView saihan = station(p, "赛罕街道社工站");
        if (shahe != null) {
            add(p, shahe, m1.plusDays(8), "活动经费", "九原区惠民超市", "860", 40, "重阳节敬老活动购买水果、坐垫等活动物资", seed++);
            long wrong = add(p, shahe, m1.plusDays(12), "办公", "九原区文印店", "4205", 1, "打印纸、墨盒（金额录入错误）", seed++);
            expenses.reverse(wrong, "金额多录一位，应为 420.50 元");
            add(p, shahe, m1.plusDays(12), "办公", "九原区文印店", "420.50", 1, "打印纸、墨盒", seed++);
            add(p, shahe, m2.plusDays(5), "宣传", "包头市彩虹广告制作部", "2600", 4, "社工站服务展板与宣传折页制作", seed++);
            add(p, shahe, m3, "交通", "中国石化九原加油站", "200", 1, "入户走访车辆加油（沙河街道辖区内）", seed++);
        }
        if (saerla != null) {
            add(p, saerla, m2.plusDays(18), "督导培训", "包头市社会工作协会", "1500", 1, "11月专业督导费", seed++);
            flagged.add(add(p, saerla, m3, "活动经费", "萨如拉便民超市", "1280", 20, "走访慰问困难老人购买大米、食用油", seed++));
        }
        if (saihan != null) {
            add(p, saihan, m2.plusDays(3), "活动经费", "九原区图书批发部", "650", 50, "儿童四点半课堂绘本", seed++);
            FinanceViews.Expense trip = expenses.create(new FinanceForms.Expense(
                    p.id(),
                    saihan.id(),
                    m2.plusDays(20),
                    "交通",
                    "中国石油呼和浩特服务区加油站",
                    new BigDecimal("680"),
                    1,
                    "赴呼和浩特市参加社工站交流学习，自驾往返加油费",
                    "呼和浩特市",
                    true,
                    null));
            photo(trip.id(), seed++);
            flagged.add(-trip.id()); // negative: refused by the bureau
        }
    }

    private void headPart(long projectId) {
        Project p = access.project(projectId);
        OrgUnitView shahe = station(p, "沙河街道社工站");
        if (shahe != null) {
            add(p, shahe, p.startDate().plusMonths(2), "督导培训", "包头市社会工作协会", "800", 1, "驻站社工参加个案管理培训", 58_500);
        }
    }

    private void review(List<Long> ids) {
        for (long id : ids) {
            if (id < 0) {
                FinanceViews.Expense e = expenses.get(-id);
                expenses.refuse(-id, new FinanceForms.Review("燃油费只能用于本地开展实际工作，异地往返交通费不得从项目经费列支", e.version()));
            }
            // positive ids (the 米面油 purchase) stay awaiting the bureau on purpose
        }
    }

    private OrgUnitView station(Project p, String name) {
        return access.stationsOf(p).stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private long add(
            Project p,
            OrgUnitView s,
            LocalDate on,
            String category,
            String payee,
            String amount,
            int quantity,
            String purpose,
            long seed) {
        FinanceViews.Expense e = expenses.create(new FinanceForms.Expense(
                p.id(), s.id(), on, category, payee, new BigDecimal(amount), quantity, purpose, null, false, null));
        photo(e.id(), seed);
        return e.id();
    }

    private void photo(long expenseId, long seed) {
        byte[] jpeg = DemoRoomPictures.jpeg(seed);
        expenses.addPhoto(
                expenseId, "demo-finance-" + seed, "发票" + seed + ".jpg", jpeg.length, new ByteArrayInputStream(jpeg));
    }
}
