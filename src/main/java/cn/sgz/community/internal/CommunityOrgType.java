package cn.sgz.community.internal;

/** The five kinds of 社区社会组织 the catalogs name. */
public enum CommunityOrgType {
    COMMUNITY_SERVICE("社区服务类"),
    CHARITY("公益慈善类"),
    VOLUNTEER_SERVICE("志愿服务类"),
    MUTUAL_AID("居民互助类"),
    CULTURE_SPORTS("文体活动类");

    private final String label;

    CommunityOrgType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
