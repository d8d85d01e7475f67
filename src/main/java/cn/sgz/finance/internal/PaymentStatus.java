package cn.sgz.finance.internal;

/** An instalment is planned (待支付) until the bureau records it as paid (已支付). */
public enum PaymentStatus {
    PLANNED("待支付"),
    PAID("已支付");

    private final String label;

    PaymentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
