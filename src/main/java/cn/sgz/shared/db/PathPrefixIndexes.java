package cn.sgz.shared.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Scope filters are {@code org_path LIKE '/1/7/%'}. On PostgreSQL a plain btree serves such a prefix only under the
 * C collation, so after every migration this callback gives each org-path column of every table (any column named
 * {@code org_path} or {@code station_path} or ending in {@code _org_path}, and {@code org_unit.path}) an index with
 * {@code varchar_pattern_ops} ({@code text_pattern_ops} for text) unless it has one: tables added later are covered
 * without anyone remembering. H2's btree already serves prefix LIKE under any collation, so on H2 it does nothing;
 * the migrations themselves stay portable SQL (docs/migrations.md).
 */
@Component
public class PathPrefixIndexes implements Callback {

    private static final Logger log = LoggerFactory.getLogger(PathPrefixIndexes.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            Connection c = context.getConnection();
            if (!c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres")) {
                return;
            }
            for (String[] column : missing(c)) {
                String table = column[0];
                String name = column[1];
                String ops = column[2].equals("text") ? "text_pattern_ops" : "varchar_pattern_ops";
                String index = indexName(table, name);
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE INDEX IF NOT EXISTS " + index + " ON " + table + " (" + name + " " + ops + ")");
                }
                log.info("prefix index {} on {}({} {})", index, table, name, ops);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the org-path prefix indexes", e);
        }
    }

    /** Org-path columns of the current schema without a pattern-ops index: table, column, data type. */
    static List<String[]> missing(Connection c) throws SQLException {
        List<String[]> result = new ArrayList<>();
        String sql = "SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c"
                + " JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                + " WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"
                + " AND c.data_type IN ('character varying', 'text')"
                + " AND (c.column_name IN ('org_path', 'station_path') OR c.column_name LIKE '%\\_org\\_path'"
                + "      OR (c.table_name = 'org_unit' AND c.column_name = 'path'))"
                + " AND NOT EXISTS (SELECT 1 FROM pg_indexes i WHERE i.schemaname = c.table_schema"
                + "      AND i.tablename = c.table_name"
                + "      AND i.indexdef LIKE '%(' || c.column_name || ' %pattern_ops)%')"
                + " ORDER BY c.table_name, c.column_name";
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                result.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        return result;
    }

    static String indexName(String table, String column) {
        String name = "idx_" + table + "_" + column + "_prefix";
        return name.length() <= 63 ? name : "idx_" + Integer.toHexString((table + "." + column).hashCode()) + "_prefix";
    }

    @Override
    public String getCallbackName() {
        return "org-path prefix indexes";
    }
}
