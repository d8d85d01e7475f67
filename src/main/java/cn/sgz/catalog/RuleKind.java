package cn.sgz.catalog;

import cn.sgz.shared.vocabulary.Labelled;

/** The ten indicator rule kinds of DESIGN.md, plus CHECKLIST for standards that are a judgement. */
public enum RuleKind implements Labelled {
    ACTIVITY_COUNT("活动次数"),
    PER_RECIPIENT_FREQUENCY("每人服务频次"),
    COVERAGE("覆盖率"),
    CASE_QUOTA("个案数量"),
    GROUP_QUOTA("小组数量"),
    AMOUNT("金额"),
    ENTITY_COUNT("数量"),
    STAFFING("人员配备"),
    DOCUMENT("文书资料"),
    EXEMPLARY("成功案例"),
    CHECKLIST("评判项");

    private final String label;

    RuleKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** CHECKLIST standards are judged by people (evaluators); every other kind is computed from data. */
    public boolean machineEvaluated() {
        return this != CHECKLIST;
    }

    /** Kinds whose targets are numbers that must be given for every tier. */
    public boolean needsTarget() {
        return this != CHECKLIST && this != DOCUMENT;
    }

    /** Accepts the code (any case) or the Chinese label; null when neither matches. */
    public static RuleKind parse(String text) {
        return Labelled.parse(values(), text);
    }
}
