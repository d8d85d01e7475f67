package cn.sgz.bench;

import cn.sgz.SgzApplication;
import cn.sgz.evidence.FileStore;
import cn.sgz.reporting.ArchiveJobView;
import cn.sgz.reporting.ArchiveService;
import cn.sgz.reporting.internal.ArchiveBuilder;
import cn.sgz.shared.ChinaTime;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 佐证资料包 of one station (the demo project's 沙河街道社工站, all of its records counted so far, its case
 * files and documents) after its counted records were given 2,000 photos in all (~250 KB JPEGs in the
 * file store, rows in evidence_photo, as an upload leaves them). Runs the real request → background job →
 * file store path ({@link ArchiveService#request}) and prints MB/s of the ZIP written and the peak heap
 * while it was built (sampled every 5 ms, and the heap pools' peak usage). Run with -Xmx256m: the archive
 * is streamed to disk, one photo in memory at a time, so the heap stays flat whatever the archive size.
 */
public final class ArchiveBench {

    public static void main(String[] args) throws Exception {
        int photos = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        System.setProperty("sgz.data-dir", "./target/bench-archive");
        System.setProperty("logging.level.root", "WARN");
        System.setProperty("sgz.demo.enabled", "true");
        System.setProperty(
                "spring.datasource.url",
                "jdbc:h2:file:./target/bench-archive/sgz;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE");
        System.setProperty("server.port", "0");
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SgzApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .run();
        try {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            FileStore files = ctx.getBean(FileStore.class);
            ComplianceBench.signIn(ctx, "demo_head");
            long project = jdbc.sql("SELECT id FROM project WHERE name LIKE '九原区民政领域社会工作服务项目%' ORDER BY id")
                    .query(Long.class)
                    .list()
                    .get(0);
            long station = jdbc.sql("SELECT id FROM org_unit WHERE name = '沙河街道社工站'")
                    .query(Long.class)
                    .single();
            String path = jdbc.sql("SELECT path FROM org_unit WHERE id = ?")
                    .param(station)
                    .query(String.class)
                    .single();
            LocalDate asOf = ChinaTime.today();
            ArchiveBuilder.Plan plan = ctx.getBean(ArchiveBuilder.class).plan(project, station, null, asOf);
            Set<Long> records = new LinkedHashSet<>();
            plan.steps().forEach(s -> s.records().forEach(r -> {
                if (r.ref().link() != null && r.ref().link().startsWith("/records/")) {
                    records.add(r.ref().id());
                }
            }));
            int already = plan.photos();
            System.out.printf(Locale.ROOT, "station %d: %d counted records, %d photos before; adding %d%n",
                    station, records.size(), already, Math.max(0, photos - already));

            // the photos: a few distinct JPEGs stored under fresh keys, spread over the counted records
            List<byte[]> jpegs = new ArrayList<>();
            Random random = new Random(7);
            for (int i = 0; i < 16; i++) {
                jpegs.add(jpeg(random));
            }
            List<Long> owners = new ArrayList<>(records);
            long bytesAdded = 0;
            for (int i = 0; i < photos - already; i++) {
                byte[] jpeg = jpegs.get(i % jpegs.size());
                String key = "photos/bench/" + UUID.randomUUID() + ".jpg";
                files.put(key, jpeg);
                bytesAdded += jpeg.length;
                jdbc.sql("INSERT INTO evidence_photo (owner_type, owner_id, org_path, purpose, source, sha256, "
                                + "content_type, byte_size, width, height, file_key, phash, signature, uploaded_by, "
                                + "uploaded_at) VALUES ('SERVICE_RECORD',?,?,'SCENE','GALLERY',?, 'image/jpeg',?,1280,960,?,?,?,"
                                + "'bench',?)")
                        .params(
                                owners.get(i % owners.size()),
                                path,
                                String.format("%064x", i),
                                jpeg.length,
                                key,
                                random.nextLong(),
                                new byte[] {1, 2, 3},
                                ChinaTime.offsetNow())
                        .update();
            }
            System.out.printf(Locale.ROOT, "added %d photos, %.1f MB, average %.0f KB%n",
                    photos - already, bytesAdded / 1048576.0, bytesAdded / 1024.0 / Math.max(1, photos - already));

            System.gc();
            List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .toList();
            heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
            AtomicLong peak = new AtomicLong();
            Thread sampler = new Thread(() -> {
                var mem = ManagementFactory.getMemoryMXBean();
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            ArchiveService archives = ctx.getBean(ArchiveService.class);
            long t0 = System.nanoTime();
            ArchiveJobView job = archives.request(project, station, null, asOf);
            long accepted = System.nanoTime();
            while (!"DONE".equals(job.status()) && !"FAILED".equals(job.status())) {
                Thread.sleep(100);
                job = archives.get(job.id());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            sampler.interrupt();
            long poolPeaks = heapPools.stream()
                    .mapToLong(p -> p.getPeakUsage().getUsed())
                    .sum();
            if (!"DONE".equals(job.status())) {
                System.out.println("FAILED: " + job.error());
                System.exit(1);
            }
            double mb = job.sizeBytes() / 1048576.0;
            System.out.printf(Locale.ROOT,
                    "%nArchive of one station: %d entries, %.1f MB (estimated %.1f MB before starting; request with estimate %.2f s)%n",
                    job.entries(), mb, job.estimatedBytes() / 1048576.0, (accepted - t0) / 1e9);
            System.out.printf(Locale.ROOT, "time %.1f s, %.1f MB/s%n", seconds, mb / seconds);
            System.out.printf(Locale.ROOT,
                    "peak heap: sampled %.0f MB, heap pools' peaks summed %.0f MB, max heap %.0f MB%n",
                    peak.get() / 1048576.0, poolPeaks / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
            System.out.printf("JVM %s; %d cores; load average %s%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), ComplianceBench.loadAverage());
        } finally {
            ctx.close();
        }
    }

    /** A 1280×960 photo-like JPEG (gradients, shapes and grain) of roughly 200–300 KB. */
    static byte[] jpeg(Random random) throws Exception {
        BufferedImage img = new BufferedImage(1280, 960, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int y = 0; y < 960; y += 4) {
            g.setColor(new Color(80 + y / 8, 120 + random.nextInt(40), 200 - y / 6));
            g.fillRect(0, y, 1280, 4);
        }
        for (int i = 0; i < 300; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillOval(random.nextInt(1280), random.nextInt(960), 10 + random.nextInt(120), 10 + random.nextInt(120));
        }
        g.dispose();
        for (int i = 0; i < 250_000; i++) {
            int x = random.nextInt(1280);
            int y = random.nextInt(960);
            img.setRGB(x, y, img.getRGB(x, y) ^ (random.nextInt(32) * 0x010101));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }
}
