package cn.sgz.community.internal;

/** Outcome of one sitting of the social-work exam. */
public enum ExamResult {
    PENDING("待出成绩"),
    PASSED("通过"),
    FAILED("未通过"),
    ABSENT("缺考");

    private final String label;

    ExamResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
