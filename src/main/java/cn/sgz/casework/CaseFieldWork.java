package cn.sgz.casework;

import cn.sgz.casework.internal.CaseService;
import cn.sgz.casework.internal.CaseStage;
import cn.sgz.casework.internal.CaseStore;
import cn.sgz.casework.internal.CaseView;
import cn.sgz.casework.internal.CaseworkAccess;
import cn.sgz.casework.internal.CaseworkInputs;
import cn.sgz.casework.internal.FormType;
import cn.sgz.casework.internal.SessionView;
import cn.sgz.org.Role;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a worker takes into the field of their cases and brings back (issue 21): the open cases that take a session
 * (a social worker's own, a station head's every one of the station), the client shown as the case pages show it —
 * name and the masked hint copied at intake, never a full ID number — and sessions (过程记录表) recorded offline,
 * written exactly like the online form (same checks, same service record, same 第N节 counting).
 */
@Service
public class CaseFieldWork {

    /** At most this many cases go onto a phone. */
    public static final int MAX_CASES = 200;

    private final CaseStore cases;
    private final CaseService caseService;
    private final CaseworkAccess access;
    private final int sessionDays;
    private final int stalledWeeks;

    CaseFieldWork(
            CaseStore cases,
            CaseService caseService,
            CaseworkAccess access,
            @Value("${sgz.casework.session-days:14}") int sessionDays,
            @Value("${sgz.casework.stalled-weeks:4}") int stalledWeeks) {
        this.cases = cases;
        this.caseService = caseService;
        this.access = access;
        this.sessionDays = sessionDays;
        this.stalledWeeks = stalledWeeks;
    }

    /** An open case as the phone keeps it; {@code dueOn} is when the next session is due (as on the to-do list). */
    public record OpenCase(
            long id,
            String code,
            String title,
            long recipientId,
            String clientName,
            String clientHint,
            String stationName,
            String stageLabel,
            LocalDate openedOn,
            LocalDate lastSessionOn,
            int sessions,
            LocalDate dueOn,
            boolean due,
            boolean overdue) {}

    /** One field of the 过程记录表, for the phone to draw the form. */
    public record SessionField(String key, String label, boolean required, int max, String hint) {}

    /**
     * Open cases that take a session now (work plan done, not waiting for closure, not closed), most pressing
     * first. A social worker gets their own cases; a station head every case of the station. Empty for other roles.
     */
    @Transactional(readOnly = true)
    public List<OpenCase> openCases() {
        if (!access.me().role().doesStationWork()) {
            return List.of();
        }
        LocalDate today = ChinaTime.today();
        Long mine = access.me().role() == Role.SOCIAL_WORKER ? access.me().id() : null;
        List<OpenCase> out = new ArrayList<>();
        for (CaseView c : caseService.named(cases.list(access.scope(), null, null, mine, 1000))) {
            if (c.stage().frozen() || !c.stage().open() || !c.stage().atLeast(CaseStage.PLANNED)) {
                continue;
            }
            LocalDate last = c.lastSessionOn() != null ? c.lastSessionOn() : c.openedOn();
            LocalDate dueOn = last.plusDays(sessionDays);
            out.add(new OpenCase(
                    c.id(),
                    c.code(),
                    c.title(),
                    c.recipientId(),
                    c.clientName(),
                    c.clientHint(),
                    c.stationName(),
                    c.stageLabel(),
                    c.openedOn(),
                    c.lastSessionOn(),
                    c.sessions(),
                    dueOn,
                    !dueOn.isAfter(today),
                    last.isBefore(today.minusWeeks(stalledWeeks))));
        }
        out.sort(Comparator.comparing((OpenCase c) -> c.overdue() ? 0 : c.due() ? 1 : 2)
                .thenComparing(OpenCase::dueOn)
                .thenComparing(OpenCase::id));
        return out.size() > MAX_CASES ? out.subList(0, MAX_CASES) : out;
    }

    /** The fields of the 过程记录表 (the same as the online form). */
    public List<SessionField> sessionFields() {
        return FormType.CASE_PROCESS.fields().stream()
                .map(f -> new SessionField(f.key(), f.label(), f.required(), f.max(), f.hint()))
                .toList();
    }

    /** A case session made offline: the service date, time and place, and the 过程记录表 fields. */
    public record OfflineSession(
            Long caseId,
            LocalDate serviceDate,
            String startTime,
            String endTime,
            String place,
            Map<String, String> fields) {}

    /** The stored session: its case, the service record behind it, and whether it counts (第N节) or why not. */
    public record RecordedSession(
            long caseId,
            String caseCode,
            String caseTitle,
            long sessionId,
            long serviceRecordId,
            long recipientId,
            String clientName,
            Integer number,
            boolean counts,
            String reason) {}

    /**
     * Records a session made offline, through the same service as the online form. A case no longer visible
     * (moved, deleted) or frozen meanwhile (closure submitted or approved while the phone was away) is refused with
     * a reason naming {@code caseId}, so the entry stays on the phone for the worker to change or discard.
     */
    @Transactional
    public RecordedSession recordSession(OfflineSession s) {
        if (s.caseId() == null) {
            throw BusinessException.field("caseId", "请选择个案");
        }
        if (s.serviceDate() == null) {
            throw BusinessException.field("serviceDate", "请填写服务日期");
        }
        if (s.serviceDate().isAfter(ChinaTime.today())) {
            throw BusinessException.field("serviceDate", "服务日期不能晚于今天");
        }
        CaseView c;
        try {
            c = caseService.get(s.caseId());
        } catch (NotFoundException e) {
            throw BusinessException.field("caseId", "该个案已不在您的管辖范围内（可能已转到其他站或被删除），这条过程记录不能保存；请核对后修改或放弃");
        }
        SessionView v;
        try {
            v = caseService.addSession(
                    c.id(),
                    new CaseworkInputs.NewSession(
                            s.serviceDate(), s.startTime(), s.endTime(), s.place(), null, s.fields(), null),
                    null);
        } catch (ConflictException e) {
            throw BusinessException.field("caseId", "个案“" + c.title() + "”在您离线期间已提交结案或已结案，不能再记录服务过程：" + e.getMessage());
        }
        return new RecordedSession(
                c.id(),
                c.code(),
                c.title(),
                v.id(),
                v.recordId(),
                c.recipientId(),
                c.clientName(),
                v.number(),
                v.counts(),
                v.reason());
    }
}
