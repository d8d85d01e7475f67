package cn.sgz.recipient.internal;

import cn.sgz.progress.LedgerFactSource;
import cn.sgz.recipient.AssistanceSubtype;
import cn.sgz.recipient.ChildSubtype;
import cn.sgz.shared.vocabulary.LedgerDomain;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledgers as facts for the indicator engine: who is on each station's ledger of a category (the
 * population a coverage or per-person rule is measured against) and who is on the follow-up roster.
 */
@Component
class LedgerFacts implements LedgerFactSource {

    private final JdbcClient jdbc;

    LedgerFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Set<Long>> population(
            Collection<Long> stationIds, LedgerDomain domain, String subtype, LocalDate asOf) {
        if (stationIds.isEmpty()) {
            return Map.of();
        }
        List<Object> params = new ArrayList<>(stationIds);
        String categoryFilter = "";
        if (domain != null && domain != LedgerDomain.ALL) {
            categoryFilter =
                    " AND EXISTS (SELECT 1 FROM recipient_category c WHERE c.recipient_id = r.id AND c.category = ?"
                            + subtypeFilter(domain, subtype, params) + ")";
        }
        return group(jdbc.sql("SELECT r.station_id, r.id FROM recipient r WHERE r.station_id IN ("
                        + marks(stationIds.size()) + ") AND r.status = 'ACTIVE' AND r.merged_into_id IS NULL"
                        + categoryFilter)
                .params(params)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list());
    }

    /**
     * The catalog names a population in words (“留守儿童和困境儿童”); where those words name subtypes the
     * ledger records (child subtypes, assistance subtypes), only people of those subtypes count. Words that
     * name no recorded subtype (“特殊困难老年人”) leave the whole category, as a bureau reads them.
     */
    private static String subtypeFilter(LedgerDomain domain, String subtype, List<Object> params) {
        params.add(domain.name());
        List<String> clauses = new ArrayList<>();
        for (Clause c : subtypeClauses(domain, subtype)) {
            clauses.add(c.flags() ? "c.flags LIKE ?" : "c.subtype = ?");
            params.add(c.value());
        }
        return clauses.isEmpty() ? "" : " AND (" + String.join(" OR ", clauses) + ")";
    }

    /** One alternative of the subtype test: {@code c.flags LIKE value} or {@code c.subtype = value}. */
    private record Clause(boolean flags, String value) {}

    private static List<Clause> subtypeClauses(LedgerDomain domain, String subtype) {
        List<Clause> clauses = new ArrayList<>();
        if (subtype == null || subtype.isBlank()) {
            return clauses;
        }
        switch (domain) {
            case CHILD -> {
                List<ChildSubtype> named = java.util.Arrays.stream(ChildSubtype.values())
                        .filter(c -> subtype.contains(c.label()))
                        .toList();
                if (named.size() < ChildSubtype.values().length) {
                    named.forEach(c -> clauses.add(new Clause(true, "%," + c.name() + ",%")));
                }
            }
            case SOCIAL_ASSISTANCE ->
                java.util.Arrays.stream(AssistanceSubtype.values())
                        .filter(a -> subtype.contains(a.label()))
                        .forEach(a -> clauses.add(new Clause(false, a.name())));
            default -> {}
        }
        return clauses;
    }

    /**
     * Every population of one computation in one read: the stations' active people with their categories, then per
     * key the same test {@link #population} makes in SQL (category, subtype or child flags), in memory.
     */
    @Override
    public Map<Population, Map<Long, Set<Long>>> populations(
            Collection<Long> stationIds, Collection<Population> keys, LocalDate asOf) {
        Map<Population, Map<Long, Set<Long>>> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        if (stationIds.isEmpty()) {
            keys.forEach(k -> out.put(k, Map.of()));
            return out;
        }
        List<Category> rows = jdbc.sql("SELECT r.station_id, r.id, c.category, c.subtype, c.flags FROM recipient r "
                        + "LEFT JOIN recipient_category c ON c.recipient_id = r.id WHERE r.station_id IN ("
                        + marks(stationIds.size()) + ") AND r.status = 'ACTIVE' AND r.merged_into_id IS NULL")
                .params(new ArrayList<Object>(stationIds))
                .query((rs, i) ->
                        new Category(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
        for (Population key : keys) {
            if (out.containsKey(key)) {
                continue;
            }
            boolean everyone = key.domain() == null || key.domain() == LedgerDomain.ALL;
            java.util.function.Predicate<Category> test =
                    everyone ? c -> true : inMemory(key.domain().name(), subtypeClauses(key.domain(), key.subtype()));
            List<long[]> people = new ArrayList<>();
            for (Category c : rows) {
                if (test.test(c)) {
                    people.add(new long[] {c.station(), c.recipient()});
                }
            }
            out.put(key, group(people));
        }
        return out;
    }

    /** The category test of {@link #subtypeFilter}, in memory: the category, and any one clause when there are any. */
    private static java.util.function.Predicate<Category> inMemory(String category, List<Clause> clauses) {
        List<java.util.function.Predicate<Category>> any = new ArrayList<>();
        for (Clause clause : clauses) {
            if (clause.flags()) {
                java.util.regex.Pattern like = likePattern(clause.value());
                any.add(c -> c.flags() != null && like.matcher(c.flags()).matches());
            } else {
                any.add(c -> clause.value().equals(c.subtype()));
            }
        }
        return c ->
                category.equals(c.category()) && (any.isEmpty() || any.stream().anyMatch(p -> p.test(c)));
    }

    /** One category row of an active person (category null: the person has none). */
    private record Category(long station, long recipient, String category, String subtype, String flags) {}

    /** SQL LIKE (% any run, _ any one character) as a regular expression. */
    private static java.util.regex.Pattern likePattern(String like) {
        StringBuilder re = new StringBuilder();
        for (char ch : like.toCharArray()) {
            re.append(ch == '%' ? ".*" : ch == '_' ? "." : java.util.regex.Pattern.quote(String.valueOf(ch)));
        }
        return java.util.regex.Pattern.compile(re.toString(), java.util.regex.Pattern.DOTALL);
    }

    @Override
    public Map<Long, Set<Long>> followUpRoster(Collection<Long> stationIds, LocalDate asOf) {
        if (stationIds.isEmpty()) {
            return Map.of();
        }
        List<Object> params = new ArrayList<>(stationIds);
        params.add(asOf);
        return group(jdbc.sql("SELECT station_id, recipient_id FROM followup_roster WHERE station_id IN ("
                        + marks(stationIds.size()) + ") AND active AND started_on <= ?")
                .params(params)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list());
    }

    @Override
    public Map<Long, String> names(Collection<Long> recipientIds) {
        Map<Long, String> out = new HashMap<>();
        List<Long> ids = List.copyOf(recipientIds);
        for (int i = 0; i < ids.size(); i += 500) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            jdbc.sql("SELECT id, name FROM recipient WHERE id IN (" + marks(chunk.size()) + ")")
                    .params(new ArrayList<Object>(chunk))
                    .query((rs, n) -> out.put(rs.getLong(1), rs.getString(2)))
                    .list();
        }
        return out;
    }

    private static Map<Long, Set<Long>> group(List<long[]> rows) {
        Map<Long, Set<Long>> result = new HashMap<>();
        rows.forEach(r -> result.computeIfAbsent(r[0], k -> new HashSet<>()).add(r[1]));
        return result;
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
