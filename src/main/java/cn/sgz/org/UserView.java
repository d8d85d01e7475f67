package cn.sgz.org;

/** An account as listed to administrators; never carries the password hash. */
public record UserView(
        long id,
        String username,
        String displayName,
        Role role,
        Long orgUnitId,
        String orgUnitName,
        Long agencyId,
        String agencyName,
        String phone,
        boolean enabled,
        boolean locked,
        long version) {

    public String roleLabel() {
        return role.label();
    }
}
