package cn.sgz.casework.internal;

import cn.sgz.activity.ServiceRecordView;
import cn.sgz.casework.internal.CaseworkInputs.NewGroup;
import cn.sgz.casework.internal.CaseworkInputs.NewSession;
import cn.sgz.casework.internal.CaseworkInputs.PhotoFile;
import cn.sgz.org.OrgUnitView;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.vocabulary.LedgerDomain;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups (小组) and community services (社区服务): opened with their plan, sessions recorded as service
 * records (a group session follows its 单元计划书 and counts only with enough people on its sign-in
 * sheet), closed with the 评估总结报告.
 */
@Service
public class GroupService {

    private final GroupStore groups;
    private final FormStore forms;
    private final SessionStore sessions;
    private final LogStore log;
    private final ExemplaryStore exemplary;
    private final FormCodec codec;
    private final SessionRecords sessionRecords;
    private final CaseworkAccess access;
    private final ProjectLookup projects;
    private final ApplicationEventPublisher events;

    GroupService(
            GroupStore groups,
            FormStore forms,
            SessionStore sessions,
            LogStore log,
            ExemplaryStore exemplary,
            FormCodec codec,
            SessionRecords sessionRecords,
            CaseworkAccess access,
            ProjectLookup projects,
            ApplicationEventPublisher events) {
        this.groups = groups;
        this.forms = forms;
        this.sessions = sessions;
        this.log = log;
        this.exemplary = exemplary;
        this.codec = codec;
        this.sessionRecords = sessionRecords;
        this.access = access;
        this.projects = projects;
        this.events = events;
    }

    public boolean canWrite() {
        return access.canWrite();
    }

    @Transactional
    public GroupView create(GroupKind kind, NewGroup in) {
        access.requireWriter();
        OrgUnitView station = access.station(in.stationId());
        String name = in.name() == null ? "" : in.name().strip();
        if (name.length() < 2 || name.length() > 100) {
            throw BusinessException.field("name", kind.label() + "名称：请填写2～100个字");
        }
        LedgerDomain domain = in.domain() == null && kind == GroupKind.COMMUNITY ? LedgerDomain.OTHER : in.domain();
        if (domain == null || domain == LedgerDomain.ALL) {
            throw BusinessException.field("domain", "请选择服务领域");
        }
        Map<String, String> plan = codec.validate(kind.planForm(), in.plan());
        LocalDate opened = LocalDate.parse(plan.get("planDate"));
        cn.sgz.activity.ProjectTie tie = projects.tieFor(station.id(), opened);
        Long projectId = tie.projectId();
        var me = access.me();
        long id = groups.insert(
                kind, station.id(), station.path(), projectId, name, domain, me.id(), me.displayName(), opened);
        projects.recordHow("cw_group", id, tie);
        forms.save(kind.name(), id, kind.planForm(), 0, station.id(), station.path(), plan, me.username());
        log.add(kind.name(), id, me.username(), "OPEN", kind.planForm().documentName());
        events.publishEvent(AuditEvent.success(kind.name() + "_CREATE", kind.name(), id, station.path(), name));
        return get(kind, id);
    }

    @Transactional(readOnly = true)
    public List<GroupView> list(GroupKind kind, Long stationId, GroupStage stage) {
        return named(groups.list(access.scope(), kind, stationId, stage, 500));
    }

    @Transactional(readOnly = true)
    public GroupView get(GroupKind kind, long id) {
        GroupView g = groups.find(kind, id).orElseThrow(() -> new NotFoundException(kind.label()));
        access.requireVisible(g.orgPath(), kind.label());
        return named(List.of(g)).get(0);
    }

    @Transactional(readOnly = true)
    public GroupDetail detail(GroupKind kind, long id) {
        GroupView g = get(kind, id);
        List<FormView> all = forms.of(kind.name(), id);
        Optional<FormView> plan =
                all.stream().filter(f -> f.type() == kind.planForm()).findFirst();
        List<FormView> units =
                all.stream().filter(f -> f.type() == FormType.UNIT_PLAN).toList();
        Optional<FormView> evaluation =
                all.stream().filter(f -> f.type() == kind.evaluationForm()).findFirst();
        return new GroupDetail(
                g,
                plan,
                units,
                sessionViews(g),
                evaluation,
                log.of(kind.name(), id),
                kind == GroupKind.GROUP ? exemplary.live(kind.name(), id) : Optional.empty(),
                access.canWrite());
    }

    /**
     * The unit plans no live session has used yet, of many groups at once (the to-do list): group id → open units,
     * in a constant number of statements whatever the number of groups (same rule as {@link GroupDetail#openUnits}).
     * The groups come from {@link #list}, so they are in the user's scope already.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<FormView>> openUnits(GroupKind kind, List<GroupView> of) {
        if (of.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = of.stream().map(GroupView::id).toList();
        Map<Long, List<FormView>> units = forms.ofOwners(kind.name(), ids, FormType.UNIT_PLAN);
        if (units.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<SessionStore.Row>> rows = sessions.ofOwners(kind.name(), units.keySet());
        Map<Long, cn.sgz.activity.RecordSummaries.RecordSummary> sums = sessionRecords.summaries(rows.values().stream()
                .flatMap(List::stream)
                .filter(r -> r.unitSeq() != null)
                .map(SessionStore.Row::recordId)
                .toList());
        Map<Long, List<FormView>> open = new java.util.HashMap<>();
        units.forEach((id, list) -> {
            java.util.Set<Integer> used = rows.getOrDefault(id, List.of()).stream()
                    .filter(r -> r.unitSeq() != null)
                    .filter(r -> sums.containsKey(r.recordId())
                            && !sums.get(r.recordId()).voided())
                    .map(SessionStore.Row::unitSeq)
                    .collect(Collectors.toSet());
            open.put(id, list.stream().filter(u -> !used.contains(u.seq())).toList());
        });
        return open;
    }

    /** Saves the plan, a unit plan (seq = its session number) or the evaluation report. */
    @Transactional
    public FormView saveForm(GroupKind kind, long id, FormType type, int seq, Map<String, String> values) {
        access.requireWriter();
        GroupView g = get(kind, id);
        if (type == null || !type.belongsTo(kind.name()) || type.sessionForm()) {
            throw BusinessException.field("formType", kind.label() + "没有这个表单；过程记录表请通过“记录一节活动”填写");
        }
        int number = type == FormType.UNIT_PLAN ? seq : 0;
        if (type == FormType.UNIT_PLAN && (number < 1 || number > 50)) {
            throw BusinessException.field("seq", "单元计划书：请填写第几节（1～50）");
        }
        if (type == kind.evaluationForm() && g.sessions() == 0) {
            throw new BusinessException("STAGE", "尚未开展任何一节活动，不能撰写评估总结报告");
        }
        Map<String, String> clean = codec.validate(type, values);
        var me = access.me();
        forms.save(
                kind.name(),
                id,
                type,
                number,
                g.stationId(),
                g.orgPath(),
                clean,
                me.username(),
                FormStore.expectedVersion(values));
        if (type == kind.evaluationForm()) {
            groups.setStage(id, GroupStage.EVALUATED);
        } else {
            groups.touch(id);
        }
        String title = number > 0 ? type.documentName() + "（第" + number + "节）" : type.documentName();
        log.add(kind.name(), id, me.username(), "FORM", title);
        events.publishEvent(AuditEvent.success(kind.name() + "_FORM_SAVE", kind.name(), id, g.orgPath(), title));
        return forms.find(kind.name(), id, type, number).orElseThrow();
    }

    /** Records one session as a service record (GROUP_SESSION / COMMUNITY_SERVICE, indoor: sign-in sheet). */
    @Transactional
    public SessionView addSession(GroupKind kind, long id, NewSession in, PhotoFile photo) {
        access.requireWriter();
        GroupView g = get(kind, id);
        if (g.stage() == GroupStage.EVALUATED) {
            throw new ConflictException("已完成评估总结报告，不能再记录活动");
        }
        Integer unit = null;
        if (kind.unitPlans()) {
            unit = in.unitSeq();
            if (unit == null) {
                throw BusinessException.field("unitSeq", "请选择本节对应的单元计划书");
            }
            int u = unit;
            if (forms.find(kind.name(), id, FormType.UNIT_PLAN, u).isEmpty()) {
                throw BusinessException.field("unitSeq", "第" + u + "节的单元计划书尚未填写，请先填写单元计划书");
            }
            if (sessionViews(g).stream().anyMatch(s -> s.unitSeq() != null && s.unitSeq() == u && !s.voided())) {
                throw new ConflictException("第" + u + "节已有活动记录；如需重记，请先作废原记录");
            }
        }
        Map<String, String> fields = codec.validate(FormType.GROUP_PROCESS, in.fields());
        String title =
                kind == GroupKind.GROUP ? g.name() + " 第" + unit + "节" : g.name() + " 第" + (g.sessions() + 1) + "次活动";
        var me = access.me();
        ServiceRecordView r = sessionRecords.create(
                new SessionRecords.Target(
                        g.stationId(),
                        g.projectId(),
                        kind.recordKind(),
                        kind == GroupKind.GROUP ? g.domain() : null,
                        cut(title),
                        true,
                        null,
                        null),
                in,
                fields,
                me.displayName(),
                photo);
        Map<String, String> stored = new java.util.LinkedHashMap<>(fields);
        if (in.startTime() != null && !in.startTime().isBlank()) {
            stored.put("startTime", in.startTime().strip());
        }
        if (in.endTime() != null && !in.endTime().isBlank()) {
            stored.put("endTime", in.endTime().strip());
        }
        if (in.place() != null && !in.place().isBlank()) {
            stored.put("place", in.place().strip());
        }
        long sid = sessions.insert(
                kind.name(),
                id,
                r.id(),
                unit,
                g.stationId(),
                g.orgPath(),
                r.serviceDate(),
                codec.write(stored),
                me.username());
        if (g.stage() == GroupStage.PLANNED) {
            groups.setStage(id, GroupStage.RUNNING);
        } else {
            groups.touch(id);
        }
        log.add(kind.name(), id, me.username(), "SESSION", title + "，记录 #" + r.id());
        events.publishEvent(
                AuditEvent.success(kind.name() + "_SESSION_ADD", kind.name(), id, g.orgPath(), "服务记录#" + r.id()));
        return sessionViews(get(kind, id)).stream()
                .filter(s -> s.id() == sid)
                .findFirst()
                .orElseThrow();
    }

    List<SessionView> sessionViews(GroupView g) {
        return sessionRecords.views(sessions.of(g.kind().name(), g.id()), g.minAttendees(), codec);
    }

    private List<GroupView> named(List<GroupView> rows) {
        Map<Long, String> names =
                access.stationNames(rows.stream().map(GroupView::stationId).collect(Collectors.toSet()));
        Map<Long, Integer> minimum = new java.util.HashMap<>();
        return rows.stream()
                .map(g -> g.with(
                        names.getOrDefault(g.stationId(), ""),
                        g.kind().unitPlans()
                                ? minimum.computeIfAbsent(
                                        g.projectId() == null ? -1L : g.projectId(),
                                        p -> projects.minGroupAttendees(p < 0 ? null : p))
                                : 0))
                .toList();
    }

    private static String cut(String s) {
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
