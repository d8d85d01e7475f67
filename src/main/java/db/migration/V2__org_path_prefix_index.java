package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes "path LIKE '/1/7/%'" a single index range scan on PostgreSQL, whose default (non-"C")
 * collations cannot use a plain btree for LIKE. H2's btree already serves prefix LIKE, so there the
 * migration does nothing; one migration runs unchanged on both.
 */
public class V2__org_path_prefix_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!product.toLowerCase().contains("postgres")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE INDEX idx_org_unit_path_prefix ON org_unit (path varchar_pattern_ops)");
        }
    }
}
