package cn.sgz.charity.internal;

import cn.sgz.org.Scope;
import cn.sgz.shared.ChinaTime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of relief events and the amount each person received. */
@Repository
public class CharityReliefStore {

    private final JdbcClient jdbc;

    CharityReliefStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A relief event with the sum and number of its lines. */
    public record Relief(
            long id,
            long fundId,
            String fundName,
            long recordId,
            long stationId,
            String orgPath,
            LocalDate reliefDate,
            String plan,
            BigDecimal total,
            int lineCount,
            long version) {}

    /** One person's line. */
    public record Line(long id, long reliefId, long recipientId, String name, BigDecimal amount, String goods) {}

    private static final String SELECT = "SELECT e.*, f.name AS fund_name, "
            + "(SELECT COALESCE(SUM(l.amount), 0) FROM relief_recipient l WHERE l.relief_id = e.id) AS total, "
            + "(SELECT COUNT(*) FROM relief_recipient l WHERE l.relief_id = e.id) AS line_count "
            + "FROM relief_event e JOIN charity_fund f ON f.id = e.fund_id ";

    public long insert(
            long fundId, long recordId, long stationId, String orgPath, LocalDate date, String plan, String by) {
        OffsetDateTime now = ChinaTime.offsetNow();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO relief_event (fund_id, record_id, station_id, org_path, relief_date, plan, created_by, "
                        + "created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,0)")
                .params(fundId, recordId, stationId, orgPath, date, plan, by, now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean update(long id, long version, long fundId, String plan) {
        return jdbc.sql("UPDATE relief_event SET fund_id = ?, plan = ?, updated_at = ?, version = version + 1 "
                                + "WHERE id = ? AND version = ?")
                        .params(fundId, plan, ChinaTime.offsetNow(), id, version)
                        .update()
                == 1;
    }

    /** Keeps the stored date equal to the service record's after the record was edited. */
    public int syncDate(long recordId, LocalDate date) {
        return jdbc.sql("UPDATE relief_event SET relief_date = ? WHERE record_id = ? AND relief_date <> ?")
                .params(date, recordId, date)
                .update();
    }

    public Optional<Relief> find(long id) {
        return jdbc.sql(SELECT + "WHERE e.id = ?")
                .param(id)
                .query(CharityReliefStore::relief)
                .optional();
    }

    public Optional<Relief> findByRecord(long recordId) {
        return jdbc.sql(SELECT + "WHERE e.record_id = ?")
                .param(recordId)
                .query(CharityReliefStore::relief)
                .optional();
    }

    public List<Relief> list(Scope scope, Long stationId, Long fundId, LocalDate from, LocalDate to, int limit) {
        LedgerFilter where = new LedgerFilter(SELECT, scope, "e.org_path")
                .equal("e.station_id", stationId)
                .equal("e.fund_id", fundId)
                .within("e.relief_date", from, to);
        return jdbc.sql(where.newestFirst("e.relief_date", "e.id", limit, 2000))
                .params(where.params())
                .query(CharityReliefStore::relief)
                .list();
    }

    /** Relief events of the given funds with their totals, for fund balances. */
    public List<Relief> ofFunds(Collection<Long> fundIds) {
        if (fundIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "WHERE e.fund_id IN (:ids)")
                .param("ids", List.copyOf(fundIds))
                .query(CharityReliefStore::relief)
                .list();
    }

    /** Relief events of the stations dated in [from, to], each with its total: one grouped scan for the engine. */
    public List<Relief> ofStations(Collection<Long> stationIds, LocalDate from, LocalDate to) {
        if (stationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT e.id, e.fund_id, '' AS fund_name, e.record_id, e.station_id, e.org_path, e.relief_date,
                               '' AS plan, COALESCE(SUM(l.amount), 0) AS total, COUNT(l.id) AS line_count,
                               0 AS version
                        FROM relief_event e LEFT JOIN relief_recipient l ON l.relief_id = e.id
                        WHERE e.station_id IN (:stations) AND e.relief_date BETWEEN :from AND :to
                        GROUP BY e.id, e.fund_id, e.record_id, e.station_id, e.org_path, e.relief_date""")
                .param("stations", List.copyOf(stationIds))
                .param("from", from)
                .param("to", to)
                .query(CharityReliefStore::relief)
                .list();
    }

    // ---- lines --------------------------------------------------------------------------------

    /** A person's relief lines inside the scope, with their event, newest first. */
    public List<java.util.Map.Entry<Relief, Line>> ofRecipient(Scope scope, long recipientId) {
        List<Object> params = new ArrayList<>(scope.likePatterns());
        params.add(recipientId);
        List<Relief> events = jdbc.sql(SELECT + "WHERE " + scope.sqlCondition("e.org_path")
                        + " AND e.id IN (SELECT relief_id FROM relief_recipient WHERE recipient_id = ?)"
                        + " ORDER BY e.relief_date DESC, e.id DESC LIMIT 100")
                .params(params)
                .query(CharityReliefStore::relief)
                .list();
        List<java.util.Map.Entry<Relief, Line>> out = new ArrayList<>();
        for (Relief r : events) {
            lines(r.id()).stream()
                    .filter(l -> l.recipientId() == recipientId)
                    .forEach(l -> out.add(java.util.Map.entry(r, l)));
        }
        return out;
    }

    public long insertLine(long reliefId, long recipientId, String name, BigDecimal amount, String goods) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO relief_recipient (relief_id, recipient_id, name, amount, goods, created_at) "
                        + "VALUES (?,?,?,?,?,?)")
                .params(reliefId, recipientId, name, amount, goods, ChinaTime.offsetNow())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean deleteLine(long reliefId, long lineId) {
        return jdbc.sql("DELETE FROM relief_recipient WHERE id = ? AND relief_id = ?")
                        .params(lineId, reliefId)
                        .update()
                == 1;
    }

    public List<Line> lines(long reliefId) {
        return jdbc.sql("SELECT * FROM relief_recipient WHERE relief_id = ? ORDER BY id")
                .param(reliefId)
                .query((rs, n) -> new Line(
                        rs.getLong("id"),
                        rs.getLong("relief_id"),
                        rs.getLong("recipient_id"),
                        rs.getString("name"),
                        rs.getBigDecimal("amount"),
                        rs.getString("goods")))
                .list();
    }

    /** Touches the event so that concurrent edits of its lines are noticed by the version. */
    public void touch(long id) {
        jdbc.sql("UPDATE relief_event SET updated_at = ?, version = version + 1 WHERE id = ?")
                .params(ChinaTime.offsetNow(), id)
                .update();
    }

    private static Relief relief(ResultSet rs, int n) throws SQLException {
        return new Relief(
                rs.getLong("id"),
                rs.getLong("fund_id"),
                rs.getString("fund_name"),
                rs.getLong("record_id"),
                rs.getLong("station_id"),
                rs.getString("org_path"),
                rs.getObject("relief_date", LocalDate.class),
                rs.getString("plan"),
                rs.getBigDecimal("total"),
                rs.getInt("line_count"),
                rs.getLong("version"));
    }
}
