package cn.sgz.community.internal;

import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.org.ScopeService;
import cn.sgz.org.StationWorkAccess;
import cn.sgz.shared.NotFoundException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may see and change community data. The same writers as service records (the station's workers and
 * head, the agency for its stations); government and evaluators read. A station or row outside the
 * caller's scope answers exactly like an unknown id.
 */
@Component
public class CommunityAccess extends StationWorkAccess {

    CommunityAccess(ScopeService scopes, OrgDirectory directory) {
        super(scopes, directory, "当前角色只能查看，不能登记或修改");
    }

    /** A visible station (社工站), or "not found" for unknown, foreign and non-station ids alike. */
    public OrgUnitView station(Long stationId) {
        if (stationId == null) {
            throw cn.sgz.shared.BusinessException.field("stationId", "社工站：请选择社工站");
        }
        return directory
                .findVisible(stationId)
                .filter(u -> u.type() == OrgUnitType.STATION)
                .orElseThrow(() -> new NotFoundException("社工站"));
    }

    /** The station a page opens on: the user's own (or its room's), else the first visible one; null when none. */
    public Long defaultStation(Long requested) {
        if (requested != null) {
            return station(requested).id();
        }
        Long own = me().orgUnitId();
        if (own != null) {
            OrgUnitView unit = directory.findVisible(own).orElse(null);
            if (unit != null && unit.type() == OrgUnitType.STATION) {
                return unit.id();
            }
            if (unit != null && unit.type() == OrgUnitType.ROOM) {
                return unit.parentId();
            }
        }
        List<OrgUnitView> visible = stations();
        return visible.isEmpty() ? null : visible.get(0).id();
    }
}
