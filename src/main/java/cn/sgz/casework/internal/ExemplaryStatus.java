package cn.sgz.casework.internal;

/** A 成功案例 proposal: waiting for the bureau, confirmed, or declined with a reason. */
public enum ExemplaryStatus {
    PROPOSED("待区民政局确认"),
    CONFIRMED("已确认"),
    DECLINED("未通过");

    private final String label;

    ExemplaryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
