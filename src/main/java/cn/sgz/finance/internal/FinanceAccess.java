package cn.sgz.finance.internal;

import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectQueries;
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
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may do what with project money. Readers: government roles, evaluators, the agency manager and the
 * station head (a social worker does not handle the books). Expenses are entered by the agency manager for
 * the agency's stations and by a station head for their station; the bureau (区/县民政局) keeps the contract,
 * records payments, approves or refuses flagged expenses and configures the rules; the budget is kept by
 * the bureau or the agency manager. A project or row outside the caller's scope answers like an unknown id.
 */
@Component
public class FinanceAccess {

    private static final Set<Role> READERS = EnumSet.complementOf(EnumSet.of(Role.SOCIAL_WORKER));
    private static final Set<Role> EXPENSE_WRITERS = EnumSet.of(Role.ADMIN, Role.AGENCY_MANAGER, Role.STATION_HEAD);
    private static final Set<Role> BUREAU = EnumSet.of(Role.ADMIN, Role.BUREAU_OFFICER);
    private static final Set<Role> BUDGET_WRITERS = EnumSet.of(Role.ADMIN, Role.BUREAU_OFFICER, Role.AGENCY_MANAGER);

    private final ScopeService scopes;
    private final OrgDirectory directory;
    private final ProjectQueries projects;

    FinanceAccess(ScopeService scopes, OrgDirectory directory, ProjectQueries projects) {
        this.scopes = scopes;
        this.directory = directory;
        this.projects = projects;
    }

    public CurrentUser me() {
        return scopes.currentUser();
    }

    public Scope scope() {
        return scopes.current();
    }

    public static boolean reads(Role role) {
        return READERS.contains(role);
    }

    public boolean canRead() {
        return reads(me().role());
    }

    public boolean canEnterExpenses() {
        return EXPENSE_WRITERS.contains(me().role());
    }

    public boolean isBureau() {
        return BUREAU.contains(me().role());
    }

    public boolean canEditBudget() {
        return BUDGET_WRITERS.contains(me().role());
    }

    public void requireReader() {
        if (!canRead()) {
            throw new ForbiddenException("驻站社工不查看项目经费；请联系承接机构负责人或站长");
        }
    }

    public void requireExpenseWriter() {
        requireReader();
        if (!canEnterExpenses()) {
            throw new ForbiddenException("当前角色只能查看项目经费，不能登记或冲正支出（由承接机构负责人或站长登记）");
        }
    }

    public void requireBudgetWriter() {
        requireReader();
        if (!canEditBudget()) {
            throw new ForbiddenException("当前角色不能修改预算（由区/县民政局或承接机构负责人编制）");
        }
    }

    /** A project the caller may read: unknown and foreign ids are both "not found". */
    public Project project(long projectId) {
        requireReader();
        return projects.get(projectId);
    }

    /**
     * A project in the caller's scope, whatever the caller's role (for figures other modules already show to
     * that caller, e.g. a station's periodic report): unknown and foreign ids are "not found".
     */
    public Project projectInScope(long projectId) {
        return projects.get(projectId);
    }

    /** The visible projects, newest first. */
    public List<Project> projects() {
        requireReader();
        return projects.visible();
    }

    /** The org path of the project's bureau. */
    public String bureauPath(Project p) {
        return scopes.pathOf(p.bureauId()).orElseThrow(() -> new NotFoundException("项目"));
    }

    /** The project, read for a bureau decision: the caller is the bureau (or admin) over the project's bureau. */
    public Project projectForBureau(long projectId, String what) {
        Project p = project(projectId);
        if (!isBureau() || !scope().covers(bureauPath(p))) {
            throw new ForbiddenException("只有项目所属区/县民政局可以" + what);
        }
        return p;
    }

    /** Checks that the caller is the bureau over a row's project (the row itself is already visible). */
    public void requireBureauOf(Project p, String what) {
        if (!isBureau() || !scope().covers(bureauPath(p))) {
            throw new ForbiddenException("只有项目所属区/县民政局可以" + what);
        }
    }

    /** The stations of the project the caller sees, in project order. */
    public List<OrgUnitView> stationsOf(Project p) {
        var units = directory.units(p.stationIds());
        Scope scope = scope();
        return p.stationIds().stream()
                .map(units::get)
                .filter(u -> u != null && u.active() && scope.covers(u.path()))
                .toList();
    }

    /** A station of the project the caller sees, or a field error. */
    public OrgUnitView station(Project p, Long stationId, String field) {
        if (stationId == null) {
            throw BusinessException.field(field, "社工站：请选择社工站");
        }
        return stationsOf(p).stream()
                .filter(s -> s.id() == stationId)
                .findFirst()
                .orElseThrow(() -> BusinessException.field(field, "社工站：所选社工站不属于该项目或不在您的管辖范围内"));
    }

    /** The bureaus (区/县民政局) the caller sees, for the rules page. */
    public List<OrgUnitView> bureaus() {
        return directory.visibleUnits(OrgUnitType.COUNTY_BUREAU);
    }

    public void requireVisible(String orgPath, String what) {
        requireReader();
        if (!scope().covers(orgPath)) {
            throw new NotFoundException(what);
        }
    }
}
