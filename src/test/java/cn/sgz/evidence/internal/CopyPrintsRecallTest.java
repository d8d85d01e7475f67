package cn.sgz.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.evidence.TestImages;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Detector version 5's recall rules (issue #19) on pictures made in the test: exact-area resampling and pairs of
 * uncertain bits find a crop of a texture, the stamp probes find a stamped copy of a plain sky, and neither lets
 * another shot through.
 */
class CopyPrintsRecallTest {

    private static final DuplicateIndex INDEX = new DuplicateIndex(null, EvidenceSettings.defaults(), null);

    /** A brick wall: bricks of random tone in a running bond, light mortar, grain of the camera. */
    static BufferedImage bricks(long seed, int w, int h) {
        Random r = new Random(seed);
        int bw = 48;
        int bh = 24;
        double[][] tone = new double[h / bh + 2][w / bw + 3];
        for (double[] row : tone) {
            for (int i = 0; i < row.length; i++) {
                row[i] = 120 + r.nextGaussian() * 18;
            }
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            int row = y / bh;
            int off = (row % 2) * bw / 2;
            for (int x = 0; x < w; x++) {
                boolean mortar = y % bh < 3 || (x + off) % bw < 3;
                double v = (mortar ? 190 : tone[row][(x + off) / bw]) + r.nextGaussian() * 8;
                int c = (int) Math.max(0, Math.min(255, v));
                img.setRGB(x, y, (Math.min(255, c + 25) << 16) | (c << 8) | Math.max(0, c - 20));
            }
        }
        return img;
    }

    /** A plain sky: a gentle gradient with a few faint, smooth clouds. */
    static BufferedImage sky(long seed, int w, int h) {
        Random r = new Random(seed);
        double[][] clouds = new double[6][4];
        for (double[] c : clouds) {
            c[0] = r.nextDouble() * w;
            c[1] = r.nextDouble() * h;
            c[2] = 40 + r.nextDouble() * 120;
            c[3] = 6 + r.nextDouble() * 10;
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 150 + 50.0 * y / h;
                for (double[] c : clouds) {
                    double dx = x - c[0];
                    double dy = y - c[1];
                    v += c[3] * Math.exp(-(dx * dx + dy * dy) / (2 * c[2] * c[2]));
                }
                v += r.nextGaussian() * 2;
                int b = (int) Math.max(0, Math.min(255, v + 40));
                int g = (int) Math.max(0, Math.min(255, v));
                int red = (int) Math.max(0, Math.min(255, v - 50));
                img.setRGB(x, y, (red << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    private static CopyPrints.Prints prints(BufferedImage img, float quality) {
        return CopyPrints.of(TestImages.read(TestImages.jpeg(img, quality)));
    }

    /**
     * What the index stage finds and the confirmation accepts, without a database (as DuplicateIndex.candidates:
     * a band key of a probe equal to the stored band and the Hamming distance within 12): {found, confirmed}.
     */
    private static boolean[] lookup(CopyPrints.Prints q, CopyPrints.Stored o, int pairBits) {
        boolean found = false;
        boolean confirmed = false;
        for (int i = 0; i < q.probes().size(); i++) {
            CopyPrints.Probe p = q.probes().get(i);
            long stored = p.region() == CopyPrints.FULL ? o.full() : o.core();
            int d = ImageHashes.distance(p.hash(), stored);
            boolean hit = d <= 12
                    && DuplicateIndex.bandKeys(p, 2, pairBits, DuplicateIndex.PAIR_BELOW).stream()
                            .anyMatch(k -> ImageHashes.Fingerprint.band(stored, k[0]) == k[1]);
            if (hit) {
                found = true;
                confirmed |=
                        INDEX.confirms(q, new DuplicateIndex.Candidate(1, p.region(), p.variant(), d, i), o.bytes());
            }
        }
        return new boolean[] {found, confirmed};
    }

    /** The same lookup with version 4's fingerprints and keys (whole-pixel resampling, no stamp probes, no pairs). */
    private static boolean[] lookupVersion4(BufferedImage original, BufferedImage copy, float quality) {
        try {
            CopyPrints.useExactSampling(false);
            CopyPrints.useStampProbes(false);
            return lookup(prints(copy, quality), prints(original, 0.92f).stored(), 0);
        } finally {
            CopyPrints.useExactSampling(true);
            CopyPrints.useStampProbes(true);
        }
    }

    @Test
    void aCropOfABrickWallIsFoundAndConfirmed() {
        BufferedImage o = TestImages.crop(bricks(1, 640, 480), 0, 0, 0.2, 0);
        // 8 % off the left and 4 % off the bottom: between the windows the query assumes
        BufferedImage copy = TestImages.crop(o, 0.08, 0, 0, 0.04);
        boolean[] v5 = lookup(prints(copy, 0.85f), prints(o, 0.92f).stored(), DuplicateIndex.PAIR_BITS);
        assertThat(v5[0]).as("found by the index").isTrue();
        assertThat(v5[1]).as("confirmed").isTrue();
        // version 4 missed it: whole-pixel cells moved with the crop on the fine pattern, and two bits of every
        // band were wrong
        assertThat(lookupVersion4(o, copy, 0.85f)[0]).isFalse();
    }

    @Test
    void anotherStretchOfTheSameBrickWallIsRejected() {
        // the camera moved sideways by 15 % along the wall: the same kind of bricks, not the same picture
        BufferedImage wall = bricks(1, 640, 480);
        CopyPrints.Stored stored =
                prints(TestImages.crop(wall, 0, 0, 0.2, 0), 0.92f).stored();
        CopyPrints.Prints moved = prints(TestImages.crop(wall, 0.15, 0, 0.05, 0), 0.85f);
        assertThat(lookup(moved, stored, DuplicateIndex.PAIR_BITS)[1]).isFalse();
        for (int d = 0; d < 8; d++) {
            CopyAlignment.Fit fit = DuplicateIndex.fit(moved, d, stored.bytes());
            assertThat(INDEX.confirms(fit)).as("variant " + d + " " + fit).isFalse();
            assertThat(fit.residual()).as("variant " + d).isGreaterThan(0.2);
        }
    }

    @Test
    void aStampThatDominatesAPlainSkyIsFilledInByTheStampProbes() {
        BufferedImage o = sky(6, 960, 720);
        BufferedImage stamped = TestImages.stamp(o, "2026-05-12 14:03");
        CopyPrints.Prints q = prints(stamped, 0.85f);
        CopyPrints.Stored stored = prints(o, 0.92f).stored();
        boolean[] v5 = lookup(q, stored, DuplicateIndex.PAIR_BITS);
        assertThat(v5[0]).as("found by the index").isTrue();
        assertThat(v5[1]).as("confirmed").isTrue();
        // only through the probes of the filled-in picture
        try {
            CopyPrints.useStampProbes(false);
            assertThat(lookup(prints(stamped, 0.85f), stored, DuplicateIndex.PAIR_BITS)[0])
                    .isFalse();
        } finally {
            CopyPrints.useStampProbes(true);
        }
        assertThat(lookupVersion4(o, stamped, 0.85f)[0]).isFalse();
    }

    @Test
    void theBottomBandIsFilledFromTheRowsAboveIt() {
        double[] v = new double[10 * 20];
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 10; x++) {
                v[y * 10 + x] = y < 15 ? x * 10 + y : 255; // a bright stamp in the bottom quarter
            }
        }
        CopyPrints.Lum patched = CopyPrints.patchBottom(new CopyPrints.Lum(v, 10, 20));
        for (int x = 0; x < 10; x++) {
            // rows 13 and 14 (10 % above the band) average to x * 10 + 13.5
            assertThat(patched.at(x, 19)).isEqualTo(x * 10 + 13.5);
            assertThat(patched.at(x, 15)).isEqualTo(x * 10 + 13.5);
            assertThat(patched.at(x, 14)).isEqualTo(x * 10 + 14);
        }
    }

    @Test
    void aWindowIsAveragedByExactAreas() {
        // a one-pixel stripe pattern: a cell edge between pixels counts each pixel by the share inside
        double[] v = new double[8 * 8];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 8) % 2 == 0 ? 0 : 100;
        }
        CopyPrints.Lum lum = new CopyPrints.Lum(v, 8, 8);
        // a 2×2 grid over x from 0.5 to 3.5 pixels: cell 0 covers half of pixel 0 (0) and pixel 1 (100), cell 1
        // pixel 2 (0) and half of pixel 3 (100); whole pixels made both 50
        double[][] g = CopyPrints.exactWindow(lum, 0.5 / 8, 0, 3.5 / 8, 1, 2);
        assertThat(g[0][0]).isCloseTo(100 / 1.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(g[0][1]).isCloseTo(50 / 1.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(g[1][0]).isEqualTo(g[0][0]);
    }

    /** A 64×64 grid of random waves (detail at a few cells), as CopyPrints stores it. */
    private static byte[] smoothGrid(long seed) {
        Random r = new Random(seed);
        double[][] waves = new double[6][4];
        for (double[] w : waves) {
            w[0] = 0.2 + r.nextDouble() * 0.3;
            w[1] = 0.2 + r.nextDouble() * 0.3;
            w[2] = r.nextDouble() * 6.3;
            w[3] = 10 + r.nextDouble() * 25;
        }
        byte[] out = new byte[64 * 64];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                double v = 128;
                for (double[] w : waves) {
                    v += w[3] * Math.sin(w[0] * x + w[1] * y + w[2]);
                }
                out[y * 64 + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
        return out;
    }

    @Test
    void aSliverOfBarAtTheEdgeOfATrimmedScreenshotIsLeftOut() {
        byte[] stored = smoothGrid(5);
        // the copy: the same picture whose outermost cells (two of 64, one cell of the 32×32 comparison) kept black bar
        byte[] copy = stored.clone();
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                if (x < 2 || y < 2 || x >= 62 || y >= 62) {
                    copy[y * 64 + x] = 0;
                }
            }
        }
        CopyAlignment.Fit trimmed = CopyAlignment.compare(copy, 1.5, stored, 1.5, true, false);
        assertThat(trimmed.residual()).isLessThanOrEqualTo(0.001);
        assertThat(INDEX.confirms(trimmed)).isTrue();
        // not trimmed (no bars were cut off either picture): every cell counts, as in version 4
        CopyAlignment.Fit whole = CopyAlignment.compare(copy, 1.5, stored, 1.5, false, false);
        assertThat(whole.residual()).isGreaterThan(0.01);
        try {
            CopyAlignment.useTrimmedRim(false);
            assertThat(CopyAlignment.compare(copy, 1.5, stored, 1.5, true, false)
                            .residual())
                    .isGreaterThan(0.01);
        } finally {
            CopyAlignment.useTrimmedRim(true);
        }
    }

    @Test
    void aScreenshotOfAShotFromAMovedCameraIsStillRejected() {
        // the rim rule applies to trimmed pictures: a screenshot of another shot (camera moved 10 %) must not pass
        long scene = 45;
        CopyPrints.Stored stored = prints(cn.sgz.activity.internal.DemoPhotos.scene(scene, 401, 0, 960, 720), 0.92f)
                .stored();
        BufferedImage moved = cn.sgz.activity.internal.DemoPhotos.scene(scene, 401, 0.10, 960, 720);
        for (java.awt.Color bar : new java.awt.Color[] {java.awt.Color.BLACK, java.awt.Color.WHITE}) {
            CopyPrints.Prints q = prints(CopyPrintsTest.screenshot(moved, bar), 0.9f);
            assertThat(q.stored().trimmed()).isTrue();
            for (int d = 0; d < 8; d++) {
                CopyAlignment.Fit fit = DuplicateIndex.fit(q, d, stored.bytes());
                assertThat(INDEX.confirms(fit))
                        .as(bar + " variant " + d + " " + fit)
                        .isFalse();
            }
            assertThat(lookup(q, stored, DuplicateIndex.PAIR_BITS)[1]).isFalse();
        }
    }
}
