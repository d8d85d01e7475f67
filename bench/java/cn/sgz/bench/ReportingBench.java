package cn.sgz.bench;

import cn.sgz.SgzApplication;
import cn.sgz.reporting.Bulletin;
import cn.sgz.reporting.BulletinService;
import cn.sgz.reporting.ReportContent;
import cn.sgz.reporting.ReportKind;
import cn.sgz.reporting.ReportService;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Periodic reports on the synthetic county and city of {@link ComplianceBench} (same data, same
 * database setup): the figures of one station's monthly report ({@link ReportService#preview}: the
 * engine for one station as of the month's end plus the month's record counts) and the county's
 * quarterly bulletin ({@link BulletinService#compute}: the engine for 15 stations plus their counts),
 * after the county is loaded and again with the whole city (10 counties) in the tables. Prints the
 * median of N runs and the statements of one run. Targets on PostgreSQL: report < 1 s, bulletin < 5 s.
 */
public final class ReportingBench {

    public static void main(String[] args) throws Exception {
        List<String> phases = Arrays.asList((args.length > 0 ? args[0] : "county,city").split(","));
        int runs = Integer.getInteger("runs", 9);
        int warmup = Integer.getInteger("warmup", 3);
        System.setProperty("sgz.data-dir", "./target/bench-reporting");
        System.setProperty("logging.level.root", "WARN");
        System.setProperty("sgz.demo.enabled", "true");
        if (System.getenv("SPRING_DATASOURCE_URL") == null) {
            System.setProperty("spring.datasource.url", "jdbc:h2:file:./target/bench-reporting/sgz;MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;QUERY_CACHE_SIZE=0");
        }
        System.setProperty("server.port", "0");
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SgzApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .profiles("bench")
                .initializers(c -> {
                    // ledgers, casework, documents …: the real sources over the synthetic city's tables
                    c.getBeanFactory().addBeanPostProcessor(new ComplianceBench.StatementCounter());
                })
                .run();
        try {
            DataSource ds = ctx.getBean(DataSource.class);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            String product;
            try (Connection c = ds.getConnection()) {
                product = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
            }
            SyntheticCity city = new SyntheticCity(ds, jdbc, product.split(" ")[0]);
            System.out.printf("database: %s; %d cores; JVM %s; load average %s%n", product,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    ComplianceBench.loadAverage());
            ComplianceBench.signIn(ctx, "demo_city");
            ReportService reports = ctx.getBean(ReportService.class);
            BulletinService bulletins = ctx.getBean(BulletinService.class);
            for (String phase : phases) {
                int counties = "city".equals(phase.strip()) ? SyntheticCity.COUNTIES : 1;
                long t0 = System.nanoTime();
                String loaded = city.loadUpTo(counties);
                if (loaded != null) {
                    System.out.printf("%nloaded %s in %.1f s%n", loaded, (System.nanoTime() - t0) / 1e9);
                }
                long project = city.projectIds().get(0);
                long station = city.stationsOf(0).get(0);
                LocalDate month = cn.sgz.shared.ChinaTime.thisMonth().minusMonths(1).atDay(1);
                List<BulletinService.BulletinQuarter> quarters = bulletins.quarters(project);
                // the latest whole quarter (the first in the list may still be running)
                BulletinService.BulletinQuarter quarter = quarters.size() > 1 ? quarters.get(1) : quarters.get(0);
                long records = jdbc.sql("SELECT COUNT(*) FROM service_record").query(Long.class).single();
                System.out.printf("%n=== %s: service_record %,d rows; report %s, bulletin %s ===%n", phase, records,
                        month, quarter.label());
                ComplianceBench.Timing report = ComplianceBench.time(runs, warmup,
                        () -> reports.preview(project, station, ReportKind.MONTH, month));
                ComplianceBench.Timing bulletin = ComplianceBench.time(runs, warmup,
                        () -> bulletins.compute(project, quarter.start()));
                ReportContent c = reports.preview(project, station, ReportKind.MONTH, month);
                Bulletin b = bulletins.compute(project, quarter.start());
                System.out.printf(Locale.ROOT, "one station's monthly report: median %.1f ms (min %.1f, max %.1f), "
                                + "%d statements; %d indicators, %d counted records%n", report.median(), report.min(),
                        report.max(), report.statements(), c.indicators().size(), c.countedRecords());
                System.out.printf(Locale.ROOT, "county quarterly bulletin (%d stations): median %.1f ms (min %.1f, max %.1f), "
                                + "%d statements%n", b.stations().size(), bulletin.median(), bulletin.min(),
                        bulletin.max(), bulletin.statements());
                System.out.printf(Locale.ROOT, "targets: report < 1000 ms %s; bulletin < 5000 ms %s (load average %s)%n",
                        report.median() < 1000 ? "yes" : "NO", bulletin.median() < 5000 ? "yes" : "NO",
                        ComplianceBench.loadAverage());
            }
        } finally {
            SecurityContextHolder.clearContext();
            ctx.close();
        }
    }
}
