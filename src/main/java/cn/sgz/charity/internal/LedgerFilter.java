package cn.sgz.charity.internal;

import cn.sgz.org.Scope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause of a ledger list (co-raised money, relief events): the caller's scope on the rows'
 * org path, then each filter the request gives, with the parameters in the order of their marks.
 */
final class LedgerFilter {

    private final StringBuilder sql;
    private final List<Object> params;

    LedgerFilter(String select, Scope scope, String pathColumn) {
        this.sql = new StringBuilder(select).append("WHERE ").append(scope.sqlCondition(pathColumn));
        this.params = new ArrayList<>(scope.likePatterns());
    }

    /** {@code column = value}, when a value is given. */
    LedgerFilter equal(String column, Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
        return this;
    }

    /** {@code column} within [from, to], either end open when not given. */
    LedgerFilter within(String column, LocalDate from, LocalDate to) {
        if (from != null) {
            sql.append(" AND ").append(column).append(" >= ?");
            params.add(from);
        }
        if (to != null) {
            sql.append(" AND ").append(column).append(" <= ?");
            params.add(to);
        }
        return this;
    }

    /** The statement, newest first by {@code dateColumn}, at most {@code cap} rows whatever was asked. */
    String newestFirst(String dateColumn, String idColumn, int limit, int cap) {
        return sql + " ORDER BY " + dateColumn + " DESC, " + idColumn + " DESC LIMIT "
                + Math.max(1, Math.min(limit, cap));
    }

    List<Object> params() {
        return params;
    }
}
