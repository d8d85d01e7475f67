package cn.sgz.org.internal;

import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.org.Scope;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, renames, moves and deactivates org units, enforcing the tree's shape: each type under
 * its one parent type, no cycles, one general station per county, everything inside the caller's scope.
 */
@Service
public class OrgUnitService {

    private final OrgUnitRepository units;
    private final ScopeService scopes;
    private final ApplicationEventPublisher events;
    private final EntityManager em;

    OrgUnitService(OrgUnitRepository units, ScopeService scopes, ApplicationEventPublisher events, EntityManager em) {
        this.units = units;
        this.scopes = scopes;
        this.events = events;
        this.em = em;
    }

    /** Every unit the caller may see, in tree order (parents before children). */
    @Transactional(readOnly = true)
    public List<OrgUnitView> visibleTree() {
        Map<Long, OrgUnitView> byId = new LinkedHashMap<>();
        for (String path : scopes.current().paths()) {
            for (OrgUnit unit : units.findByPathStartingWithOrderByPath(path)) {
                byId.putIfAbsent(unit.getId(), view(unit));
            }
        }
        List<OrgUnitView> list = new ArrayList<>(byId.values());
        list.sort(OrgUnitView.TREE_ORDER);
        return list;
    }

    @Transactional(readOnly = true)
    public OrgUnitView get(long id) {
        return view(visible(id));
    }

    @Transactional
    public OrgUnitView create(Long parentId, OrgUnitType type, String name, String code) {
        Scope scope = requireManager();
        String cleanName = requireName(name);
        if (type == null) {
            throw BusinessException.field("type", "请选择单位类型");
        }
        OrgUnit parent = null;
        if (type.parentType() == null) {
            if (!scope.paths().contains("/")) {
                throw new ForbiddenException("只有系统管理员可以创建市民政局");
            }
        } else {
            if (parentId == null) {
                throw BusinessException.field("parentId", "请选择上级单位");
            }
            parent = visible(parentId);
            requireParentType(type, parent);
            requireActive(parent);
        }
        requireUniqueSiblingName(parent == null ? null : parent.getId(), cleanName, null);
        if (type == OrgUnitType.GENERAL_STATION) {
            requireNoOtherGeneralStation(parent, null);
        }
        OrgUnit unit = units.save(new OrgUnit(parent, type, cleanName, blankToNull(code)));
        unit.assignPath(parent == null ? null : parent.getPath());
        units.flush();
        events.publishEvent(AuditEvent.success(
                "ORG_CREATE", "ORG_UNIT", unit.getId(), unit.getPath(), type.label() + " " + cleanName));
        return view(unit);
    }

    @Transactional
    public OrgUnitView rename(long id, String name, String code, Long expectedVersion) {
        requireManager();
        OrgUnit unit = visibleBelowScopeRoot(id);
        checkVersion(unit.getVersion(), expectedVersion);
        String cleanName = requireName(name);
        requireUniqueSiblingName(unit.getParentId(), cleanName, unit.getId());
        String old = unit.getName();
        unit.rename(cleanName, blankToNull(code));
        units.flush();
        events.publishEvent(AuditEvent.success("ORG_RENAME", "ORG_UNIT", id, unit.getPath(), old + " → " + cleanName));
        return view(unit);
    }

    @Transactional
    public OrgUnitView locate(long id, Double latitude, Double longitude, String address) {
        requireManager();
        OrgUnit unit = visible(id);
        if ((latitude == null) != (longitude == null)) {
            throw BusinessException.field("latitude", "经度和纬度需同时填写");
        }
        if (latitude != null && (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180)) {
            throw BusinessException.field("latitude", "经纬度超出范围");
        }
        unit.locate(latitude, longitude, blankToNull(address));
        events.publishEvent(AuditEvent.success("ORG_LOCATE", "ORG_UNIT", id, unit.getPath(), null));
        return view(unit);
    }

    @Transactional
    public OrgUnitView move(long id, long newParentId) {
        requireManager();
        OrgUnit unit = visibleBelowScopeRoot(id);
        OrgUnit newParent = visible(newParentId);
        if (newParent.getPath().startsWith(unit.getPath())) {
            throw BusinessException.field("parentId", "不能移动到自身或其下级单位之下");
        }
        requireParentType(unit.getType(), newParent);
        requireActive(newParent);
        requireUniqueSiblingName(newParent.getId(), unit.getName(), unit.getId());
        if (unit.getType() == OrgUnitType.GENERAL_STATION) {
            requireNoOtherGeneralStation(newParent, unit.getId());
        }
        String oldPath = unit.getPath();
        String newPath = newParent.getPath() + unit.getId() + "/";
        int levelDelta = newParent.getLevel() + 1 - unit.getLevel();
        em.createNativeQuery("UPDATE org_unit SET parent_id = ?, version = version + 1 WHERE id = ?")
                .setParameter(1, newParent.getId())
                .setParameter(2, unit.getId())
                .executeUpdate();
        units.rebase(oldPath, oldPath.length(), newPath, levelDelta);
        em.clear();
        events.publishEvent(AuditEvent.success("ORG_MOVE", "ORG_UNIT", id, newPath, oldPath + " → " + newPath));
        return view(units.findById(id).orElseThrow());
    }

    @Transactional
    public OrgUnitView setActive(long id, boolean active) {
        requireManager();
        OrgUnit unit = visibleBelowScopeRoot(id);
        if (!active && units.countByParentIdAndActiveTrue(unit.getId()) > 0) {
            throw new BusinessException("HAS_ACTIVE_CHILDREN", "该单位下还有启用中的下级单位，请先停用下级单位");
        }
        if (active) {
            if (unit.getParentId() != null) {
                requireActive(units.findById(unit.getParentId()).orElseThrow());
            }
            if (unit.getType() == OrgUnitType.GENERAL_STATION) {
                requireNoOtherGeneralStation(units.findById(unit.getParentId()).orElseThrow(), unit.getId());
            }
            unit.reactivate();
        } else {
            unit.deactivate();
        }
        events.publishEvent(AuditEvent.success(
                active ? "ORG_ACTIVATE" : "ORG_DEACTIVATE", "ORG_UNIT", id, unit.getPath(), unit.getName()));
        return view(unit);
    }

    OrgUnit visible(long id) {
        OrgUnit unit = units.findById(id).orElseThrow(() -> new NotFoundException("单位"));
        if (!scopes.current().covers(unit.getPath())) {
            throw new NotFoundException("单位");
        }
        return unit;
    }

    /** Units strictly inside the scope: a bureau officer may not rename or move their own bureau. */
    private OrgUnit visibleBelowScopeRoot(long id) {
        OrgUnit unit = visible(id);
        Scope scope = scopes.current();
        if (scope.paths().contains(unit.getPath())) {
            throw new ForbiddenException("不能修改本人所属的顶层单位，请联系上级管理员");
        }
        return unit;
    }

    private Scope requireManager() {
        Scope scope = scopes.current();
        if (!scope.role().managesOrgTree()) {
            throw new ForbiddenException("当前角色无权维护组织架构");
        }
        return scope;
    }

    private static void requireParentType(OrgUnitType type, OrgUnit parent) {
        if (type.parentType() != parent.getType()) {
            throw BusinessException.field(
                    "parentId",
                    type.label() + "只能建在" + type.parentType().label() + "之下，所选上级是"
                            + parent.getType().label());
        }
    }

    private static void requireActive(OrgUnit parent) {
        if (!parent.isActive()) {
            throw BusinessException.field("parentId", "上级单位已停用");
        }
    }

    private void requireNoOtherGeneralStation(OrgUnit county, Long except) {
        boolean exists = units.findByParentIdAndTypeAndActiveTrue(county.getId(), OrgUnitType.GENERAL_STATION).stream()
                .anyMatch(u -> !u.getId().equals(except));
        if (exists) {
            throw BusinessException.field("type", county.getName() + "已有社会工作服务总站，每个区县只能有一个");
        }
    }

    private void requireUniqueSiblingName(Long parentId, String name, Long except) {
        boolean clash = units.findByParentIdAndName(parentId, name).stream()
                .anyMatch(u -> !u.getId().equals(except));
        if (clash) {
            throw BusinessException.field("name", "同一上级下已有名为“" + name + "”的单位");
        }
    }

    private static void checkVersion(long actual, Long expected) {
        if (expected != null && expected != actual) {
            throw new ConflictException("该单位已被他人修改，请刷新后重试");
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw BusinessException.field("name", "名称不能为空");
        }
        if (name.strip().length() > 100) {
            throw BusinessException.field("name", "名称不能超过100个字");
        }
        return name.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static OrgUnitView view(OrgUnit u) {
        return new OrgUnitView(
                u.getId(),
                u.getParentId(),
                u.getType(),
                u.getName(),
                u.getCode(),
                u.getPath(),
                u.getLevel(),
                u.isActive(),
                u.getLatitude(),
                u.getLongitude(),
                u.getAddress(),
                u.getVersion());
    }
}
