package cn.sgz.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.SgzTest;
import cn.sgz.evidence.FileStore;
import cn.sgz.evidence.TestImages;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The database-backed duplicate index (detector version 2) and the backfill of photos stored before it. */
@SgzTest
class DuplicateIndexTest {

    @Autowired
    DuplicateIndex index;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FileStore files;

    @Autowired
    CopyPrintBackfill backfill;

    private static CopyPrints.Prints prints(BufferedImage img) {
        return CopyPrints.of(TestImages.read(TestImages.jpeg(img, 0.85f)));
    }

    /** A photo row as the upload writes it (owner UNITTEST), with its file in the file store. */
    private long store(BufferedImage img, int version, boolean indexed) throws Exception {
        byte[] jpeg = TestImages.jpeg(img, 0.92f);
        String key = "photos/test/" + java.util.UUID.randomUUID() + ".jpg";
        files.put(key, jpeg);
        CopyPrints.Prints p = prints(img);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO evidence_photo (owner_type, owner_id, org_path, purpose, source, sha256, content_type, "
                        + "byte_size, width, height, file_key, phash, signature, fingerprint_version, uploaded_at) "
                        + "VALUES ('UNITTEST', 1, '/t/', 'SCENE', 'GALLERY', ?, 'image/jpeg', ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        key,
                        jpeg.length,
                        img.getWidth(),
                        img.getHeight(),
                        key,
                        p.stored().full(),
                        p.stored().bytes(),
                        version,
                        cn.sgz.shared.ChinaTime.offsetNow())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (indexed) {
            index.add(id, p.stored());
        }
        return id;
    }

    @Test
    void aTurnedCroppedChatCopyIsFoundAndConfirmedAndAnotherPhotoIsNot() throws Exception {
        BufferedImage o = TestImages.read(TestImages.jpeg(TestImages.scene(901), 0.92f));
        long id = store(o, 2, true);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_copy_hash WHERE photo_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);

        BufferedImage copy = CopyPrintsTest.turn(TestImages.resize(TestImages.crop(o, 0.08, 0, 0, 0.04), 0.9), 1);
        CopyPrints.Prints q = prints(copy);
        assertThat(index.candidates(q)).anyMatch(c -> c.photoId() == id);
        assertThat(index.findMatch(q, Set.of()))
                .hasValueSatisfying(m -> assertThat(m.photoId()).isEqualTo(id));

        CopyPrints.Prints other = prints(TestImages.scene(902));
        assertThat(index.findMatch(other, Set.of()).map(DuplicateIndex.Match::photoId))
                .isNotEqualTo(java.util.Optional.of(id));

        index.remove(id);
        assertThat(index.candidates(q)).noneMatch(c -> c.photoId() == id);
    }

    /** A photo row without a file (its fingerprints are set by the test), indexed under the given hashes. */
    private long placeholder(long full, long core) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        String key = "photos/test/" + java.util.UUID.randomUUID() + ".jpg";
        jdbc.sql("INSERT INTO evidence_photo (owner_type, owner_id, org_path, purpose, source, sha256, content_type, "
                        + "byte_size, width, height, file_key, phash, signature, fingerprint_version, uploaded_at) "
                        + "VALUES ('UNITTEST', 1, '/t/', 'SCENE', 'GALLERY', ?, 'image/jpeg', 1, 1, 1, ?, ?, ?, ?, ?)")
                .params(key, key, full, new byte[] {1}, CopyPrints.VERSION, cn.sgz.shared.ChinaTime.offsetNow())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        index.add(id, new CopyPrints.Stored(full, core, null, null, null, 0, false));
        return id;
    }

    /**
     * The lookup statement finds exactly what the band keys promise: a stored row is a candidate for a
     * probe when one of the probe's band keys (its bands, and each band with one of its two weakest bits
     * flipped) equals that band of the row, in the probe's region, within the Hamming limit; per photo and
     * orientation the nearest probe (the first of equally near ones). Checked against that definition in
     * Java on rows placed around the query's probes: some equal, some off in the weak bits only (found only
     * through the flipped keys), some off in random bits (found or not).
     */
    @Test
    void theLookupFindsExactlyTheRowsABandKeyOfAProbeMeetsWithinTheHammingLimit() {
        CopyPrints.Prints q = prints(TestImages.crop(TestImages.scene(906), 0.05, 0.02, 0, 0.03));
        List<CopyPrints.Probe> probes = q.probes();
        List<CopyPrints.Probe> full =
                probes.stream().filter(p -> p.region() == CopyPrints.FULL).toList();
        List<CopyPrints.Probe> core =
                probes.stream().filter(p -> p.region() == CopyPrints.CORE).toList();
        java.util.Random r = new java.util.Random(906);
        Map<Long, long[]> rows = new java.util.LinkedHashMap<>();
        for (int n = 0; n < 120; n++) {
            long[] h = {near(full.get(r.nextInt(full.size())), n, r), near(core.get(r.nextInt(core.size())), n + 1, r)};
            rows.put(placeholder(h[0], h[1]), h);
        }
        Map<String, DuplicateIndex.Candidate> expected = new java.util.HashMap<>();
        rows.forEach((id, h) -> {
            for (int i = 0; i < probes.size(); i++) {
                CopyPrints.Probe p = probes.get(i);
                long stored = h[p.region()];
                int d = ImageHashes.distance(stored, p.hash());
                boolean keyMeets = DuplicateIndex.bandKeys(p, 2).stream()
                        .anyMatch(k -> ImageHashes.Fingerprint.band(stored, k[0]) == k[1]);
                if (keyMeets && d <= 12) {
                    DuplicateIndex.Candidate c = new DuplicateIndex.Candidate(id, p.region(), p.variant(), d, i);
                    expected.merge(id + ":" + p.variant(), c, (a, b) -> a.distance() <= b.distance() ? a : b);
                }
            }
        });
        List<DuplicateIndex.Candidate> found = index.candidates(q).stream()
                .filter(c -> rows.containsKey(c.photoId()))
                .toList();
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected.values());
        // the rows cover all cases: found directly, found only through a flipped weak bit, and not found
        assertThat(expected.values()).anyMatch(c -> c.distance() == 0);
        assertThat(expected.values()).anyMatch(c -> c.distance() > 0);
        assertThat(rows.keySet()).anyMatch(id -> expected.values().stream().noneMatch(c -> c.photoId() == id));
        assertThat(expected.values())
                .anyMatch(c -> java.util.stream.IntStream.range(0, 4)
                        .allMatch(b -> ImageHashes.Fingerprint.band(rows.get(c.photoId())[c.region()], b)
                                != ImageHashes.Fingerprint.band(
                                        probes.get(c.probe()).hash(), b)));
    }

    /**
     * A hash near a probe's: the same (every 6th), each band's weakest bit flipped (every 6th, found only
     * through the flipped keys), or 1 to 16 random bits flipped.
     */
    private static long near(CopyPrints.Probe p, int n, java.util.Random r) {
        long h = p.hash();
        if (n % 6 == 0) {
            return h;
        }
        if (n % 6 == 3) {
            for (int b = 0; b < 4; b++) {
                int weakest = b * 16;
                for (int i = b * 16; i < b * 16 + 16; i++) {
                    if (p.reliability()[i] < p.reliability()[weakest]) {
                        weakest = i;
                    }
                }
                h ^= 1L << weakest;
            }
            return h;
        }
        for (int f = 1 + r.nextInt(16); f > 0; f--) {
            h ^= 1L << r.nextInt(64);
        }
        return h;
    }

    @Test
    void photosStoredBeforeVersionTwoAreFingerprintedAgainFromTheirFiles() throws Exception {
        BufferedImage o = TestImages.read(TestImages.jpeg(TestImages.scene(903), 0.92f));
        long id = store(o, 1, false);
        jdbc.sql("UPDATE evidence_photo SET phash = 0, signature = ? WHERE id = ?")
                .params(new byte[] {1}, id)
                .update();
        CopyPrints.Prints screenshot = prints(CopyPrintsTest.screenshot(o, java.awt.Color.BLACK));
        assertThat(index.candidates(screenshot)).noneMatch(c -> c.photoId() == id);

        assertThat(backfill.runBatch(1000)).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT fingerprint_version FROM evidence_photo WHERE id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(CopyPrints.VERSION);
        assertThat(index.findMatch(screenshot, Set.of()))
                .hasValueSatisfying(m -> assertThat(m.photoId()).isEqualTo(id));
        // done once: a second run leaves it alone
        long rows = jdbc.sql("SELECT COUNT(*) FROM evidence_copy_hash WHERE photo_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        backfill.runBatch(1000);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_copy_hash WHERE photo_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(rows);
    }

    @Test
    void photosOfVersionTwoAreIndexedAgainUpright() throws Exception {
        BufferedImage o = TestImages.read(TestImages.jpeg(TestImages.scene(905), 0.92f));
        long id = store(o, 2, false);
        // version 2 stored the picture as it came (not turned upright): simulate with a half-turned print
        index.add(id, prints(CopyPrintsTest.turn(o, 2)).stored());
        jdbc.sql("UPDATE evidence_photo SET signature = ? WHERE id = ?")
                .params(prints(CopyPrintsTest.turn(o, 2)).stored().bytes(), id)
                .update();

        assertThat(backfill.runBatch(1000)).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT fingerprint_version FROM evidence_photo WHERE id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(CopyPrints.VERSION);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_copy_hash WHERE photo_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
        long full = jdbc.sql("SELECT phash FROM evidence_copy_hash WHERE photo_id = ? AND region = ?")
                .params(id, CopyPrints.FULL)
                .query(Long.class)
                .single();
        assertThat(ImageHashes.distance(full, prints(o).stored().full())).isLessThanOrEqualTo(4);
        CopyPrints.Prints mirrored = prints(CopyPrintsTest.mirror(TestImages.crop(o, 0.05, 0.1, 0.03, 0)));
        assertThat(index.findMatch(mirrored, Set.of()))
                .hasValueSatisfying(m -> assertThat(m.photoId()).isEqualTo(id));
    }

    @Test
    void photosOfVersionThreeGetTheFineGridAndTheirUnevenlyCroppedCopiesAreConfirmed() throws Exception {
        BufferedImage o = TestImages.read(TestImages.jpeg(TestImages.scene(907), 0.92f));
        long id = store(o, 3, true);
        // version 3 kept no 64×64 grid: the signature ended after the core's 32×32 thumbnail
        byte[] v3 = java.util.Arrays.copyOf(prints(o).stored().bytes(), ImageHashes.SIGNATURE_LENGTH + 64 + 32 * 32);
        jdbc.sql("UPDATE evidence_photo SET signature = ? WHERE id = ?")
                .params(v3, id)
                .update();

        assertThat(backfill.runBatch(1000)).isGreaterThanOrEqualTo(1);

        byte[] sig = jdbc.sql("SELECT signature FROM evidence_photo WHERE id = ?")
                .param(id)
                .query(byte[].class)
                .single();
        assertThat(CopyPrints.Stored.fine(sig)).isNotNull();
        assertThat(jdbc.sql("SELECT fingerprint_version FROM evidence_photo WHERE id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(CopyPrints.VERSION);
        // cropped unevenly (not one of the crops the query assumes), mirrored, sent through a chat app
        BufferedImage copy = TestImages.read(TestImages.jpeg(
                TestImages.resize(CopyPrintsTest.mirror(TestImages.crop(o, 0.06, 0.02, 0.03, 0.08)), 0.7), 0.7f));
        assertThat(index.findMatch(prints(copy), Set.of()))
                .hasValueSatisfying(m -> assertThat(m.photoId()).isEqualTo(id));
    }
}
