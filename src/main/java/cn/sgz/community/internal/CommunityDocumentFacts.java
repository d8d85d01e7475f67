package cn.sgz.community.internal;

import cn.sgz.progress.DocumentFactSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The station document library as facts: the library can hold a document of any name the catalogs use, and a
 * station has it when an entry of exactly that name has at least one photo (one grouped query).
 */
@Component
public class CommunityDocumentFacts implements DocumentFactSource {

    private final JdbcClient jdbc;

    CommunityDocumentFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean answersFor(String documentName) {
        return documentName != null && !documentName.isBlank();
    }

    /** Documents of the domain's work, or of no particular domain (null or ALL: any). */
    @Override
    public Map<Long, Set<String>> documents(
            Collection<Long> stationIds, Collection<String> names, cn.sgz.shared.vocabulary.LedgerDomain domain) {
        Map<Long, Set<String>> out = new HashMap<>();
        datedDocuments(stationIds, names, domain)
                .forEach(d ->
                        out.computeIfAbsent(d.stationId(), k -> new HashSet<>()).add(d.name()));
        return out;
    }

    /** With the period each is for; a document filed without a period is for the day it was filed. */
    @Override
    public List<DatedDocument> datedDocuments(
            Collection<Long> stationIds, Collection<String> names, cn.sgz.shared.vocabulary.LedgerDomain domain) {
        if (stationIds.isEmpty() || names.isEmpty()) {
            return List.of();
        }
        boolean oneDomain = domain != null && domain != cn.sgz.shared.vocabulary.LedgerDomain.ALL;
        var spec = jdbc.sql("SELECT station_id, name, period_from, period_to, created_at FROM community_document "
                        + "WHERE station_id IN (:stations) AND name IN (:names) AND photo_count > 0"
                        + (oneDomain ? " AND (domain IS NULL OR domain = :domain)" : ""))
                .param("stations", List.copyOf(stationIds))
                .param("names", List.copyOf(names));
        if (oneDomain) {
            spec = spec.param("domain", domain.name());
        }
        return spec.query((rs, n) -> {
                    java.time.LocalDate filed = rs.getObject(5, java.time.OffsetDateTime.class)
                            .atZoneSameInstant(cn.sgz.shared.ChinaTime.ZONE)
                            .toLocalDate();
                    java.time.LocalDate from = rs.getObject(3, java.time.LocalDate.class);
                    java.time.LocalDate to = rs.getObject(4, java.time.LocalDate.class);
                    return new DatedDocument(
                            rs.getLong(1), rs.getString(2), from == null ? filed : from, to == null ? filed : to);
                })
                .list();
    }

    /**
     * Every shape at once, each answered as the single calls would: the library read once for every name asked
     * (with each entry's domain), then sorted out per shape in memory.
     */
    @Override
    public Map<Shape, Filed> filed(Collection<Long> stationIds, Collection<Shape> shapes) {
        Map<Shape, Filed> out = new HashMap<>();
        Set<String> allNames = new java.util.LinkedHashSet<>();
        shapes.forEach(s -> allNames.addAll(s.names()));
        record Entry(DatedDocument document, String domain) {}
        List<Entry> rows = stationIds.isEmpty() || allNames.isEmpty()
                ? List.of()
                : jdbc.sql(
                                "SELECT station_id, name, period_from, period_to, created_at, domain FROM community_document "
                                        + "WHERE station_id IN (:stations) AND name IN (:names) AND photo_count > 0")
                        .param("stations", List.copyOf(stationIds))
                        .param("names", List.copyOf(allNames))
                        .query((rs, n) -> new Entry(dated(rs), rs.getString(6)))
                        .list();
        for (Shape shape : shapes) {
            cn.sgz.shared.vocabulary.LedgerDomain domain = shape.domain();
            boolean oneDomain = domain != null && domain != cn.sgz.shared.vocabulary.LedgerDomain.ALL;
            List<DatedDocument> dated = new java.util.ArrayList<>();
            Map<Long, Set<String>> documents = new HashMap<>();
            for (Entry e : rows) {
                if (shape.names().contains(e.document().name())
                        && (!oneDomain || e.domain() == null || e.domain().equals(domain.name()))) {
                    dated.add(e.document());
                    documents
                            .computeIfAbsent(e.document().stationId(), k -> new HashSet<>())
                            .add(e.document().name());
                }
            }
            out.put(shape, new Filed(documents, dated));
        }
        return out;
    }

    private static DatedDocument dated(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.time.LocalDate filed = rs.getObject(5, java.time.OffsetDateTime.class)
                .atZoneSameInstant(cn.sgz.shared.ChinaTime.ZONE)
                .toLocalDate();
        java.time.LocalDate from = rs.getObject(3, java.time.LocalDate.class);
        java.time.LocalDate to = rs.getObject(4, java.time.LocalDate.class);
        return new DatedDocument(rs.getLong(1), rs.getString(2), from == null ? filed : from, to == null ? filed : to);
    }

    @Override
    public Map<Long, Set<String>> documents(Collection<Long> stationIds, Collection<String> names) {
        Map<Long, Set<String>> out = new HashMap<>();
        if (stationIds.isEmpty() || names.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT DISTINCT station_id, name FROM community_document WHERE station_id IN (:stations) "
                        + "AND name IN (:names) AND photo_count > 0")
                .param("stations", List.copyOf(stationIds))
                .param("names", List.copyOf(names))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list()
                .forEach(e ->
                        out.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        return out;
    }
}
