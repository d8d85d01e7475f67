package cn.sgz.casework;

import cn.sgz.casework.internal.CaseService;
import cn.sgz.casework.internal.CaseStore;
import cn.sgz.casework.internal.CaseView;
import cn.sgz.casework.internal.CaseworkAccess;
import cn.sgz.casework.internal.FormView;
import cn.sgz.casework.internal.GroupKind;
import cn.sgz.casework.internal.GroupService;
import cn.sgz.casework.internal.GroupStage;
import cn.sgz.casework.internal.GroupView;
import cn.sgz.org.Role;
import cn.sgz.shared.ChinaTime;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case and group sessions due, for a worker's to-do list. A group session is due when its 单元计划书 names a
 * planned date within the coming week (or past) and no session has been recorded for it. A case session is due
 * when an open case (not waiting for closure) has had no session for {@code sgz.casework.session-days} days (14),
 * and overdue once it counts as stalled ({@code sgz.casework.stalled-weeks}, 4). A social worker sees their own
 * cases and groups; heads and managers every one in scope.
 */
@Service
public class CaseworkTodo {

    /** One session due. */
    public record SessionDue(
            String kind, long id, String title, String detail, LocalDate dueOn, boolean overdue, String href) {}

    private final CaseStore cases;
    private final CaseService caseService;
    private final GroupService groups;
    private final CaseworkAccess access;
    private final int sessionDays;
    private final int stalledWeeks;

    CaseworkTodo(
            CaseStore cases,
            CaseService caseService,
            GroupService groups,
            CaseworkAccess access,
            @Value("${sgz.casework.session-days:14}") int sessionDays,
            @Value("${sgz.casework.stalled-weeks:4}") int stalledWeeks) {
        this.cases = cases;
        this.caseService = caseService;
        this.groups = groups;
        this.access = access;
        this.sessionDays = sessionDays;
        this.stalledWeeks = stalledWeeks;
    }

    /** Sessions due, overdue first, then by date. Empty for roles that do no station work. */
    @Transactional(readOnly = true)
    public List<SessionDue> due() {
        if (!access.me().role().doesStationWork()) {
            return List.of();
        }
        LocalDate today = ChinaTime.today();
        Long mine = access.me().role() == Role.SOCIAL_WORKER ? access.me().id() : null;
        List<SessionDue> out = new ArrayList<>();
        for (CaseView c : caseService.named(cases.list(access.scope(), null, null, mine, 1000))) {
            if (c.stage().frozen() || !c.stage().open()) {
                continue;
            }
            LocalDate last = c.lastSessionOn() != null ? c.lastSessionOn() : c.openedOn();
            LocalDate dueOn = last.plusDays(sessionDays);
            if (dueOn.isAfter(today)) {
                continue;
            }
            boolean stalled = last.isBefore(today.minusWeeks(stalledWeeks));
            out.add(new SessionDue(
                    "个案",
                    c.id(),
                    c.code() + " " + c.title(),
                    (c.lastSessionOn() == null ? "接案后尚未服务" : "上次服务 " + c.lastSessionOn())
                            + (stalled ? "，已超过 " + stalledWeeks + " 周" : ""),
                    dueOn,
                    stalled,
                    "/cases/" + c.id() + "/sessions/new"));
        }
        // open units of every group in one go (not each group's details one by one: issue #23)
        List<GroupView> live = groups.list(GroupKind.GROUP, null, null).stream()
                .filter(g -> g.stage() != GroupStage.EVALUATED && (mine == null || g.workerId() == mine))
                .toList();
        Map<Long, List<FormView>> openUnits = groups.openUnits(GroupKind.GROUP, live);
        for (GroupView g : live) {
            for (FormView u : openUnits.getOrDefault(g.id(), List.of())) {
                LocalDate planned = date(u.value("plannedDate"));
                if (planned == null || planned.isAfter(today.plusDays(7))) {
                    continue;
                }
                out.add(new SessionDue(
                        "小组",
                        g.id(),
                        g.name() + " 第" + u.seq() + "节",
                        "计划 " + planned + (u.value("theme").isBlank() ? "" : " · " + u.value("theme")),
                        planned,
                        planned.isBefore(today),
                        g.href() + "/sessions/new?unit=" + u.seq()));
            }
        }
        out.sort(Comparator.comparing((SessionDue s) -> s.overdue() ? 0 : 1).thenComparing(SessionDue::dueOn));
        return out;
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
