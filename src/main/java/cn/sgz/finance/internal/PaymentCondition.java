package cn.sgz.finance.internal;

/** What must have happened before an instalment of the contract is paid. */
public enum PaymentCondition {
    CONTRACT_SIGNED("合同签订后"),
    MIDTERM_PASSED("中期评估通过后"),
    ACCEPTANCE_PASSED("项目验收通过后"),
    OTHER("其他条件");

    private final String label;

    PaymentCondition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
