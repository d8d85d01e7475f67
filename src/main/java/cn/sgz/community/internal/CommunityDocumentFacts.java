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
