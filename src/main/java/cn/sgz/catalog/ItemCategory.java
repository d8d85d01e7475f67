package cn.sgz.catalog;

import cn.sgz.shared.vocabulary.Labelled;

/** 必选任务 or 自选任务. */
public enum ItemCategory implements Labelled {
    MANDATORY("必选"),
    OPTIONAL("自选");

    private final String label;

    ItemCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Accepts the code (any case) or the Chinese label; null when neither matches. */
    public static ItemCategory parse(String text) {
        return Labelled.parse(values(), text);
    }
}
