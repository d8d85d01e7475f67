package cn.sgz.evidence.internal;

import java.awt.image.BufferedImage;

/**
 * The two independent fingerprints of a photo used by the duplicate index.
 *
 * <ul>
 * <li>{@code phash}: a 64-bit DCT perceptual hash of the 32×32 luminance image (low 8×8 frequencies
 * against their median). Stored split into four 16-bit bands, each in an indexed column, so the
 * database finds candidates by exact band equality (pigeonhole), plus "probes" that flip the
 * least reliable bits of each band (the coefficients nearest the median), which is where a
 * resized, recompressed or slightly cropped copy differs.</li>
 * <li>{@code signature}: a second signal computed differently, used only to confirm candidates: a
 * 16×16 block-mean luminance map (each block against the local 3×3-block mean, so it is
 * brightness- and contrast-invariant and spatially finer than the 8×8 DCT), followed by a 4×4
 * chroma grid (mean Cb and Cr), which sees colour that the luminance hashes never look at.</li>
 * </ul>
 * Pure functions: no state, no I/O; safe to call from any thread.
 */
public final class ImageHashes {

    public static final int BANDS = 4;
    public static final int SIGNATURE_LENGTH = 32 * 32;
    private static final int N = 32;
    private static final double[][] DCT = dctMatrix(N);

    private ImageHashes() {}

    /** Fingerprints of one image; {@code weakBits} lists bit positions from least to most reliable. */
    public record Fingerprint(long phash, byte[] signature, double[] reliability) {

        public int band(int i) {
            return band(phash, i);
        }

        /**
         * The band values to look up: each band's own value first, then variants with the least
         * reliable bits of that band flipped, cheapest (least reliable) first across all bands, up
         * to {@code max} probes in all (query-directed multi-probe). Each entry is {band, value}.
         */
        public java.util.List<int[]> probes(int max) {
            java.util.List<double[]> all = new java.util.ArrayList<>();
            for (int b = 0; b < BANDS; b++) {
                Integer[] bits = new Integer[16];
                for (int i = 0; i < 16; i++) {
                    bits[i] = i;
                }
                final int band = b;
                java.util.Arrays.sort(
                        bits, (x, y) -> Double.compare(reliability[band * 16 + x], reliability[band * 16 + y]));
                int weakest = 8;
                for (int mask = 0; mask < (1 << weakest); mask++) {
                    double cost = 0;
                    int value = band(b);
                    for (int j = 0; j < weakest; j++) {
                        if ((mask >> j & 1) == 1) {
                            cost += reliability[b * 16 + bits[j]];
                            value ^= 1 << bits[j];
                        }
                    }
                    all.add(new double[] {cost, b, value});
                }
            }
            all.sort(java.util.Comparator.comparingDouble(x -> x[0]));
            java.util.List<int[]> out = new java.util.ArrayList<>();
            for (int i = 0; i < Math.min(max, all.size()); i++) {
                out.add(new int[] {(int) all.get(i)[1], (int) all.get(i)[2]});
            }
            return out;
        }

        public static int band(long hash, int i) {
            return (int) ((hash >>> (16 * i)) & 0xFFFF);
        }

        /** What the database keeps: the 32×32 thumbnail followed by the 64 bit reliabilities (quantised). */
        public byte[] stored() {
            byte[] out = new byte[SIGNATURE_LENGTH + 64];
            System.arraycopy(signature, 0, out, 0, SIGNATURE_LENGTH);
            for (int i = 0; i < 64; i++) {
                out[SIGNATURE_LENGTH + i] = (byte) Math.min(255, Math.round(reliability[i] * 64));
            }
            return out;
        }

        public static Fingerprint fromStored(long phash, byte[] stored) {
            byte[] sig = java.util.Arrays.copyOf(stored, SIGNATURE_LENGTH);
            double[] rel = new double[64];
            for (int i = 0; i < 64 && SIGNATURE_LENGTH + i < stored.length; i++) {
                rel[i] = (stored[SIGNATURE_LENGTH + i] & 0xFF) / 64.0;
            }
            return new Fingerprint(phash, sig, rel);
        }
    }

    public static Fingerprint of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        double[][] lum = new double[N][N];
        boxAverage(rgb, w, h, N, N, lum, null, null);
        long[] hashAndOrder = new long[1];
        double[] weak = phash(lum, hashAndOrder);
        byte[] signature = new byte[SIGNATURE_LENGTH];
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                signature[y * N + x] = (byte) clamp(Math.round(lum[y][x]));
            }
        }
        return new Fingerprint(hashAndOrder[0], signature, weak);
    }

    /** Hamming distance of the 64-bit perceptual hashes. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /**
     * What the second signal found when one 32×32 thumbnail was best aligned onto the other:
     * {@code differing} is the share of all pixels that still differ, {@code interior} the share of all
     * pixels that differ outside the top and bottom bands where watermark stamps sit (top 4 rows,
     * bottom 10 rows of 32), {@code bands} the share of the band pixels that differ.
     */
    public record Comparison(double differing, double interior, double bands) {}

    private static final int TOP_BAND = 4;
    private static final int BOTTOM_BAND = 10;

    /** The share of differing pixels once the thumbnails are best aligned (see {@link #compare}). */
    public static double alignedDifference(byte[] a, byte[] b) {
        return compare(a, b).differing();
    }

    /**
     * The second signal: how one 32×32 luminance thumbnail differs from the other once they are best
     * aligned. Tries crops of either image between 88% and 100% of its width and height (so a copy
     * cropped by a few percent on any side lines up again; coarse steps first, then refined around the
     * best), normalises brightness and contrast (z-scores), and counts the pixels that still differ by
     * more than half a standard deviation (and by more than 12 grey levels, so JPEG noise on a flat,
     * low-contrast photo does not count). A copy differs almost nowhere except under a stamped
     * watermark, which sits in the top or bottom band; a new photo of the same room, where people or
     * the camera moved, differs in the middle of the picture as well.
     */
    public static Comparison compare(byte[] a, byte[] b) {
        return compare(a, b, 6);
    }

    /**
     * As {@link #compare(byte[], byte[])}, with crops of either image down to {@code 100 - 2 * maxStep}
     * percent of its width and height (6: 88 %, 10: 80 %, i.e. 10 % off each side). Only one of the
     * two is cropped at a time: one picture must lie inside the other, so a shot that shows more on
     * one side (the camera moved) still differs there.
     */
    public static Comparison compare(byte[] a, byte[] b, int maxStep) {
        a = a.length == SIGNATURE_LENGTH ? a : java.util.Arrays.copyOf(a, SIGNATURE_LENGTH);
        b = b.length == SIGNATURE_LENGTH ? b : java.util.Arrays.copyOf(b, SIGNATURE_LENGTH);
        Comparison ab = bestAlignment(a, b, maxStep);
        Comparison ba = bestAlignment(b, a, maxStep);
        return score(ab) <= score(ba) ? ab : ba;
    }

    /**
     * One direction only: {@code copy} must lie inside {@code original} (crops of the original down to
     * {@code 100 - 2 * maxStep} percent, the copy whole). A cropped copy lines up; a new shot whose
     * camera moved shows something at one side that the original does not, and differs there.
     */
    public static Comparison compareInside(byte[] copy, byte[] original, int maxStep) {
        copy = copy.length == SIGNATURE_LENGTH ? copy : java.util.Arrays.copyOf(copy, SIGNATURE_LENGTH);
        original = original.length == SIGNATURE_LENGTH ? original : java.util.Arrays.copyOf(original, SIGNATURE_LENGTH);
        return bestAlignment(original, copy, maxStep);
    }

    private static double score(Comparison c) {
        return c.interior() * 4 + c.bands();
    }

    /** Crops {@code ref} (scale sx, sy; offset ox, oy in 1/64 of the side) to best match {@code target}. */
    private static Comparison bestAlignment(byte[] ref, byte[] targetBytes, int maxStep) {
        double[] target = zscores(targetBytes);
        double threshold = Math.max(0.5, 12.0 / sd(targetBytes));
        double[] window = new double[N * N];
        int[] best = null;
        int bestCount = Integer.MAX_VALUE;
        // coarse: scales 100/96/92/88 %, offsets in steps of 2/64
        for (int si = 0; si <= maxStep; si += 2) {
            for (int sj = 0; sj <= maxStep; sj += 2) {
                for (int ix = 0; ix <= si * 4 / 3 + 1; ix += 2) {
                    for (int iy = 0; iy <= sj * 4 / 3 + 1; iy += 2) {
                        int c = weighted(ref, target, threshold, si, sj, ix, iy, window, bestCount);
                        if (c < bestCount) {
                            bestCount = c;
                            best = new int[] {si, sj, ix, iy};
                        }
                    }
                }
            }
        }
        // refine: one step either way in scale (2 %) and offset (1/64)
        int[] coarse = best.clone();
        for (int si = Math.max(0, coarse[0] - 1); si <= Math.min(maxStep, coarse[0] + 1); si++) {
            for (int sj = Math.max(0, coarse[1] - 1); sj <= Math.min(maxStep, coarse[1] + 1); sj++) {
                for (int ix = Math.max(0, coarse[2] - 2); ix <= Math.min(maxOffset(si), coarse[2] + 2); ix++) {
                    for (int iy = Math.max(0, coarse[3] - 2); iy <= Math.min(maxOffset(sj), coarse[3] + 2); iy++) {
                        int c = weighted(ref, target, threshold, si, sj, ix, iy, window, bestCount);
                        if (c < bestCount) {
                            bestCount = c;
                            best = new int[] {si, sj, ix, iy};
                        }
                    }
                }
            }
        }
        sample(ref, best[2] / 64.0, best[3] / 64.0, 1.0 - best[0] * 0.02, 1.0 - best[1] * 0.02, window);
        int all = 0;
        int interior = 0;
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                if (Math.abs(window[y * N + x] - target[y * N + x]) > threshold) {
                    all++;
                    if (y >= TOP_BAND && y < N - BOTTOM_BAND) {
                        interior++;
                    }
                }
            }
        }
        int bandPixels = (TOP_BAND + BOTTOM_BAND) * N;
        return new Comparison(
                all / (double) (N * N), interior / (double) (N * N), (all - interior) / (double) bandPixels);
    }

    private static int maxOffset(int scaleStep) {
        return (int) Math.round(scaleStep * 0.02 * 64);
    }

    /** Differing pixels, those in the middle counted 4 times; stops early above {@code stopAbove}. */
    private static int weighted(
            byte[] ref,
            double[] target,
            double threshold,
            int si,
            int sj,
            int ix,
            int iy,
            double[] window,
            int stopAbove) {
        if (ix > maxOffset(si) || iy > maxOffset(sj)) {
            return Integer.MAX_VALUE;
        }
        sample(ref, ix / 64.0, iy / 64.0, 1.0 - si * 0.02, 1.0 - sj * 0.02, window);
        int count = 0;
        for (int y = 0; y < N; y++) {
            int weight = y >= TOP_BAND && y < N - BOTTOM_BAND ? 4 : 1;
            for (int x = 0; x < N; x++) {
                if (Math.abs(window[y * N + x] - target[y * N + x]) > threshold) {
                    count += weight;
                    if (count >= stopAbove) {
                        return Integer.MAX_VALUE;
                    }
                }
            }
        }
        return count;
    }

    private static void sample(byte[] img, double ox, double oy, double sx, double sy, double[] out) {
        double sum = 0;
        double sq = 0;
        for (int y = 0; y < N; y++) {
            double fy = (oy + (y + 0.5) / N * sy) * N - 0.5;
            int y0 = Math.max(0, Math.min(N - 1, (int) Math.floor(fy)));
            int y1 = Math.min(N - 1, y0 + 1);
            double ty = Math.max(0, Math.min(1, fy - y0));
            for (int x = 0; x < N; x++) {
                double fx = (ox + (x + 0.5) / N * sx) * N - 0.5;
                int x0 = Math.max(0, Math.min(N - 1, (int) Math.floor(fx)));
                int x1 = Math.min(N - 1, x0 + 1);
                double tx = Math.max(0, Math.min(1, fx - x0));
                double top = (img[y0 * N + x0] & 0xFF) * (1 - tx) + (img[y0 * N + x1] & 0xFF) * tx;
                double bottom = (img[y1 * N + x0] & 0xFF) * (1 - tx) + (img[y1 * N + x1] & 0xFF) * tx;
                double v = top * (1 - ty) + bottom * ty;
                out[y * N + x] = v;
                if (y >= TOP_BAND && y < N - BOTTOM_BAND) {
                    sum += v;
                    sq += v * v;
                }
            }
        }
        int n = N * (N - TOP_BAND - BOTTOM_BAND);
        double mean = sum / n;
        double sd = Math.sqrt(Math.max(1e-6, sq / n - mean * mean));
        for (int i = 0; i < N * N; i++) {
            out[i] = (out[i] - mean) / sd;
        }
    }

    /** Z-scores, with mean and deviation taken from the middle rows (a stamp in a band does not shift them). */
    private static double[] zscores(byte[] img) {
        double[] out = new double[img.length];
        double mean = 0;
        double sd = 0;
        double sum = 0;
        double sq = 0;
        for (int i = TOP_BAND * N; i < (N - BOTTOM_BAND) * N; i++) {
            sum += img[i] & 0xFF;
            sq += (img[i] & 0xFF) * (double) (img[i] & 0xFF);
        }
        int n = N * (N - TOP_BAND - BOTTOM_BAND);
        mean = sum / n;
        sd = Math.sqrt(Math.max(1e-6, sq / n - mean * mean));
        for (int i = 0; i < img.length; i++) {
            out[i] = ((img[i] & 0xFF) - mean) / sd;
        }
        return out;
    }

    /** Deviation of the middle rows. */
    private static double sd(byte[] img) {
        double sum = 0;
        double sq = 0;
        for (int i = TOP_BAND * N; i < (N - BOTTOM_BAND) * N; i++) {
            sum += img[i] & 0xFF;
            sq += (img[i] & 0xFF) * (double) (img[i] & 0xFF);
        }
        int n = N * (N - TOP_BAND - BOTTOM_BAND);
        double mean = sum / n;
        return Math.sqrt(Math.max(1e-6, sq / n - mean * mean));
    }

    static double[] phash(double[][] lum, long[] out) {
        double[][] tmp = new double[N][N];
        double[][] coeff = new double[N][N];
        // coeff = D * lum * D^T, only the first 9 rows/columns are needed
        for (int u = 0; u < 9; u++) {
            for (int x = 0; x < N; x++) {
                double s = 0;
                for (int y = 0; y < N; y++) {
                    s += DCT[u][y] * lum[y][x];
                }
                tmp[u][x] = s;
            }
        }
        for (int u = 0; u < 9; u++) {
            for (int v = 0; v < 9; v++) {
                double s = 0;
                for (int x = 0; x < N; x++) {
                    s += tmp[u][x] * DCT[v][x];
                }
                coeff[u][v] = s;
            }
        }
        double[] values = new double[64];
        int k = 0;
        for (int u = 0; u < 8; u++) {
            for (int v = 0; v < 8; v++) {
                values[k++] = (u == 0 && v == 0) ? coeff[0][8] : coeff[u][v];
            }
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double median = (sorted[31] + sorted[32]) / 2;
        long hash = 0;
        for (int i = 0; i < 64; i++) {
            if (values[i] > median) {
                hash |= 1L << i;
            }
        }
        out[0] = hash;
        double spread = Math.max(1e-9, (sorted[48] - sorted[16]));
        double[] reliability = new double[64];
        for (int i = 0; i < 64; i++) {
            reliability[i] = Math.abs(values[i] - median) / spread;
        }
        return reliability;
    }
    /** Area-averages the image into a gw×gh grid of luminance and/or chroma means. */
    private static void boxAverage(
            int[] rgb, int w, int h, int gw, int gh, double[][] lum, double[][] cb, double[][] cr) {
        double[][] count = new double[gh][gw];
        for (int y = 0; y < h; y++) {
            int gy = Math.min(gh - 1, (int) ((long) y * gh / h));
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int gx = Math.min(gw - 1, (int) ((long) x * gw / w));
                int p = rgb[row + x];
                int r = (p >> 16) & 0xFF;
                int gr = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                if (lum != null) {
                    lum[gy][gx] += 0.299 * r + 0.587 * gr + 0.114 * b;
                }
                if (cb != null) {
                    cb[gy][gx] += 128 - 0.168736 * r - 0.331264 * gr + 0.5 * b;
                    cr[gy][gx] += 128 + 0.5 * r - 0.418688 * gr - 0.081312 * b;
                }
                count[gy][gx]++;
            }
        }
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                double c = Math.max(1, count[y][x]);
                if (lum != null) {
                    lum[y][x] /= c;
                }
                if (cb != null) {
                    cb[y][x] /= c;
                    cr[y][x] /= c;
                }
            }
        }
    }

    private static double[][] dctMatrix(int n) {
        double[][] m = new double[n][n];
        for (int u = 0; u < n; u++) {
            double a = u == 0 ? Math.sqrt(1.0 / n) : Math.sqrt(2.0 / n);
            for (int x = 0; x < n; x++) {
                m[u][x] = a * Math.cos((2 * x + 1) * u * Math.PI / (2.0 * n));
            }
        }
        return m;
    }

    private static int clamp(long v) {
        return (int) Math.max(0, Math.min(255, v));
    }
}
