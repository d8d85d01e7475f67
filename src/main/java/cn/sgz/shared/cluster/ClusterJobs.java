package cn.sgz.shared.cluster;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs background work once across all instances of the application on one database. Each job has a lock row
 * in {@code shedlock} (ShedLock's JDBC provider, using the database's clock so instances need not agree on time):
 * an instance runs the job only when it takes the row, and releases it when done. An instance that dies mid-job
 * leaves the row locked until {@code atMostFor} lapses; then the next scheduled run, on whichever instance, takes
 * it and runs the job again — so every job run this way must be safe to run again from the start (a conditional
 * UPDATE, a claim row, an "already loaded?" check).
 */
@Component
public class ClusterJobs {

    private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

    private final LockProvider locks;
    private final String instance;

    public ClusterJobs(DataSource dataSource) {
        this.instance = instanceName();
        this.locks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .withLockedByValue(instance)
                .usingDbTime()
                .build());
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "host";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This instance's name in lock rows. */
    public String instance() {
        return instance;
    }

    /**
     * Runs the job here if no other instance holds it; returns whether it ran. {@code atMostFor} must exceed the
     * job's longest run: past it, another instance may take the job (as it does when this instance died).
     */
    public boolean runOnce(String name, Duration atMostFor, Runnable job) {
        Optional<SimpleLock> lock = tryLock(name, atMostFor);
        if (lock.isEmpty()) {
            log.debug("任务 {} 正由其他实例运行，本实例跳过", name);
            return false;
        }
        try {
            job.run();
            return true;
        } finally {
            lock.get().unlock();
        }
    }

    /** Takes the job's lock if free (for work that releases it later); empty when another instance holds it. */
    public Optional<SimpleLock> tryLock(String name, Duration atMostFor) {
        return locks.lock(new LockConfiguration(ClockProvider.now(), name, atMostFor, Duration.ZERO));
    }

    /**
     * Waits (polling every {@code poll}) until the job's lock is free or lapsed, then takes it. For start-up work
     * that every instance needs done before it serves: the second instance waits for the first to finish.
     */
    public SimpleLock awaitLock(String name, Duration atMostFor, Duration poll) {
        boolean said = false;
        while (true) {
            Optional<SimpleLock> lock = tryLock(name, atMostFor);
            if (lock.isPresent()) {
                return lock.get();
            }
            if (!said) {
                log.info("另一个实例正在执行 {}，本实例等待其完成（最长 {}）", name, atMostFor);
                said = true;
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("等待集群锁 " + name + " 时被中断", e);
            }
        }
    }
}
