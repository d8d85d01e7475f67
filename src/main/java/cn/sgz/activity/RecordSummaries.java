package cn.sgz.activity;

import cn.sgz.shared.vocabulary.ServiceField;
import cn.sgz.shared.vocabulary.ServiceKind;
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
    public record RecordSummary(
            long id,
            long stationId,
            ServiceKind kind,
            ServiceField domain,
            String title,
            LocalDate serviceDate,
            int participantCount,
            int signInCount,
            boolean counts,
            boolean voided,
            String reasons) {}

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;

    RecordSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Service records of one kind at a station in a period: how many count, how many do not, people taking part. */
    public record KindCount(ServiceKind kind, ServiceField domain, long counted, long excluded, long participants) {}

    /**
     * What a station did in a period, for periodic reports: records by kind (active ones; voided records
     * are left out), distinct people from the ledgers served by counting records and how many of them were
     * served for the first time at this station, and how often each reason code kept a record out.
     */
    public record PeriodCounts(
            List<KindCount> kinds, long peopleServed, long peopleNew, Map<String, Long> exclusionCodes) {}

    /**
     * Counts of one station's records dated in [from, to], in three grouped queries. No scope check:
     * the caller (the reporting module) has checked the station against the signed-in user.
     */
    public PeriodCounts periodCounts(long stationId, LocalDate from, LocalDate to) {
        List<KindCount> kinds = jdbc.sql("""
                SELECT kind, domain,
                       SUM(CASE WHEN qualification = 'COUNTS' THEN 1 ELSE 0 END) AS counted,
                       SUM(CASE WHEN qualification = 'COUNTS' THEN 0 ELSE 1 END) AS excluded,
                       SUM(participant_count) AS participants
                FROM service_record
                WHERE station_id = :station AND status = 'ACTIVE' AND service_date BETWEEN :from AND :to
                GROUP BY kind, domain ORDER BY kind, domain""")
                .param("station", stationId)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new KindCount(
                        ServiceKind.valueOf(rs.getString("kind")),
                        ServiceField.valueOf(rs.getString("domain")),
                        rs.getLong("counted"),
                        rs.getLong("excluded"),
                        rs.getLong("participants")))
                .list();
        String served = """
                SELECT DISTINCT p.recipient_id FROM service_record_participant p
                JOIN service_record r ON r.id = p.record_id
                WHERE r.station_id = :station AND r.status = 'ACTIVE' AND r.qualification = 'COUNTS'
                  AND p.recipient_id IS NOT NULL AND r.service_date BETWEEN :from AND :to""";
        long people = jdbc.sql("SELECT COUNT(*) FROM (" + served + ") x")
                .param("station", stationId)
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
        long repeat = jdbc.sql("SELECT COUNT(*) FROM (" + served + ") x WHERE EXISTS (SELECT 1 FROM "
                        + "service_record_participant q JOIN service_record e ON e.id = q.record_id "
                        + "WHERE q.recipient_id = x.recipient_id AND e.station_id = :station AND e.status = 'ACTIVE' "
                        + "AND e.qualification = 'COUNTS' AND e.service_date < :from)")
                .param("station", stationId)
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
        Map<String, Long> codes = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT qualification_codes FROM service_record
                WHERE station_id = :station AND status = 'ACTIVE' AND qualification <> 'COUNTS'
                  AND service_date BETWEEN :from AND :to AND qualification_codes IS NOT NULL""")
                .param("station", stationId)
                .param("from", from)
                .param("to", to)
                .query(String.class)
                .list()
                .forEach(c -> java.util.Arrays.stream(c.split(","))
                        .map(String::strip)
                        .filter(x -> !x.isEmpty())
                        .distinct()
                        .forEach(x -> codes.merge(x, 1L, Long::sum)));
        return new PeriodCounts(kinds, people, people - repeat, codes);
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
                    .query((rs, n) -> new RecordSummary(
                            rs.getLong("id"),
                            rs.getLong("station_id"),
                            ServiceKind.valueOf(rs.getString("kind")),
                            ServiceField.valueOf(rs.getString("domain")),
                            rs.getString("title"),
                            rs.getObject("service_date", LocalDate.class),
                            rs.getInt("participant_count"),
                            rs.getInt("sign_ins"),
                            "COUNTS".equals(rs.getString("qualification")) && "ACTIVE".equals(rs.getString("status")),
                            "VOIDED".equals(rs.getString("status")),
                            rs.getString("qualification_codes")))
                    .list()
                    .forEach(s -> result.put(s.id(), s));
        }
        return result;
    }
}
