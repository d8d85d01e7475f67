package cn.sgz.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.sgz.SgzTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On PostgreSQL the lists that page on the server read their default order from an index for a city-wide scope (the
 * scope filter matches nearly every row, so the only cheap plan walks an index in list order and stops after one
 * page): EXPLAIN of each list's statement shape, with sorting and whole-table reads priced out, shows no sort.
 * The statements mirror RecordStore (record list), RecipientStore (ledger), AuditQueryService (audit log) and
 * VolunteerService (a station's volunteers). Skipped on H2.
 */
@SgzTest
class ListOrderIndexTest {

    private static final Map<String, String> LISTS = Map.of(
            "record list",
            "SELECT * FROM service_record WHERE (org_path LIKE '/1/%') AND status = 'ACTIVE'"
                    + " ORDER BY service_date DESC, id DESC LIMIT 50 OFFSET 0",
            "ledger",
            "SELECT r.* FROM recipient r WHERE (r.org_path LIKE '/1/%') AND r.merged_into_id IS NULL"
                    + " ORDER BY r.org_path, r.name, r.id LIMIT 50 OFFSET 0",
            "audit log",
            "SELECT id, occurred_at, actor, action FROM audit_event WHERE 1 = 1 AND ((target_org_path LIKE '/1/%')"
                    + " OR (actor_org_path LIKE '/1/%')) ORDER BY id DESC LIMIT 50 OFFSET 0",
            "volunteers",
            "SELECT v.* FROM volunteer v WHERE (v.org_path LIKE '/1/%') AND v.station_id = 4"
                    + " ORDER BY v.left_on NULLS FIRST, v.id");

    @Autowired
    DataSource dataSource;

    @Test
    void everyPagedListReadsItsDefaultOrderFromAnIndex() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assumeTrue(c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres"), "PostgreSQL only");
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL enable_seqscan = off");
                s.execute("SET LOCAL enable_sort = off");
                s.execute("SET LOCAL enable_incremental_sort = off");
                for (Map.Entry<String, String> list : LISTS.entrySet()) {
                    StringBuilder plan = new StringBuilder();
                    try (ResultSet rs = s.executeQuery("EXPLAIN " + list.getValue())) {
                        while (rs.next()) {
                            plan.append(rs.getString(1)).append('\n');
                        }
                    }
                    assertThat(plan.toString())
                            .as("%s: %s", list.getKey(), list.getValue())
                            .contains("Index")
                            .doesNotContain("Sort")
                            .doesNotContain("Seq Scan");
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }
}
