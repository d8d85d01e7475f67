package cn.sgz.org.internal;

import cn.sgz.org.OrgUnitType;
import cn.sgz.org.Role;
import cn.sgz.org.Scope;
import cn.sgz.org.ScopeService;
import cn.sgz.org.UserView;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.PhoneNumbers;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Account administration for bureau officers and administrators, inside their scope. */
@Service
public class UserAdminService {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,50}");

    private final UserAccountRepository users;
    private final OrgUnitRepository units;
    private final AgencyRepository agencies;
    private final ScopeService scopes;
    private final PasswordEncoder encoder;
    private final SessionTerminator sessions;
    private final ApplicationEventPublisher events;
    private final AgencyService agencyService;
    private final ApiTokenService apiTokens;

    UserAdminService(
            UserAccountRepository users,
            OrgUnitRepository units,
            AgencyRepository agencies,
            ScopeService scopes,
            PasswordEncoder encoder,
            SessionTerminator sessions,
            ApplicationEventPublisher events,
            AgencyService agencyService,
            ApiTokenService apiTokens) {
        this.agencyService = agencyService;
        this.apiTokens = apiTokens;
        this.users = users;
        this.units = units;
        this.agencies = agencies;
        this.scopes = scopes;
        this.encoder = encoder;
        this.sessions = sessions;
        this.events = events;
    }

    /** Input for creating or editing an account; password only on creation. */
    public record UserForm(
            String username,
            String password,
            String displayName,
            Role role,
            Long orgUnitId,
            Long agencyId,
            String phone) {}

    @Transactional(readOnly = true)
    public List<UserView> list() {
        Scope scope = requireAdmin();
        return users.findAll().stream()
                .filter(u -> isVisible(u, scope))
                .sorted(Comparator.comparing(UserAccount::getUsername))
                .map(this::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public UserView get(long id) {
        return view(visible(id));
    }

    @Transactional
    public UserView create(UserForm form) {
        Scope scope = requireAdmin();
        String username = form.username() == null ? "" : form.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            throw BusinessException.field("username", "用户名为3-50位字母、数字、下划线、点或连字符");
        }
        if (users.existsByUsername(username)) {
            throw BusinessException.field("username", "用户名“" + username + "”已被使用");
        }
        PasswordPolicy.check("password", form.password(), username);
        UserAccount account = new UserAccount(username, encoder.encode(form.password()));
        applyAssignment(account, form, scope);
        users.save(account);
        events.publishEvent(AuditEvent.success(
                "USER_CREATE",
                "USER",
                account.getId(),
                orgPath(account),
                username + " " + account.getRole().label()));
        return view(account);
    }

    @Transactional
    public UserView update(long id, UserForm form, Long expectedVersion) {
        Scope scope = requireAdmin();
        UserAccount account = visible(id);
        if (expectedVersion != null && expectedVersion != account.getVersion()) {
            throw new ConflictException("该账号已被他人修改，请刷新后重试");
        }
        requireNotSelf(account, scope);
        Role before = account.getRole();
        Long unitBefore = account.getOrgUnitId();
        applyAssignment(account, form, scope);
        users.flush();
        if (before != account.getRole() || !java.util.Objects.equals(unitBefore, account.getOrgUnitId())) {
            sessions.endAllSessions(account.getUsername());
        }
        events.publishEvent(AuditEvent.success(
                "USER_UPDATE",
                "USER",
                id,
                orgPath(account),
                account.getUsername() + " " + account.getRole().label()));
        return view(account);
    }

    @Transactional
    public UserView setEnabled(long id, boolean enabled) {
        Scope scope = requireAdmin();
        UserAccount account = visible(id);
        requireNotSelf(account, scope);
        account.setEnabled(enabled);
        users.flush();
        if (!enabled) {
            sessions.endAllSessions(account.getUsername());
            apiTokens.revokeAll(account.getId());
        }
        events.publishEvent(AuditEvent.success(
                enabled ? "USER_ENABLE" : "USER_DISABLE", "USER", id, orgPath(account), account.getUsername()));
        return view(account);
    }

    @Transactional
    public UserView resetPassword(long id, String newPassword) {
        requireAdmin();
        UserAccount account = visible(id);
        PasswordPolicy.check("password", newPassword, account.getUsername());
        account.changePassword(encoder.encode(newPassword));
        users.flush();
        sessions.endAllSessions(account.getUsername());
        apiTokens.revokeAll(account.getId());
        events.publishEvent(
                AuditEvent.success("USER_RESET_PASSWORD", "USER", id, orgPath(account), account.getUsername()));
        return view(account);
    }

    private void applyAssignment(UserAccount account, UserForm form, Scope scope) {
        Role role = form.role();
        if (role == null) {
            throw BusinessException.field("role", "请选择角色");
        }
        if (!scope.role().assignableRoles().contains(role)) {
            throw BusinessException.field("role", "无权分配角色“" + role.label() + "”");
        }
        String name = form.displayName() == null ? "" : form.displayName().strip();
        if (name.isEmpty() || name.length() > 50) {
            throw BusinessException.field("displayName", "姓名不能为空，且不超过50个字");
        }
        String phone = PhoneNumbers.normalizeOptional("phone", form.phone());
        Long orgUnitId = form.orgUnitId();
        Long agencyId = form.agencyId();
        if (role == Role.AGENCY_MANAGER) {
            if (agencyId == null || !agencies.existsById(agencyId)) {
                throw BusinessException.field("agencyId", "承接机构负责人须选择所属机构");
            }
            if (scope.role() != Role.ADMIN
                    && agencies.stationPaths(agencyId).stream().noneMatch(scope::covers)) {
                throw BusinessException.field("agencyId", "该机构未承接您辖区内的社工站");
            }
            orgUnitId = null;
        } else if (role != Role.ADMIN) {
            if (orgUnitId == null) {
                throw BusinessException.field("orgUnitId", "请选择所属单位");
            }
            OrgUnit unit = units.findById(orgUnitId)
                    .filter(u -> scope.covers(u.getPath()))
                    .orElseThrow(() -> BusinessException.field("orgUnitId", "所选单位不存在或不在您的管辖范围内"));
            requireUnitFitsRole(role, unit.getType());
            if (agencyId != null && (!agencies.existsById(agencyId) || !agencyService.withinReach(agencyId, scope))) {
                throw BusinessException.field("agencyId", "所选机构不存在或不在您的管辖范围内");
            }
        }
        account.assign(name, role, orgUnitId, agencyId, phone);
    }

    private static void requireUnitFitsRole(Role role, OrgUnitType type) {
        boolean ok = switch (role) {
            case CITY_OFFICER -> type == OrgUnitType.CITY_BUREAU;
            case BUREAU_OFFICER, EVALUATOR -> type == OrgUnitType.COUNTY_BUREAU || type == OrgUnitType.GENERAL_STATION;
            case STATION_HEAD, SOCIAL_WORKER -> type == OrgUnitType.STATION;
            default -> true;
        };
        if (!ok) {
            throw BusinessException.field("orgUnitId", "角色“" + role.label() + "”不能归属于" + type.label());
        }
    }

    private static void requireNotSelf(UserAccount account, Scope scope) {
        if (account.getId() == scope.user().id()) {
            throw new ForbiddenException("不能修改或停用自己的账号，请在个人中心修改密码");
        }
    }

    private Scope requireAdmin() {
        Scope scope = scopes.current();
        if (!scope.role().managesUsers()) {
            throw new ForbiddenException("当前角色无权管理账号");
        }
        return scope;
    }

    private UserAccount visible(long id) {
        Scope scope = requireAdmin();
        return users.findById(id).filter(u -> isVisible(u, scope)).orElseThrow(() -> new NotFoundException("账号"));
    }

    private boolean isVisible(UserAccount u, Scope scope) {
        if (scope.role() == Role.ADMIN) {
            return true;
        }
        if (u.getRole() == Role.ADMIN) {
            return false;
        }
        if (u.getOrgUnitId() != null) {
            return units.findById(u.getOrgUnitId())
                    .map(unit -> scope.covers(unit.getPath()))
                    .orElse(false);
        }
        return u.getAgencyId() != null
                && agencies.stationPaths(u.getAgencyId()).stream().anyMatch(scope::covers);
    }

    private String orgPath(UserAccount u) {
        if (u.getOrgUnitId() == null) {
            return null;
        }
        return units.findById(u.getOrgUnitId()).map(OrgUnit::getPath).orElse(null);
    }

    UserView view(UserAccount u) {
        String unitName = u.getOrgUnitId() == null
                ? null
                : units.findById(u.getOrgUnitId()).map(OrgUnit::getName).orElse(null);
        String agencyName = u.getAgencyId() == null
                ? null
                : agencies.findById(u.getAgencyId()).map(Agency::getName).orElse(null);
        return new UserView(
                u.getId(),
                u.getUsername(),
                u.getDisplayName(),
                u.getRole(),
                u.getOrgUnitId(),
                unitName,
                u.getAgencyId(),
                agencyName,
                u.getPhone(),
                u.isEnabled(),
                u.isLocked(ChinaTime.offsetNow()),
                u.getVersion());
    }
}
