package cn.sgz.bench;

import cn.sgz.SgzApplication;
import cn.sgz.activity.RecordForm;
import cn.sgz.shared.vocabulary.ServiceKind;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.internal.DemoPhotos;
import cn.sgz.evidence.DeviceCapture;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.evidence.internal.CopyPrints;
import cn.sgz.evidence.internal.DuplicateIndex;
import cn.sgz.evidence.internal.ImageHashes;
import cn.sgz.evidence.internal.ImageHashes.Fingerprint;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Benchmark of the duplicate-photo index (not part of the build; run bench/duplicate-bench.sh).
 * Starts the application on its own database (H2 file under target/bench-data, or PostgreSQL when
 * SPRING_DATASOURCE_URL is set), loads N synthetic hashes through plain JDBC batches into the real
 * tables, then measures: lookup latency p50/p99 (index stage, and index + confirmation), the size
 * of the index, photos per second from upload to stored qualification, and recall / false-match
 * rate on the photo set of {@link PhotoSetGenerator}. Arguments: sizes (e.g. 1000000,5000000).
 */
public final class DuplicateLookupBench {

    public static void main(String[] args) throws Exception {
        List<Long> sizes = Arrays.stream((args.length > 0 ? args[0] : "1000000").split(",")).map(Long::parseLong).toList();
        int queries = Integer.getInteger("queries", 2000);
        int pipelinePhotos = Integer.getInteger("pipeline", 40);
        // system properties outrank application.properties (default properties would not)
        System.setProperty("sgz.data-dir", "./target/bench-data");
        System.setProperty("server.port", "0");
        System.setProperty("logging.level.root", "WARN");
        System.setProperty("sgz.demo.enabled", "true");
        // the placeholder rows carry random hashes and no file: the re-fingerprinting of older versions must
        // not pick them up (it would spend the run marking millions of rows unreadable)
        System.setProperty("sgz.evidence.backfill-initial-delay", "3650d");
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SgzApplication.class).run();
        try {
            DataSource ds = ctx.getBean(DataSource.class);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            DuplicateIndex index = ctx.getBean(DuplicateIndex.class);
            String product;
            try (Connection c = ds.getConnection()) {
                product = c.getMetaData().getDatabaseProductName();
            }
            System.out.println("database: " + product);
            Map<String, BufferedImage> bases = null;
            long loaded = jdbc.sql("SELECT COUNT(*) FROM evidence_photo WHERE owner_type = 'BENCH'").query(Long.class).single();
            for (long target : sizes) {
                if (loaded < target) {
                    long t0 = System.nanoTime();
                    load(ds, loaded, target - loaded);
                    System.out.printf("loaded %,d synthetic hashes in %.1f s%n", target - loaded,
                            (System.nanoTime() - t0) / 1e9);
                    loaded = target;
                }
                if (Boolean.getBoolean("loadOnly")) {
                    continue;
                }
                System.out.printf("%n=== %,d stored photos (%,d hashes, %,d posting rows of at most %d entries) ===%n",
                        jdbc.sql("SELECT COUNT(DISTINCT photo_id) FROM evidence_copy_hash").query(Long.class).single(),
                        jdbc.sql("SELECT COUNT(*) FROM evidence_copy_hash").query(Long.class).single(),
                        jdbc.sql("SELECT COUNT(*) FROM evidence_copy_posting").query(Long.class).single(),
                        DuplicateIndex.CHUNK);
                if (bases == null && System.getProperty("phases", "accuracy").contains("accuracy")) {
                    System.out.println("photo set: generating…");
                    bases = CopySetGenerator.bases(Integer.getInteger("scenes", 30), Integer.getInteger("real", 60));
                    System.out.println("photo set: " + bases.size() + " base photos ("
                            + bases.keySet().stream().filter(k -> k.startsWith("real-")).count() + " real photographs)");
                }
                boolean postgres = product.toLowerCase().contains("postgres");
                boolean v4 = postgres && Boolean.getBoolean("v4");
                if (postgres) {
                    // what autovacuum does on a live system: statistics and the visibility map
                    long v0 = System.nanoTime();
                    jdbc.sql("VACUUM (ANALYZE) evidence_copy_hash").update();
                    jdbc.sql("VACUUM (ANALYZE) evidence_copy_posting").update();
                    System.out.printf("VACUUM (ANALYZE) evidence_copy_hash, evidence_copy_posting: %.1f s%n",
                            (System.nanoTime() - v0) / 1e9);
                }
                if (v4) {
                    long have = jdbc.sql("SELECT COUNT(*) FROM pg_tables WHERE tablename = 'bench_v4_copy_hash'")
                            .query(Long.class).single() == 0 ? -1
                            : jdbc.sql("SELECT COUNT(*) FROM bench_v4_copy_hash").query(Long.class).single();
                    if (have != jdbc.sql("SELECT COUNT(*) FROM evidence_copy_hash").query(Long.class).single()) {
                        try (Connection c = ds.getConnection()) {
                            c.setAutoCommit(true);
                            buildV4(c);
                        }
                    }
                }
                List<String> phases = List.of(System.getProperty("phases", "latency,size,accuracy,pipeline").split(","));
                if (phases.contains("latency")) {
                    latency(index, queries, queryPool(), v4 ? jdbc : null);
                }
                if (phases.contains("size")) {
                    size(jdbc, product);
                }
                if (phases.contains("accuracy")) {
                    accuracy(jdbc, index, bases);
                }
                if (phases.contains("pipeline")) {
                    pipeline(ctx, pipelinePhotos);
                }
            }
        } finally {
            ctx.close();
        }
    }

    /** Synthetic photos: random 64-bit hashes (uniform, so every band value is equally likely). */
    static void load(DataSource ds, long from, long count) throws Exception {
        try (Connection c = ds.getConnection()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            long maxId;
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM evidence_photo")) {
                rs.next();
                maxId = rs.getLong(1);
            }
            if (postgres) {
                copyLoad(c, maxId, from, count);
            } else {
                batchLoad(c, maxId, from, count);
            }
            restartIdentity(c);
            c.setAutoCommit(true);
            rebuildPostings(c);
        }
    }

    /** Placeholder rows are owner_type 'BENCH'; their hashes come from a seeded generator per block. */
    private static long hashOf(long n) {
        long z = n * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** PostgreSQL: COPY through the driver's CopyManager, 200 000 rows per COPY, both tables. */
    static void copyLoad(Connection c, long maxId, long from, long count) throws Exception {
        c.setAutoCommit(true);
        org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
        String now = OffsetDateTime.now().toString();
        int chunk = 200_000;
        for (long start = 0; start < count; start += chunk) {
            long end = Math.min(count, start + chunk);
            StringBuilder photos = new StringBuilder((int) (end - start) * 170);
            StringBuilder hashes = new StringBuilder((int) (end - start) * 60);
            for (long i = start; i < end; i++) {
                long id = maxId + 1 + i;
                long h = hashOf(from + i);
                photos.append(id).append("\tBENCH\t").append(id).append("\t/bench/\tSCENE\tGALLERY\t")
                        .append(Long.toHexString(h)).append(Long.toHexString(id)).append("\timage/jpeg\t100000\t1024\t768\tbench/")
                        .append(id).append('\t').append(h).append("\t\\\\x00\t").append(CopyPrints.VERSION).append('\t').append(now).append('\n');
                long core = hashOf(~(from + i));
                for (int region = 0; region < 2; region++) {
                    long rh = region == 0 ? h : core;
                    hashes.append(id).append('\t').append(region).append('\t').append(rh).append('\n');
                }
            }
            copy.copyIn("COPY evidence_photo (id, owner_type, owner_id, org_path, purpose, source, sha256, content_type, "
                    + "byte_size, width, height, file_key, phash, signature, fingerprint_version, uploaded_at) FROM STDIN",
                    new java.io.StringReader(photos.toString()));
            copy.copyIn("COPY evidence_copy_hash (photo_id, region, phash) FROM STDIN",
                    new java.io.StringReader(hashes.toString()));
            if (end % 1_000_000 == 0 || end == count) {
                System.out.printf("  … %,d%n", end);
            }
        }
        try (var st = c.createStatement()) {
            st.execute("ANALYZE evidence_photo");
            st.execute("ANALYZE evidence_copy_hash");
        }
    }

    /** A band of {@code phash} in SQL (as {@link Fingerprint#band}). */
    static String bandSql(boolean postgres, int band) {
        return PostingLists.bandSql(postgres, band);
    }

    static void rebuildPostings(Connection c) throws Exception {
        PostingLists.rebuild(c);
    }

    /**
     * For the comparison with version 4 (PostgreSQL, -Dv4=true): its band index, as migration V85 had it, in
     * a table of the bench's own ({@link BandIndexV4}), built from evidence_copy_hash.
     */
    static void buildV4(Connection c) throws Exception {
        long t0 = System.nanoTime();
        try (var st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_v4_copy_hash");
            st.execute("CREATE TABLE bench_v4_copy_hash AS SELECT photo_id, region, phash, " + bandSql(true, 0)
                    + " AS band0, " + bandSql(true, 1) + " AS band1, " + bandSql(true, 2) + " AS band2, "
                    + bandSql(true, 3) + " AS band3 FROM evidence_copy_hash");
            st.execute("SET maintenance_work_mem = '1GB'");
            for (int b = 0; b < 4; b++) {
                st.execute("CREATE INDEX idx_bench_v4_copy_hash_b" + b + " ON bench_v4_copy_hash (band" + b
                        + ", region, phash, photo_id)");
            }
            st.execute("VACUUM (ANALYZE) bench_v4_copy_hash");
        }
        System.out.printf("  version 4's band index (bench_v4_copy_hash, 4 covering indexes) built in %.1f s; "
                + "load average %s%n", (System.nanoTime() - t0) / 1e9, loadAverage());
    }

    /** H2 (or any database): JDBC batches of 5 000 rows per table, one commit per batch. */
    static void batchLoad(Connection c, long maxId, long from, long count) throws Exception {
        c.setAutoCommit(false);
        try (PreparedStatement photo = c.prepareStatement("INSERT INTO evidence_photo (id, owner_type, owner_id, "
                + "org_path, purpose, source, sha256, content_type, byte_size, width, height, file_key, phash, "
                + "signature, fingerprint_version, uploaded_at) VALUES (?, 'BENCH', ?, '/bench/', 'SCENE', 'GALLERY', ?, 'image/jpeg', "
                + "100000, 1024, 768, ?, ?, ?, " + CopyPrints.VERSION + ", ?)");
             PreparedStatement hash = c.prepareStatement("INSERT INTO evidence_copy_hash (photo_id, region, phash) "
                     + "VALUES (?,?,?)")) {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            byte[] sig = new byte[1];
            for (long i = 0; i < count; i++) {
                long id = maxId + 1 + i;
                long h = hashOf(from + i);
                photo.setLong(1, id);
                photo.setLong(2, id);
                photo.setString(3, Long.toHexString(h) + Long.toHexString(id));
                photo.setString(4, "bench/" + id);
                photo.setLong(5, h);
                photo.setBytes(6, sig);
                photo.setTimestamp(7, now);
                photo.addBatch();
                for (int region = 0; region < 2; region++) {
                    long rh = region == 0 ? h : hashOf(~(from + i));
                    hash.setLong(1, id);
                    hash.setInt(2, region);
                    hash.setLong(3, rh);
                    hash.addBatch();
                }
                if ((i + 1) % 5000 == 0 || i == count - 1) {
                    photo.executeBatch();
                    hash.executeBatch();
                    c.commit();
                }
                if ((i + 1) % 500_000 == 0) {
                    System.out.printf("  … %,d%n", i + 1);
                }
            }
        }
        c.setAutoCommit(true);
    }

    /** Rows were inserted with explicit ids: the identity must continue after them (same SQL on both). */
    static void restartIdentity(Connection c) throws Exception {
        long next;
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM evidence_photo")) {
            rs.next();
            next = rs.getLong(1);
        }
        try (var st = c.createStatement()) {
            st.execute("ALTER TABLE evidence_photo ALTER COLUMN id RESTART WITH " + next);
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    /** Real queries: the fingerprints of copies from the copy set (their probe counts are what production sends). */
    static List<CopyPrints.Prints> queryPool() {
        List<CopyPrints.Prints> pool = new ArrayList<>();
        Map<String, BufferedImage> b = CopySetGenerator.bases(Integer.getInteger("latencyScenes", 6), Integer.getInteger("latencyReal", 6));
        for (Map.Entry<String, BufferedImage> e : b.entrySet()) {
            for (CopySetGenerator.Item it : CopySetGenerator.copies(e.getKey(), e.getValue())) {
                pool.add(prints(it.jpeg()));
            }
        }
        return pool;
    }

    /**
     * Lookup latency of the index stage, client side (around DuplicateIndex.candidates). With {@code v4} (a
     * JdbcClient, PostgreSQL with bench_v4_copy_hash) each query is also run through version 4's band
     * indexes right after, alternating which goes first, so both see the same load; their answers are compared.
     */
    /** -DjavaFilter=true (with -Dv4=true): the posting lists filtered in Java are interleaved too. */
    static final boolean JAVA_FILTER = Boolean.getBoolean("javaFilter");

    static void latency(DuplicateIndex index, int queries, List<CopyPrints.Prints> pool, JdbcClient v4) {
        int flips = Integer.getInteger("sgz.evidence.duplicate.full-flips", 2);
        int maxHamming = Integer.getInteger("sgz.evidence.duplicate.max-hamming", 12);
        for (int warm = 0; warm < Math.min(100, queries); warm++) {
            index.candidates(pool.get(warm % pool.size()));
            if (v4 != null) {
                BandIndexV4.candidates(v4, pool.get(warm % pool.size()), flips, maxHamming);
                if (JAVA_FILTER) {
                    PostingJavaFilter.candidates(v4, pool.get(warm % pool.size()), flips, maxHamming);
                }
            }
        }
        String load0 = loadAverage();
        long[] t = new long[queries];
        long[] t4 = new long[queries];
        long candidates = 0;
        long probes = 0;
        long keys = 0;
        long scans = 0;
        int differ = 0;
        long[] tj = new long[queries];
        int differJava = 0;
        for (int i = 0; i < queries; i++) {
            CopyPrints.Prints q = pool.get((i * 7) % pool.size());
            List<DuplicateIndex.Candidate> found = null;
            List<DuplicateIndex.Candidate> old = null;
            List<DuplicateIndex.Candidate> java = null;
            // the variants in turn, each query starting with another one (none always meets a warmer cache)
            for (int step = 0; step < 3; step++) {
                int which = (i + step) % 3;
                long s = System.nanoTime();
                if (which == 0) {
                    found = index.candidates(q);
                    t[i] = System.nanoTime() - s;
                } else if (which == 1 && v4 != null) {
                    old = BandIndexV4.candidates(v4, q, flips, maxHamming);
                    t4[i] = System.nanoTime() - s;
                } else if (which == 2 && v4 != null && JAVA_FILTER) {
                    java = PostingJavaFilter.candidates(v4, q, flips, maxHamming);
                    tj[i] = System.nanoTime() - s;
                }
            }
            if (old != null && !new java.util.HashSet<>(old).equals(new java.util.HashSet<>(found))) {
                differ++;
            }
            if (java != null && !new java.util.HashSet<>(java).equals(new java.util.HashSet<>(found))) {
                differJava++;
            }
            candidates += found.size();
            probes += q.probes().size();
            for (CopyPrints.Probe p : q.probes()) {
                keys += DuplicateIndex.bandKeys(p, flips).size();
            }
            scans += DuplicateIndex.lookupKeys(q.probes(), flips, flips).size();
        }
        Arrays.sort(t);
        System.out.printf("lookup (index stage, posting lists, client side; real copy-set queries: %.0f hashes per query on "
                        + "average, %.0f band keys, %.0f key rows, Hamming limit %d): p50 %.2f ms, p99 %.2f ms, max %.2f ms; "
                        + "%.2f candidates within the limit per query; load average before %s, after %s%n",
                probes / (double) queries, keys / (double) queries, scans / (double) queries, maxHamming,
                t[queries / 2] / 1e6, t[(int) (queries * 0.99)] / 1e6, t[queries - 1] / 1e6,
                candidates / (double) queries, load0, loadAverage());
        if (v4 != null) {
            Arrays.sort(t4);
            System.out.printf("lookup (index stage, version 4's band indexes, interleaved with the above): p50 %.2f ms, "
                            + "p99 %.2f ms, max %.2f ms; %d of %d queries answered differently from the posting lists%n",
                    t4[queries / 2] / 1e6, t4[(int) (queries * 0.99)] / 1e6, t4[queries - 1] / 1e6, differ, queries);
        }
        if (v4 != null && JAVA_FILTER) {
            Arrays.sort(tj);
            System.out.printf("lookup (index stage, posting lists with the Hamming filter in Java, interleaved): p50 %.2f ms, "
                            + "p99 %.2f ms, max %.2f ms; %d of %d queries answered differently from the posting lists%n",
                    tj[queries / 2] / 1e6, tj[(int) (queries * 0.99)] / 1e6, tj[queries - 1] / 1e6, differJava, queries);
        }
    }

    /** The 1, 5 and 15 minute load averages (the machine is shared: timings mean little without them). */
    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static void size(JdbcClient jdbc, String product) {
        long rows = jdbc.sql("SELECT COUNT(DISTINCT photo_id) FROM evidence_copy_hash").query(Long.class).single();
        if (product.toLowerCase().contains("postgres")) {
            long post = jdbc.sql("SELECT pg_total_relation_size('evidence_copy_posting')").query(Long.class).single();
            long hash = jdbc.sql("SELECT pg_total_relation_size('evidence_copy_hash')").query(Long.class).single();
            System.out.printf("index size: evidence_copy_posting %.1f MB (with its primary key and TOAST) = %.1f bytes per "
                            + "photo; evidence_copy_hash (the photos' hashes, for removal) %.1f MB = %.1f bytes per photo; "
                            + "together %.1f bytes per photo%n",
                    post / 1048576.0, post / (double) rows, hash / 1048576.0, hash / (double) rows,
                    (post + hash) / (double) rows);
            if (jdbc.sql("SELECT COUNT(*) FROM pg_tables WHERE tablename = 'bench_v4_copy_hash'").query(Long.class).single() > 0) {
                long v4 = jdbc.sql("SELECT pg_total_relation_size('bench_v4_copy_hash')").query(Long.class).single();
                System.out.printf("  version 4's band index for comparison: %.1f MB = %.1f bytes per photo%n",
                        v4 / 1048576.0, v4 / (double) rows);
            }
        } else {
            long bytes;
            try {
                bytes = java.nio.file.Files.size(Path.of("target/bench-data/sgz.mv.db"));
            } catch (java.io.IOException e) {
                bytes = -1;
            }
            // H2 reports no per-table sizes; the logical size: 8 entries of 16 bytes in posting arrays + 2 hash rows
            System.out.printf("index size: logical about %d bytes per photo (8 posting entries × 16 B + 2 rows × 18 B); "
                    + "the whole H2 file (photos table included) is %.0f MB for %,d photos. Nothing is held in "
                    + "application memory.%n", 8 * 16 + 2 * 18, bytes / 1048576.0, rows);
        }
    }

    /**
     * Recall and false-match rate on the copy set ({@link CopySetGenerator}). The base photos are stored
     * as real rows (owner_type BENCHSET, real fingerprints, both index rows); each query runs the
     * production index stage against the whole loaded index, then only the candidates that are copy-set
     * rows are confirmed with the production confirmation: the synthetic placeholder rows have no
     * thumbnail to compare, so confirming against them would measure nothing (they do show up in the
     * candidate counts and in the latency).
     */
    static void accuracy(JdbcClient jdbc, DuplicateIndex index, Map<String, BufferedImage> bases) {
        for (long old : jdbc.sql("SELECT DISTINCT photo_id FROM evidence_copy_hash WHERE photo_id IN "
                + "(SELECT id FROM evidence_photo WHERE owner_type = 'BENCHSET')").query(Long.class).list()) {
            index.remove(old);
        }
        Map<String, Long> originalIds = new LinkedHashMap<>();
        Map<String, CopyPrints.Prints> basePrints = new LinkedHashMap<>();
        for (Map.Entry<String, BufferedImage> e : bases.entrySet()) {
            byte[] jpeg = DemoPhotos.jpeg(e.getValue(), 0.92f);
            CopyPrints.Prints fp = prints(jpeg);
            var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("INSERT INTO evidence_photo (owner_type, owner_id, org_path, purpose, source, sha256, content_type, "
                            + "byte_size, width, height, file_key, phash, signature, fingerprint_version, uploaded_at) "
                            + "VALUES ('BENCHSET', 0, '/bench/', 'SCENE', 'GALLERY', ?, 'image/jpeg', ?, 1, 1, ?, ?, ?, "
                            + CopyPrints.VERSION + ", ?)")
                    .params("set-" + e.getKey() + System.nanoTime(), jpeg.length, "set/" + e.getKey(), fp.stored().full(),
                            fp.stored().bytes(), OffsetDateTime.now())
                    .update(keys, "id");
            long id = keys.getKey().longValue();
            index.add(id, fp.stored());
            originalIds.put(e.getKey(), id);
            basePrints.put(e.getKey(), fp);
        }
        Set<Long> setIds = Set.copyOf(originalIds.values());
        Map<String, BufferedImage> sources = CopySetGenerator.realSources(Integer.getInteger("real", 60));
        Map<String, int[]> byTransform = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        List<Long> lookupNanos = new ArrayList<>();
        long candidatesSeen = 0;
        int i = 0;
        for (Map.Entry<String, BufferedImage> e : bases.entrySet()) {
            long original = originalIds.get(e.getKey());
            List<CopySetGenerator.Item> items = new ArrayList<>(CopySetGenerator.copies(e.getKey(), e.getValue()));
            if (e.getKey().startsWith("scene-")) {
                items.addAll(CopySetGenerator.sceneOthers(i++));
            } else if (sources.containsKey(e.getKey())) {
                items.addAll(CopySetGenerator.realOthers(e.getKey(), sources.get(e.getKey())));
            }
            for (CopySetGenerator.Item it : items) {
                CopyPrints.Prints fp = prints(it.jpeg());
                long s = System.nanoTime();
                List<DuplicateIndex.Candidate> all = index.candidates(fp);
                List<DuplicateIndex.Candidate> real = all.stream().filter(c -> setIds.contains(c.photoId())).limit(30)
                        .toList();
                Optional<DuplicateIndex.Match> m = index.confirm(fp, real);
                lookupNanos.add(System.nanoTime() - s);
                candidatesSeen += all.size();
                String kind = (e.getKey().startsWith("real-") ? "real photo: " : "scene: ") + it.transform();
                int[] c = byTransform.computeIfAbsent(kind, k -> new int[3]);
                if (real.stream().anyMatch(x -> x.photoId() == original)) {
                    c[2]++;
                }
                c[0]++;
                boolean hit = it.copy() ? m.map(x -> x.photoId() == original).orElse(false) : m.isPresent();
                if (hit) {
                    c[1]++;
                }
                if (it.copy() && !hit) {
                    Optional<DuplicateIndex.Candidate> found = real.stream().filter(x -> x.photoId() == original).findFirst();
                    misses.add(it.transform() + " of " + e.getKey() + (found.isPresent()
                            ? " (found by the index at Hamming " + found.get().distance() + ", not confirmed: "
                                    + DuplicateIndex.compare(fp, found.get(), basePrints.get(e.getKey()).stored().bytes()) + ")"
                            : " (not found by the index)"));
                } else if (!it.copy() && hit) {
                    misses.add("FALSE MATCH " + it.transform() + " of " + e.getKey());
                }
            }
        }
        // distinct photos: every ordered pair of different base photos (a pair is flagged when the index
        // finds the other photo from one and the confirmation accepts it)
        int distinctPairs = 0;
        int distinctFalse = 0;
        List<String> names = new ArrayList<>(bases.keySet());
        for (String a : names) {
            CopyPrints.Prints fp = basePrints.get(a);
            long self = originalIds.get(a);
            List<DuplicateIndex.Candidate> real = index.candidates(fp).stream()
                    .filter(c -> setIds.contains(c.photoId()) && c.photoId() != self).toList();
            Set<Long> flagged = new java.util.HashSet<>();
            for (DuplicateIndex.Candidate c : real) {
                if (index.confirm(fp, List.of(c)).isPresent() && flagged.add(c.photoId())) {
                    distinctFalse++;
                    misses.add("FALSE MATCH distinct " + a + " ~ #" + c.photoId());
                }
            }
            distinctPairs += names.size() - 1;
        }
        int copies = 0;
        int caught = 0;
        int others = 0;
        int falseMatches = 0;
        int indexFound = 0;
        System.out.println("recall per transformation (copies that must be caught):");
        Map<String, int[]> perTransform = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : byTransform.entrySet()) {
            String t = e.getKey().substring(e.getKey().indexOf(": ") + 2);
            if (CopySetGenerator.COPY_TRANSFORMS.contains(t)) {
                copies += e.getValue()[0];
                caught += e.getValue()[1];
                int[] p = perTransform.computeIfAbsent(t, k -> new int[3]);
                p[0] += e.getValue()[0];
                p[1] += e.getValue()[1];
                p[2] += e.getValue()[2];
            } else {
                others += e.getValue()[0];
                falseMatches += e.getValue()[1];
            }
        }
        for (String t : CopySetGenerator.COPY_TRANSFORMS) {
            int[] p = perTransform.get(t);
            int[] sc = byTransform.getOrDefault("scene: " + t, new int[2]);
            int[] re = byTransform.getOrDefault("real photo: " + t, new int[2]);
            System.out.printf("  %-20s %6.1f%%  %3d/%3d  (scenes %d/%d, real photographs %d/%d); found by the index %d/%d%n", t,
                    100.0 * p[1] / p[0], p[1], p[0], sc[1], sc[0], re[1], re[0], p[2], p[0]);
            indexFound += p[2];
        }
        System.out.println("false matches (different photos that must NOT be flagged):");
        byTransform.forEach((k, v) -> {
            String t = k.substring(k.indexOf(": ") + 2);
            if (!CopySetGenerator.COPY_TRANSFORMS.contains(t)) {
                System.out.printf("  %-38s %3d/%3d flagged%n", k, v[1], v[0]);
            }
        });
        System.out.printf("  %-38s %3d/%d flagged (ordered pairs of distinct base photos)%n", "different photos",
                distinctFalse, distinctPairs);
        System.out.printf("INDEX-STAGE RECALL %.1f%% (%d/%d copies found by the index)%n", 100.0 * indexFound / copies,
                indexFound, copies);
        long[] t = lookupNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("RECALL %.1f%% (%d/%d copies); FALSE-MATCH RATE %.3f%% (%d/%d different-photo pairs: "
                        + "%d/%d other shots of the same scene, %d/%d distinct photos)%n",
                100.0 * caught / copies, caught, copies,
                100.0 * (falseMatches + distinctFalse) / (others + distinctPairs), falseMatches + distinctFalse,
                others + distinctPairs, falseMatches, others, distinctFalse, distinctPairs);
        System.out.printf("full lookup of a copy (index stage + confirmation): p50 %.2f ms, p99 %.2f ms; "
                        + "%.1f stored hashes within the Hamming limit per query%n", t[t.length / 2] / 1e6,
                t[(int) (t.length * 0.99)] / 1e6, candidatesSeen / (double) t.length);
        if (!misses.isEmpty()) {
            System.out.println("missed copies and false matches:");
            misses.forEach(x -> System.out.println("  " + x));
        }
    }

    /** The production fingerprints of a JPEG (decoded, scaled to the decode side as the upload does). */
    static CopyPrints.Prints prints(byte[] jpeg) {
        BufferedImage img = PhotoSetGenerator.read(jpeg);
        double f = Math.min(1.0, 1024.0 / Math.max(img.getWidth(), img.getHeight()));
        return CopyPrints.of(f < 1 ? PhotoSetGenerator.resize(img, f) : img);
    }

    static void pipeline(ConfigurableApplicationContext ctx, int n) throws Exception {
        UserDetails user = ctx.getBean(UserDetailsService.class).loadUserByUsername("demo_worker");
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        ServiceRecordService records = ctx.getBean(ServiceRecordService.class);
        long station = ctx.getBean(OrgDirectory.class).visibleUnits(OrgUnitType.STATION).get(0).id();
        long record = records.create(new RecordForm(station, null, ServiceKind.COMMUNITY_SERVICE, null, "基准测试",
                LocalDate.now(), null, null, null, false, false, null, 10, null, null, List.of())).id();
        List<byte[]> photos = new ArrayList<>();
        long salt = System.nanoTime();
        for (int i = 0; i < n; i++) {
            photos.add(DemoPhotos.jpeg(DemoPhotos.scene(salt + i * 101, salt + i, 0, 1600, 1200), 0.9f));
        }
        long s = System.nanoTime();
        for (int i = 0; i < n; i++) {
            byte[] p = photos.get(i);
            records.addPhoto(record, PhotoPurpose.SCENE, PhotoSource.GALLERY, "bench-" + salt + "-" + i, "p.jpg", p.length,
                    new ByteArrayInputStream(p), new DeviceCapture(null, null, null, null));
        }
        double secs = (System.nanoTime() - s) / 1e9;
        System.out.printf("pipeline: %d photos (1600×1200 JPEG) from upload to stored qualification in %.1f s = "
                + "%.1f photos/s on one thread%n", n, secs, n / secs);
        SecurityContextHolder.clearContext();
    }

}
