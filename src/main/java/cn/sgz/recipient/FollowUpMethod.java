package cn.sgz.recipient;

import cn.sgz.shared.vocabulary.Labelled;

/** 回访方式: 上门 or 电话. */
public enum FollowUpMethod implements Labelled {
    VISIT("上门回访"),
    PHONE("电话回访");

    private final String label;

    FollowUpMethod(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
