package cn.sgz.evidence.internal;

/**
 * The confirmation of detector version 4: is one picture a crop of the other, up to compression noise and
 * a stamped watermark?
 *
 * <p>Both pictures are kept as 64×64 luminance grids of exact area means of the whole (normalised, turned)
 * picture plus its aspect ratio. The geometric relation of a copy to its original is a window of the
 * original — an axis-aligned rectangle covering at least {@link #MIN_SCALE} of its width and height, with the
 * copy's own aspect ratio (a crop does not stretch: {@link #ASPECT_SLACK}, or {@link #TRIMMED_ASPECT_SLACK}
 * when a screenshot's bars were cut off, whose edges are known only to a pixel). That window is estimated
 * precisely: a coarse search on a 16×16 grid over the scales (2 % steps) and offsets (1/32) the aspect allows,
 * then a continuous refinement (coordinate descent on the four window edges, down to 1/800 of the side) on a
 * 32×32 grid, both minimising a truncated absolute difference of brightness- and contrast-normalised values.
 * The window is sampled with exact area weights from the 64×64 grid, so a copy lines up to within
 * compression noise, where resampling a coarse 32×32 thumbnail (version 3) left differences as large as those
 * of another shot. Both directions are tried (the query inside the stored picture, and the reverse).
 *
 * <p>The residual: after a robust gain/offset fit, the share of the 32×32 cells that still differ by more
 * than {@link #THRESHOLD} standard deviations (and 10 grey levels) plus {@link #GRADIENT_SLACK} of the local
 * contrast where both pictures change steeply (on gravel, grass or brick a sub-cell misregistration alone
 * makes a difference; on a flat wall where a person appeared, it does not). A stamped watermark or a phone's
 * status bar sits at the top or bottom of the picture as uploaded; the cells of the worse of those two edge
 * bands ({@link #EDGE_BAND} deep) are left out of {@code residual} and reported as {@code edge}. The left and
 * right sides are never left out: that is where a camera that moved sideways shows new content. A new shot of
 * the same scene (people moved, the camera moved: parallax, new content at a side) cannot be lined up as a
 * window without stretching it, and differs inside the picture. Pure functions, thread-safe.
 */
public final class CopyAlignment {

    /** The side of the stored and query grids. */
    static final int FINE = 64;
    /** The smallest share of the original's width (height) a copy may keep: 10 % off both sides, and slack. */
    static final double MIN_SCALE = 0.78;
    /**
     * How far the window's aspect may differ from the copy's: a crop keeps the aspect; the window is only
     * measured to a fraction of a cell. A new shot from a moved camera needs a stretched window to line up.
     */
    static volatile double ASPECT_SLACK = 0.006;
    /** The same when bars were cut off either picture (a screenshot's bars are cut to a pixel or two at 320 px). */
    static volatile double TRIMMED_ASPECT_SLACK = 0.015;
    /** A cell differs when its normalised values differ by more than this many standard deviations. */
    static volatile double THRESHOLD = 0.5;
    /** The share of the local contrast (see {@link #ranges}) added to the threshold. */
    static volatile double GRADIENT_SLACK = 0.3;
    /** The watermark band left out of the residual: this share of the side, along one edge. */
    static final double EDGE_BAND = 0.22;

    /**
     * A flag beside the four sides: leave the outermost ring of the 32×32 cells out (version 5). Where bars were
     * cut off a screenshot, the cut lands within a pixel or two of the picture's edge at 320 px, and a cropped
     * picture's edge cells then mix in a sliver of bar or of the neighbouring content; one cell of 32 per side is
     * less than a moved camera's new strip (a tenth of the side), which stays in.
     */
    static final int RIM = 0b10000;

    private static volatile boolean trimmedRim = true;

    /** For the bench studies: version 4's comparison of every cell of a trimmed picture (false). */
    public static void useTrimmedRim(boolean on) {
        trimmedRim = on;
    }

    private static final int COARSE = 16;
    private static final int K = 32;
    private static final double TRUNCATE = 1.0;

    private CopyAlignment() {}

    /** For the bench studies only: another aspect slack and difference threshold. */
    public static void tune(double aspectSlack, double trimmedSlack, double threshold, double gradientSlack) {
        ASPECT_SLACK = aspectSlack;
        TRIMMED_ASPECT_SLACK = trimmedSlack;
        THRESHOLD = threshold;
        GRADIENT_SLACK = gradientSlack;
    }

    /**
     * The best window found and what differs there. {@code x0..y1}: the window of the larger picture (fractions)
     * the smaller one covers; {@code queryInside}: whether the query is the smaller one; {@code residual}: the
     * share of cells outside the worse edge band that differ; {@code edge}: the share of that band's cells
     * that differ; {@code all}: the share of all cells that differ. For the bench study only: {@code edgeSpan}
     * (the share of the band's length with a difference), {@code fineResidual} (as {@code residual} at a
     * threshold of 0.35 standard deviations) and {@code edgeSign} (the share of the band's differing cells
     * that differ in the majority direction).
     */
    public record Fit(
            double x0,
            double y0,
            double x1,
            double y1,
            boolean queryInside,
            double residual,
            double edge,
            double all,
            double edgeSpan,
            double fineResidual,
            double edgeSign) {

        /** How far the window's aspect differs from the smaller picture's (0: a pure crop). */
        public double aspectError(double smallAspect, double bigAspect) {
            return Math.abs((x1 - x0) / (y1 - y0) * bigAspect / smallAspect - 1);
        }
    }

    /**
     * The better fit of the two directions: the query inside the stored picture, or the stored inside the query.
     * {@code trimmed}: bars were cut off either picture; {@code sideways}: the query's own top and bottom (as
     * uploaded) are the left and right sides of the grids.
     */
    public static Fit compare(
            byte[] query, double queryAspect, byte[] stored, double storedAspect, boolean trimmed, boolean sideways) {
        double slack = trimmed ? TRIMMED_ASPECT_SLACK : ASPECT_SLACK;
        // bit 4 (version 5): bars were cut off, so the outermost ring of cells is left out of the comparison
        int sides = (sideways ? 0b1100 : 0b0011) | (trimmed && trimmedRim ? RIM : 0);
        Fit in = fit(query, queryAspect, stored, storedAspect, true, slack, sides);
        if (in.all() == 0) {
            return in; // nothing differs: the other direction cannot do better
        }
        Fit out = fit(stored, storedAspect, query, queryAspect, false, slack, sides);
        return out.residual() < in.residual() ? out : in;
    }

    /** {@code small} (whole) as a window of {@code big}. */
    static Fit fit(
            byte[] small,
            double smallAspect,
            byte[] big,
            double bigAspect,
            boolean queryInside,
            double slack,
            int sides) {
        double[] s = values(small);
        double[] b = values(big);
        double[] target16 = normalise(area(s, 0, 0, 1, 1, COARSE));
        double[] target = normalise(area(s, 0, 0, 1, 1, K));
        // coarse: scales in steps of 2 %, offsets in steps of 1/64, the height's scale tied to the width's by the
        // aspect
        double[] best = null;
        double bestScore = Double.MAX_VALUE;
        double ratio = bigAspect / smallAspect;
        for (double sx = 1.0; sx >= MIN_SCALE - 1e-9; sx -= 0.02) {
            double sy = sx * ratio;
            if (sy > 1 + slack || sy < MIN_SCALE - slack) {
                continue;
            }
            sy = Math.min(1, sy);
            for (double ox = 0; ox <= 1 - sx + 1e-9; ox += 1.0 / 32) {
                for (double oy = 0; oy <= 1 - sy + 1e-9; oy += 1.0 / 32) {
                    double sc = score(b, target16, ox, oy, ox + sx, oy + sy, COARSE, bestScore);
                    if (sc < bestScore) {
                        bestScore = sc;
                        best = new double[] {ox, oy, ox + sx, oy + sy};
                    }
                }
            }
        }
        if (best == null) {
            return new Fit(0, 0, 1, 1, queryInside, 1, 1, 1, 1, 1, 0);
        }
        // refine: coordinate descent on the four edges at 32×32
        double[] w = best;
        double cur = score(b, target, w[0], w[1], w[2], w[3], K, Double.MAX_VALUE);
        for (double step = 0.02; step > 0.001; step /= 2) {
            boolean improved = true;
            int rounds = 0;
            while (improved && rounds++ < 12) {
                improved = false;
                for (int k = 0; k < 4; k++) {
                    for (int sign = -1; sign <= 1; sign += 2) {
                        double[] t = w.clone();
                        t[k] += sign * step;
                        if (!valid(t, smallAspect, bigAspect, slack)) {
                            continue;
                        }
                        double sc = score(b, target, t[0], t[1], t[2], t[3], K, cur);
                        if (sc < cur) {
                            cur = sc;
                            w = t;
                            improved = true;
                        }
                    }
                }
            }
        }
        return residual(target, area(b, w[0], w[1], w[2], w[3], K), w, queryInside, small, sides);
    }

    private static boolean valid(double[] t, double smallAspect, double bigAspect, double slack) {
        double sx = t[2] - t[0];
        double sy = t[3] - t[1];
        if (t[0] < -0.005 || t[1] < -0.005 || t[2] > 1.005 || t[3] > 1.005) {
            return false;
        }
        if (sx < MIN_SCALE - slack || sy < MIN_SCALE - slack) {
            return false;
        }
        double aspect = sx / sy * bigAspect;
        return Math.abs(aspect / smallAspect - 1) <= slack;
    }

    /** Truncated absolute difference of the normalised window and target; stops early above {@code stopAbove}. */
    private static double score(
            double[] big, double[] target, double x0, double y0, double x1, double y1, int n, double stopAbove) {
        double[] win = normalise(area(big, x0, y0, x1, y1, n));
        double s = 0;
        for (int i = 0; i < win.length; i++) {
            s += Math.min(TRUNCATE, Math.abs(win[i] - target[i]));
            if (s >= stopAbove) {
                return Double.MAX_VALUE;
            }
        }
        return s;
    }

    private static Fit residual(
            double[] target, double[] window, double[] w, boolean queryInside, byte[] small, int sides) {
        double[] win = normalise(window);
        // robust gain and offset: fit on the cells that already agree, so a watermark does not bend the fit
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (int i = 0; i < win.length; i++) {
            if (Math.abs(win[i] - target[i]) < THRESHOLD) {
                sx += win[i];
                sy += target[i];
                sxx += win[i] * win[i];
                sxy += win[i] * target[i];
                n++;
            }
        }
        double gain = 1;
        double offset = 0;
        if (n > win.length / 4) {
            double den = n * sxx - sx * sx;
            gain = den > 1e-9 ? (n * sxy - sx * sy) / den : 1;
            gain = Math.max(0.7, Math.min(1.4, gain));
            offset = (sy - gain * sx) / n;
        }
        double grey = deviation(values(small));
        double threshold = Math.max(THRESHOLD, 10.0 / Math.max(1e-6, grey));
        boolean[] diff = new boolean[K * K];
        boolean[] fine = new boolean[K * K];
        int all = 0;
        double fineThreshold = Math.max(0.35, 7.0 / Math.max(1e-6, grey));
        double[] fitted = new double[win.length];
        for (int i = 0; i < win.length; i++) {
            fitted[i] = gain * win[i] + offset;
        }
        double[] rw = ranges(fitted);
        double[] rt = ranges(target);
        for (int i = 0; i < diff.length; i++) {
            double d = Math.abs(fitted[i] - target[i]);
            // where both pictures change steeply, a sub-cell misregistration alone makes a difference
            double slack = GRADIENT_SLACK * Math.min(rw[i], rt[i]);
            diff[i] = d > threshold + slack;
            fine[i] = d > fineThreshold + slack;
            if ((sides & RIM) != 0) {
                int x = i % K;
                int y = i / K;
                if (x == 0 || y == 0 || x == K - 1 || y == K - 1) {
                    diff[i] = false;
                    fine[i] = false;
                }
            }
            all += diff[i] ? 1 : 0;
        }
        int depth = (int) Math.round(EDGE_BAND * K);
        int bestBand = 0;
        int bestSide = 0;
        for (int side = 0; side < 4; side++) {
            if ((sides >> side & 1) == 0) {
                continue;
            }
            int c = 0;
            for (int y = 0; y < K; y++) {
                for (int x = 0; x < K; x++) {
                    if (diff[y * K + x] && inBand(side, x, y, depth)) {
                        c++;
                    }
                }
            }
            if (c > bestBand) {
                bestBand = c;
                bestSide = side;
            }
        }
        // how much of the band's length has a difference (a stamp covers part of it; new content at a side, all)
        int span = 0;
        int fineOut = 0;
        int darker = 0;
        int brighter = 0;
        for (int y = 0; y < K; y++) {
            for (int x = 0; x < K; x++) {
                int i = y * K + x;
                if (diff[i] && inBand(bestSide, x, y, depth)) {
                    if (fitted[i] < target[i]) {
                        darker++;
                    } else {
                        brighter++;
                    }
                }
            }
        }
        for (int along = 0; along < K; along++) {
            boolean any = false;
            for (int deep = 0; deep < depth; deep++) {
                int x = bestSide < 2 ? along : bestSide == 2 ? deep : K - 1 - deep;
                int y = bestSide >= 2 ? along : bestSide == 0 ? deep : K - 1 - deep;
                any |= diff[y * K + x];
            }
            span += any ? 1 : 0;
        }
        for (int y = 0; y < K; y++) {
            for (int x = 0; x < K; x++) {
                if (fine[y * K + x] && !inBand(bestSide, x, y, depth)) {
                    fineOut++;
                }
            }
        }
        int bandCells = depth * K;
        return new Fit(
                w[0],
                w[1],
                w[2],
                w[3],
                queryInside,
                (all - bestBand) / (double) (K * K - bandCells),
                bestBand / (double) bandCells,
                all / (double) (K * K),
                span / (double) K,
                fineOut / (double) (K * K - bandCells),
                darker + brighter == 0 ? 1 : Math.max(darker, brighter) / (double) (darker + brighter));
    }

    /** Per cell: the largest difference between it and a neighbour (3×3), in standard deviations. */
    private static double[] ranges(double[] v) {
        double[] out = new double[K * K];
        for (int y = 0; y < K; y++) {
            for (int x = 0; x < K; x++) {
                double c = v[y * K + x];
                double r = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < K && xx >= 0 && xx < K) {
                            r = Math.max(r, Math.abs(v[yy * K + xx] - c));
                        }
                    }
                }
                out[y * K + x] = r;
            }
        }
        return out;
    }

    private static boolean inBand(int side, int x, int y, int depth) {
        return switch (side) {
            case 0 -> y < depth;
            case 1 -> y >= K - depth;
            case 2 -> x < depth;
            default -> x >= K - depth;
        };
    }

    private static double[] values(byte[] g) {
        double[] out = new double[FINE * FINE];
        for (int i = 0; i < out.length; i++) {
            out[i] = g[i] & 0xFF;
        }
        return out;
    }

    private static double deviation(double[] v) {
        double[] mv = meanAndVariance(v);
        return Math.sqrt(Math.max(0, mv[1]));
    }

    /** {mean, variance} of the values (the variance as E[x²] − mean², which rounding may leave slightly below 0). */
    private static double[] meanAndVariance(double[] v) {
        double s = 0;
        double q = 0;
        for (double x : v) {
            s += x;
            q += x * x;
        }
        double m = s / v.length;
        return new double[] {m, q / v.length - m * m};
    }

    /** Z-scores in place. */
    static double[] normalise(double[] v) {
        double[] mv = meanAndVariance(v);
        double m = mv[0];
        double sd = Math.sqrt(Math.max(1e-6, mv[1]));
        for (int i = 0; i < v.length; i++) {
            v[i] = (v[i] - m) / sd;
        }
        return v;
    }

    /**
     * Exact area means of an {@code n×n} grid over the window (fractions of the picture) of a
     * {@link #FINE}×{@link #FINE} grid: each cell weighs the source cells by how much of them it covers.
     */
    static double[] area(double[] img, double x0, double y0, double x1, double y1, int n) {
        int[] xa = new int[n];
        int[] xb = new int[n];
        double[][] wx = weights(x0, x1, n, xa, xb);
        int[] ya = new int[n];
        int[] yb = new int[n];
        double[][] wy = weights(y0, y1, n, ya, yb);
        int r0 = ya[0];
        int r1 = yb[n - 1];
        double[] rows = new double[(r1 - r0) * n];
        for (int r = r0; r < r1; r++) {
            int base = r * FINE;
            for (int c = 0; c < n; c++) {
                double s = 0;
                double[] wc = wx[c];
                for (int k = xa[c]; k < xb[c]; k++) {
                    s += wc[k - xa[c]] * img[base + k];
                }
                rows[(r - r0) * n + c] = s;
            }
        }
        double[] out = new double[n * n];
        for (int rr = 0; rr < n; rr++) {
            double[] wr = wy[rr];
            for (int k = ya[rr]; k < yb[rr]; k++) {
                double wk = wr[k - ya[rr]];
                int base = (k - r0) * n;
                for (int c = 0; c < n; c++) {
                    out[rr * n + c] += wk * rows[base + c];
                }
            }
        }
        return out;
    }

    /** Per output cell: the source cells it covers (from inclusive, to exclusive) and their normalised weights. */
    private static double[][] weights(double f0, double f1, int n, int[] from, int[] to) {
        double[][] out = new double[n][];
        for (int c = 0; c < n; c++) {
            double a = clamp((f0 + (f1 - f0) * c / n) * FINE);
            double b = clamp((f0 + (f1 - f0) * (c + 1) / n) * FINE);
            if (b - a < 1e-6) {
                b = Math.min(FINE, a + 1e-6);
                a = b - 1e-6;
            }
            int i0 = (int) Math.floor(a);
            int i1 = Math.min(FINE, (int) Math.ceil(b));
            i1 = Math.max(i1, i0 + 1);
            double[] w = new double[i1 - i0];
            double total = 0;
            for (int k = i0; k < i1; k++) {
                double ov = Math.min(b, k + 1) - Math.max(a, k);
                w[k - i0] = Math.max(0, ov);
                total += w[k - i0];
            }
            for (int k = 0; k < w.length; k++) {
                w[k] = total > 0 ? w[k] / total : 1.0 / w.length;
            }
            from[c] = i0;
            to[c] = i1;
            out[c] = w;
        }
        return out;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(FINE, v));
    }
}
