package cn.sgz.evidence.internal;

import cn.sgz.evidence.internal.CopyPrints.Prints;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves photos fingerprinted by an earlier detector version into the current one: each photo with
 * {@code 1 <= fingerprint_version < CopyPrints.VERSION} (version 1: migration V85 dropped its index;
 * version 2: its prints were not turned to the canonical orientation of version 3; version 3: its signature
 * lacks the 64×64 grid and aspect ratio that version 4's confirmation aligns on) is fingerprinted
 * again from its original file, its hashes and thumbnail are replaced and its two index rows rewritten,
 * in one transaction per photo. Several instances may run it at once: a photo is claimed by the conditional update of its
 * version, so it is done once. Removed photos only get the new thumbnail (they are not in the index);
 * a photo whose file cannot be read is marked {@code -1} and logged, not retried forever.
 */
@Component
public class CopyPrintBackfill {

    private static final Logger log = LoggerFactory.getLogger(CopyPrintBackfill.class);

    private final JdbcClient jdbc;
    private final PhotoService photos;
    private final DuplicateIndex index;
    private final TransactionTemplate tx;

    CopyPrintBackfill(JdbcClient jdbc, PhotoService photos, DuplicateIndex index, PlatformTransactionManager tm) {
        this.jdbc = jdbc;
        this.photos = photos;
        this.index = index;
        this.tx = new TransactionTemplate(tm);
    }

    @Scheduled(
            initialDelayString = "${sgz.evidence.backfill-initial-delay:20s}",
            fixedDelayString = "${sgz.evidence.backfill-interval:1m}")
    void scheduled() {
        int done;
        do {
            done = runBatch(200);
        } while (done > 0);
    }

    /** Re-fingerprints up to {@code max} old photos; returns how many this call moved. */
    public int runBatch(int max) {
        List<Long> ids = jdbc.sql(
                        "SELECT id FROM evidence_photo WHERE fingerprint_version >= 1 AND fingerprint_version < ? "
                                + "ORDER BY id FETCH FIRST " + max + " ROWS ONLY")
                .param(CopyPrints.VERSION)
                .query(Long.class)
                .list();
        int moved = 0;
        for (long id : ids) {
            Optional<Prints> prints = photos.printsOf(id);
            Boolean ok = tx.execute(s -> {
                if (prints.isEmpty()) {
                    jdbc.sql("UPDATE evidence_photo SET fingerprint_version = -1 WHERE id = ? "
                                    + "AND fingerprint_version >= 1 AND fingerprint_version < ?")
                            .params(id, CopyPrints.VERSION)
                            .update();
                    return false;
                }
                CopyPrints.Stored st = prints.get().stored();
                int claimed = jdbc.sql("UPDATE evidence_photo SET fingerprint_version = ?, phash = ?, signature = ? "
                                + "WHERE id = ? AND fingerprint_version >= 1 AND fingerprint_version < ?")
                        .params(CopyPrints.VERSION, st.full(), st.bytes(), id, CopyPrints.VERSION)
                        .update();
                if (claimed == 0) {
                    return false;
                }
                boolean removed = jdbc.sql("SELECT removed_at IS NOT NULL FROM evidence_photo WHERE id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single();
                // a version-2 photo still has its old rows: replaced, not added twice
                index.remove(id);
                if (!removed) {
                    index.add(id, st);
                }
                return true;
            });
            if (Boolean.TRUE.equals(ok)) {
                moved++;
            }
        }
        if (moved > 0) {
            log.info("重复照片检测：{} 张旧照片已按新指纹（版本 {}）重新入库", moved, CopyPrints.VERSION);
        }
        return moved;
    }
}
