package cn.sgz.reporting.internal;

import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.cluster.ClusterJobs;
import java.net.InetAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Runs archive jobs on whichever instance gets them. A job is taken by one conditional UPDATE
 * ({@link ArchiveStore#claim}), so instances racing for it never both build it; the holder beats while
 * it writes. Every {@code sgz.archive.sweep-interval} each instance looks for jobs nobody started (their
 * instance stopped before running them) and jobs whose holder stopped beating for
 * {@code sgz.archive.lease} (its instance died), and claims and rebuilds them from the start, at most
 * {@code sgz.archive.max-attempts} times in all. A job always runs as the user who asked for it, so the
 * archive holds what they may see, whichever instance builds it. The sweep itself runs under the cluster lock
 * {@code archive-sweep} ({@link ClusterJobs}), so one instance sweeps per interval.
 */
@Component
public class ArchiveRunner {

    private static final Logger log = LoggerFactory.getLogger(ArchiveRunner.class);

    private final ArchiveStore store;
    private final ArchiveBuilder builder;
    private final TaskExecutor executor;
    private final UserDetailsService users;
    private final Duration lease;
    private final int maxAttempts;
    private final String instance;
    private final ClusterJobs cluster;

    ArchiveRunner(
            ArchiveStore store,
            ArchiveBuilder builder,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            UserDetailsService users,
            ClusterJobs cluster,
            @Value("${sgz.archive.lease:5m}") Duration lease,
            @Value("${sgz.archive.max-attempts:3}") int maxAttempts) {
        this.store = store;
        this.builder = builder;
        this.executor = executor;
        this.users = users;
        this.cluster = cluster;
        this.lease = lease;
        this.maxAttempts = maxAttempts;
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "host";
        }
        this.instance = host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This instance's name in claim rows. */
    public String instance() {
        return instance;
    }

    /** Starts a job in the background on this instance (after the request's transaction committed). */
    public void start(long jobId) {
        executor.execute(() -> run(jobId));
    }

    /** Claims and builds a job here and now; false when another instance holds it (or it is finished). */
    public boolean run(long jobId) {
        OffsetDateTime staleBefore = ChinaTime.offsetNow().minus(lease);
        if (!store.claim(jobId, instance, staleBefore, maxAttempts)) {
            return false;
        }
        String requester = store.find(jobId).orElseThrow().view().requestedBy();
        UserDetails user;
        try {
            user = users.loadUserByUsername(requester);
        } catch (RuntimeException e) {
            store.failed(jobId, instance, "申请人账号 " + requester + " 已不存在，资料包未生成");
            return true;
        }
        if (!user.isEnabled() || !user.isAccountNonLocked()) {
            store.failed(jobId, instance, "申请人账号 " + requester + " 已停用，资料包未生成");
            return true;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            builder.build(jobId, instance);
        } finally {
            SecurityContextHolder.clearContext();
        }
        return true;
    }

    @Scheduled(
            initialDelayString = "${sgz.archive.sweep-initial-delay:1m}",
            fixedDelayString = "${sgz.archive.sweep-interval:1m}")
    void scheduled() {
        // one instance sweeps at a time (the claims alone already keep a job from being built twice)
        cluster.runOnce("archive-sweep", lease, this::resumeStale);
    }

    /**
     * Takes over jobs left behind by stopped instances (queued for over a minute, or running without a
     * beat for the lease); fails those out of attempts. Returns how many this instance rebuilt.
     */
    public int resumeStale() {
        OffsetDateTime now = ChinaTime.offsetNow();
        OffsetDateTime staleBefore = now.minus(lease);
        int gaveUp = store.giveUp(staleBefore, maxAttempts);
        if (gaveUp > 0) {
            log.warn("{} 个资料包任务多次中断，已标记失败", gaveUp);
        }
        int resumed = 0;
        for (long id : store.stale(now.minusMinutes(1), staleBefore, 5)) {
            if (run(id)) {
                log.info("资料包 {} 由本实例 {} 接手重新生成", id, instance);
                resumed++;
            }
        }
        return resumed;
    }
}
