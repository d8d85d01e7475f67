package cn.sgz.org.internal;

import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.AuditEvent;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins on the account row (so every app instance sees the same count) and locks
 * the account for a while after too many. Also writes login successes and failures to the audit trail.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK_TIME = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    LoginThrottle(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        if (event.getAuthentication() instanceof org.springframework.security.authentication.UsernamePasswordAuthenticationToken) {
            jdbc.sql("UPDATE app_user SET failed_attempts = failed_attempts + 1 WHERE username = ?")
                    .param(username).update();
            jdbc.sql("UPDATE app_user SET locked_until = ?, failed_attempts = 0 WHERE username = ? AND failed_attempts >= ?")
                    .param(ChinaTime.offsetNow().plus(LOCK_TIME)).param(username).param(MAX_FAILURES).update();
        }
        events.publishEvent(new AuditEvent(truncate(username), "LOGIN", "USER", null, orgPathOf(username), "FAILURE",
                event.getException().getClass().getSimpleName()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SgzPrincipal p
                && !(event.getAuthentication() instanceof BearerTokenFilter.TokenAuthentication)) {
            jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE id = ?")
                    .param(p.currentUser().id()).update();
            events.publishEvent(new AuditEvent(p.getUsername(), "LOGIN", "USER", String.valueOf(p.currentUser().id()),
                    orgPathOf(p.getUsername()), "SUCCESS", null));
        }
    }

    /** The account's org unit path, so officers see logins of people in their area. */
    private String orgPathOf(String username) {
        return jdbc.sql("SELECT o.path FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.username = ?")
                .param(username).query(String.class).optional().orElse(null);
    }

    private static String truncate(String s) {
        return s.length() > 50 ? s.substring(0, 50) : s;
    }
}
