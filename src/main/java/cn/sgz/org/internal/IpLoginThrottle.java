package cn.sgz.org.internal;

import cn.sgz.shared.ChinaTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Per-address backoff for form login: after {@code sgz.security.login.max-failures-per-ip} failed
 * logins from one address within {@code sgz.security.login.ip-window}, further attempts from it are
 * refused until the window has passed. Counted in memory per instance (the per-account limit, kept
 * in the database, is the one that holds across instances).
 */
@Component
class IpLoginThrottle {

    private static final int MAX_TRACKED = 50_000;

    private final int maxFailures;
    private final Duration window;
    private final ConcurrentHashMap<String, Window> failures = new ConcurrentHashMap<>();

    IpLoginThrottle(
            @Value("${sgz.security.login.max-failures-per-ip:100}") int maxFailures,
            @Value("${sgz.security.login.ip-window:15m}") Duration window) {
        this.maxFailures = maxFailures;
        this.window = window;
    }

    private record Window(Instant start, int count) {}

    boolean allowed(String ip) {
        if (ip == null) {
            return true;
        }
        Window w = failures.get(ip);
        return w == null || expired(w, ChinaTime.now()) || w.count() < maxFailures;
    }

    void failed(String ip) {
        if (ip == null) {
            return;
        }
        Instant now = ChinaTime.now();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(w -> expired(w, now));
        }
        failures.compute(
                ip, (k, w) -> w == null || expired(w, now) ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
    }

    private boolean expired(Window w, Instant now) {
        return w.start().plus(window).isBefore(now);
    }
}
