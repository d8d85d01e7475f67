package cn.sgz.audit;

import cn.sgz.audit.internal.AuditLabels;
import cn.sgz.org.Role;
import cn.sgz.org.Scope;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ForbiddenException;
import java.time.LocalDate;
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
    private final AuditLabels labels;

    AuditQueryService(JdbcClient jdbc, ScopeService scopes, AuditLabels labels) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.labels = labels;
    }

    public List<AuditEntry> recent(String action, String actor, int page, int size) {
        return recent(action, actor, null, null, page, size);
    }

    /** Newest first; {@code from} and {@code to} are China dates, both inclusive, either may be null. */
    public List<AuditEntry> recent(String action, String actor, LocalDate from, LocalDate to, int page, int size) {
        if (from != null && to != null && from.isAfter(to)) {
            throw BusinessException.field("from", "开始日期不能晚于结束日期");
        }
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
        if (from != null) {
            sql.append(" AND occurred_at >= ?");
            params.add(from.atStartOfDay(ChinaTime.ZONE).toOffsetDateTime());
        }
        if (to != null) {
            sql.append(" AND occurred_at < ?");
            params.add(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toOffsetDateTime());
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
                        rs.getString(10),
                        labels.action(rs.getString(4)),
                        labels.targetType(rs.getString(5)),
                        labels.result(rs.getString(7))))
                .list();
    }
}
