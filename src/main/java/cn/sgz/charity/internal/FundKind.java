package cn.sgz.charity.internal;

/** The two kinds of community fund the catalogs name. */
public enum FundKind {
    RELIEF_FUND("社区慈善救助基金"),
    SERVICE_FUND("社区服务专项基金");

    private final String label;

    FundKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
