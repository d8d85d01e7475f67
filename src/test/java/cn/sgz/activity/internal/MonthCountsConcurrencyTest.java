package cn.sgz.activity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.SgzTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * service_record_month_count (V94) is only ever added to (UPDATE … SET n = n + ?), so writers counting into the same
 * (station, kind, month) group at the same time, each in its own transaction, lose nothing; and a count that would
 * fall below zero (the table out of step with the records) is counted afresh from the records, never stored negative
 * and never refusing the worker's write.
 */
@SgzTest
class MonthCountsConcurrencyTest {

    /** A month no demo or test record has. */
    static final LocalDate MONTH = LocalDate.of(1990, 1, 1);

    @Autowired
    RecordStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    long station() {
        return jdbc.sql("SELECT id FROM org_unit WHERE type = 'STATION' ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .query(Long.class)
                .single();
    }

    long n(RecordStore.CountKey k, String column) {
        return jdbc.sql("SELECT " + column + " FROM service_record_month_count WHERE station_id = ? AND kind = ? "
                        + "AND month_start = ? AND domain = ? AND project_id = ?")
                .params(k.station(), k.kind(), k.month(), k.domain(), k.project())
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    @AfterEach
    void removeTheGroup() {
        jdbc.sql("DELETE FROM service_record_month_count WHERE month_start = ?")
                .param(MONTH)
                .update();
    }

    @Test
    void twoTransactionsCountingIntoTheSameGroupAtOnceBothCount() throws Exception {
        RecordStore.CountKey plain = new RecordStore.CountKey(station(), 0, "OTHER", "OTHER", MONTH, false);
        RecordStore.CountKey entered = new RecordStore.CountKey(station(), 0, "OTHER", "OTHER", MONTH, true);
        int perThread = 60;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                boolean mark = t == 1;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        // each in its own transaction, the group's row created by whichever comes first
                        tx.executeWithoutResult(s -> store.recount(null, mark ? entered : plain));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(n(plain, "n")).isEqualTo(2L * perThread);
        assertThat(n(plain, "n_entered")).isEqualTo(perThread);

        // a record leaving the group, and one moving from unmarked to marked inside it
        tx.executeWithoutResult(s -> store.recount(plain, null));
        tx.executeWithoutResult(s -> store.recount(plain, entered));
        assertThat(n(plain, "n")).isEqualTo(2L * perThread - 1);
        assertThat(n(plain, "n_entered")).isEqualTo(perThread + 1);
    }

    @Test
    void aCountThatWouldFallBelowZeroIsCountedAfreshFromTheRecords() {
        RecordStore.CountKey k = new RecordStore.CountKey(station(), 0, "OTHER", "OTHER", MONTH, false);
        // no record of 1990 counts: taking one away is out of step; the group becomes what the records hold
        tx.executeWithoutResult(s -> store.recount(k, null));
        assertThat(n(k, "n")).isZero();
        assertThat(n(k, "n_entered")).isZero();
        // a row knocked out of step by hand (as a write bypassing the store would) is set right on the next change
        tx.executeWithoutResult(s -> store.recount(null, k));
        jdbc.sql(
                        "UPDATE service_record_month_count SET n = 0 WHERE station_id = ? AND month_start = ? AND kind = 'OTHER'")
                .params(station(), MONTH)
                .update();
        tx.executeWithoutResult(s -> store.recount(k, null));
        assertThat(n(k, "n")).isZero();
    }
}
