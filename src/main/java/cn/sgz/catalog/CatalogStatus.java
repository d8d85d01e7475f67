package cn.sgz.catalog;

import cn.sgz.shared.vocabulary.Labelled;

/** A catalog version is edited as a draft and used by projects once published. */
public enum CatalogStatus implements Labelled {
    DRAFT("草稿"),
    PUBLISHED("已发布");

    private final String label;

    CatalogStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Accepts the code (any case) or the Chinese label; null when neither matches. */
    public static CatalogStatus parse(String text) {
        return Labelled.parse(values(), text);
    }
}
