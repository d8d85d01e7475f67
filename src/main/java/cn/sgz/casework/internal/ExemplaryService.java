package cn.sgz.casework.internal;

import cn.sgz.org.Role;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 成功案例: the station proposes a closed case or an evaluated group with a short account; the district
 * bureau confirms it (then it counts for EXEMPLARY indicators) or declines it with a reason.
 */
@Service
public class ExemplaryService {

    private final ExemplaryStore store;
    private final CaseService cases;
    private final GroupService groups;
    private final CaseworkAccess access;
    private final ApplicationEventPublisher events;

    ExemplaryService(
            ExemplaryStore store,
            CaseService cases,
            GroupService groups,
            CaseworkAccess access,
            ApplicationEventPublisher events) {
        this.store = store;
        this.cases = cases;
        this.groups = groups;
        this.access = access;
        this.events = events;
    }

    public boolean canDecide() {
        return access.is(Role.BUREAU_OFFICER);
    }

    @Transactional
    public ExemplaryView propose(String ownerType, long ownerId, String summary) {
        access.requireWriter();
        String title;
        long station;
        String path;
        if ("CASE".equals(ownerType)) {
            CaseView c = cases.get(ownerId);
            if (c.stage() != CaseStage.CLOSED) {
                throw new ConflictException("只有已结案的个案可以申报成功案例");
            }
            title = c.title();
            station = c.stationId();
            path = c.orgPath();
        } else if ("GROUP".equals(ownerType)) {
            GroupView g = groups.get(GroupKind.GROUP, ownerId);
            if (g.stage() != GroupStage.EVALUATED) {
                throw new ConflictException("只有已完成评估总结报告的小组可以申报成功案例");
            }
            title = g.name();
            station = g.stationId();
            path = g.orgPath();
        } else {
            throw BusinessException.field("ownerType", "成功案例只能是个案（CASE）或小组（GROUP）");
        }
        store.live(ownerType, ownerId).ifPresent(e -> {
            throw new ConflictException("已申报过成功案例（" + e.status().label() + "）");
        });
        String text = summary == null ? "" : summary.strip();
        if (text.length() < 10 || text.length() > 2000) {
            throw BusinessException.field("summary", "成功案例：请填写案例简介（10～2000个字），说明服务过程与成效");
        }
        long id = store.insert(
                ownerType, ownerId, station, path, title, text, access.me().username());
        events.publishEvent(AuditEvent.success("EXEMPLARY_PROPOSE", "EXEMPLARY", id, path, ownerType + "#" + ownerId));
        return get(id);
    }

    @Transactional
    public ExemplaryView confirm(long id) {
        ExemplaryView e = pending(id);
        store.decide(id, ExemplaryStatus.CONFIRMED, access.me().username(), null, ChinaTime.today());
        events.publishEvent(AuditEvent.success("EXEMPLARY_CONFIRM", "EXEMPLARY", id, path(e), e.title()));
        return get(id);
    }

    @Transactional
    public ExemplaryView decline(long id, String reason) {
        ExemplaryView e = pending(id);
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2 || why.length() > 500) {
            throw BusinessException.field("reason", "请填写未通过的原因（2～500个字）");
        }
        store.decide(id, ExemplaryStatus.DECLINED, access.me().username(), why, null);
        events.publishEvent(AuditEvent.success("EXEMPLARY_DECLINE", "EXEMPLARY", id, path(e), why));
        return get(id);
    }

    @Transactional(readOnly = true)
    public ExemplaryView get(long id) {
        ExemplaryView e = store.find(id).orElseThrow(() -> new NotFoundException("成功案例"));
        access.requireVisible(path(e), "成功案例");
        return named(List.of(e)).get(0);
    }

    @Transactional(readOnly = true)
    public List<ExemplaryView> list(ExemplaryStatus status) {
        return named(store.list(access.scope(), status));
    }

    private ExemplaryView pending(long id) {
        ExemplaryView e = get(id);
        if (!canDecide()) {
            throw new ForbiddenException("只有区/县民政局可以确认成功案例");
        }
        if (e.status() != ExemplaryStatus.PROPOSED) {
            throw new ConflictException("该成功案例已处理（" + e.status().label() + "）");
        }
        return e;
    }

    private String path(ExemplaryView e) {
        return store.pathOf(e.id());
    }

    private List<ExemplaryView> named(List<ExemplaryView> rows) {
        Map<Long, String> names =
                access.stationNames(rows.stream().map(ExemplaryView::stationId).collect(Collectors.toSet()));
        return rows.stream()
                .map(e -> e.withStationName(names.getOrDefault(e.stationId(), "")))
                .toList();
    }
}
