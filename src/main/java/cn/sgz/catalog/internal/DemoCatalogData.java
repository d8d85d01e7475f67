package cn.sgz.catalog.internal;

import cn.sgz.catalog.Catalog;
import cn.sgz.catalog.CatalogItem;
import cn.sgz.catalog.CatalogQueries;
import cn.sgz.evidence.EvidencePolicy;
import cn.sgz.org.AgencyView;
import cn.sgz.org.DemoUsers;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.shared.ChinaTime;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo project on the built-in 九原 catalog, created as demo_bureau through the normal service (so
 * every rule applies), once, on a demo system with no project yet. Runs right after the org demo and the
 * built-in catalogs, before the loaders that write service records, so that their records are tied to it.
 */
@Component
@Order(12)
@ConditionalOnProperty(name = "sgz.demo.enabled", havingValue = "true")
class DemoCatalogData implements ApplicationRunner {

    // A one-year contract that began two months ago, so the demo board shows finished and running periods.
    static final String PROJECT_NAME = "九原区民政领域社会工作服务项目（沙河、萨如拉、赛罕）";
    static final List<String> OPTIONAL_ITEMS = List.of("O03", "O07", "O09", "O10");
    private static final Logger log = LoggerFactory.getLogger(DemoCatalogData.class);

    private final ProjectService projects;
    private final CatalogQueries catalogs;
    private final OrgDirectory directory;
    private final DemoUsers demoUsers;
    private final JdbcClient jdbc;
    private final CatalogService catalogService;

    DemoCatalogData(
            ProjectService projects,
            CatalogQueries catalogs,
            OrgDirectory directory,
            DemoUsers demoUsers,
            JdbcClient jdbc,
            CatalogService catalogService) {
        this.catalogService = catalogService;
        this.projects = projects;
        this.catalogs = catalogs;
        this.directory = directory;
        this.demoUsers = demoUsers;
        this.jdbc = jdbc;
    }

    /** A four-level catalog (重点任务 → 分项任务 → 服务内容 → 服务标准), imported as a draft through the normal import. */
    static final String FOUR_LEVEL = "demo/jilin-four-level-excerpt.yaml";

    @Override
    public void run(ApplicationArguments args) {
        if (catalogs.latest("jilin-reference-excerpt").isEmpty()) {
            demoUsers.runAs(
                    "demo_bureau",
                    () -> catalogService.importYaml(
                            BuiltinCatalogs.read(FOUR_LEVEL).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (jdbc.sql("SELECT COUNT(*) FROM project").query(Long.class).single() > 0) {
            return;
        }
        if (!demoUsers.runAs("demo_bureau", this::createDemoProject)) {
            log.info("未找到演示账号 demo_bureau，跳过演示项目");
        }
    }

    private void createDemoProject() {
        Catalog catalog = catalogs.latest("jiuyuan-2024").orElse(null);
        OrgUnitView county = directory.visibleUnits(OrgUnitType.COUNTY_BUREAU).stream()
                .filter(u -> u.name().equals("九原区民政局"))
                .findFirst()
                .orElse(null);
        AgencyView agency = directory.activeAgencies().stream()
                .filter(a -> a.name().equals("包头市九原区启航社会工作服务中心"))
                .findFirst()
                .orElse(null);
        if (catalog == null || county == null || agency == null) {
            log.info("演示组织或内置清单缺失，跳过演示项目");
            return;
        }
        List<Long> stations = directory.visibleUnits(OrgUnitType.STATION).stream()
                .filter(s -> s.path().startsWith(county.path()))
                .map(OrgUnitView::id)
                .toList();
        List<Long> items = catalog.content()
                .items()
                .filter(i -> OPTIONAL_ITEMS.contains(i.code()))
                .map(CatalogItem::id)
                .toList();
        EvidencePolicy p = EvidencePolicy.defaults();
        projects.create(new ProjectService.ProjectForm(
                PROJECT_NAME,
                county.id(),
                agency.id(),
                catalog.id(),
                catalog.content().tiers().get(0).code(),
                contractStart(),
                contractStart().plusYears(1).minusDays(1),
                stations,
                items,
                p.photoRequired(),
                p.maxDistanceMeters(),
                p.captureGraceDays(),
                p.minGroupAttendees(),
                p.signInRequiredIndoor(),
                p.receiptsRequired()));
        log.info("已载入演示项目：{}", PROJECT_NAME);
        // A second contract overlapping the first at the same stations from last month on (another funding line):
        // each record, case or group counts for one of the two only (earliest-started unless the worker chose or
        // the bureau moved it), so the demo shows ties and the “已计入项目《…》” notes.
        projects.create(new ProjectService.ProjectForm(
                OVERLAP_PROJECT_NAME,
                county.id(),
                agency.id(),
                catalog.id(),
                catalog.content().tiers().get(0).code(),
                contractStart().plusMonths(1),
                contractStart().plusMonths(7).minusDays(1),
                stations,
                items,
                p.photoRequired(),
                p.maxDistanceMeters(),
                p.captureGraceDays(),
                p.minGroupAttendees(),
                p.signInRequiredIndoor(),
                p.receiptsRequired()));
        log.info("已载入重叠的演示项目：{}", OVERLAP_PROJECT_NAME);
    }

    /** The demo's second project, overlapping the first at its stations (the activity demo ties records to it). */
    static final String OVERLAP_PROJECT_NAME = "九原区困境儿童关爱保护服务项目（专项）";

    static LocalDate contractStart() {
        return ChinaTime.today().minusMonths(2).withDayOfMonth(1);
    }
}
