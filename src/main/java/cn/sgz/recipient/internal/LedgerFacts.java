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
        if (subtype == null || subtype.isBlank()) {
            return "";
        }
        List<String> clauses = new ArrayList<>();
        switch (domain) {
            case CHILD -> {
                List<ChildSubtype> named = java.util.Arrays.stream(ChildSubtype.values())
                        .filter(c -> subtype.contains(c.label()))
                        .toList();
                if (named.size() < ChildSubtype.values().length) {
                    named.forEach(c -> {
                        clauses.add("c.flags LIKE ?");
                        params.add("%," + c.name() + ",%");
                    });
                }
            }
            case SOCIAL_ASSISTANCE ->
                java.util.Arrays.stream(AssistanceSubtype.values())
                        .filter(a -> subtype.contains(a.label()))
                        .forEach(a -> {
                            clauses.add("c.subtype = ?");
                            params.add(a.name());
                        });
            default -> {}
        }
        return clauses.isEmpty() ? "" : " AND (" + String.join(" OR ", clauses) + ")";
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
