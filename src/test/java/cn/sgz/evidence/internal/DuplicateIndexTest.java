package cn.sgz.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.SgzTest;
import cn.sgz.evidence.FileStore;
import cn.sgz.evidence.TestImages;
import java.awt.image.BufferedImage;
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
