package cn.sgz.bench;

import cn.sgz.SgzApplication;
import cn.sgz.activity.RecordForm;
import cn.sgz.activity.ServiceKind;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.internal.DemoPhotos;
import cn.sgz.evidence.DeviceCapture;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
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
            System.out.println("photo set: generating…");
            Map<String, BufferedImage> bases = PhotoSetGenerator.bases(Integer.getInteger("scenes", 60), 15,
                    List.of(Path.of("/usr/share"), Path.of("/usr/lib"), Path.of("/root")));
            System.out.println("photo set: " + bases.size() + " base photos ("
                    + bases.keySet().stream().filter(k -> k.startsWith("real-")).count() + " real)");
            long loaded = jdbc.sql("SELECT COUNT(*) FROM evidence_hash").query(Long.class).single();
            for (long target : sizes) {
                if (loaded < target) {
                    long t0 = System.nanoTime();
                    load(ds, loaded, target - loaded);
                    System.out.printf("loaded %,d synthetic hashes in %.1f s%n", target - loaded,
                            (System.nanoTime() - t0) / 1e9);
                    loaded = target;
                }
                System.out.printf("%n=== %,d stored hashes ===%n", jdbc.sql("SELECT COUNT(*) FROM evidence_hash")
                        .query(Long.class).single());
                latency(index, queries);
                size(jdbc, product);
                accuracy(jdbc, index, bases);
                pipeline(ctx, pipelinePhotos);
            }
        } finally {
            ctx.close();
        }
    }

    /** Synthetic photos: random 64-bit hashes (uniform, so every band value is equally likely). */
    static void load(DataSource ds, long from, long count) throws Exception {
        Random r = new Random(42 + from);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long maxId;
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM evidence_photo")) {
                rs.next();
                maxId = rs.getLong(1);
            }
            try (PreparedStatement photo = c.prepareStatement("INSERT INTO evidence_photo (id, owner_type, owner_id, "
                    + "org_path, purpose, source, sha256, content_type, byte_size, width, height, file_key, phash, "
                    + "signature, uploaded_at) VALUES (?, 'BENCH', ?, '/bench/', 'SCENE', 'GALLERY', ?, 'image/jpeg', "
                    + "100000, 1024, 768, ?, ?, ?, ?)");
                 PreparedStatement hash = c.prepareStatement("INSERT INTO evidence_hash (photo_id, phash, band0, band1, "
                         + "band2, band3) VALUES (?,?,?,?,?,?)")) {
                Timestamp now = new Timestamp(System.currentTimeMillis());
                byte[] sig = new byte[1];
                for (long i = 0; i < count; i++) {
                    long id = maxId + 1 + i;
                    long h = r.nextLong();
                    photo.setLong(1, id);
                    photo.setLong(2, id);
                    photo.setString(3, Long.toHexString(h) + Long.toHexString(id));
                    photo.setString(4, "bench/" + id);
                    photo.setLong(5, h);
                    photo.setBytes(6, sig);
                    photo.setTimestamp(7, now);
                    photo.addBatch();
                    hash.setLong(1, id);
                    hash.setLong(2, h);
                    for (int b = 0; b < 4; b++) {
                        hash.setInt(3 + b, Fingerprint.band(h, b));
                    }
                    hash.addBatch();
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
            if (ds.getConnection().getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                try (var st = c.createStatement()) {
                    st.execute("ANALYZE evidence_hash");
                    c.commit();
                }
            }
        }
    }

    static void latency(DuplicateIndex index, int queries) {
        Random r = new Random(7);
        for (int warm = 0; warm < 200; warm++) {
            index.candidates(randomFingerprint(r));
        }
        long[] t = new long[queries];
        long candidates = 0;
        for (int i = 0; i < queries; i++) {
            Fingerprint fp = randomFingerprint(r);
            long s = System.nanoTime();
            candidates += index.candidates(fp).size();
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        System.out.printf("lookup (index stage, %d probes over 4 bands): p50 %.2f ms, p99 %.2f ms, max %.2f ms; "
                        + "%.2f candidates within the Hamming limit per query%n",
                Integer.getInteger("sgz.evidence.duplicate.probes", 256), t[queries / 2] / 1e6,
                t[(int) (queries * 0.99)] / 1e6, t[queries - 1] / 1e6, candidates / (double) queries);
    }

    static Fingerprint randomFingerprint(Random r) {
        double[] rel = new double[64];
        for (int i = 0; i < 64; i++) {
            rel[i] = r.nextDouble() * 2;
        }
        return new Fingerprint(r.nextLong(), new byte[ImageHashes.SIGNATURE_LENGTH], rel);
    }

    static void size(JdbcClient jdbc, String product) {
        long rows = jdbc.sql("SELECT COUNT(*) FROM evidence_hash").query(Long.class).single();
        if (product.toLowerCase().contains("postgres")) {
            long table = jdbc.sql("SELECT pg_relation_size('evidence_hash')").query(Long.class).single();
            long idx = jdbc.sql("SELECT pg_indexes_size('evidence_hash')").query(Long.class).single();
            System.out.printf("index size: evidence_hash table %.1f MB + its indexes %.1f MB = %.1f bytes per photo%n",
                    table / 1048576.0, idx / 1048576.0, (table + idx) / (double) rows);
        } else {
            long bytes;
            try {
                bytes = java.nio.file.Files.size(Path.of("target/bench-data/sgz.mv.db"));
            } catch (java.io.IOException e) {
                bytes = -1;
            }
            // H2 reports no per-index sizes; the logical size is 32 bytes of row + 4 × (4+8+8) bytes of index keys
            System.out.printf("index size: logical %d bytes per photo (row 32 B + 4 band indexes × 20 B key) = %.0f MB "
                    + "for %,d photos; the whole H2 file (photos table included) is %.0f MB. Nothing is held in "
                    + "application memory.%n", 32 + 80, rows * 112 / 1048576.0, rows, bytes / 1048576.0);
        }
    }

    static void accuracy(JdbcClient jdbc, DuplicateIndex index, Map<String, BufferedImage> bases) {
        jdbc.sql("DELETE FROM evidence_hash WHERE photo_id IN (SELECT id FROM evidence_photo WHERE owner_type = 'BENCHSET')")
                .update();
        Map<String, Long> originalIds = new LinkedHashMap<>();
        long nextId = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM evidence_photo").query(Long.class).single();
        for (Map.Entry<String, BufferedImage> e : bases.entrySet()) {
            byte[] jpeg = DemoPhotos.jpeg(e.getValue(), 0.92f);
            Fingerprint fp = fingerprint(jpeg);
            long id = nextId++;
            jdbc.sql("INSERT INTO evidence_photo (id, owner_type, owner_id, org_path, purpose, source, sha256, content_type, "
                            + "byte_size, width, height, file_key, phash, signature, uploaded_at) VALUES (?, 'BENCHSET', ?, "
                            + "'/bench/', 'SCENE', 'GALLERY', ?, 'image/jpeg', ?, 1, 1, ?, ?, ?, ?)")
                    .params(id, id, "set" + id, jpeg.length, "set/" + id, fp.phash(), fp.stored(), OffsetDateTime.now())
                    .update();
            index.add(id, fp.phash());
            originalIds.put(e.getKey(), id);
        }
        Map<String, int[]> byTransform = new LinkedHashMap<>();
        int i = 0;
        long confirmNanos = 0;
        int confirmRuns = 0;
        for (Map.Entry<String, BufferedImage> e : bases.entrySet()) {
            long original = originalIds.get(e.getKey());
            List<PhotoSetGenerator.Item> items = new ArrayList<>(PhotoSetGenerator.copies(e.getKey(), e.getValue()));
            if (e.getKey().startsWith("scene-")) {
                items.addAll(PhotoSetGenerator.sameSceneOthers(i++));
            }
            for (PhotoSetGenerator.Item it : items) {
                Fingerprint fp = fingerprint(it.jpeg());
                long s = System.nanoTime();
                Optional<DuplicateIndex.Match> m = index.findMatch(fp, Set.of());
                confirmNanos += System.nanoTime() - s;
                confirmRuns++;
                int[] c = byTransform.computeIfAbsent(it.transform(), k -> new int[2]);
                c[0]++;
                boolean hit = it.copy() ? m.map(x -> x.photoId() == original).orElse(false) : m.isPresent();
                if (hit) {
                    c[1]++;
                }
            }
        }
        // distinct photos: every base against all others is covered by the lookups above (any wrong match
        // of a copy to another base would show as a miss); here each base is also looked up with itself removed
        int distinctFalse = 0;
        for (Map.Entry<String, BufferedImage> e : bases.entrySet()) {
            long self = originalIds.get(e.getKey());
            if (index.findMatch(fingerprint(DemoPhotos.jpeg(e.getValue(), 0.92f)), Set.of(self)).isPresent()) {
                distinctFalse++;
            }
        }
        int copies = 0;
        int caught = 0;
        int others = 0;
        int falseMatches = 0;
        System.out.println("recall per transform (copies that must be caught):");
        for (Map.Entry<String, int[]> e : byTransform.entrySet()) {
            boolean copy = PhotoSetGenerator.COPY_TRANSFORMS.contains(e.getKey());
            if (copy) {
                copies += e.getValue()[0];
                caught += e.getValue()[1];
                System.out.printf("  %-22s %3d/%3d%n", e.getKey(), e.getValue()[1], e.getValue()[0]);
            } else {
                others += e.getValue()[0];
                falseMatches += e.getValue()[1];
            }
        }
        System.out.println("false matches (other shots that must NOT be flagged):");
        byTransform.forEach((k, v) -> {
            if (!PhotoSetGenerator.COPY_TRANSFORMS.contains(k)) {
                System.out.printf("  %-22s %3d/%3d flagged%n", k, v[1], v[0]);
            }
        });
        System.out.printf("  %-22s %3d/%3d flagged (each base photo against all other base photos)%n", "different photos",
                distinctFalse, bases.size());
        System.out.printf("RECALL %.1f%% (%d/%d copies); FALSE-MATCH RATE %.2f%% (%d/%d non-copies); "
                        + "full lookup incl. confirmation: mean %.2f ms%n", 100.0 * caught / copies, caught, copies,
                100.0 * (falseMatches + distinctFalse) / (others + bases.size()), falseMatches + distinctFalse,
                others + bases.size(), confirmNanos / 1e6 / confirmRuns);
    }

    static Fingerprint fingerprint(byte[] jpeg) {
        BufferedImage img = PhotoSetGenerator.read(jpeg);
        double f = Math.min(1.0, 1024.0 / Math.max(img.getWidth(), img.getHeight()));
        return ImageHashes.of(f < 1 ? PhotoSetGenerator.resize(img, f) : img);
    }

    static void pipeline(ConfigurableApplicationContext ctx, int n) throws Exception {
        UserDetails user = ctx.getBean(UserDetailsService.class).loadUserByUsername("demo_worker");
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        ServiceRecordService records = ctx.getBean(ServiceRecordService.class);
        long station = ctx.getBean(OrgDirectory.class).visibleUnits(OrgUnitType.STATION).get(0).id();
        long record = records.create(new RecordForm(station, null, ServiceKind.COMMUNITY_ACTIVITY, null, "基准测试",
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
