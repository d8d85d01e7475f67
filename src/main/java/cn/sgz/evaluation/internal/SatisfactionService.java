package cn.sgz.evaluation.internal;

import cn.sgz.activity.RecordReview;
import cn.sgz.evaluation.SatisfactionScore;
import cn.sgz.evaluation.SatisfactionSource;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 满意度测评 by the evaluators: face-to-face or phone interviews with people served, drawn from the counted
 * records (reproducibly), five five-point items and free text. Results per station join those of every
 * {@link SatisfactionSource} (e.g. residents' own questionnaires) and feed the rubric's satisfaction items.
 */
@Service
public class SatisfactionService {

    /** The five items of the interview questionnaire, asked in this order. */
    public static final List<String> QUESTIONS = List.of(
            "您对社工的服务态度是否满意？", "您对服务是否及时、方便是否满意？", "您对服务内容是否符合您的需要是否满意？", "您对服务给您（家庭）带来的变化是否满意？", "总体来说，您对社工站的服务是否满意？");

    public static final String OWN_SOURCE = "评估人员面谈/电话访谈";

    private final JdbcClient jdbc;
    private final EvaluationAccess access;
    private final RecordReview records;
    private final ObjectProvider<SatisfactionSource> sources;
    private final ApplicationEventPublisher events;

    SatisfactionService(
            JdbcClient jdbc,
            EvaluationAccess access,
            RecordReview records,
            ObjectProvider<SatisfactionSource> sources,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.records = records;
        this.sources = sources;
        this.events = events;
    }

    public enum Method {
        INTERVIEW("面谈"),
        PHONE("电话访谈");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record SatisfactionInterviewForm(
            Long stationId,
            Method method,
            String personName,
            Long recordId,
            List<Integer> answers,
            String freeText,
            LocalDate interviewedOn) {}

    public record SatisfactionInterviewView(
            long id,
            long stationId,
            String method,
            String methodLabel,
            String personName,
            Long recordId,
            List<Integer> answers,
            BigDecimal average,
            String freeText,
            LocalDate interviewedOn,
            String createdBy) {}

    /** Results of one station: all sources together, then each source. */
    public record SatisfactionAggregate(int responses, double average, String sources, List<SatisfactionScore> parts) {}

    /** Someone to interview: from a counted record's sign-in sheet, receipts or people served. */
    public record SatisfactionCandidate(
            long recordId, LocalDate serviceDate, String title, String name, String phone, String source) {}

    @Transactional
    public SatisfactionInterviewView record(long roundId, SatisfactionInterviewForm f) {
        EvaluationAccess.RoundRef ref = access.writableRound(roundId);
        if (f.stationId() == null) {
            throw BusinessException.field("stationId", "请选择社工站");
        }
        access.requireStation(ref, f.stationId());
        if (f.method() == null) {
            throw BusinessException.field("method", "请选择测评方式：面谈或电话访谈");
        }
        String name = f.personName() == null ? "" : f.personName().strip();
        if (name.isEmpty() || name.length() > 50) {
            throw BusinessException.field("personName", "请填写受访者姓名（不超过50个字）");
        }
        servedBy(f.stationId(), f.recordId(), name);
        if (f.answers() == null || f.answers().size() != QUESTIONS.size()) {
            throw BusinessException.field("answers", "请逐题作答，共 " + QUESTIONS.size() + " 题");
        }
        for (int i = 0; i < f.answers().size(); i++) {
            Integer a = f.answers().get(i);
            if (a == null || a < 1 || a > 5) {
                throw BusinessException.field("answers[" + i + "]", "第 " + (i + 1) + " 题的评分应为 1～5 分");
            }
        }
        String text = f.freeText() == null || f.freeText().isBlank()
                ? null
                : f.freeText().strip();
        if (text != null && text.length() > 2000) {
            throw BusinessException.field("freeText", "意见和建议不能超过2000个字");
        }
        LocalDate on = f.interviewedOn() == null ? ChinaTime.today() : f.interviewedOn();
        if (on.isAfter(ChinaTime.today())) {
            throw BusinessException.field("interviewedOn", "测评日期不能晚于今天");
        }
        BigDecimal avg = BigDecimal.valueOf(
                        f.answers().stream().mapToInt(Integer::intValue).sum())
                .divide(BigDecimal.valueOf(f.answers().size()), 2, RoundingMode.HALF_UP);
        String path = access.pathOf(f.stationId());
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO satisfaction_interview (round_id, project_id, station_id, org_path, method, person_name, "
                        + "record_id, answers, average, free_text, interviewed_on, created_by, created_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(
                        roundId,
                        ref.projectId(),
                        f.stationId(),
                        path,
                        f.method().name(),
                        name,
                        f.recordId(),
                        String.join(
                                ",", f.answers().stream().map(String::valueOf).toList()),
                        avg,
                        text,
                        on,
                        access.me().username(),
                        ChinaTime.offsetNow())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        events.publishEvent(AuditEvent.success(
                "SATISFACTION_INTERVIEW",
                "EVAL_ROUND",
                roundId,
                path,
                f.method().label() + " 平均 " + avg.toPlainString() + " 分"));
        return list(roundId, f.stationId()).stream()
                .filter(v -> v.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /**
     * The sample is drawn from the people served: the person must be on a counted service record of the station (its
     * sign-in sheet, receipts or people served), as the candidates list offers them.
     */
    private void servedBy(long stationId, Long recordId, String name) {
        if (recordId == null) {
            throw BusinessException.field("recordId", "请从抽取的受访者中选择：受访者须来自本站计入的服务记录");
        }
        RecordReview.Contacts c;
        try {
            c = records.contacts(recordId);
        } catch (cn.sgz.shared.NotFoundException e) {
            c = null;
        }
        if (c == null || c.stationId() != stationId || !c.counts()) {
            throw BusinessException.field("recordId", "服务记录 #" + recordId + " 不是本站计入的服务记录，受访者须从本站服务过的人中抽取");
        }
        if (c.people().stream().noneMatch(p -> p.name().equals(name))) {
            throw BusinessException.field("personName", "“" + name + "”不在服务记录 #" + recordId + " 的签到表、领取单据或服务对象中");
        }
    }

    @Transactional(readOnly = true)
    public List<SatisfactionInterviewView> list(long roundId, Long stationId) {
        EvaluationAccess.RoundRef ref = access.visibleRound(roundId);
        List<Long> visible = access.visibleStations(ref);
        return jdbc
                .sql("SELECT * FROM satisfaction_interview WHERE round_id = ? ORDER BY interviewed_on DESC, id DESC")
                .param(roundId)
                .query((rs, i) -> {
                    Method m = Method.valueOf(rs.getString("method"));
                    boolean team = access.canScore(ref);
                    return new SatisfactionInterviewView(
                            rs.getLong("id"),
                            rs.getLong("station_id"),
                            m.name(),
                            m.label(),
                            team ? rs.getString("person_name") : Masking.name(rs.getString("person_name")),
                            (Long) rs.getObject("record_id"),
                            java.util.Arrays.stream(rs.getString("answers").split(","))
                                    .map(Integer::valueOf)
                                    .toList(),
                            rs.getBigDecimal("average"),
                            rs.getString("free_text"),
                            rs.getObject("interviewed_on", LocalDate.class),
                            rs.getString("created_by"));
                })
                .list()
                .stream()
                .filter(v -> visible.contains(v.stationId()) && (stationId == null || v.stationId() == stationId))
                .toList();
    }

    /** People to interview at a station, drawn reproducibly from its counted records (team only: phones in full). */
    @Transactional(readOnly = true)
    public List<SatisfactionCandidate> candidates(long roundId, long stationId, int size) {
        EvaluationAccess.RoundRef ref = access.writableRound(roundId);
        access.requireStation(ref, stationId);
        LocalDate to = ChinaTime.today();
        List<Sampler.Unit> frame = records.countedRecords(List.of(stationId), to.minusYears(2), to).stream()
                .map(c -> new Sampler.Unit(c.recordId(), c.stationId(), c.kind().name()))
                .toList();
        List<SatisfactionCandidate> out = new ArrayList<>();
        for (Sampler.Unit u : Sampler.draw(
                frame, roundId * 1_000_003L + stationId, Sampler.Strata.STATION, Math.max(1, Math.min(size, 50)) * 2)) {
            RecordReview.Contacts c = records.contacts(u.recordId());
            c.people().stream()
                    .filter(p -> !"服务对象".equals(p.source()) || p.phone() == null)
                    .findFirst()
                    .ifPresent(p -> out.add(new SatisfactionCandidate(
                            c.recordId(), c.serviceDate(), c.title(), p.name(), p.phone(), p.source())));
            if (out.size() >= size) {
                break;
            }
        }
        events.publishEvent(AuditEvent.success(
                "SATISFACTION_CANDIDATES",
                "EVAL_ROUND",
                roundId,
                access.pathOf(stationId),
                "抽取受访者 " + out.size() + " 人（含电话）"));
        return out;
    }

    /** Own interviews plus every other source, per station, for answers given in [from, to]. */
    Map<Long, SatisfactionAggregate> aggregate(
            long projectId, Collection<Long> stationIds, LocalDate from, LocalDate to) {
        Map<Long, List<SatisfactionScore>> parts = new LinkedHashMap<>();
        if (stationIds.isEmpty()) {
            return Map.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(projectId);
        params.addAll(stationIds);
        params.add(from);
        params.add(to);
        jdbc.sql(
                        "SELECT station_id, COUNT(*), AVG(average) FROM satisfaction_interview WHERE project_id = ? AND station_id IN ("
                                + "?,".repeat(stationIds.size() - 1)
                                + "?) AND interviewed_on BETWEEN ? AND ? GROUP BY station_id")
                .params(params)
                .query((rs, i) -> parts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new SatisfactionScore(rs.getLong(1), OWN_SOURCE, rs.getInt(2), rs.getDouble(3))))
                .list();
        sources.orderedStream()
                .forEach(src -> src.scores(stationIds, from, to).stream()
                        .filter(s -> s.responses() > 0 && stationIds.contains(s.stationId()))
                        .forEach(s -> parts.computeIfAbsent(s.stationId(), k -> new ArrayList<>())
                                .add(s)));
        Map<Long, SatisfactionAggregate> out = new HashMap<>();
        parts.forEach((station, list) -> {
            int n = list.stream().mapToInt(SatisfactionScore::responses).sum();
            double avg = list.stream()
                            .mapToDouble(s -> s.averageOutOf5() * s.responses())
                            .sum()
                    / n;
            out.put(
                    station,
                    new SatisfactionAggregate(
                            n,
                            avg,
                            String.join(
                                    "、",
                                    list.stream()
                                            .map(s -> s.source() + " " + s.responses() + " 份")
                                            .toList()),
                            List.copyOf(list)));
        });
        return out;
    }

    /** Per-station results of a round for pages and the API. */
    @Transactional(readOnly = true)
    public Map<Long, SatisfactionAggregate> results(long roundId) {
        EvaluationAccess.RoundRef ref = access.visibleRound(roundId);
        LocalDate start = access.projects().get(ref.projectId()).startDate();
        return aggregate(ref.projectId(), access.visibleStations(ref), start, ChinaTime.today());
    }
}
