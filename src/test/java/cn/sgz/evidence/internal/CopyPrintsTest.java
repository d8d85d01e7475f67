package cn.sgz.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.evidence.TestImages;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Detector version 2's fingerprints on real images made in the test (no database). */
class CopyPrintsTest {

    private static final EvidenceSettings SETTINGS = new EvidenceSettings(
            "./target/unused",
            15_000_000,
            50_000_000,
            12000,
            1024,
            360,
            2,
            2,
            30,
            12,
            0.03,
            0.055,
            4,
            0.02,
            0.02,
            0.034,
            0.35,
            0.01,
            0.7);

    private static BufferedImage photo(long seed) {
        return TestImages.read(TestImages.jpeg(TestImages.scene(seed), 0.92f));
    }

    private static CopyPrints.Prints prints(BufferedImage img) {
        return CopyPrints.of(TestImages.read(TestImages.jpeg(img, 0.85f)));
    }

    /** The best (smallest) Hamming distance of the query's probes of {@code region} to the stored hash. */
    private static int best(CopyPrints.Prints q, CopyPrints.Stored o, int region) {
        return q.probes().stream()
                .filter(p -> p.region() == region)
                .mapToInt(p -> ImageHashes.distance(p.hash(), region == CopyPrints.FULL ? o.full() : o.core()))
                .min()
                .orElse(64);
    }

    /** Whether the production confirmation accepts the query as a copy of {@code o}, for its nearest probe. */
    private static boolean confirmed(CopyPrints.Prints q, CopyPrints.Stored o) {
        int nearest = 0;
        int best = 65;
        for (int i = 0; i < q.probes().size(); i++) {
            CopyPrints.Probe p = q.probes().get(i);
            int d = ImageHashes.distance(p.hash(), p.region() == CopyPrints.FULL ? o.full() : o.core());
            if (d < best) {
                best = d;
                nearest = i;
            }
        }
        CopyPrints.Probe p = q.probes().get(nearest);
        DuplicateIndex.Candidate c = new DuplicateIndex.Candidate(1, p.region(), p.variant(), best, nearest);
        return new DuplicateIndex(null, SETTINGS, null).confirms(q, c, o.bytes());
    }

    static BufferedImage screenshot(BufferedImage photo, Color bar) {
        BufferedImage d = new BufferedImage(1080, 2340, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = d.createGraphics();
        g.setColor(bar);
        g.fillRect(0, 0, 1080, 2340);
        g.setColor(bar.equals(Color.BLACK) ? Color.WHITE : Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 38));
        g.drawString("10:42", 60, 70);
        g.drawString("5G 87%", 860, 70);
        int ph = (int) Math.round(photo.getHeight() * 1080.0 / photo.getWidth());
        g.drawImage(photo, 0, (2340 - ph) / 2, 1080, ph, null);
        g.dispose();
        return d;
    }

    @Test
    void aScreenshotIsTrimmedToThePhotoStatusBarIncluded() {
        BufferedImage shot = screenshot(photo(11), Color.BLACK);
        CopyPrints.Lum lum = CopyPrints.luminance(shot, 320);
        int[] box = CopyPrints.contentBox(lum);
        // the photo is 1080×810 in the middle of 2340 rows: rows 765..1575 of 2340
        double top = box[1] / (double) lum.h();
        double bottom = box[3] / (double) lum.h();
        assertThat(top).isBetween(765 / 2340.0 - 0.01, 765 / 2340.0 + 0.01);
        assertThat(bottom).isBetween(1575 / 2340.0 - 0.01, 1575 / 2340.0 + 0.01);
        assertThat(box[0]).isZero();
        assertThat(box[2]).isEqualTo(lum.w());
    }

    @Test
    void aWidePhotoFillingAFifthOfTheScreenIsStillTrimmed() {
        // 1024×460 (aspect 2.2) shown 1080 wide: 485 of 2340 rows, 21 % of the screen's height
        BufferedImage wide = TestImages.crop(photo(31), 0, 0.2, 0, 0.2);
        BufferedImage shot = screenshot(wide, Color.WHITE);
        CopyPrints.Lum lum = CopyPrints.luminance(shot, 320);
        int[] box = CopyPrints.contentBox(lum);
        int ph = (int) Math.round(wide.getHeight() * 1080.0 / wide.getWidth());
        assertThat(box[1] / (double) lum.h())
                .isBetween((2340 - ph) / 2 / 2340.0 - 0.01, (2340 - ph) / 2 / 2340.0 + 0.01);
        assertThat(box[3] / (double) lum.h())
                .isBetween((2340 + ph) / 2 / 2340.0 - 0.01, (2340 + ph) / 2 / 2340.0 + 0.01);
        CopyPrints.Stored stored = prints(wide).stored();
        assertThat(confirmed(prints(shot), stored)).isTrue();
    }

    @Test
    void mirroredAndHalfTurnedCopiesAreStoredUprightAndQueriedWithFewHashes() {
        BufferedImage o = photo(32);
        CopyPrints.Prints p = prints(o);
        for (UnaryOperator<BufferedImage> t : java.util.List.<UnaryOperator<BufferedImage>>of(
                CopyPrintsTest::mirror, i -> turn(i, 2), i -> mirror(turn(i, 2)))) {
            CopyPrints.Prints q = prints(t.apply(o));
            // the canonical orientation turns the copy back: its own stored hashes are the original's
            assertThat(ImageHashes.distance(q.stored().full(), p.stored().full()))
                    .isLessThanOrEqualTo(4);
            assertThat(ImageHashes.distance(q.stored().core(), p.stored().core()))
                    .isLessThanOrEqualTo(4);
        }
        // version 2 sent 4 orientations × (1 + 81) hashes for a landscape photo
        assertThat(p.probes()).hasSizeLessThan(4 * 26);
    }

    @Test
    void screenshotsOnBlackAndWhiteAreFoundAndConfirmed() {
        BufferedImage o = photo(12);
        CopyPrints.Stored stored = prints(o).stored();
        for (Color bar : new Color[] {Color.BLACK, Color.WHITE}) {
            CopyPrints.Prints q = prints(screenshot(o, bar));
            assertThat(best(q, stored, CopyPrints.FULL)).as("bar " + bar).isLessThanOrEqualTo(6);
            assertThat(confirmed(q, stored)).as("bar " + bar).isTrue();
        }
    }

    @Test
    void aPhotoWithAFlatGreySkyKeepsItsFrame() {
        BufferedImage o = photo(13);
        Graphics2D g = o.createGraphics();
        g.setColor(new Color(128, 140, 150));
        g.fillRect(0, 0, o.getWidth(), o.getHeight() / 5);
        g.dispose();
        CopyPrints.Lum lum = CopyPrints.luminance(o, 320);
        assertThat(CopyPrints.contentBox(lum)).containsExactly(0, 0, lum.w(), lum.h());
    }

    @Test
    void quarterAndHalfTurnsAndMirrorsAreFoundByTheWholePictureHash() {
        BufferedImage o = photo(14);
        CopyPrints.Stored stored = prints(o).stored();
        for (UnaryOperator<BufferedImage> t : java.util.List.<UnaryOperator<BufferedImage>>of(
                i -> turn(i, 1), i -> turn(i, 2), i -> turn(i, 3), CopyPrintsTest::mirror, i -> mirror(turn(i, 1)))) {
            CopyPrints.Prints q = prints(t.apply(o));
            assertThat(best(q, stored, CopyPrints.FULL)).isLessThanOrEqualTo(4);
            assertThat(confirmed(q, stored)).isTrue();
        }
    }

    @Test
    void cropsOfUpToTenPercentAreFoundByTheCoreWindow() {
        BufferedImage o = photo(15);
        CopyPrints.Stored stored = prints(o).stored();
        double[][] crops = {
            {0.10, 0, 0, 0}, {0, 0.10, 0, 0}, {0, 0, 0.10, 0.10}, {0.05, 0.05, 0.05, 0.05}, {0.10, 0.10, 0.10, 0.10}
        };
        for (double[] c : crops) {
            CopyPrints.Prints q = prints(TestImages.crop(o, c[0], c[1], c[2], c[3]));
            assertThat(best(q, stored, CopyPrints.CORE))
                    .as(java.util.Arrays.toString(c))
                    .isLessThanOrEqualTo(10);
            assertThat(confirmed(q, stored)).as(java.util.Arrays.toString(c)).isTrue();
        }
    }

    @Test
    void aCopyCroppedUnevenlyTurnedAndSentThroughAChatAppIsLinedUpAndConfirmed() {
        // version 3's 32×32 comparison rejected such copies: its residual overlapped that of a moved camera
        BufferedImage o = photo(41);
        CopyPrints.Prints p = prints(o);
        BufferedImage cropped = TestImages.crop(o, 0.07, 0.03, 0.02, 0.09);
        BufferedImage copy = TestImages.read(TestImages.jpeg(TestImages.resize(turn(cropped, 1), 0.8), 0.7f));
        CopyPrints.Prints q = prints(copy);
        assertThat(confirmed(q, p.stored())).isTrue();
        CopyAlignment.Fit fit = bestFit(q, p.stored());
        assertThat(fit.queryInside()).isTrue();
        assertThat(fit.residual()).isLessThanOrEqualTo(0.005);
        // the window found is the crop: 91 % of the width and 88 % of the height, whatever the orientation
        assertThat(fit.x1() - fit.x0()).isCloseTo(0.91, org.assertj.core.data.Offset.offset(0.015));
        assertThat(fit.y1() - fit.y0()).isCloseTo(0.88, org.assertj.core.data.Offset.offset(0.015));
    }

    @Test
    void aStampedWatermarkAtAnyEdgeIsLeftOutOfTheResidual() {
        BufferedImage o = photo(42);
        CopyPrints.Prints p = prints(o);
        for (int quarters = 0; quarters < 4; quarters++) {
            // the stamp is at the bottom of the copy; in the canonical orientation it may be at any edge
            BufferedImage copy = TestImages.stamp(turn(o, quarters), "2026-05-12 14:03 40.60102N 109.97021E");
            CopyPrints.Prints q = prints(copy);
            assertThat(confirmed(q, p.stored())).as("quarters " + quarters).isTrue();
        }
    }

    @Test
    void anotherShotOfTheSameSceneIsRejectedInEveryOrientation() {
        // the camera moved sideways by 10 % (parallax: near objects shift more than the far wall), or people moved
        long scene = 43;
        CopyPrints.Stored stored = prints(cn.sgz.activity.internal.DemoPhotos.scene(scene, 301, 0, 960, 720))
                .stored();
        for (BufferedImage other : java.util.List.of(
                cn.sgz.activity.internal.DemoPhotos.scene(scene, 301, 0.10, 960, 720),
                cn.sgz.activity.internal.DemoPhotos.scene(scene, 302, 0, 960, 720))) {
            CopyPrints.Prints q = prints(other);
            for (int d = 0; d < 8; d++) {
                CopyAlignment.Fit fit = DuplicateIndex.fit(q, d, stored.bytes());
                assertThat(new DuplicateIndex(null, SETTINGS, null).confirms(fit))
                        .as("variant " + d + " " + fit)
                        .isFalse();
            }
            // and its best orientation differs clearly inside the picture, not just above the threshold
            assertThat(bestFit(q, stored).residual()).isGreaterThan(0.04);
        }
    }

    @Test
    void theFineGridAndAspectSurviveTheStoredBytes() {
        CopyPrints.Stored s = prints(TestImages.crop(photo(44), 0, 0.2, 0, 0.2)).stored();
        byte[] bytes = s.bytes();
        assertThat(CopyPrints.Stored.fine(bytes)).isEqualTo(s.fine());
        assertThat(CopyPrints.Stored.aspect(bytes)).isCloseTo(s.aspect(), org.assertj.core.data.Offset.offset(0.001));
        assertThat(s.aspect()).isGreaterThan(2.0);
        assertThat(CopyPrints.Stored.coreThumbnail(bytes)).isEqualTo(s.coreThumbnail());
        // a version-3 signature has no fine grid: the confirmation falls back to the 32×32 comparison
        byte[] v3 = java.util.Arrays.copyOf(bytes, ImageHashes.SIGNATURE_LENGTH + 64 + 32 * 32);
        assertThat(CopyPrints.Stored.fine(v3)).isNull();
        assertThat(DuplicateIndex.fit(prints(photo(44)), 0, v3)).isNull();
    }

    /** The alignment in the orientation of the query's nearest probe. */
    private static CopyAlignment.Fit bestFit(CopyPrints.Prints q, CopyPrints.Stored o) {
        CopyAlignment.Fit best = null;
        for (int d = 0; d < 8; d++) {
            CopyAlignment.Fit f = DuplicateIndex.fit(q, d, o.bytes());
            if (best == null || f.residual() < best.residual()) {
                best = f;
            }
        }
        return best;
    }

    @Test
    void otherPhotosAreNotConfirmed() {
        CopyPrints.Stored stored = prints(photo(16)).stored();
        for (long other = 17; other < 22; other++) {
            assertThat(confirmed(prints(photo(other)), stored)).isFalse();
        }
    }

    @Test
    void theVariantThumbnailsFollowTheSameConventionAsTheImageVariants() {
        BufferedImage o = photo(23);
        CopyPrints.Lum lum = CopyPrints.luminance(o, 64);
        for (int d = 0; d < 8; d++) {
            CopyPrints.Lum v = lum.variant(d);
            assertThat(v.w() * v.h()).isEqualTo(lum.w() * lum.h());
            assertThat(v.at(0, 0)).isEqualTo(corner(lum, d));
        }
        byte[] sig = new byte[32 * 32];
        for (int i = 0; i < sig.length; i++) {
            sig[i] = (byte) i;
        }
        assertThat(CopyPrints.variantThumb(sig, 0)).isEqualTo(sig);
        assertThat(CopyPrints.variantThumb(CopyPrints.variantThumb(sig, 1), 1)).isEqualTo(sig);
        assertThat(CopyPrints.variantThumb(sig, 4)[1]).isEqualTo(sig[32]);
    }

    /** What lands at (0, 0) of variant d: mirror → last column, flip → last row, applied after the transpose. */
    private static double corner(CopyPrints.Lum lum, int d) {
        boolean t = (d & 4) != 0;
        int w = t ? lum.h() : lum.w();
        int h = t ? lum.w() : lum.h();
        int x = (d & 1) != 0 ? w - 1 : 0;
        int y = (d & 2) != 0 ? h - 1 : 0;
        return t ? lum.at(y, x) : lum.at(x, y);
    }

    static BufferedImage turn(BufferedImage s, int quarters) {
        BufferedImage cur = s;
        for (int q = 0; q < quarters; q++) {
            BufferedImage d = new BufferedImage(cur.getHeight(), cur.getWidth(), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < cur.getHeight(); y++) {
                for (int x = 0; x < cur.getWidth(); x++) {
                    d.setRGB(cur.getHeight() - 1 - y, x, cur.getRGB(x, y));
                }
            }
            cur = d;
        }
        return cur;
    }

    static BufferedImage mirror(BufferedImage s) {
        BufferedImage d = new BufferedImage(s.getWidth(), s.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < s.getHeight(); y++) {
            for (int x = 0; x < s.getWidth(); x++) {
                d.setRGB(s.getWidth() - 1 - x, y, s.getRGB(x, y));
            }
        }
        return d;
    }
}
