package cn.sgz.org.internal;

import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.ChinaTime;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts login attempts on the account row (so every app instance sees the same count), atomically
 * and before the password is checked, and locks the account for a while after too many failures. Also writes login successes and failures to the audit trail.
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

    enum Reservation {
        RESERVED,
        LOCKED,
        NO_SUCH_ACCOUNT
    }

    /**
     * Takes one login attempt of the account before its password is checked, in one atomic UPDATE:
     * attempts in flight count against the limit, so parallel guesses cannot overrun it. LOCKED when
     * the account is locked or its attempts are used up; an unknown name gets no row and goes on to
     * the (equally slow) password check, so it looks like any other failure.
     */
    Reservation reserve(String username) {
        OffsetDateTime now = ChinaTime.offsetNow();
        int taken = jdbc.sql("UPDATE app_user SET failed_attempts = failed_attempts + 1 WHERE username = ? "
                        + "AND failed_attempts < ? AND (locked_until IS NULL OR locked_until <= ?)")
                .param(username)
                .param(MAX_FAILURES)
                .param(now)
                .update();
        if (taken > 0) {
            return Reservation.RESERVED;
        }
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?")
                        .param(username)
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            return Reservation.NO_SUCH_ACCOUNT;
        }
        // attempts used up without a lock yet (all still in flight, or a lock that has run out): lock now
        jdbc.sql(
                        "UPDATE app_user SET locked_until = ?, failed_attempts = 0 WHERE username = ? AND failed_attempts >= ? "
                                + "AND (locked_until IS NULL OR locked_until <= ?)")
                .param(now.plus(LOCK_TIME))
                .param(username)
                .param(MAX_FAILURES)
                .param(now)
                .update();
        return Reservation.LOCKED;
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        if (event.getAuthentication()
                        instanceof org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                && event.getException()
                        instanceof org.springframework.security.authentication.BadCredentialsException) {
            // the attempt was already counted by reserve(); lock once the limit is reached
            jdbc.sql(
                            "UPDATE app_user SET locked_until = ?, failed_attempts = 0 WHERE username = ? AND failed_attempts >= ?")
                    .param(ChinaTime.offsetNow().plus(LOCK_TIME))
                    .param(username)
                    .param(MAX_FAILURES)
                    .update();
        }
        events.publishEvent(new AuditEvent(
                truncate(username),
                "LOGIN",
                "USER",
                null,
                orgPathOf(username),
                "FAILURE",
                event.getException().getClass().getSimpleName()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SgzPrincipal p
                && !(event.getAuthentication() instanceof BearerTokenFilter.TokenAuthentication)) {
            jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE id = ?")
                    .param(p.currentUser().id())
                    .update();
            events.publishEvent(new AuditEvent(
                    p.getUsername(),
                    "LOGIN",
                    "USER",
                    String.valueOf(p.currentUser().id()),
                    orgPathOf(p.getUsername()),
                    "SUCCESS",
                    null));
        }
    }

    /** The account's org unit path, so officers see logins of people in their area. */
    private String orgPathOf(String username) {
        return jdbc.sql("SELECT o.path FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.username = ?")
                .param(username)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static String truncate(String s) {
        return s.length() > 50 ? s.substring(0, 50) : s;
    }
}
