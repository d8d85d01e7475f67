package cn.sgz.feedback.internal;

import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters in the database, shared by every app instance. {@link #check} only reads (a
 * rejected request writes nothing); {@link #hit} counts an accepted submission inside its transaction
 * and re-checks, so two instances racing on the last slot cannot both pass (the row update serialises them
 * and the loser's transaction rolls back).
 */
@Component
class RateLimiter {

    private final JdbcClient jdbc;

    RateLimiter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A limit: at most {@code max} per window of {@code seconds}, and what to tell the person. */
    record Limit(String name, long seconds, int max, String message) {}

    private static OffsetDateTime windowStart(long seconds) {
        long now = ChinaTime.now().getEpochSecond();
        return OffsetDateTime.ofInstant(
                Instant.ofEpochSecond(now - Math.floorMod(now, seconds)), ZoneOffset.ofHours(8));
    }

    private int current(String bucket, OffsetDateTime window) {
        return jdbc.sql("SELECT hits FROM feedback_rate_counter WHERE bucket = ? AND window_start = ?")
                .params(bucket, window)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    void check(Limit limit, String key) {
        String bucket = limit.name() + ":" + key;
        if (current(bucket, windowStart(limit.seconds())) >= limit.max()) {
            throw new BusinessException("RATE_LIMITED", limit.message());
        }
    }

    void hit(Limit limit, String key) {
        String bucket = limit.name() + ":" + key;
        OffsetDateTime window = windowStart(limit.seconds());
        if (FeedbackSecret.randomInt(50) == 0) {
            jdbc.sql("DELETE FROM feedback_rate_counter WHERE window_start < ?")
                    .param(ChinaTime.offsetNow().minusDays(3))
                    .update();
        }
        jdbc.sql(
                        "INSERT INTO feedback_rate_counter (bucket, window_start, hits) VALUES (?, ?, 0) ON CONFLICT DO NOTHING")
                .params(bucket, window)
                .update();
        jdbc.sql("UPDATE feedback_rate_counter SET hits = hits + 1 WHERE bucket = ? AND window_start = ?")
                .params(bucket, window)
                .update();
        if (current(bucket, window) > limit.max()) {
            throw new BusinessException("RATE_LIMITED", limit.message());
        }
    }
}
