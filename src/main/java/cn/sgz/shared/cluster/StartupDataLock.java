package cn.sgz.shared.cluster;

import java.time.Duration;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Start-up work (re-qualifying records after a rule change, loading built-in catalogs and rubrics, demo data) runs
 * in {@code ApplicationRunner}s, between Spring Boot's "started" and "ready" events. Instances starting together
 * would run them side by side and could load the same catalog twice, so the runners run under one cluster lock:
 * taken when the context has started (before the first runner), released when the application is ready (after the
 * last), failed, or closed (a command such as the file migration that exits from a runner). A second instance waits, then finds the work done (every runner checks what is already there).
 * An instance that dies while loading leaves the lock until {@code sgz.cluster.startup-lock-max} lapses.
 */
@Component
class StartupDataLock {

    private static final Logger log = LoggerFactory.getLogger(StartupDataLock.class);
    static final String NAME = "startup-data";

    private final ClusterJobs jobs;
    private final Duration atMostFor;
    private volatile SimpleLock held;

    StartupDataLock(ClusterJobs jobs, @Value("${sgz.cluster.startup-lock-max:20m}") Duration atMostFor) {
        this.jobs = jobs;
        this.atMostFor = atMostFor;
    }

    @EventListener(ApplicationStartedEvent.class)
    void started() {
        held = jobs.awaitLock(NAME, atMostFor, Duration.ofSeconds(1));
        log.debug("本实例 {} 执行启动数据任务", jobs.instance());
    }

    @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class, ContextClosedEvent.class})
    void finished() {
        SimpleLock lock = held;
        held = null;
        if (lock != null) {
            try {
                lock.unlock();
            } catch (RuntimeException e) {
                log.warn("释放启动锁失败（将在 {} 后自动失效）：{}", atMostFor, e.toString());
            }
        }
    }
}
