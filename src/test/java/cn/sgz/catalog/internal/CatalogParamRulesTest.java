package cn.sgz.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.catalog.AmountAggregate;
import cn.sgz.catalog.CatalogContent;
import cn.sgz.catalog.EntityCountMode;
import cn.sgz.shared.BusinessException.FieldProblem;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

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
    @CsvSource(delimiter = '|', value = {
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
            assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.message()).contains(refused)
                    .doesNotContainPattern("[A-Za-z]+Exception"));
        }
    }

    @Test
    void newConstructsRoundTripInYamlAndExcel() {
        String yaml = catalog("AMOUNT", "entityType: RELIEF_EVENT, aggregate: EVENTS_AT_LEAST, eventsMin: 2, unit: 次",
                "STANDARD: 1000").replace("""
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
}
