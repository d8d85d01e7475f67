package cn.sgz.activity;

/**
 * The kinds of service the seed catalogs name. {@code gathering} marks activities organised for a
 * group of people: held indoors, they need a sign-in sheet with phone numbers.
 */
public enum ServiceKind {
    RESOURCE_LINKING("资源链接", ServiceDomain.SOCIAL_ASSISTANCE, false),
    CARE_SUPPORT("关爱帮扶", ServiceDomain.SOCIAL_ASSISTANCE, false),
    FOLLOW_UP_VISIT("回访（上门）", ServiceDomain.SOCIAL_ASSISTANCE, false),
    FOLLOW_UP_PHONE("回访（电话）", ServiceDomain.SOCIAL_ASSISTANCE, false),
    HOME_ASSESSMENT("入户需求评估", ServiceDomain.SOCIAL_ASSISTANCE, false),
    POLICY_PUBLICITY("政策宣传", ServiceDomain.SOCIAL_ASSISTANCE, true),
    COMMUNITY_ACTIVITY("社区活动", ServiceDomain.COMMUNITY_GOVERNANCE, true),
    TRAINING("培训", ServiceDomain.COMMUNITY_GOVERNANCE, true),
    SUPERVISION("督导", ServiceDomain.OTHER, true),
    CONSULTATION("议事协商", ServiceDomain.COMMUNITY_GOVERNANCE, true),
    NEEDS_SURVEY("需求调查", ServiceDomain.SOCIAL_ASSISTANCE, false),
    CHARITY_PROMOTION("慈善推介", ServiceDomain.CHARITY, true),
    CHARITY_RELIEF("慈善救助", ServiceDomain.CHARITY, false),
    VOLUNTEER_ACTIVITY("志愿服务活动", ServiceDomain.VOLUNTEER, true),
    PSYCHOSOCIAL_SUPPORT("心理疏导与情感支持", ServiceDomain.SOCIAL_ASSISTANCE, false),
    MATERIAL_AID("物资帮扶", ServiceDomain.SOCIAL_ASSISTANCE, false),
    ORG_GUIDANCE("社区社会组织培育指导", ServiceDomain.COMMUNITY_GOVERNANCE, false),
    ORG_ACTIVITY("社区社会组织活动", ServiceDomain.COMMUNITY_GOVERNANCE, true),
    CASE_SESSION("个案服务", ServiceDomain.SOCIAL_ASSISTANCE, false),
    GROUP_SESSION("小组活动", ServiceDomain.SOCIAL_ASSISTANCE, true),
    OTHER("其他服务", ServiceDomain.OTHER, false);

    private final String label;
    private final ServiceDomain defaultDomain;
    private final boolean gathering;

    ServiceKind(String label, ServiceDomain defaultDomain, boolean gathering) {
        this.label = label;
        this.defaultDomain = defaultDomain;
        this.gathering = gathering;
    }

    public String label() {
        return label;
    }

    public ServiceDomain defaultDomain() {
        return defaultDomain;
    }

    public boolean gathering() {
        return gathering;
    }

    /**
     * Case and group sessions are recorded from their case or group (第N节 of a file); the plain record
     * form does not offer them, so a session cannot be written where no case file would hold it.
     */
    public boolean recordedOnItsOwn() {
        return this != CASE_SESSION && this != GROUP_SESSION;
    }
}
