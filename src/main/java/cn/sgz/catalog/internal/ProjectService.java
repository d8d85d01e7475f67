package cn.sgz.catalog.internal;

import cn.sgz.catalog.Catalog;
import cn.sgz.catalog.CatalogItem;
import cn.sgz.catalog.CatalogQueries;
import cn.sgz.catalog.CatalogStatus;
import cn.sgz.catalog.ItemCategory;
import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.catalog.ProjectStationsAssigned;
import cn.sgz.catalog.SelectionGroup;
import cn.sgz.evidence.EvidencePolicy;
import cn.sgz.org.AgencyView;
import cn.sgz.org.CurrentUser;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.BusinessException.FieldProblem;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and editing 购买服务项目. Only government roles write, and only inside their area: the
 * bureau and every station must be in scope, the stations under the bureau; the catalog must be a
 * published version, the tier one of its tiers, and the optional items must satisfy its selection
 * rules. Every problem is reported at once, naming the field.
 */
@Service
class ProjectService {

    /** What a form or an API call submits. Lists may be null (treated as empty). */
    record ProjectForm(
            String name,
            Long bureauId,
            Long agencyId,
            Long catalogId,
            String tier,
            LocalDate startDate,
            LocalDate endDate,
            List<Long> stationIds,
            List<Long> optionalItemIds,
            Boolean photoRequired,
            Integer maxDistanceMeters,
            Integer captureGraceDays,
            Integer minGroupAttendees,
            Boolean signInRequiredIndoor,
            Boolean receiptsRequired) {

        public List<Long> stations() {
            return stationIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(stationIds));
        }

        public List<Long> items() {
            return optionalItemIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(optionalItemIds));
        }

        public EvidencePolicy policy() {
            EvidencePolicy d = EvidencePolicy.defaults();
            return new EvidencePolicy(
                    photoRequired == null ? d.photoRequired() : photoRequired,
                    maxDistanceMeters,
                    captureGraceDays == null ? d.captureGraceDays() : captureGraceDays,
                    minGroupAttendees,
                    signInRequiredIndoor == null ? d.signInRequiredIndoor() : signInRequiredIndoor,
                    receiptsRequired == null ? d.receiptsRequired() : receiptsRequired);
        }
    }

    private final ProjectStore store;
    private final ProjectQueries queries;
    private final CatalogQueries catalogs;
    private final ScopeService scopes;
    private final OrgDirectory directory;
    private final ApplicationEventPublisher events;

    ProjectService(
            ProjectStore store,
            ProjectQueries queries,
            CatalogQueries catalogs,
            ScopeService scopes,
            OrgDirectory directory,
            ApplicationEventPublisher events) {
        this.store = store;
        this.queries = queries;
        this.catalogs = catalogs;
        this.scopes = scopes;
        this.directory = directory;
        this.events = events;
    }

    static boolean canWrite(CurrentUser me) {
        return me.role().managesOrgTree();
    }

    @Transactional
    public Project create(ProjectForm form) {
        CurrentUser me = requireWriter();
        Valid v = validate(form, null);
        long id = store.insert(
                new ProjectStore.Row(
                        0,
                        v.name(),
                        v.bureau().id(),
                        form.agencyId(),
                        form.catalogId(),
                        form.tier(),
                        form.startDate(),
                        form.endDate(),
                        form.policy(),
                        0,
                        form.stations(),
                        form.items()),
                me.username());
        events.publishEvent(
                AuditEvent.success("PROJECT_CREATE", "PROJECT", id, v.bureau().path(), v.name()));
        events.publishEvent(new ProjectStationsAssigned(id, form.agencyId(), form.stations()));
        return queries.get(id);
    }

    @Transactional
    public Project update(long id, ProjectForm form, Long version) {
        requireWriter();
        Project existing = queries.get(id);
        if (!scopes.current().covers(scopes.pathOf(existing.bureauId()).orElse(null))) {
            throw new ForbiddenException("只能修改本区县的购买服务项目");
        }
        Valid v = validate(form, existing);
        if (version == null) {
            throw BusinessException.field("version", "缺少版本号：请先读取项目，再带着读取到的 version 提交修改");
        }
        boolean ok = store.update(new ProjectStore.Row(
                id,
                v.name(),
                v.bureau().id(),
                form.agencyId(),
                form.catalogId(),
                form.tier(),
                form.startDate(),
                form.endDate(),
                form.policy(),
                version,
                form.stations(),
                form.items()));
        if (!ok) {
            throw new ConflictException("保存失败：项目在您打开之后已被他人修改（当前版本 "
                    + queries.get(id).version() + "，您提交的版本 " + version + "）。您的修改没有保存，请刷新页面查看最新内容后重新修改。");
        }
        events.publishEvent(
                AuditEvent.success("PROJECT_UPDATE", "PROJECT", id, v.bureau().path(), v.name()));
        events.publishEvent(new ProjectStationsAssigned(id, form.agencyId(), form.stations()));
        return queries.get(id);
    }

    private record Valid(String name, OrgUnitView bureau) {}

    private Valid validate(ProjectForm f, Project existing) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = f.name() == null ? "" : f.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new FieldProblem("name", "项目名称不能为空，且不超过200个字"));
        }
        OrgUnitView bureau = f.bureauId() == null
                ? null
                : directory
                        .findVisible(f.bureauId())
                        .filter(u -> u.type() == OrgUnitType.COUNTY_BUREAU)
                        .orElse(null);
        if (bureau == null) {
            problems.add(new FieldProblem("bureauId", "请选择本辖区内的区/县民政局"));
        }
        Optional<AgencyView> agency = f.agencyId() == null
                ? Optional.empty()
                : directory.activeAgencies().stream()
                        .filter(a -> a.id() == f.agencyId())
                        .findFirst();
        if (agency.isEmpty()) {
            problems.add(new FieldProblem("agencyId", "请选择承接机构"));
        }
        Catalog catalog =
                f.catalogId() == null ? null : catalogs.find(f.catalogId()).orElse(null);
        if (catalog == null) {
            problems.add(new FieldProblem("catalogId", "请选择服务清单"));
        } else if (catalog.status() != CatalogStatus.PUBLISHED
                && (existing == null || existing.catalogId() != catalog.id())) {
            problems.add(new FieldProblem(
                    "catalogId", "只能选择已发布的服务清单版本（“" + catalog.name() + "”第" + catalog.version() + "版尚未发布）"));
        } else if (f.tier() == null
                || catalog.content().tiers().stream().noneMatch(t -> t.code().equals(f.tier()))) {
            problems.add(new FieldProblem(
                    "tier",
                    "请选择资金档位，可选："
                            + catalog.content().tiers().stream()
                                    .map(t -> t.label() + "（" + t.code() + "）")
                                    .collect(Collectors.joining("、"))));
        }
        if (f.startDate() == null || f.endDate() == null) {
            problems.add(new FieldProblem("startDate", "请填写项目起止日期"));
        } else if (f.endDate().isBefore(f.startDate())) {
            problems.add(new FieldProblem("endDate", "结束日期不能早于开始日期"));
        } else if (f.endDate().isAfter(f.startDate().plusYears(5))) {
            problems.add(new FieldProblem("endDate", "项目周期不能超过5年"));
        }
        stations(f, bureau, problems);
        if (catalog != null) {
            optionalItems(f, catalog, problems);
        }
        EvidencePolicy p = f.policy();
        if (p.maxDistanceMeters() != null && (p.maxDistanceMeters() < 10 || p.maxDistanceMeters() > 100_000)) {
            problems.add(new FieldProblem("maxDistanceMeters", "照片地点最大距离应在10到100000米之间（留空表示不核验距离）"));
        }
        if (p.captureGraceDays() < 0 || p.captureGraceDays() > 30) {
            problems.add(new FieldProblem("captureGraceDays", "拍摄日期允许相差的天数应在0到30之间"));
        }
        if (p.minGroupAttendees() != null && (p.minGroupAttendees() < 1 || p.minGroupAttendees() > 200)) {
            problems.add(new FieldProblem("minGroupAttendees", "小组每节最少人数应在1到200之间（留空表示不限）"));
        }
        if (!problems.isEmpty()) {
            throw new BusinessException("INVALID_INPUT", problems.get(0).message(), problems);
        }
        return new Valid(name, bureau);
    }

    private void stations(ProjectForm f, OrgUnitView bureau, List<FieldProblem> problems) {
        if (f.stations().isEmpty()) {
            problems.add(new FieldProblem("stationIds", "请至少选择一个社工站"));
            return;
        }
        for (Long id : f.stations()) {
            Optional<OrgUnitView> s = directory.findVisible(id).filter(u -> u.type() == OrgUnitType.STATION);
            if (s.isEmpty()) {
                problems.add(new FieldProblem("stationIds", "社工站（编号" + id + "）不存在或不在本辖区"));
            } else if (bureau != null && !s.get().path().startsWith(bureau.path())) {
                problems.add(new FieldProblem("stationIds", "“" + s.get().name() + "”不属于" + bureau.name()));
            }
        }
    }

    /** Chosen items must be OPTIONAL items of the catalog, and each selection rule must hold. */
    private void optionalItems(ProjectForm f, Catalog catalog, List<FieldProblem> problems) {
        Map<Long, CatalogItem> items =
                catalog.content().items().collect(Collectors.toMap(CatalogItem::id, Function.identity()));
        for (Long id : f.items()) {
            CatalogItem item = items.get(id);
            if (item == null || item.category() != ItemCategory.OPTIONAL) {
                problems.add(new FieldProblem("optionalItemIds", "所选自选任务（编号" + id + "）不属于该服务清单的自选任务"));
            }
        }
        for (SelectionGroup g : catalog.content().groups()) {
            long total = items.values().stream()
                    .filter(i -> g.code().equals(i.group()))
                    .count();
            long chosen = f.items().stream()
                    .map(items::get)
                    .filter(i -> i != null && g.code().equals(i.group()))
                    .count();
            String rule = g.rule() == null ? "" : "（" + g.rule() + "）";
            if (g.min() != null && g.max() != null && g.min().equals(g.max()) && chosen != g.min()) {
                problems.add(new FieldProblem(
                        "optionalItemIds", "“" + g.name() + "”须选择" + g.min() + "项，当前选择了" + chosen + "项" + rule));
            } else if (g.min() != null && chosen < g.min()) {
                problems.add(new FieldProblem(
                        "optionalItemIds",
                        "“" + g.name() + "”共" + total + "项，至少选择" + g.min() + "项，当前只选择了" + chosen + "项" + rule));
            } else if (g.max() != null && chosen > g.max()) {
                problems.add(new FieldProblem(
                        "optionalItemIds", "“" + g.name() + "”最多选择" + g.max() + "项，当前选择了" + chosen + "项" + rule));
            }
        }
    }

    private CurrentUser requireWriter() {
        CurrentUser me = scopes.currentUser();
        if (!canWrite(me)) {
            throw new ForbiddenException("当前角色无权创建或修改购买服务项目");
        }
        return me;
    }
}
