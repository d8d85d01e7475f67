package cn.sgz.charity.internal;

import cn.sgz.org.CurrentUser;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.org.ScopeService;
import cn.sgz.org.StationWorkAccess;
import cn.sgz.shared.BusinessException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who may see and change the charity ledgers: the station's workers and head, the agency manager for
 * its stations (as for service records); government roles and evaluators read. A row outside the
 * caller's scope answers exactly like an unknown id.
 */
@Component
public class CharityAccess extends StationWorkAccess {

    CharityAccess(ScopeService scopes, OrgDirectory directory) {
        super(scopes, directory, "当前角色只能查看慈善台账，不能登记或修改");
    }

    public CurrentUser user() {
        return me();
    }

    /** The visible station a form names, or a field error. */
    public OrgUnitView station(Long stationId, String field) {
        if (stationId == null) {
            throw BusinessException.field(field, "社工站：请选择社工站");
        }
        return directory
                .findVisible(stationId)
                .filter(u -> u.type() == OrgUnitType.STATION)
                .orElseThrow(() -> BusinessException.field(field, "社工站：所选社工站不存在或不在您的管辖范围内"));
    }

    /** Checks a station filter from a request (unknown or foreign: 404). */
    public void requireVisibleStation(long stationId) {
        scopes.requireVisibleUnit(stationId, "社工站");
    }

    public Map<Long, String> stationNames() {
        Map<Long, String> names = new HashMap<>();
        stations().forEach(s -> names.put(s.id(), s.name()));
        return names;
    }

    /** The station a form starts on: the user's own, else the first one they see. */
    public Long defaultStationId() {
        Long own = scopes.currentUser().orgUnitId();
        List<OrgUnitView> visible = stations();
        if (own != null && visible.stream().anyMatch(s -> s.id() == own)) {
            return own;
        }
        return visible.isEmpty() ? null : visible.get(0).id();
    }
}
