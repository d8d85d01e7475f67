package cn.sgz.finance.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the finance pages and the API show. */
public final class FinanceViews {

    private FinanceViews() {}

    @Schema(name = "FinanceContract", description = "项目合同金额、资金来源与付款计划")
    public record Contract(
            long projectId,
            String projectName,
            BigDecimal totalAmount,
            List<String> fundingSources,
            ContractStatus status,
            String statusLabel,
            LocalDate closedOn,
            String closeReason,
            List<Payment> payments,
            BigDecimal paidTotal,
            long version) {}

    @Schema(name = "FinancePayment", description = "付款计划中的一期：条件与状态")
    public record Payment(
            long id,
            long projectId,
            int seq,
            String label,
            BigDecimal amount,
            PaymentCondition condition,
            String conditionLabel,
            String conditionNote,
            LocalDate dueOn,
            PaymentStatus status,
            String statusLabel,
            LocalDate paidOn,
            String paidNote,
            String paidBy,
            long version) {}

    @Schema(name = "FinanceBudget", description = "项目预算：按社工站、按类别")
    public record Budget(
            long projectId,
            String projectName,
            BigDecimal contractTotal,
            List<String> categories,
            List<StationBudget> stations,
            BigDecimal total) {}

    @Schema(name = "FinanceStationBudget")
    public record StationBudget(long stationId, String stationName, List<BudgetLine> lines, BigDecimal total) {

        public BudgetLine line(String category) {
            return lines.stream()
                    .filter(l -> l.category().equals(category))
                    .findFirst()
                    .orElse(null);
        }
    }

    @Schema(name = "FinanceBudgetLine")
    public record BudgetLine(Long id, String category, BigDecimal amount, Long version) {}

    @Schema(name = "FinanceExpense", description = "一笔支出（冲正记录为负数并指向原支出）")
    public record Expense(
            long id,
            long projectId,
            long stationId,
            String stationName,
            LocalDate spentOn,
            String category,
            String payee,
            BigDecimal amount,
            int quantity,
            BigDecimal unitPrice,
            String purpose,
            String tripDestination,
            boolean outsideCounty,
            Long recordId,
            Long reversesId,
            String reversalReason,
            Long reversedById,
            List<String> flags,
            ReviewStatus reviewStatus,
            String reviewLabel,
            String reviewReason,
            String reviewedBy,
            OffsetDateTime reviewedAt,
            String createdByName,
            OffsetDateTime createdAt,
            long version) {

        public Expense withStationName(String name) {
            return new Expense(
                    id,
                    projectId,
                    stationId,
                    name,
                    spentOn,
                    category,
                    payee,
                    amount,
                    quantity,
                    unitPrice,
                    purpose,
                    tripDestination,
                    outsideCounty,
                    recordId,
                    reversesId,
                    reversalReason,
                    reversedById,
                    flags,
                    reviewStatus,
                    reviewLabel,
                    reviewReason,
                    reviewedBy,
                    reviewedAt,
                    createdByName,
                    createdAt,
                    version);
        }

        public boolean reversal() {
            return reversesId != null;
        }

        public boolean reversed() {
            return reversedById != null;
        }

        public boolean flagged() {
            return !flags.isEmpty();
        }

        /** Counts as spent: an expense (not a reversal), not reversed, and not awaiting or refused by the bureau. */
        public boolean stands() {
            return !reversal()
                    && !reversed()
                    && (reviewStatus == ReviewStatus.NONE || reviewStatus == ReviewStatus.APPROVED);
        }
    }

    @Schema(name = "FinanceExecution", description = "预算执行：按类别、社工站或月份的预算、已支出、待审核与执行率")
    public record Execution(
            long projectId,
            String projectName,
            String by,
            String byLabel,
            int warnPercent,
            BigDecimal budget,
            BigDecimal spent,
            BigDecimal pending,
            BigDecimal percent,
            String level,
            List<ExecutionRow> rows,
            List<ExecutionRow> details,
            List<String> warnings,
            BigDecimal max) {}

    /**
     * One row: for a category, a station or a month (a month has no budget of its own: {@code budget} is null
     * and {@code percent} is the cumulative share of the whole budget). {@code level}: ok, warn (at or above the
     * warning threshold) or over (above the budget).
     */
    @Schema(name = "FinanceExecutionRow")
    public record ExecutionRow(
            String key,
            String label,
            String stationName,
            String category,
            BigDecimal budget,
            BigDecimal spent,
            BigDecimal pending,
            BigDecimal percent,
            String level) {}

    @Schema(name = "FinanceSettings", description = "区/县民政局的支出类别与支出规则")
    public record Settings(
            long bureauId,
            String bureauName,
            List<String> categories,
            boolean fixedAssetEnabled,
            List<String> fixedAssetCategories,
            BigDecimal fixedAssetThreshold,
            boolean grainOilEnabled,
            List<String> grainOilCategories,
            List<String> grainOilWords,
            boolean fuelEnabled,
            List<String> fuelCategories,
            List<String> fuelWords,
            int warnPercent,
            List<String> ruleTexts,
            boolean stored,
            long version) {}
}
