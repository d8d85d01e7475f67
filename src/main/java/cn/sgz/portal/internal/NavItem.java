package cn.sgz.portal.internal;

import cn.sgz.org.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** One entry of the side navigation and the roles that see it. */
record NavItem(String labelKey, String href, Set<Role> roles) {

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> GOVERNMENT = EnumSet.of(Role.ADMIN, Role.CITY_OFFICER, Role.BUREAU_OFFICER);

    static final List<NavItem> ITEMS = List.of(
            new NavItem("nav.home", "/", ALL),
            new NavItem("nav.recipients", "/recipients", ALL),
            new NavItem("nav.followupsDue", "/followups/due", ALL),
            new NavItem("nav.records", "/records", ALL),
            new NavItem("nav.cases", "/cases", ALL),
            new NavItem("nav.groups", "/groups", ALL),
            new NavItem("nav.communityServices", "/community-services", ALL),
            new NavItem("nav.exemplary", "/exemplary", ALL),
            new NavItem("nav.caseworkOversight", "/casework/oversight", ALL),
            new NavItem("nav.progress", "/progress", ALL),
            new NavItem("nav.needs", "/needs", ALL),
            new NavItem("nav.charity", "/charity", ALL),
            new NavItem("nav.community", "/community", ALL),
            new NavItem("nav.volunteers", "/volunteers", ALL),
            new NavItem("nav.staffDevelopment", "/development", ALL),
            new NavItem("nav.stationDocuments", "/station-documents", ALL),
            new NavItem("nav.org", "/org", ALL),
            new NavItem("nav.staff", "/staff", ALL),
            new NavItem("nav.agencies", "/agencies", EnumSet.complementOf(EnumSet.of(Role.SOCIAL_WORKER))),
            new NavItem("nav.catalogs", "/catalogs", ALL),
            new NavItem("nav.projects", "/projects", ALL),
            new NavItem("nav.users", "/users", GOVERNMENT),
            new NavItem("nav.audit", "/audit", GOVERNMENT),
            new NavItem("nav.profile", "/profile", ALL),
            new NavItem("nav.api", "/swagger-ui.html", ALL));

    static List<NavItem> forRole(Role role) {
        return ITEMS.stream().filter(i -> i.roles().contains(role)).toList();
    }
}
