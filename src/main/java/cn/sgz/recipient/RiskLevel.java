package cn.sgz.recipient;

import cn.sgz.shared.vocabulary.Labelled;

/** 风险等级. */
public enum RiskLevel implements Labelled {
    LOW("低"),
    MEDIUM("中"),
    HIGH("高");

    private final String label;

    RiskLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
