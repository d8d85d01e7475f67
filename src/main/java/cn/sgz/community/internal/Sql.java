package cn.sgz.community.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Inserts a row and returns its generated id (the same on H2 and PostgreSQL). */
public final class Sql {

    private Sql() {}

    public static long insert(JdbcClient jdbc, String sql, Object... params) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }
}
