/**
 * 项目经费: the money of a purchase-of-service project — the contract amount with its funding sources and
 * payment schedule (the bureau records payments), the budget per station and category, the expenses the
 * agency enters (corrected only by reversing entries, with invoice photos through the evidence module's
 * checks), the spending rules of the bureau (固定资产, 米面油, 异地燃油费; an expense that breaks one is
 * flagged and stands only once the bureau approves it) and budget execution per category, station and
 * month. {@link cn.sgz.finance.BudgetExecution} is the published read API for other modules.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"activity", "catalog", "evidence", "org", "shared"},
        displayName = "项目经费")
package cn.sgz.finance;
