package cn.sgz.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.sgz.SgzTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On PostgreSQL (the suite's second run in CI) every org-path column has an index that serves the scope filter
 * {@code LIKE '/…/%'} whatever the database collation, and the planner uses it: EXPLAIN shows an index condition on
 * the column for every table. Skipped on H2, whose btree serves prefix LIKE already.
 */
@SgzTest
class PathPrefixIndexTest {

    @Autowired
    DataSource dataSource;

    @Test
    void everyScopeFilterByPathIsAnIndexRangeScan() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assumeTrue(c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres"), "PostgreSQL only");
            assertThat(PathPrefixIndexes.missing(c))
                    .as("org-path columns without a pattern-ops index")
                    .isEmpty();
            List<String[]> columns = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT c.table_name, c.column_name FROM information_schema.columns c"
                            + " JOIN information_schema.tables t ON t.table_schema = c.table_schema"
                            + " AND t.table_name = c.table_name WHERE c.table_schema = current_schema()"
                            + " AND t.table_type = 'BASE TABLE' AND (c.column_name IN ('org_path', 'station_path')"
                            + " OR c.column_name LIKE '%\\_org\\_path'"
                            + " OR (c.table_name = 'org_unit' AND c.column_name = 'path'))")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            assertThat(columns)
                    .extracting(t -> t[0])
                    .contains("service_record", "recipient", "audit_event", "org_unit", "feedback_case", "volunteer");
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // the demo tables are small; without this the planner rightly prefers reading them whole
                s.execute("SET LOCAL enable_seqscan = off");
                for (String[] t : columns) {
                    StringBuilder plan = new StringBuilder();
                    try (ResultSet rs =
                            s.executeQuery("EXPLAIN SELECT 1 FROM " + t[0] + " WHERE " + t[1] + " LIKE '/1/%'")) {
                        while (rs.next()) {
                            plan.append(rs.getString(1)).append('\n');
                        }
                    }
                    assertThat(plan.toString())
                            .as("%s.%s LIKE '/1/%%'", t[0], t[1])
                            .contains("Index Cond")
                            .contains(t[1])
                            .doesNotContain("Seq Scan");
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }
}
