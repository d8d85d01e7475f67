package cn.sgz.finance.internal;

/**
 * The bureau's review of an expense. An expense that breaks no rule needs none; a flagged one awaits the
 * bureau and stands (counts as spent) only once approved; a refused one never counts.
 */
public enum ReviewStatus {
    NONE("无需审核"),
    PENDING("待民政局审核"),
    APPROVED("民政局已批准"),
    REFUSED("民政局已驳回");

    private final String label;

    ReviewStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
