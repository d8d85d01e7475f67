package cn.sgz.recipient;

import cn.sgz.shared.vocabulary.Labelled;

/** Where a person stands on the ledger; every change is kept in the status history. */
public enum RecipientStatus implements Labelled {
    ACTIVE("在册"),
    MOVED_AWAY("已迁出"),
    DECEASED("已故"),
    EXITED("已退出"),
    MERGED("已合并");

    private final String label;

    RecipientStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
