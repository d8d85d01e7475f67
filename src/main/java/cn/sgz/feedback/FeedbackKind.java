package cn.sgz.feedback;

/** What a resident sends: 投诉 needs a phone number, the others may be anonymous. */
public enum FeedbackKind {
    COMPLAINT("投诉"),
    SUGGESTION("建议"),
    PRAISE("表扬"),
    INQUIRY("咨询");

    private final String label;

    FeedbackKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean phoneRequired() {
        return this == COMPLAINT;
    }
}
