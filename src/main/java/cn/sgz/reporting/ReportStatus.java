package cn.sgz.reporting;

/** Where a station's report stands in the chain station head → agency manager → bureau. */
public enum ReportStatus {
    NOT_STARTED("未开始", ""),
    DRAFT("草稿", "warn"),
    SUBMITTED("已提交", ""),
    REVIEWED("已审核", "ok"),
    RETURNED("已退回", "bad"),
    RECEIVED("已接收", "ok");

    private final String label;
    private final String css;

    ReportStatus(String label, String css) {
        this.label = label;
        this.css = css;
    }

    public String label() {
        return label;
    }

    public String css() {
        return css;
    }

    /** The station may still write: not yet submitted, or returned by the bureau. */
    public boolean editable() {
        return this == NOT_STARTED || this == DRAFT || this == RETURNED;
    }

    /** Submitted at least once and not sent back: its figures are the snapshot. */
    public boolean frozen() {
        return this == SUBMITTED || this == REVIEWED || this == RECEIVED;
    }
}
