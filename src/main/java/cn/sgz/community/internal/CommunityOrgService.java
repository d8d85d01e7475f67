package cn.sgz.community.internal;

import cn.sgz.activity.RecordSummaries.RecordSummary;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitView;
import cn.sgz.org.Scope;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.PhoneNumbers;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 社区社会组织: organisations a station cultivates, their members and backbone members, and the service
 * records that are their activities or the guidance they received. Read and written inside the caller's scope.
 */
@Service
public class CommunityOrgService {

    /** Kinds of service record that can be an organisation's activity. */
    public static final Set<ServiceKind> ACTIVITY_KINDS =
            EnumSet.of(ServiceKind.ORG_ACTIVITY, ServiceKind.ORG_GUIDANCE);

    public record OrgForm(
            Long stationId,
            String name,
            CommunityOrgType type,
            LocalDate foundedOn,
            FilingStatus filingStatus,
            LocalDate filedOn,
            Integer memberCount,
            String leaderName,
            String description,
            LocalDate dissolvedOn) {}

    public record OrgView(
            long id,
            long stationId,
            String stationName,
            String name,
            CommunityOrgType type,
            LocalDate foundedOn,
            FilingStatus filingStatus,
            LocalDate filedOn,
            int memberCount,
            String leaderName,
            String description,
            LocalDate dissolvedOn,
            int backboneCount,
            int activityCount,
            int countingActivityCount,
            long version) {

        public String typeLabel() {
            return type.label();
        }

        public String filingLabel() {
            return filingStatus.label();
        }
    }

    /** @param leaderName 负责人; a member can be a backbone member (骨干) with a role such as 会长、队长. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CommunityOrgMemberForm")
    public record MemberForm(
            String name, String phone, String role, Boolean backbone, LocalDate joinedOn, LocalDate leftOn) {}

    /** A member as lists show them: the phone masked; trained when a counting backbone training lists them. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CommunityOrgMemberView")
    public record MemberView(
            long id,
            long orgId,
            String name,
            String maskedPhone,
            String role,
            boolean backbone,
            LocalDate joinedOn,
            LocalDate leftOn,
            int trainingsAttended,
            boolean trained) {}

    public record OrgDetail(
            OrgView org,
            List<MemberView> members,
            List<StationDocumentService.DocumentView> documents,
            List<RecordRef> activities,
            List<TrainingService.TrainingView> trainings) {}

    /** One event of a station's cultivation history (培育历程). */
    public record TimelineEvent(
            LocalDate date, String what, long orgId, String orgName, String text, Long recordId, Boolean counts) {}

    private final JdbcClient jdbc;
    private final CommunityAccess access;
    private final OrgDirectory directory;
    private final RecordBridge records;
    private final StationDocumentService documents;
    private final TrainingService trainings;
    private final ApplicationEventPublisher events;

    CommunityOrgService(
            JdbcClient jdbc,
            CommunityAccess access,
            OrgDirectory directory,
            RecordBridge records,
            StationDocumentService documents,
            TrainingService trainings,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.directory = directory;
        this.records = records;
        this.documents = documents;
        this.trainings = trainings;
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
            CommunityOrgType type,
            LocalDate foundedOn,
            FilingStatus filingStatus,
            LocalDate filedOn,
            int memberCount,
            String leaderName,
            String description,
            LocalDate dissolvedOn,
            long version) {}

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getLong("station_id"),
                rs.getString("org_path"),
                rs.getString("name"),
                CommunityOrgType.valueOf(rs.getString("org_type")),
                rs.getObject("founded_on", LocalDate.class),
                FilingStatus.valueOf(rs.getString("filing_status")),
                rs.getObject("filed_on", LocalDate.class),
                rs.getInt("member_count"),
                rs.getString("leader_name"),
                rs.getString("description"),
                rs.getObject("dissolved_on", LocalDate.class),
                rs.getLong("version"));
    }

    /** Organisations of one station (or of every visible station when null), oldest first. */
    @Transactional(readOnly = true)
    public List<OrgView> list(Long stationId) {
        Scope scope = access.scope();
        List<Object> params = new ArrayList<>(scope.likePatterns());
        String where = scope.sqlCondition("org_path");
        if (stationId != null) {
            access.station(stationId);
            where += " AND station_id = ?";
            params.add(stationId);
        }
        List<Row> rows = jdbc.sql("SELECT * FROM community_org WHERE " + where + " ORDER BY founded_on, id")
                .params(params)
                .query(CommunityOrgService::map)
                .list();
        return views(rows);
    }

    @Transactional(readOnly = true)
    public OrgView get(long id) {
        return views(List.of(visible(id))).get(0);
    }

    @Transactional(readOnly = true)
    public OrgDetail detail(long id) {
        OrgView org = get(id);
        return new OrgDetail(org, members(id), documents.ofOrg(id), activities(id), trainings.ofOrg(id));
    }

    @Transactional
    public OrgView create(OrgForm form) {
        access.requireWriter();
        OrgUnitView station = access.station(form == null ? null : form.stationId());
        Row r = validated(form, station);
        requireUniqueName(station.id(), r.name(), null);
        OffsetDateTime now = ChinaTime.offsetNow();
        long id = Sql.insert(
                jdbc,
                """
                INSERT INTO community_org (station_id, org_path, name, org_type, founded_on, filing_status, filed_on,
                    member_count, leader_name, description, dissolved_on, created_by, created_at, updated_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                station.id(),
                station.path(),
                r.name(),
                r.type().name(),
                r.foundedOn(),
                r.filingStatus().name(),
                r.filedOn(),
                r.memberCount(),
                r.leaderName(),
                r.description(),
                r.dissolvedOn(),
                access.me().username(),
                now,
                now);
        events.publishEvent(AuditEvent.success("COMMUNITY_ORG_CREATE", "COMMUNITY_ORG", id, station.path(), r.name()));
        return get(id);
    }

    @Transactional
    public OrgView update(long id, OrgForm form, Long expectedVersion) {
        access.requireWriter();
        Row current = visible(id);
        OrgUnitView station = access.station(current.stationId());
        Row r = validated(form, station);
        requireUniqueName(station.id(), r.name(), id);
        if (expectedVersion == null) {
            throw cn.sgz.shared.BusinessException.field("version", "版本号：缺少版本号，请先读取再修改");
        }
        int n = jdbc.sql("""
                UPDATE community_org SET name = ?, org_type = ?, founded_on = ?, filing_status = ?, filed_on = ?,
                    member_count = ?, leader_name = ?, description = ?, dissolved_on = ?, updated_at = ?,
                    version = version + 1 WHERE id = ? AND version = ?""")
                .params(
                        r.name(),
                        r.type().name(),
                        r.foundedOn(),
                        r.filingStatus().name(),
                        r.filedOn(),
                        r.memberCount(),
                        r.leaderName(),
                        r.description(),
                        r.dissolvedOn(),
                        ChinaTime.offsetNow(),
                        id,
                        expectedVersion)
                .update();
        if (n == 0) {
            throw new ConflictException("保存失败：该组织在您打开之后已被他人修改，请刷新后重新修改");
        }
        events.publishEvent(
                AuditEvent.success("COMMUNITY_ORG_UPDATE", "COMMUNITY_ORG", id, current.orgPath(), r.name()));
        return get(id);
    }

    private Row validated(OrgForm f, OrgUnitView station) {
        Checks c = new Checks();
        if (f == null) {
            f = new OrgForm(null, null, null, null, null, null, null, null, null, null);
        }
        String name = c.text(f.name(), "name", "组织名称", 100, true);
        c.required(f.type(), "type", "组织类型");
        LocalDate founded = c.pastDate(f.foundedOn(), "foundedOn", "成立日期", true);
        FilingStatus status = f.filingStatus() == null ? FilingStatus.UNFILED : f.filingStatus();
        LocalDate filed = c.pastDate(f.filedOn(), "filedOn", "备案/登记日期", false);
        if (status != FilingStatus.UNFILED && filed == null) {
            c.add("filedOn", "备案/登记日期：已备案或已登记的组织请填写备案/登记日期");
        }
        if (filed != null && founded != null && filed.isBefore(founded)) {
            c.add("filedOn", "备案/登记日期：不能早于成立日期");
        }
        int members = f.memberCount() == null ? 0 : f.memberCount();
        if (members < 0 || members > 100000) {
            c.add("memberCount", "成员人数：应在 0～100000 之间");
        }
        String leader = c.text(f.leaderName(), "leaderName", "负责人", 50, false);
        String description = c.text(f.description(), "description", "组织简介", 2000, false);
        LocalDate dissolved = c.pastDate(f.dissolvedOn(), "dissolvedOn", "注销/解散日期", false);
        if (dissolved != null && founded != null && dissolved.isBefore(founded)) {
            c.add("dissolvedOn", "注销/解散日期：不能早于成立日期");
        }
        c.throwIfAny();
        return new Row(
                0,
                station.id(),
                station.path(),
                name,
                f.type(),
                founded,
                status,
                status == FilingStatus.UNFILED ? null : filed,
                members,
                leader,
                description,
                dissolved,
                0);
    }

    private void requireUniqueName(long stationId, String name, Long except) {
        boolean taken = jdbc.sql("SELECT COUNT(*) FROM community_org WHERE station_id = ? AND name = ? AND id <> ?")
                        .params(stationId, name, except == null ? -1 : except)
                        .query(Long.class)
                        .single()
                > 0;
        if (taken) {
            throw cn.sgz.shared.BusinessException.field("name", "组织名称：本站已有同名组织“" + name + "”");
        }
    }

    // ---- members -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<MemberView> members(long orgId) {
        visible(orgId);
        return memberViews(orgId);
    }

    @Transactional
    public MemberView addMember(long orgId, MemberForm form) {
        access.requireWriter();
        Row org = visible(orgId);
        MemberForm f = validMember(form, org, true);
        long id = Sql.insert(
                jdbc,
                """
                INSERT INTO community_org_member (org_id, station_id, name, phone, role, backbone, joined_on, left_on,
                    created_at) VALUES (?,?,?,?,?,?,?,?,?)""",
                orgId,
                org.stationId(),
                f.name(),
                f.phone(),
                f.role(),
                Boolean.TRUE.equals(f.backbone()),
                f.joinedOn(),
                f.leftOn(),
                ChinaTime.offsetNow());
        events.publishEvent(
                AuditEvent.success("COMMUNITY_MEMBER_ADD", "COMMUNITY_ORG", orgId, org.orgPath(), "成员 #" + id));
        return memberViews(orgId).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    /** Changes a member; a blank phone keeps the one on file (lists only ever show it masked). */
    @Transactional
    public MemberView updateMember(long orgId, long memberId, MemberForm form) {
        access.requireWriter();
        Row org = visible(orgId);
        String oldPhone = jdbc.sql("SELECT phone FROM community_org_member WHERE id = ? AND org_id = ?")
                .params(memberId, orgId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("成员"));
        MemberForm f = validMember(form, org, false);
        jdbc.sql("UPDATE community_org_member SET name = ?, phone = ?, role = ?, backbone = ?, joined_on = ?, "
                        + "left_on = ? WHERE id = ?")
                .params(
                        f.name(),
                        f.phone() == null ? oldPhone : f.phone(),
                        f.role(),
                        Boolean.TRUE.equals(f.backbone()),
                        f.joinedOn(),
                        f.leftOn(),
                        memberId)
                .update();
        events.publishEvent(AuditEvent.success(
                "COMMUNITY_MEMBER_UPDATE", "COMMUNITY_ORG", orgId, org.orgPath(), "成员 #" + memberId));
        return memberViews(orgId).stream()
                .filter(m -> m.id() == memberId)
                .findFirst()
                .orElseThrow();
    }

    private MemberForm validMember(MemberForm f, Row org, boolean adding) {
        Checks c = new Checks();
        if (f == null) {
            f = new MemberForm(null, null, null, null, null, null);
        }
        String name = c.text(f.name(), "name", "成员姓名", 50, true);
        String phone = null;
        boolean phoneOk = true;
        try {
            phone = PhoneNumbers.normalizeOptional("phone", f.phone());
        } catch (cn.sgz.shared.BusinessException e) {
            phoneOk = false;
            c.add("phone", "联系电话：" + e.getMessage());
        }
        String role = c.text(f.role(), "role", "职务/角色", 50, false);
        LocalDate joined = c.pastDate(f.joinedOn() == null ? org.foundedOn() : f.joinedOn(), "joinedOn", "加入日期", true);
        LocalDate left = c.pastDate(f.leftOn(), "leftOn", "退出日期", false);
        if (left != null && joined != null && left.isBefore(joined)) {
            c.add("leftOn", "退出日期：不能早于加入日期");
        }
        if (adding && phoneOk && Boolean.TRUE.equals(f.backbone()) && phone == null) {
            // backbone members are contacted for trainings; the list of 骨干人才 needs a phone
            c.add("phone", "联系电话：骨干成员请填写联系电话");
        }
        c.throwIfAny();
        return new MemberForm(name, phone, role, f.backbone(), joined, left);
    }

    private List<MemberView> memberViews(long orgId) {
        record M(long id, String name, String phone, String role, boolean backbone, LocalDate joined, LocalDate left) {}
        List<M> rows = jdbc.sql("SELECT * FROM community_org_member WHERE org_id = ? ORDER BY backbone DESC, id")
                .param(orgId)
                .query((rs, n) -> new M(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("phone"),
                        rs.getString("role"),
                        rs.getBoolean("backbone"),
                        rs.getObject("joined_on", LocalDate.class),
                        rs.getObject("left_on", LocalDate.class)))
                .list();
        Map<Long, Integer> trained =
                trainings.countingTrainingsByMember(rows.stream().map(M::id).toList());
        return rows.stream()
                .map(m -> new MemberView(
                        m.id(),
                        orgId,
                        m.name(),
                        Masks.phone(m.phone()),
                        m.role(),
                        m.backbone(),
                        m.joined(),
                        m.left(),
                        trained.getOrDefault(m.id(), 0),
                        trained.getOrDefault(m.id(), 0) > 0))
                .toList();
    }

    // ---- activities --------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<RecordRef> activities(long orgId) {
        visible(orgId);
        return records.refs(linkedRecordIds(orgId));
    }

    /** Links an existing ORG_ACTIVITY / ORG_GUIDANCE record of the same station. */
    @Transactional
    public RecordRef linkRecord(long orgId, Long recordId) {
        access.requireWriter();
        Row org = visible(orgId);
        ServiceRecordView r = records.requireRecord(recordId, org.stationId(), ACTIVITY_KINDS, "recordId");
        boolean linked = jdbc.sql("SELECT COUNT(*) FROM community_org_record WHERE org_id = ? AND record_id = ?")
                        .params(orgId, r.id())
                        .query(Long.class)
                        .single()
                > 0;
        if (!linked) {
            jdbc.sql("INSERT INTO community_org_record (org_id, station_id, record_id, created_by, created_at) "
                            + "VALUES (?,?,?,?,?)")
                    .params(orgId, org.stationId(), r.id(), access.me().username(), ChinaTime.offsetNow())
                    .update();
            events.publishEvent(AuditEvent.success(
                    "COMMUNITY_ORG_LINK_RECORD", "COMMUNITY_ORG", orgId, org.orgPath(), "记录 #" + r.id()));
        }
        return records.refs(List.of(r.id())).get(0);
    }

    /** Creates the service record of an activity (or of guidance given to the organisation) and links it. */
    @Transactional
    public RecordRef addActivity(long orgId, ServiceKind kind, RecordInput input) {
        access.requireWriter();
        Row org = visible(orgId);
        if (kind == null || !ACTIVITY_KINDS.contains(kind)) {
            throw cn.sgz.shared.BusinessException.field("kind", "活动类型：请选择“社区社会组织活动”或“社区社会组织培育指导”");
        }
        ServiceRecordView r =
                records.create(org.stationId(), kind, input, org.name() + " · " + kind.label(), List.of());
        return linkRecord(orgId, r.id());
    }

    @Transactional
    public void unlinkRecord(long orgId, long recordId) {
        access.requireWriter();
        Row org = visible(orgId);
        if (jdbc.sql("DELETE FROM community_org_record WHERE org_id = ? AND record_id = ?")
                        .params(orgId, recordId)
                        .update()
                == 0) {
            throw new NotFoundException("关联记录");
        }
        events.publishEvent(AuditEvent.success(
                "COMMUNITY_ORG_UNLINK_RECORD", "COMMUNITY_ORG", orgId, org.orgPath(), "记录 #" + recordId));
    }

    private List<Long> linkedRecordIds(long orgId) {
        return jdbc.sql("SELECT record_id FROM community_org_record WHERE org_id = ?")
                .param(orgId)
                .query(Long.class)
                .list();
    }

    // ---- cultivation history ------------------------------------------------------------------

    /** 培育历程 of a station: organisations founded, filed or registered, backbone trainings and activities, newest first. */
    @Transactional(readOnly = true)
    public List<TimelineEvent> timeline(long stationId) {
        List<OrgView> orgs = list(stationId);
        Map<Long, String> names = new HashMap<>();
        List<TimelineEvent> out = new ArrayList<>();
        for (OrgView o : orgs) {
            names.put(o.id(), o.name());
            out.add(new TimelineEvent(o.foundedOn(), "成立", o.id(), o.name(), o.typeLabel() + "组织成立", null, null));
            if (o.filedOn() != null) {
                out.add(new TimelineEvent(
                        o.filedOn(),
                        o.filingStatus() == FilingStatus.REGISTERED ? "登记" : "备案",
                        o.id(),
                        o.name(),
                        o.filingLabel(),
                        null,
                        null));
            }
            if (o.dissolvedOn() != null) {
                out.add(new TimelineEvent(o.dissolvedOn(), "注销", o.id(), o.name(), "组织注销/解散", null, null));
            }
        }
        if (!orgs.isEmpty()) {
            List<Map.Entry<Long, Long>> links = jdbc.sql(
                            "SELECT org_id, record_id FROM community_org_record " + "WHERE station_id = ?")
                    .param(stationId)
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                    .list();
            Map<Long, RecordSummary> s =
                    records.summaries(links.stream().map(Map.Entry::getValue).toList());
            for (Map.Entry<Long, Long> l : links) {
                RecordSummary r = s.get(l.getValue());
                if (r != null && !r.voided()) {
                    out.add(new TimelineEvent(
                            r.serviceDate(),
                            r.kind() == ServiceKind.ORG_GUIDANCE ? "指导" : "活动",
                            l.getKey(),
                            names.get(l.getKey()),
                            r.title(),
                            r.id(),
                            r.counts()));
                }
            }
            for (TrainingService.TrainingView t : trainings.list(stationId, TrainingAudience.BACKBONE)) {
                if (t.orgId() != null && t.record() != null && !t.record().voided()) {
                    out.add(new TimelineEvent(
                            t.record().serviceDate(),
                            "培训",
                            t.orgId(),
                            names.get(t.orgId()),
                            t.topic() + "（" + t.attendees().size() + " 名骨干参训）",
                            t.record().recordId(),
                            t.record().counts()));
                }
            }
        }
        out.sort(Comparator.comparing(TimelineEvent::date).reversed());
        return out;
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Row visible(long id) {
        Row r = jdbc.sql("SELECT * FROM community_org WHERE id = ?")
                .param(id)
                .query(CommunityOrgService::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("社区社会组织"));
        access.requireVisible(r.orgPath(), "社区社会组织");
        return r;
    }

    private List<OrgView> views(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, Integer> backbone = new HashMap<>();
        jdbc.sql("SELECT org_id, COUNT(*) FROM community_org_member WHERE backbone AND left_on IS NULL "
                        + "AND org_id IN (:ids) GROUP BY org_id")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2)))
                .list()
                .forEach(e -> backbone.put(e.getKey(), e.getValue()));
        List<Map.Entry<Long, Long>> links = jdbc.sql(
                        "SELECT org_id, record_id FROM community_org_record " + "WHERE org_id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list();
        Map<Long, RecordSummary> summaries =
                records.summaries(links.stream().map(Map.Entry::getValue).toList());
        Map<Long, int[]> activity = new HashMap<>();
        for (Map.Entry<Long, Long> l : links) {
            RecordSummary s = summaries.get(l.getValue());
            if (s != null && !s.voided()) {
                int[] a = activity.computeIfAbsent(l.getKey(), k -> new int[2]);
                a[0]++;
                a[1] += s.counts() ? 1 : 0;
            }
        }
        Map<Long, String> stationNames =
                directory.unitNames(rows.stream().map(Row::stationId).distinct().toList());
        return rows.stream()
                .map(r -> {
                    int[] a = activity.getOrDefault(r.id(), new int[2]);
                    return new OrgView(
                            r.id(),
                            r.stationId(),
                            stationNames.get(r.stationId()),
                            r.name(),
                            r.type(),
                            r.foundedOn(),
                            r.filingStatus(),
                            r.filedOn(),
                            r.memberCount(),
                            r.leaderName(),
                            r.description(),
                            r.dissolvedOn(),
                            backbone.getOrDefault(r.id(), 0),
                            a[0],
                            a[1],
                            r.version());
                })
                .toList();
    }
}
