package cn.sgz.recipient.internal;

import cn.sgz.org.Scope;
import cn.sgz.recipient.AssessmentView;
import cn.sgz.recipient.ElderlyFlag;
import cn.sgz.recipient.NeedCode;
import cn.sgz.recipient.NeedCount;
import cn.sgz.recipient.RecipientCategory;
import cn.sgz.recipient.RiskLevel;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.BusinessException.FieldProblem;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Home needs assessments, the elderly 8-class flags and risk grading, and the station's needs list. */
@Service
public class AssessmentService {

    private final JdbcClient jdbc;
    private final RecipientAccess access;
    private final RecipientStore store;
    private final RecipientService recipients;
    private final ApplicationEventPublisher events;
    private final ServiceRecordBridge bridge;

    AssessmentService(
            JdbcClient jdbc,
            RecipientAccess access,
            RecipientStore store,
            RecipientService recipients,
            ApplicationEventPublisher events,
            ServiceRecordBridge bridge) {
        this.jdbc = jdbc;
        this.access = access;
        this.store = store;
        this.recipients = recipients;
        this.events = events;
        this.bridge = bridge;
    }

    public record AssessmentForm(
            LocalDate assessedOn,
            String economy,
            String housing,
            String health,
            String care,
            Set<NeedCode> needs,
            String needsText,
            String strengths,
            RiskLevel riskLevel,
            Set<ElderlyFlag> elderlyFlags,
            String childGuardianship,
            String childCare,
            String childSchooling,
            RiskLevel childSafetyRisk) {}

    /** A risk level to start from: two or more grave circumstances are high, one is medium. */
    public static RiskLevel suggestedRisk(Set<ElderlyFlag> flags) {
        if (flags == null) {
            return RiskLevel.LOW;
        }
        long grave = flags.stream()
                .filter(f -> f == ElderlyFlag.LIVING_ALONE
                        || f == ElderlyFlag.DISABLED_CARE
                        || f == ElderlyFlag.SEVERE_DISABILITY
                        || f == ElderlyFlag.TEKUN
                        || f == ElderlyFlag.ADVANCED_AGE)
                .count();
        return grave >= 2 ? RiskLevel.HIGH : grave == 1 ? RiskLevel.MEDIUM : RiskLevel.LOW;
    }

    @Transactional
    public AssessmentView record(long recipientId, AssessmentForm f) {
        access.requireWriter();
        String path = access.requireVisible(recipientId);
        StoredRecipient r = store.find(recipientId).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate on = f.assessedOn() == null ? ChinaTime.today() : f.assessedOn();
        if (on.isAfter(ChinaTime.today())) {
            problems.add(new FieldProblem("assessedOn", "评估日期不能晚于今天"));
        }
        if (on.isBefore(r.birthDate())) {
            problems.add(new FieldProblem("assessedOn", "评估日期早于出生日期"));
        }
        if (f.riskLevel() == null) {
            problems.add(new FieldProblem("riskLevel", "请选择风险等级"));
        }
        boolean noNeeds =
                (f.needs() == null || f.needs().isEmpty()) && RecipientRules.blankToNull(f.needsText()) == null;
        if (noNeeds) {
            problems.add(new FieldProblem("needs", "请勾选至少一项需求，或在“其他需求”中说明（无需求请写“暂无”）"));
        }
        for (var e : Map.of(
                        "economy",
                        nz(f.economy()),
                        "housing",
                        nz(f.housing()),
                        "health",
                        nz(f.health()),
                        "care",
                        nz(f.care()),
                        "strengths",
                        nz(f.strengths()))
                .entrySet()) {
            if (e.getValue().length() > 1000) {
                problems.add(new FieldProblem(e.getKey(), "内容不能超过1000个字"));
            }
        }
        if (nz(f.needsText()).length() > 2000) {
            problems.add(new FieldProblem("needsText", "内容不能超过2000个字"));
        }
        Map<Long, List<CategoryRow>> cats = store.categoriesOf(List.of(recipientId));
        boolean elderly = cats.getOrDefault(recipientId, List.of()).stream()
                .anyMatch(c -> c.category() == RecipientCategory.ELDERLY);
        if (f.elderlyFlags() != null && !f.elderlyFlags().isEmpty() && !elderly) {
            problems.add(new FieldProblem("elderlyFlags", "该服务对象不在困难老人台账中，不能勾选老人类别"));
        }
        if (!problems.isEmpty()) {
            throw new BusinessException("INVALID_INPUT", problems.get(0).message(), problems);
        }
        String flags = f.elderlyFlags() == null || f.elderlyFlags().isEmpty()
                ? null
                : "," + String.join(",", CategoryRow.names(f.elderlyFlags())) + ",";
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO home_assessment (recipient_id, station_id, org_path, assessed_on, assessor, economy, "
                        + "housing, health, care, needs_text, strengths, risk_level, elderly_flags, child_guardianship, "
                        + "child_care, child_schooling, child_safety_risk, created_by, created_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(
                        recipientId,
                        r.stationId(),
                        path,
                        on,
                        access.user().displayName(),
                        t(f.economy()),
                        t(f.housing()),
                        t(f.health()),
                        t(f.care()),
                        t(f.needsText()),
                        t(f.strengths()),
                        f.riskLevel().name(),
                        flags,
                        t(f.childGuardianship()),
                        t(f.childCare()),
                        t(f.childSchooling()),
                        f.childSafetyRisk() == null ? null : f.childSafetyRisk().name(),
                        access.user().username(),
                        ChinaTime.offsetNow())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class) != null
                ? keys.getKeyAs(Long.class)
                : ((Number) keys.getKeys().get("id")).longValue();
        if (f.needs() != null) {
            for (NeedCode n : f.needs()) {
                jdbc.sql("INSERT INTO assessment_need (assessment_id, need_code) VALUES (?,?)")
                        .params(id, n.name())
                        .update();
            }
        }
        // The latest assessment sets the person's current risk level and, for the elderly, their 8-class flags.
        recipients.refreshLastAssessment(recipientId);
        boolean latest = r.lastAssessedOn() == null || !on.isBefore(r.lastAssessedOn());
        if (latest) {
            store.setRisk(recipientId, f.riskLevel());
            if (elderly && f.elderlyFlags() != null) {
                jdbc.sql("UPDATE recipient_category SET flags = ? WHERE recipient_id = ? AND category = ?")
                        .params(flags, recipientId, RecipientCategory.ELDERLY.name())
                        .update();
            }
        }
        if (bridge.applies()) {
            bridge.assessment(r, id, on, assessmentSummary(f));
        }
        events.publishEvent(AuditEvent.success("ASSESSMENT_CREATE", "RECIPIENT", recipientId, path, "入户评估 " + on));
        return get(id);
    }

    @Transactional(readOnly = true)
    public AssessmentView get(long assessmentId) {
        AssessmentView v = query("WHERE a.id = ?", List.of(assessmentId)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("评估记录"));
        access.requireVisible(v.recipientId());
        return v;
    }

    @Transactional(readOnly = true)
    public List<AssessmentView> forRecipient(long recipientId) {
        access.requireVisible(recipientId);
        return query("WHERE a.recipient_id = ? ORDER BY a.assessed_on DESC, a.id DESC", List.of(recipientId));
    }

    /** The latest assessment of each of the given recipients (ids selected inside the scope by the caller). */
    Map<Long, AssessmentView> latestOf(List<Long> recipientIds) {
        Map<Long, AssessmentView> out = new HashMap<>();
        if (recipientIds.isEmpty()) {
            return out;
        }
        String marks = String.join(",", java.util.Collections.nCopies(recipientIds.size(), "?"));
        query(
                        "WHERE a.id IN (SELECT last_assessment_id FROM recipient WHERE id IN (" + marks + "))",
                        new ArrayList<>(recipientIds))
                .forEach(a -> out.put(a.recipientId(), a));
        return out;
    }

    /** Assessments in scope, newest first (optionally one station's). */
    @Transactional(readOnly = true)
    public List<AssessmentView> recent(Long stationId, int limit) {
        Scope scope = access.scope();
        List<Object> params = new ArrayList<>(scope.likePatterns());
        String extra = "";
        if (stationId != null) {
            extra = " AND a.station_id = ?";
            params.add(stationId);
        }
        params.add(Math.max(1, Math.min(limit, 500)));
        return query(
                "WHERE " + scope.sqlCondition("a.org_path") + extra + " ORDER BY a.assessed_on DESC, a.id DESC LIMIT ?",
                params);
    }

    /** The needs list (需求清单) and assessment coverage over the active people in scope. */
    public record NeedsList(List<NeedCount> needs, long activePeople, long assessedPeople) {

        public int coveragePercent() {
            return activePeople == 0 ? 0 : (int) (assessedPeople * 100 / activePeople);
        }
    }

    @Transactional(readOnly = true)
    public NeedsList needsList(Long stationId) {
        Scope scope = access.scope();
        List<Object> params = new ArrayList<>(scope.likePatterns());
        String station = "";
        if (stationId != null) {
            station = " AND r.station_id = ?";
            params.add(stationId);
        }
        String base = " FROM recipient r WHERE r.merged_into_id IS NULL AND r.status = 'ACTIVE' AND "
                + scope.sqlCondition("r.org_path") + station;
        Map<NeedCode, Long> counts = new HashMap<>();
        jdbc.sql("SELECT n.need_code, COUNT(*) FROM assessment_need n JOIN recipient r ON r.last_assessment_id = "
                        + "n.assessment_id" + base.substring(" FROM recipient r".length()) + " GROUP BY n.need_code")
                .params(params)
                .query(rs -> {
                    counts.put(NeedCode.valueOf(rs.getString(1)), rs.getLong(2));
                });
        List<NeedCount> needs = new ArrayList<>();
        for (NeedCode n : NeedCode.values()) {
            needs.add(new NeedCount(n, counts.getOrDefault(n, 0L)));
        }
        needs.sort((a, b) -> Long.compare(b.people(), a.people()));
        long active = jdbc.sql("SELECT COUNT(*)" + base)
                .params(params)
                .query(Long.class)
                .single();
        long assessed = jdbc.sql("SELECT COUNT(*)" + base + " AND r.last_assessment_id IS NOT NULL")
                .params(params)
                .query(Long.class)
                .single();
        return new NeedsList(needs, active, assessed);
    }

    private List<AssessmentView> query(String where, List<Object> params) {
        List<AssessmentView> rows = jdbc.sql("SELECT a.*, r.name AS recipient_name FROM home_assessment a "
                        + "JOIN recipient r ON r.id = a.recipient_id " + where)
                .params(params)
                .query(AssessmentService::map)
                .list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<NeedCode>> needs = new HashMap<>();
        String marks = String.join(",", java.util.Collections.nCopies(rows.size(), "?"));
        jdbc.sql("SELECT assessment_id, need_code FROM assessment_need WHERE assessment_id IN (" + marks + ")")
                .params(rows.stream().map(AssessmentView::id).toArray())
                .query(rs -> {
                    needs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(NeedCode.valueOf(rs.getString(2)));
                });
        return rows.stream()
                .map(a -> new AssessmentView(
                        a.id(),
                        a.recipientId(),
                        a.recipientName(),
                        a.stationId(),
                        a.assessedOn(),
                        a.assessor(),
                        a.economy(),
                        a.housing(),
                        a.health(),
                        a.care(),
                        needs.getOrDefault(a.id(), List.of()).stream().sorted().toList(),
                        a.needsText(),
                        a.strengths(),
                        a.riskLevel(),
                        a.elderlyFlags(),
                        a.childGuardianship(),
                        a.childCare(),
                        a.childSchooling(),
                        a.childSafetyRisk(),
                        a.serviceRecordId()))
                .toList();
    }

    private static AssessmentView map(ResultSet rs, int i) throws SQLException {
        List<ElderlyFlag> flags = CategoryRow.parseFlags(rs.getString("elderly_flags")).stream()
                .map(ElderlyFlag::valueOf)
                .toList();
        String csr = rs.getString("child_safety_risk");
        return new AssessmentView(
                rs.getLong("id"),
                rs.getLong("recipient_id"),
                rs.getString("recipient_name"),
                rs.getLong("station_id"),
                rs.getObject("assessed_on", LocalDate.class),
                rs.getString("assessor"),
                rs.getString("economy"),
                rs.getString("housing"),
                rs.getString("health"),
                rs.getString("care"),
                List.of(),
                rs.getString("needs_text"),
                rs.getString("strengths"),
                RiskLevel.valueOf(rs.getString("risk_level")),
                flags,
                rs.getString("child_guardianship"),
                rs.getString("child_care"),
                rs.getString("child_schooling"),
                csr == null ? null : RiskLevel.valueOf(csr),
                (Long) rs.getObject("service_record_id"));
    }

    /** What the service record says about the visit: the needs and risk found, not the private details. */
    private static String assessmentSummary(AssessmentForm f) {
        String needs = f.needs() == null || f.needs().isEmpty()
                ? ""
                : "需求：" + f.needs().stream().map(NeedCode::label).collect(java.util.stream.Collectors.joining("、"))
                        + "；";
        return needs + "风险等级：" + f.riskLevel().label();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String t(String s) {
        return RecipientRules.blankToNull(s);
    }

    static Set<ElderlyFlag> noFlags() {
        return EnumSet.noneOf(ElderlyFlag.class);
    }
}
