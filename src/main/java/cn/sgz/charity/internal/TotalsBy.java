package cn.sgz.charity.internal;

/** Whether the totals are cut per station or per fund. */
public enum TotalsBy {
    STATION("按社工站"),
    FUND("按基金");

    private final String label;

    TotalsBy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
