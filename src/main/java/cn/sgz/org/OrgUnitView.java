package cn.sgz.org;

/** An org unit as other modules and the API see it. */
public record OrgUnitView(
        long id,
        Long parentId,
        OrgUnitType type,
        String name,
        String code,
        String path,
        int level,
        boolean active,
        Double latitude,
        Double longitude,
        String address,
        long version) {

    /** Parents before children, siblings in creation (id) order: paths compared id by id, not as text. */
    public static final java.util.Comparator<OrgUnitView> TREE_ORDER = (a, b) -> comparePaths(a.path(), b.path());

    static int comparePaths(String a, String b) {
        String[] x = a.split("/");
        String[] y = b.split("/");
        for (int i = 1; i < Math.min(x.length, y.length); i++) {
            int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    public String typeLabel() {
        return type.label();
    }
}
