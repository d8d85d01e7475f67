package cn.sgz.casework.internal;

import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.org.Role;
import cn.sgz.org.ScopeService;
import cn.sgz.org.StationWorkAccess;
import cn.sgz.shared.BusinessException;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who may do what in casework, in one place: station staff (and agency managers for their stations)
 * write, the station head approves closures, the bureau confirms exemplary cases, everyone reads inside
 * their scope; a thing outside the scope answers exactly like an unknown id.
 */
@Component
public class CaseworkAccess extends StationWorkAccess {

    CaseworkAccess(ScopeService scopes, OrgDirectory directory) {
        super(scopes, directory, "当前角色只能查看个案、小组和社区服务，不能登记或修改");
    }

    public boolean is(Role role) {
        return me().role() == role;
    }

    /** A station the caller may see, for a new case or group; a field error otherwise. */
    public OrgUnitView station(Long stationId) {
        if (stationId == null) {
            throw BusinessException.field("stationId", "请选择社工站");
        }
        return directory
                .findVisible(stationId)
                .filter(u -> u.type() == OrgUnitType.STATION)
                .orElseThrow(() -> BusinessException.field("stationId", "所选社工站不存在或不在您的管辖范围内"));
    }

    public Map<Long, String> stationNames(Collection<Long> ids) {
        return directory.unitNames(ids);
    }

    /** The caller's own station, to preselect it on forms (null for county and city users). */
    public Long ownStation() {
        Long unit = me().orgUnitId();
        return unit == null
                ? null
                : directory
                        .findVisible(unit)
                        .filter(u -> u.type() == OrgUnitType.STATION)
                        .map(OrgUnitView::id)
                        .orElse(null);
    }
}
