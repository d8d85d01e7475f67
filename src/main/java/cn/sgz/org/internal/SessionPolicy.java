package cn.sgz.org.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The idle timeout of signed-in sessions ({@code sgz.security.session-idle-timeout}, default 30 min,
 * the level-3 requirement) as the pages need it: layout.html puts it in a meta tag for js/session.js,
 * which warns before the session runs out and keeps it alive while someone is typing, so a form being
 * filled in is never lost. GET /session/keepalive is the no-op request that refreshes the session.
 */
@Controller("sessionPolicy")
public class SessionPolicy {

    private final Duration idle;

    SessionPolicy(@Value("${spring.session.timeout:30m}") Duration idle) {
        this.idle = idle;
    }

    public long idleSeconds() {
        return idle.toSeconds();
    }

    @GetMapping("/session/keepalive")
    ResponseEntity<Void> keepalive() {
        return ResponseEntity.noContent().build();
    }
}
