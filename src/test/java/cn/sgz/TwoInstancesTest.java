package cn.sgz;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.catalog.RuleKind;
import cn.sgz.evidence.EvidenceService;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.evidence.PhotoUpload;
import cn.sgz.evidence.S3TestServer;
import cn.sgz.evidence.TestImages;
import cn.sgz.evidence.UploadResult;
import cn.sgz.org.DemoUsers;
import cn.sgz.progress.ComplianceService;
import cn.sgz.progress.IndicatorResult;
import cn.sgz.reporting.ArchiveJobView;
import cn.sgz.reporting.ArchiveService;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.cluster.ClusterJobs;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the application on one database and one bucket (a real S3 server, S3Proxy), as behind a load
 * balancer: the shared test context provides the database with the demo data (H2, or PostgreSQL when the suite
 * runs on it); two more application contexts — instance A and instance B, each with its own data directory and
 * web server, both with {@code sgz.files.store=s3} — start on it. A login made on A is valid on B; a photo stored
 * through A is downloaded (original and thumbnail) through B and flagged a duplicate when B stores it again; an
 * archive built by A is read back from the bucket by B; a missing object answers a clear 404; a background job is
 * run by exactly one instance, and by the other once the first died holding it.
 */
@SgzTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    static final String PASSWORD = "sgz-demo-2026!";

    @Autowired
    Environment env;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ComplianceService compliance;

    @Autowired
    DemoUsers demoUsers;

    String bucket;
    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;
    final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    final List<Long> ownersToRelease = new ArrayList<>();

    @BeforeAll
    void startTwoInstances() throws Exception {
        S3TestServer s3 = S3TestServer.get();
        bucket = "two-" + UUID.randomUUID().toString().substring(0, 8);
        a = instance("a", s3, true);
        b = instance("b", s3, false);
    }

    private ConfigurableApplicationContext instance(String name, S3TestServer s3, boolean createBucket) {
        Path dataDir = Path.of(
                "target",
                "two-instances",
                name + "-" + UUID.randomUUID().toString().substring(0, 6));
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", "0");
        p.put("spring.datasource.url", env.getProperty("spring.datasource.url"));
        p.put("spring.datasource.username", env.getProperty("spring.datasource.username"));
        p.put("spring.datasource.password", env.getProperty("spring.datasource.password", ""));
        p.put("sgz.data-dir", dataDir.toString());
        p.put("sgz.demo.enabled", "false");
        // every instance has the same ID-number key (here: the one the shared test context made)
        p.put("sgz.crypto.key", cryptoKey());
        p.put("sgz.files.store", "s3");
        p.put("sgz.files.s3.endpoint", s3.endpoint());
        p.put("sgz.files.s3.bucket", bucket);
        p.put("sgz.files.s3.path-style", "true");
        p.put("sgz.files.s3.access-key", S3TestServer.ACCESS_KEY);
        p.put("sgz.files.s3.secret-key", S3TestServer.SECRET_KEY);
        p.put("sgz.files.s3.create-bucket", String.valueOf(createBucket));
        p.put("spring.main.banner-mode", "off");
        p.put("logging.level.root", "WARN");
        List<String> args = new ArrayList<>();
        args.add("--spring.profiles.active=test");
        p.forEach((k, v) -> args.add("--" + k + "=" + v)); // command-line arguments outrank application.properties
        long started = System.nanoTime();
        ConfigurableApplicationContext c =
                new SpringApplicationBuilder(SgzApplication.class).run(args.toArray(String[]::new));
        System.out.printf("instance %s started in %.1f s%n", name, (System.nanoTime() - started) / 1e9);
        return c;
    }

    private String cryptoKey() {
        String configured = env.getProperty("sgz.crypto.key", "");
        if (!configured.isBlank()) {
            return configured;
        }
        try {
            return Files.readString(Path.of(env.getProperty("sgz.data-dir"), "keys", "recipient.key"))
                    .strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    void stop() {
        demoUsers.runAs("demo_head", () -> {
            EvidenceService evidence = a.getBean(EvidenceService.class);
            for (long owner : ownersToRelease) {
                evidence.releaseOwner("S3TEST", owner, "测试结束");
            }
        });
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    private String base(ConfigurableApplicationContext c) {
        return "http://127.0.0.1:"
                + ((WebServerApplicationContext) c).getWebServer().getPort();
    }

    /** Signs in through the login form of one instance; returns the session cookie. */
    private String login(ConfigurableApplicationContext c, String user) throws Exception {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(base(c) + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String xsrf = cookie(page, "XSRF-TOKEN");
        assertThat(xsrf).as("CSRF cookie of the login page").isNotNull();
        // the form carries the masked token the page rendered, the cookie the raw one
        var hidden = java.util.regex.Pattern.compile(
                        "name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"")
                .matcher(page.body());
        assertThat(hidden.find()).as("CSRF field of the login form").isTrue();
        String token = hidden.group(1) != null ? hidden.group(1) : hidden.group(2);
        String form = "username=" + user + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base(c) + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "XSRF-TOKEN=" + xsrf)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String session = cookie(r, "SESSION");
        assertThat(session).as("session cookie").isNotNull();
        return session;
    }

    private static String cookie(HttpResponse<?> r, String name) {
        for (String h : r.headers().allValues("Set-Cookie")) {
            if (h.startsWith(name + "=")) {
                return h.substring(name.length() + 1, h.indexOf(';') < 0 ? h.length() : h.indexOf(';'));
            }
        }
        return null;
    }

    private HttpResponse<byte[]> get(ConfigurableApplicationContext c, String session, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base(c) + path))
                        .header("Cookie", "SESSION=" + session)
                        .header("Accept", "application/json, */*")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private String stationPath(String namePrefix) {
        return jdbc.sql("SELECT path FROM org_unit WHERE name LIKE ? AND type = 'STATION' ORDER BY id")
                .param(namePrefix + "%")
                .query(String.class)
                .list()
                .get(0);
    }

    private UploadResult upload(ConfigurableApplicationContext c, long owner, byte[] jpeg) {
        ownersToRelease.add(owner);
        String path = stationPath("沙河");
        return demoUsers.callAs(
                "demo_head",
                () -> c.getBean(EvidenceService.class)
                        .upload(new PhotoUpload(
                                "S3TEST",
                                owner,
                                path,
                                PhotoPurpose.SCENE,
                                PhotoSource.GALLERY,
                                null,
                                "现场.jpg",
                                jpeg.length,
                                new ByteArrayInputStream(jpeg),
                                null,
                                "沙河街道社工站",
                                null)));
    }

    @Test
    void aLoginOnOneInstanceIsValidOnTheOther() throws Exception {
        String session = login(a, "demo_head");
        assertThat(get(b, session, "/api/v1/evidence/policy").statusCode()).isEqualTo(200);
        assertThat(get(b, "not-a-session", "/api/v1/evidence/policy").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aPhotoStoredThroughOneIsServedByTheOtherAndFlaggedDuplicateWhenStoredAgainThere() throws Exception {
        long owner = System.nanoTime();
        byte[] jpeg = TestImages.jpeg(TestImages.scene(22_0001), 0.9f);
        UploadResult first = upload(a, owner, jpeg);
        assertThat(first.created()).isTrue();
        assertThat(first.photo().duplicate()).isFalse();
        long id = first.photo().id();
        // nothing on the disks of either instance: the files are in the bucket
        assertThat(Files.exists(Path.of(a.getEnvironment().getProperty("sgz.data-dir"), "files", "photos")))
                .isFalse();

        String session = login(b, "demo_head");
        HttpResponse<byte[]> original = get(b, session, "/api/v1/photos/" + id + "/original");
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(jpeg);
        assertThat(original.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/jpeg");
        assertThat(original.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("inline")
                .contains("photo-" + id + ".jpg");
        HttpResponse<byte[]> thumb = get(b, session, "/photos/" + id + "/thumb");
        assertThat(thumb.statusCode()).isEqualTo(200);
        var thumbImage = TestImages.read(thumb.body());
        assertThat(Math.max(thumbImage.getWidth(), thumbImage.getHeight())).isEqualTo(360);

        UploadResult again = upload(b, owner + 1, jpeg);
        assertThat(again.created()).isTrue();
        assertThat(again.photo().duplicate()).isTrue();
        assertThat(again.photo().duplicateOfId()).isEqualTo(id);
        // and A sees B's flag
        String sessionA = login(a, "demo_head");
        String info = new String(
                get(a, sessionA, "/api/v1/photos/" + again.photo().id()).body(), StandardCharsets.UTF_8);
        assertThat(info).contains("\"duplicateOfId\":" + id);
    }

    @Test
    void aMissingObjectAnswersAClear404() throws Exception {
        long owner = System.nanoTime();
        UploadResult r = upload(a, owner, TestImages.jpeg(TestImages.scene(22_0002), 0.9f));
        String thumbKey = jdbc.sql("SELECT thumb_key FROM evidence_photo WHERE id = ?")
                .param(r.photo().id())
                .query(String.class)
                .single();
        b.getBean(cn.sgz.evidence.FileStore.class).delete(thumbKey);
        String session = login(b, "demo_head");
        HttpResponse<byte[]> missing =
                get(b, session, "/api/v1/photos/" + r.photo().id() + "/thumb");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains("照片文件不存在");
        assertThat(get(b, session, "/api/v1/photos/" + r.photo().id() + "/original")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anArchiveBuiltByOneInstanceIsReadBackFromTheBucketThroughTheOther() throws Exception {
        long project = jdbc.sql("SELECT id FROM project WHERE name LIKE '九原区民政领域社会工作服务项目%' ORDER BY id")
                .query(Long.class)
                .list()
                .get(0);
        long station = jdbc.sql("SELECT id FROM org_unit WHERE path = ?")
                .param(stationPath("沙河"))
                .query(Long.class)
                .single();
        long indicator = demoUsers.callAs("demo_head", () -> {
            for (IndicatorResult r : compliance
                    .compute(project, station, ChinaTime.today())
                    .get(0)
                    .indicators()) {
                if (r.kind() == RuleKind.ACTIVITY_COUNT
                        && r.actual() != null
                        && r.actual().compareTo(BigDecimal.ZERO) > 0) {
                    return r.indicatorId();
                }
            }
            return -1L;
        });
        assertThat(indicator).isPositive();
        // the demo photos were stored on the shared context's disk: copy those of the station into the bucket
        // (what the migration command does for all files)
        var store = (cn.sgz.evidence.internal.S3FileStore) a.getBean(cn.sgz.evidence.FileStore.class);
        Path localFiles = Path.of(env.getProperty("sgz.data-dir"), "files");
        List<String> keys = jdbc.sql("SELECT file_key FROM evidence_photo WHERE org_path LIKE ? UNION "
                        + "SELECT stamped_key FROM evidence_photo WHERE org_path LIKE ? AND stamped_key IS NOT NULL")
                .params(stationPath("沙河") + "%", stationPath("沙河") + "%")
                .query(String.class)
                .list();
        for (String key : keys) {
            Path f = localFiles.resolve(key);
            if (Files.exists(f) && !store.exists(key)) {
                store.put(key, f, null);
            }
        }

        ArchiveJobView job = demoUsers.callAs(
                "demo_head", () -> a.getBean(ArchiveService.class).request(project, station, indicator, null));
        String status = job.status();
        for (int i = 0; i < 240 && !status.equals("DONE") && !status.equals("FAILED"); i++) {
            Thread.sleep(250);
            status = jdbc.sql("SELECT status FROM archive_job WHERE id = ?")
                    .param(job.id())
                    .query(String.class)
                    .single();
        }
        assertThat(status).isEqualTo("DONE");
        String key = jdbc.sql("SELECT file_name FROM archive_job WHERE id = ?")
                .param(job.id())
                .query(String.class)
                .single();
        assertThat(store.exists(key)).as("the ZIP is in the bucket").isTrue();

        String session = login(b, "demo_head");
        HttpResponse<byte[]> zip = get(b, session, "/api/v1/archives/" + job.id() + "/download");
        assertThat(zip.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        int photos = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                byte[] bytes = in.readAllBytes();
                if (e.getName().endsWith(".jpg")) {
                    assertThat(TestImages.read(bytes)).as(e.getName()).isNotNull();
                    photos++;
                }
            }
        }
        assertThat(names).contains("目录.xlsx");
        assertThat(photos).isPositive();
    }

    @Test
    void aBackgroundJobRunsOnExactlyOneInstanceAndOnTheOtherOnceTheFirstDied() throws Exception {
        ClusterJobs jobsA = a.getBean(ClusterJobs.class);
        ClusterJobs jobsB = b.getBean(ClusterJobs.class);
        assertThat(jobsA.instance()).isNotEqualTo(jobsB.instance());
        String name = "two-instances-" + UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (ClusterJobs jobs : List.of(jobsA, jobsB)) {
                results.add(pool.submit(() -> {
                    go.await();
                    return jobs.runOnce(name, Duration.ofMinutes(1), () -> {
                        ran.incrementAndGet();
                        try {
                            Thread.sleep(1500);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }));
            }
            go.countDown();
            int claimed = 0;
            for (Future<Boolean> f : results) {
                claimed += f.get() ? 1 : 0;
            }
            assertThat(claimed).isEqualTo(1);
            assertThat(ran).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
        // A takes the job and dies holding it (never releases): B cannot run it until the lock lapses, then can
        String dying = name + "-dies";
        assertThat(jobsA.tryLock(dying, Duration.ofSeconds(2))).isPresent();
        assertThat(jobsB.runOnce(dying, Duration.ofMinutes(1), ran::incrementAndGet))
                .isFalse();
        Thread.sleep(2600);
        assertThat(jobsB.runOnce(dying, Duration.ofMinutes(1), ran::incrementAndGet))
                .isTrue();
        assertThat(ran).hasValue(2);
    }
}
