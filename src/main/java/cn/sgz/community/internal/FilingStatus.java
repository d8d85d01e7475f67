package cn.sgz.community.internal;

/** Whether a community organisation is filed with the street office (备案) or registered with civil affairs (登记). */
public enum FilingStatus {
    UNFILED("未备案"),
    FILED("已备案"),
    REGISTERED("已登记");

    private final String label;

    FilingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
