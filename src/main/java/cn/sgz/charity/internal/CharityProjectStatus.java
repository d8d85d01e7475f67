package cn.sgz.charity.internal;

/** Where a charity project stands; a cancelled project no longer counts as a project carried out. */
public enum CharityProjectStatus {
    PLANNED("筹备中"),
    ONGOING("实施中"),
    COMPLETED("已完成"),
    CANCELLED("已终止");

    private final String label;

    CharityProjectStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
