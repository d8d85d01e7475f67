package cn.sgz.shared.web;

import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.ChinaTime;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Writes an ACCESS_DENIED audit line when a signed-in user is refused (403) or asks for a record that
 * is unknown or outside their scope (404: the two are the same answer on purpose). Rate-limited per
 * user: at most {@code sgz.audit.denials-per-window} lines per {@code sgz.audit.denial-window}; the
 * rest of a window is summed up in one line when the user's next window begins, so a probe of
 * thousands of ids leaves a trace without flooding the trail.
 */
@Component
public class DenialAudit {

    private static final int MAX_TRACKED = 50_000;

    private final ApplicationEventPublisher events;
    private final int perWindow;
    private final Duration window;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    DenialAudit(
            ApplicationEventPublisher events,
            @Value("${sgz.audit.denials-per-window:20}") int perWindow,
            @Value("${sgz.audit.denial-window:10m}") Duration window) {
        this.events = events;
        this.perWindow = perWindow;
        this.window = window;
    }

    private record Window(Instant start, int count) {}

    /** Records a refusal of the current request, if someone is signed in. */
    public void denied(HttpServletRequest request, int status) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return;
        }
        String user = auth.getName();
        Instant now = ChinaTime.now();
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> w.start().plus(window).isBefore(now));
        }
        AtomicReference<Window> closed = new AtomicReference<>();
        Window current = windows.compute(user, (k, w) -> {
            if (w == null || w.start().plus(window).isBefore(now)) {
                closed.set(w);
                return new Window(now, 1);
            }
            return new Window(w.start(), w.count() + 1);
        });
        Window previous = closed.get();
        if (previous != null && previous.count() > perWindow) {
            events.publishEvent(new AuditEvent(
                    null,
                    "ACCESS_DENIED",
                    null,
                    null,
                    null,
                    "DENIED",
                    "另有 " + (previous.count() - perWindow) + " 次被拒绝的访问未逐条记录（" + window.toMinutes() + " 分钟内超过 "
                            + perWindow + " 次）"));
        }
        if (current.count() <= perWindow) {
            String uri = request.getRequestURI();
            events.publishEvent(new AuditEvent(
                    null,
                    "ACCESS_DENIED",
                    null,
                    null,
                    null,
                    "DENIED",
                    status + " " + request.getMethod() + " " + (uri.length() > 300 ? uri.substring(0, 300) : uri)
                            + (current.count() == perWindow ? "（本时段之后的拒绝将汇总记录）" : "")));
        }
    }
}
