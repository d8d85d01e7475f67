package cn.sgz.org;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.SgzTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #23: on H2 a scope is written as path ranges instead of LIKE (H2 re-prepares every statement with LIKE on
 * each execution). Both forms select exactly the paths {@link Scope#covers} accepts, in the database itself (on
 * PostgreSQL, which keeps LIKE, only the LIKE form).
 */
@SgzTest
class ScopeConditionTest {

    @Autowired
    JdbcClient jdbc;

    /** Ranges are used (and compared here) on H2 only: on PostgreSQL a range compares by the database's collation. */
    @org.springframework.beans.factory.annotation.Value("${spring.datasource.url:}")
    String url;

    private static final CurrentUser USER = new CurrentUser(1L, "x", "x", Role.BUREAU_OFFICER, null, null);

    private static final List<String> PATHS = List.of(
            "/",
            "/1",
            "/1/",
            "/1/5",
            "/1/5/",
            "/1/5/9/",
            "/1/50/",
            "/1/5-/",
            "/1/5./",
            "/1/6/",
            "/1/5/12/",
            "/2/5/",
            "/1/4/",
            "/1/5/0/");

    @Test
    void rangeAndLikeSelectTheSamePathsAsCovers() {
        jdbc.sql("CREATE LOCAL TEMPORARY TABLE scope_probe (path VARCHAR(200))").update();
        try {
            for (String p : PATHS) {
                jdbc.sql("INSERT INTO scope_probe (path) VALUES (?)").param(p).update();
            }
            jdbc.sql("INSERT INTO scope_probe (path) VALUES (NULL)").update();
            for (List<String> granted :
                    List.<List<String>>of(List.of("/1/5/"), List.of("/1/5/", "/1/6/"), List.of("/"), List.of())) {
                List<String> expected = new ArrayList<>();
                Scope like = new Scope(USER, granted, false);
                for (String p : PATHS) {
                    if (like.covers(p)) {
                        expected.add(p);
                    }
                }
                for (boolean byRange :
                        url.startsWith("jdbc:h2:") ? new boolean[] {false, true} : new boolean[] {false}) {
                    Scope scope = new Scope(USER, granted, byRange);
                    List<String> found = jdbc.sql("SELECT path FROM scope_probe WHERE " + scope.sqlCondition("path")
                                    + " ORDER BY path")
                            .params(scope.likePatterns().toArray())
                            .query(String.class)
                            .list();
                    assertThat(found)
                            .as("%s by %s: %s", granted, byRange ? "range" : "LIKE", scope.sqlCondition("path"))
                            .containsExactlyInAnyOrderElementsOf(expected);
                }
            }
        } finally {
            jdbc.sql("DROP TABLE scope_probe").update();
        }
    }

    @Test
    void theUpperBoundIsThePathWithItsLastCharacterRaised() {
        assertThat(Scope.upperBound("/1/5/")).isEqualTo("/1/50");
        assertThat(Scope.upperBound("/")).isEqualTo("0");
        Scope scope = new Scope(USER, List.of("/1/5/", "/2/"), true);
        assertThat(scope.sqlCondition("u.path"))
                .isEqualTo("((u.path >= ? AND u.path < ?) OR (u.path >= ? AND u.path < ?))");
        assertThat(scope.likePatterns()).containsExactly("/1/5/", "/1/50", "/2/", "/20");
        assertThat(new Scope(USER, List.of("/1/5/"), false).sqlCondition("path"))
                .isEqualTo("(path LIKE ?)");
    }
}
