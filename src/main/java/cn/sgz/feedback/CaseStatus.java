package cn.sgz.feedback;

/** The handling steps of a case, in order: 已受理 → 办理中 → 已答复 → 已回访 → 已办结. */
public enum CaseStatus {
    RECEIVED("已受理"),
    IN_PROGRESS("办理中"),
    REPLIED("已答复"),
    FOLLOWED_UP("已回访"),
    CLOSED("已办结");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still waiting for the bureau's reply: the reply deadline applies. */
    public boolean awaitingReply() {
        return this == RECEIVED || this == IN_PROGRESS;
    }
}
