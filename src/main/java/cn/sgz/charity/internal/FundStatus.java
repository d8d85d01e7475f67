package cn.sgz.charity.internal;

/** A fund is active until it is closed (never deleted: its entries stay on record). */
public enum FundStatus {
    ACTIVE("运行中"),
    CLOSED("已终止");

    private final String label;

    FundStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
