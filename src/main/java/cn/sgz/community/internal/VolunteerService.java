package cn.sgz.community.internal;

import cn.sgz.activity.RecordSummaries.RecordSummary;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitView;
import cn.sgz.org.Scope;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.PhoneNumbers;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 志愿者: registration (with the number of the national volunteer system, 全国志愿服务信息系统 — without it a
 * volunteer is 未注册), teams (志愿服务队), and hours served at volunteer activities (社工+志愿者: a
 * VOLUNTEER_ACTIVITY service record). Hours count only while their record counts.
 */
@Service
public class VolunteerService {

    public record VolunteerForm(
            Long stationId,
            String name,
            String gender,
            String phone,
            String nationalNo,
            String skills,
            Long teamId,
            LocalDate joinedOn,
            LocalDate leftOn) {}

    /** A volunteer as lists show them (phone masked); hours split into counting and not (yet) counting. */
    public record VolunteerView(
            long id,
            long stationId,
            String stationName,
            String name,
            String gender,
            String maskedPhone,
            String nationalNo,
            String skills,
            Long teamId,
            String teamName,
            LocalDate joinedOn,
            LocalDate leftOn,
            BigDecimal countingHours,
            int countingServices,
            BigDecimal notCountingHours,
            long version) {

        public boolean registered() {
            return nationalNo != null;
        }
    }

    /** One volunteer activity a volunteer served at. */
    public record ServiceLine(
            long id,
            long recordId,
            String title,
            LocalDate serviceDate,
            BigDecimal hours,
            String duty,
            boolean counts,
            String reasons) {}

    /** The volunteer's own page: the full phone (audited) and every service. */
    public record VolunteerDetail(VolunteerView volunteer, String phone, List<ServiceLine> services) {}

    public record TeamForm(Long stationId, String name, LocalDate foundedOn, String leaderName, String serviceArea) {}

    public record TeamView(
            long id,
            long stationId,
            String name,
            LocalDate foundedOn,
            String leaderName,
            String serviceArea,
            int volunteerCount) {}

    public record HoursForm(Long volunteerId, BigDecimal hours, String duty) {}

    public record HoursLine(long id, long volunteerId, String name, BigDecimal hours, String duty) {}

    /** A volunteer activity with the volunteers who served and their hours. */
    public record ActivityView(
            RecordRef record, long stationId, String place, List<HoursLine> volunteers, BigDecimal totalHours) {}

    /** 注册率: active volunteers with a national-system number among all active volunteers. */
    public record Registration(long total, long registered, int percent) {}

    private final JdbcClient jdbc;
    private final CommunityAccess access;
    private final OrgDirectory directory;
    private final RecordBridge records;
    private final ApplicationEventPublisher events;

    VolunteerService(
            JdbcClient jdbc,
            CommunityAccess access,
            OrgDirectory directory,
            RecordBridge records,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.directory = directory;
        this.records = records;
        this.events = events;
    }

    public boolean canWrite() {
        return access.canWrite();
    }

    private record Row(
            long id,
            long stationId,
            String orgPath,
            String name,
            String gender,
            String phone,
            String nationalNo,
            String skills,
            Long teamId,
            String teamName,
            LocalDate joinedOn,
            LocalDate leftOn,
            long version) {}

    private static final String SELECT =
            "SELECT v.*, t.name AS team_name FROM volunteer v " + "LEFT JOIN volunteer_team t ON t.id = v.team_id ";

    private static Row map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getLong("station_id"),
                rs.getString("org_path"),
                rs.getString("name"),
                rs.getString("gender"),
                rs.getString("phone"),
                rs.getString("national_no"),
                rs.getString("skills"),
                rs.getObject("team_id", Long.class),
                rs.getString("team_name"),
                rs.getObject("joined_on", LocalDate.class),
                rs.getObject("left_on", LocalDate.class),
                rs.getLong("version"));
    }

    /** Volunteers of a station (every visible station when null); registered: true/false filters, null: all. */
    @Transactional(readOnly = true)
    public List<VolunteerView> list(Long stationId, Boolean registered, Long teamId) {
        Scope scope = access.scope();
        List<Object> params = new ArrayList<>(scope.likePatterns());
        StringBuilder where = new StringBuilder(scope.sqlCondition("v.org_path"));
        if (stationId != null) {
            access.station(stationId);
            where.append(" AND v.station_id = ?");
            params.add(stationId);
        }
        if (registered != null) {
            where.append(registered ? " AND v.national_no IS NOT NULL" : " AND v.national_no IS NULL");
        }
        if (teamId != null) {
            where.append(" AND v.team_id = ?");
            params.add(teamId);
        }
        return views(jdbc.sql(SELECT + "WHERE " + where + " ORDER BY v.left_on NULLS FIRST, v.id")
                .params(params)
                .query(VolunteerService::map)
                .list());
    }

    @Transactional(readOnly = true)
    public Registration registration(long stationId) {
        access.station(stationId);
        return jdbc.sql("SELECT COUNT(*), SUM(CASE WHEN national_no IS NOT NULL THEN 1 ELSE 0 END) FROM volunteer "
                        + "WHERE station_id = ? AND left_on IS NULL")
                .param(stationId)
                .query((rs, n) -> {
                    long total = rs.getLong(1);
                    long reg = rs.getLong(2);
                    return new Registration(total, reg, total == 0 ? 0 : (int) (reg * 100 / total));
                })
                .single();
    }

    @Transactional(readOnly = true)
    public VolunteerView get(long id) {
        return views(List.of(visible(id))).get(0);
    }

    @Transactional(readOnly = true)
    public VolunteerDetail detail(long id) {
        Row r = visible(id);
        events.publishEvent(AuditEvent.success("VIEW_PERSONAL", "VOLUNTEER", id, r.orgPath(), null));
        return new VolunteerDetail(views(List.of(r)).get(0), r.phone(), serviceLines(id));
    }

    /** Every volunteer activity the volunteer served at, newest first, counting or not. */
    @Transactional(readOnly = true)
    public List<ServiceLine> services(long id) {
        visible(id);
        return serviceLines(id);
    }

    private List<ServiceLine> serviceLines(long id) {
        List<Object[]> rows = jdbc.sql(
                        "SELECT id, record_id, hours, duty FROM volunteer_service WHERE volunteer_id = ?")
                .param(id)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getString(4)})
                .list();
        Map<Long, RecordSummary> s =
                records.summaries(rows.stream().map(a -> (Long) a[1]).toList());
        List<ServiceLine> lines = new ArrayList<>();
        for (Object[] a : rows) {
            RecordSummary sum = s.get((Long) a[1]);
            if (sum != null) {
                RecordRef ref = RecordBridge.ref(sum);
                lines.add(new ServiceLine(
                        (Long) a[0],
                        sum.id(),
                        sum.title(),
                        sum.serviceDate(),
                        (BigDecimal) a[2],
                        (String) a[3],
                        sum.counts(),
                        ref.reasons()));
            }
        }
        lines.sort(java.util.Comparator.comparing(ServiceLine::serviceDate).reversed());
        return lines;
    }

    @Transactional
    public VolunteerView create(VolunteerForm form) {
        access.requireWriter();
        VolunteerForm f = form == null ? new VolunteerForm(null, null, null, null, null, null, null, null, null) : form;
        OrgUnitView station = access.station(f.stationId());
        Row r = validated(f, station.id(), null);
        OffsetDateTime now = ChinaTime.offsetNow();
        long id = Sql.insert(
                jdbc,
                """
                INSERT INTO volunteer (station_id, org_path, name, gender, phone, national_no, skills, team_id, joined_on,
                    left_on, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                station.id(),
                station.path(),
                r.name(),
                r.gender(),
                r.phone(),
                r.nationalNo(),
                r.skills(),
                r.teamId(),
                r.joinedOn(),
                r.leftOn(),
                access.me().username(),
                now,
                now);
        events.publishEvent(AuditEvent.success(
                "VOLUNTEER_CREATE", "VOLUNTEER", id, station.path(), r.nationalNo() == null ? "未注册" : "已注册"));
        return get(id);
    }

    @Transactional
    public VolunteerView update(long id, VolunteerForm form, Long expectedVersion) {
        access.requireWriter();
        Row current = visible(id);
        VolunteerForm f = form == null ? new VolunteerForm(null, null, null, null, null, null, null, null, null) : form;
        Row r = validated(f, current.stationId(), id);
        if (expectedVersion == null) {
            throw BusinessException.field("version", "版本号：缺少版本号，请先读取再修改");
        }
        int n = jdbc.sql("""
                UPDATE volunteer SET name = ?, gender = ?, phone = ?, national_no = ?, skills = ?, team_id = ?,
                    joined_on = ?, left_on = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?""")
                .params(
                        r.name(),
                        r.gender(),
                        r.phone(),
                        r.nationalNo(),
                        r.skills(),
                        r.teamId(),
                        r.joinedOn(),
                        r.leftOn(),
                        ChinaTime.offsetNow(),
                        id,
                        expectedVersion)
                .update();
        if (n == 0) {
            throw new ConflictException("保存失败：该志愿者信息在您打开之后已被他人修改，请刷新后重新修改");
        }
        events.publishEvent(AuditEvent.success("VOLUNTEER_UPDATE", "VOLUNTEER", id, current.orgPath(), null));
        return get(id);
    }

    private Row validated(VolunteerForm f, long stationId, Long except) {
        Checks c = new Checks();
        String name = c.text(f.name(), "name", "姓名", 50, true);
        String gender = c.text(f.gender(), "gender", "性别", 4, false);
        if (gender != null && !gender.equals("男") && !gender.equals("女")) {
            c.add("gender", "性别：请填写“男”或“女”");
        }
        String phone = null;
        if (f.phone() == null || f.phone().isBlank()) {
            c.add("phone", "手机号：请填写手机号（志愿服务信息系统以手机号识别志愿者）");
        } else if (!PhoneNumbers.isValid(f.phone())) {
            c.add("phone", "手机号：格式不正确，应为11位手机号或带区号的固定电话");
        } else {
            phone = PhoneNumbers.normalizeOptional("phone", f.phone());
            boolean taken = jdbc.sql("SELECT COUNT(*) FROM volunteer WHERE station_id = ? AND phone = ? AND id <> ?")
                            .params(stationId, phone, except == null ? -1 : except)
                            .query(Long.class)
                            .single()
                    > 0;
            if (taken) {
                c.add("phone", "手机号：本站已有使用该手机号的志愿者");
            }
        }
        String nationalNo = c.text(f.nationalNo(), "nationalNo", "全国志愿服务信息系统编号", 40, false);
        if (nationalNo != null && !nationalNo.matches("[A-Za-z0-9-]+")) {
            c.add("nationalNo", "全国志愿服务信息系统编号：只能包含字母、数字和“-”");
        }
        String skills = c.text(f.skills(), "skills", "特长技能", 200, false);
        if (f.teamId() != null) {
            Long teamStation = jdbc.sql("SELECT station_id FROM volunteer_team WHERE id = ?")
                    .param(f.teamId())
                    .query(Long.class)
                    .optional()
                    .orElse(null);
            if (teamStation == null || teamStation != stationId) {
                c.add("teamId", "志愿服务队：请选择本站的志愿服务队");
            }
        }
        LocalDate joined =
                c.pastDate(f.joinedOn() == null ? ChinaTime.today() : f.joinedOn(), "joinedOn", "加入日期", true);
        LocalDate left = c.pastDate(f.leftOn(), "leftOn", "退出日期", false);
        if (left != null && joined != null && left.isBefore(joined)) {
            c.add("leftOn", "退出日期：不能早于加入日期");
        }
        c.throwIfAny();
        return new Row(0, stationId, null, name, gender, phone, nationalNo, skills, f.teamId(), null, joined, left, 0);
    }

    // ---- teams -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<TeamView> teams(long stationId) {
        access.station(stationId);
        return jdbc.sql("""
                SELECT t.*, (SELECT COUNT(*) FROM volunteer v WHERE v.team_id = t.id AND v.left_on IS NULL) AS n
                FROM volunteer_team t WHERE t.station_id = ? ORDER BY t.founded_on, t.id""")
                .param(stationId)
                .query((rs, i) -> new TeamView(
                        rs.getLong("id"),
                        rs.getLong("station_id"),
                        rs.getString("name"),
                        rs.getObject("founded_on", LocalDate.class),
                        rs.getString("leader_name"),
                        rs.getString("service_area"),
                        rs.getInt("n")))
                .list();
    }

    @Transactional
    public TeamView createTeam(TeamForm form) {
        access.requireWriter();
        TeamForm f = form == null ? new TeamForm(null, null, null, null, null) : form;
        OrgUnitView station = access.station(f.stationId());
        Checks c = new Checks();
        String name = c.text(f.name(), "name", "志愿服务队名称", 100, true);
        LocalDate founded = c.pastDate(f.foundedOn(), "foundedOn", "成立日期", true);
        String leader = c.text(f.leaderName(), "leaderName", "队长", 50, false);
        String area = c.text(f.serviceArea(), "serviceArea", "服务领域", 200, false);
        if (name != null
                && jdbc.sql("SELECT COUNT(*) FROM volunteer_team WHERE station_id = ? AND name = ?")
                                .params(station.id(), name)
                                .query(Long.class)
                                .single()
                        > 0) {
            c.add("name", "志愿服务队名称：本站已有同名志愿服务队");
        }
        c.throwIfAny();
        long id = Sql.insert(
                jdbc,
                "INSERT INTO volunteer_team (station_id, org_path, name, founded_on, leader_name, "
                        + "service_area, created_by, created_at) VALUES (?,?,?,?,?,?,?,?)",
                station.id(),
                station.path(),
                name,
                founded,
                leader,
                area,
                access.me().username(),
                ChinaTime.offsetNow());
        events.publishEvent(AuditEvent.success("VOLUNTEER_TEAM_CREATE", "VOLUNTEER_TEAM", id, station.path(), name));
        return teams(station.id()).stream()
                .filter(t -> t.id() == id)
                .findFirst()
                .orElseThrow();
    }

    // ---- volunteer activities and hours --------------------------------------------------------

    /** Volunteer activities of a station, newest first, with the hours logged at each. */
    @Transactional(readOnly = true)
    public List<ActivityView> activities(long stationId) {
        access.station(stationId);
        List<ServiceRecordView> list = records.list(stationId, ServiceKind.VOLUNTEER_ACTIVITY, null, null);
        Map<Long, List<HoursLine>> hours =
                hoursOf(list.stream().map(ServiceRecordView::id).toList());
        Map<Long, RecordSummary> s =
                records.summaries(list.stream().map(ServiceRecordView::id).toList());
        return list.stream()
                .filter(r -> s.containsKey(r.id()))
                .map(r -> activityView(
                        RecordBridge.ref(s.get(r.id())),
                        r.stationId(),
                        r.place(),
                        hours.getOrDefault(r.id(), List.of())))
                .toList();
    }

    @Transactional(readOnly = true)
    public ActivityView activity(long recordId) {
        ServiceRecordView r = volunteerRecord(recordId);
        RecordRef ref = records.refs(List.of(recordId)).get(0);
        return activityView(
                ref, r.stationId(), r.place(), hoursOf(List.of(recordId)).getOrDefault(recordId, List.of()));
    }

    /** Creates the VOLUNTEER_ACTIVITY record (社工+志愿者); photos and sign-ins go on its record page. */
    @Transactional
    public ActivityView createActivity(Long stationId, RecordInput input) {
        access.requireWriter();
        OrgUnitView station = access.station(stationId);
        ServiceRecordView r = records.create(station.id(), ServiceKind.VOLUNTEER_ACTIVITY, input, "志愿服务活动", List.of());
        return activity(r.id());
    }

    @Transactional
    public HoursLine logHours(long recordId, HoursForm form) {
        access.requireWriter();
        ServiceRecordView r = volunteerRecord(recordId);
        if (r.voided()) {
            throw new ConflictException("该记录已作废，不能再登记服务时长");
        }
        HoursForm f = form == null ? new HoursForm(null, null, null) : form;
        Checks c = new Checks();
        BigDecimal hours = c.hours(f.hours(), "hours", "服务时长", 24);
        String duty = c.text(f.duty(), "duty", "服务内容/岗位", 100, false);
        Row v = null;
        if (f.volunteerId() == null) {
            c.add("volunteerId", "志愿者：请选择参加服务的志愿者");
        } else {
            v = jdbc.sql(SELECT + "WHERE v.id = ?")
                    .param(f.volunteerId())
                    .query(VolunteerService::map)
                    .optional()
                    .filter(x -> x.stationId() == r.stationId())
                    .orElse(null);
            if (v == null) {
                c.add("volunteerId", "志愿者：请选择本站登记的志愿者");
            } else if (v.joinedOn().isAfter(r.serviceDate())
                    || (v.leftOn() != null && v.leftOn().isBefore(r.serviceDate()))) {
                c.add("volunteerId", "志愿者：" + v.name() + " 在服务日期 " + r.serviceDate() + " 不在本站志愿者名册中");
            }
        }
        c.throwIfAny();
        if (jdbc.sql("SELECT COUNT(*) FROM volunteer_service WHERE record_id = ? AND volunteer_id = ?")
                        .params(recordId, v.id())
                        .query(Long.class)
                        .single()
                > 0) {
            throw BusinessException.field("volunteerId", "志愿者：" + v.name() + " 已登记在本次活动中，如需修改请先删除");
        }
        long id = Sql.insert(
                jdbc,
                "INSERT INTO volunteer_service (volunteer_id, station_id, record_id, hours, duty, "
                        + "created_by, created_at) VALUES (?,?,?,?,?,?,?)",
                v.id(),
                r.stationId(),
                recordId,
                hours,
                duty,
                access.me().username(),
                ChinaTime.offsetNow());
        events.publishEvent(AuditEvent.success(
                "VOLUNTEER_HOURS_ADD",
                "VOLUNTEER",
                v.id(),
                v.orgPath(),
                "记录 #" + recordId + " " + hours.toPlainString() + " 小时"));
        return new HoursLine(id, v.id(), v.name(), hours, duty);
    }

    @Transactional
    public void removeHours(long recordId, long serviceId) {
        access.requireWriter();
        ServiceRecordView r = volunteerRecord(recordId);
        if (jdbc.sql("DELETE FROM volunteer_service WHERE id = ? AND record_id = ?")
                        .params(serviceId, recordId)
                        .update()
                == 0) {
            throw new NotFoundException("服务时长记录");
        }
        events.publishEvent(AuditEvent.success(
                "VOLUNTEER_HOURS_REMOVE", "SERVICE_RECORD", recordId, r.orgPath(), "时长 #" + serviceId));
    }

    private ServiceRecordView volunteerRecord(long recordId) {
        ServiceRecordView r = records.get(recordId, "志愿服务活动");
        if (r.kind() != ServiceKind.VOLUNTEER_ACTIVITY) {
            throw new NotFoundException("志愿服务活动");
        }
        return r;
    }

    private Map<Long, List<HoursLine>> hoursOf(List<Long> recordIds) {
        Map<Long, List<HoursLine>> out = new HashMap<>();
        if (recordIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT s.id, s.record_id, s.volunteer_id, v.name, s.hours, s.duty FROM volunteer_service s "
                        + "JOIN volunteer v ON v.id = s.volunteer_id WHERE s.record_id IN (:ids) ORDER BY s.id")
                .param("ids", recordIds)
                .query((rs, n) -> Map.entry(
                        rs.getLong(2),
                        new HoursLine(
                                rs.getLong(1), rs.getLong(3), rs.getString(4), rs.getBigDecimal(5), rs.getString(6))))
                .list()
                .forEach(e ->
                        out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    private static ActivityView activityView(RecordRef ref, long stationId, String place, List<HoursLine> lines) {
        return new ActivityView(
                ref,
                stationId,
                place,
                lines,
                lines.stream().map(HoursLine::hours).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Row visible(long id) {
        Row r = jdbc.sql(SELECT + "WHERE v.id = ?")
                .param(id)
                .query(VolunteerService::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("志愿者"));
        access.requireVisible(r.orgPath(), "志愿者");
        return r;
    }

    private List<VolunteerView> views(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Object[]> served = new ArrayList<>();
        List<Long> ids = rows.stream().map(Row::id).toList();
        for (int i = 0; i < ids.size(); i += 500) {
            served.addAll(jdbc.sql(
                            "SELECT volunteer_id, record_id, hours FROM volunteer_service WHERE volunteer_id IN (:ids)")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)})
                    .list());
        }
        Map<Long, RecordSummary> s = records.summaries(
                served.stream().map(a -> (Long) a[1]).distinct().toList());
        Map<Long, BigDecimal> counting = new HashMap<>();
        Map<Long, BigDecimal> notCounting = new HashMap<>();
        Map<Long, Integer> services = new HashMap<>();
        for (Object[] a : served) {
            RecordSummary sum = s.get((Long) a[1]);
            if (sum == null || sum.voided()) {
                continue;
            }
            if (sum.counts()) {
                counting.merge((Long) a[0], (BigDecimal) a[2], BigDecimal::add);
                services.merge((Long) a[0], 1, Integer::sum);
            } else {
                notCounting.merge((Long) a[0], (BigDecimal) a[2], BigDecimal::add);
            }
        }
        Map<Long, String> stationNames =
                directory.unitNames(rows.stream().map(Row::stationId).distinct().toList());
        return rows.stream()
                .map(r -> new VolunteerView(
                        r.id(),
                        r.stationId(),
                        stationNames.get(r.stationId()),
                        r.name(),
                        r.gender(),
                        Masks.phone(r.phone()),
                        r.nationalNo(),
                        r.skills(),
                        r.teamId(),
                        r.teamName(),
                        r.joinedOn(),
                        r.leftOn(),
                        counting.getOrDefault(r.id(), BigDecimal.ZERO),
                        services.getOrDefault(r.id(), 0),
                        notCounting.getOrDefault(r.id(), BigDecimal.ZERO),
                        r.version()))
                .toList();
    }
}
