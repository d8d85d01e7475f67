package cn.sgz.bench;

import cn.sgz.evidence.internal.CopyPrints;
import cn.sgz.evidence.internal.DuplicateIndex;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The duplicate lookup statement on PostgreSQL, as the database runs it: for the copies of the copy set
 * ({@link IndexStudy}'s cached probes), the lookup statement of detector v3 (one index scan per band key
 * and probe hash), version 4's (one scan per distinct key; both on bench_v4_copy_hash, built by
 * DuplicateLookupBench with -Dv4=true) and the current one (posting lists, migration V93),
 * alternately, each with EXPLAIN (ANALYZE, BUFFERS): the execution time the server reports (less
 * sensitive to a loaded machine than a client's clock), and the time measured around a plain run.
 * {@code java -cp ... cn.sgz.bench.LookupExplain jdbc:postgresql://127.0.0.1:5432/bench_dup2 200}
 */
public final class LookupExplain {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        List<IndexStudy.Copy> copies = IndexStudy.copies(6, 14);
        Map<String, Function<List<CopyPrints.Probe>, DuplicateIndex.Statement>> variants = new LinkedHashMap<>();
        variants.put("v3 (a scan per key and probe hash)", LookupExplain::v3);
        variants.put("v4 (a scan per distinct key)", LookupExplain::v4);
        variants.put("posting lists, filter in SQL, unnest in select", LookupExplain::posting);
        variants.put("posting lists, filter in SQL, lateral unnest", LookupExplain::postingLateral);
        variants.put("posting rows only (production: filter in Java)",
                q -> DuplicateIndex.postgresPostingStatement(DuplicateIndex.lookupKeys(q, 2, 2)));
        // studies: -Dvariants="name~regex~replacement;;..." applied to the current statement
        for (String v : System.getProperty("variants", "").split(";;")) {
            if (!v.isBlank()) {
                String[] f = v.split("~", 3);
                variants.put(f[0], q -> {
                    DuplicateIndex.Statement st = posting(q);
                    return new DuplicateIndex.Statement(st.sql().replaceAll(f[1], f[2]), st.params());
                });
            }
        }
        if (System.getProperty("only") != null) {
            variants.keySet().removeIf(k -> !k.matches(System.getProperty("only")));
        }
        Map<String, List<double[]>> times = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            try (java.sql.Statement st = c.createStatement()) {
                for (String s : System.getProperty("set", "").split(";")) {
                    if (!s.isBlank()) {
                        st.execute("SET " + s);
                    }
                }
            }
            for (int w = 0; w < Math.min(20, n); w++) {
                for (var v : variants.values()) {
                    plain(c, v.apply(copies.get(w).probes()));
                }
            }
            for (int i = 0; i < n; i++) {
                List<CopyPrints.Probe> probes = copies.get((i * 7) % copies.size()).probes();
                for (var v : variants.entrySet()) {
                    DuplicateIndex.Statement sql = v.getValue().apply(probes);
                    double[] explained = run(c, sql, i == 0);
                    long t0 = System.nanoTime();
                    int rows = plain(c, sql);
                    double plain = (System.nanoTime() - t0) / 1e6;
                    times.computeIfAbsent(v.getKey(), k -> new ArrayList<>())
                            .add(new double[] {explained[1], plain, explained[2], explained[3], rows});
                }
            }
        }
        System.out.printf("%d lookups each, load average %s%n", n, DuplicateLookupBench.loadAverage());
        times.forEach((k, v) -> {
            double[] ex = v.stream().mapToDouble(x -> x[0]).sorted().toArray();
            double[] pl = v.stream().mapToDouble(x -> x[1]).sorted().toArray();
            System.out.printf("%-40s server execution p50 %.2f ms p99 %.2f ms | client p50 %.2f ms p99 %.2f ms | "
                            + "%.0f shared buffers hit, %.0f read per lookup, %.1f rows returned%n",
                    k, ex[ex.length / 2], ex[(int) (ex.length * 0.99)], pl[pl.length / 2], pl[(int) (pl.length * 0.99)],
                    v.stream().mapToDouble(x -> x[2]).average().orElse(0),
                    v.stream().mapToDouble(x -> x[3]).average().orElse(0),
                    v.stream().mapToDouble(x -> x[4]).average().orElse(0));
        });
    }

    /** Runs the statement, answers the number of rows. */
    static int plain(Connection c, DuplicateIndex.Statement sql) throws Exception {
        int rows = 0;
        try (var st = prepare(c, sql.sql(), sql.params()); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows++;
            }
        }
        return rows;
    }

    static java.sql.PreparedStatement prepare(Connection c, String sql, List<Object> params) throws Exception {
        java.sql.PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Object[] a) {
                st.setArray(i + 1, c.createArrayOf(a instanceof Long[] ? "bigint" : "integer", a));
            } else {
                st.setObject(i + 1, p);
            }
        }
        return st;
    }

    /** EXPLAIN (ANALYZE, BUFFERS): {-, execution ms, shared hit, shared read}; prints the plan when asked. */
    static double[] run(Connection c, DuplicateIndex.Statement sql, boolean print) throws Exception {
        try (var st = prepare(c, "EXPLAIN (ANALYZE, BUFFERS) " + sql.sql(), sql.params())) {
            double[] out = new double[4];
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String line = rs.getString(1);
                    plan.append(line).append('\n');
                    if (line.startsWith("Execution Time:")) {
                        out[1] = Double.parseDouble(line.replaceAll("[^0-9.]", ""));
                    }
                }
            }
            // the top node's buffers line is the first one
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Buffers: shared( hit=(\\d+))?( read=(\\d+))?")
                    .matcher(plan);
            if (m.find()) {
                out[2] = m.group(2) == null ? 0 : Double.parseDouble(m.group(2));
                out[3] = m.group(4) == null ? 0 : Double.parseDouble(m.group(4));
            }
            if (print) {
                System.out.println(plan.length() > 6000 ? plan.substring(0, 6000) + "…" : plan);
            }
            return out;
        }
    }

    /** Detector v3's statement: one unnest row per (band key, probe hash, orientation). */
    static DuplicateIndex.Statement v3(List<CopyPrints.Probe> probes) {
        Map<Integer, Map<String, long[]>> byBand = new LinkedHashMap<>();
        for (int i = 0; i < probes.size(); i++) {
            CopyPrints.Probe p = probes.get(i);
            for (int[] key : DuplicateIndex.bandKeys(p, 2)) {
                byBand.computeIfAbsent(key[0], b -> new LinkedHashMap<>())
                        .putIfAbsent(key[1] + ":" + p.region() + ":" + p.hash() + ":" + p.variant(),
                                new long[] {key[1], p.region(), p.hash(), i});
            }
        }
        StringBuilder sql = new StringBuilder();
        byBand.forEach((band, rows) -> {
            if (!sql.isEmpty()) {
                sql.append(" UNION ALL ");
            }
            List<long[]> r = new ArrayList<>(rows.values());
            sql.append("SELECT h.photo_id, h.region, h.phash, q.i FROM unnest(")
                    .append(array(r, 0, "INT")).append(", ").append(array(r, 1, "SMALLINT")).append(", ")
                    .append(array(r, 2, "BIGINT")).append(", ").append(array(r, 3, "INT"))
                    .append(") AS q(v, r, hash, i) JOIN bench_v4_copy_hash h ON h.band").append(band)
                    .append(" = q.v AND h.region = q.r WHERE bit_count((h.phash # q.hash)::bit(64)) <= 12");
        });
        return new DuplicateIndex.Statement(sql.toString(), List.of());
    }

    /** Version 4's statement ({@link BandIndexV4}, on the bench's copy of its band index). */
    static DuplicateIndex.Statement v4(List<CopyPrints.Probe> probes) {
        return BandIndexV4.statement(DuplicateIndex.lookupKeys(probes, 2, 2), 12);
    }

    /** The posting lists with the filter in the database ({@link DuplicateIndex#statement}, measured alternative). */
    static DuplicateIndex.Statement posting(List<CopyPrints.Probe> probes) {
        return DuplicateIndex.statement(DuplicateIndex.lookupKeys(probes, 2, 2), 12);
    }

    /** The posting statement with a lateral unnest(a, b) in FROM (a tuplestore per row; the statement's first form). */
    static DuplicateIndex.Statement postingLateral(List<CopyPrints.Probe> probes) {
        DuplicateIndex.Statement st = posting(probes);
        String sql = st.sql()
                .replace("SELECT e.id, e.r, e.h, e.k FROM (SELECT unnest(p.photo_ids) AS id, unnest(p.hashes) AS h, "
                                + "q.r, q.k, q.h1, q.h2, q.h3, q.h4 FROM q JOIN evidence_copy_posting p "
                                + "ON p.band = q.b AND p.region = q.r AND p.band_value = q.v) e WHERE ",
                        "SELECT e.id, q.r, e.h, q.k FROM q JOIN evidence_copy_posting p "
                                + "ON p.band = q.b AND p.region = q.r AND p.band_value = q.v "
                                + "CROSS JOIN LATERAL unnest(p.photo_ids, p.hashes) AS e(id, h) WHERE ")
                .replace("e.h1)", "q.h1)").replace("e.h2)", "q.h2)").replace("e.h3)", "q.h3)").replace("e.h4)", "q.h4)");
        if (sql.equals(st.sql())) {
            throw new IllegalStateException("the posting statement changed: " + st.sql());
        }
        return new DuplicateIndex.Statement(sql, st.params());
    }

    static String array(List<long[]> rows, int col, String type) {
        StringBuilder b = new StringBuilder("CAST('{");
        for (int i = 0; i < rows.size(); i++) {
            long v = rows.get(i)[col];
            b.append(i == 0 ? "" : ",").append(v == Long.MIN_VALUE ? "NULL" : Long.toString(v));
        }
        return b.append("}' AS ").append(type).append("[])").toString();
    }
}
