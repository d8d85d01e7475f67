package cn.sgz.activity;

/** 服务领域. */
public enum ServiceDomain {
    SOCIAL_ASSISTANCE("社会救助"),
    ELDERLY("养老服务"),
    CHILDREN("儿童关爱"),
    DISABILITY("残疾人服务"),
    COMMUNITY_GOVERNANCE("社区治理"),
    CHARITY("慈善事业"),
    VOLUNTEER("志愿服务"),
    OTHER("其他");

    private final String label;

    ServiceDomain(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
