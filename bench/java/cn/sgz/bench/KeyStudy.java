package cn.sgz.bench;

import cn.sgz.evidence.internal.CopyPrints;
import cn.sgz.evidence.internal.ImageHashes;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Index stage only, several band-key strategies at once (issue #19, recall): per transformation how many
 * copies one of the query's probes finds (a band key equal to the stored band, after flipping the weakest
 * bits, and Hamming within the limit), and for the hard negatives and distinct pairs how many reach the
 * confirmation (its cost). A strategy "s:p" looks up each band, that band with each of its s least reliable
 * bits flipped, and with each pair among its p least reliable bits flipped (1 + s + p(p-1)/2 keys a band).
 * {@code java ... cn.sgz.bench.KeyStudy 6 [-Dstrategies=2:0,3:3] [-Dreal=24]}. No confirmation: CopyStudy does that.
 */
public final class KeyStudy {

    public static void main(String[] args) {
        int scenes = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        String[] strategies = System.getProperty("strategies", "2:0,3:0,2:3,3:3,2:4,3:4,4:5").split(",");
        int real = Integer.getInteger("real", 24);
        CopyPrints.useStampProbes(System.getProperty("noStamp") == null);
        CopyPrints.useExactSampling(System.getProperty("wholePixels") == null);
        List<String> only = System.getProperty("only") == null ? null : List.of(System.getProperty("only").split(","));
        Map<String, BufferedImage> sources = CopySetGenerator.realSources(real);
        Map<String, BufferedImage> bases = CopySetGenerator.bases(scenes, real);
        Map<String, CopyPrints.Prints> stored = new LinkedHashMap<>();
        bases.forEach((k, v) -> stored.put(k, CopyStudy.prints(cn.sgz.activity.internal.DemoPhotos.jpeg(v, 0.92f))));
        Map<String, int[][]> found = new LinkedHashMap<>();
        long[][] keys = new long[strategies.length][2];
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
                CopyPrints.Prints q = CopyStudy.prints(it.jpeg());
                String key = (e.getKey().startsWith("real") ? "R " : "S ") + it.transform();
                int[][] f = found.computeIfAbsent(key, k -> new int[strategies.length + 1][1]);
                f[strategies.length][0]++;
                StringBuilder line = new StringBuilder();
                for (int s = 0; s < strategies.length; s++) {
                    boolean hit = hit(q, o, strategies[s], keys[s]);
                    f[s][0] += hit ? 1 : 0;
                    line.append(hit ? " +" : " -");
                }
                if (it.copy() && System.getProperty("quiet") == null) {
                    int best = 64;
                    for (CopyPrints.Probe p : q.probes()) {
                        best = Math.min(best, ImageHashes.distance(p.hash(), p.region() == CopyPrints.FULL ? o.full() : o.core()));
                    }
                    System.out.println("ITEM" + line + "  " + key + " " + e.getKey() + " nearest " + best + " probes "
                            + q.probes().size());
                }
            }
        }
        List<String> names = new ArrayList<>(stored.keySet());
        for (int a = 0; a < (only != null ? 0 : names.size()); a++) {
            for (int b = 0; b < names.size(); b++) {
                if (a != b) {
                    int[][] f = found.computeIfAbsent("distinct", k -> new int[strategies.length + 1][1]);
                    f[strategies.length][0]++;
                    for (int s = 0; s < strategies.length; s++) {
                        f[s][0] += hit(stored.get(names.get(a)), stored.get(names.get(b)).stored(), strategies[s],
                                new long[2]) ? 1 : 0;
                    }
                }
            }
        }
        StringBuilder head = new StringBuilder(String.format("%-30s %4s", "found by the index / n", "n"));
        for (String s : strategies) {
            head.append(String.format(" %7s", s));
        }
        System.out.println(head);
        found.forEach((k, f) -> {
            StringBuilder line = new StringBuilder(String.format("%-30s %4d", k, f[strategies.length][0]));
            for (int s = 0; s < strategies.length; s++) {
                line.append(String.format(" %7d", f[s][0]));
            }
            System.out.println(line);
        });
        StringBuilder kl = new StringBuilder(String.format("%-35s", "distinct band keys per query"));
        for (int s = 0; s < strategies.length; s++) {
            kl.append(String.format(" %7.1f", keys[s][0] / (double) Math.max(1, keys[s][1])));
        }
        System.out.println(kl);
    }

    /** Whether a probe of the query finds the stored photo under strategy "s:p"; counts the query's distinct keys. */
    static boolean hit(CopyPrints.Prints q, CopyPrints.Stored o, String strategy, long[] keyCount) {
        String[] sp = strategy.split(":");
        double below = sp[0].startsWith("a") ? Double.parseDouble(sp[0].substring(1)) : -1;
        int singles = below >= 0 ? 2 : Integer.parseInt(sp[0]);
        int pairs = Integer.parseInt(sp[1]);
        java.util.Set<Long> distinct = new java.util.HashSet<>();
        boolean hit = false;
        for (CopyPrints.Probe p : q.probes()) {
            long stored = p.region() == CopyPrints.FULL ? o.full() : o.core();
            int d = ImageHashes.distance(p.hash(), stored);
            for (int[] k : keys(p, singles, pairs, below)) {
                distinct.add(((long) k[0] << 40) | ((long) p.region() << 32) | k[1]);
                if (d <= HAMMING && ImageHashes.Fingerprint.band(stored, k[0]) == k[1]) {
                    hit = true;
                }
            }
        }
        keyCount[0] += distinct.size();
        keyCount[1]++;
        return hit;
    }

    /**
     * Keys of one probe: with {@code below} &ge; 0 adaptive — the 2 weakest bits of each band flipped singly, and
     * pairs among the (at most {@code pairs}) weakest bits whose reliability is under {@code below}.
     */
    static List<int[]> keys(CopyPrints.Probe p, int singles, int pairs, double below) {
        List<int[]> out = new ArrayList<>();
        for (int b = 0; b < ImageHashes.BANDS; b++) {
            int value = ImageHashes.Fingerprint.band(p.hash(), b);
            out.add(new int[] {b, value});
            Integer[] bits = new Integer[16];
            for (int i = 0; i < 16; i++) {
                bits[i] = i;
            }
            final int band = b;
            java.util.Arrays.sort(
                    bits, (x, y) -> Double.compare(p.reliability()[band * 16 + x], p.reliability()[band * 16 + y]));
            for (int f = 0; f < singles; f++) {
                out.add(new int[] {b, value ^ (1 << bits[f])});
            }
            int np = pairs;
            if (below >= 0) {
                np = 0;
                while (np < pairs && p.reliability()[band * 16 + bits[np]] < below) {
                    np++;
                }
            }
            for (int x = 0; x < np; x++) {
                for (int y = x + 1; y < np; y++) {
                    out.add(new int[] {b, value ^ (1 << bits[x]) ^ (1 << bits[y])});
                }
            }
        }
        return out;
    }

    static final int HAMMING = Integer.getInteger("hamming", 12);
}
