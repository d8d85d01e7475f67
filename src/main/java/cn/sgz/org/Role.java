package cn.sgz.org;

import java.util.EnumSet;
import java.util.Set;

/** The roles of DESIGN.md, plus the system administrator created by the one-time setup. */
public enum Role {
    ADMIN("系统管理员"),
    CITY_OFFICER("市民政局"),
    BUREAU_OFFICER("区/县民政局"),
    EVALUATOR("第三方评估"),
    AGENCY_MANAGER("承接机构负责人"),
    STATION_HEAD("社工站站长"),
    SOCIAL_WORKER("驻站社工");

    private static final Set<Role> GOVERNMENT = EnumSet.of(ADMIN, CITY_OFFICER, BUREAU_OFFICER);

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Agency roles see the stations their agency serves rather than an org subtree of their own. */
    public boolean scopedByAgency() {
        return this == AGENCY_MANAGER;
    }

    /**
     * Who records the station's work (service records, cases, organisations, charity ledgers): its own
     * staff, the agency manager for the agency's stations, and the administrator. Government roles and
     * evaluators read, confirm and evaluate.
     */
    public boolean doesStationWork() {
        return this == ADMIN || this == AGENCY_MANAGER || this == STATION_HEAD || this == SOCIAL_WORKER;
    }

    public boolean managesOrgTree() {
        return GOVERNMENT.contains(this);
    }

    public boolean managesUsers() {
        return GOVERNMENT.contains(this);
    }

    public boolean browsesAudit() {
        return GOVERNMENT.contains(this);
    }

    public boolean managesStaff() {
        return this == ADMIN || this == BUREAU_OFFICER || this == AGENCY_MANAGER || this == STATION_HEAD;
    }

    /** Roles a user of this role may hand out when creating or editing accounts. */
    public Set<Role> assignableRoles() {
        return switch (this) {
            case ADMIN -> EnumSet.allOf(Role.class);
            case CITY_OFFICER -> EnumSet.complementOf(EnumSet.of(ADMIN));
            case BUREAU_OFFICER -> EnumSet.of(BUREAU_OFFICER, EVALUATOR, AGENCY_MANAGER, STATION_HEAD, SOCIAL_WORKER);
            default -> EnumSet.noneOf(Role.class);
        };
    }
}
