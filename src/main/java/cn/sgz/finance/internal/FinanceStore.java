package cn.sgz.finance.internal;

import cn.sgz.org.Scope;
import cn.sgz.shared.ChinaTime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of the finance tables. Expenses are only inserted (a correction is a reversal row) and reviewed. */
@Repository
public class FinanceStore {

    private final JdbcClient jdbc;

    FinanceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- settings -------------------------------------------------------------------------------

    public Optional<SpendingRules.Settings> settings(long bureauId) {
        return jdbc.sql("SELECT * FROM finance_settings WHERE bureau_id = ?")
                .param(bureauId)
                .query((rs, n) -> new SpendingRules.Settings(
                        SpendingRules.split(rs.getString("categories")),
                        rs.getBoolean("fixed_asset_enabled"),
                        SpendingRules.split(rs.getString("fixed_asset_categories")),
                        rs.getBigDecimal("fixed_asset_threshold"),
                        rs.getBoolean("grain_oil_enabled"),
                        SpendingRules.split(rs.getString("grain_oil_categories")),
                        SpendingRules.split(rs.getString("grain_oil_words")),
                        rs.getBoolean("fuel_enabled"),
                        SpendingRules.split(rs.getString("fuel_categories")),
                        SpendingRules.split(rs.getString("fuel_words")),
                        rs.getInt("warn_percent"),
                        true,
                        rs.getLong("version")))
                .optional();
    }

    public void insertSettings(long bureauId, SpendingRules.Settings s, String by) {
        jdbc.sql("INSERT INTO finance_settings (bureau_id, categories, fixed_asset_enabled, fixed_asset_categories, "
                        + "fixed_asset_threshold, grain_oil_enabled, grain_oil_categories, grain_oil_words, fuel_enabled, "
                        + "fuel_categories, fuel_words, warn_percent, updated_by, updated_at, version) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)")
                .params(settingsParams(bureauId, s, by))
                .update();
    }

    public boolean updateSettings(long bureauId, long version, SpendingRules.Settings s, String by) {
        List<Object> p = new ArrayList<>(settingsParams(bureauId, s, by).subList(1, 14));
        p.add(bureauId);
        p.add(version);
        return jdbc.sql(
                                "UPDATE finance_settings SET categories = ?, fixed_asset_enabled = ?, fixed_asset_categories = ?, "
                                        + "fixed_asset_threshold = ?, grain_oil_enabled = ?, grain_oil_categories = ?, grain_oil_words = ?, "
                                        + "fuel_enabled = ?, fuel_categories = ?, fuel_words = ?, warn_percent = ?, updated_by = ?, "
                                        + "updated_at = ?, version = version + 1 WHERE bureau_id = ? AND version = ?")
                        .params(p)
                        .update()
                == 1;
    }

    private static List<Object> settingsParams(long bureauId, SpendingRules.Settings s, String by) {
        return Arrays.asList(
                bureauId,
                SpendingRules.join(s.categories()),
                s.fixedAssetEnabled(),
                SpendingRules.join(s.fixedAssetCategories()),
                s.fixedAssetThreshold(),
                s.grainOilEnabled(),
                SpendingRules.join(s.grainOilCategories()),
                SpendingRules.join(s.grainOilWords()),
                s.fuelEnabled(),
                SpendingRules.join(s.fuelCategories()),
                SpendingRules.join(s.fuelWords()),
                s.warnPercent(),
                by,
                ChinaTime.offsetNow());
    }

    // ---- contract and payments ------------------------------------------------------------------

    public record ContractRow(
            long projectId,
            long bureauId,
            String orgPath,
            BigDecimal totalAmount,
            List<String> fundingSources,
            ContractStatus status,
            LocalDate closedOn,
            String closeReason,
            long version) {}

    public Optional<ContractRow> contract(long projectId) {
        return jdbc.sql("SELECT * FROM finance_contract WHERE project_id = ?")
                .param(projectId)
                .query((rs, n) -> new ContractRow(
                        rs.getLong("project_id"),
                        rs.getLong("bureau_id"),
                        rs.getString("org_path"),
                        rs.getBigDecimal("total_amount"),
                        SpendingRules.split(rs.getString("funding_sources")),
                        ContractStatus.valueOf(rs.getString("status")),
                        rs.getObject("closed_on", LocalDate.class),
                        rs.getString("close_reason"),
                        rs.getLong("version")))
                .optional();
    }

    public void insertContract(
            long projectId, long bureauId, String orgPath, BigDecimal total, List<String> sources, String by) {
        OffsetDateTime now = ChinaTime.offsetNow();
        jdbc.sql(
                        "INSERT INTO finance_contract (project_id, bureau_id, org_path, total_amount, funding_sources, status, "
                                + "created_by, created_at, updated_at, version) VALUES (?,?,?,?,?,'OPEN',?,?,?,0)")
                .params(projectId, bureauId, orgPath, total, SpendingRules.join(sources), by, now, now)
                .update();
    }

    public boolean updateContract(long projectId, long version, BigDecimal total, List<String> sources) {
        return jdbc.sql("UPDATE finance_contract SET total_amount = ?, funding_sources = ?, updated_at = ?, "
                                + "version = version + 1 WHERE project_id = ? AND version = ? AND status = 'OPEN'")
                        .params(total, SpendingRules.join(sources), ChinaTime.offsetNow(), projectId, version)
                        .update()
                == 1;
    }

    public boolean closeContract(long projectId, long version, LocalDate on, String reason) {
        return jdbc.sql(
                                "UPDATE finance_contract SET status = 'CLOSED', closed_on = ?, close_reason = ?, updated_at = ?, "
                                        + "version = version + 1 WHERE project_id = ? AND version = ? AND status = 'OPEN'")
                        .params(on, reason, ChinaTime.offsetNow(), projectId, version)
                        .update()
                == 1;
    }

    public List<FinanceViews.Payment> payments(long projectId) {
        return jdbc.sql("SELECT * FROM finance_payment WHERE project_id = ? ORDER BY seq")
                .param(projectId)
                .query(FinanceStore::payment)
                .list();
    }

    public Optional<FinanceViews.Payment> payment(long id) {
        return jdbc.sql("SELECT * FROM finance_payment WHERE id = ?")
                .param(id)
                .query(FinanceStore::payment)
                .optional();
    }

    public void deletePayments(long projectId) {
        jdbc.sql("DELETE FROM finance_payment WHERE project_id = ?")
                .param(projectId)
                .update();
    }

    public void insertPayment(
            long projectId,
            int seq,
            String label,
            BigDecimal amount,
            PaymentCondition condition,
            String conditionNote,
            LocalDate dueOn) {
        jdbc.sql("INSERT INTO finance_payment (project_id, seq, label, amount, condition_kind, condition_note, due_on, "
                        + "status, updated_at, version) VALUES (?,?,?,?,?,?,?,'PLANNED',?,0)")
                .params(projectId, seq, label, amount, condition.name(), conditionNote, dueOn, ChinaTime.offsetNow())
                .update();
    }

    public boolean markPaid(long id, long version, LocalDate paidOn, String note, String by) {
        return jdbc.sql(
                                "UPDATE finance_payment SET status = 'PAID', paid_on = ?, paid_note = ?, paid_by = ?, "
                                        + "updated_at = ?, version = version + 1 WHERE id = ? AND version = ? AND status = 'PLANNED'")
                        .params(paidOn, note, by, ChinaTime.offsetNow(), id, version)
                        .update()
                == 1;
    }

    private static FinanceViews.Payment payment(ResultSet rs, int n) throws SQLException {
        PaymentCondition c = PaymentCondition.valueOf(rs.getString("condition_kind"));
        PaymentStatus s = PaymentStatus.valueOf(rs.getString("status"));
        return new FinanceViews.Payment(
                rs.getLong("id"),
                rs.getLong("project_id"),
                rs.getInt("seq"),
                rs.getString("label"),
                rs.getBigDecimal("amount"),
                c,
                c.label(),
                rs.getString("condition_note"),
                rs.getObject("due_on", LocalDate.class),
                s,
                s.label(),
                rs.getObject("paid_on", LocalDate.class),
                rs.getString("paid_note"),
                rs.getString("paid_by"),
                rs.getLong("version"));
    }

    // ---- budget ---------------------------------------------------------------------------------

    public record LineRow(long id, long stationId, String category, BigDecimal amount, long version) {}

    public List<LineRow> budgetLines(long projectId) {
        return jdbc.sql(
                        "SELECT id, station_id, category, amount, version FROM finance_budget_line WHERE project_id = ? "
                                + "ORDER BY station_id, id")
                .param(projectId)
                .query((rs, n) -> new LineRow(
                        rs.getLong("id"),
                        rs.getLong("station_id"),
                        rs.getString("category"),
                        rs.getBigDecimal("amount"),
                        rs.getLong("version")))
                .list();
    }

    public void insertLine(
            long projectId, long stationId, String orgPath, String category, BigDecimal amount, String by) {
        jdbc.sql("INSERT INTO finance_budget_line (project_id, station_id, org_path, category, amount, updated_by, "
                        + "updated_at, version) VALUES (?,?,?,?,?,?,?,0)")
                .params(projectId, stationId, orgPath, category, amount, by, ChinaTime.offsetNow())
                .update();
    }

    public boolean updateLine(long id, long version, BigDecimal amount, String by) {
        return jdbc.sql(
                                "UPDATE finance_budget_line SET amount = ?, updated_by = ?, updated_at = ?, version = version + 1 "
                                        + "WHERE id = ? AND version = ?")
                        .params(amount, by, ChinaTime.offsetNow(), id, version)
                        .update()
                == 1;
    }

    public boolean deleteLine(long id, long version) {
        return jdbc.sql("DELETE FROM finance_budget_line WHERE id = ? AND version = ?")
                        .params(id, version)
                        .update()
                == 1;
    }

    public boolean hasExpenses(long projectId, long stationId, String category) {
        return jdbc.sql("SELECT COUNT(*) FROM finance_expense WHERE project_id = ? AND station_id = ? AND category = ?")
                        .params(projectId, stationId, category)
                        .query(Long.class)
                        .single()
                > 0;
    }

    // ---- expenses -------------------------------------------------------------------------------

    public record NewExpense(
            long projectId,
            long stationId,
            String orgPath,
            LocalDate spentOn,
            String category,
            String payee,
            BigDecimal amount,
            int quantity,
            String purpose,
            String tripDestination,
            boolean outsideCounty,
            Long recordId,
            Long reversesId,
            String reversalReason,
            List<String> flags,
            ReviewStatus review,
            String by,
            String byName) {}

    public long insertExpense(NewExpense e) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO finance_expense (project_id, station_id, org_path, spent_on, category, payee, amount, quantity, "
                                + "purpose, trip_destination, trip_outside_county, record_id, reverses_id, reversal_reason, flags, "
                                + "review_status, created_by, created_by_name, created_at, version) "
                                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)")
                .params(
                        e.projectId(),
                        e.stationId(),
                        e.orgPath(),
                        e.spentOn(),
                        e.category(),
                        e.payee(),
                        e.amount(),
                        e.quantity(),
                        e.purpose(),
                        e.tripDestination(),
                        e.outsideCounty(),
                        e.recordId(),
                        e.reversesId(),
                        e.reversalReason(),
                        e.flags().isEmpty() ? null : String.join("\n", e.flags()),
                        e.review().name(),
                        e.by(),
                        e.byName(),
                        ChinaTime.offsetNow())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean review(long id, long version, ReviewStatus decision, String reason, String by) {
        return jdbc.sql(
                                "UPDATE finance_expense SET review_status = ?, review_reason = ?, reviewed_by = ?, reviewed_at = ?, "
                                        + "version = version + 1 WHERE id = ? AND version = ? AND review_status = 'PENDING'")
                        .params(decision.name(), reason, by, ChinaTime.offsetNow(), id, version)
                        .update()
                == 1;
    }

    /** A stored expense with its org path (for scope checks) and the id of its reversal, if any. */
    public record ExpenseRow(FinanceViews.Expense view, String orgPath) {}

    private static final String EXPENSE_SELECT = "SELECT e.*, "
            + "(SELECT r.id FROM finance_expense r WHERE r.reverses_id = e.id) AS reversed_by_id "
            + "FROM finance_expense e ";

    public Optional<ExpenseRow> expense(long id) {
        return jdbc.sql(EXPENSE_SELECT + "WHERE e.id = ?")
                .param(id)
                .query((rs, n) -> new ExpenseRow(expense(rs), rs.getString("org_path")))
                .optional();
    }

    /** Expenses of a project inside the scope, newest first (reversals are rows of their own). */
    public List<FinanceViews.Expense> expenses(
            Scope scope, long projectId, Long stationId, ReviewStatus review, LocalDate from, LocalDate to, int limit) {
        List<Object> params = new ArrayList<>(scope.likePatterns());
        StringBuilder sql = new StringBuilder(EXPENSE_SELECT)
                .append("WHERE ")
                .append(scope.sqlCondition("e.org_path"))
                .append(" AND e.project_id = ?");
        params.add(projectId);
        if (stationId != null) {
            sql.append(" AND e.station_id = ?");
            params.add(stationId);
        }
        if (review != null) {
            sql.append(" AND e.review_status = ?");
            params.add(review.name());
        }
        if (from != null) {
            sql.append(" AND e.spent_on >= ?");
            params.add(from);
        }
        if (to != null) {
            sql.append(" AND e.spent_on <= ?");
            params.add(to);
        }
        sql.append(" ORDER BY e.spent_on DESC, e.id DESC");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> expense(rs)).list().stream()
                .limit(limit)
                .toList();
    }

    /** Flagged expenses awaiting a bureau inside the scope, oldest first (the bureau's work list). */
    public List<FinanceViews.Expense> pending(Scope scope) {
        return jdbc.sql(EXPENSE_SELECT + "WHERE " + scope.sqlCondition("e.org_path")
                        + " AND e.review_status = 'PENDING' ORDER BY e.spent_on, e.id")
                .params(scope.likePatterns())
                .query((rs, n) -> expense(rs))
                .list();
    }

    private static FinanceViews.Expense expense(ResultSet rs) throws SQLException {
        ReviewStatus review = ReviewStatus.valueOf(rs.getString("review_status"));
        BigDecimal amount = rs.getBigDecimal("amount");
        int quantity = rs.getInt("quantity");
        String flags = rs.getString("flags");
        return new FinanceViews.Expense(
                rs.getLong("id"),
                rs.getLong("project_id"),
                rs.getLong("station_id"),
                null,
                rs.getObject("spent_on", LocalDate.class),
                rs.getString("category"),
                rs.getString("payee"),
                amount,
                quantity,
                SpendingRules.unitPrice(amount.abs(), quantity),
                rs.getString("purpose"),
                rs.getString("trip_destination"),
                rs.getBoolean("trip_outside_county"),
                rs.getObject("record_id", Long.class),
                rs.getObject("reverses_id", Long.class),
                rs.getString("reversal_reason"),
                rs.getObject("reversed_by_id", Long.class),
                flags == null ? List.of() : List.of(flags.split("\n")),
                review,
                review.label(),
                rs.getString("review_reason"),
                rs.getString("reviewed_by"),
                rs.getObject("reviewed_at", OffsetDateTime.class),
                rs.getString("created_by_name"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getLong("version"));
    }
}
