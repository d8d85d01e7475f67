package cn.sgz.finance;

import cn.sgz.catalog.Project;
import cn.sgz.finance.internal.ExecutionService;
import cn.sgz.finance.internal.FinanceAccess;
import cn.sgz.finance.internal.FinanceService;
import cn.sgz.finance.internal.FinanceStore;
import cn.sgz.finance.internal.FinanceViews;
import cn.sgz.finance.internal.PaymentStatus;
import cn.sgz.finance.internal.ReviewStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
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

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

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

    /**
     * One station's money in a project for a period [from, to], for periodic reports: the station's budget
     * (for the whole project), what stands as spent in the period and up to its end, what awaits the bureau,
     * the expenses that broke a spending rule (any status) and the amount the bureau refused, all from
     * expenses dated in the period (reversed expenses and reversals left out); and the project's payments
     * received (marked paid) in the period — payments go to the agency for the whole project, not per station.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "StationMoneyFigures")
    public record StationFigures(
            BigDecimal budget,
            BigDecimal spent,
            BigDecimal spentToDate,
            BigDecimal pending,
            long flagged,
            BigDecimal refused,
            BigDecimal paymentsReceived) {

        /** Share of the budget spent up to the period's end in per cent (one decimal), null without a budget. */
        public BigDecimal percent() {
            return ExecutionService.percent(spentToDate, budget);
        }
    }

    private final ExecutionService execution;
    private final FinanceService finance;
    private final cn.sgz.finance.internal.ExpenseService expenses;

    private final FinanceStore store;
    private final FinanceAccess access;

    BudgetExecution(
            ExecutionService execution,
            FinanceService finance,
            cn.sgz.finance.internal.ExpenseService expenses,
            FinanceStore store,
            FinanceAccess access) {
        this.execution = execution;
        this.finance = finance;
        this.expenses = expenses;
        this.store = store;
        this.access = access;
    }

    /**
     * The station's money in the project for [from, to] (see {@link StationFigures}); the same expenses as the
     * execution page (by station) counts, restricted to the period. Scoped by the caller's org scope (the
     * project "not found" outside it; expenses of stations outside it left out), whatever the role, as the
     * report that shows these figures.
     */
    @Transactional(readOnly = true)
    public StationFigures station(long projectId, long stationId, LocalDate from, LocalDate to) {
        Project p = access.projectInScope(projectId);
        BigDecimal budget = ZERO;
        for (FinanceStore.LineRow l : store.budgetLines(p.id())) {
            if (l.stationId() == stationId) {
                budget = budget.add(l.amount());
            }
        }
        BigDecimal spent = ZERO;
        BigDecimal spentToDate = ZERO;
        BigDecimal pending = ZERO;
        BigDecimal refused = ZERO;
        long flagged = 0;
        for (FinanceViews.Expense e :
                store.expenses(access.scope(), p.id(), stationId, null, null, to, Integer.MAX_VALUE)) {
            if (e.reversal() || e.reversed()) {
                continue;
            }
            boolean inPeriod = !e.spentOn().isBefore(from);
            if (e.stands()) {
                spentToDate = spentToDate.add(e.amount());
                if (inPeriod) {
                    spent = spent.add(e.amount());
                }
            }
            if (!inPeriod) {
                continue;
            }
            if (e.flagged()) {
                flagged++;
            }
            if (e.reviewStatus() == ReviewStatus.PENDING) {
                pending = pending.add(e.amount());
            } else if (e.reviewStatus() == ReviewStatus.REFUSED) {
                refused = refused.add(e.amount());
            }
        }
        BigDecimal paid = ZERO;
        for (FinanceViews.Payment pay : store.payments(p.id())) {
            if (pay.status() == PaymentStatus.PAID
                    && pay.paidOn() != null
                    && !pay.paidOn().isBefore(from)
                    && !pay.paidOn().isAfter(to)) {
                paid = paid.add(pay.amount());
            }
        }
        return new StationFigures(budget, spent, spentToDate, pending, flagged, refused, paid);
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
