package cn.sgz.casework.internal;

/** Where a group or community service stands: planned, running (has sessions), evaluated. */
public enum GroupStage {
    PLANNED("已制定计划"),
    RUNNING("开展中"),
    EVALUATED("已评估总结");

    private final String label;

    GroupStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
