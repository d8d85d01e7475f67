package cn.sgz.catalog.internal;

import static cn.sgz.catalog.RuleKind.ACTIVITY_COUNT;
import static cn.sgz.catalog.RuleKind.AMOUNT;
import static cn.sgz.catalog.RuleKind.CASE_QUOTA;
import static cn.sgz.catalog.RuleKind.CHECKLIST;
import static cn.sgz.catalog.RuleKind.COVERAGE;
import static cn.sgz.catalog.RuleKind.DOCUMENT;
import static cn.sgz.catalog.RuleKind.ENTITY_COUNT;
import static cn.sgz.catalog.RuleKind.EXEMPLARY;
import static cn.sgz.catalog.RuleKind.GROUP_QUOTA;
import static cn.sgz.catalog.RuleKind.PER_RECIPIENT_FREQUENCY;
import static cn.sgz.catalog.RuleKind.STAFFING;
import static cn.sgz.catalog.SubPeriod.MONTH;
import static cn.sgz.catalog.SubPeriod.PROJECT;
import static cn.sgz.catalog.SubPeriod.QUARTER;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.catalog.AmountAggregate;
import cn.sgz.catalog.CatalogContent;
import cn.sgz.catalog.CatalogItem;
import cn.sgz.catalog.EntityType;
import cn.sgz.catalog.Indicator;
import cn.sgz.catalog.ItemCategory;
import cn.sgz.catalog.RuleKind;
import cn.sgz.catalog.SubPeriod;
import cn.sgz.shared.vocabulary.LedgerDomain;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks every indicator of the built-in catalogs against the seed documents: one row per indicator,
 * quoting the seed phrase it comes from beside the expected rule kind, period and target; and checks
 * that all seed texts kept in the catalogs are verbatim (only PDF line breaks removed).
 */
class BuiltinCatalogTest {

    static final CatalogContent JIUYUAN = CatalogYaml.parse(BuiltinCatalogs.read("catalogs/jiuyuan-2024.yaml"));
    static final CatalogContent ZHALAINUOER = CatalogYaml.parse(BuiltinCatalogs.read("catalogs/zhalainuoer-2026.yaml"));
    static final String JIUYUAN_SEED = seed("seeds/jiuyuan-2024.txt");
    static final String ZHALAINUOER_SEED = seed("seeds/zhalainuoer-2026.txt");

    /** One expectation: the indicator, what the seed says, and what the indicator must be. */
    record Row(
            CatalogContent catalog,
            String seed,
            String code,
            String phrase,
            RuleKind kind,
            SubPeriod period,
            String target,
            Consumer<Indicator> more) {}

    static final List<Row> ROWS = new ArrayList<>();

    static void j(
            String code, String phrase, RuleKind kind, SubPeriod period, String target, Consumer<Indicator> more) {
        ROWS.add(new Row(JIUYUAN, JIUYUAN_SEED, code, phrase, kind, period, target, more));
    }

    static void z(
            String code, String phrase, RuleKind kind, SubPeriod period, String target, Consumer<Indicator> more) {
        ROWS.add(new Row(ZHALAINUOER, ZHALAINUOER_SEED, code, phrase, kind, period, target, more));
    }

    static Consumer<Indicator> none() {
        return i -> {};
    }

    static Consumer<Indicator> domain(LedgerDomain d) {
        return i -> assertThat(i.params().domain()).isEqualTo(d);
    }

    static Consumer<Indicator> kinds(ServiceKind... kinds) {
        return i -> assertThat(i.params().recordKinds()).containsExactly(kinds);
    }

    static Consumer<Indicator> entity(EntityType e) {
        return i -> assertThat(i.params().entityType()).isEqualTo(e);
    }

    static Consumer<Indicator> docs(String... docs) {
        return i -> assertThat(i.params().documents()).containsExactly(docs);
    }

    static {
        // ---------------- 九原 2024 必选 1–5 and 自选 4–6: the standards of the merged 服务标准 cell, per item
        record D(String item, LedgerDomain domain) {}
        for (D d : List.of(
                new D("M01", LedgerDomain.SOCIAL_ASSISTANCE),
                new D("M02", LedgerDomain.ELDERLY),
                new D("M03", LedgerDomain.CHILD),
                new D("M04", LedgerDomain.DISABLED),
                new D("M05", LedgerDomain.OTHER),
                new D("O04", LedgerDomain.OTHER),
                new D("O05", LedgerDomain.OTHER),
                new D("O06", LedgerDomain.OTHER))) {
            j(
                    d.item() + ".1",
                    "项目期内，对服务对象 100%入户需求评估至少 1 次",
                    COVERAGE,
                    PROJECT,
                    "100",
                    domain(d.domain()).andThen(kinds(ServiceKind.HOME_ASSESSMENT)));
            j(
                    d.item() + ".2",
                    "项目期内开展个案服务不少于 12 个，小组服务不少于 9 个（每个不少于 5 节）",
                    CASE_QUOTA,
                    PROJECT,
                    "12",
                    domain(d.domain())
                            .andThen(i -> assertThat(i.params().sessionsEach()).isEqualTo(5)));
            j(
                    d.item() + ".3",
                    "小组服务不少于 9 个（每个不少于 5 节）",
                    GROUP_QUOTA,
                    PROJECT,
                    "9",
                    domain(d.domain())
                            .andThen(i -> assertThat(i.params().sessionsEach()).isEqualTo(5)));
            j(d.item() + ".4", "服务对象能够摆脱困境、恢复社会功能、提升自身发展能力，实现助人自助的目标", CHECKLIST, PROJECT, null, none());
            j(d.item() + ".5", "需提供服务对象接受服务前后变化的归档材料", DOCUMENT, PROJECT, null, docs("服务对象接受服务前后变化的归档材料"));
            j(
                    d.item() + ".6",
                    "个案服务的完整记录应包括个案接案记录表、预估表、服务协议、工作计划表、过程记录表、评估表和结案表",
                    DOCUMENT,
                    PROJECT,
                    null,
                    docs("个案接案记录表", "预估表", "服务协议", "工作计划表", "过程记录表", "评估表", "结案表"));
            j(
                    d.item() + ".7",
                    "小组服务的完整记录应包括小组服务计划书、单元计划书、过程记录表和评估总结报告",
                    DOCUMENT,
                    PROJECT,
                    null,
                    docs("小组服务计划书", "单元计划书", "过程记录表", "评估总结报告"));
        }
        j("M06.1", "帮助社区社会组织建立工作管理制度、规范服务标准、健全参与机制", CHECKLIST, PROJECT, null, none());
        j("M06.2", "需提供所培育社区社会组织情况、帮助建立制度的相关文件", DOCUMENT, PROJECT, null, docs("所培育社区社会组织情况", "帮助建立制度的相关文件"));
        j("M07.1", "帮助社区社会组织人员提升参与能力、拓展参与空间", CHECKLIST, PROJECT, null, none());
        j(
                "M07.2",
                "需提供所培养的社区社会组织骨干人才名单以及组织社区活动成效相关佐证材料",
                DOCUMENT,
                PROJECT,
                null,
                docs("社区社会组织骨干人才名单", "组织社区活动成效相关佐证材料"));
        j("M08.1", "建立了社区慈善救助或社区服务专项基金", ENTITY_COUNT, PROJECT, "1", entity(EntityType.CHARITY_FUND));
        j("M08.2", "与慈善组织建立了共募共用共享机制", CHECKLIST, PROJECT, null, none());
        j("M08.3", "需提供慈善项目基金及机制建设的相关佐证资料", DOCUMENT, PROJECT, null, docs("慈善项目基金及机制建设的相关佐证资料"));
        j(
                "M09.1",
                "社区困难群众的需求调查率达到 100%",
                COVERAGE,
                PROJECT,
                "100",
                domain(LedgerDomain.ALL).andThen(kinds(ServiceKind.NEEDS_SURVEY)));
        j("M09.2", "结合实际每季度开展慈善项目推介活动", ACTIVITY_COUNT, QUARTER, "1", kinds(ServiceKind.CHARITY_PROMOTION));
        j("M09.3", "需提供困难需求调查和推介活动相关佐证资料", DOCUMENT, PROJECT, null, none());
        j("M10.1", "每季度至少开展 1 次社区慈善救助活动", ACTIVITY_COUNT, QUARTER, "1", kinds(ServiceKind.CHARITY_RELIEF));
        j("M10.2", "需提供社区慈善救助计划以及具体实施情况的佐证资料", DOCUMENT, PROJECT, null, docs("社区慈善救助计划", "具体实施情况的佐证资料"));
        // ---------------- 九原 自选 1–3, 7–10
        j("O01.1", "持证率较上年有明显提升", CHECKLIST, PROJECT, null, none());
        j("O01.2", "需提供通过考试人员与往年的对比数据", DOCUMENT, PROJECT, null, none());
        j("O01.3", "至少将 20 名以上社区工作者转化成为社会工作专业人才", ENTITY_COUNT, PROJECT, "20", entity(EntityType.TRAINED_WORKER));
        j(
                "O01.4",
                "理论教学和实操训练时间须人均达到 120 小时",
                AMOUNT,
                PROJECT,
                "120",
                i -> assertThat(i.params().aggregate()).isEqualTo(AmountAggregate.AVERAGE_PER_ENTITY));
        j("O01.5", "转化率较上年有明显提升", CHECKLIST, PROJECT, null, none());
        j("O01.6", "建立以社会工作岗位职责为依据", DOCUMENT, PROJECT, null, none());
        j(
                "O02.1",
                "至少协助 1 个苏木乡镇（街道）加强社会工作服务站规范化、标准化建设",
                ENTITY_COUNT,
                PROJECT,
                "1",
                entity(EntityType.ASSISTED_STATION));
        j(
                "O02.2",
                "帮助建立人员管理、财务管理、志愿者管理、服务场所使用管理以及文书档案管理等制度",
                DOCUMENT,
                PROJECT,
                null,
                docs("人员管理制度", "财务管理制度", "志愿者管理制度", "服务场所使用管理制度", "文书档案管理制度"));
        j("O02.3", "需提供所规范事项的具体内容、成效作为佐证材料", DOCUMENT, PROJECT, null, none());
        j("O03.1", "每季度至少开展 1 次社区居民需求调查", ACTIVITY_COUNT, QUARTER, "1", kinds(ServiceKind.NEEDS_SURVEY));
        j("O03.2", "形成季度需求报告 1 份", DOCUMENT, QUARTER, "1", docs("季度需求报告"));
        j("O03.3", "建立居民需求清单。需提供居民需求调查问卷、需求报告和清单作为佐证材料", DOCUMENT, PROJECT, null, none());
        j("O03.4", "协助社区“两委”至少组织开展 1 次社区议事协商会议", ACTIVITY_COUNT, PROJECT, "1", kinds(ServiceKind.CONSULTATION_MEETING));
        j("O03.5", "需提供规划文件以及实施情况作为佐证材料", DOCUMENT, PROJECT, null, none());
        j("O03.6", "每月协助社区“两委 ”至少开展 1 场次针对居民需求的社区服务", ACTIVITY_COUNT, MONTH, "1", kinds(ServiceKind.COMMUNITY_SERVICE));
        j("O03.7", "需提供计划书、过程记录表和评估总结报告作为佐证材料", DOCUMENT, PROJECT, null, none());
        j("O07.1", "每月指导社区社会组织服务不少于 1 次", ACTIVITY_COUNT, MONTH, "1", kinds(ServiceKind.ORG_GUIDANCE));
        j("O07.2", "社区服务的完整记录应包括社区服务计划书、过程记录表和评估总结报告", DOCUMENT, PROJECT, null, docs("社区服务计划书", "过程记录表", "评估总结报告"));
        j("O08.1", "完成社区志愿者的动员、招募、组织、培训、管理和监督等任务", CHECKLIST, PROJECT, null, none());
        j("O08.2", "需提供培育社区志愿服务组织（团队）、培养发展社区志愿者相应佐证材料", DOCUMENT, PROJECT, null, none());
        j("O09.1", "每月至少开展 2 次社区志愿服务活动", ACTIVITY_COUNT, MONTH, "2", kinds(ServiceKind.VOLUNTEER_ACTIVITY));
        j("O09.2", "需提供在相关媒体志愿服务宣传展示稿件作为佐证材料", DOCUMENT, PROJECT, null, none());
        j("O10.1", "城乡社区志愿者在“全国志愿服务信息系统 ”注册率达到 100%", COVERAGE, PROJECT, "100", entity(EntityType.VOLUNTEER));
        j("O10.2", "采用多种媒体形式学习宣传和贯彻落实《内蒙古自治区志愿服务条例》", CHECKLIST, PROJECT, null, none());
        j("O10.3", "城乡社区志愿服务组织出具志愿服务记录与证明制度得到落实", CHECKLIST, PROJECT, null, none());
        j(
                "O10.4",
                "记录志愿者的志愿服务信息制度得到落实",
                ACTIVITY_COUNT,
                MONTH,
                "1",
                i -> assertThat(i.params())
                        .extracting(p -> p.recordKinds(), p -> p.platform())
                        .containsExactly(List.of(ServiceKind.VOLUNTEER_ACTIVITY), "全国志愿服务信息系统"));

        // ---------------- 扎赉诺尔 2026, 序号1
        z("Z1.1.1", "社工站独立建设，或统筹利用社会救助工作站", CHECKLIST, PROJECT, null, none());
        z("Z1.1.2", "②配备必要的桌椅、电脑、打印机、档案柜等办公设备。", CHECKLIST, PROJECT, null, none());
        z("Z1.1.3", "设立个案咨询室、小组活动室、多功能活动室等", CHECKLIST, PROJECT, null, none());
        String[] rules = {"人员管理制度", "财务管理制度", "志愿者管理制度", "服务场所使用管理制度", "文书档案管理制度", "人员保密制度", "人员培训制度"};
        for (int i = 0; i < rules.length; i++) {
            z("Z1.2." + (i + 1), rules[i], DOCUMENT, PROJECT, null, docs(rules[i]));
        }
        z("Z1.3.1", "社工站组织架构图", DOCUMENT, PROJECT, null, docs("社工站组织架构图"));
        z(
                "Z1.3.2",
                "2名驻站社工，至少1人持证",
                STAFFING,
                PROJECT,
                "2",
                i -> assertThat(i.params().certifiedMin()).isEqualTo(1));
        // ---------------- 扎赉诺尔 序号2–5, one block per domain
        record Z(int no, LedgerDomain domain, String ledger) {}
        for (Z d : List.of(
                new Z(2, LedgerDomain.SOCIAL_ASSISTANCE, "辖区提供的社会救助人员档案人数"),
                new Z(3, LedgerDomain.ELDERLY, "辖区提供的困难老人档案人数"),
                new Z(4, LedgerDomain.CHILD, "辖区提供的困境儿童档案数量"),
                new Z(5, LedgerDomain.DISABLED, "辖区提供的社会残疾人档案人数"))) {
            String p = "Z" + d.no();
            z(
                    p + ".1.1",
                    d.ledger(),
                    COVERAGE,
                    PROJECT,
                    "100",
                    domain(d.domain()).andThen(kinds(ServiceKind.HOME_ASSESSMENT)));
            z(p + ".2.1", "≥2次/月", ACTIVITY_COUNT, MONTH, "2", domain(d.domain()));
            z(p + ".3.1", "≥2次/月", ACTIVITY_COUNT, MONTH, "2", domain(d.domain()));
            z(
                    p + ".4.1",
                    "台账1份",
                    ENTITY_COUNT,
                    PROJECT,
                    "1",
                    entity(EntityType.FOLLOW_UP_ROSTER).andThen(domain(d.domain())));
            z(
                    p + ".4.2",
                    "≥1次/季度",
                    PER_RECIPIENT_FREQUENCY,
                    QUARTER,
                    "1",
                    kinds(ServiceKind.FOLLOW_UP_VISIT, ServiceKind.FOLLOW_UP_PHONE)
                            .andThen(domain(d.domain()))
                            .andThen(entity(EntityType.FOLLOW_UP_ROSTER)));
            z(
                    p + ".5.1",
                    "5个个案、每个5节",
                    CASE_QUOTA,
                    PROJECT,
                    "5",
                    domain(d.domain())
                            .andThen(i -> assertThat(i.params().sessionsEach()).isEqualTo(5)));
            z(
                    p + ".5.2",
                    "6个小组、每个5节（每节不得少于6人）",
                    GROUP_QUOTA,
                    PROJECT,
                    "6",
                    domain(d.domain()).andThen(i -> {
                        assertThat(i.params().sessionsEach()).isEqualTo(5);
                        assertThat(i.params().attendeesPerSession()).isEqualTo(6);
                    }));
            z(p + ".5.3", "服务成功案例个数", EXEMPLARY, PROJECT, "1", domain(d.domain()));
        }
        // The two ≥2次/月 rows of a domain count different record kinds, so no record counts twice.
        // ---------------- 扎赉诺尔 序号6–7
        z("Z6.1.1", "帮助培育社区社会组织个数", ENTITY_COUNT, PROJECT, "1", entity(EntityType.COMMUNITY_ORG));
        z("Z6.2.1", "组织社区社会组织开展活动次数", ACTIVITY_COUNT, MONTH, "1", kinds(ServiceKind.ORG_ACTIVITY));
        z("Z6.3.1", "培养社区社会组织骨干人数", ENTITY_COUNT, PROJECT, "3", entity(EntityType.BACKBONE_MEMBER));
        z("Z6.3.2", "为社区社会组织人员提供社会工作专业培训次数", ACTIVITY_COUNT, PROJECT, "1", kinds(ServiceKind.TRAINING));
        z(
                "Z7.1.1",
                "与慈善组织共募资金数量",
                AMOUNT,
                PROJECT,
                "10000",
                entity(EntityType.CO_RAISED_FUND)
                        .andThen(i -> assertThat(i.params().aggregate()).isEqualTo(AmountAggregate.SUM)));
        z("Z7.1.2", "开展慈善项目个数", ENTITY_COUNT, PROJECT, "1", entity(EntityType.CHARITY_PROJECT));
        z("Z7.2.1", "协助为有迫切需求的困难群众实施慈善救助次数", ACTIVITY_COUNT, QUARTER, "1", kinds(ServiceKind.CHARITY_RELIEF));
        z(
                "Z7.2.2",
                "≥1000元/次",
                AMOUNT,
                QUARTER,
                "1000",
                // the amounts of relief events (an AMOUNT reads no record kinds: recordKinds would be refused)
                kinds().andThen(i -> assertThat(i.params().aggregate()).isEqualTo(AmountAggregate.EACH_EVENT))
                        .andThen(i -> assertThat(i.params().entityType()).isEqualTo(EntityType.RELIEF_EVENT)));
        // ---------------- 扎赉诺尔 序号8 自选项目: 同序号“2.3.4.5”标准一致, for each of the 14 contents
        for (int n = 1; n <= 14; n++) {
            String p = String.format("Z8.%02d.", n);
            z(p + "1", "同序号“2.3.4.5”标准一致", COVERAGE, PROJECT, "100", kinds(ServiceKind.HOME_ASSESSMENT));
            z(p + "2", "≥2次/月", ACTIVITY_COUNT, MONTH, "2", none());
            z(p + "3", "≥2次/月", ACTIVITY_COUNT, MONTH, "2", none());
            z(p + "4", "台账1份", ENTITY_COUNT, PROJECT, "1", entity(EntityType.FOLLOW_UP_ROSTER));
            z(p + "5", "≥1次/季度", PER_RECIPIENT_FREQUENCY, QUARTER, "1", entity(EntityType.FOLLOW_UP_ROSTER));
            z(
                    p + "6",
                    "5个个案、每个5节",
                    CASE_QUOTA,
                    PROJECT,
                    "5",
                    i -> assertThat(i.params().sessionsEach()).isEqualTo(5));
            z(
                    p + "7",
                    "6个小组、每个5节（每节不得少于6人）",
                    GROUP_QUOTA,
                    PROJECT,
                    "6",
                    i -> assertThat(i.params().attendeesPerSession()).isEqualTo(6));
            z(p + "8", "服务成功案例个数", EXEMPLARY, PROJECT, "1", none());
        }
        // ---------------- 扎赉诺尔 服务成效
        z("Z9.1.1", "打造至少1个民政社工站服务品牌", ENTITY_COUNT, PROJECT, "1", entity(EntityType.SERVICE_BRAND));
        z("Z9.2.1", "发布民政社工站基本情况、服务内容及工作动态等", CHECKLIST, PROJECT, null, none());
    }

    @TestFactory
    Stream<DynamicTest> everyIndicatorMatchesItsSeedPhrase() {
        return ROWS.stream()
                .map(r -> DynamicTest.dynamicTest(r.code() + " " + r.kind() + " ← " + r.phrase(), () -> {
                    assertThat(norm(r.seed())).as("phrase is in the seed").contains(norm(r.phrase()));
                    Indicator ind = r.catalog()
                            .indicator(r.code())
                            .orElseThrow(() -> new AssertionError("missing " + r.code()));
                    CatalogItem item = r.catalog()
                            .items()
                            .filter(i -> i.indicators().contains(ind))
                            .findFirst()
                            .orElseThrow();
                    String texts = norm(String.join(
                            "|",
                            nz(ind.standard()),
                            nz(ind.value()),
                            nz(ind.evidence()),
                            nz(item.content()),
                            nz(item.note())));
                    assertThat(texts).as("the indicator carries the phrase").contains(norm(r.phrase()));
                    assertThat(ind.kind()).isEqualTo(r.kind());
                    assertThat(ind.period()).isEqualTo(r.period());
                    if (r.target() == null) {
                        assertThat(ind.targets()).isEmpty();
                    } else {
                        assertThat(ind.target("STANDARD")).isEqualByComparingTo(new BigDecimal(r.target()));
                    }
                    r.more().accept(ind);
                }));
    }

    @Test
    void theTableCoversEveryBuiltInIndicatorAndNoneIsDropped() {
        for (CatalogContent c : List.of(JIUYUAN, ZHALAINUOER)) {
            Set<String> expected =
                    ROWS.stream().filter(r -> r.catalog() == c).map(Row::code).collect(Collectors.toSet());
            Set<String> actual = c.indicators().map(Indicator::code).collect(Collectors.toSet());
            assertThat(actual).isEqualTo(expected);
        }
        assertThat(JIUYUAN.items().filter(i -> i.category() == ItemCategory.MANDATORY))
                .hasSize(10);
        assertThat(JIUYUAN.items().filter(i -> i.category() == ItemCategory.OPTIONAL))
                .hasSize(10);
        assertThat(JIUYUAN.items()).allSatisfy(i -> assertThat(i.indicators()).isNotEmpty());
        assertThat(ZHALAINUOER.items())
                .allSatisfy(i -> assertThat(i.indicators()).isNotEmpty());
        assertThat(ZHALAINUOER.tasks()).extracting(t -> t.no()).startsWith("1", "2", "3", "4", "5", "6", "7", "8");
    }

    @Test
    void selectionRulesFollowTheSeeds() {
        var jg = JIUYUAN.groups().get(0);
        assertThat(jg.rule()).isEqualTo("自选任务共10项，至少选择3项");
        assertThat(jg.min()).isEqualTo(3);
        assertThat(jg.max()).isNull();
        var zg = ZHALAINUOER.groups().get(0);
        assertThat(zg.rule()).contains("任选一项");
        assertThat(zg.min()).isEqualTo(1);
        assertThat(zg.max()).isEqualTo(1);
        assertThat(ZHALAINUOER.items().filter(i -> "OPT".equals(i.group()))).hasSize(14);
    }

    @Test
    void seedTextsAreVerbatim() {
        check(JIUYUAN, JIUYUAN_SEED, true);
        check(ZHALAINUOER, ZHALAINUOER_SEED, false);
    }

    private static void check(CatalogContent c, String seed, boolean itemNamesFromSeed) {
        String n = norm(seed);
        String compact = n.replaceAll("\\s", "");
        assertThat(compact).contains(c.name().replaceAll("\\s", ""));
        if (c.notes() != null) {
            c.notes().lines().forEach(line -> assertThat(n).contains(norm(line)));
        }
        c.groups().forEach(g -> assertThat(n).contains(norm(g.rule())));
        c.tasks()
                .forEach(t -> assertThat(compact)
                        .as("task name " + t.name())
                        .contains(t.name().replaceAll("\\s", "")));
        c.items().forEach(i -> {
            if (itemNamesFromSeed) {
                assertThat(compact)
                        .as("item name " + i.name())
                        .contains(i.name().replaceAll("\\s", ""));
            }
            i.content()
                    .lines()
                    .forEach(line -> assertThat(n).as("content of " + i.code()).contains(norm(line)));
            if (i.population() != null) {
                assertThat(n).contains(norm(i.population()));
            }
            if (i.note() != null) {
                assertThat(n).contains(norm(i.note()));
            }
            i.indicators().forEach(ind -> {
                for (String text : new String[] {ind.standard(), ind.value(), ind.evidence()}) {
                    if (text != null) {
                        text.lines()
                                .forEach(line -> assertThat(n)
                                        .as(ind.code() + ": " + line)
                                        .contains(norm(line)));
                    }
                }
            });
        });
    }

    /** Removes what the PDF/DOCX extraction added: line breaks and table tabs. */
    static String norm(String s) {
        return s.replaceAll("[\\r\\n\\t]", "");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String seed(String path) {
        try (InputStream in = BuiltinCatalogTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
