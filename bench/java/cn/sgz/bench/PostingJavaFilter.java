package cn.sgz.bench;

import cn.sgz.evidence.internal.CopyPrints;
import cn.sgz.evidence.internal.DuplicateIndex;
import cn.sgz.evidence.internal.DuplicateIndex.LookupKey;
import cn.sgz.evidence.internal.ImageHashes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The posting-list lookup with the Hamming filter in Java instead of the database (for the measurement on
 * PostgreSQL, -DjavaFilter=true): the key rows' arrays come back whole (DuplicateIndex.postingStatement, the
 * statement H2 uses) and every entry is compared in Java.
 */
final class PostingJavaFilter {

    private PostingJavaFilter() {}

    /**
     * The key rows by arrays of the distinct keys: one SQL text whatever the keys, so the driver prepares it
     * on the server after 5 uses and then receives the arrays in binary (a VALUES list changes the text with
     * the number of keys: planned every time, arrays as text).
     */
    static DuplicateIndex.Statement postgres(List<LookupKey> keys) {
        java.util.LinkedHashSet<Long> distinct = new java.util.LinkedHashSet<>();
        for (LookupKey k : keys) {
            distinct.add(((long) k.band() << 40) | ((long) k.region() << 32) | k.value());
        }
        Integer[] b = distinct.stream().map(x -> (int) (x >>> 40)).toArray(Integer[]::new);
        Integer[] r = distinct.stream().map(x -> (int) (x >>> 32 & 0xFF)).toArray(Integer[]::new);
        Integer[] v = distinct.stream().map(x -> (int) (x & 0xFFFFFFFFL)).toArray(Integer[]::new);
        return new DuplicateIndex.Statement("SELECT p.band, p.region, p.band_value, p.photo_ids, p.hashes FROM "
                + "unnest(CAST(? AS SMALLINT[]), CAST(? AS SMALLINT[]), CAST(? AS INT[])) AS q(b, r, v) "
                + "JOIN evidence_copy_posting p ON p.band = q.b AND p.region = q.r AND p.band_value = q.v",
                List.of(b, r, v));
    }

    static List<DuplicateIndex.Candidate> candidates(JdbcClient jdbc, CopyPrints.Prints query, int flips, int maxHamming) {
        List<CopyPrints.Probe> probes = query.probes();
        List<LookupKey> keys = DuplicateIndex.lookupKeys(probes, flips, flips);
        Map<Long, List<Integer>> byKey = new HashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            LookupKey key = keys.get(k);
            byKey.computeIfAbsent(((long) key.band() << 40) | ((long) key.region() << 32) | key.value(),
                    x -> new ArrayList<>()).add(k);
        }
        DuplicateIndex.Statement st = postgres(keys);
        Map<String, DuplicateIndex.Candidate> found = new HashMap<>();
        jdbc.sql(st.sql()).params(st.params()).query(rs -> {
            int region = rs.getInt(2);
            List<Integer> ks = byKey.get(((long) rs.getInt(1) << 40) | ((long) region << 32) | rs.getInt(3));
            Object[] ids = (Object[]) rs.getArray(4).getArray();
            Object[] hashes = (Object[]) rs.getArray(5).getArray();
            for (int e = 0; e < ids.length; e++) {
                long id = (Long) ids[e];
                long hash = (Long) hashes[e];
                for (int k : ks) {
                    for (int i : keys.get(k).probes()) {
                        CopyPrints.Probe p = probes.get(i);
                        int d = ImageHashes.distance(hash, p.hash());
                        if (d <= maxHamming) {
                            found.merge(id + ":" + p.variant(), new DuplicateIndex.Candidate(id, region, p.variant(), d, i),
                                    (a, b) -> a.distance() < b.distance()
                                            || a.distance() == b.distance() && a.probe() <= b.probe() ? a : b);
                        }
                    }
                }
            }
        });
        List<DuplicateIndex.Candidate> list = new ArrayList<>(found.values());
        list.sort(java.util.Comparator.comparingInt(DuplicateIndex.Candidate::distance)
                .thenComparingLong(DuplicateIndex.Candidate::photoId));
        return list;
    }
}
