package cn.sgz.finance.internal;

/** Whether a project's accounts are open for expenses (执行中) or closed by the bureau (已结项). */
public enum ContractStatus {
    OPEN("执行中"),
    CLOSED("已结项");

    private final String label;

    ContractStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
