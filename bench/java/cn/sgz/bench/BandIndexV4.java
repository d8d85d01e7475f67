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
 * Version 4's lookup (before migration V93), kept for the comparison on PostgreSQL: the four covering band
 * indexes (bandN, region, phash, photo_id) of a table of the bench's own, bench_v4_copy_hash (built by
 * {@link DuplicateLookupBench#buildV4}), one index scan per distinct band key, keys as unnest arrays in a
 * materialized CTE, the Hamming filter in the database. The statement is the one DuplicateIndex.statement
 * sent at commit 9abd1d3, with the table renamed.
 */
final class BandIndexV4 {

    private BandIndexV4() {}

    static DuplicateIndex.Statement statement(List<LookupKey> keys, int maxHamming) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        StringBuilder filter = new StringBuilder(" AND (");
        for (int c = 1; c <= 4; c++) {
            filter.append(c == 1 ? "" : " OR ").append("bit_count((h.phash # q.h").append(c).append(")::bit(64)) <= ")
                    .append(maxHamming);
        }
        filter.append(")");
        java.util.SortedSet<Integer> bands = new java.util.TreeSet<>();
        keys.forEach(k -> bands.add(k.band()));
        sql.append("WITH q AS MATERIALIZED (SELECT * FROM unnest(CAST(? AS SMALLINT[]), CAST(? AS INT[]), "
                + "CAST(? AS SMALLINT[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), "
                + "CAST(? AS BIGINT[]), CAST(? AS INT[])) AS t(b, v, r, h1, h2, h3, h4, k)) ");
        params.add(keys.stream().map(LookupKey::band).toArray(Integer[]::new));
        params.add(keys.stream().map(LookupKey::value).toArray(Integer[]::new));
        params.add(keys.stream().map(LookupKey::region).toArray(Integer[]::new));
        for (int c = 0; c < 4; c++) {
            final int col = c;
            params.add(keys.stream().map(x -> col < x.hashes().length ? x.hashes()[col] : null).toArray(Long[]::new));
        }
        params.add(java.util.stream.IntStream.range(0, keys.size()).boxed().toArray(Integer[]::new));
        for (int band : bands) {
            sql.append(band == bands.first() ? "" : " UNION ALL ")
                    .append("SELECT h.photo_id, h.region, h.phash, q.k FROM q JOIN bench_v4_copy_hash h ON h.band")
                    .append(band).append(" = q.v AND h.region = q.r WHERE q.b = ").append(band).append(filter);
        }
        return new DuplicateIndex.Statement(sql.toString(), params);
    }

    /** The candidates as DuplicateIndex.candidates computed them in version 4 (same merge rule). */
    static List<DuplicateIndex.Candidate> candidates(JdbcClient jdbc, CopyPrints.Prints query, int flips, int maxHamming) {
        List<CopyPrints.Probe> probes = query.probes();
        List<LookupKey> keys = DuplicateIndex.lookupKeys(probes, flips, flips);
        DuplicateIndex.Statement st = statement(keys, maxHamming);
        Map<String, DuplicateIndex.Candidate> found = new HashMap<>();
        jdbc.sql(st.sql()).params(st.params()).query(rs -> {
            long id = rs.getLong(1);
            int region = rs.getInt(2);
            long hash = rs.getLong(3);
            for (int i : keys.get(rs.getInt(4)).probes()) {
                CopyPrints.Probe p = probes.get(i);
                int d = ImageHashes.distance(hash, p.hash());
                if (d <= maxHamming) {
                    found.merge(id + ":" + p.variant(), new DuplicateIndex.Candidate(id, region, p.variant(), d, i),
                            (a, b) -> a.distance() < b.distance() || a.distance() == b.distance() && a.probe() <= b.probe()
                                    ? a : b);
                }
            }
        });
        List<DuplicateIndex.Candidate> list = new ArrayList<>(found.values());
        list.sort(java.util.Comparator.comparingInt(DuplicateIndex.Candidate::distance)
                .thenComparingLong(DuplicateIndex.Candidate::photoId));
        return list;
    }
}
