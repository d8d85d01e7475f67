package cn.sgz.recipient;

import cn.sgz.shared.vocabulary.Labelled;

/** 残疾人两项补贴 (困难残疾人生活补贴、重度残疾人护理补贴) status. */
public enum SubsidyStatus implements Labelled {
    RECEIVING("已享受"),
    APPLYING("申请中"),
    ELIGIBLE_NOT_RECEIVING("符合条件未享受"),
    NOT_ELIGIBLE("不符合条件");

    private final String label;

    SubsidyStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
