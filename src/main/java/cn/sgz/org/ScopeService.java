package cn.sgz.org;

import cn.sgz.org.internal.SgzPrincipal;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.web.RequestMemo;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The one place that decides what the signed-in user may see. Every module's service layer asks it
 * before reading, listing, changing, exporting or downloading anything that belongs to an org unit.
 * The scope comes from the account and the org tree in the database, never from the request.
 */
@Service
public class ScopeService {

    private final JdbcClient jdbc;
    /** Scope conditions as path ranges instead of LIKE: on H2 only (see {@link Scope}). */
    private final boolean byRange;

    ScopeService(
            JdbcClient jdbc,
            @org.springframework.beans.factory.annotation.Value("${spring.datasource.url:}") String url) {
        this.jdbc = jdbc;
        this.byRange = url.startsWith("jdbc:h2:");
    }

    public Optional<CurrentUser> findCurrentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SgzPrincipal p) {
            return Optional.of(p.currentUser());
        }
        return Optional.empty();
    }

    public CurrentUser currentUser() {
        return findCurrentUser()
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("未登录"));
    }

    public Scope current() {
        CurrentUser user = currentUser();
        return RequestMemo.get(
                "scope:" + user.id() + ":" + user.role(), () -> new Scope(user, pathsFor(user), byRange));
    }

    List<String> pathsFor(CurrentUser user) {
        if (user.role() == Role.ADMIN) {
            return List.of("/");
        }
        if (user.role().scopedByAgency()) {
            if (user.agencyId() == null) {
                return List.of();
            }
            return jdbc.sql("SELECT u.path FROM agency_station s JOIN org_unit u ON u.id = s.station_id "
                            + "WHERE s.agency_id = ? ORDER BY u.path")
                    .param(user.agencyId())
                    .query(String.class)
                    .list();
        }
        if (user.orgUnitId() == null) {
            return List.of();
        }
        return jdbc.sql("SELECT path FROM org_unit WHERE id = ?")
                .param(user.orgUnitId())
                .query(String.class)
                .optional()
                .map(List::of)
                .orElse(List.of());
    }

    /** The materialized path of an org unit, if the unit exists. */
    public Optional<String> pathOf(long orgUnitId) {
        return jdbc.sql("SELECT path FROM org_unit WHERE id = ?")
                .param(orgUnitId)
                .query(String.class)
                .optional();
    }

    /** The materialized path of the org unit an account belongs to, if the account exists and has one. */
    public Optional<String> pathOfAccount(String username) {
        return jdbc.sql("SELECT u.path FROM app_user a JOIN org_unit u ON u.id = a.org_unit_id WHERE a.username = ?")
                .param(username)
                .query(String.class)
                .optional();
    }

    /**
     * Throws "not found" when the org unit is unknown or outside the current scope: the two answers
     * are the same on purpose, so a foreign id reveals nothing.
     */
    public String requireVisibleUnit(long orgUnitId, String what) {
        String path = pathOf(orgUnitId).orElseThrow(() -> new NotFoundException(what));
        if (!current().covers(path)) {
            throw new NotFoundException(what);
        }
        return path;
    }

    /** The ids of active units of a type inside the current scope, e.g. the stations a user may pick. */
    public List<Long> visibleUnitIds(OrgUnitType type) {
        Scope scope = current();
        CurrentUser user = scope.user();
        return RequestMemo.get(
                "units:" + user.id() + ":" + user.role() + ":" + type,
                () -> List.copyOf(jdbc.sql("SELECT id FROM org_unit WHERE type = ? AND active AND "
                                + scope.sqlCondition("path") + " ORDER BY path")
                        .param(type.name())
                        .params(scope.likePatterns().toArray())
                        .query(Long.class)
                        .list()));
    }
}
