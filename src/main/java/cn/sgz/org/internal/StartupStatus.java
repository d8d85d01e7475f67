package cn.sgz.org.internal;

import cn.sgz.shared.ChinaTime;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether the application is still loading its start-up data (built-in catalogs, and on a first demo start the demo
 * data, which takes a minute or two). The web server answers before that is done, so the login page uses this to
 * say why the demo accounts cannot log in yet; {@code /actuator/health/readiness} reports OUT_OF_SERVICE meanwhile
 * (Spring Boot accepts traffic only after every ApplicationRunner has finished).
 */
@Component
class StartupStatus {

    private final ApplicationAvailability availability;
    private volatile Instant startedAt = ChinaTime.now();

    StartupStatus(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @EventListener(ApplicationStartedEvent.class)
    void started() {
        startedAt = ChinaTime.now();
    }

    boolean loading() {
        return availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC;
    }

    long secondsLoading() {
        return Math.max(0, Duration.between(startedAt, ChinaTime.now()).toSeconds());
    }
}
