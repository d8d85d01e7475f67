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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of funds and the co-raised ledger. Entries are only ever inserted: a correction is a reversal row. */
@Repository
public class CharityFundStore {

    private final JdbcClient jdbc;

    CharityFundStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored fund without its sums. */
    public record Fund(
            long id,
            long stationId,
            String orgPath,
            String name,
            FundKind kind,
            String partnerOrg,
            LocalDate establishedOn,
            FundStatus status,
            LocalDate closedOn,
            String closeReason,
            String note,
            String createdBy,
            OffsetDateTime createdAt,
            long version) {}

    public long insert(long stationId, String orgPath, FundForm f, String by) {
        OffsetDateTime now = ChinaTime.offsetNow();
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO charity_fund (station_id, org_path, name, kind, partner_org, established_on, status, note, "
                                + "created_by, created_at, updated_at, version) VALUES (?,?,?,?,?,?,'ACTIVE',?,?,?,?,0)")
                .params(
                        stationId,
                        orgPath,
                        f.name().strip(),
                        f.kind().name(),
                        f.partnerOrg().strip(),
                        f.establishedOn(),
                        blank(f.note()),
                        by,
                        now,
                        now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** False when the version did not match. The station of a fund never changes. */
    public boolean update(long id, long version, FundForm f) {
        return jdbc.sql("UPDATE charity_fund SET name = ?, kind = ?, partner_org = ?, established_on = ?, note = ?, "
                                + "updated_at = ?, version = version + 1 WHERE id = ? AND version = ?")
                        .params(
                                f.name().strip(),
                                f.kind().name(),
                                f.partnerOrg().strip(),
                                f.establishedOn(),
                                blank(f.note()),
                                ChinaTime.offsetNow(),
                                id,
                                version)
                        .update()
                == 1;
    }

    public boolean close(long id, LocalDate on, String reason) {
        return jdbc.sql("UPDATE charity_fund SET status = 'CLOSED', closed_on = ?, close_reason = ?, updated_at = ?, "
                                + "version = version + 1 WHERE id = ? AND status = 'ACTIVE'")
                        .params(on, reason, ChinaTime.offsetNow(), id)
                        .update()
                == 1;
    }

    public Optional<Fund> find(long id) {
        return jdbc.sql("SELECT * FROM charity_fund WHERE id = ?")
                .param(id)
                .query(CharityFundStore::fund)
                .optional();
    }

    public List<Fund> list(Scope scope, Long stationId) {
        List<Object> params = new ArrayList<>(scope.likePatterns());
        String sql = "SELECT * FROM charity_fund WHERE " + scope.sqlCondition("org_path");
        if (stationId != null) {
            sql += " AND station_id = ?";
            params.add(stationId);
        }
        return jdbc.sql(sql + " ORDER BY station_id, established_on DESC, id DESC")
                .params(params)
                .query(CharityFundStore::fund)
                .list();
    }

    /** Net co-raised money per fund (reversals are negative rows, so a plain sum nets them out). */
    public Map<Long, BigDecimal> coRaisedByFund(Collection<Long> fundIds) {
        Map<Long, BigDecimal> sums = new HashMap<>();
        if (fundIds.isEmpty()) {
            return sums;
        }
        jdbc.sql("SELECT fund_id, SUM(amount) AS total FROM co_raised_entry WHERE fund_id IN (:ids) GROUP BY fund_id")
                .param("ids", List.copyOf(fundIds))
                .query(rs -> {
                    sums.put(rs.getLong("fund_id"), rs.getBigDecimal("total"));
                });
        return sums;
    }

    // ---- co-raised entries ------------------------------------------------------------------

    public long insertEntry(
            Fund fund,
            LocalDate on,
            BigDecimal amount,
            String donor,
            String partnerOrg,
            String note,
            Long reversesId,
            String reason,
            String by,
            String byName) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO co_raised_entry (fund_id, station_id, org_path, received_on, amount, donor, partner_org, "
                        + "note, reverses_id, reversal_reason, created_by, created_by_name, created_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(
                        fund.id(),
                        fund.stationId(),
                        fund.orgPath(),
                        on,
                        amount,
                        donor,
                        partnerOrg,
                        blank(note),
                        reversesId,
                        reason,
                        by,
                        byName,
                        ChinaTime.offsetNow())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static final String ENTRY_SELECT = "SELECT e.*, f.name AS fund_name, "
            + "(SELECT r.id FROM co_raised_entry r WHERE r.reverses_id = e.id) AS reversed_by_id "
            + "FROM co_raised_entry e JOIN charity_fund f ON f.id = e.fund_id ";

    public Optional<CoRaisedView> findEntry(long id) {
        return jdbc.sql(ENTRY_SELECT + "WHERE e.id = ?")
                .param(id)
                .query(CharityFundStore::entry)
                .optional();
    }

    /** Entries in scope, newest first; reversals are listed as rows of their own. */
    public List<CoRaisedView> entries(
            Scope scope, Long stationId, Long fundId, LocalDate from, LocalDate to, int limit) {
        LedgerFilter where = new LedgerFilter(ENTRY_SELECT, scope, "e.org_path")
                .equal("e.station_id", stationId)
                .equal("e.fund_id", fundId)
                .within("e.received_on", from, to);
        return jdbc.sql(where.newestFirst("e.received_on", "e.id", limit, 1000))
                .params(where.params())
                .query(CharityFundStore::entry)
                .list();
    }

    // ---- facts for the indicator engine ----------------------------------------------------------

    /** Funds per station existing on {@code asOf}: established by then and not closed by then. */
    /** Funds existing on {@code asOf} (established, not yet closed), named, for counts and their drill-down. */
    public List<CharityFactSource.Named> existingOn(Collection<Long> stationIds, LocalDate asOf) {
        if (stationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT station_id, name, established_on FROM charity_fund
                        WHERE station_id IN (:stations) AND established_on <= :asOf
                          AND (closed_on IS NULL OR closed_on > :asOf)
                        ORDER BY established_on, id""")
                .param("stations", List.copyOf(stationIds))
                .param("asOf", asOf)
                .query((rs, n) ->
                        new CharityFactSource.Named(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
                .list();
    }

    /** A co-raised inflow that stands (not reversed), for the engine and the totals. */
    public record NetEntry(
            long id,
            long stationId,
            long fundId,
            String fundName,
            LocalDate receivedOn,
            BigDecimal amount,
            String donor,
            String partnerOrg) {}

    private static final String NET_SELECT = """
            SELECT e.id, e.station_id, e.fund_id, f.name AS fund_name, e.received_on, e.amount, e.donor, e.partner_org
            FROM co_raised_entry e JOIN charity_fund f ON f.id = e.fund_id
            WHERE e.reverses_id IS NULL
              AND NOT EXISTS (SELECT 1 FROM co_raised_entry r WHERE r.reverses_id = e.id)
            """;

    /** Inflows of the stations dated in [from, to], net of reversals (a reversed inflow is left out). */
    public List<NetEntry> netEntries(Collection<Long> stationIds, LocalDate from, LocalDate to) {
        if (stationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(NET_SELECT + " AND e.station_id IN (:stations) AND e.received_on BETWEEN :from AND :to")
                .param("stations", List.copyOf(stationIds))
                .param("from", from)
                .param("to", to)
                .query(CharityFundStore::netEntry)
                .list();
    }

    /** The same inside a scope, for the totals page. */
    public List<NetEntry> netEntries(Scope scope, Long stationId, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>(scope.likePatterns());
        String sql = NET_SELECT + " AND " + scope.sqlCondition("e.org_path") + " AND e.received_on BETWEEN ? AND ?";
        params.add(from);
        params.add(to);
        if (stationId != null) {
            sql += " AND e.station_id = ?";
            params.add(stationId);
        }
        return jdbc.sql(sql).params(params).query(CharityFundStore::netEntry).list();
    }

    private static NetEntry netEntry(ResultSet rs, int n) throws SQLException {
        return new NetEntry(
                rs.getLong("id"),
                rs.getLong("station_id"),
                rs.getLong("fund_id"),
                rs.getString("fund_name"),
                rs.getObject("received_on", LocalDate.class),
                rs.getBigDecimal("amount"),
                rs.getString("donor"),
                rs.getString("partner_org"));
    }

    private static Fund fund(ResultSet rs, int n) throws SQLException {
        return new Fund(
                rs.getLong("id"),
                rs.getLong("station_id"),
                rs.getString("org_path"),
                rs.getString("name"),
                FundKind.valueOf(rs.getString("kind")),
                rs.getString("partner_org"),
                rs.getObject("established_on", LocalDate.class),
                FundStatus.valueOf(rs.getString("status")),
                rs.getObject("closed_on", LocalDate.class),
                rs.getString("close_reason"),
                rs.getString("note"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getLong("version"));
    }

    private static CoRaisedView entry(ResultSet rs, int n) throws SQLException {
        return new CoRaisedView(
                rs.getLong("id"),
                rs.getLong("fund_id"),
                rs.getString("fund_name"),
                rs.getLong("station_id"),
                rs.getString("org_path"),
                rs.getObject("received_on", LocalDate.class),
                rs.getBigDecimal("amount"),
                rs.getString("donor"),
                rs.getString("partner_org"),
                rs.getString("note"),
                (Long) rs.getObject("reverses_id", Long.class),
                rs.getString("reversal_reason"),
                (Long) rs.getObject("reversed_by_id", Long.class),
                rs.getString("created_by_name"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
