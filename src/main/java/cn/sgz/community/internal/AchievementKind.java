package cn.sgz.community.internal;

/** Kinds of 建设成果 a station records; each is what one catalog entity type counts. */
public enum AchievementKind {
    ASSISTED_STATION("协助建设的社工站"),
    SERVICE_BRAND("社工站服务品牌");

    private final String label;

    AchievementKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
