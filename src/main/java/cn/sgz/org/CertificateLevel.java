package cn.sgz.org;

/** 社会工作者职业水平证书 levels; STAFFING indicators count everything but NONE as certified. */
public enum CertificateLevel {
    NONE("未持证"),
    ASSISTANT("助理社会工作师"),
    INTERMEDIATE("社会工作师"),
    SENIOR("高级社会工作师");

    private final String label;

    CertificateLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean certified() {
        return this != NONE;
    }
}
