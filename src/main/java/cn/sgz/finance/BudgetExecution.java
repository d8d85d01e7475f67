package cn.sgz.finance;

import cn.sgz.finance.internal.ExecutionService;
import cn.sgz.finance.internal.FinanceService;
import cn.sgz.finance.internal.FinanceViews;
import cn.sgz.finance.internal.ReviewStatus;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published read API of project money, for modules that report on it (periodic reports, the 财务管理
 * item of an evaluation rubric): a project's contract total, budget, what stands as spent, what awaits the
 * bureau, per station. Scoped like the pages: a project the signed-in user may not read is "not found".
 */
@Service
public class BudgetExecution {

    /** One station's money in the project. {@code percent} is null when the station has no budget. */
    public record StationMoney(
            long stationId,
            String stationName,
            BigDecimal budget,
            BigDecimal spent,
            BigDecimal pending,
            BigDecimal percent,
            boolean overBudget) {}

    /**
     * A project's money: {@code contractTotal} is null until the bureau enters the contract; {@code flaggedAwaiting}
     * counts expenses that broke a spending rule and await the bureau.
     */
    public record ProjectMoney(
            long projectId,
            BigDecimal contractTotal,
            BigDecimal budget,
            BigDecimal spent,
            BigDecimal pending,
            BigDecimal percent,
            long flaggedAwaiting,
            List<StationMoney> stations) {}

    private final ExecutionService execution;
    private final FinanceService finance;
    private final cn.sgz.finance.internal.ExpenseService expenses;

    BudgetExecution(
            ExecutionService execution, FinanceService finance, cn.sgz.finance.internal.ExpenseService expenses) {
        this.execution = execution;
        this.finance = finance;
        this.expenses = expenses;
    }

    @Transactional(readOnly = true)
    public ProjectMoney of(long projectId) {
        FinanceViews.Execution ex = execution.execution(projectId, ExecutionService.By.STATION);
        BigDecimal contract = finance.contract(projectId)
                .map(FinanceViews.Contract::totalAmount)
                .orElse(null);
        long flagged = expenses.list(projectId, null, ReviewStatus.PENDING, null, null).stream()
                .filter(e -> !e.reversed())
                .count();
        List<StationMoney> stations = ex.rows().stream()
                .map(r -> new StationMoney(
                        Long.parseLong(r.key()),
                        r.label(),
                        r.budget(),
                        r.spent(),
                        r.pending(),
                        r.percent(),
                        "over".equals(r.level())))
                .toList();
        return new ProjectMoney(
                projectId, contract, ex.budget(), ex.spent(), ex.pending(), ex.percent(), flagged, stations);
    }
}
