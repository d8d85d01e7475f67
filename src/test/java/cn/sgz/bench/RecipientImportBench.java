package cn.sgz.bench;

import cn.sgz.SgzApplication;
import cn.sgz.recipient.internal.ImportReport;
import cn.sgz.recipient.internal.ImportService;
import cn.sgz.recipient.internal.SyntheticPeople;
import cn.sgz.shared.ChinaTime;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Benchmark (not a test): generates an N-row district list (default 50,000) as xlsx, then runs the
 * real import service on the demo database — dry run, then confirm — and prints rows per second and
 * the peak heap while importing. Run with bench/import-bench.sh (which sets -Xmx512m).
 */
public final class RecipientImportBench {

    private RecipientImportBench() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SgzApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--logging.level.root=WARN",
                        "--logging.level.cn.sgz=WARN",
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.url=jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "--sgz.data-dir=target/bench-data");
        try {
            UserDetails worker = ctx.getBean(UserDetailsService.class).loadUserByUsername("demo_worker");
            SecurityContextHolder.getContext()
                    .setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(worker, null, worker.getAuthorities()));
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            long stationId = jdbc.sql("SELECT id FROM org_unit WHERE name = '沙河街道社工站'")
                    .query(Long.class)
                    .single();

            long genStart = System.nanoTime();
            byte[] file = generate(rows);
            System.out.printf(
                    "生成名单：%,d 行，%.1f MB，用时 %.1f s%n",
                    rows, file.length / 1048576.0, (System.nanoTime() - genStart) / 1e9);

            ImportService imports = ctx.getBean(ImportService.class);
            System.gc();
            Thread.sleep(200);
            HeapWatch watch = HeapWatch.start();
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            ImportReport checked = imports.upload(stationId, "bench.xlsx", file, null);
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            if (!checked.ready()) {
                throw new IllegalStateException("dry run found problems: " + checked.problemCount() + " "
                        + checked.problems().stream().limit(5).toList());
            }
            ImportReport done = imports.confirm(checked.importId());
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            watch.stop();

            long stored = jdbc.sql("SELECT COUNT(*) FROM recipient WHERE import_batch_id = ?")
                    .param(done.importId())
                    .query(Long.class)
                    .single();
            double dry = (t1 - t0) / 1e9;
            double write = (t2 - t1) / 1e9;
            System.out.printf("检查（干跑）：%,d 行，%.2f s，%,.0f 行/秒%n", checked.dataRows(), dry, rows / dry);
            System.out.printf("确认导入：  %,d 行写入，%.2f s，%,.0f 行/秒%n", stored, write, rows / write);
            System.out.printf("合计（检查+导入）：%.2f s，%,.0f 行/秒%n", dry + write, rows / (dry + write));
            System.out.printf(
                    "导入线程 CPU 时间：检查 %.2f s，导入 %.2f s，合计 %,.0f 行/CPU秒（机器负载 %.1f，2 核）%n",
                    (c1 - c0) / 1e9,
                    (c2 - c1) / 1e9,
                    rows / ((c2 - c0) / 1e9),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf(
                    "堆内存峰值：采样 %.0f MB；各堆内存池峰值之和 %.0f MB（上限 -Xmx %.0f MB）%n",
                    watch.sampledPeak() / 1048576.0,
                    watch.poolPeakSum() / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
            boolean ok = rows / (dry + write) >= 5000 && watch.poolPeakSum() < 512L * 1048576 && stored == rows;
            System.out.println(ok ? "结果：达标（≥5,000 行/秒，峰值堆 < 512 MB）" : "结果：未达标");
        } finally {
            ctx.close();
        }
    }

    static byte[] generate(int rows) throws Exception {
        SyntheticPeople people = new SyntheticPeople(50_000L, ChinaTime.today());
        List<String> header = List.of(
                "序号", "姓名", "性别", "身份证号", "联系电话", "住址", "村(社区)", "类别", "残疾类别", "残疾等级", "两项补贴", "监护人姓名", "与监护人关系",
                "监护人电话");
        try (SXSSFWorkbook book = new SXSSFWorkbook(500);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("名单");
            Row h = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                h.createCell(c).setCellValue(header.get(c));
            }
            int r = 1;
            for (SyntheticPeople.Person p : people.distinctPeople(rows, List.of("新光一村社区", "滨河社区"))) {
                Row row = sheet.createRow(r);
                String[] v = {
                    String.valueOf(r),
                    p.name(),
                    p.gender(),
                    p.idNumber(),
                    p.phone(),
                    p.address(),
                    p.village(),
                    p.categoryText(),
                    p.disabilityType() == null ? null : p.disabilityType().label(),
                    p.disabilityGrade() == null ? null : p.disabilityGrade().label(),
                    p.subsidy() == null ? null : p.subsidy().label(),
                    p.guardianName(),
                    p.guardianRelation(),
                    p.guardianPhone()
                };
                for (int c = 0; c < v.length; c++) {
                    if (v[c] != null) {
                        row.createCell(c).setCellValue(v[c]);
                    }
                }
                r++;
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        }
    }

    /** Peak heap while importing: sampled used heap, and the sum of the heap pools' own peaks. */
    static final class HeapWatch {
        private final AtomicLong max = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread;

        private HeapWatch() {
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            thread = new Thread(
                    () -> {
                        while (running) {
                            long used = ManagementFactory.getMemoryMXBean()
                                    .getHeapMemoryUsage()
                                    .getUsed();
                            max.accumulateAndGet(used, Math::max);
                            try {
                                Thread.sleep(5);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "heap-watch");
            thread.setDaemon(true);
            thread.start();
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long sampledPeak() {
            return max.get();
        }

        long poolPeakSum() {
            return ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed())
                    .sum();
        }
    }
}
