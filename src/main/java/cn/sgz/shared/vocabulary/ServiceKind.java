package cn.sgz.shared.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * 服务类型: the one list of kinds of service. A worker records a service of a kind; a catalog indicator counts
 * records of kinds. The kind decides which evidence a record needs (DESIGN "What makes a service count"; seeds
 * 工作要求):
 *
 * <ul>
 *   <li>{@link #gathering()}: organised for a group of people — held indoors, a sign-in sheet with phone numbers
 *       (室内组织的活动需提供人员签到表及电话);
 *   <li>{@link #handsOutGoods()}: goods are handed out — a receipt per person served (所有活动发放物品，需提供领取单据);
 *   <li>{@link #proof()}: what shows the service happened — a watermarked scene photo with time AND place, nothing
 *       (a phone call), or a screenshot of the publication (宣传展示).
 * </ul>
 *
 * <p>Earlier codes and labels (the activity module's and the catalog's before they were one list) are accepted as
 * {@link #synonyms()} in catalog files, imports and API requests.
 */
public enum ServiceKind implements Labelled {
    RESOURCE_LINK("资源链接与转介", ServiceField.SOCIAL_ASSISTANCE, false, false, "RESOURCE_LINKING", "资源链接"),
    CARE_SERVICE("照料与关爱帮扶", ServiceField.SOCIAL_ASSISTANCE, false, false, "CARE_SUPPORT", "关爱帮扶", "照料与康复服务"),
    FOLLOW_UP_VISIT("上门回访", ServiceField.SOCIAL_ASSISTANCE, false, false, "回访（上门）"),
    FOLLOW_UP_PHONE("电话回访", ServiceField.SOCIAL_ASSISTANCE, false, false, "回访（电话）"),
    HOME_ASSESSMENT("入户需求评估", ServiceField.SOCIAL_ASSISTANCE, false, false),
    POLICY_SERVICE("政策宣传与咨询", ServiceField.SOCIAL_ASSISTANCE, true, false, "POLICY_PUBLICITY", "政策宣传"),
    COMMUNITY_SERVICE("社区服务", ServiceField.COMMUNITY_GOVERNANCE, true, false, "COMMUNITY_ACTIVITY", "社区活动"),
    TRAINING("培训", ServiceField.COMMUNITY_GOVERNANCE, true, false),
    SUPERVISION("督导", ServiceField.OTHER, true, false),
    CONSULTATION_MEETING("议事协商会议", ServiceField.COMMUNITY_GOVERNANCE, true, false, "CONSULTATION", "议事协商"),
    NEEDS_SURVEY("需求调查", ServiceField.SOCIAL_ASSISTANCE, false, false),
    CHARITY_PROMOTION("慈善项目推介", ServiceField.CHARITY, true, false, "慈善推介"),
    CHARITY_RELIEF("慈善救助", ServiceField.CHARITY, false, false),
    VOLUNTEER_ACTIVITY("志愿服务活动", ServiceField.VOLUNTEER, true, false),
    PSYCHOSOCIAL("心理疏导与情感支持", ServiceField.SOCIAL_ASSISTANCE, false, false, "PSYCHOSOCIAL_SUPPORT", "心理与情感支持"),
    MATERIAL_AID("物质帮扶", ServiceField.SOCIAL_ASSISTANCE, false, true, "物资帮扶"),
    ORG_GUIDANCE("社区社会组织培育指导", ServiceField.COMMUNITY_GOVERNANCE, false, false, "指导社区社会组织"),
    ORG_ACTIVITY("社区社会组织活动", ServiceField.COMMUNITY_GOVERNANCE, true, false),
    PUBLICITY("宣传展示", ServiceField.OTHER, false, false, "宣传"),
    CASE_SESSION("个案服务", ServiceField.SOCIAL_ASSISTANCE, false, false),
    GROUP_SESSION("小组服务", ServiceField.SOCIAL_ASSISTANCE, true, false, "小组活动"),
    OTHER("其他服务", ServiceField.OTHER, false, false);

    /** What shows that a service of a kind happened. */
    public enum Proof {
        /** 水印照片（带时间、地点）. */
        SCENE_PHOTO,
        /** A phone call leaves no photo; the call itself is the record. */
        NONE,
        /** 宣传展示: a screenshot of the publication (公众号推文、新闻、宣传稿件) with its link. */
        SCREENSHOT
    }

    private final String label;
    private final ServiceField defaultField;
    private final boolean gathering;
    private final boolean handsOutGoods;
    private final List<String> synonyms;

    ServiceKind(String label, ServiceField defaultField, boolean gathering, boolean handsOutGoods, String... synonyms) {
        this.label = label;
        this.defaultField = defaultField;
        this.gathering = gathering;
        this.handsOutGoods = handsOutGoods;
        this.synonyms = List.of(synonyms);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<String> synonyms() {
        return synonyms;
    }

    /** The 服务领域 a record of this kind gets unless the worker chooses another. */
    public ServiceField defaultField() {
        return defaultField;
    }

    /** Organised for a group of people: indoors it needs a sign-in sheet with phone numbers. */
    public boolean gathering() {
        return gathering;
    }

    /** Goods are handed out by the nature of the service: every person served signs a receipt. */
    public boolean handsOutGoods() {
        return handsOutGoods;
    }

    public Proof proof() {
        return switch (this) {
            case FOLLOW_UP_PHONE -> Proof.NONE;
            case PUBLICITY -> Proof.SCREENSHOT;
            default -> Proof.SCENE_PHOTO;
        };
    }

    /**
     * Case and group sessions are recorded from their case or group (第N节 of a file); the plain record form does
     * not offer them, so a session cannot be written where no case file would hold it.
     */
    public boolean recordedOnItsOwn() {
        return this != CASE_SESSION && this != GROUP_SESSION;
    }

    /** Whether indicators may name this kind; {@link #OTHER} counts for no specific kind. */
    public boolean countable() {
        return this != OTHER;
    }

    /** The kinds an indicator may count (every kind but {@link #OTHER}). */
    public static ServiceKind[] countableValues() {
        return java.util.Arrays.stream(values()).filter(ServiceKind::countable).toArray(ServiceKind[]::new);
    }

    /** Like {@link #parse} but only the kinds an indicator may count; null for {@link #OTHER} or no match. */
    public static ServiceKind parseCountable(String text) {
        ServiceKind k = parse(text);
        return k == null || !k.countable() ? null : k;
    }

    /** Accepts the code (any case), the label or an earlier code or label; null when none matches. */
    public static ServiceKind parse(String text) {
        return Labelled.parse(values(), text);
    }

    /** API requests may still send an earlier code ("RESOURCE_LINKING") or a label. */
    @JsonCreator
    public static ServiceKind fromJson(String text) {
        ServiceKind k = parse(text);
        if (k == null) {
            throw new IllegalArgumentException("未知的服务类型：" + text);
        }
        return k;
    }
}
