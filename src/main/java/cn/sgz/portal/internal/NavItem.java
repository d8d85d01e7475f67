package cn.sgz.portal.internal;

import cn.sgz.org.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One entry of the side navigation, the roles that see it and the heading it stands under (the list is
 * long on a phone: headings let a worker find 个案 or 慈善 without reading 25 lines).
 */
record NavItem(String labelKey, String href, Set<Role> roles, String groupKey) {

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> GOVERNMENT = EnumSet.of(Role.ADMIN, Role.CITY_OFFICER, Role.BUREAU_OFFICER);

    static final List<NavItem> ITEMS = List.of(
            new NavItem("nav.home", "/", ALL, "nav.group.daily"),
            new NavItem("nav.recipients", "/recipients", ALL, "nav.group.daily"),
            new NavItem("nav.followupsDue", "/followups/due", ALL, "nav.group.daily"),
            new NavItem("nav.records", "/records", ALL, "nav.group.daily"),
            // offline capture (issue 21): only for the roles that work in the field
            new NavItem("nav.field", "/field", EnumSet.of(Role.SOCIAL_WORKER, Role.STATION_HEAD), "nav.group.daily"),
            new NavItem("nav.needs", "/needs", ALL, "nav.group.daily"),
            new NavItem("nav.cases", "/cases", ALL, "nav.group.casework"),
            new NavItem("nav.groups", "/groups", ALL, "nav.group.casework"),
            new NavItem("nav.communityServices", "/community-services", ALL, "nav.group.casework"),
            new NavItem("nav.exemplary", "/exemplary", ALL, "nav.group.casework"),
            new NavItem("nav.caseworkOversight", "/casework/oversight", ALL, "nav.group.casework"),
            new NavItem("nav.community", "/community", ALL, "nav.group.community"),
            new NavItem("nav.volunteers", "/volunteers", ALL, "nav.group.community"),
            new NavItem("nav.charity", "/charity", ALL, "nav.group.community"),
            new NavItem("nav.staffDevelopment", "/development", ALL, "nav.group.community"),
            new NavItem("nav.stationDocuments", "/station-documents", ALL, "nav.group.community"),
            new NavItem("nav.achievements", "/achievements", ALL, "nav.group.community"),
            new NavItem(
                    "nav.complaints",
                    "/complaints",
                    EnumSet.of(Role.ADMIN, Role.CITY_OFFICER, Role.BUREAU_OFFICER, Role.AGENCY_MANAGER),
                    "nav.group.contract"),
            new NavItem("nav.posters", "/posters", ALL, "nav.group.contract"),
            new NavItem("nav.progress", "/progress", ALL, "nav.group.contract"),
            new NavItem("nav.reports", "/reports", ALL, "nav.group.contract"),
            new NavItem("nav.projects", "/projects", ALL, "nav.group.contract"),
            // project money: everyone but the station's social workers (FinanceAccess)
            new NavItem(
                    "nav.finance",
                    "/finance",
                    EnumSet.complementOf(EnumSet.of(Role.SOCIAL_WORKER)),
                    "nav.group.contract"),
            new NavItem("nav.catalogs", "/catalogs", ALL, "nav.group.contract"),
            new NavItem("nav.evaluations", "/evaluations", ALL, "nav.group.contract"),
            new NavItem("nav.rectifications", "/rectifications", ALL, "nav.group.contract"),
            new NavItem("nav.org", "/org", ALL, "nav.group.admin"),
            new NavItem("nav.staff", "/staff", ALL, "nav.group.admin"),
            new NavItem(
                    "nav.agencies",
                    "/agencies",
                    EnumSet.complementOf(EnumSet.of(Role.SOCIAL_WORKER)),
                    "nav.group.admin"),
            new NavItem("nav.users", "/users", GOVERNMENT, "nav.group.admin"),
            new NavItem("nav.audit", "/audit", GOVERNMENT, "nav.group.admin"),
            // the API documentation is offered on the profile page, beside the API tokens it is for
            new NavItem("nav.profile", "/profile", ALL, "nav.group.admin"));

    static List<NavItem> forRole(Role role) {
        return ITEMS.stream().filter(i -> i.roles().contains(role)).toList();
    }
}
