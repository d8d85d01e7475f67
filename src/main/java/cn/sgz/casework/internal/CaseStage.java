package cn.sgz.casework.internal;

/**
 * Where a case stands in the service flow 接案、预估、计划、介入、评估、结案. The order matters: each step
 * needs the one before it, and a stage only moves forward until the case is reopened.
 */
public enum CaseStage {
    INTAKE("已接案"),
    ASSESSED("已预估"),
    AGREED("已签协议"),
    PLANNED("已制定计划"),
    INTERVENING("介入服务中"),
    EVALUATED("已评估"),
    CLOSING("结案待审批"),
    CLOSED("已结案");

    private final String label;

    CaseStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean atLeast(CaseStage other) {
        return ordinal() >= other.ordinal();
    }

    /** Closing or closed: the file is frozen until the head returns it or someone reopens it. */
    public boolean frozen() {
        return this == CLOSING || this == CLOSED;
    }

    public boolean open() {
        return this != CLOSED;
    }
}
