package cn.sgz.recipient;

import cn.sgz.shared.vocabulary.Labelled;

/** The eight classes of 困难老人 (留守/高龄/空巢/特困/独居/失能/重残/计划生育特殊家庭). */
public enum ElderlyFlag implements Labelled {
    LEFT_BEHIND("留守"),
    ADVANCED_AGE("高龄"),
    EMPTY_NEST("空巢"),
    TEKUN("特困"),
    LIVING_ALONE("独居"),
    DISABLED_CARE("失能"),
    SEVERE_DISABILITY("重残"),
    FAMILY_PLANNING_SPECIAL("计划生育特殊家庭");

    private final String label;

    ElderlyFlag(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
