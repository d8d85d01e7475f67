package cn.sgz.bench;

import cn.sgz.SgzApplication;
import cn.sgz.evidence.DeviceCapture;
import cn.sgz.evidence.EvidenceService;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.evidence.PhotoUpload;
import cn.sgz.evidence.S3TestServer;
import cn.sgz.evidence.TestImages;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Benchmark (not a test): photo upload throughput through the real upload pipeline (size limit, sniffing, decoding,
 * EXIF, hashes, thumbnail, watermark copy, duplicate index, database row) with the local-disk store and with the
 * S3 store (S3Proxy on loopback, started from target/s3proxy/s3proxy.jar), on the same machine and the same
 * database, printed side by side: photos/s and p50/p95 per upload, with 1 and with 4 uploaders at once.
 * Run with bench/upload-bench.sh [photos-per-run].
 */
public final class UploadStoreBench {

    private UploadStoreBench() {}

    private static final String DB = "jdbc:h2:mem:uploadbench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    record Result(String store, int threads, int photos, double seconds, double p50, double p95) {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        System.out.println("生成测试照片 …");
        // distinct synthetic scenes, 960×720 JPEG (about what a phone sends after the camera page scales it)
        List<byte[]> photos = new ArrayList<>();
        for (int i = 0; i < 6 * n + 3 * 40; i++) {
            photos.add(TestImages.jpeg(TestImages.scene(900_000 + i), 0.9f));
        }
        System.out.printf(
                "%d 张照片，平均 %.0f KB%n",
                photos.size(), photos.stream().mapToInt(b -> b.length).average().orElse(0) / 1024);
        List<Result> results = new ArrayList<>();
        int next = 0;
        // local store first (this start also loads the demo org tree and users into the shared in-memory database)
        ConfigurableApplicationContext local = start(List.of("--sgz.files.store=local"), true);
        try {
            next = run(local, "本地磁盘", photos, next, n, results);
        } finally {
            local.close();
        }
        S3TestServer s3 = S3TestServer.get();
        ConfigurableApplicationContext remote = start(
                List.of(
                        "--sgz.files.store=s3",
                        "--sgz.files.s3.endpoint=" + s3.endpoint(),
                        "--sgz.files.s3.bucket=upload-bench",
                        "--sgz.files.s3.create-bucket=true",
                        "--sgz.files.s3.access-key=" + S3TestServer.ACCESS_KEY,
                        "--sgz.files.s3.secret-key=" + S3TestServer.SECRET_KEY),
                false);
        try {
            next = run(remote, "S3（S3Proxy）", photos, next, n, results);
        } finally {
            remote.close();
        }
        // the local store once more, after the S3 run: shows how much of a difference is warm-up and machine load
        ConfigurableApplicationContext localAgain = start(List.of("--sgz.files.store=local"), false);
        try {
            run(localAgain, "本地磁盘（再测）", photos, next, n, results);
        } finally {
            localAgain.close();
        }
        System.out.println();
        System.out.printf(
                "照片上传吞吐（%d 张/轮，960×720 JPEG，水印相机：原图+缩略图+水印图 3 个文件；机器负载 %.1f，%d 核）%n",
                n,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-14s %6s %10s %10s %10s%n", "存储", "并发", "张/秒", "p50 ms", "p95 ms");
        for (Result r : results) {
            System.out.printf(
                    "%-14s %6d %10.1f %10.0f %10.0f%n",
                    r.store(), r.threads(), r.photos() / r.seconds(), r.p50(), r.p95());
        }
    }

    private static ConfigurableApplicationContext start(List<String> store, boolean demo) {
        List<String> a = new ArrayList<>(List.of(
                "--server.port=0",
                "--logging.level.root=WARN",
                "--logging.level.cn.sgz=WARN",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + DB,
                "--sgz.data-dir=target/bench-upload-data",
                "--sgz.demo.enabled=" + demo));
        a.addAll(store);
        return new SpringApplicationBuilder(SgzApplication.class)
                .profiles("test")
                .run(a.toArray(String[]::new));
    }

    private static int run(
            ConfigurableApplicationContext ctx, String label, List<byte[]> photos, int next, int n, List<Result> out)
            throws Exception {
        UserDetails worker = ctx.getBean(UserDetailsService.class).loadUserByUsername("demo_worker");
        SecurityContext security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(worker, null, worker.getAuthorities()));
        String path = ctx.getBean(JdbcClient.class)
                .sql("SELECT path FROM org_unit WHERE name = '沙河街道社工站'")
                .query(String.class)
                .single();
        EvidenceService evidence = ctx.getBean(EvidenceService.class);
        // warm-up
        for (int i = 0; i < 40; i++) {
            upload(evidence, security, path, photos.get(next++), i);
        }
        for (int threads : new int[] {1, 4}) {
            double[] latencies = new double[n];
            int start = next;
            next += n;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long t0 = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    long s = System.nanoTime();
                    upload(evidence, security, path, photos.get(start + k), 1000 + start + k);
                    latencies[k] = (System.nanoTime() - s) / 1e6;
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            Arrays.sort(latencies);
            Result r = new Result(
                    label,
                    threads,
                    n,
                    seconds,
                    latencies[(int) Math.floor(0.50 * (n - 1))],
                    latencies[(int) Math.ceil(0.95 * (n - 1))]);
            out.add(r);
            System.out.printf(
                    "%s，%d 并发：%d 张 %.1f s，%.1f 张/秒，p50 %.0f ms，p95 %.0f ms%n",
                    label, threads, n, seconds, n / seconds, r.p50(), r.p95());
        }
        return next;
    }

    private static void upload(
            EvidenceService evidence, SecurityContext security, String path, byte[] jpeg, long owner) {
        SecurityContextHolder.setContext(security);
        try {
            evidence.upload(new PhotoUpload(
                    "BENCH",
                    owner,
                    path,
                    PhotoPurpose.SCENE,
                    PhotoSource.CAMERA,
                    null,
                    "现场.jpg",
                    jpeg.length,
                    new ByteArrayInputStream(jpeg),
                    new DeviceCapture(OffsetDateTime.parse("2026-12-07T09:30:00+08:00"), 40.6, 109.8, 12.0),
                    "沙河街道社工站",
                    "沙河街道"));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
