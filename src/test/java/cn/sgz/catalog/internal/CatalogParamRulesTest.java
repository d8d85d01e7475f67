package cn.sgz.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.catalog.AmountAggregate;
import cn.sgz.catalog.CatalogContent;
import cn.sgz.catalog.EntityCountMode;
import cn.sgz.shared.BusinessException.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which parameters each rule kind applies: a parameter a kind does not apply is refused on the line of the
 * indicator, never accepted and ignored; the new constructs (countMode, EVENTS_AT_LEAST + eventsMin) read,
 * export and read back the same in YAML and in Excel.
 */
class CatalogParamRulesTest {

    static String catalog(String kind, String params, String targets) {
        return """
                code: rules-2026
                name: 参数规则
                tiers:
                  - code: STANDARD
                    label: 指标值
                tasks:
                  - code: T1
                    name: 任务
                    items:
                      - code: I1
                        name: 分项
                        category: MANDATORY
                        content: 内容
                        indicators:
                          - code: I1.1
                            name: 指标
                            kind: %s
                            period: MONTH
                            targets: {%s}
                            params: {%s}
                            standard: 原文
                """.formatted(kind, targets, params);
    }

    @ParameterizedTest(name = "{0} with {1} → {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // kind | params | refused parameter (empty: accepted)
                "ACTIVITY_COUNT | recordKinds: [TRAINING], sessionsEach: 2 | sessionsEach",
                "ACTIVITY_COUNT | recordKinds: [TRAINING], certifiedMin: 1 | certifiedMin",
                "ACTIVITY_COUNT | recordKinds: [TRAINING], countMode: STARTED | countMode",
                "CASE_QUOTA | sessionsEach: 5, attendeesPerSession: 6 | attendeesPerSession",
                "GROUP_QUOTA | sessionsEach: 5, attendeesPerSession: 6 | ",
                "ENTITY_COUNT | entityType: COMMUNITY_ORG, domain: ELDERLY | domain",
                "ENTITY_COUNT | entityType: FOLLOW_UP_ROSTER, domain: ELDERLY | ",
                "ENTITY_COUNT | entityType: CHARITY_PROJECT, countMode: STARTED | ",
                "ENTITY_COUNT | entityType: CHARITY_PROJECT, aggregate: SUM | aggregate",
                "AMOUNT | entityType: RELIEF_EVENT, aggregate: EACH_EVENT, eventsMin: 2 | eventsMin",
                "AMOUNT | entityType: RELIEF_EVENT, aggregate: EVENTS_AT_LEAST, eventsMin: 2 | ",
                "AMOUNT | entityType: RELIEF_EVENT, aggregate: EVENTS_AT_LEAST, eventsMin: 0 | eventsMin",
                "STAFFING | certifiedMin: 1, documents: [制度] | documents",
                "PER_RECIPIENT_FREQUENCY | recordKinds: [FOLLOW_UP_VISIT], entityType: FOLLOW_UP_ROSTER, domain: CHILD | ",
                "PER_RECIPIENT_FREQUENCY | recordKinds: [FOLLOW_UP_VISIT], domain: CHILD, condition: 注册 | condition",
            })
    void aParameterTheKindDoesNotApplyIsRefused(String kind, String params, String refused) {
        String yaml = catalog(kind, params, "STANDARD: 2");
        if (refused == null) {
            assertThat(CatalogYaml.parse(yaml).indicator("I1.1")).isPresent();
        } else {
            List<FieldProblem> problems = CatalogYamlTest.problems(yaml);
            assertThat(problems)
                    .isNotEmpty()
                    .allSatisfy(
                            p -> assertThat(p.message()).contains(refused).doesNotContainPattern("[A-Za-z]+Exception"));
        }
    }

    /** A tiered catalog: a higher tier asks for more on several parameters of one indicator at once. */
    static final String TIERED = """
            code: tiered-2026
            name: 分档示例
            tiers:
              - code: TIER_10W
                label: 10万指标值
              - code: TIER_20W
                label: 20万指标值
            tasks:
              - code: T1
                name: 任务
                items:
                  - code: I1
                    name: 分项
                    category: MANDATORY
                    content: 内容
                    indicators:
                      - code: I1.1
                        name: 驻站社工
                        kind: STAFFING
                        period: PROJECT
                        targets: {TIER_10W: 2, TIER_20W: 3}
                        params: {certifiedMin: {TIER_10W: 1, TIER_20W: 2}, unit: 人}
                        value: {TIER_10W: 2名驻站社工，至少1人持证, TIER_20W: 3名驻站社工，至少2人持证}
                      - code: I1.2
                        name: 小组
                        kind: GROUP_QUOTA
                        period: PROJECT
                        targets: {TIER_10W: 4, TIER_20W: 6}
                        params: {sessionsEach: {TIER_10W: 4, TIER_20W: 5}, attendeesPerSession: {TIER_10W: 6, TIER_20W: 8}}
                        standard: 小组每个不少于4（5）节，每节不少于6（8）人
            """;

    @Test
    void everyNumericParameterAndTheValueTextMayBeGivenPerTier() {
        CatalogContent c = CatalogYaml.parse(TIERED);
        var staff = c.indicator("I1.1").orElseThrow();
        assertThat(staff.forTier("TIER_10W").params().certifiedMin()).isEqualTo(1);
        assertThat(staff.forTier("TIER_20W").params().certifiedMin()).isEqualTo(2);
        assertThat(staff.forTier("TIER_20W").value()).isEqualTo("3名驻站社工，至少2人持证");
        var group = c.indicator("I1.2").orElseThrow();
        assertThat(group.forTier("TIER_10W").params())
                .extracting("sessionsEach", "attendeesPerSession")
                .containsExactly(4, 6);
        assertThat(group.forTier("TIER_20W").params())
                .extracting("sessionsEach", "attendeesPerSession")
                .containsExactly(5, 8);
        assertThat(CatalogYaml.parse(CatalogYaml.export(c))).isEqualTo(c);
        assertThat(CatalogExcel.parse(CatalogExcel.export(c))).isEqualTo(c);
        // the catalog page shows each tier's own parameters
        assertThat(new IndicatorText().target(staff, "TIER_10W")).isEqualTo("≥2人，其中持证≥1人（项目期内）");
        assertThat(new IndicatorText().target(staff, "TIER_20W")).isEqualTo("≥3人，其中持证≥2人（项目期内）");
        assertThat(new IndicatorText().target(group, "TIER_20W")).isEqualTo("≥6，每个≥5节，每节≥8人（项目期内）");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "certifiedMin: {TIER_10W: 1}, unit: 人 | certifiedMin（持证人数）按档位给出时每个档位都要有值，缺少：20万指标值",
                "certifiedMin: {TIER_10W: 1, TIER_30W: 2} | 档位“TIER_30W”未在 tiers 中定义",
                "certifiedMin: {TIER_10W: 1, TIER_20W: -1} | 持证人数（certifiedMin）不能为负数"
            })
    void tieredParametersAreCheckedOnTheirOwn(String params, String message) {
        String yaml = TIERED.replace(
                "params: {certifiedMin: {TIER_10W: 1, TIER_20W: 2}, unit: 人}", "params: {" + params + "}");
        assertThat(CatalogYamlTest.problems(yaml))
                .extracting(FieldProblem::message)
                .anySatisfy(m -> assertThat(m).contains(message));
    }

    @Test
    void aTieredParameterTheKindDoesNotApplyIsRefusedOnce() {
        String yaml = catalog("ACTIVITY_COUNT", "recordKinds: [TRAINING], certifiedMin: {STANDARD: 1}", "STANDARD: 2");
        assertThat(CatalogYamlTest.problems(yaml))
                .extracting(FieldProblem::message)
                .filteredOn(m -> m.contains("certifiedMin"))
                .hasSize(1);
    }

    static final String LINES = """
            code: lines-2026
            name: 行号
            tiers:
              - code: STANDARD
                label: 指标值
            tasks:
              - code: T1
                name: 任务
                items:
                  - code: I1
                    name: 分项
                    category: MANDATORY
                    content: 内容
                    indicators:
                      - code: I1.1
                        name: 指标
                        kind: ACTIVITY_COUNT
                        period: MONTH
                        targets:
                          STANDARD: 2
                        params:
                          recordKinds: [TRAINING]
                          certifiedMin: 1
                        standard: 原文
            """;

    @Test
    void aMessagePointsAtTheLineOfTheOffendingValueNotTheIndicatorsFirstLine() {
        assertThat(CatalogYamlTest.problems(LINES))
                .extracting(FieldProblem::message)
                .containsExactly("第" + CatalogYamlTest.lineOf(LINES, "certifiedMin: 1") + "行：ACTIVITY_COUNT（活动次数）不使用参数 "
                        + "certifiedMin（持证人数），请删除（不会被静默忽略）");
        String badTarget = LINES.replace("STANDARD: 2", "STANDARD: -2").replaceAll("\\n *certifiedMin: 1", "");
        assertThat(CatalogYamlTest.problems(badTarget))
                .extracting(FieldProblem::message)
                .containsExactly("第" + CatalogYamlTest.lineOf(badTarget, "STANDARD: -2") + "行：“指标值”的目标值应大于0且不超过1亿");
    }

    @Test
    void anUnreadableValueIsReportedOnceWithoutAFollowOnMessage() {
        String badKind = LINES.replace("kind: ACTIVITY_COUNT", "kind: 次数统计").replaceAll("\\n *certifiedMin: 1", "");
        assertThat(CatalogYamlTest.problems(badKind))
                .extracting(FieldProblem::message)
                .singleElement()
                .satisfies(m -> assertThat(m)
                        .startsWith("第" + CatalogYamlTest.lineOf(badKind, "kind: 次数统计") + "行：规则类型“次数统计”无效"));
        String badTarget = LINES.replace("STANDARD: 2", "STANDARD: 两次").replaceAll("\\n *certifiedMin: 1", "");
        assertThat(CatalogYamlTest.problems(badTarget))
                .extracting(FieldProblem::message)
                .hasSize(1);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "code: x\nname: 名称\ntiers:\n  - code: A\n   label: 错误缩进\n",
                "code: x\nname: a: b\n",
                "code: 'x\nname: y\n",
                "code: x\n\tname: y\n"
            })
    void syntaxErrorsAreExplainedInChineseWithoutTheParsersEnglish(String yaml) {
        assertThat(CatalogYamlTest.problems(yaml))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.message()).contains("YAML 格式错误").doesNotContainPattern("[a-z]{3,}"));
    }

    @Test
    void anExcelMessagePointsAtTheCellOfTheOffendingValue() {
        CatalogContent c = CatalogYaml.parse(LINES.replaceAll("\\n *certifiedMin: 1", ""));
        byte[] xlsx = CatalogExcel.export(c);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx));
                var out = new java.io.ByteArrayOutputStream()) {
            book.getSheet("服务清单").getRow(1).createCell(24).setCellValue(1); // Y列 持证人数 on an activity count
            book.write(out);
            try {
                CatalogExcel.parse(out.toByteArray());
                throw new AssertionError("expected the file to be rejected");
            } catch (cn.sgz.shared.BusinessException e) {
                assertThat(e.problems())
                        .extracting(FieldProblem::message)
                        .containsExactly("工作表“服务清单”第2行 Y列：ACTIVITY_COUNT（活动次数）不使用参数 certifiedMin（持证人数），请删除（不会被静默忽略）");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The worked tiered catalog in docs/catalog-format.md reads without a problem and round-trips. */
    @Test
    void theDocumentedExamplesRead() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/catalog-format.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "```yaml\n(code: tiered.*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(doc);
        int read = 0;
        while (m.find()) {
            CatalogContent c = CatalogYaml.parse(m.group(1));
            assertThat(CatalogYaml.parse(CatalogYaml.export(c))).isEqualTo(c);
            read++;
        }
        assertThat(read).isEqualTo(1);
    }

    @Test
    void newConstructsRoundTripInYamlAndExcel() {
        String yaml = catalog(
                        "AMOUNT",
                        "entityType: RELIEF_EVENT, aggregate: EVENTS_AT_LEAST, eventsMin: 2, unit: 次",
                        "STANDARD: 1000")
                .replace("""
                            standard: 原文
                """, """
                            standard: 原文
                          - code: I1.2
                            name: 每月新开展慈善项目
                            kind: ENTITY_COUNT
                            period: MONTH
                            targets: {STANDARD: 1}
                            params: {entityType: CHARITY_PROJECT, countMode: 本期新建}
                            standard: 每月开展一个新的慈善项目
                """);
        CatalogContent c = CatalogYaml.parse(yaml);
        assertThat(c.indicator("I1.1").orElseThrow().params().aggregate()).isEqualTo(AmountAggregate.EVENTS_AT_LEAST);
        assertThat(c.indicator("I1.1").orElseThrow().params().eventsMin()).isEqualTo(2);
        assertThat(c.indicator("I1.2").orElseThrow().params().countMode()).isEqualTo(EntityCountMode.STARTED);
        assertThat(CatalogYaml.parse(CatalogYaml.export(c))).isEqualTo(c);
        byte[] xlsx = CatalogExcel.export(c);
        assertThat(CatalogExcel.parse(xlsx)).isEqualTo(c);
    }

    /** 重点任务 → 分项任务 → 服务内容 → 服务标准: the 分项任务 of each 服务内容 reads, exports and reads back the same. */
    @Test
    void fourLevelCatalogsRoundTripInYamlAndExcelAndNameTheSubtask() throws Exception {
        String text = new String(
                new org.springframework.core.io.ClassPathResource("demo/jilin-four-level-excerpt.yaml")
                        .getInputStream()
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        CatalogContent c = CatalogYaml.parse(text);
        assertThat(c.items().map(cn.sgz.catalog.CatalogItem::subtask)).containsOnly("（一）社会救助");
        assertThat(c.item("J1.1.2").orElseThrow().label()).isEqualTo("（一）社会救助 › 入户调查");
        assertThat(CatalogYaml.parse(CatalogYaml.export(c))).isEqualTo(c);
        byte[] xlsx = CatalogExcel.export(c);
        assertThat(CatalogExcel.parse(xlsx)).isEqualTo(c);
        // a three-level item has no subtask and is labelled by its name alone
        CatalogContent three = CatalogYaml.parse(LINES.replaceAll("\\n *certifiedMin: 1", ""));
        assertThat(three.item("I1").orElseThrow().subtask()).isNull();
        assertThat(three.item("I1").orElseThrow().label()).isEqualTo("分项");
        // a later row of the same 服务内容 naming another 分项任务 is refused at its cell
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx));
                var out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.getSheet("服务清单");
            int col = CatalogExcel.COLUMNS.size() + CatalogExcel.EXTRA.indexOf(CatalogExcel.SUBTASK);
            var row = sheet.createRow(sheet.getLastRowNum() + 1);
            for (int k = 0; k < sheet.getRow(1).getLastCellNum(); k++) {
                var cell = sheet.getRow(1).getCell(k);
                if (cell != null) {
                    row.createCell(k).setCellValue(cell.getStringCellValue());
                }
            }
            row.getCell(11).setCellValue("J1.1.1.9");
            row.getCell(col).setCellValue("（二）养老服务");
            book.write(out);
            try {
                CatalogExcel.parse(out.toByteArray());
                throw new AssertionError("expected the file to be rejected");
            } catch (cn.sgz.shared.BusinessException e) {
                assertThat(e.problems())
                        .extracting(FieldProblem::message)
                        .containsExactly("工作表“服务清单”第" + (row.getRowNum() + 1) + "行 "
                                + org.apache.poi.ss.util.CellReference.convertNumToColString(col)
                                + "列：“四级分项任务”与第2行的同一服务内容不一致（同一服务内容的后续行可留空）");
            }
        }
    }
}
