package cn.sgz.finance.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the finance API accepts (the pages build the same forms from their fields). */
public final class FinanceForms {

    private FinanceForms() {}

    @Schema(name = "FinanceContractForm", description = "合同总额、资金来源、付款计划（各期金额合计须等于合同总额）；修改时带 version")
    public record Contract(
            BigDecimal totalAmount, List<String> fundingSources, List<PaymentLine> payments, Long version) {}

    @Schema(name = "FinancePaymentLine")
    public record PaymentLine(
            String label, BigDecimal amount, PaymentCondition condition, String conditionNote, LocalDate dueOn) {}

    @Schema(name = "FinancePayForm", description = "登记付款：付款日期、备注、读取时的 version")
    public record Pay(LocalDate paidOn, String note, Long version) {}

    @Schema(name = "FinanceCloseForm", description = "项目结项：原因与合同的 version")
    public record Close(String reason, Long version) {}

    @Schema(name = "FinanceStationBudgetForm", description = "一个社工站各类别的预算；金额留空表示删除该类别；已有行须带 version")
    public record StationBudget(List<BudgetLine> lines) {}

    @Schema(name = "FinanceBudgetLineForm")
    public record BudgetLine(String category, BigDecimal amount, Long version) {}

    @Schema(name = "FinanceExpenseForm", description = "登记支出：金额大于0且最多两位小数，日期在项目期内，类别须在该站预算中")
    public record Expense(
            Long projectId,
            Long stationId,
            LocalDate spentOn,
            String category,
            String payee,
            BigDecimal amount,
            Integer quantity,
            String purpose,
            String tripDestination,
            Boolean outsideCounty,
            Long recordId) {}

    @Schema(name = "FinanceReviewForm", description = "民政局审核：原因（驳回必填）与读取时的 version")
    public record Review(String reason, Long version) {}

    @Schema(name = "FinanceReverseForm")
    public record Reverse(String reason) {}

    @Schema(name = "FinanceSettingsForm", description = "支出类别与支出规则（类别为空表示适用所有类别）；修改时带 version")
    public record Settings(
            List<String> categories,
            Boolean fixedAssetEnabled,
            List<String> fixedAssetCategories,
            BigDecimal fixedAssetThreshold,
            Boolean grainOilEnabled,
            List<String> grainOilCategories,
            List<String> grainOilWords,
            Boolean fuelEnabled,
            List<String> fuelCategories,
            List<String> fuelWords,
            Integer warnPercent,
            Long version) {}
}
