package cn.sgz.org;

/** An org unit as other modules and the API see it. */
public record OrgUnitView(long id, Long parentId, OrgUnitType type, String name, String code, String path, int level,
                          boolean active, Double latitude, Double longitude, String address, long version) {

    public String typeLabel() {
        return type.label();
    }
}
