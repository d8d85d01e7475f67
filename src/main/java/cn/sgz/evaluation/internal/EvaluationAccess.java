package cn.sgz.evaluation.internal;

import cn.sgz.catalog.ProjectInScope;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.org.CurrentUser;
import cn.sgz.org.Role;
import cn.sgz.org.Scope;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may do what in evaluations. Bureau officers (and the administrator) manage rubrics, rounds, teams and
 * decisions inside their scope; an EVALUATOR sees and writes only in the rounds whose team they are on (any
 * other round answers 404, like an unknown id); city officers read; station roles read their own stations'
 * results and answer spot checks and 整改 items.
 */
@Component
class EvaluationAccess {

    private final ScopeService scopes;
    private final ProjectQueries projects;
    private final JdbcClient jdbc;
    private final cn.sgz.org.OrgDirectory directory;

    EvaluationAccess(ScopeService scopes, ProjectQueries projects, JdbcClient jdbc, cn.sgz.org.OrgDirectory directory) {
        this.directory = directory;
        this.scopes = scopes;
        this.projects = projects;
        this.jdbc = jdbc;
    }

    CurrentUser me() {
        return scopes.currentUser();
    }

    Scope scope() {
        return scopes.current();
    }

    boolean isManager() {
        Role r = me().role();
        return r == Role.ADMIN || r == Role.BUREAU_OFFICER;
    }

    boolean isEvaluator() {
        return me().role() == Role.EVALUATOR;
    }

    boolean isStationSide() {
        return me().role().doesStationWork() && me().role() != Role.ADMIN;
    }

    void requireManager(String what) {
        if (!isManager()) {
            throw new ForbiddenException("只有区/县民政局可以" + what);
        }
    }

    /** A round row as access checks need it. */
    record RoundRef(long id, long projectId, String orgPath, String status, String kind, String name) {
        boolean open() {
            return "OPEN".equals(status);
        }
    }

    RoundRef findRound(long roundId) {
        // once per GET request: a list of 整改 items asks for each item's round (the bureau's home page)
        return cn.sgz.shared.web.RequestMemo.get("eval-round:" + roundId, () -> readRound(roundId));
    }

    private static final org.springframework.jdbc.core.RowMapper<RoundRef> ROUND = (rs, i) -> new RoundRef(
            rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));

    /**
     * Reads the rounds of a list's rows at once into this GET request's memo, so that {@link #findRound} asks the
     * database nothing more for them (a bureau's open 整改 items span several rounds).
     */
    void preloadRounds(java.util.Collection<Long> roundIds) {
        java.util.List<Long> ids = roundIds.stream().distinct().toList();
        if (ids.size() < 2) {
            return;
        }
        java.util.Map<Long, RoundRef> read = new java.util.HashMap<>();
        jdbc.sql("SELECT id, project_id, org_path, status, kind, name FROM eval_round WHERE id IN (:ids)")
                .param("ids", ids)
                .query(ROUND)
                .list()
                .forEach(r -> read.put(r.id(), r));
        read.forEach((id, r) -> cn.sgz.shared.web.RequestMemo.get("eval-round:" + id, () -> r));
    }

    private RoundRef readRound(long roundId) {
        return jdbc.sql("SELECT id, project_id, org_path, status, kind, name FROM eval_round WHERE id = ?")
                .param(roundId)
                .query(ROUND)
                .optional()
                .orElseThrow(() -> new NotFoundException("评估"));
    }

    boolean member(long roundId) {
        long user = me().id();
        // once per GET request and user: a list of 整改 items asks it for every item (the evaluator's home page)
        return cn.sgz.shared.web.RequestMemo.get(
                "eval-member:" + roundId + ":" + user,
                () -> jdbc.sql("SELECT COUNT(*) FROM eval_round_member WHERE round_id = ? AND user_id = ?")
                                .params(roundId, user)
                                .query(Long.class)
                                .single()
                        > 0);
    }

    /** A round the user may see (404 otherwise). */
    RoundRef visibleRound(long roundId) {
        RoundRef r = findRound(roundId);
        Role role = me().role();
        if (role == Role.EVALUATOR) {
            if (!member(roundId)) {
                throw new NotFoundException("评估");
            }
            return r;
        }
        if (role == Role.ADMIN || role == Role.CITY_OFFICER || role == Role.BUREAU_OFFICER) {
            if (!scope().covers(r.orgPath()) && !member(roundId)) {
                throw new NotFoundException("评估");
            }
            return r;
        }
        // station side: the project must include a station they see
        if (projects.inScope(r.projectId()).visibleStationIds().isEmpty()) {
            throw new NotFoundException("评估");
        }
        return r;
    }

    /** Whether the user scores in this round: a manager in scope or a team member. */
    boolean canScore(RoundRef r) {
        Role role = me().role();
        if (role == Role.ADMIN) {
            return true;
        }
        if (role == Role.BUREAU_OFFICER) {
            return scope().covers(r.orgPath()) || member(r.id());
        }
        return role == Role.EVALUATOR && member(r.id());
    }

    /** A round the user may score in, still open (409 when closed). */
    RoundRef writableRound(long roundId) {
        RoundRef r = visibleRound(roundId);
        if (!canScore(r)) {
            throw new ForbiddenException("您不是该评估的评估小组成员，只能查看");
        }
        if (!r.open()) {
            throw new ConflictException(
                    "该评估已结束（" + ("DECIDED".equals(r.status()) ? "已作出验收结论" : "已关闭评分") + "），成绩已冻结，不能再修改");
        }
        return r;
    }

    /** A round the user manages (bureau in scope). */
    RoundRef managedRound(long roundId) {
        RoundRef r = visibleRound(roundId);
        if (!isManager() || !(me().role() == Role.ADMIN || scope().covers(r.orgPath()))) {
            throw new ForbiddenException("只有本区/县民政局可以管理该评估");
        }
        return r;
    }

    /** Stations of the round's project the user may see results of. */
    List<Long> visibleStations(RoundRef r) {
        ProjectInScope p = projects.inScope(r.projectId());
        return p.visibleStationIds();
    }

    /** The materialized path of an org unit ("/" when unknown). */
    String pathOf(long unitId) {
        return scopes.pathOf(unitId).orElse("/");
    }

    /** The name of an org unit, whatever the scope (ids reach here only after a scope check). */
    String unitName(long unitId) {
        return directory.unitNames(List.of(unitId)).getOrDefault(unitId, "—");
    }

    ProjectQueries projects() {
        return projects;
    }

    void requireStation(RoundRef r, long stationId) {
        if (!visibleStations(r).contains(stationId)) {
            throw new NotFoundException("社工站");
        }
    }
}
