package cn.sgz.evaluation.internal;

import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectInScope;
import cn.sgz.catalog.ProjectIndicator;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.catalog.RuleKind;
import cn.sgz.finance.BudgetExecution;
import cn.sgz.org.AccountLookup;
import cn.sgz.org.Role;
import cn.sgz.org.Scope;
import cn.sgz.progress.ComplianceService;
import cn.sgz.progress.IndicatorResult;
import cn.sgz.progress.StationCompliance;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Evaluation rounds: the team, the score sheet of each station (automatic items straight from the engine,
 * judged and combined items from the evaluators), judgements of CHECKLIST standards, closing (which freezes
 * every sheet as it stands) and the bureau's acceptance decision.
 */
@Service
public class RoundService {

    private final JdbcClient jdbc;
    private final EvaluationAccess access;
    private final RubricService rubrics;
    private final ProjectQueries projects;
    private final ComplianceService compliance;
    private final SatisfactionService satisfaction;
    private final BudgetExecution money;
    private final AccountLookup accounts;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;

    RoundService(
            JdbcClient jdbc,
            EvaluationAccess access,
            RubricService rubrics,
            ProjectQueries projects,
            ComplianceService compliance,
            SatisfactionService satisfaction,
            BudgetExecution money,
            AccountLookup accounts,
            ApplicationEventPublisher events,
            ObjectMapper json) {
        this.jdbc = jdbc;
        this.access = access;
        this.rubrics = rubrics;
        this.projects = projects;
        this.compliance = compliance;
        this.satisfaction = satisfaction;
        this.money = money;
        this.accounts = accounts;
        this.events = events;
        this.json = json;
    }

    public enum Kind {
        MIDTERM("中期评估"),
        FINAL("末期评估·验收");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Decision {
        PASS("通过"),
        PASS_AFTER_RECTIFICATION("整改后通过"),
        FAIL("不通过");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record EvalRoundForm(
            Long projectId,
            Long rubricId,
            Kind kind,
            String name,
            LocalDate startsOn,
            LocalDate endsOn,
            String thresholds,
            List<String> team) {}

    public record EvalTeamMember(long userId, String username, String displayName, String role) {}

    public record EvalRoundView(
            long id,
            long projectId,
            String projectName,
            long rubricId,
            String rubricName,
            String kind,
            String kindLabel,
            String name,
            LocalDate startsOn,
            LocalDate endsOn,
            String thresholds,
            String status,
            String statusLabel,
            String decision,
            String decisionLabel,
            String decisionNote,
            String decidedBy,
            OffsetDateTime decidedAt,
            List<EvalTeamMember> team,
            boolean canScore,
            boolean canManage,
            long version) {}

    public record EvalItemRow(
            String code,
            String name,
            String method,
            String methodLabel,
            BigDecimal max,
            String materials,
            boolean automatic,
            BigDecimal points,
            String figure,
            String note,
            String link,
            String level,
            List<BigDecimal> partPoints,
            List<Rubric.RubricLevel> levels,
            List<Rubric.RubricPart> parts,
            String comment,
            String scoredBy,
            Long version) {

        /** A row filled in from live figures (indicator, budget, satisfaction): nothing stored, nothing to judge. */
        static EvalItemRow automatic(Rubric.Item item, Scoring.Auto auto, String note, String link) {
            return new EvalItemRow(
                    item.code(),
                    item.name(),
                    item.method().name(),
                    item.method().label(),
                    item.max(),
                    item.materials(),
                    true,
                    auto.points(),
                    auto.figure(),
                    note,
                    link,
                    null,
                    List.of(),
                    item.levels(),
                    item.parts(),
                    null,
                    null,
                    null);
        }
    }

    public record EvalSectionRow(String name, BigDecimal max, BigDecimal points, List<EvalItemRow> items) {}

    public record EvalJudgementRow(
            long indicatorId,
            String code,
            String name,
            String standard,
            Boolean met,
            String comment,
            String judgedBy,
            LocalDate judgedOn) {}

    public record EvalScoreSheet(
            long roundId,
            long stationId,
            String stationName,
            LocalDate asOf,
            BigDecimal total,
            BigDecimal max,
            String grade,
            int unscored,
            List<EvalSectionRow> sections,
            List<EvalJudgementRow> checklist) {}

    public record EvalStationTotal(
            long stationId, String stationName, BigDecimal total, BigDecimal max, String grade, int unscored) {}

    public record EvalSummary(
            long roundId,
            List<EvalStationTotal> stations,
            BigDecimal projectAverage,
            String projectGrade,
            boolean frozen) {}

    public record EvalScoreInput(
            String level, BigDecimal points, List<BigDecimal> parts, String comment, Long version) {}

    /** What is frozen at close: every station's sheet as it stood. */
    record Frozen(List<EvalScoreSheet> sheets) {}

    // ---- rounds ---------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<EvalRoundView> list(Long projectId) {
        List<Long> ids = jdbc.sql("SELECT id FROM eval_round" + (projectId == null ? "" : " WHERE project_id = ?")
                        + " ORDER BY starts_on DESC, id DESC")
                .params(projectId == null ? List.of() : List.of(projectId))
                .query(Long.class)
                .list();
        List<EvalRoundView> out = new ArrayList<>();
        for (long id : ids) {
            try {
                out.add(get(id));
            } catch (NotFoundException e) {
                // not this user's round
            }
        }
        return out;
    }

    @Transactional(readOnly = true)
    public EvalRoundView get(long roundId) {
        EvaluationAccess.RoundRef ref = access.visibleRound(roundId);
        boolean canScore = access.canScore(ref) && ref.open();
        boolean canManage = access.isManager()
                && (access.me().role() == Role.ADMIN || access.scope().covers(ref.orgPath()));
        List<EvalTeamMember> team = team(roundId);
        return jdbc.sql("SELECT r.*, b.name AS rubric_name FROM eval_round r JOIN eval_rubric b ON b.id = r.rubric_id "
                        + "WHERE r.id = ?")
                .param(roundId)
                .query((rs, i) -> {
                    Kind kind = Kind.valueOf(rs.getString("kind"));
                    String decision = rs.getString("decision");
                    String status = rs.getString("status");
                    return new EvalRoundView(
                            rs.getLong("id"),
                            rs.getLong("project_id"),
                            projects.get(rs.getLong("project_id")).name(),
                            rs.getLong("rubric_id"),
                            rs.getString("rubric_name"),
                            kind.name(),
                            kind.label(),
                            rs.getString("name"),
                            rs.getObject("starts_on", LocalDate.class),
                            rs.getObject("ends_on", LocalDate.class),
                            rs.getString("thresholds"),
                            status,
                            statusLabel(status),
                            decision,
                            decision == null ? null : Decision.valueOf(decision).label(),
                            rs.getString("decision_note"),
                            rs.getString("decided_by"),
                            rs.getObject("decided_at", OffsetDateTime.class),
                            team,
                            canScore,
                            canManage,
                            rs.getLong("version"));
                })
                .single();
    }

    static String statusLabel(String status) {
        return switch (status) {
            case "OPEN" -> "评估进行中";
            case "CLOSED" -> "评分已结束";
            default -> "已作出验收结论";
        };
    }

    private List<EvalTeamMember> team(long roundId) {
        return jdbc.sql("SELECT user_id, username, display_name, role FROM eval_round_member WHERE round_id = ? "
                        + "ORDER BY username")
                .param(roundId)
                .query((rs, i) -> new EvalTeamMember(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        Role.valueOf(rs.getString(4)).label()))
                .list();
    }

    @Transactional
    public EvalRoundView create(EvalRoundForm f) {
        access.requireManager("组织评估");
        List<BusinessException.FieldProblem> problems = new ArrayList<>();
        if (f.projectId() == null) {
            problems.add(new BusinessException.FieldProblem("projectId", "请选择要评估的项目"));
        }
        if (f.rubricId() == null) {
            problems.add(new BusinessException.FieldProblem("rubricId", "请选择评分细则"));
        }
        if (f.kind() == null) {
            problems.add(new BusinessException.FieldProblem("kind", "请选择评估类型（中期评估或末期评估·验收）"));
        }
        if (f.startsOn() == null || f.endsOn() == null) {
            problems.add(new BusinessException.FieldProblem(f.startsOn() == null ? "startsOn" : "endsOn", "请填写评估起止日期"));
        } else if (f.endsOn().isBefore(f.startsOn())) {
            problems.add(new BusinessException.FieldProblem("endsOn", "结束日期不能早于开始日期"));
        }
        if (!problems.isEmpty()) {
            throw new BusinessException("INVALID_INPUT", problems.get(0).message(), problems);
        }
        String thresholds = f.thresholds() == null || f.thresholds().isBlank()
                ? "90,75,60"
                : f.thresholds().strip();
        Scoring.thresholds(thresholds);
        ProjectInScope p = projects.inScope(f.projectId());
        if (rubrics.list().stream().noneMatch(r -> r.id() == f.rubricId())) {
            throw BusinessException.field("rubricId", "所选评分细则不存在或不在您的管辖范围内");
        }
        String orgPath = projectPath(p.project());
        if (access.me().role() != Role.ADMIN && !access.scope().covers(orgPath)) {
            throw new NotFoundException("项目");
        }
        String name = f.name() == null || f.name().isBlank()
                ? p.project().name() + " " + f.kind().label()
                : f.name().strip();
        if (name.length() > 200) {
            throw BusinessException.field("name", "评估名称不能超过200个字");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO eval_round (project_id, org_path, rubric_id, kind, name, starts_on, ends_on, thresholds, "
                        + "status, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,'OPEN',?,?)")
                .params(
                        p.project().id(),
                        orgPath,
                        f.rubricId(),
                        f.kind().name(),
                        name,
                        f.startsOn(),
                        f.endsOn(),
                        thresholds,
                        access.me().username(),
                        ChinaTime.offsetNow())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        writeTeam(id, f.team() == null ? List.of() : f.team());
        events.publishEvent(AuditEvent.success("EVAL_ROUND_CREATE", "EVAL_ROUND", id, orgPath, name));
        return get(id);
    }

    private String projectPath(Project p) {
        return access.pathOf(p.bureauId());
    }

    @Transactional
    public EvalRoundView setTeam(long roundId, List<String> usernames, Long version) {
        EvaluationAccess.RoundRef r = access.managedRound(roundId);
        if (!r.open()) {
            throw new ConflictException("该评估已结束，成绩已冻结，不能再更改评估小组");
        }
        bump(roundId, version);
        jdbc.sql("DELETE FROM eval_round_member WHERE round_id = ?")
                .param(roundId)
                .update();
        writeTeam(roundId, usernames == null ? List.of() : usernames);
        events.publishEvent(AuditEvent.success(
                "EVAL_TEAM_SET",
                "EVAL_ROUND",
                roundId,
                r.orgPath(),
                String.join("、", usernames == null ? List.of() : usernames)));
        return get(roundId);
    }

    private void writeTeam(long roundId, List<String> usernames) {
        Scope scope = access.scope();
        for (String u : usernames.stream()
                .filter(s -> s != null && !s.isBlank())
                .map(String::strip)
                .distinct()
                .toList()) {
            AccountLookup.Account a = accounts.byUsername(u)
                    .filter(AccountLookup.Account::enabled)
                    .orElseThrow(() -> BusinessException.field("team", "账号“" + u + "”不存在或已停用"));
            if (a.role() != Role.EVALUATOR && a.role() != Role.BUREAU_OFFICER) {
                throw BusinessException.field(
                        "team", "账号“" + u + "”的角色是" + a.role().label() + "，评估小组只能由第三方评估人员和区/县民政局人员组成");
            }
            String path = a.orgUnitId() == null ? null : access.pathOf(a.orgUnitId());
            if (access.me().role() != Role.ADMIN && (path == null || !scope.covers(path))) {
                throw BusinessException.field("team", "账号“" + u + "”不在您的管辖范围内");
            }
            jdbc.sql(
                            "INSERT INTO eval_round_member (round_id, user_id, username, display_name, role) VALUES (?,?,?,?,?)")
                    .params(
                            roundId,
                            a.id(),
                            a.username(),
                            a.displayName(),
                            a.role().name())
                    .update();
        }
    }

    private void bump(long roundId, Long version) {
        if (version == null) {
            throw BusinessException.field("version", "缺少版本号：请先读取评估，再带着读取到的 version 提交");
        }
        if (jdbc.sql("UPDATE eval_round SET version = version + 1 WHERE id = ? AND version = ?")
                        .params(roundId, version)
                        .update()
                != 1) {
            throw new ConflictException("保存失败：该评估在您打开之后已被他人修改，请刷新后重试");
        }
    }

    // ---- score sheets ------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public EvalScoreSheet sheet(long roundId, long stationId) {
        EvaluationAccess.RoundRef ref = access.visibleRound(roundId);
        access.requireStation(ref, stationId);
        Frozen frozen = frozen(roundId);
        if (frozen != null) {
            return frozen.sheets().stream()
                    .filter(s -> s.stationId() == stationId)
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("社工站"));
        }
        return compute(ref, List.of(stationId)).get(0);
    }

    @Transactional(readOnly = true)
    public EvalSummary summary(long roundId) {
        EvaluationAccess.RoundRef ref = access.visibleRound(roundId);
        List<Long> visible = access.visibleStations(ref);
        Frozen frozen = frozen(roundId);
        List<EvalScoreSheet> sheets = frozen != null
                ? frozen.sheets().stream()
                        .filter(s -> visible.contains(s.stationId()))
                        .toList()
                : compute(ref, visible);
        String thresholds = jdbc.sql("SELECT thresholds FROM eval_round WHERE id = ?")
                .param(roundId)
                .query(String.class)
                .single();
        List<EvalStationTotal> rows = sheets.stream()
                .map(s -> new EvalStationTotal(
                        s.stationId(), s.stationName(), s.total(), s.max(), s.grade(), s.unscored()))
                .toList();
        BigDecimal avg = rows.isEmpty()
                ? BigDecimal.ZERO
                : rows.stream()
                        .map(EvalStationTotal::total)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(rows.size()), 1, RoundingMode.HALF_UP);
        BigDecimal max = rows.isEmpty() ? BigDecimal.ZERO : rows.get(0).max();
        return new EvalSummary(
                roundId, rows, avg, Scoring.grade(avg, max, Scoring.thresholds(thresholds)), frozen != null);
    }

    private Frozen frozen(long roundId) {
        String text = jdbc
                .sql("SELECT frozen FROM eval_round WHERE id = ?")
                .param(roundId)
                .query((rs, i) -> rs.getString(1))
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
        return text == null ? null : json.readValue(text, Frozen.class);
    }

    /** Live sheets of some stations: one engine run for all of them. */
    List<EvalScoreSheet> compute(EvaluationAccess.RoundRef ref, List<Long> stationIds) {
        Map<String, Object> round = jdbc.sql("SELECT rubric_id, thresholds, ends_on FROM eval_round WHERE id = ?")
                .param(ref.id())
                .query()
                .singleRow();
        Rubric rubric = rubrics.rubric(((Number) round.get("rubric_id")).longValue());
        List<BigDecimal> thresholds = Scoring.thresholds((String) round.get("thresholds"));
        LocalDate endsOn = toDate(round.get("ends_on"));
        LocalDate today = ChinaTime.today();
        LocalDate asOf = today.isAfter(endsOn) ? endsOn : today;
        ProjectInScope p = projects.inScope(ref.projectId());
        Map<Long, StationCompliance> byStation = new HashMap<>();
        for (StationCompliance sc : compliance.compute(ref.projectId(), null, asOf)) {
            byStation.put(sc.stationId(), sc);
        }
        Map<Long, SatisfactionService.SatisfactionAggregate> sat =
                satisfaction.aggregate(ref.projectId(), stationIds, p.project().startDate(), asOf);
        Map<String, Map<String, Object>> stored = new HashMap<>();
        jdbc.sql("SELECT * FROM eval_score WHERE round_id = ?")
                .param(ref.id())
                .query()
                .listOfRows()
                .forEach(row ->
                        stored.put(((Number) row.get("station_id")).longValue() + ":" + row.get("item_code"), row));
        Map<String, EvalJudgementRow> judged = new HashMap<>();
        jdbc.sql(
                        "SELECT station_id, indicator_id, met, comment, judged_by, judged_on FROM eval_judgement WHERE round_id = ?")
                .param(ref.id())
                .query((rs, i) -> {
                    judged.put(
                            rs.getLong(1) + ":" + rs.getLong(2),
                            new EvalJudgementRow(
                                    rs.getLong(2),
                                    null,
                                    null,
                                    null,
                                    rs.getBoolean(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getObject(6, LocalDate.class)));
                    return null;
                })
                .list();
        Map<String, Long> indicatorIds = new HashMap<>();
        List<ProjectIndicator> checklist = new ArrayList<>();
        for (ProjectIndicator pi : p.indicators()) {
            indicatorIds.putIfAbsent(pi.indicator().code(), pi.indicator().id());
            if (pi.indicator().kind() == RuleKind.CHECKLIST) {
                checklist.add(pi);
            }
        }
        List<EvalScoreSheet> out = new ArrayList<>();
        for (long station : stationIds) {
            StationCompliance sc = byStation.get(station);
            Map<Long, IndicatorResult> results = sc == null ? Map.of() : sc.byIndicator();
            List<EvalSectionRow> sections = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            int unscored = 0;
            for (Rubric.Section sec : rubric.sections()) {
                List<EvalItemRow> items = new ArrayList<>();
                BigDecimal secPoints = BigDecimal.ZERO;
                for (Rubric.Item item : sec.items()) {
                    EvalItemRow row = row(
                            item,
                            station,
                            ref,
                            results,
                            indicatorIds,
                            sat.get(station),
                            item.method() == Rubric.Method.FROM_BUDGET
                                    ? money.station(
                                            ref.projectId(),
                                            station,
                                            p.project().startDate(),
                                            asOf)
                                    : null,
                            stored.get(station + ":" + item.code()));
                    if (row.points() == null) {
                        unscored++;
                    } else {
                        secPoints = secPoints.add(row.points());
                    }
                    items.add(row);
                }
                total = total.add(secPoints);
                sections.add(new EvalSectionRow(sec.name(), sec.max(), secPoints, items));
            }
            List<EvalJudgementRow> checks = checklist.stream()
                    .map(pi -> {
                        EvalJudgementRow j =
                                judged.get(station + ":" + pi.indicator().id());
                        return new EvalJudgementRow(
                                pi.indicator().id(),
                                pi.indicator().code(),
                                pi.item().name() + "：" + pi.indicator().name(),
                                pi.indicator().standard(),
                                j == null ? null : j.met(),
                                j == null ? null : j.comment(),
                                j == null ? null : j.judgedBy(),
                                j == null ? null : j.judgedOn());
                    })
                    .toList();
            out.add(new EvalScoreSheet(
                    ref.id(),
                    station,
                    p.unitNames().getOrDefault(station, "—"),
                    asOf,
                    total,
                    rubric.totalPoints(),
                    Scoring.grade(total, rubric.totalPoints(), thresholds),
                    unscored,
                    sections,
                    checks));
        }
        return out;
    }

    private EvalItemRow row(
            Rubric.Item item,
            long station,
            EvaluationAccess.RoundRef ref,
            Map<Long, IndicatorResult> results,
            Map<String, Long> indicatorIds,
            SatisfactionService.SatisfactionAggregate sat,
            BudgetExecution.StationFigures budget,
            Map<String, Object> stored) {
        String comment = stored == null ? null : (String) stored.get("comment");
        String scoredBy = stored == null ? null : (String) stored.get("scored_by");
        Long version = stored == null ? null : ((Number) stored.get("version")).longValue();
        if (item.method() == Rubric.Method.FROM_INDICATOR) {
            Long indicatorId = indicatorIds.get(item.indicator());
            IndicatorResult r = indicatorId == null ? null : results.get(indicatorId);
            Scoring.Auto a = Scoring.fromIndicator(item, r);
            String link = indicatorId == null
                    ? null
                    : "/progress/projects/" + ref.projectId() + "/stations/" + station + "/indicators/" + indicatorId;
            return EvalItemRow.automatic(item, a, a.note(), link);
        }
        if (item.method() == Rubric.Method.FROM_BUDGET) {
            Scoring.Auto a = Scoring.fromBudget(item, budget);
            return EvalItemRow.automatic(item, a, a.note(), null);
        }
        if (item.method() == Rubric.Method.FROM_SATISFACTION) {
            Scoring.Auto a = sat == null
                    ? Scoring.fromSatisfaction(item, 0, 0)
                    : Scoring.fromSatisfaction(item, sat.responses(), sat.average());
            return EvalItemRow.automatic(
                    item,
                    a,
                    sat == null ? a.note() : a.note() + "；来源：" + sat.sources(),
                    "/evaluations/" + ref.id() + "/satisfaction");
        }
        BigDecimal points = stored == null ? null : (BigDecimal) stored.get("points");
        String level = stored == null ? null : (String) stored.get("level_name");
        List<BigDecimal> parts = stored == null || stored.get("sub_points") == null
                ? List.of()
                : java.util.Arrays.stream(((String) stored.get("sub_points")).split(","))
                        .map(BigDecimal::new)
                        .toList();
        return new EvalItemRow(
                item.code(),
                item.name(),
                item.method().name(),
                item.method().label(),
                item.max(),
                item.materials(),
                false,
                points,
                null,
                null,
                null,
                level,
                parts,
                item.levels(),
                item.parts(),
                comment,
                scoredBy,
                version);
    }

    private static LocalDate toDate(Object o) {
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(o.toString());
    }

    /** Scores a judged or combined item at a station (optimistic: version of the stored score, none at first). */
    @Transactional
    public EvalScoreSheet score(long roundId, long stationId, String itemCode, EvalScoreInput in) {
        EvaluationAccess.RoundRef ref = access.writableRound(roundId);
        access.requireStation(ref, stationId);
        long rubricId = jdbc.sql("SELECT rubric_id FROM eval_round WHERE id = ?")
                .param(roundId)
                .query(Long.class)
                .single();
        Rubric.Item item = rubrics.rubric(rubricId).item(itemCode);
        if (item == null) {
            throw new NotFoundException("评分项");
        }
        if (item.automatic()) {
            throw new ConflictException("“" + item.name() + "”由系统根据"
                    + (item.method() == Rubric.Method.FROM_SATISFACTION
                            ? "满意度测评结果"
                            : item.method() == Rubric.Method.FROM_BUDGET ? "经费执行" : "指标进度")
                    + "自动计分，不能手工修改");
        }
        BigDecimal points;
        String level = null;
        String subPoints = null;
        if (item.method() == Rubric.Method.JUDGEMENT) {
            if (in.level() != null && !in.level().isBlank()) {
                points = Scoring.judged(item, in.level(), in.comment());
                level = in.level().strip();
            } else {
                points = Scoring.judgedPoints(item, in.points(), in.comment());
            }
        } else {
            points = Scoring.combined(item, in.parts());
            subPoints = String.join(
                    ",", in.parts().stream().map(BigDecimal::toPlainString).toList());
        }
        String comment = in.comment() == null || in.comment().isBlank()
                ? null
                : in.comment().strip();
        if (comment != null && comment.length() > 2000) {
            throw BusinessException.field("comment", "评分说明不能超过 2000 个字");
        }
        Long current = jdbc.sql(
                        "SELECT version FROM eval_score WHERE round_id = ? AND station_id = ? AND item_code = ?")
                .params(roundId, stationId, itemCode)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (current == null) {
            if (in.version() != null) {
                throw new ConflictException("保存失败：该项的评分已被删除或从未保存，请刷新后重试");
            }
            jdbc.sql(
                            "INSERT INTO eval_score (round_id, station_id, item_code, points, level_name, sub_points, comment, "
                                    + "scored_by, scored_at) VALUES (?,?,?,?,?,?,?,?,?)")
                    .params(
                            roundId,
                            stationId,
                            itemCode,
                            points,
                            level,
                            subPoints,
                            comment,
                            access.me().username(),
                            ChinaTime.offsetNow())
                    .update();
        } else {
            if (in.version() == null || in.version().longValue() != current) {
                throw new ConflictException("保存失败：“" + item.name() + "”的评分在您打开之后已被他人修改（当前版本 " + current + "），请刷新后重新评分");
            }
            jdbc.sql(
                            "UPDATE eval_score SET points = ?, level_name = ?, sub_points = ?, comment = ?, scored_by = ?, "
                                    + "scored_at = ?, version = version + 1 WHERE round_id = ? AND station_id = ? AND item_code = ?")
                    .params(
                            points,
                            level,
                            subPoints,
                            comment,
                            access.me().username(),
                            ChinaTime.offsetNow(),
                            roundId,
                            stationId,
                            itemCode)
                    .update();
        }
        events.publishEvent(AuditEvent.success(
                "EVAL_SCORE",
                "EVAL_ROUND",
                roundId,
                stationPath(stationId),
                "站点 " + stationId + " " + item.code() + " " + item.name() + " = " + points.toPlainString()
                        + (level == null ? "" : "（" + level + "）")));
        return sheet(roundId, stationId);
    }

    /** Judges a CHECKLIST standard of the catalog at a station ("待评估人判断" no more). */
    @Transactional
    public EvalScoreSheet judge(long roundId, long stationId, long indicatorId, Boolean met, String comment) {
        EvaluationAccess.RoundRef ref = access.writableRound(roundId);
        access.requireStation(ref, stationId);
        ProjectIndicator pi = projects.inScope(ref.projectId()).indicators().stream()
                .filter(i -> i.indicator().id() != null
                        && i.indicator().id() == indicatorId
                        && i.indicator().kind() == RuleKind.CHECKLIST)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("评判类标准"));
        if (met == null) {
            throw BusinessException.field("met", "请选择“达标”或“未达标”");
        }
        if (comment == null || comment.strip().length() < 2 || comment.strip().length() > 1000) {
            throw BusinessException.field("comment", "请填写判断依据（2～1000个字）");
        }
        jdbc.sql("DELETE FROM eval_judgement WHERE round_id = ? AND station_id = ? AND indicator_id = ?")
                .params(roundId, stationId, indicatorId)
                .update();
        jdbc.sql("INSERT INTO eval_judgement (round_id, project_id, station_id, indicator_id, met, comment, judged_by, "
                        + "judged_on, judged_at) VALUES (?,?,?,?,?,?,?,?,?)")
                .params(
                        roundId,
                        ref.projectId(),
                        stationId,
                        indicatorId,
                        met,
                        comment.strip(),
                        access.me().displayName(),
                        ChinaTime.today(),
                        ChinaTime.offsetNow())
                .update();
        events.publishEvent(AuditEvent.success(
                "EVAL_JUDGE",
                "EVAL_ROUND",
                roundId,
                stationPath(stationId),
                pi.indicator().code() + " " + (met ? "达标" : "未达标") + "：" + comment.strip()));
        return sheet(roundId, stationId);
    }

    private String stationPath(long stationId) {
        return access.pathOf(stationId);
    }

    // ---- closing and acceptance ------------------------------------------------------------------

    /** Ends scoring: every station's sheet is frozen as it stands; the round is read-only from now on. */
    @Transactional
    public EvalRoundView close(long roundId, Long version) {
        EvaluationAccess.RoundRef ref = access.managedRound(roundId);
        if (!ref.open()) {
            throw new ConflictException("该评估已经结束");
        }
        Project project = projects.get(ref.projectId());
        List<EvalScoreSheet> sheets = compute(ref, project.stationIds());
        bump(roundId, version);
        jdbc.sql("UPDATE eval_round SET status = 'CLOSED', frozen = ? WHERE id = ?")
                .params(json.writeValueAsString(new Frozen(sheets)), roundId)
                .update();
        events.publishEvent(AuditEvent.success(
                "EVAL_ROUND_CLOSE", "EVAL_ROUND", roundId, ref.orgPath(), "成绩冻结：" + sheets.size() + " 个社工站"));
        return get(roundId);
    }

    /** The bureau's acceptance decision on a closed round (signed off: final). */
    @Transactional
    public EvalRoundView decide(long roundId, Decision decision, String note, Long version) {
        EvaluationAccess.RoundRef ref = access.managedRound(roundId);
        if (decision == null) {
            throw BusinessException.field("decision", "请选择验收结论：通过、整改后通过或不通过");
        }
        if ("OPEN".equals(ref.status())) {
            throw new ConflictException("请先结束评分（冻结成绩），再作出验收结论");
        }
        if ("DECIDED".equals(ref.status())) {
            throw new ConflictException("该评估已作出验收结论，不能更改");
        }
        String n = note == null ? null : note.strip();
        if (decision != Decision.PASS && (n == null || n.length() < 2)) {
            throw BusinessException.field("note", "“" + decision.label() + "”须写明理由或整改要求");
        }
        if (n != null && n.length() > 1000) {
            throw BusinessException.field("note", "结论说明不能超过1000个字");
        }
        bump(roundId, version);
        jdbc.sql("UPDATE eval_round SET status = 'DECIDED', decision = ?, decision_note = ?, decided_by = ?, "
                        + "decided_at = ? WHERE id = ?")
                .params(decision.name(), n, access.me().displayName(), ChinaTime.offsetNow(), roundId)
                .update();
        events.publishEvent(AuditEvent.success(
                "EVAL_DECISION", "EVAL_ROUND", roundId, ref.orgPath(), decision.label() + (n == null ? "" : "：" + n)));
        return get(roundId);
    }

    /** Everything the Word report needs, read once. */
    @Transactional(readOnly = true)
    public ReportData reportData(long roundId) {
        EvalRoundView round = get(roundId);
        EvalSummary summary = summary(roundId);
        EvaluationAccess.RoundRef ref = access.visibleRound(roundId);
        List<Long> visible = access.visibleStations(ref);
        Frozen frozen = frozen(roundId);
        List<EvalScoreSheet> sheets = frozen != null
                ? frozen.sheets().stream()
                        .filter(s -> visible.contains(s.stationId()))
                        .toList()
                : compute(ref, visible);
        events.publishEvent(
                AuditEvent.success("EVAL_REPORT_EXPORT", "EVAL_ROUND", roundId, ref.orgPath(), round.name()));
        return new ReportData(round, summary, sheets);
    }

    public record ReportData(EvalRoundView round, EvalSummary summary, List<EvalScoreSheet> sheets) {}

    /** The latest judgements of a project's CHECKLIST standards, for the engine (no scope: it filters itself). */
    List<cn.sgz.progress.JudgementSource.Judgement> judgements(long projectId, java.util.Collection<Long> stationIds) {
        if (stationIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(projectId);
        params.addAll(stationIds);
        Map<String, cn.sgz.progress.JudgementSource.Judgement> latest = new LinkedHashMap<>();
        jdbc.sql(
                        "SELECT station_id, indicator_id, met, comment, judged_on, judged_by FROM eval_judgement WHERE project_id = ? "
                                + "AND station_id IN (" + "?,".repeat(stationIds.size() - 1)
                                + "?) ORDER BY judged_at, id")
                .params(params)
                .query((rs, i) -> {
                    latest.put(
                            rs.getLong(1) + ":" + rs.getLong(2),
                            new cn.sgz.progress.JudgementSource.Judgement(
                                    rs.getLong(1),
                                    rs.getLong(2),
                                    rs.getBoolean(3),
                                    rs.getString(4) + "（" + rs.getString(6) + "）",
                                    rs.getObject(5, LocalDate.class)));
                    return null;
                })
                .list();
        return List.copyOf(latest.values());
    }

    /**
     * {@link #judgements(long, java.util.Collection)} of several projects in one read: each project's latest judgement
     * per (station, indicator) among its own stations, as the read of that project alone gives it.
     */
    Map<Long, List<cn.sgz.progress.JudgementSource.Judgement>> judgements(
            Map<Long, ? extends java.util.Collection<Long>> stationsByProject) {
        Map<Long, List<cn.sgz.progress.JudgementSource.Judgement>> out = new java.util.HashMap<>();
        java.util.Set<Long> stations = new java.util.TreeSet<>();
        stationsByProject.forEach((p, s) -> {
            out.put(p, List.of());
            stations.addAll(s);
        });
        if (stations.isEmpty()) {
            return out;
        }
        List<Object> params = new ArrayList<>(stationsByProject.keySet());
        params.addAll(stations);
        Map<Long, Map<String, cn.sgz.progress.JudgementSource.Judgement>> latest = new java.util.HashMap<>();
        jdbc.sql("SELECT project_id, station_id, indicator_id, met, comment, judged_on, judged_by FROM eval_judgement "
                        + "WHERE project_id IN (" + "?,".repeat(stationsByProject.size() - 1) + "?) "
                        + "AND station_id IN (" + "?,".repeat(stations.size() - 1) + "?) ORDER BY judged_at, id")
                .params(params)
                .query((rs, i) -> {
                    long project = rs.getLong(1);
                    if (stationsByProject.get(project).contains(rs.getLong(2))) {
                        latest.computeIfAbsent(project, k -> new LinkedHashMap<>())
                                .put(
                                        rs.getLong(2) + ":" + rs.getLong(3),
                                        new cn.sgz.progress.JudgementSource.Judgement(
                                                rs.getLong(2),
                                                rs.getLong(3),
                                                rs.getBoolean(4),
                                                rs.getString(5) + "（" + rs.getString(7) + "）",
                                                rs.getObject(6, LocalDate.class)));
                    }
                    return null;
                })
                .list();
        latest.forEach((p, m) -> out.put(p, List.copyOf(m.values())));
        return out;
    }
}
