package cn.sgz.catalog;

import cn.sgz.shared.vocabulary.Labelled;

/** Things ENTITY_COUNT, COVERAGE and AMOUNT indicators count or sum, kept by the recipient, community and charity modules. */
public enum EntityType implements Labelled {
    FOLLOW_UP_ROSTER("跟踪回访人员台账"),
    COMMUNITY_ORG("社区社会组织"),
    BACKBONE_MEMBER("社区社会组织骨干"),
    VOLUNTEER("志愿者"),
    VOLUNTEER_TEAM("志愿服务组织（团队）"),
    CHARITY_FUND("社区慈善救助基金或社区服务专项基金"),
    CO_RAISED_FUND("共募资金"),
    CHARITY_PROJECT("慈善项目"),
    RELIEF_EVENT("慈善救助（每次救助资金）"),
    TRAINED_WORKER("转化的社会工作专业人才"),
    ASSISTED_STATION("协助建设的社工站"),
    SERVICE_BRAND("社工站服务品牌");

    private final String label;

    EntityType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Accepts the code (any case) or the Chinese label; null when neither matches. */
    public static EntityType parse(String text) {
        return Labelled.parse(values(), text);
    }
}
