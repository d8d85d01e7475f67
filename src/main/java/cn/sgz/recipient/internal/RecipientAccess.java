package cn.sgz.recipient.internal;

import cn.sgz.org.CurrentUser;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.org.Role;
import cn.sgz.org.Scope;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may do what with recipients, and where a recipient lives in the org tree. Every service of the
 * module asks here before reading or writing; unknown and foreign ids both answer "not found".
 */
@Component
class RecipientAccess {

    /** Roles that keep the ledgers. City officers and evaluators read only. */
    private static final Set<Role> WRITERS =
            EnumSet.of(Role.ADMIN, Role.BUREAU_OFFICER, Role.AGENCY_MANAGER, Role.STATION_HEAD, Role.SOCIAL_WORKER);
    /** Roles that may see a full ID number, through an explicit, audited action. */
    private static final Set<Role> UNMASKERS = EnumSet.of(Role.BUREAU_OFFICER, Role.STATION_HEAD, Role.SOCIAL_WORKER);

    private final ScopeService scopes;
    private final OrgDirectory directory;
    private final JdbcClient jdbc;

    RecipientAccess(ScopeService scopes, OrgDirectory directory, JdbcClient jdbc) {
        this.scopes = scopes;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    Scope scope() {
        return scopes.current();
    }

    CurrentUser user() {
        return scopes.currentUser();
    }

    /** The unit a file is about, for its title line (the given unit, else the user's scope). */
    String scopeLabel(Long unitId) {
        return directory.scopeLabel(unitId);
    }

    boolean canWrite() {
        return WRITERS.contains(user().role());
    }

    void requireWriter() {
        if (!canWrite()) {
            throw new ForbiddenException("当前角色只能查看台账，不能修改");
        }
    }

    static boolean mayUnmask(Role role) {
        return UNMASKERS.contains(role);
    }

    boolean mayUnmask() {
        return mayUnmask(user().role());
    }

    /**
     * Whether the user needs people's phone numbers in full: those who keep the ledger or visit people.
     * Evaluators and the city office see them masked (138****5678) in lists, details and exports.
     */
    boolean mayReadPhones() {
        Role role = user().role();
        return WRITERS.contains(role) || UNMASKERS.contains(role);
    }

    /** The phone as the current user may see it. */
    String phone(String phone) {
        return phone == null || mayReadPhones() ? phone : cn.sgz.shared.PhoneNumbers.mask(phone);
    }

    /** The org_path of a recipient inside the scope, or "not found". */
    String requireVisible(long recipientId) {
        String path = jdbc.sql("SELECT org_path FROM recipient WHERE id = ?")
                .param(recipientId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("服务对象"));
        if (!scope().covers(path)) {
            throw new NotFoundException("服务对象");
        }
        return path;
    }

    /** A station the user may see; unknown or foreign ids answer 404 alike. */
    void requireVisibleStation(long stationId) {
        directory
                .findVisible(stationId)
                .filter(u -> u.type() == OrgUnitType.STATION)
                .orElseThrow(() -> new NotFoundException("社工站"));
    }

    /** A station or room (村/社区) inside the scope that a recipient can be placed under. */
    Placement placement(Long unitId, String field) {
        if (unitId == null) {
            throw BusinessException.field(field, "请选择所属社工站或村（社区）");
        }
        OrgUnitView unit = directory
                .findVisible(unitId)
                .filter(u -> u.type() == OrgUnitType.STATION || u.type() == OrgUnitType.ROOM)
                .filter(OrgUnitView::active)
                .orElseThrow(() -> BusinessException.field(field, "所选社工站或村（社区）不存在或不在您的管辖范围内"));
        return Placement.of(unit);
    }

    /** Stations the user sees, in tree order. */
    List<OrgUnitView> stations() {
        return directory.visibleUnits(OrgUnitType.STATION);
    }

    /** Stations and rooms by id, for showing names in lists. */
    Map<Long, OrgUnitView> unitsById() {
        Map<Long, OrgUnitView> map = new LinkedHashMap<>();
        directory.visibleUnits(OrgUnitType.STATION).forEach(u -> map.put(u.id(), u));
        directory.visibleUnits(OrgUnitType.ROOM).forEach(u -> map.put(u.id(), u));
        return map;
    }

    List<OrgUnitView> rooms() {
        return directory.visibleUnits(OrgUnitType.ROOM);
    }

    /** Where a recipient hangs: the unit itself, its station and its county (for the uniqueness rule). */
    record Placement(long unitId, long stationId, long countyId, String path) {

        static Placement of(OrgUnitView unit) {
            // Paths are /city/county/general-station/station/[room/]: the tree types enforce that shape.
            String[] ids = unit.path().split("/");
            if (ids.length < 5) {
                throw BusinessException.field("orgUnitId", "所选单位不在“县—总站—社工站”之下");
            }
            return new Placement(unit.id(), Long.parseLong(ids[4]), Long.parseLong(ids[2]), unit.path());
        }
    }
}
