package cn.sgz.catalog;

import cn.sgz.shared.vocabulary.Labelled;

/**
 * 必选任务, 自选任务, or a conditional one (“有条件的社工站可…”): evaluated at every station like a mandatory
 * task, but never held against it — met is shown as met (加分), anything else as 加分项 (never 未达标 or 有风险).
 */
public enum ItemCategory implements Labelled {
    MANDATORY("必选"),
    OPTIONAL("自选"),
    CONDITIONAL("有条件可选（加分项）");

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
