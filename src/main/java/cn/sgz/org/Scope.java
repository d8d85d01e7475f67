package cn.sgz.org;

import java.util.List;

/**
 * What a user may see: the org subtrees under the given materialized paths. Built by
 * {@link ScopeService} from the database on every call, never from request parameters.
 */
public record Scope(CurrentUser user, List<String> paths) {

    public Scope {
        paths = List.copyOf(paths);
    }

    public boolean covers(String orgPath) {
        if (orgPath == null) {
            return false;
        }
        for (String p : paths) {
            if (orgPath.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A SQL condition restricting {@code column} (a materialized path) to this scope, for use with
     * {@link #likePatterns()} as its positional parameters. An empty scope matches nothing.
     */
    public String sqlCondition(String column) {
        if (paths.isEmpty()) {
            return "1 = 0";
        }
        StringBuilder sql = new StringBuilder("(");
        for (int i = 0; i < paths.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append(column).append(" LIKE ?");
        }
        return sql.append(")").toString();
    }

    public List<String> likePatterns() {
        return paths.stream().map(p -> p + "%").toList();
    }

    public Role role() {
        return user.role();
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }
}
