package cn.sgz.org;

/** The levels of the 三级社会工作服务体系 and where each may hang in the tree. */
public enum OrgUnitType {
    CITY_BUREAU("市民政局", null),
    COUNTY_BUREAU("区/县民政局", CITY_BUREAU),
    GENERAL_STATION("社会工作服务总站", COUNTY_BUREAU),
    STATION("乡镇（街道）社工站", GENERAL_STATION),
    ROOM("村（社区）社工室", STATION);

    private final String label;
    private final OrgUnitType parentType;

    OrgUnitType(String label, OrgUnitType parentType) {
        this.label = label;
        this.parentType = parentType;
    }

    public String label() {
        return label;
    }

    /** The only type a unit of this type may be placed under; null for a root. */
    public OrgUnitType parentType() {
        return parentType;
    }

    /** The type that may be created under this one, or null for a leaf. */
    public OrgUnitType childType() {
        for (OrgUnitType t : values()) {
            if (t.parentType == this) {
                return t;
            }
        }
        return null;
    }
}
