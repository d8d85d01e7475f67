package cn.sgz.evidence.internal;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Fingerprints that survive the copies people really make of a photo (detector version 5; the hashes and
 * probes are those of version 3, version 4 adds what the confirmation aligns on, see below).
 *
 * <ol>
 * <li><b>Normalise.</b> Uniform bars are trimmed: the letterbox of a phone screenshot (black or white),
 * and a status bar separated from the photo by such a bar (the picture is the longest run of rows, then
 * of columns, that are not flat). Then the picture is turned to landscape (a portrait picture is
 * rotated a quarter turn), so a copy rotated by 90° or 270° lands in the same orientation up to a
 * half turn or mirror.</li>
 * <li><b>Canonical orientation</b> (new in version 3): the picture is mirrored left-right and/or
 * top-bottom so that its core window is brighter on the left and at the top (the signs of the first
 * horizontal and vertical cosine coefficients). A mirrored or half-turned copy is turned back the same
 * way, so the query does not have to try every orientation: only where a coefficient is near zero
 * ({@link Shape#undecided()}) are both flips looked up.</li>
 * <li><b>Store</b> two 64-bit DCT hashes of the upright picture: {@link #FULL} of the whole picture and
 * {@link #CORE} of its central window (10 % off every side), the part that any copy cropped by at most
 * 10 % per side still shows, plus the 32×32 thumbnails (version 3) and the 64×64 grid (version 4) used for confirmation.</li>
 * <li><b>Query</b> with a few hashes: the whole picture against {@code FULL}, and the windows where the
 * original's core would be if the copy had been cropped by 0 or 10 % on either side or 5 % on both
 * ({@link #DEFAULT_SHAPE}: 5 per axis, 25 in all) against {@code CORE}, each window turned upright by its
 * own coefficients; a nearly square picture (aspect &lt; 1.3) also transposed. About 30–60 hashes per
 * query instead of the ~400 of version 2 (4–8 orientations × 81 windows).</li>
 * </ol>
 * Confirmation decides; the hashes only find candidates. Version 4 stores, after version 3's thumbnails, the
 * upright picture's aspect ratio (and whether bars were cut off) and its 64×64 luminance grid of exact area
 * means; the query's grid turned like the matching probe is lined up on it as a window — a crop — by
 * {@link CopyAlignment} and what still differs decides ({@link DuplicateIndex#confirms(CopyAlignment.Fit)}).
 * Version 3's 32×32 comparison ({@code ImageHashes.compare}) is kept for signatures not
 * yet re-fingerprinted by {@link CopyPrintBackfill}: resampling a 32×32 thumbnail left a cropped and
 * recompressed copy differing as much as another shot of the same scene, so 40 of the 47 copies missed on the
 * v3 bench were found by the index and rejected there.
 *
 * <p>Version 5 (recall, issue #19): the same stored rows and signature layout, computed more stably, and more
 * ways to find a copy. (1) Pictures are resampled by exact areas (the work image and every window: a cell edge
 * between pixels counts each pixel by its share), so the hash of a fine texture — brick, gravel, grass — no
 * longer changes with the crop's pixel phase. (2) The query also probes its picture with the bottom quarter (as
 * uploaded, where a date/place stamp sits) filled in from the rows above ({@link #patchBottom}): the whole picture
 * and the uncropped core window, so a stamp that dominates a plain sky or a deep field no longer decides the
 * hash. (3) The lookup also flips pairs of a band's uncertain bits ({@code DuplicateIndex.bandKeys}). The
 * confirmation leaves the outermost ring of cells out where bars were cut off ({@link CopyAlignment}).
 * Pure functions, thread-safe.
 */
public final class CopyPrints {

    public static final int VERSION = 5;
    public static final int FULL = 0;
    public static final int CORE = 1;
    /** The core window: this share is cut off every side of the normalised picture. */
    public static final double CORE_MARGIN = 0.10;
    /** The side of the luminance image everything is computed from. */
    private static final int WORK_SIDE = 320;

    private static final int N = 32;

    private CopyPrints() {}

    /** A luminance image, row-major. */
    record Lum(double[] v, int w, int h) {

        double at(int x, int y) {
            return v[y * w + x];
        }

        /** Dihedral variant: bit 2 transposes first, bit 0 mirrors left-right, bit 1 flips top-bottom. */
        Lum variant(int d) {
            boolean t = (d & 4) != 0;
            int nw = t ? h : w;
            int nh = t ? w : h;
            double[] out = new double[nw * nh];
            for (int y = 0; y < nh; y++) {
                for (int x = 0; x < nw; x++) {
                    int sx = (d & 1) != 0 ? nw - 1 - x : x;
                    int sy = (d & 2) != 0 ? nh - 1 - y : y;
                    out[y * nw + x] = t ? v[sx * w + sy] : v[sy * w + sx];
                }
            }
            return new Lum(out, nw, nh);
        }

        Lum crop(int x0, int y0, int x1, int y1) {
            int nw = x1 - x0;
            int nh = y1 - y0;
            double[] out = new double[nw * nh];
            for (int y = 0; y < nh; y++) {
                System.arraycopy(v, (y0 + y) * w + x0, out, y * nw, nw);
            }
            return new Lum(out, nw, nh);
        }
    }

    /** What is stored for a photo: the two hashes and the confirmation thumbnail (with bit reliabilities). */
    public record Stored(
            long full,
            long core,
            ImageHashes.Fingerprint fingerprint,
            byte[] coreThumbnail,
            byte[] fine,
            double aspect,
            boolean trimmed) {

        /**
         * What {@code evidence_photo.signature} keeps: the whole picture's 32×32 thumbnail, bit reliabilities,
         * the core's 32×32 thumbnail, then (version 4) the aspect ratio in thousandths (15 bits; the top bit set
         * when bars were cut off) and the whole picture's 64×64 luminance grid the confirmation aligns on.
         */
        public byte[] bytes() {
            byte[] head = fingerprint.stored();
            byte[] out = java.util.Arrays.copyOf(head, head.length + coreThumbnail.length + 2 + fine.length);
            System.arraycopy(coreThumbnail, 0, out, head.length, coreThumbnail.length);
            int at = head.length + coreThumbnail.length;
            int a = (int) Math.max(1, Math.min(32767, Math.round(aspect * 1000))) | (trimmed ? 0x8000 : 0);
            out[at] = (byte) (a >> 8);
            out[at + 1] = (byte) a;
            System.arraycopy(fine, 0, out, at + 2, fine.length);
            return out;
        }

        private static final int FINE_AT = ImageHashes.SIGNATURE_LENGTH + 64 + N * N + 2;

        /** The 64×64 grid inside stored signature bytes, or null for a signature of version 3 or older. */
        public static byte[] fine(byte[] storedBytes) {
            int len = CopyAlignment.FINE * CopyAlignment.FINE;
            return storedBytes.length < FINE_AT + len
                    ? null
                    : java.util.Arrays.copyOfRange(storedBytes, FINE_AT, FINE_AT + len);
        }

        /** The stored picture's aspect ratio (width / height of the upright picture), or 0 when not kept. */
        public static double aspect(byte[] storedBytes) {
            if (storedBytes.length < FINE_AT) {
                return 0;
            }
            return ((((storedBytes[FINE_AT - 2] & 0x7F) << 8) | (storedBytes[FINE_AT - 1] & 0xFF))) / 1000.0;
        }

        /** Whether bars (a screenshot's, a letterbox) were cut off the stored picture. */
        public static boolean trimmed(byte[] storedBytes) {
            return storedBytes.length >= FINE_AT && (storedBytes[FINE_AT - 2] & 0x80) != 0;
        }

        /** The core's thumbnail inside stored signature bytes, or null for a signature without one. */
        public static byte[] coreThumbnail(byte[] storedBytes) {
            int at = ImageHashes.SIGNATURE_LENGTH + 64;
            return storedBytes.length < at + N * N ? null : java.util.Arrays.copyOfRange(storedBytes, at, at + N * N);
        }
    }

    /** One hash the query looks up: which stored region it is compared with and in which orientation. */
    public record Probe(int region, int variant, long hash, double[] reliability, byte[] thumbnail) {}

    /** A photo's fingerprints, both for storing and for looking up copies of it. */
    public record Prints(
            Stored stored, List<Probe> probes, byte[][] thumbnails, Lum canon, byte[][] fines, boolean portrait) {

        /** The query's 32×32 thumbnail turned like dihedral {@code variant} (what the stored one is compared with). */
        public byte[] thumbnail(int variant) {
            return thumbnails[variant];
        }

        /** The query's 64×64 grid turned like dihedral {@code variant} (computed once per variant). */
        public byte[] fine(int variant) {
            byte[] f = fines[variant];
            if (f == null) {
                f = bytes(exactGrid(canon.variant(variant), CopyAlignment.FINE), CopyAlignment.FINE);
                fines[variant] = f;
            }
            return f;
        }

        /**
         * Whether the picture's own top and bottom (where a stamp or a phone's status bar sits) are the left and
         * right sides once it is turned like dihedral {@code variant}.
         */
        public boolean sideways(int variant) {
            return portrait ^ ((variant & 4) != 0);
        }

        /** The query's aspect ratio (width / height) turned like dihedral {@code variant}. */
        public double aspect(int variant) {
            return (variant & 4) != 0 ? canon.h / (double) canon.w : canon.w / (double) canon.h;
        }
    }

    /**
     * The query's shape: the assumed crops (left, right) of one axis whose core windows it looks up (every
     * pair of them, one per axis), and how near zero the first cosine coefficient may be before the
     * orientation counts as undecided (both flips are looked up). Settable for the bench studies only.
     */
    public record Shape(double[][] axisCrops, double undecided) {}

    /** Per axis: no crop, 10 % off either side, 10 % off both, 5 % off both: 25 windows per orientation. */
    public static final Shape DEFAULT_SHAPE =
            new Shape(new double[][] {{0, 0}, {0.10, 0}, {0, 0.10}, {0.10, 0.10}, {0.05, 0.05}}, 0.06);

    private static volatile Shape shape = DEFAULT_SHAPE;

    /** For the bench studies: another query shape (not used by the application). */
    public static void useShape(Shape s) {
        shape = s;
    }

    public static Shape shape() {
        return shape;
    }

    public static Prints of(BufferedImage image) {
        Shape sh = shape;
        Lum lum = luminance(image, WORK_SIDE);
        int[] box = contentBox(lum);
        Lum content = lum.crop(box[0], box[1], box[2], box[3]);
        Lum canon = content.h > content.w ? content.variant(4 | 1) : content; // a quarter turn
        // canonical flips: the core's brighter side left and top (decided by the first cosine coefficients)
        double[][] core0 = grid(canon, CORE_MARGIN, CORE_MARGIN, 1 - CORE_MARGIN, 1 - CORE_MARGIN);
        double[] c0 = firstCoefficients(core0);
        int flips = (c0[0] < 0 ? 1 : 0) | (c0[1] < 0 ? 2 : 0);
        Lum upright = canon.variant(flips);
        double[][] full = grid(upright, 0, 0, 1, 1);
        long[] h = new long[1];
        double[] rel = ImageHashes.phash(full, h);
        long fullHash = h[0];
        double[][] coreGrid = grid(upright, CORE_MARGIN, CORE_MARGIN, 1 - CORE_MARGIN, 1 - CORE_MARGIN);
        ImageHashes.phash(coreGrid, h);
        long coreHash = h[0];
        byte[] sig = bytes(full);
        Stored stored = new Stored(
                fullHash,
                coreHash,
                new ImageHashes.Fingerprint(fullHash, sig, rel),
                bytes(coreGrid),
                bytes(exactGrid(upright, CopyAlignment.FINE), CopyAlignment.FINE),
                upright.w / (double) upright.h,
                content.w != lum.w || content.h != lum.h);

        double aspect = Math.max(canon.w, canon.h) / (double) Math.min(canon.w, canon.h);
        byte[] canonSig = bytes(grid(canon, 0, 0, 1, 1));
        byte[][] thumbs = new byte[8][];
        for (int d = 0; d < 8; d++) {
            thumbs[d] = variantThumb(canonSig, d);
        }
        List<Probe> probes = new ArrayList<>();
        List<double[]> windows = coreWindows(sh.axisCrops());
        addProbes(probes, canon, aspect, windows, sh.undecided());
        if (stampProbes) {
            // the same picture with its bottom (as uploaded: where a date/place stamp sits) filled in from the
            // rows above: a stamp that dominates a plain sky, a deep field or a texture no longer decides the
            // hashes of the uncropped window
            Lum patched = patchBottom(content);
            addProbes(
                    probes,
                    content.h > content.w ? patched.variant(4 | 1) : patched,
                    aspect,
                    windows.subList(0, 1),
                    sh.undecided());
        }
        return new Prints(stored, probes, thumbs, canon, new byte[8][], content.h > content.w);
    }

    /**
     * The probes of a (turned) picture: for each assumed crop pair the core window turned upright by its own
     * first coefficients (both flips where undecided), and the whole picture in the orientation of the first
     * window; a nearly square picture (aspect under 1.3) also transposed. A hash already probed in the same
     * orientation is not added again.
     */
    private static void addProbes(
            List<Probe> probes, Lum canon, double aspect, List<double[]> windows, double undecided) {
        long[] h = new long[1];
        for (int t : aspect < 1.3 ? new int[] {0, 4} : new int[] {0}) {
            Lum q = t == 0 ? canon : canon.variant(4);
            double[][] whole = grid(q, 0, 0, 1, 1);
            boolean first = true;
            for (double[] wx : windows) {
                for (double[] wy : windows) {
                    double[][] g = grid(q, wx[0], wy[0], wx[1], wy[1]);
                    for (int f : candidateFlips(g, undecided)) {
                        double[][] gf = flip(g, f);
                        double[] r = ImageHashes.phash(gf, h);
                        if (first) {
                            // the uncropped assumption decides the whole picture's orientation too
                            long core = h[0];
                            double[] wr = ImageHashes.phash(flip(whole, f), h);
                            addNew(probes, new Probe(FULL, t | f, h[0], wr, null));
                            h[0] = core;
                        }
                        addNew(probes, new Probe(CORE, t | f, h[0], r, bytes(gf)));
                    }
                    first = false;
                }
            }
        }
    }

    private static void addNew(List<Probe> probes, Probe p) {
        for (Probe o : probes) {
            if (o.region() == p.region() && o.variant() == p.variant() && o.hash() == p.hash()) {
                return;
            }
        }
        probes.add(p);
    }

    /** Whether queries also probe the picture with its bottom stamp band filled in (version 5; settable for the bench studies). */
    private static volatile boolean stampProbes = true;

    /** For the bench studies: queries without (false) or with the stamp probes (not used by the application). */
    public static void useStampProbes(boolean on) {
        stampProbes = on;
    }

    /** The share of the picture's height (as uploaded) a stamp may cover at the bottom. */
    static final double STAMP_BAND = 0.25;

    /**
     * The picture with its bottom {@link #STAMP_BAND} replaced, column by column, by the mean of the
     * 10 % of rows just above it.
     */
    static Lum patchBottom(Lum lum) {
        double[] v = lum.v.clone();
        int from = (int) Math.round(lum.h * (1 - STAMP_BAND));
        int above = Math.max(1, (int) Math.round(lum.h * 0.10));
        int a0 = Math.max(0, from - above);
        for (int x = 0; x < lum.w; x++) {
            double s = 0;
            for (int y = a0; y < from; y++) {
                s += lum.v[y * lum.w + x];
            }
            double m = s / Math.max(1, from - a0);
            for (int y = from; y < lum.h; y++) {
                v[y * lum.w + x] = m;
            }
        }
        return new Lum(v, lum.w, lum.h);
    }

    /**
     * The first horizontal and vertical cosine coefficients of a 32×32 grid over its deviation: positive
     * when the left (top) is brighter than the right (bottom).
     */
    static double[] firstCoefficients(double[][] g) {
        double cx = 0;
        double cy = 0;
        double s = 0;
        double q = 0;
        for (int y = 0; y < N; y++) {
            double wy = Math.cos((2 * y + 1) * Math.PI / (2.0 * N));
            for (int x = 0; x < N; x++) {
                double v = g[y][x];
                cx += v * Math.cos((2 * x + 1) * Math.PI / (2.0 * N));
                cy += v * wy;
                s += v;
                q += v * v;
            }
        }
        int n = N * N;
        double sd = Math.sqrt(Math.max(1e-6, q / n - (s / n) * (s / n)));
        return new double[] {cx / (n * sd), cy / (n * sd)};
    }

    /** The flips (bit 0 left-right, bit 1 top-bottom) that put a window upright; both where undecided. */
    static int[] candidateFlips(double[][] g, double undecided) {
        double[] c = firstCoefficients(g);
        int[] xs = Math.abs(c[0]) < undecided ? new int[] {0, 1} : new int[] {c[0] < 0 ? 1 : 0};
        int[] ys = Math.abs(c[1]) < undecided ? new int[] {0, 2} : new int[] {c[1] < 0 ? 2 : 0};
        int[] out = new int[xs.length * ys.length];
        int k = 0;
        for (int x : xs) {
            for (int y : ys) {
                out[k++] = x | y;
            }
        }
        return out;
    }

    /** A 32×32 grid mirrored left-right (bit 0) and/or top-bottom (bit 1). */
    static double[][] flip(double[][] g, int f) {
        if (f == 0) {
            return g;
        }
        double[][] out = new double[N][N];
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                out[y][x] = g[(f & 2) != 0 ? N - 1 - y : y][(f & 1) != 0 ? N - 1 - x : x];
            }
        }
        return out;
    }

    static byte[] bytes(double[][] grid) {
        return bytes(grid, N);
    }

    static byte[] bytes(double[][] grid, int n) {
        byte[] out = new byte[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                out[y * n + x] = (byte) Math.max(0, Math.min(255, Math.round(grid[y][x])));
            }
        }
        return out;
    }

    /** Where the original's core window lies in a copy cropped by (l, r) on one axis, for the assumed crops. */
    static List<double[]> coreWindows(double[][] axisCrops) {
        List<double[]> out = new ArrayList<>();
        for (double[] lr : axisCrops) {
            double keep = 1 - lr[0] - lr[1];
            out.add(new double[] {(CORE_MARGIN - lr[0]) / keep, (1 - CORE_MARGIN - lr[0]) / keep});
        }
        return out;
    }

    /** The 32×32 thumbnail of a square grid turned like dihedral {@code d} (same convention as {@link Lum#variant}). */
    static byte[] variantThumb(byte[] sig, int d) {
        byte[] out = new byte[N * N];
        boolean t = (d & 4) != 0;
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                int sx = (d & 1) != 0 ? N - 1 - x : x;
                int sy = (d & 2) != 0 ? N - 1 - y : y;
                out[y * N + x] = t ? sig[sx * N + sy] : sig[sy * N + sx];
            }
        }
        return out;
    }

    /** Luminance, area-averaged down to at most {@code side} pixels on the long side. */
    static Lum luminance(BufferedImage img, int side) {
        int w = img.getWidth();
        int h = img.getHeight();
        double f = Math.min(1.0, side / (double) Math.max(w, h));
        int nw = Math.max(1, (int) Math.round(w * f));
        int nh = Math.max(1, (int) Math.round(h * f));
        if (exactSampling && f < 1) {
            return exactLuminance(img, nw, nh);
        }
        double[] sum = new double[nw * nh];
        int[] count = new int[nw * nh];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            int gy = Math.min(nh - 1, (int) ((long) y * nh / h));
            for (int x = 0; x < w; x++) {
                int gx = Math.min(nw - 1, (int) ((long) x * nw / w));
                int p = row[x];
                sum[gy * nw + gx] += 0.299 * (p >> 16 & 0xFF) + 0.587 * (p >> 8 & 0xFF) + 0.114 * (p & 0xFF);
                count[gy * nw + gx]++;
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= Math.max(1, count[i]);
        }
        return new Lum(sum, nw, nh);
    }

    /** Whether pictures are resampled by exact areas (version 5), else by whole pixels (settable for the bench studies). */
    private static volatile boolean exactSampling = true;

    /** For the bench studies: version 4's whole-pixel resampling (false) or version 5's exact areas. */
    public static void useExactSampling(boolean on) {
        exactSampling = on;
    }

    /**
     * Luminance area-averaged to {@code nw×nh} by exact areas: each source pixel is split between the (at most
     * two per axis) cells it overlaps by the share it covers, so a texture finer than a cell is averaged the
     * same way whatever the scale and offset of the copy (whole-pixel binning gave some cells one pixel and
     * others two, a pattern that moves with the crop).
     */
    private static Lum exactLuminance(BufferedImage img, int nw, int nh) {
        int w = img.getWidth();
        int h = img.getHeight();
        double[][] wx = areaWeights(w, nw);
        double[][] wy = areaWeights(h, nh);
        double[] out = new double[nw * nh];
        double[] rowSum = new double[nw];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            java.util.Arrays.fill(rowSum, 0);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                double v = 0.299 * (p >> 16 & 0xFF) + 0.587 * (p >> 8 & 0xFF) + 0.114 * (p & 0xFF);
                int c = (int) wx[x][0];
                rowSum[c] += v * wx[x][1];
                if (wx[x][2] > 0) {
                    rowSum[c + 1] += v * wx[x][2];
                }
            }
            int r = (int) wy[y][0];
            for (int c = 0; c < nw; c++) {
                out[r * nw + c] += rowSum[c] * wy[y][1];
                if (wy[y][2] > 0) {
                    out[(r + 1) * nw + c] += rowSum[c] * wy[y][2];
                }
            }
        }
        double cell = (w / (double) nw) * (h / (double) nh);
        for (int i = 0; i < out.length; i++) {
            out[i] /= cell;
        }
        return new Lum(out, nw, nh);
    }

    /**
     * The picture inside the bars of a screenshot or letterbox: {x0, y0, x1, y1}. A bar row (column) is
     * flat (its luminance hardly varies) and dark or bright, as the black or white bars of a phone screen
     * are. Bars are cut from the edges inwards only; a short strip of content between two bars at an
     * edge (a status bar, a viewer's toolbar: under 8 % of the side, followed by a bar) is cut with them.
     * Less than 2 % of the side is not a bar (a photo's own dark or bright edge).
     * Rows inside the photo are never cut, so a flat sky or wall does not move the frame. When nothing
     * sensible remains (under 12 % of a side: a wide photo fills only 27 % of a 1080×2340 screen), the whole image is kept.
     */
    static int[] contentBox(Lum lum) {
        boolean[] barRows = new boolean[lum.h];
        for (int y = 0; y < lum.h; y++) {
            barRows[y] = bar(lum, y, true, 0, lum.w);
        }
        int[] ys = inside(barRows);
        boolean[] barCols = new boolean[lum.w];
        for (int x = 0; x < lum.w; x++) {
            barCols[x] = bar(lum, x, false, ys[0], ys[1]);
        }
        int[] xs = inside(barCols);
        return new int[] {xs[0], ys[0], xs[1], ys[1]};
    }

    private static final double FLAT_DEVIATION = 3.0;

    /** Whether row (or column) {@code i}, between {@code from} and {@code to}, is a flat dark or bright bar. */
    private static boolean bar(Lum lum, int i, boolean row, int from, int to) {
        double s = 0;
        double q = 0;
        for (int j = from; j < to; j++) {
            double v = row ? lum.at(j, i) : lum.at(i, j);
            s += v;
            q += v * v;
        }
        int n = Math.max(1, to - from);
        double mean = s / n;
        double sd = Math.sqrt(Math.max(0, q / n - mean * mean));
        return sd < FLAT_DEVIATION && (mean < 28 || mean > 228);
    }

    /** The span left once bars (and short strips between bars) are cut from both ends: {start, end}. */
    static int[] inside(boolean[] bar) {
        int n = bar.length;
        int start = cutFrom(bar, 0, 1);
        int end = n - cutFrom(bar, n - 1, -1);
        // a few dark or bright rows at an edge are the photo's own (vignetting, a night sky): bars of a
        // screen are wider
        int minBar = (int) Math.ceil(0.02 * n);
        start = start < minBar ? 0 : start;
        end = n - end < minBar ? n : end;
        if (end - start < 0.12 * n) {
            return new int[] {0, n};
        }
        return new int[] {start, end};
    }

    /** How many entries to cut from one end: the bar, then (repeatedly) a short strip and the bar after it. */
    private static int cutFrom(boolean[] bar, int first, int step) {
        int n = bar.length;
        int i = 0;
        while (i < n && bar[first + step * i]) {
            i++;
        }
        if (i == 0) {
            return 0;
        }
        while (true) {
            int strip = 0;
            while (i + strip < n && !bar[first + step * (i + strip)]) {
                strip++;
            }
            int next = 0;
            while (i + strip + next < n && bar[first + step * (i + strip + next)]) {
                next++;
            }
            if (strip > 0 && strip < 0.08 * n && next >= Math.max(2, 0.01 * n)) {
                i += strip + next;
            } else {
                return i;
            }
        }
    }

    /** Area means of a window (fractions of the image, may reach slightly outside) on a 32×32 grid. */
    static double[][] grid(Lum lum, double fx0, double fy0, double fx1, double fy1) {
        return grid(lum, fx0, fy0, fx1, fy1, N);
    }

    /** As above on an {@code n×n} grid. */
    static double[][] grid(Lum lum, double fx0, double fy0, double fx1, double fy1, int n) {
        if (exactSampling) {
            return exactWindow(lum, fx0, fy0, fx1, fy1, n);
        }
        double[][] out = new double[n][n];
        for (int gy = 0; gy < n; gy++) {
            double ya = (fy0 + (fy1 - fy0) * gy / n) * lum.h;
            double yb = (fy0 + (fy1 - fy0) * (gy + 1) / n) * lum.h;
            int y0 = clamp((int) Math.floor(ya), lum.h);
            int y1 = Math.max(y0 + 1, Math.min(lum.h, (int) Math.ceil(yb)));
            for (int gx = 0; gx < n; gx++) {
                double xa = (fx0 + (fx1 - fx0) * gx / n) * lum.w;
                double xb = (fx0 + (fx1 - fx0) * (gx + 1) / n) * lum.w;
                int x0 = clamp((int) Math.floor(xa), lum.w);
                int x1 = Math.max(x0 + 1, Math.min(lum.w, (int) Math.ceil(xb)));
                double s = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        s += lum.v[y * lum.w + x];
                    }
                }
                out[gy][gx] = s / ((y1 - y0) * (x1 - x0));
            }
        }
        return out;
    }

    /**
     * Area means of a window on an {@code n×n} grid with fractional pixel weights (version 5): a cell's edges
     * fall between pixels, and the pixels they cut count by the share inside (whole pixels moved each edge by
     * up to a pixel, which on a fine texture changed the low frequencies the hash is made of). Cells beyond
     * the picture take the nearest edge pixels.
     */
    static double[][] exactWindow(Lum lum, double fx0, double fy0, double fx1, double fy1, int n) {
        int[][] xi = new int[n][];
        double[][] xw = new double[n][];
        int[][] yi = new int[n][];
        double[][] yw = new double[n][];
        for (int g = 0; g < n; g++) {
            cellWeights(fx0 + (fx1 - fx0) * g / n, fx0 + (fx1 - fx0) * (g + 1) / n, lum.w, xi, xw, g);
            cellWeights(fy0 + (fy1 - fy0) * g / n, fy0 + (fy1 - fy0) * (g + 1) / n, lum.h, yi, yw, g);
        }
        double[][] out = new double[n][n];
        double[] rows = new double[lum.w];
        for (int gy = 0; gy < n; gy++) {
            java.util.Arrays.fill(rows, 0);
            double wsum = 0;
            for (int k = 0; k < yi[gy].length; k++) {
                int y = yi[gy][k];
                double wgt = yw[gy][k];
                wsum += wgt;
                int base = y * lum.w;
                for (int x = 0; x < lum.w; x++) {
                    rows[x] += lum.v[base + x] * wgt;
                }
            }
            for (int gx = 0; gx < n; gx++) {
                double s = 0;
                double ws = 0;
                for (int k = 0; k < xi[gx].length; k++) {
                    s += rows[xi[gx][k]] * xw[gx][k];
                    ws += xw[gx][k];
                }
                out[gy][gx] = s / (ws * wsum);
            }
        }
        return out;
    }

    /** The pixels a cell from fraction {@code a} to {@code b} of a side of {@code size} pixels covers, with their shares. */
    private static void cellWeights(double a, double b, int size, int[][] idx, double[][] wgt, int g) {
        double pa = Math.max(0, Math.min(size, a * size));
        double pb = Math.max(0, Math.min(size, b * size));
        if (pb - pa < 1e-9) {
            // outside the picture (a window reaching beyond it): the nearest edge pixel
            idx[g] = new int[] {clamp((int) Math.floor(a * size), size)};
            wgt[g] = new double[] {1};
            return;
        }
        int first = (int) Math.floor(pa);
        int last = Math.min(size - 1, (int) Math.ceil(pb) - 1);
        idx[g] = new int[last - first + 1];
        wgt[g] = new double[last - first + 1];
        for (int p = first; p <= last; p++) {
            idx[g][p - first] = p;
            wgt[g][p - first] = Math.min(p + 1, pb) - Math.max(p, pa);
        }
    }

    /** Exact area means of the whole picture on an {@code n×n} grid (pixels split between cells by the share each covers). */
    static double[][] exactGrid(Lum lum, int n) {
        if (lum.w < n || lum.h < n) {
            return grid(lum, 0, 0, 1, 1, n);
        }
        double[][] wx = areaWeights(lum.w, n);
        double[][] wy = areaWeights(lum.h, n);
        double[][] rows = new double[lum.h][n];
        for (int y = 0; y < lum.h; y++) {
            for (int x = 0; x < lum.w; x++) {
                double v = lum.v[y * lum.w + x];
                int c = (int) wx[x][0];
                rows[y][c] += v * wx[x][1];
                if (wx[x][2] > 0) {
                    rows[y][c + 1] += v * wx[x][2];
                }
            }
        }
        double[][] out = new double[n][n];
        for (int y = 0; y < lum.h; y++) {
            int r = (int) wy[y][0];
            for (int c = 0; c < n; c++) {
                out[r][c] += rows[y][c] * wy[y][1];
                if (wy[y][2] > 0) {
                    out[r + 1][c] += rows[y][c] * wy[y][2];
                }
            }
        }
        double cell = (lum.w / (double) n) * (lum.h / (double) n);
        for (double[] row : out) {
            for (int c = 0; c < n; c++) {
                row[c] /= cell;
            }
        }
        return out;
    }

    /**
     * For each of {@code m} source pixels (m ≥ n: a pixel spans at most two cells): {first cell, share in
     * it, share in the next}, shares in pixel units.
     */
    private static double[][] areaWeights(int m, int n) {
        double[][] out = new double[m][3];
        double cellSize = m / (double) n;
        for (int i = 0; i < m; i++) {
            int c = Math.min(n - 1, (int) Math.floor(i / cellSize));
            double boundary = (c + 1) * cellSize;
            double inFirst = Math.min(1, Math.max(0, boundary - i));
            if (c == n - 1) {
                inFirst = 1;
            }
            out[i][0] = c;
            out[i][1] = inFirst;
            out[i][2] = 1 - inFirst;
        }
        return out;
    }

    private static int clamp(int v, int n) {
        return Math.max(0, Math.min(n - 1, v));
    }
}
