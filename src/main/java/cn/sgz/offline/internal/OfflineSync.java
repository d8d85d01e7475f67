package cn.sgz.offline.internal;

import cn.sgz.activity.RecordForm;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.casework.CaseFieldWork;
import cn.sgz.evidence.QualificationStatus;
import cn.sgz.org.CurrentUser;
import cn.sgz.org.Role;
import cn.sgz.org.ScopeService;
import cn.sgz.recipient.FieldWork;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores each offline entry once per client id. The claim row and the entry's writes share one transaction: a
 * refused entry leaves nothing behind (the phone keeps it), an accepted one is answered the same way however often
 * it is sent again. Two sends racing each other meet at the unique client id; the loser reads the winner's answer.
 */
@Service
class OfflineSync {

    /** Roles that work in the field and may keep a working set on their phone. */
    static final Set<Role> FIELD_ROLES = EnumSet.of(Role.SOCIAL_WORKER, Role.STATION_HEAD);

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final JdbcClient jdbc;
    private final ScopeService scopes;
    private final FieldWork fieldWork;
    private final CaseFieldWork caseWork;
    private final ServiceRecordService records;
    private final ApplicationEventPublisher events;

    OfflineSync(
            JdbcClient jdbc,
            ScopeService scopes,
            FieldWork fieldWork,
            CaseFieldWork caseWork,
            ServiceRecordService records,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.fieldWork = fieldWork;
        this.caseWork = caseWork;
        this.records = records;
        this.events = events;
    }

    /** One person signing in at a gathering. */
    record SignIn(String name, String phone, Long recipientId) {}

    /**
     * What the phone sends: its own id for the entry, the phone's time when it was made, and either a follow-up or a
     * service record with its sign-ins, or a session of a case.
     */
    record EntryInput(
            String clientId,
            EntryKind kind,
            OffsetDateTime capturedAt,
            FieldWork.OfflineFollowUp followUp,
            FieldWork.OfflineAssessment assessment,
            RecordForm record,
            List<SignIn> signIns,
            CaseFieldWork.OfflineSession caseSession) {}

    /**
     * The answer for an entry: what was stored (the same on every later send; {@code replayed} says it was sent
     * before) and the record's qualification now (计入, or the reasons it does not count).
     */
    record EntryResult(
            String clientId,
            EntryKind kind,
            boolean replayed,
            OffsetDateTime capturedAt,
            OffsetDateTime receivedAt,
            Long serviceRecordId,
            Long followUpId,
            Long recipientId,
            Long caseId,
            Long caseSessionId,
            String summary,
            QualificationStatus qualification,
            List<String> reasons) {}

    CurrentUser requireFieldRole() {
        CurrentUser me = scopes.currentUser();
        if (!FIELD_ROLES.contains(me.role())) {
            throw new ForbiddenException("离线记录只提供给驻站社工和社工站站长");
        }
        return me;
    }

    boolean isFieldRole() {
        return scopes.findCurrentUser().map(u -> FIELD_ROLES.contains(u.role())).orElse(false);
    }

    @Transactional
    EntryResult submit(EntryInput in) {
        CurrentUser me = requireFieldRole();
        String clientId = in.clientId() == null ? null : in.clientId().strip();
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw BusinessException.field("clientId", "离线记录编号（clientId）应为8～64位字母、数字或连字符");
        }
        Optional<Stored> prior = find(clientId);
        if (prior.isPresent()) {
            return answer(prior.get(), me, true);
        }
        if (in.kind() == null) {
            throw BusinessException.field(
                    "kind", "请说明离线记录的类型（FOLLOW_UP、HOME_ASSESSMENT、SERVICE_RECORD 或 CASE_SESSION）");
        }
        if (in.capturedAt() == null) {
            throw BusinessException.field("capturedAt", "缺少手机上的记录时间（capturedAt）");
        }
        OffsetDateTime received = ChinaTime.offsetNow();
        // the claim: a concurrent send of the same entry waits here and then fails on the unique client id
        jdbc.sql("INSERT INTO offline_entry (client_id, username, kind, captured_at, received_at) VALUES (?,?,?,?,?)")
                .params(clientId, me.username(), in.kind().name(), in.capturedAt(), received)
                .update();
        Long recordId;
        Long followUpId = null;
        Long recipientId = null;
        Long caseId = null;
        Long caseSessionId = null;
        String summary;
        if (in.kind() == EntryKind.CASE_SESSION) {
            if (in.caseSession() == null) {
                throw BusinessException.field("caseSession", "缺少个案过程记录内容");
            }
            CaseFieldWork.RecordedSession r = caseWork.recordSession(in.caseSession());
            recordId = r.serviceRecordId();
            recipientId = r.recipientId();
            caseId = r.caseId();
            caseSessionId = r.sessionId();
            summary = "个案“" + r.caseTitle() + "”（" + r.caseCode() + "）过程记录";
        } else if (in.kind() == EntryKind.FOLLOW_UP) {
            if (in.followUp() == null) {
                throw BusinessException.field("followUp", "缺少回访内容");
            }
            FieldWork.RecordedFollowUp r = fieldWork.recordFollowUp(in.followUp());
            recordId = r.serviceRecordId();
            followUpId = r.followUpId();
            recipientId = r.recipientId();
            summary = "回访“" + r.recipientName() + "”";
        } else if (in.kind() == EntryKind.HOME_ASSESSMENT) {
            if (in.assessment() == null) {
                throw BusinessException.field("assessment", "缺少入户评估内容");
            }
            FieldWork.RecordedAssessment r = fieldWork.recordAssessment(in.assessment());
            recordId = r.serviceRecordId();
            recipientId = r.recipientId();
            summary = "入户评估“" + r.recipientName() + "”（评估 #" + r.assessmentId() + "）";
        } else {
            if (in.record() == null) {
                throw BusinessException.field("record", "缺少服务记录内容");
            }
            ServiceRecordView v = records.create(in.record());
            recordId = v.id();
            List<SignIn> signIns = in.signIns() == null ? List.of() : in.signIns();
            for (int i = 0; i < signIns.size(); i++) {
                SignIn s = signIns.get(i);
                try {
                    records.addSignIn(v.id(), s.name(), s.phone(), s.recipientId());
                } catch (BusinessException e) {
                    String field = e.problems().isEmpty()
                            ? "name"
                            : e.problems().get(0).field();
                    throw BusinessException.field(
                            "signIns[" + i + "]." + field, "第" + (i + 1) + "位签到人：" + e.getMessage());
                }
            }
            summary = v.kind().label() + "“" + (v.title() == null ? v.serviceDate() : v.title()) + "”，签到"
                    + signIns.size() + "人";
        }
        String path = recordId == null ? null : records.get(recordId).orgPath();
        jdbc.sql("UPDATE offline_entry SET service_record_id = ?, followup_id = ?, recipient_id = ?, case_id = ?, "
                        + "case_session_id = ?, org_path = ?, result_json = ? WHERE client_id = ?")
                .params(recordId, followUpId, recipientId, caseId, caseSessionId, path, summary, clientId)
                .update();
        events.publishEvent(AuditEvent.success(
                "OFFLINE_SYNC",
                "SERVICE_RECORD",
                recordId,
                path,
                in.kind().label() + " " + clientId + "，手机记录于 " + in.capturedAt()));
        return answer(find(clientId).orElseThrow(), me, false);
    }

    /** The stored answer for an entry already sent (after a race lost at the unique client id). */
    @Transactional(readOnly = true)
    EntryResult replay(String clientId) {
        CurrentUser me = requireFieldRole();
        return answer(find(clientId).orElseThrow(() -> new NotFoundException("离线记录")), me, true);
    }

    @Transactional(readOnly = true)
    EntryResult get(String clientId) {
        CurrentUser me = requireFieldRole();
        Stored s = find(clientId)
                .filter(x -> x.username().equals(me.username()))
                .orElseThrow(() -> new NotFoundException("离线记录"));
        return answer(s, me, false);
    }

    /** The user's own synced entries, newest first. */
    @Transactional(readOnly = true)
    List<EntryResult> mine(int limit) {
        CurrentUser me = requireFieldRole();
        List<EntryResult> out = new ArrayList<>();
        for (Stored s : jdbc
                .sql("SELECT * FROM offline_entry WHERE username = ? ORDER BY received_at DESC, id DESC")
                .param(me.username())
                .query(OfflineSync::map)
                .list()
                .stream()
                .limit(Math.max(1, Math.min(limit, 500)))
                .toList()) {
            out.add(answer(s, me, false));
        }
        return out;
    }

    private EntryResult answer(Stored s, CurrentUser me, boolean replayed) {
        if (!s.username().equals(me.username())) {
            throw new ConflictException("离线记录编号 " + s.clientId() + " 已被其他账号使用，请重新生成编号后提交");
        }
        QualificationStatus q = null;
        List<String> reasons = List.of();
        if (s.serviceRecordId() != null) {
            try {
                ServiceRecordView v = records.get(s.serviceRecordId());
                q = v.qualification();
                reasons = v.reasons() == null
                        ? List.of()
                        : v.reasons().stream()
                                .map(r -> r.detail() == null ? r.label() : r.label() + "（" + r.detail() + "）")
                                .toList();
            } catch (NotFoundException | ForbiddenException e) {
                reasons = List.of("该记录已不在您的管辖范围内");
            }
        }
        return new EntryResult(
                s.clientId(),
                s.kind(),
                replayed,
                s.capturedAt(),
                s.receivedAt(),
                s.serviceRecordId(),
                s.followUpId(),
                s.recipientId(),
                s.caseId(),
                s.caseSessionId(),
                s.summary(),
                q,
                reasons);
    }

    private Optional<Stored> find(String clientId) {
        return jdbc.sql("SELECT * FROM offline_entry WHERE client_id = ?")
                .param(clientId)
                .query(OfflineSync::map)
                .optional();
    }

    private record Stored(
            String clientId,
            String username,
            EntryKind kind,
            OffsetDateTime capturedAt,
            OffsetDateTime receivedAt,
            Long serviceRecordId,
            Long followUpId,
            Long recipientId,
            Long caseId,
            Long caseSessionId,
            String summary) {}

    private static Stored map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Stored(
                rs.getString("client_id"),
                rs.getString("username"),
                EntryKind.valueOf(rs.getString("kind")),
                rs.getObject("captured_at", OffsetDateTime.class),
                rs.getObject("received_at", OffsetDateTime.class),
                (Long) rs.getObject("service_record_id", Long.class),
                (Long) rs.getObject("followup_id", Long.class),
                (Long) rs.getObject("recipient_id", Long.class),
                (Long) rs.getObject("case_id", Long.class),
                (Long) rs.getObject("case_session_id", Long.class),
                rs.getString("result_json"));
    }
}
