package cn.sgz.audit.internal;

import cn.sgz.org.CurrentUser;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.web.TraceIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit events after the transaction that raised them has ended: committed work is recorded
 * with its own result, rolled-back work as FAILURE. Inserts only — there is no update or delete path.
 */
@Component
class AuditWriter {

    private final JdbcClient jdbc;
    private final ScopeService scopes;

    AuditWriter(JdbcClient jdbc, ScopeService scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void committed(AuditEvent event) {
        insert(event, event.result());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_ROLLBACK)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void rolledBack(AuditEvent event) {
        insert(event, "FAILURE");
    }

    private void insert(AuditEvent event, String result) {
        Optional<CurrentUser> user = scopes.findCurrentUser();
        String actor = event.actor() != null
                ? event.actor()
                : user.map(CurrentUser::username).orElse("anonymous");
        // Events that name their actor (logins) happen before anyone is signed in: look the actor up,
        // so that officers see them like every other event done by people in their area.
        String actorPath = user.filter(u -> u.username().equals(actor))
                .map(u -> u.orgUnitId() == null
                        ? null
                        : scopes.pathOf(u.orgUnitId()).orElse(null))
                .orElseGet(() -> event.actor() == null
                        ? null
                        : scopes.pathOfAccount(actor).orElse(null));
        HttpServletRequest request = currentRequest();
        jdbc.sql("INSERT INTO audit_event (occurred_at, actor, actor_org_path, action, target_type, target_id, "
                        + "target_org_path, result, detail, ip, trace_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
                .params(
                        ChinaTime.offsetNow(),
                        actor,
                        actorPath,
                        event.action(),
                        event.targetType(),
                        event.targetId(),
                        event.targetOrgPath(),
                        result,
                        cut(event.detail(), 500),
                        request == null ? null : request.getRemoteAddr(),
                        request == null ? null : TraceIdFilter.of(request))
                .update();
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
                ? attrs.getRequest()
                : null;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
