package cn.sgz.activity;

/** A record is never deleted: it is voided with a reason and stays readable. */
public enum RecordStatus {
    ACTIVE("有效"),
    VOIDED("已作废");

    private final String label;

    RecordStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
