package cn.sgz.catalog;

import cn.sgz.shared.vocabulary.Labelled;

/**
 * What an ENTITY_COUNT counts in each sub-period: entities that exist and were begun or active within it
 * (“建立社区社会组织≥1个”, the default), or only entities begun within it (“每月新增/开展一个慈善项目”).
 */
public enum EntityCountMode implements Labelled {
    ACTIVE("本期存续或活跃"),
    STARTED("本期新建");

    private final String label;

    EntityCountMode(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Accepts the code (any case) or the Chinese label; null when neither matches. */
    public static EntityCountMode parse(String text) {
        return Labelled.parse(values(), text);
    }
}
