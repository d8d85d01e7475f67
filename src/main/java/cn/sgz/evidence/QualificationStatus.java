package cn.sgz.evidence;

/** Whether a service record counts toward indicators. */
public enum QualificationStatus {
    COUNTS("计入服务次数"),
    EXCLUDED("不计入服务次数");

    private final String label;

    QualificationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
