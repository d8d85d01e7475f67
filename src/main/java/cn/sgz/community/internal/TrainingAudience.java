package cn.sgz.community.internal;

/** Who a training is for: an organisation's backbone members, or community workers and station staff. */
public enum TrainingAudience {
    BACKBONE("社区社会组织骨干培训"),
    WORKER("社区工作者专业培训");

    private final String label;

    TrainingAudience(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Whom the training record was for, as an ACTIVITY_COUNT {@code subtype} names it (社区社会组织骨干/人员,
     * 社区工作者): a backbone training indicator does not count worker trainings (V75 backfills the same words).
     */
    public String recordAudience() {
        return this == BACKBONE ? "社区社会组织骨干" : "社区工作者";
    }
}
