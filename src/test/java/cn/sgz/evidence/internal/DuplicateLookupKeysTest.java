package cn.sgz.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.evidence.TestImages;
import cn.sgz.evidence.internal.CopyPrints.Probe;
import cn.sgz.evidence.internal.DuplicateIndex.LookupKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lookup keys of a query (no database): each (band, region, value) is looked up once however many
 * probes share it, and every band key of every probe is still looked up with that probe's hash.
 */
class DuplicateLookupKeysTest {

    private static CopyPrints.Prints query(long seed) {
        // a cropped, re-encoded copy: many windows, several orientations, shared band values
        return CopyPrints.of(TestImages.read(TestImages.jpeg(
                TestImages.crop(TestImages.read(TestImages.jpeg(TestImages.scene(seed), 0.9f)), 0.05, 0, 0.03, 0.04),
                0.7f)));
    }

    private static double[] reliability(long seed) {
        java.util.Random r = new java.util.Random(seed);
        double[] out = new double[64];
        for (int i = 0; i < 64; i++) {
            out[i] = r.nextDouble();
        }
        return out;
    }

    @Test
    void everyBandKeyOfEveryProbeIsLookedUpWithThatProbesHash() {
        for (long seed : new long[] {7101, 7102, 7103}) {
            List<Probe> probes = query(seed).probes();
            List<LookupKey> keys = DuplicateIndex.lookupKeys(probes, 2, 2);
            for (int i = 0; i < probes.size(); i++) {
                Probe p = probes.get(i);
                for (int[] bk : DuplicateIndex.bandKeys(p, 2)) {
                    final int probe = i;
                    assertThat(keys)
                            .as("probe %d, band %d value %d", i, bk[0], bk[1])
                            .anyMatch(k -> k.band() == bk[0]
                                    && k.value() == bk[1]
                                    && k.region() == p.region()
                                    && contains(k.probes(), probe)
                                    && contains(k.hashes(), p.hash()));
                }
            }
            // and nothing else: a key's probes all have that band key and one of its hashes
            for (LookupKey k : keys) {
                assertThat(k.probes()).isNotEmpty();
                for (int i : k.probes()) {
                    Probe p = probes.get(i);
                    assertThat(p.region()).isEqualTo(k.region());
                    assertThat(contains(k.hashes(), p.hash())).isTrue();
                    assertThat(DuplicateIndex.bandKeys(p, 2)).anyMatch(bk -> bk[0] == k.band() && bk[1] == k.value());
                }
            }
        }
    }

    @Test
    void aKeySharedByProbesIsOneScanAndTheQueryHasFewerScansThanBandKeys() {
        List<Probe> probes = query(7104).probes();
        List<LookupKey> keys = DuplicateIndex.lookupKeys(probes, 2, 2);
        // one row per key, unless more distinct hashes share it than a row holds
        java.util.Map<String, List<Long>> hashesByKey = new java.util.HashMap<>();
        java.util.Map<String, Integer> rowsByKey = new java.util.HashMap<>();
        for (LookupKey k : keys) {
            String id = k.band() + ":" + k.region() + ":" + k.value();
            rowsByKey.merge(id, 1, Integer::sum);
            for (long h : k.hashes()) {
                hashesByKey.computeIfAbsent(id, x -> new ArrayList<>()).add(h);
            }
        }
        hashesByKey.forEach((id, hashes) -> {
            assertThat(hashes).as(id).doesNotHaveDuplicates();
            assertThat(rowsByKey.get(id))
                    .as(id)
                    .isEqualTo((hashes.size() + DuplicateIndex.HASHES_PER_KEY_ROW - 1)
                            / DuplicateIndex.HASHES_PER_KEY_ROW);
        });
        int bandKeys = probes.stream()
                .mapToInt(p -> DuplicateIndex.bandKeys(p, 2).size())
                .sum();
        // each band, its two weakest bits flipped, and pairs of its uncertain bits (see the test below)
        assertThat(bandKeys).isGreaterThanOrEqualTo(probes.size() * 4 * 3);
        assertThat(probes.stream()
                        .mapToInt(p -> DuplicateIndex.bandKeys(p, 2, 0, 0).size())
                        .sum())
                .isEqualTo(probes.size() * 4 * 3);
        // neighbouring windows share band values: the scans are fewer than the band keys
        assertThat(keys.size()).isLessThan(bandKeys);
    }

    @Test
    void pairsOfABandsUncertainBitsAreLookedUpAndAClearBandAddsNone() {
        // band 0: bits 3, 7 and 11 uncertain (reliability under 0.10), the rest clear; bands 1-3 all clear
        double[] rel = new double[64];
        java.util.Arrays.fill(rel, 0.8);
        rel[3] = 0.02;
        rel[7] = 0.05;
        rel[11] = 0.09;
        rel[12] = 0.12; // the fourth weakest, but not uncertain: flipped alone only if among the two weakest
        rel[20] = 0.01; // band 1: one uncertain bit, no pair
        long hash = 0x0F0F_1234_5678_9ABCL;
        Probe p = new Probe(CopyPrints.CORE, 0, hash, rel, null);
        List<int[]> keys = DuplicateIndex.bandKeys(p, 2);
        int v0 = ImageHashes.Fingerprint.band(hash, 0);
        java.util.Set<Integer> band0 = new java.util.HashSet<>();
        keys.stream().filter(k -> k[0] == 0).forEach(k -> band0.add(k[1]));
        // itself, the two weakest bits flipped alone, and the three pairs of the uncertain bits 3, 7, 11
        assertThat(band0)
                .containsExactlyInAnyOrder(
                        v0,
                        v0 ^ (1 << 3),
                        v0 ^ (1 << 7),
                        v0 ^ (1 << 3) ^ (1 << 7),
                        v0 ^ (1 << 3) ^ (1 << 11),
                        v0 ^ (1 << 7) ^ (1 << 11));
        // bands 1-3: 1 + 2 keys each, no pair (band 1 has a single uncertain bit)
        assertThat(keys.stream().filter(k -> k[0] > 0)).hasSize(3 * 3);
        assertThat(keys).hasSize(6 + 9);
        // no flips, no pairs: the exact bands only
        assertThat(DuplicateIndex.bandKeys(p, 0)).hasSize(4);
        // a copy whose band 0 differs in two uncertain bits is found through band 0 alone
        long copy = hash
                ^ (1L << 7)
                ^ (1L << 11)
                ^ (1L << 18)
                ^ (1L << 19)
                ^ (1L << 40)
                ^ (1L << 41)
                ^ (1L << 60)
                ^ (1L << 61);
        assertThat(ImageHashes.distance(hash, copy)).isEqualTo(8);
        assertThat(keys).anyMatch(k -> ImageHashes.Fingerprint.band(copy, k[0]) == k[1]);
        assertThat(DuplicateIndex.bandKeys(p, 2, 0, 0))
                .noneMatch(k -> ImageHashes.Fingerprint.band(copy, k[0]) == k[1]);
    }

    @Test
    void moreDistinctHashesUnderOneKeyThanARowHoldsTakeSeveralRows() {
        // six probes whose first band is the same, their other bands all different
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long hash = 0x1234L | ((long) (i + 1) << 16) | ((long) (i + 11) << 32) | ((long) (i + 21) << 48);
            probes.add(new Probe(CopyPrints.CORE, i % 2, hash, reliability(i), null));
        }
        List<LookupKey> shared = DuplicateIndex.lookupKeys(probes, 0, 0).stream()
                .filter(k -> k.band() == 0)
                .toList();
        assertThat(shared).hasSize(2);
        assertThat(shared).allMatch(k -> k.value() == 0x1234 && k.region() == CopyPrints.CORE);
        assertThat(shared.get(0).hashes()).hasSize(DuplicateIndex.HASHES_PER_KEY_ROW);
        assertThat(shared.get(1).hashes()).hasSize(6 - DuplicateIndex.HASHES_PER_KEY_ROW);
        List<Integer> all = new ArrayList<>();
        for (LookupKey k : shared) {
            for (int i : k.probes()) {
                all.add(i);
            }
        }
        assertThat(all).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        // the other bands are one key each
        assertThat(DuplicateIndex.lookupKeys(probes, 0, 0)).hasSize(2 + 3 * 6);
        // the same hash twice (two orientations of a symmetric window) is one hash with two probes
        probes.add(new Probe(CopyPrints.CORE, 5, probes.get(0).hash(), reliability(9), null));
        List<LookupKey> band1 = DuplicateIndex.lookupKeys(probes, 0, 0).stream()
                .filter(k -> k.band() == 1 && k.value() == 1)
                .toList();
        assertThat(band1).hasSize(1);
        LookupKey first = band1.get(0);
        assertThat(first.hashes()).containsExactly(probes.get(0).hash());
        assertThat(first.probes()).containsExactly(0, 6);
    }

    private static boolean contains(int[] values, int v) {
        return java.util.Arrays.stream(values).anyMatch(x -> x == v);
    }

    private static boolean contains(long[] values, long v) {
        return java.util.Arrays.stream(values).anyMatch(x -> x == v);
    }
}
