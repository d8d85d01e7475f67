package cn.sgz.bench;

import java.sql.Connection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Loads the compliance bench's synthetic city ({@link SyntheticCity}: 10 counties × 15 社工站 = 150 stations, 3,000
 * service records per station and year) into the database of a running application, for {@code bench/page-load.sh
 * DB=postgres}. Arguments: JDBC URL, user, password, counties (default 10). A rerun on a kept database adds only
 * the counties missing.
 */
public final class PageLoadCity {

    private PageLoadCity() {}

    public static void main(String[] args) throws Exception {
        int counties = args.length > 3 ? Integer.parseInt(args[3]) : SyntheticCity.COUNTIES;
        DriverManagerDataSource ds = new DriverManagerDataSource(args[0], args[1], args[2]);
        {
            String product;
            try (Connection c = ds.getConnection()) {
                product = c.getMetaData().getDatabaseProductName();
            }
            SyntheticCity city = new SyntheticCity(ds, JdbcClient.create(ds), product);
            long t0 = System.nanoTime();
            String loaded = city.loadUpTo(counties);
            System.out.printf(
                    "synthetic city: %s%n",
                    loaded == null
                            ? "already loaded (" + city.loadedCounties() + " counties)"
                            : String.format("loaded %s in %.0f s", loaded, (System.nanoTime() - t0) / 1e9));
        }
    }
}
