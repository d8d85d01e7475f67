package cn.sgz.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.SgzTest;
import cn.sgz.evidence.TestImages;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The duplicate index at its public boundary, written so that it holds whatever the hashing does inside: the same
 * picture gives the same prints; a picture is found again after it is added (also through a re-encoded copy), not
 * found when ignored or removed, and another picture is not taken for it. No bit patterns or distances.
 */
@SgzTest
class DuplicateLookupBoundaryTest {

    @Autowired
    DuplicateIndex index;

    @Autowired
    JdbcClient jdbc;

    static CopyPrints.Prints prints(byte[] jpeg) {
        return CopyPrints.of(TestImages.read(jpeg));
    }

    long row(byte[] jpeg, CopyPrints.Prints p) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        String key = "photos/test/" + java.util.UUID.randomUUID() + ".jpg";
        jdbc.sql(
                        "INSERT INTO evidence_photo (owner_type, owner_id, org_path, purpose, source, sha256, content_type, "
                                + "byte_size, width, height, file_key, phash, signature, fingerprint_version, uploaded_at) "
                                + "VALUES ('UNITTEST', 2, '/t/', 'SCENE', 'GALLERY', ?, 'image/jpeg', ?, 640, 480, ?, ?, ?, ?, ?)")
                .params(
                        key,
                        jpeg.length,
                        key,
                        p.stored().full(),
                        p.stored().bytes(),
                        CopyPrints.VERSION,
                        cn.sgz.shared.ChinaTime.offsetNow())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        index.add(id, p.stored());
        return id;
    }

    @Test
    void theSamePictureGivesTheSamePrintsAndAnotherPictureOtherOnes() {
        byte[] a = TestImages.jpeg(TestImages.scene(4401), 0.9f);
        CopyPrints.Prints p1 = prints(a);
        CopyPrints.Prints p2 = prints(a.clone());
        assertThat(p1.stored().full()).isEqualTo(p2.stored().full());
        assertThat(p1.stored().core()).isEqualTo(p2.stored().core());
        assertThat(p1.stored().bytes()).isEqualTo(p2.stored().bytes());
        CopyPrints.Prints other = prints(TestImages.jpeg(TestImages.scene(4402), 0.9f));
        assertThat(other.stored().full()).isNotEqualTo(p1.stored().full());
        assertThat(other.stored().bytes()).isNotEqualTo(p1.stored().bytes());
    }

    @Test
    void anAddedPictureIsFoundAgainAndAnotherIsNotTakenForIt() {
        BufferedImage sceneA = TestImages.scene(4403);
        BufferedImage sceneB = TestImages.scene(4404);
        byte[] a = TestImages.jpeg(sceneA, 0.92f);
        byte[] b = TestImages.jpeg(sceneB, 0.92f);
        long idA = row(a, prints(a));
        long idB = row(b, prints(b));

        // the same file, and a copy re-encoded at a lower quality and smaller size (a chat app's copy)
        assertThat(index.findMatch(prints(a), Set.of()).map(DuplicateIndex.Match::photoId))
                .contains(idA);
        byte[] chat = TestImages.jpeg(TestImages.resize(TestImages.read(a), 0.6), 0.6f);
        assertThat(index.findMatch(prints(chat), Set.of()).map(DuplicateIndex.Match::photoId))
                .contains(idA);
        assertThat(index.findMatch(prints(b), Set.of()).map(DuplicateIndex.Match::photoId))
                .contains(idB);

        // a picture never added is not taken for either
        Optional<Long> none = index.findMatch(prints(TestImages.jpeg(TestImages.scene(4405), 0.9f)), Set.of())
                .map(DuplicateIndex.Match::photoId);
        assertThat(none).isNotIn(Optional.of(idA), Optional.of(idB));

        // an ignored photo (the one being stored) is not its own duplicate; a removed photo is found no more
        assertThat(index.findMatch(prints(a), Set.of(idA)).map(DuplicateIndex.Match::photoId))
                .isNotEqualTo(Optional.of(idA));
        index.remove(idA);
        assertThat(index.findMatch(prints(a), Set.of()).map(DuplicateIndex.Match::photoId))
                .isNotEqualTo(Optional.of(idA));
        assertThat(index.findMatch(prints(b), Set.of()).map(DuplicateIndex.Match::photoId))
                .contains(idB);
    }
}
