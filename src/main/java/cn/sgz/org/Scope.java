package cn.sgz.org;

import java.util.List;

/**
 * What a user may see: the org subtrees under the given materialized paths. Built by
 * {@link ScopeService} from the database on every call, never from request parameters.
 *
 * <p>{@code byRange} chooses how {@link #sqlCondition} writes "under a path": {@code column LIKE '/1/5/%'}, or, on
 * H2, the same set as a range {@code column >= '/1/5/' AND column < '/1/50'}. H2 prepares a statement containing
 * LIKE afresh on every execution (its parser marks any LIKE "recompile always" so that the pattern's prefix can become
 * an index range), which was about a tenth of a home page's CPU (issue #23); a plain range is prepared once and still
 * uses the index. PostgreSQL keeps LIKE (a range compares by the database's collation there, not by code point).
 */
public record Scope(CurrentUser user, List<String> paths, boolean byRange) {

    public Scope {
        paths = List.copyOf(paths);
    }

    /** A scope written with LIKE (see the class comment). */
    public Scope(CurrentUser user, List<String> paths) {
        this(user, paths, false);
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
            sql.append(i == 0 ? "" : " OR ");
            if (byRange) {
                sql.append("(")
                        .append(column)
                        .append(" >= ? AND ")
                        .append(column)
                        .append(" < ?)");
            } else {
                sql.append(column).append(" LIKE ?");
            }
        }
        return sql.append(")").toString();
    }

    /**
     * The positional parameters of {@link #sqlCondition}: one LIKE pattern per path ({@code /1/5/%}), or with
     * {@code byRange} two bounds per path: the path, and the path with its last character raised by one (every string
     * that starts with {@code /1/5/} is at least {@code /1/5/} and less than {@code /1/50}, and no other string is, comparing by code unit).
     */
    public List<String> likePatterns() {
        if (!byRange) {
            return paths.stream().map(p -> p + "%").toList();
        }
        List<String> bounds = new java.util.ArrayList<>(2 * paths.size());
        for (String p : paths) {
            bounds.add(p);
            bounds.add(upperBound(p));
        }
        return List.copyOf(bounds);
    }

    /** The least string greater than every string starting with {@code prefix} (a non-empty path). */
    static String upperBound(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        if (last == Character.MAX_VALUE) {
            throw new IllegalArgumentException("path ends with U+FFFF: " + prefix);
        }
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }

    public Role role() {
        return user.role();
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }
}
