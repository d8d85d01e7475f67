package cn.sgz.audit;

import cn.sgz.org.Role;
import cn.sgz.org.Scope;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.ForbiddenException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Browsing the trail: officers see events on records in their scope or done by people in it. */
@Service
public class AuditQueryService {

    private final JdbcClient jdbc;
    private final ScopeService scopes;

    AuditQueryService(JdbcClient jdbc, ScopeService scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    public List<AuditEntry> recent(String action, String actor, int page, int size) {
        Scope scope = scopes.current();
        if (!scope.role().browsesAudit()) {
            throw new ForbiddenException("当前角色无权查看审计日志");
        }
        StringBuilder sql = new StringBuilder("SELECT id, occurred_at, actor, action, target_type, target_id, result, "
                + "detail, ip, trace_id FROM audit_event WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (scope.role() != Role.ADMIN) {
            sql.append(" AND (")
                    .append(scope.sqlCondition("target_org_path"))
                    .append(" OR ")
                    .append(scope.sqlCondition("actor_org_path"));
            if (scope.role() == Role.CITY_OFFICER) {
                // failed logins under names that match no account belong to no area: the city office
                // (like the administrator) sees them, so password spraying does not go unnoticed
                sql.append(" OR (action = 'LOGIN' AND actor_org_path IS NULL AND target_org_path IS NULL)");
            }
            sql.append(")");
            params.addAll(scope.likePatterns());
            params.addAll(scope.likePatterns());
        }
        if (action != null && !action.isBlank()) {
            sql.append(" AND action = ?");
            params.add(action.strip());
        }
        if (actor != null && !actor.isBlank()) {
            sql.append(" AND actor = ?");
            params.add(actor.strip());
        }
        sql.append(" ORDER BY id DESC LIMIT ? OFFSET ?");
        int limit = Math.min(Math.max(size, 1), 200);
        params.add(limit);
        params.add(Math.max(page, 0) * limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, i) -> new AuditEntry(
                        rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10)))
                .list();
    }
}
