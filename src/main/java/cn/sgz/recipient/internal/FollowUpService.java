package cn.sgz.recipient.internal;

import cn.sgz.org.OrgUnitView;
import cn.sgz.org.Scope;
import cn.sgz.recipient.DueEntry;
import cn.sgz.recipient.DueStatus;
import cn.sgz.recipient.FollowUpFrequency;
import cn.sgz.recipient.FollowUpMethod;
import cn.sgz.recipient.FollowUpRecorded;
import cn.sgz.recipient.FollowUpReminders;
import cn.sgz.recipient.FollowUpView;
import cn.sgz.recipient.RecipientStatus;
import cn.sgz.recipient.RiskLevel;
import cn.sgz.recipient.RosterView;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.BusinessException.FieldProblem;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.NotFoundException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The follow-up roster (跟踪回访台账), due lists per period and follow-up records. */
@Service
public class FollowUpService {

    private final JdbcClient jdbc;
    private final RecipientAccess access;
    private final RecipientStore store;
    private final ApplicationEventPublisher events;
    private final ServiceRecordBridge bridge;

    FollowUpService(
            JdbcClient jdbc,
            RecipientAccess access,
            RecipientStore store,
            ApplicationEventPublisher events,
            ServiceRecordBridge bridge) {
        this.jdbc = jdbc;
        this.access = access;
        this.store = store;
        this.events = events;
        this.bridge = bridge;
    }

    public record RosterForm(FollowUpFrequency frequency, String reason, LocalDate startedOn) {}

    public record FollowUpForm(FollowUpMethod method, LocalDate followedOn, String findings, RiskLevel riskAfter) {}

    @Transactional
    public RosterView addToRoster(long recipientId, RosterForm form) {
        access.requireWriter();
        String path = access.requireVisible(recipientId);
        StoredRecipient r = store.find(recipientId).orElseThrow();
        if (r.status() != RecipientStatus.ACTIVE) {
            throw BusinessException.field("recipientId", "只有在册的服务对象才能加入回访台账");
        }
        String reason = RecipientRules.blankToNull(form.reason());
        if (reason == null || reason.length() > 500) {
            throw BusinessException.field("reason", "请填写需要跟踪回访的原因（不超过500字）");
        }
        LocalDate start = form.startedOn() == null ? ChinaTime.today() : form.startedOn();
        if (start.isAfter(ChinaTime.today())) {
            throw BusinessException.field("startedOn", "加入日期不能晚于今天");
        }
        boolean already = jdbc.sql("SELECT COUNT(*) FROM followup_roster WHERE recipient_id = ? AND active")
                        .param(recipientId)
                        .query(Long.class)
                        .single()
                > 0;
        if (already) {
            throw new ConflictException("该服务对象已在回访台账中");
        }
        FollowUpFrequency freq = form.frequency() == null ? FollowUpFrequency.QUARTERLY : form.frequency();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO followup_roster (recipient_id, station_id, org_path, frequency, reason, started_on, "
                        + "active, created_by, created_at) VALUES (?,?,?,?,?,?,TRUE,?,?)")
                .params(
                        recipientId,
                        r.stationId(),
                        path,
                        freq.name(),
                        reason,
                        start,
                        access.user().username(),
                        ChinaTime.offsetNow())
                .update(keys, "id");
        events.publishEvent(AuditEvent.success("ROSTER_ADD", "RECIPIENT", recipientId, path, freq.name()));
        return rosterOf(recipientId).stream()
                .filter(RosterView::active)
                .findFirst()
                .orElseThrow();
    }

    @Transactional
    public void removeFromRoster(long recipientId, String note) {
        access.requireWriter();
        String path = access.requireVisible(recipientId);
        int n = jdbc.sql("UPDATE followup_roster SET active = FALSE, ended_on = ? WHERE recipient_id = ? AND active")
                .params(ChinaTime.today(), recipientId)
                .update();
        if (n == 0) {
            throw new NotFoundException("回访台账记录");
        }
        events.publishEvent(AuditEvent.success("ROSTER_END", "RECIPIENT", recipientId, path, note));
    }

    @Transactional(readOnly = true)
    public List<RosterView> rosterOf(long recipientId) {
        access.requireVisible(recipientId);
        return jdbc.sql("SELECT f.*, r.name FROM followup_roster f JOIN recipient r ON r.id = f.recipient_id "
                        + "WHERE f.recipient_id = ? ORDER BY f.active DESC, f.started_on DESC")
                .param(recipientId)
                .query((rs, i) -> new RosterView(
                        rs.getLong("id"),
                        rs.getLong("recipient_id"),
                        rs.getString("name"),
                        FollowUpFrequency.valueOf(rs.getString("frequency")),
                        rs.getString("reason"),
                        rs.getObject("started_on", LocalDate.class),
                        rs.getObject("ended_on", LocalDate.class),
                        rs.getBoolean("active")))
                .list();
    }

    /** The columns of a due-list line; the one parameter is the day the last follow-up is looked up to. */
    private static final String DUE_COLUMNS =
            "SELECT f.id AS roster_id, f.frequency, f.reason, f.started_on, r.id, r.name, "
                    + "r.gender, r.birth_date, r.station_id, r.org_unit_id, r.phone, r.address, r.risk_level, "
                    + "(SELECT MAX(x.followed_on) FROM followup_record x WHERE x.recipient_id = r.id "
                    + "AND x.followed_on <= ?) AS last_followed ";

    private static final String ROSTER = "FROM followup_roster f JOIN recipient r ON r.id = f.recipient_id ";

    private static final String ON_ROSTER = "WHERE f.active AND r.merged_into_id IS NULL AND r.status = 'ACTIVE' AND ";

    /**
     * Everyone on the active roster in scope with their standing on {@code today}: overdue first, then
     * due, then done. {@code onlyOpen} leaves out the people already followed up this period.
     */
    @Transactional(readOnly = true)
    public List<DueEntry> dueList(LocalDate today, Long stationId, boolean onlyOpen) {
        Scope scope = access.scope();
        List<Object> params = new ArrayList<>();
        params.add(today);
        params.addAll(scope.likePatterns());
        String station = "";
        if (stationId != null) {
            station = " AND r.station_id = ?";
            params.add(stationId);
        }
        Map<Long, OrgUnitView> units = access.unitsById();
        List<DueEntry> entries = jdbc.sql(DUE_COLUMNS + ROSTER + ON_ROSTER + scope.sqlCondition("r.org_path") + station)
                .params(params)
                .query((rs, i) -> dueEntry(rs, units, today))
                .list();
        return entries.stream()
                .filter(e -> !onlyOpen || e.status() != DueStatus.DONE)
                .sorted(DUE_ORDER)
                .toList();
    }

    /** The due list's order: overdue, due, done; then high, medium, other risk; then name. */
    private static final Comparator<DueEntry> DUE_ORDER = Comparator.comparing(
                    (DueEntry e) -> e.status() == DueStatus.OVERDUE ? 0 : e.status() == DueStatus.DUE ? 1 : 2)
            .thenComparing(e -> e.riskLevel() == RiskLevel.HIGH ? 0 : e.riskLevel() == RiskLevel.MEDIUM ? 1 : 2)
            .thenComparing(DueEntry::name);

    /**
     * How many people in scope are overdue on {@code today}, and the first {@code first} of them, highest risk first
     * (among equal risk, by name as the database orders names). Counted in the database: a city officer's scope holds
     * tens of thousands of people on the roster, and the home page shows a count and a few names
     * (issue #23). The condition is {@link DueStatus#of}'s OVERDUE: on the roster since the previous period's first
     * day at the latest, and no follow-up from that day to {@code today}; {@code FollowUpOverdueTest} holds the two
     * equal.
     */
    @Transactional(readOnly = true)
    public FollowUpReminders.Overdue overdue(LocalDate today, int first) {
        Scope scope = access.scope();
        // the latest follow-up since the earliest previous period's start: enough to tell, for every frequency,
        // whether its previous period was covered; one grouped read instead of a sub-query per person (a sub-query
        // per person made PostgreSQL's estimate large enough to compile the query, a second of JIT a load)
        LocalDate since = today;
        for (FollowUpFrequency f : FollowUpFrequency.values()) {
            LocalDate previousStart = previousStart(f, today);
            since = previousStart.isBefore(since) ? previousStart : since;
        }
        List<Object> params = new ArrayList<>(List.of(since, today));
        params.addAll(scope.likePatterns());
        StringBuilder overdue = new StringBuilder(" AND (");
        for (FollowUpFrequency f : FollowUpFrequency.values()) {
            LocalDate previousStart = previousStart(f, today);
            overdue.append(f.ordinal() == 0 ? "" : " OR ")
                    .append("(f.frequency = ? AND f.started_on <= ? AND (y.recent IS NULL OR y.recent < ?))");
            params.add(f.name());
            params.add(previousStart);
            params.add(previousStart);
        }
        overdue.append(")");
        String from = ROSTER
                + "LEFT JOIN (SELECT recipient_id, MAX(followed_on) AS recent FROM followup_record "
                + "WHERE followed_on >= ? AND followed_on <= ? GROUP BY recipient_id) y ON y.recipient_id = r.id "
                + ON_ROSTER + scope.sqlCondition("r.org_path") + overdue;
        int total = jdbc.sql("SELECT COUNT(*) " + from)
                .params(params)
                .query(Integer.class)
                .single();
        if (total == 0 || first <= 0) {
            return new FollowUpReminders.Overdue(total, List.of());
        }
        List<Object> listParams = new ArrayList<>();
        listParams.add(today);
        listParams.addAll(params);
        listParams.add(first);
        Map<Long, OrgUnitView> units = access.unitsById();
        List<DueEntry> shown = jdbc.sql(DUE_COLUMNS + from
                        + " ORDER BY CASE r.risk_level WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END, r.name, r.id "
                        + "LIMIT ?")
                .params(listParams)
                .query((rs, i) -> dueEntry(rs, units, today))
                .list();
        return new FollowUpReminders.Overdue(total, shown);
    }

    /** The first day of the period before the one {@code today} is in. */
    private static LocalDate previousStart(FollowUpFrequency f, LocalDate today) {
        return f.periodOf(f.periodOf(today).start().minusDays(1)).start();
    }

    private DueEntry dueEntry(java.sql.ResultSet rs, Map<Long, OrgUnitView> units, LocalDate today)
            throws java.sql.SQLException {
        FollowUpFrequency freq = FollowUpFrequency.valueOf(rs.getString("frequency"));
        LocalDate started = rs.getObject("started_on", LocalDate.class);
        LocalDate last = rs.getObject("last_followed", LocalDate.class);
        FollowUpFrequency.Period period = freq.periodOf(today);
        OrgUnitView station = units.get(rs.getLong("station_id"));
        OrgUnitView unit = units.get(rs.getLong("org_unit_id"));
        String risk = rs.getString("risk_level");
        return new DueEntry(
                rs.getLong("roster_id"),
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("gender"),
                Period.between(rs.getObject("birth_date", LocalDate.class), today)
                        .getYears(),
                station == null ? null : station.name(),
                unit == null ? null : unit.name(),
                access.phone(rs.getString("phone")),
                rs.getString("address"),
                freq,
                rs.getString("reason"),
                risk == null ? null : RiskLevel.valueOf(risk),
                last,
                DueStatus.of(freq, started, last, today),
                period.start(),
                period.end());
    }

    @Transactional
    public FollowUpView record(long recipientId, FollowUpForm f) {
        access.requireWriter();
        String path = access.requireVisible(recipientId);
        StoredRecipient r = store.find(recipientId).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        if (f.method() == null) {
            problems.add(new FieldProblem("method", "请选择回访方式（上门或电话）"));
        }
        LocalDate on = f.followedOn() == null ? ChinaTime.today() : f.followedOn();
        if (on.isAfter(ChinaTime.today())) {
            problems.add(new FieldProblem("followedOn", "回访日期不能晚于今天"));
        }
        String findings = RecipientRules.blankToNull(f.findings());
        if (findings == null) {
            problems.add(new FieldProblem("findings", "请简要记录回访情况"));
        } else if (findings.length() > 2000) {
            problems.add(new FieldProblem("findings", "回访情况不能超过2000个字"));
        }
        if (!problems.isEmpty()) {
            throw new BusinessException("INVALID_INPUT", problems.get(0).message(), problems);
        }
        Long rosterId = jdbc.sql("SELECT id FROM followup_roster WHERE recipient_id = ? AND active")
                .param(recipientId)
                .query(Long.class)
                .optional()
                .orElse(null);
        RiskLevel after = f.riskAfter() == null ? r.riskLevel() : f.riskAfter();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO followup_record (recipient_id, roster_id, station_id, org_path, method, followed_on, "
                        + "findings, risk_before, risk_after, recorded_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
                .params(
                        recipientId,
                        rosterId,
                        r.stationId(),
                        path,
                        f.method().name(),
                        on,
                        findings,
                        r.riskLevel() == null ? null : r.riskLevel().name(),
                        after == null ? null : after.name(),
                        access.user().username(),
                        ChinaTime.offsetNow())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class) != null
                ? keys.getKeyAs(Long.class)
                : ((Number) keys.getKeys().get("id")).longValue();
        if (after != null && after != r.riskLevel()) {
            store.setRisk(recipientId, after);
        }
        if (bridge.applies()) {
            bridge.followUp(r, id, f.method(), on, findings);
        }
        events.publishEvent(AuditEvent.success(
                "FOLLOWUP_CREATE", "RECIPIENT", recipientId, path, f.method().name()));
        events.publishEvent(new FollowUpRecorded(id, recipientId, r.stationId(), f.method(), on));
        return recordsOf(recipientId).stream()
                .filter(v -> v.id() == id)
                .findFirst()
                .orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<FollowUpView> recordsOf(long recipientId) {
        access.requireVisible(recipientId);
        return jdbc.sql("SELECT x.*, r.name FROM followup_record x JOIN recipient r ON r.id = x.recipient_id "
                        + "WHERE x.recipient_id = ? ORDER BY x.followed_on DESC, x.id DESC")
                .param(recipientId)
                .query((rs, i) -> new FollowUpView(
                        rs.getLong("id"),
                        rs.getLong("recipient_id"),
                        rs.getString("name"),
                        FollowUpMethod.valueOf(rs.getString("method")),
                        rs.getObject("followed_on", LocalDate.class),
                        rs.getString("findings"),
                        risk(rs.getString("risk_before")),
                        risk(rs.getString("risk_after")),
                        rs.getString("recorded_by"),
                        (Long) rs.getObject("service_record_id")))
                .list();
    }

    private static RiskLevel risk(String s) {
        return s == null ? null : RiskLevel.valueOf(s);
    }
}
