package cn.sgz.community.internal;

import cn.sgz.activity.RecordSummaries.RecordSummary;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.org.OrgUnitView;
import cn.sgz.org.Scope;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.PhoneNumbers;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trainings (培训): a TRAINING service record (plan, content, photos, sign-in sheet) plus who attended and for
 * how many hours — backbone members of an organisation, or community workers (社区工作者) on their way to
 * becoming social-work professionals. Hours count only while the record counts.
 */
@Service
public class TrainingService {

    /** @param recordId an existing TRAINING record to use instead of creating one from {@code record} */
    public record TrainingForm(
            Long stationId,
            TrainingAudience audience,
            Long orgId,
            String topic,
            String trainer,
            String plan,
            BigDecimal hours,
            Long recordId,
            RecordInput record) {}

    public record TrainingView(
            long id,
            long stationId,
            TrainingAudience audience,
            Long orgId,
            String orgName,
            String topic,
            String trainer,
            String plan,
            BigDecimal hours,
            RecordRef record,
            List<AttendeeView> attendees) {

        public String audienceLabel() {
            return audience.label();
        }
    }

    public record AttendeeView(
            long id, Long memberId, Long traineeId, String name, String maskedPhone, BigDecimal hours) {}

    /** One of memberId (backbone training) or traineeId (worker training); hours default to the training's. */
    public record AttendeeForm(Long memberId, Long traineeId, BigDecimal hours, Boolean addToSignIn) {}

    public record TraineeForm(Long stationId, String name, String phone, String workplace, String position) {}

    /** A community worker in training; hours and trainings count only records that count. */
    public record TraineeView(
            long id,
            long stationId,
            String name,
            String maskedPhone,
            String workplace,
            String position,
            BigDecimal countingHours,
            int countingTrainings) {}

    private final JdbcClient jdbc;
    private final CommunityAccess access;
    private final RecordBridge records;
    private final ApplicationEventPublisher events;

    TrainingService(JdbcClient jdbc, CommunityAccess access, RecordBridge records, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.records = records;
        this.events = events;
    }

    private record Row(
            long id,
            long stationId,
            String orgPath,
            long recordId,
            TrainingAudience audience,
            Long orgId,
            String topic,
            String trainer,
            String plan,
            BigDecimal hours) {}

    private static final String SELECT = "SELECT t.*, o.name AS org_name FROM community_training t "
            + "LEFT JOIN community_org o ON o.id = t.org_id ";

    private Row map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getLong("station_id"),
                rs.getString("org_path"),
                rs.getLong("record_id"),
                TrainingAudience.valueOf(rs.getString("audience")),
                (Long) rs.getObject("org_id", Long.class),
                rs.getString("topic"),
                rs.getString("trainer"),
                rs.getString("plan"),
                rs.getBigDecimal("hours"));
    }

    /** Trainings of a station (every visible station when null), optionally of one audience, newest first. */
    @Transactional(readOnly = true)
    public List<TrainingView> list(Long stationId, TrainingAudience audience) {
        Scope scope = access.scope();
        List<Object> params = new ArrayList<>(scope.likePatterns());
        StringBuilder where = new StringBuilder(scope.sqlCondition("t.org_path"));
        if (stationId != null) {
            access.station(stationId);
            where.append(" AND t.station_id = ?");
            params.add(stationId);
        }
        if (audience != null) {
            where.append(" AND t.audience = ?");
            params.add(audience.name());
        }
        return views(jdbc.sql(SELECT + "WHERE " + where + " ORDER BY t.id DESC")
                .params(params)
                .query((rs, n) -> map(rs))
                .list());
    }

    /** Backbone trainings of one organisation (the caller has checked the organisation). */
    @Transactional(readOnly = true)
    public List<TrainingView> ofOrg(long orgId) {
        return views(jdbc.sql(SELECT + "WHERE t.org_id = ? ORDER BY t.id DESC")
                .param(orgId)
                .query((rs, n) -> map(rs))
                .list());
    }

    @Transactional(readOnly = true)
    public TrainingView get(long id) {
        return views(List.of(visible(id))).get(0);
    }

    @Transactional
    public TrainingView create(TrainingForm form) {
        access.requireWriter();
        if (form == null) {
            throw BusinessException.field("topic", "培训主题：请填写培训主题");
        }
        OrgUnitView station = access.station(form.stationId());
        Checks c = new Checks();
        TrainingAudience audience = c.required(form.audience(), "audience", "培训对象");
        String topic = c.text(form.topic(), "topic", "培训主题", 100, true);
        String trainer = c.text(form.trainer(), "trainer", "授课人", 100, false);
        String plan = c.text(form.plan(), "plan", "培训计划", 2000, false);
        BigDecimal hours = c.hours(form.hours(), "hours", "培训时长", 200);
        if (audience == TrainingAudience.BACKBONE) {
            if (form.orgId() == null) {
                c.add("orgId", "所属组织：骨干培训请选择所培训的社区社会组织");
            } else if (orgStation(form.orgId()) != station.id()) {
                c.add("orgId", "所属组织：该组织不属于本社工站");
            }
        }
        c.throwIfAny();
        ServiceRecordView record = form.recordId() != null
                ? records.requireRecord(form.recordId(), station.id(), Set.of(ServiceKind.TRAINING), "recordId")
                : records.create(station.id(), ServiceKind.TRAINING, form.record(), topic, List.of());
        if (jdbc.sql("SELECT COUNT(*) FROM community_training WHERE record_id = ?")
                        .param(record.id())
                        .query(Long.class)
                        .single()
                > 0) {
            throw BusinessException.field("recordId", "服务记录：该培训记录已登记为另一场培训");
        }
        long id = Sql.insert(
                jdbc,
                """
                INSERT INTO community_training (station_id, org_path, record_id, audience, org_id, topic, trainer, plan,
                    hours, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)""",
                station.id(),
                station.path(),
                record.id(),
                audience.name(),
                audience == TrainingAudience.BACKBONE ? form.orgId() : null,
                topic,
                trainer,
                plan,
                hours,
                access.me().username(),
                ChinaTime.offsetNow());
        records.setAudience(record.id(), audience.recordAudience());
        events.publishEvent(AuditEvent.success("TRAINING_CREATE", "TRAINING", id, station.path(), topic));
        return get(id);
    }

    @Transactional
    public AttendeeView addAttendee(long trainingId, AttendeeForm form) {
        access.requireWriter();
        Row t = visible(trainingId);
        AttendeeForm f = form == null ? new AttendeeForm(null, null, null, null) : form;
        Checks c = new Checks();
        BigDecimal hours = c.hours(f.hours() == null ? t.hours() : f.hours(), "hours", "参训时长", 200);
        String name;
        String phone;
        if (t.audience() == TrainingAudience.BACKBONE) {
            var m = f.memberId() == null
                    ? null
                    : jdbc.sql("SELECT name, phone FROM community_org_member " + "WHERE id = ? AND org_id = ?")
                            .params(f.memberId(), t.orgId())
                            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                            .optional()
                            .orElse(null);
            if (m == null) {
                c.add("memberId", "参训骨干：请选择本组织的成员");
            }
            name = m == null ? null : m[0];
            phone = m == null ? null : m[1];
        } else {
            var p = f.traineeId() == null
                    ? null
                    : jdbc.sql("SELECT name, phone FROM community_trainee " + "WHERE id = ? AND station_id = ?")
                            .params(f.traineeId(), t.stationId())
                            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                            .optional()
                            .orElse(null);
            if (p == null) {
                c.add("traineeId", "参训人员：请选择本站登记的参训社区工作者");
            }
            name = p == null ? null : p[0];
            phone = p == null ? null : p[1];
        }
        c.throwIfAny();
        boolean already = jdbc.sql("SELECT COUNT(*) FROM community_training_attendee WHERE training_id = ? AND "
                                + (t.audience() == TrainingAudience.BACKBONE ? "member_id" : "trainee_id") + " = ?")
                        .params(trainingId, t.audience() == TrainingAudience.BACKBONE ? f.memberId() : f.traineeId())
                        .query(Long.class)
                        .single()
                > 0;
        if (already) {
            throw BusinessException.field(
                    t.audience() == TrainingAudience.BACKBONE ? "memberId" : "traineeId",
                    "参训人员：" + name + " 已在本次培训的参训名单中");
        }
        long id = Sql.insert(
                jdbc,
                "INSERT INTO community_training_attendee (training_id, member_id, trainee_id, hours, "
                        + "created_at) VALUES (?,?,?,?,?)",
                trainingId,
                t.audience() == TrainingAudience.BACKBONE ? f.memberId() : null,
                t.audience() == TrainingAudience.WORKER ? f.traineeId() : null,
                hours,
                ChinaTime.offsetNow());
        if (!Boolean.FALSE.equals(f.addToSignIn()) && phone != null && PhoneNumbers.isValid(phone)) {
            records.addSignIn(t.recordId(), name, phone);
        }
        events.publishEvent(
                AuditEvent.success("TRAINING_ATTENDEE_ADD", "TRAINING", trainingId, t.orgPath(), "参训 #" + id));
        return get(trainingId).attendees().stream()
                .filter(a -> a.id() == id)
                .findFirst()
                .orElseThrow();
    }

    @Transactional
    public void removeAttendee(long trainingId, long attendeeId) {
        access.requireWriter();
        Row t = visible(trainingId);
        if (jdbc.sql("DELETE FROM community_training_attendee WHERE id = ? AND training_id = ?")
                        .params(attendeeId, trainingId)
                        .update()
                == 0) {
            throw new NotFoundException("参训记录");
        }
        events.publishEvent(AuditEvent.success(
                "TRAINING_ATTENDEE_REMOVE", "TRAINING", trainingId, t.orgPath(), "参训 #" + attendeeId));
    }

    // ---- trainees ----------------------------------------------------------------------------

    @Transactional
    public TraineeView createTrainee(TraineeForm form) {
        access.requireWriter();
        TraineeForm f = form == null ? new TraineeForm(null, null, null, null, null) : form;
        OrgUnitView station = access.station(f.stationId());
        Checks c = new Checks();
        String name = c.text(f.name(), "name", "姓名", 50, true);
        String phone = null;
        try {
            phone = PhoneNumbers.normalizeOptional("phone", f.phone());
        } catch (BusinessException e) {
            c.add("phone", "联系电话：" + e.getMessage());
        }
        String workplace = c.text(f.workplace(), "workplace", "所在社区/单位", 100, false);
        String position = c.text(f.position(), "position", "岗位", 50, false);
        c.throwIfAny();
        long id = Sql.insert(
                jdbc,
                "INSERT INTO community_trainee (station_id, org_path, name, phone, workplace, "
                        + "position, created_by, created_at) VALUES (?,?,?,?,?,?,?,?)",
                station.id(),
                station.path(),
                name,
                phone,
                workplace,
                position,
                access.me().username(),
                ChinaTime.offsetNow());
        events.publishEvent(AuditEvent.success("TRAINEE_CREATE", "TRAINEE", id, station.path(), null));
        return trainees(station.id()).stream()
                .filter(t -> t.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /** Trainees of a station with their counting hours, most hours first. */
    @Transactional(readOnly = true)
    public List<TraineeView> trainees(long stationId) {
        access.station(stationId);
        record T(long id, String name, String phone, String workplace, String position) {}
        List<T> rows = jdbc.sql("SELECT * FROM community_trainee WHERE station_id = ? ORDER BY id")
                .param(stationId)
                .query((rs, n) -> new T(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("phone"),
                        rs.getString("workplace"),
                        rs.getString("position")))
                .list();
        List<Object[]> attended = jdbc.sql(
                        "SELECT a.trainee_id, t.record_id, a.hours FROM community_training_attendee a "
                                + "JOIN community_training t ON t.id = a.training_id WHERE t.station_id = ? "
                                + "AND a.trainee_id IS NOT NULL")
                .param(stationId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)})
                .list();
        Map<Long, RecordSummary> s =
                records.summaries(attended.stream().map(a -> (Long) a[1]).toList());
        Map<Long, BigDecimal> hours = new HashMap<>();
        Map<Long, Integer> count = new HashMap<>();
        for (Object[] a : attended) {
            RecordSummary r = s.get((Long) a[1]);
            if (r != null && r.counts()) {
                hours.merge((Long) a[0], (BigDecimal) a[2], BigDecimal::add);
                count.merge((Long) a[0], 1, Integer::sum);
            }
        }
        return rows.stream()
                .map(t -> new TraineeView(
                        t.id(),
                        stationId,
                        t.name(),
                        Masks.phone(t.phone()),
                        t.workplace(),
                        t.position(),
                        hours.getOrDefault(t.id(), BigDecimal.ZERO),
                        count.getOrDefault(t.id(), 0)))
                .sorted(Comparator.comparing(TraineeView::countingHours).reversed())
                .toList();
    }

    /** How many counting backbone trainings each member attended (members without any are absent). */
    @Transactional(readOnly = true)
    public Map<Long, Integer> countingTrainingsByMember(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        List<long[]> rows = jdbc.sql("SELECT a.member_id, t.record_id FROM community_training_attendee a "
                        + "JOIN community_training t ON t.id = a.training_id WHERE a.member_id IN (:ids)")
                .param("ids", List.copyOf(memberIds))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        Map<Long, RecordSummary> s =
                records.summaries(rows.stream().map(r -> r[1]).toList());
        Map<Long, Integer> out = new HashMap<>();
        for (long[] r : rows) {
            RecordSummary sum = s.get(r[1]);
            if (sum != null && sum.counts()) {
                out.merge(r[0], 1, Integer::sum);
            }
        }
        return out;
    }

    // ---- helpers -----------------------------------------------------------------------------

    private long orgStation(long orgId) {
        return jdbc.sql("SELECT station_id FROM community_org WHERE id = ?")
                .param(orgId)
                .query(Long.class)
                .optional()
                .orElse(-1L);
    }

    private Row visible(long id) {
        Row r = jdbc.sql(SELECT + "WHERE t.id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("培训"));
        access.requireVisible(r.orgPath(), "培训");
        return r;
    }

    private List<TrainingView> views(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<AttendeeView>> attendees = new HashMap<>();
        jdbc.sql("""
                SELECT a.id, a.training_id, a.member_id, a.trainee_id, a.hours,
                       COALESCE(m.name, p.name) AS name, COALESCE(m.phone, p.phone) AS phone
                FROM community_training_attendee a
                LEFT JOIN community_org_member m ON m.id = a.member_id
                LEFT JOIN community_trainee p ON p.id = a.trainee_id
                WHERE a.training_id IN (:ids) ORDER BY a.id""")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(
                        rs.getLong("training_id"),
                        new AttendeeView(
                                rs.getLong("id"),
                                (Long) rs.getObject("member_id", Long.class),
                                (Long) rs.getObject("trainee_id", Long.class),
                                rs.getString("name"),
                                Masks.phone(rs.getString("phone")),
                                rs.getBigDecimal("hours"))))
                .list()
                .forEach(e -> attendees
                        .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        Map<Long, String> orgNames = new HashMap<>();
        List<Long> orgIds = rows.stream()
                .map(Row::orgId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        if (!orgIds.isEmpty()) {
            jdbc.sql("SELECT id, name FROM community_org WHERE id IN (:ids)")
                    .param("ids", orgIds)
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .list()
                    .forEach(e -> orgNames.put(e.getKey(), e.getValue()));
        }
        Map<Long, RecordSummary> s =
                records.summaries(rows.stream().map(Row::recordId).toList());
        return rows.stream()
                .map(r -> new TrainingView(
                        r.id(),
                        r.stationId(),
                        r.audience(),
                        r.orgId(),
                        r.orgId() == null ? null : orgNames.get(r.orgId()),
                        r.topic(),
                        r.trainer(),
                        r.plan(),
                        r.hours(),
                        s.containsKey(r.recordId()) ? RecordBridge.ref(s.get(r.recordId())) : null,
                        attendees.getOrDefault(r.id(), List.of())))
                .toList();
    }
}
