package cn.sgz.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.SgzTest;
import cn.sgz.evidence.TestImages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The posting lists of the duplicate index (migration V93): a key shared by more photos than a chunk holds
 * is split into bounded rows and stays findable; removal takes a photo out of its chunks; two uploads
 * appending to the same key at once both land.
 */
@SgzTest
class DuplicatePostingTest {

    @Autowired
    DuplicateIndex index;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager tm;

    private long placeholder(long full, long core) {
        long id = photoRow(full);
        index.add(id, new CopyPrints.Stored(full, core, null, null, null, 0, false));
        return id;
    }

    private long photoRow(long full) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        String key = "photos/test/" + java.util.UUID.randomUUID() + ".jpg";
        jdbc.sql("INSERT INTO evidence_photo (owner_type, owner_id, org_path, purpose, source, sha256, content_type, "
                        + "byte_size, width, height, file_key, phash, signature, fingerprint_version, uploaded_at) "
                        + "VALUES ('UNITTEST', 1, '/t/', 'SCENE', 'GALLERY', ?, 'image/jpeg', 1, 1, 1, ?, ?, ?, ?, ?)")
                .params(key, key, full, new byte[] {1}, CopyPrints.VERSION, cn.sgz.shared.ChinaTime.offsetNow())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Entries per chunk of the whole-picture key of band 0 of {@code hash}, by chunk. */
    private List<Integer> chunkSizes(long hash) {
        return jdbc.sql("SELECT CARDINALITY(photo_ids) FROM evidence_copy_posting WHERE band = 0 AND region = 0 "
                        + "AND band_value = ? ORDER BY chunk")
                .param(ImageHashes.Fingerprint.band(hash, 0))
                .query(Integer.class)
                .list();
    }

    private List<Long> idsOfKey(long hash, int band) {
        List<Long> out = new ArrayList<>();
        jdbc.sql("SELECT photo_ids FROM evidence_copy_posting WHERE band = ? AND region = 0 AND band_value = ?")
                .params(band, ImageHashes.Fingerprint.band(hash, band))
                .query(rs -> {
                    for (long id : DuplicateIndex.longs(rs.getArray(1))) {
                        out.add(id);
                    }
                });
        return out;
    }

    @Test
    void aKeyWithMorePhotosThanAChunkIsSplitIntoBoundedRowsAndEveryPhotoIsFoundThenRemoved() {
        CopyPrints.Prints q = CopyPrints.of(TestImages.read(TestImages.jpeg(TestImages.scene(931), 0.85f)));
        long hash = q.probes().stream()
                .filter(p -> p.region() == CopyPrints.FULL)
                .findFirst()
                .orElseThrow()
                .hash();
        java.util.Random r = new java.util.Random(931);
        int n = 2 * DuplicateIndex.CHUNK + 5;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(placeholder(hash, r.nextLong()));
        }
        List<Integer> sizes = chunkSizes(hash);
        assertThat(sizes).hasSizeGreaterThanOrEqualTo(3).allMatch(s -> s <= DuplicateIndex.CHUNK);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(n);
        for (int band = 0; band < 4; band++) {
            assertThat(idsOfKey(hash, band)).containsAll(ids);
        }
        assertThat(index.candidates(q).stream().map(DuplicateIndex.Candidate::photoId))
                .containsAll(ids);

        // one photo out of the middle chunk: gone from all its keys and from the lookup; the others stay
        long gone = ids.get(DuplicateIndex.CHUNK + 3);
        index.remove(gone);
        for (int band = 0; band < 4; band++) {
            assertThat(idsOfKey(hash, band)).doesNotContain(gone);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_copy_hash WHERE photo_id = ?")
                        .param(gone)
                        .query(Long.class)
                        .single())
                .isZero();
        List<Long> found = index.candidates(q).stream()
                .map(DuplicateIndex.Candidate::photoId)
                .toList();
        assertThat(found).doesNotContain(gone);
        assertThat(found).containsAll(ids.stream().filter(id -> id != gone).toList());

        // the last chunk emptied (it holds only photos of this test: the key may have had others before them,
        // in its earlier chunks): its row is deleted, not left empty
        int before = chunkSizes(hash).size();
        List<Long> last = new ArrayList<>();
        jdbc.sql("SELECT photo_ids FROM evidence_copy_posting WHERE band = 0 AND region = 0 AND band_value = ? "
                        + "ORDER BY chunk DESC")
                .param(ImageHashes.Fingerprint.band(hash, 0))
                .query(rs -> {
                    if (last.isEmpty()) {
                        for (long id : DuplicateIndex.longs(rs.getArray(1))) {
                            last.add(id);
                        }
                    }
                });
        assertThat(ids).containsAll(last);
        for (long id : last) {
            index.remove(id);
        }
        assertThat(chunkSizes(hash)).hasSize(before - 1).allMatch(s -> s > 0);
        // a new photo goes into the last chunk while it has room, else starts a new one
        long again = placeholder(hash, r.nextLong());
        assertThat(idsOfKey(hash, 0)).contains(again);
        assertThat(chunkSizes(hash)).allMatch(s -> s <= DuplicateIndex.CHUNK);
        for (long id : ids) {
            index.remove(id);
        }
        index.remove(again);
        assertThat(idsOfKey(hash, 0)).doesNotContainAnyElementsOf(ids);
    }

    /**
     * Two uploads appending to the same keys, each in its own transaction, at once: the first holds its
     * transaction open after appending, the second appends meanwhile (and must wait for the row), then both
     * commit. Both land, once each, and no chunk exceeds the bound. Run once on an empty key (both insert
     * the key's first row) and once on a key one entry short of a full chunk (one takes the last place, the
     * other must start the next chunk).
     */
    @Test
    void twoUploadsAppendingToTheSameKeyAtOnceBothLand() throws Exception {
        java.util.Random r = new java.util.Random(932);
        for (int prefill : new int[] {0, DuplicateIndex.CHUNK - 1}) {
            long hash = r.nextLong();
            while (!chunkSizes(hash).isEmpty()) {
                hash = r.nextLong();
            }
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < prefill; i++) {
                ids.add(placeholder(hash, r.nextLong()));
            }
            long a = photoRow(hash);
            long b = photoRow(hash);
            long coreA = r.nextLong();
            long coreB = r.nextLong();
            TransactionTemplate tx = new TransactionTemplate(tm);
            CountDownLatch aAppended = new CountDownLatch(1);
            CountDownLatch bStarted = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                final long h = hash;
                Future<?> fa = pool.submit(() -> tx.executeWithoutResult(s -> {
                    index.add(a, new CopyPrints.Stored(h, coreA, null, null, null, 0, false));
                    aAppended.countDown();
                    try {
                        // keep the rows locked while the other upload appends
                        bStarted.await(10, TimeUnit.SECONDS);
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                Future<?> fb = pool.submit(() -> {
                    try {
                        aAppended.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    bStarted.countDown();
                    tx.executeWithoutResult(
                            s -> index.add(b, new CopyPrints.Stored(h, coreB, null, null, null, 0, false)));
                });
                fa.get(60, TimeUnit.SECONDS);
                fb.get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            for (int band = 0; band < 4; band++) {
                List<Long> onKey = idsOfKey(hash, band);
                assertThat(onKey).as("band %d", band).containsAll(ids).contains(a, b);
                assertThat(onKey.stream().filter(x -> x == a || x == b)).hasSize(2);
            }
            assertThat(chunkSizes(hash)).allMatch(s -> s <= DuplicateIndex.CHUNK);
            assertThat(chunkSizes(hash).stream().mapToInt(Integer::intValue).sum())
                    .isGreaterThanOrEqualTo(prefill + 2);
            if (prefill == DuplicateIndex.CHUNK - 1) {
                assertThat(chunkSizes(hash)).hasSizeGreaterThanOrEqualTo(2);
            }
        }
    }
}
