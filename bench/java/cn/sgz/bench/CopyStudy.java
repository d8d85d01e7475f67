package cn.sgz.bench;

import cn.sgz.evidence.internal.CopyPrints;
import cn.sgz.evidence.internal.DuplicateIndex;
import cn.sgz.evidence.internal.ImageHashes;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Detector version 2's signals on the copy set, without a database: per transformation (and per kind
 * of hard negative) the smallest Hamming distance of any query hash to the stored FULL / CORE hash and
 * the confirmation scores of the best-aligned thumbnail; the same for distinct base photos. Used to
 * choose the thresholds: {@code BENCH_MAIN=cn.sgz.bench.CopyStudy bench/duplicate-bench.sh 30}.
 */
public final class CopyStudy {

    public static void main(String[] args) {
        int scenes = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        applyShape();
        CopyPrints.useStampProbes(System.getProperty("noStamp") == null);
        CopyPrints.useExactSampling(System.getProperty("wholePixels") == null);
        cn.sgz.evidence.internal.CopyAlignment.useTrimmedRim(System.getProperty("noRim") == null);
        List<String> only = System.getProperty("only") == null ? null : List.of(System.getProperty("only").split(","));
        Map<String, BufferedImage> sources = CopySetGenerator.realSources(REAL);
        Map<String, BufferedImage> bases = CopySetGenerator.bases(scenes, REAL);
        System.out.println("bases: " + bases.size());
        Map<String, CopyPrints.Prints> stored = new LinkedHashMap<>();
        bases.forEach((k, v) -> stored.put(k, prints(cn.sgz.activity.internal.DemoPhotos.jpeg(v, 0.92f))));
        Map<String, List<double[]>> stats = new LinkedHashMap<>();
        Map<String, int[]> flagged = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, BufferedImage> e : bases.entrySet()) {
            List<CopySetGenerator.Item> items = new ArrayList<>(CopySetGenerator.copies(e.getKey(), e.getValue()));
            items.addAll(e.getKey().startsWith("scene-")
                    ? CopySetGenerator.sceneOthers(i++)
                    : CopySetGenerator.realOthers(e.getKey(), sources.get(e.getKey())));
            CopyPrints.Stored o = stored.get(e.getKey()).stored();
            for (CopySetGenerator.Item it : items) {
                if (only != null && !only.contains(it.transform())) {
                    continue;
                }
                CopyPrints.Prints qp = prints(it.jpeg());
                double[] s = signals(qp, o);
                String key = (e.getKey().startsWith("real") ? "R " : "S ") + it.transform();
                stats.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
                CURRENT = (e.getKey().startsWith("real") ? "R " : "S ") + it.transform() + " " + e.getKey();
                String v = verdict(qp, o);
                flagged.computeIfAbsent(key, k -> new int[2])[0] += v != null ? 1 : 0;
                flagged.get(key)[1]++;
                if (v != null && !it.copy()) {
                    System.out.printf("FALSE MATCH %s %s via %s (nearest probe: %.4f %.4f)%n", key, e.getKey(), v, s[2], s[3]);
                } else if (v == null && it.copy()) {
                    System.out.printf("MISSED %s %s (full %.0f core %.0f; nearest probe: %.4f %.4f)%n", key, e.getKey(),
                            s[0], s[1], s[2], s[3]);
                }
                if (System.getProperty("dump") != null) {
                    System.out.printf("ITEM %s %s full %.0f core %.0f int %.4f bands %.4f%s%n", it.transform(), e.getKey(),
                            s[0], s[1], s[2], s[3], s.length > 4 ? String.format(
                                    " span %.3f fine %.4f all %.4f sx %.3f sy %.3f in %.0f", s[4], s[5], s[6], s[7], s[8], s[9]) : "");
                }
            }
        }
        List<String> names = new ArrayList<>(stored.keySet());
        for (int a = 0; a < (only != null ? 0 : names.size()); a++) {
            for (int b = 0; b < names.size(); b++) {
                if (a != b) {
                    double[] s = signals(stored.get(names.get(a)), stored.get(names.get(b)).stored());
                    stats.computeIfAbsent("distinct", k -> new ArrayList<>()).add(s);
                    String v = verdict(stored.get(names.get(a)), stored.get(names.get(b)).stored());
                    flagged.computeIfAbsent("distinct", k -> new int[2])[0] += v != null ? 1 : 0;
                    flagged.get("distinct")[1]++;
                    if (v != null) {
                        System.out.println("FALSE MATCH distinct " + names.get(a) + " ~ " + names.get(b) + " via " + v);
                    }
                }
            }
        }
        System.out.printf("query shape: %s, undecided %.3f; %.1f hashes per query on average, %.1f band keys, "
                        + "%.1f distinct (band, region, value) keys (pairs of up to %d bits under %.2f)%n",
                java.util.Arrays.deepToString(CopyPrints.shape().axisCrops()), CopyPrints.shape().undecided(),
                PROBES[0] / (double) Math.max(1, PROBES[2]), PROBES[1] / (double) Math.max(1, PROBES[2]),
                DISTINCT_KEYS[0] / (double) Math.max(1, PROBES[2]), PAIR_BITS, PAIR_BELOW);
        System.out.printf("confirmation: %d candidate orientations confirmed in %.1f ms, %.2f ms per candidate, "
                        + "%.2f ms per query (%d queries)%n",
                CONFIRM_NANOS[1], CONFIRM_NANOS[0] / 1e6, CONFIRM_NANOS[0] / 1e6 / Math.max(1, CONFIRM_NANOS[1]),
                CONFIRM_NANOS[0] / 1e6 / Math.max(1, PROBES[2]), PROBES[2]);
        boolean v3 = System.getProperty("v3") != null;
        System.out.printf("%-28s %5s %5s  %-13s %-13s %-22s %-22s%n", "transform", "n", "flag", "full-hamming", "core-hamming",
                v3 ? "interior" : "residual", v3 ? "bands" : "edge");
        stats.forEach((k, v) -> {
            int[] fl = flagged.get(k);
            StringBuilder line = new StringBuilder(String.format("%-28s %5d %5d ", k, v.size(), fl[0]));
            for (int f = 0; f < 4; f++) {
                final int col = f;
                double[] h = v.stream().mapToDouble(x -> x[col]).sorted().toArray();
                line.append(f < 2 ? String.format(" %3.0f %3.0f %3.0f  ", h[0], h[h.length / 2], h[h.length - 1])
                        : String.format(" %.3f %.3f %.3f ", h[0], h[h.length / 2], h[h.length - 1]));
            }
            System.out.println(line);
            System.out.flush();
        });
    }

    static CopyPrints.Prints prints(byte[] jpeg) {
        return CopyPrints.of(PhotoSetGenerator.read(jpeg));
    }

    /** {min full Hamming, min core Hamming, interior, bands} (confirmation over the query's variants). */
    static double[] signals(CopyPrints.Prints q, CopyPrints.Stored o) {
        int full = 64;
        int core = 64;
        int nearest = 0;
        int best = 65;
        for (int i = 0; i < q.probes().size(); i++) {
            CopyPrints.Probe p = q.probes().get(i);
            int d = ImageHashes.distance(p.hash(), p.region() == CopyPrints.FULL ? o.full() : o.core());
            if (p.region() == CopyPrints.FULL) {
                full = Math.min(full, d);
            } else {
                core = Math.min(core, d);
            }
            if (d < best) {
                best = d;
                nearest = i;
            }
        }
        if (best > LIMIT) {
            return new double[] {full, core, 1, 1, 1, 1, 1, 0, 0, 0};
        }
        CopyPrints.Probe p = q.probes().get(nearest);
        if (System.getProperty("v3") == null) {
            var fit = DuplicateIndex.fit(q, p.variant(), o.bytes());
            return new double[] {full, core, fit.residual(), fit.edge(), fit.edgeSpan(), fit.fineResidual(), fit.all(),
                    fit.x1() - fit.x0(), fit.y1() - fit.y0(), fit.queryInside() ? 1 : 0};
        }
        ImageHashes.Comparison c = DuplicateIndex.compare(q,
                new DuplicateIndex.Candidate(1, p.region(), p.variant(), best, nearest), o.bytes());
        return new double[] {full, core, c.interior(), c.bands()};
    }

    static final DuplicateIndex INDEX =
            new DuplicateIndex(null, cn.sgz.evidence.internal.EvidenceSettings.defaults(), null);

    /**
     * The production verdict without a database: as {@code DuplicateIndex.candidates}, the nearest probe
     * per orientation within the Hamming limit (12) is a candidate, and each candidate is confirmed with
     * {@code DuplicateIndex.confirms}. Null when nothing is confirmed, else how it was found.
     */
    static String verdict(CopyPrints.Prints q, CopyPrints.Stored o) {
        Map<Integer, DuplicateIndex.Candidate> best = new LinkedHashMap<>();
        var settings = cn.sgz.evidence.internal.EvidenceSettings.defaults();
        PROBES[2]++;
        for (int i = 0; i < q.probes().size(); i++) {
            CopyPrints.Probe p = q.probes().get(i);
            long stored = p.region() == CopyPrints.FULL ? o.full() : o.core();
            int d = ImageHashes.distance(p.hash(), stored);
            // what the band index finds: one of the probe's band keys equals the stored band
            int flips = p.region() == CopyPrints.FULL ? FULL_FLIPS : CORE_FLIPS;
            List<int[]> keys = DuplicateIndex.bandKeys(p, flips, flips > 0 ? PAIR_BITS : 0, PAIR_BELOW);
            PROBES[0]++;
            PROBES[1] += keys.size();
            for (int[] k : keys) {
                DISTINCT.add(((long) k[0] << 40) | ((long) p.region() << 32) | k[1]);
            }
            boolean found = keys.stream().anyMatch(k -> ImageHashes.Fingerprint.band(stored, k[0]) == k[1]);
            if (found && d <= HAMMING) {
                DuplicateIndex.Candidate c = new DuplicateIndex.Candidate(1, p.region(), p.variant(), d, i);
                best.merge(p.variant(), c, (a, b) -> a.distance() <= b.distance() ? a : b);
            }
        }
        DISTINCT_KEYS[0] += DISTINCT.size();
        DISTINCT.clear();
        byte[] sig = o.bytes();
        for (DuplicateIndex.Candidate c : best.values()) {
            if (System.getProperty("inside") != null && c.region() == CopyPrints.CORE) {
                ImageHashes.Comparison in = ImageHashes.compareInside(q.thumbnail(c.variant()), sig, 10);
                ImageHashes.Comparison whole = DuplicateIndex.compare(q, c.variant(), sig);
                ImageHashes.Comparison core = ImageHashes.compare(q.probes().get(c.probe()).thumbnail(),
                        CopyPrints.Stored.coreThumbnail(sig), Integer.getInteger("coreStep", 4));
                System.out.printf("INSIDE %s d=%d confirms=%s inside %.4f whole %.4f %.4f core %.4f %.4f%n", CURRENT,
                        c.distance(), INDEX.confirms(q, c, sig), in.interior(), whole.interior(), whole.bands(),
                        core.interior(), core.bands());
            }
            long t0 = System.nanoTime();
            boolean ok = INDEX.confirms(q, c, sig);
            CONFIRM_NANOS[0] += System.nanoTime() - t0;
            CONFIRM_NANOS[1]++;
            if (ok) {
                return (c.region() == CopyPrints.FULL ? "full" : "core") + " d=" + c.distance() + " variant " + c.variant();
            }
        }
        return null;
    }

    static String CURRENT = "";
    static final java.util.Set<Long> DISTINCT = new java.util.HashSet<>();
    /** Distinct (band, region, value) keys over all queries: what the lookup scans. */
    static final long[] DISTINCT_KEYS = new long[1];
    static final int PAIR_BITS = Integer.getInteger("pairBits", DuplicateIndex.PAIR_BITS);
    static final double PAIR_BELOW = Double.parseDouble(System.getProperty("pairBelow", "" + DuplicateIndex.PAIR_BELOW));
    /** Total confirmation time and number of confirmations (one per candidate orientation). */
    static final long[] CONFIRM_NANOS = new long[2];
    static final long[] PROBES = new long[3];
    static final int FULL_FLIPS = Integer.getInteger("fullFlips", 2);
    static final int CORE_FLIPS = Integer.getInteger("coreFlips", 0);

    /** -Dcrops=0:0,0.1:0,... (per-axis assumed crops) and -Dundecided=0.06 override the query shape. */
    static void applyShape() {
        String crops = System.getProperty("crops");
        double[][] axis = crops == null ? CopyPrints.DEFAULT_SHAPE.axisCrops()
                : java.util.Arrays.stream(crops.split(",")).map(x -> java.util.Arrays.stream(x.split(":"))
                        .mapToDouble(Double::parseDouble).toArray()).toArray(double[][]::new);
        CopyPrints.useShape(new CopyPrints.Shape(axis,
                Double.parseDouble(System.getProperty("undecided", "" + CopyPrints.DEFAULT_SHAPE.undecided()))));
    }
    static final int HAMMING = Integer.getInteger("hamming", 12);
    static final int REAL = Integer.getInteger("real", 60);
    static final int LIMIT = Integer.getInteger("limit", 18);
}
