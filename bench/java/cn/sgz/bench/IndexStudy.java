package cn.sgz.bench;

import cn.sgz.activity.internal.DemoPhotos;
import cn.sgz.evidence.internal.CopyPrints;
import cn.sgz.evidence.internal.DuplicateIndex;
import cn.sgz.evidence.internal.ImageHashes;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The index stage alone, without a database: for each copy of the copy set, whether a key scheme lets
 * some probe of the copy meet the stored row of its original (same region, a shared key, Hamming
 * distance within the limit), and how many distinct keys a query sends. Used to choose the lookup keys
 * (detector v3's 16-bit bands with two weak-bit flips against wider keys):
 * {@code java -cp ... cn.sgz.bench.IndexStudy 6 14}.
 */
public final class IndexStudy {

    record Copy(String base, String transform, List<CopyPrints.Probe> probes, long full, long core) {}

    /** A key scheme: the keys a probe looks up, the keys a stored hash is indexed under, the key width in bits. */
    record Scheme(String name, Function<CopyPrints.Probe, Set<Long>> query, Function<Long, Set<Long>> stored, int bits) {}

    public static void main(String[] args) {
        int scenes = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int real = args.length > 1 ? Integer.parseInt(args[1]) : 14;
        int limit = Integer.getInteger("hamming", 12);
        List<Copy> copies = copies(scenes, real);
        System.out.printf("%d scenes, %d real photographs, %d copies, Hamming limit %d%n", scenes, real, copies.size(), limit);
        List<Scheme> schemes = List.of(
                bands("v3 16-bit bands, 2 flips", 2),
                bands("16-bit bands, 1 flip", 1),
                bands("16-bit bands, 0 flips", 0),
                wide("32-bit halves, <=1 of 4 weakest", 32, 4, 1),
                wide("32-bit halves, <=2 of 6 weakest", 32, 6, 2),
                wide("32-bit halves, <=2 of 8 weakest", 32, 8, 2),
                wide("32-bit halves, <=3 of 8 weakest", 32, 8, 3),
                extended("v3 + 2 bits of the next band, both values below 0.3", 2, 0.3),
                extended("v3 + 3 bits of the next band, both values below 0.3", 3, 0.3),
                extended("v3 + 4 bits of the next band, both values below 0.3", 4, 0.3),
                extended("v3 + 4 bits of the next band, both values below 0.5", 4, 0.5),
                extended("v3 + 6 bits of the next band, both values below 0.5", 6, 0.5),
                extended("v3 + 8 bits of the next band, both values below 0.5", 8, 0.5),
                extended("v3 + 8 bits of the next band, both values below 0.8", 8, 0.8));
        Map<String, int[]> v3 = null;
        for (Scheme s : schemes) {
            Map<String, int[]> per = new LinkedHashMap<>();
            long keys = 0;
            long rawKeys = 0;
            int found = 0;
            List<String> lost = new ArrayList<>();
            List<String> gained = new ArrayList<>();
            for (Copy c : copies) {
                Set<Long> distinct = new HashSet<>();
                boolean hit = false;
                for (CopyPrints.Probe p : c.probes()) {
                    Set<Long> q = s.query().apply(p);
                    rawKeys += q.size();
                    for (long k : q) {
                        distinct.add(k * 2 + p.region());
                    }
                    long stored = p.region() == CopyPrints.FULL ? c.full() : c.core();
                    if (!hit && ImageHashes.distance(p.hash(), stored) <= limit) {
                        Set<Long> st = s.stored().apply(stored);
                        for (long k : q) {
                            if (st.contains(k)) {
                                hit = true;
                                break;
                            }
                        }
                    }
                }
                keys += distinct.size();
                int[] t = per.computeIfAbsent(c.transform(), x -> new int[2]);
                t[0]++;
                if (hit) {
                    t[1]++;
                    found++;
                }
                String id = c.transform() + " of " + c.base();
                if (v3 != null) {
                    boolean before = V3_FOUND.contains(id);
                    if (before && !hit) {
                        lost.add(id);
                    } else if (!before && hit) {
                        gained.add(id);
                    }
                } else if (hit) {
                    V3_FOUND.add(id);
                }
            }
            double perKey = 5_000_000 / Math.pow(2, s.bits());
            System.out.printf("%-36s found %3d/%d; keys per query %.0f (%.0f distinct); random rows per key at 5 M "
                            + "photos %.3f -> %.0f rows read per query%n",
                    s.name(), found, copies.size(), rawKeys / (double) copies.size(), keys / (double) copies.size(),
                    perKey, perKey * keys / copies.size());
            if (v3 != null) {
                System.out.println("    lost vs v3: " + lost);
                System.out.println("    gained vs v3: " + gained);
            } else {
                StringBuilder b = new StringBuilder("    per transform:");
                per.forEach((k, v) -> b.append(' ').append(k).append(' ').append(v[1]).append('/').append(v[0]));
                System.out.println(b);
            }
            if (v3 == null) {
                v3 = per;
            }
        }
    }

    /** The copies' probes (cached under target/, generating the set takes minutes). */
    static List<Copy> copies(int scenes, int real) {
        java.nio.file.Path cache = java.nio.file.Path.of("target/index-study-" + scenes + "-" + real + ".bin");
        List<Copy> copies = new ArrayList<>();
        if (java.nio.file.Files.exists(cache)) {
            try (var in = new java.io.DataInputStream(new java.io.BufferedInputStream(
                    java.nio.file.Files.newInputStream(cache)))) {
                int n = in.readInt();
                for (int c = 0; c < n; c++) {
                    String base = in.readUTF();
                    String transform = in.readUTF();
                    long full = in.readLong();
                    long core = in.readLong();
                    int probes = in.readInt();
                    List<CopyPrints.Probe> list = new ArrayList<>();
                    for (int i = 0; i < probes; i++) {
                        int region = in.readInt();
                        int variant = in.readInt();
                        long hash = in.readLong();
                        double[] rel = new double[64];
                        for (int j = 0; j < 64; j++) {
                            rel[j] = in.readDouble();
                        }
                        list.add(new CopyPrints.Probe(region, variant, hash, rel, null));
                    }
                    copies.add(new Copy(base, transform, list, full, core));
                }
                return copies;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        Map<String, BufferedImage> bases = CopySetGenerator.bases(scenes, real);
        for (Map.Entry<String, BufferedImage> e : bases.entrySet()) {
            CopyPrints.Stored o = DuplicateLookupBench.prints(DemoPhotos.jpeg(e.getValue(), 0.92f)).stored();
            for (CopySetGenerator.Item it : CopySetGenerator.copies(e.getKey(), e.getValue())) {
                copies.add(new Copy(e.getKey(), it.transform(), DuplicateLookupBench.prints(it.jpeg()).probes(),
                        o.full(), o.core()));
            }
        }
        try (var out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
                java.nio.file.Files.newOutputStream(cache)))) {
            out.writeInt(copies.size());
            for (Copy c : copies) {
                out.writeUTF(c.base());
                out.writeUTF(c.transform());
                out.writeLong(c.full());
                out.writeLong(c.core());
                out.writeInt(c.probes().size());
                for (CopyPrints.Probe p : c.probes()) {
                    out.writeInt(p.region());
                    out.writeInt(p.variant());
                    out.writeLong(p.hash());
                    for (double r : p.reliability()) {
                        out.writeDouble(r);
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return copies;
    }

    static final Set<String> V3_FOUND = new HashSet<>();

    /** Detector v3's keys: 16-bit band b as (b << 16 | value). */
    static Scheme bands(String name, int flips) {
        return new Scheme(name, p -> {
            Set<Long> out = new HashSet<>();
            for (int[] k : DuplicateIndex.bandKeys(p, flips)) {
                out.add(((long) k[0] << 32) | k[1]);
            }
            return out;
        }, h -> {
            Set<Long> out = new HashSet<>();
            for (int b = 0; b < 4; b++) {
                out.add(((long) b << 32) | ImageHashes.Fingerprint.band(h, b));
            }
            return out;
        }, 16);
    }

    /** Consecutive segments of {@code width} bits (the last one takes the rest); query flips up to {@code e} of its {@code w} weakest bits per segment. */
    static Scheme wide(String name, int width, int w, int e) {
        int segments = (64 + width - 1) / width;
        return new Scheme(name, p -> {
            Set<Long> out = new HashSet<>();
            for (int s = 0; s < segments; s++) {
                int from = s * width;
                int to = Math.min(64, from + width);
                Integer[] bits = new Integer[to - from];
                for (int i = 0; i < bits.length; i++) {
                    bits[i] = from + i;
                }
                java.util.Arrays.sort(bits, (x, y) -> Double.compare(p.reliability()[x], p.reliability()[y]));
                long value = segment(p.hash(), from, to);
                for (int mask = 0; mask < (1 << w); mask++) {
                    if (Integer.bitCount(mask) > e) {
                        continue;
                    }
                    long v = value;
                    for (int j = 0; j < w; j++) {
                        if ((mask >> j & 1) == 1) {
                            v ^= 1L << (bits[j] - from);
                        }
                    }
                    out.add(((long) s << 40) | v);
                }
            }
            return out;
        }, h -> {
            Set<Long> out = new HashSet<>();
            for (int s = 0; s < segments; s++) {
                int from = s * width;
                out.add(((long) s << 40) | segment(h, from, Math.min(64, from + width)));
            }
            return out;
        }, width);
    }

    /**
     * Detector v3's band keys widened by the first {@code x} bits of the next band; where the probe's
     * reliability of such a bit is below {@code tau}, both of its values are looked up.
     */
    static Scheme extended(String name, int x, double tau) {
        return new Scheme(name, p -> {
            Set<Long> out = new HashSet<>();
            for (int[] k : DuplicateIndex.bandKeys(p, 2)) {
                int next = (k[0] + 1) % 4;
                long extra = segment(p.hash(), next * 16, next * 16 + x);
                List<Long> values = new ArrayList<>(List.of(extra));
                for (int j = 0; j < x; j++) {
                    if (p.reliability()[next * 16 + j] < tau) {
                        int bit = j;
                        values.addAll(values.stream().map(v -> v ^ (1L << bit)).toList());
                    }
                }
                for (long v : values) {
                    out.add(((long) k[0] << 40) | ((long) k[1] << 16) | v);
                }
            }
            return out;
        }, h -> {
            Set<Long> out = new HashSet<>();
            for (int b = 0; b < 4; b++) {
                int next = (b + 1) % 4;
                out.add(((long) b << 40) | ((long) ImageHashes.Fingerprint.band(h, b) << 16)
                        | segment(h, next * 16, next * 16 + x));
            }
            return out;
        }, 16 + x);
    }

    static long segment(long h, int from, int to) {
        return (h >>> from) & ((1L << (to - from)) - 1);
    }
}
