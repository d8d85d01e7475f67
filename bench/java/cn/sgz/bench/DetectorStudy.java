package cn.sgz.bench;

import cn.sgz.evidence.internal.ImageHashes;
import cn.sgz.evidence.internal.ImageHashes.Fingerprint;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detector's two signals on the photo set, without a database: for each transformation (and each
 * kind of "other shot") the Hamming distance to the original and the aligned-thumbnail difference,
 * and the same for every pair of distinct base photos. Used to choose the thresholds.
 */
public final class DetectorStudy {

    public static void main(String[] args) {
        int scenes = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Map<String, BufferedImage> bases = PhotoSetGenerator.bases(scenes, 30, PhotoSetGenerator.REAL_ROOTS);
        Map<String, BufferedImage> sources = PhotoSetGenerator.realSources(30, PhotoSetGenerator.REAL_ROOTS);
        Map<String, Fingerprint> fps = new LinkedHashMap<>();
        bases.forEach((k, v) -> fps.put(k, DuplicateLookupBench.fingerprint(cn.sgz.activity.internal.DemoPhotos.jpeg(v, 0.92f))));
        Map<String, List<double[]>> stats = new LinkedHashMap<>();
        int i = 0;
        long alignNanos = 0;
        int aligns = 0;
        for (Map.Entry<String, BufferedImage> e : bases.entrySet()) {
            List<PhotoSetGenerator.Item> items = new ArrayList<>(PhotoSetGenerator.copies(e.getKey(), e.getValue()));
            if (e.getKey().startsWith("scene-")) {
                items.addAll(PhotoSetGenerator.sameSceneOthers(i++));
            } else {
                items.addAll(PhotoSetGenerator.realOthers(e.getKey(), sources.get(e.getKey())));
            }
            Fingerprint o = fps.get(e.getKey());
            for (PhotoSetGenerator.Item it : items) {
                Fingerprint q = DuplicateLookupBench.fingerprint(it.jpeg());
                long s = System.nanoTime();
                ImageHashes.Comparison cmp = ImageHashes.compare(q.signature(), o.stored());
                double diff = cmp.differing();
                alignNanos += System.nanoTime() - s;
                aligns++;
                String key = (e.getKey().startsWith("real") ? "R " : "S ") + it.transform();
                if (System.getProperty("dump") != null) {
                    StringBuilder found = new StringBuilder();
                    for (int probes : new int[] {16, 32, 64, 128, 256}) {
                        boolean f = q.probes(probes).stream().anyMatch(pr -> pr[1] == o.band(pr[0]));
                        found.append(f ? " 1" : " 0");
                    }
                    System.out.printf("ITEM %s %s %d %.4f %.4f %.4f%s%n", it.transform(), e.getKey(),
                            ImageHashes.distance(q.phash(), o.phash()), cmp.differing(), cmp.interior(), cmp.bands(), found);
                }
                stats.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new double[] {ImageHashes.distance(q.phash(), o.phash()), diff, cmp.interior(), cmp.bands()});
            }
        }
        List<String> names = new ArrayList<>(fps.keySet());
        for (int a = 0; a < names.size(); a++) {
            for (int b = a + 1; b < names.size(); b++) {
                Fingerprint x = fps.get(names.get(a));
                Fingerprint y = fps.get(names.get(b));
                int d = ImageHashes.distance(x.phash(), y.phash());
                if (d > 28) {
                    continue;
                }
                ImageHashes.Comparison cmp = ImageHashes.compare(x.signature(), y.stored());
                stats.computeIfAbsent("distinct-pairs(h<=28)", k -> new ArrayList<>())
                        .add(new double[] {d, cmp.differing(), cmp.interior(), cmp.bands()});
            }
        }
        System.out.printf("%-32s %5s  %-14s %-22s %-22s %-22s%n", "transform", "n", "hamming", "differing", "interior",
                "bands");
        stats.forEach((k, v) -> {
            StringBuilder line = new StringBuilder(String.format("%-32s %5d ", k, v.size()));
            for (int f = 0; f < 4; f++) {
                final int col = f;
                double[] h = v.stream().mapToDouble(x -> x[col]).sorted().toArray();
                line.append(f == 0 ? String.format(" %3.0f %3.0f %3.0f    ", h[0], h[h.length / 2], h[h.length - 1])
                        : String.format(" %.3f %.3f %.3f ", h[0], h[h.length / 2], h[h.length - 1]));
            }
            System.out.println(line);
        });
        System.out.printf("alignedDifference: %.2f ms per pair%n", alignNanos / 1e6 / aligns);
        if (System.getProperty("dump") != null) {
            stats.forEach((k, v) -> v.forEach(x -> System.out.printf("DUMP %s %.0f %.4f %.4f %.4f%n", k.replace(' ', '_'), x[0], x[1], x[2], x[3])));
        }
    }
}
