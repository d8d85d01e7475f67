package cn.sgz.recipient;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up figures of one station for a date range, for periodic reports: how many follow-ups were
 * due (one per person on the roster per frequency period that ends in the range, the period in which a
 * person joined being a grace period as on the due list) and how many of those were done within their
 * period, and the follow-ups recorded in the range by method. The caller has checked the station is in
 * the user's scope.
 */
@Service
public class FollowUpFigures {

    /** due: person-periods owed; done: of those, followed up in time; records: follow-ups dated in the range. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "FollowUpFigures")
    public record Figures(long due, long done, long records, long visits, long calls) {

        public static final Figures NONE = new Figures(0, 0, 0, 0, 0);
    }

    private final JdbcClient jdbc;

    FollowUpFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Figures of(long stationId, LocalDate from, LocalDate to) {
        record Entry(long recipientId, FollowUpFrequency frequency, LocalDate startedOn, LocalDate endedOn) {}
        List<Entry> roster = jdbc.sql("SELECT f.recipient_id, f.frequency, f.started_on, f.ended_on, f.active "
                        + "FROM followup_roster f JOIN recipient r ON r.id = f.recipient_id "
                        + "WHERE f.station_id = ? AND f.started_on <= ? AND r.merged_into_id IS NULL")
                .params(stationId, to)
                .query((rs, i) -> new Entry(
                        rs.getLong(1),
                        FollowUpFrequency.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class),
                        rs.getBoolean(5) ? null : endedOn(rs.getObject(4, LocalDate.class))))
                .list();
        LocalDate earliest = from.minusMonths(6);
        Map<Long, Set<LocalDate>> followed = new HashMap<>();
        long[] byMethod = new long[2];
        jdbc.sql("SELECT recipient_id, followed_on, method FROM followup_record WHERE station_id = ? "
                        + "AND followed_on >= ? AND followed_on <= ?")
                .params(stationId, earliest, to)
                .query((rs, i) -> {
                    LocalDate on = rs.getObject(2, LocalDate.class);
                    followed.computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                            .add(on);
                    if (!on.isBefore(from)) {
                        byMethod[FollowUpMethod.VISIT.name().equals(rs.getString(3)) ? 0 : 1]++;
                    }
                    return null;
                })
                .list();
        long due = 0;
        long done = 0;
        for (Entry e : roster) {
            // every frequency period that ends inside [from, to]
            for (FollowUpFrequency.Period p = e.frequency().periodOf(from);
                    !p.end().isAfter(to);
                    p = e.frequency().periodOf(p.end().plusDays(1))) {
                if (p.end().isBefore(from)
                        || e.startedOn().isAfter(p.start())
                        || (e.endedOn() != null && e.endedOn().isBefore(p.end()))) {
                    continue;
                }
                due++;
                FollowUpFrequency.Period period = p;
                if (followed.getOrDefault(e.recipientId(), Set.of()).stream().anyMatch(period::contains)) {
                    done++;
                }
            }
        }
        return new Figures(due, done, byMethod[0] + byMethod[1], byMethod[0], byMethod[1]);
    }

    /** A removed entry without an end date ended long ago as far as any period is concerned. */
    private static LocalDate endedOn(LocalDate endedOn) {
        return endedOn == null ? LocalDate.MIN : endedOn;
    }
}
