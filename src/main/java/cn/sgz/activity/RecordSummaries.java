package cn.sgz.activity;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored state of many service records at once, for modules whose own things are made of records
 * (case sessions, group sessions, relief events, trainings …) and need to know which of them count.
 * No scope check: callers have already checked scope on their own entity (the case, the group …),
 * and only pass record ids they hold themselves.
 */
@Component
public class RecordSummaries {

    /** One record in a line: whether it counts, its date, and how many signed in. */
    public record RecordSummary(long id, long stationId, ServiceKind kind, ServiceDomain domain, String title,
                                LocalDate serviceDate, int participantCount, int signInCount, boolean counts,
                                boolean voided, String reasons) {
    }

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;

    RecordSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Summaries of the given records; ids that do not exist are simply absent from the map. */
    public Map<Long, RecordSummary> find(Collection<Long> recordIds) {
        Map<Long, RecordSummary> result = new HashMap<>();
        List<Long> ids = recordIds.stream().distinct().toList();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            jdbc.sql("""
                    SELECT r.id, r.station_id, r.kind, r.domain, r.title, r.service_date, r.participant_count,
                           r.qualification, r.qualification_codes, r.status,
                           (SELECT COUNT(*) FROM sign_in_entry s WHERE s.record_id = r.id) AS sign_ins
                    FROM service_record r WHERE r.id IN (:ids)""")
                    .param("ids", chunk)
                    .query((rs, n) -> new RecordSummary(rs.getLong("id"), rs.getLong("station_id"),
                            ServiceKind.valueOf(rs.getString("kind")), ServiceDomain.valueOf(rs.getString("domain")),
                            rs.getString("title"), rs.getObject("service_date", LocalDate.class),
                            rs.getInt("participant_count"), rs.getInt("sign_ins"),
                            "COUNTS".equals(rs.getString("qualification")) && "ACTIVE".equals(rs.getString("status")),
                            "VOIDED".equals(rs.getString("status")), rs.getString("qualification_codes")))
                    .list().forEach(s -> result.put(s.id(), s));
        }
        return result;
    }
}
