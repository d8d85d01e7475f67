package cn.sgz.recipient;

import cn.sgz.shared.vocabulary.Labelled;

/** 残疾等级: 一级 is the most severe. */
public enum DisabilityGrade implements Labelled {
    GRADE_1("一级"),
    GRADE_2("二级"),
    GRADE_3("三级"),
    GRADE_4("四级");

    private final String label;

    DisabilityGrade(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
