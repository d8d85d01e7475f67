package cn.sgz.catalog;

/** Kinds of service records an indicator counts. The activity/casework/charity modules map their records onto these codes. */
public enum RecordKind implements Labelled {
    HOME_ASSESSMENT("入户需求评估"),
    NEEDS_SURVEY("需求调查"),
    FOLLOW_UP_VISIT("上门回访"),
    FOLLOW_UP_PHONE("电话回访"),
    CASE_SESSION("个案服务"),
    GROUP_SESSION("小组服务"),
    COMMUNITY_SERVICE("社区服务"),
    POLICY_SERVICE("政策宣传与咨询"),
    RESOURCE_LINK("资源链接与转介"),
    MATERIAL_AID("物质帮扶"),
    PSYCHOSOCIAL("心理与情感支持"),
    CARE_SERVICE("照料与康复服务"),
    CONSULTATION_MEETING("议事协商会议"),
    ORG_GUIDANCE("指导社区社会组织"),
    ORG_ACTIVITY("社区社会组织活动"),
    TRAINING("培训"),
    SUPERVISION("督导"),
    VOLUNTEER_ACTIVITY("志愿服务活动"),
    CHARITY_PROMOTION("慈善项目推介"),
    CHARITY_RELIEF("慈善救助"),
    PUBLICITY("宣传展示");

    private final String label;

    RecordKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Accepts the code (any case) or the Chinese label; null when neither matches. */
    public static RecordKind parse(String text) {
        return Labelled.parse(values(), text);
    }
}
