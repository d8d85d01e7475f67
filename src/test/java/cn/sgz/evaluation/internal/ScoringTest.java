package cn.sgz.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sgz.catalog.RuleKind;
import cn.sgz.catalog.SubPeriod;
import cn.sgz.progress.IndicatorResult;
import cn.sgz.progress.IndicatorStatus;
import cn.sgz.progress.SubPeriodResult;
import cn.sgz.shared.BusinessException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The arithmetic of every scoring method and of grades, table by table. */
class ScoringTest {

    static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    static Rubric.Item byStatus() {
        return new Rubric.Item(
                "C2",
                "个案服务",
                d("8"),
                Rubric.Method.FROM_INDICATOR,
                null,
                "M01.2",
                Rubric.By.STATUS,
                Map.of("MET", d("8"), "ON_TRACK", d("8"), "AT_RISK", d("4"), "MISSED", d("0")),
                null,
                null);
    }

    static Rubric.Item byShare(String max) {
        return new Rubric.Item(
                "C1", "覆盖率", d(max), Rubric.Method.FROM_INDICATOR, null, "M01.1", Rubric.By.SHARE, null, null, null);
    }

    static IndicatorResult result(IndicatorStatus status, String target, String actual, List<SubPeriodResult> periods) {
        return new IndicatorResult(
                1,
                "M01.1",
                "指标",
                "项",
                "标准",
                RuleKind.ACTIVITY_COUNT,
                SubPeriod.PROJECT,
                d(target),
                d(actual),
                "次",
                status,
                periods,
                null,
                null,
                null);
    }

    static SubPeriodResult period(String target, String actual, IndicatorStatus s) {
        return new SubPeriodResult("p", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), d(target), d(actual), s);
    }

    static Stream<Arguments> indicatorCases() {
        return Stream.of(
                Arguments.of(byStatus(), result(IndicatorStatus.MET, "6", "6", List.of()), "8"),
                Arguments.of(byStatus(), result(IndicatorStatus.AT_RISK, "6", "2", List.of()), "4"),
                Arguments.of(byStatus(), result(IndicatorStatus.MISSED, "6", "1", List.of()), "0"),
                // a status the rubric gives no points for scores 0
                Arguments.of(byStatus(), result(IndicatorStatus.NOT_DUE, "6", "0", List.of()), "0"),
                // share of the target, capped at the maximum
                Arguments.of(byShare("8"), result(IndicatorStatus.AT_RISK, "100", "75", List.of()), "6.0"),
                Arguments.of(byShare("8"), result(IndicatorStatus.MET, "100", "130", List.of()), "8.0"),
                Arguments.of(byShare("5"), result(IndicatorStatus.MISSED, "3", "1", List.of()), "1.7"),
                // several due sub-periods: the average of each period's (capped) share
                Arguments.of(
                        byShare("6"),
                        result(
                                IndicatorStatus.AT_RISK,
                                "2",
                                "1",
                                List.of(
                                        period("2", "2", IndicatorStatus.MET), period("2", "3", IndicatorStatus.MET),
                                        period("2", "1", IndicatorStatus.MISSED),
                                                period("2", "0", IndicatorStatus.NOT_DUE))),
                        "5.0"),
                // no target (a document present or not): all or nothing by status
                Arguments.of(byShare("4"), result(IndicatorStatus.MET, null, null, List.of()), "4.0"),
                Arguments.of(byShare("4"), result(IndicatorStatus.MISSED, null, null, List.of()), "0.0"),
                // cannot be scored automatically
                Arguments.of(byShare("4"), result(IndicatorStatus.NOT_CONNECTED, null, null, List.of()), null),
                Arguments.of(byShare("4"), null, null));
    }

    @ParameterizedTest
    @MethodSource("indicatorCases")
    void fromIndicator(Rubric.Item item, IndicatorResult r, String expected) {
        Scoring.Auto a = Scoring.fromIndicator(item, r);
        if (expected == null) {
            assertThat(a.points()).isNull();
        } else {
            assertThat(a.points()).isEqualByComparingTo(expected);
        }
    }

    static Stream<Arguments> satisfactionCases() {
        return Stream.of(
                Arguments.of(0, 0.0, null),
                Arguments.of(10, 5.0, "10.0"),
                Arguments.of(6, 4.3, "8.6"),
                Arguments.of(3, 2.25, "4.5"),
                Arguments.of(1, 1.0, "2.0"));
    }

    @ParameterizedTest
    @MethodSource("satisfactionCases")
    void fromSatisfaction(int responses, double avg, String expected) {
        Rubric.Item item = new Rubric.Item(
                "S1", "满意度", d("10"), Rubric.Method.FROM_SATISFACTION, null, null, null, null, null, null);
        Scoring.Auto a = Scoring.fromSatisfaction(item, responses, avg);
        if (expected == null) {
            assertThat(a.points()).isNull();
        } else {
            assertThat(a.points()).isEqualByComparingTo(expected);
        }
    }

    static Stream<Arguments> budgetCases() {
        // budget, spent (stands), pending, refused, expected points of 10 (null: the evaluator scores)
        return Stream.of(
                Arguments.of("0", "0", "0", "0", null), // no budget
                Arguments.of("10000", "0", "0", "0", null), // no expense yet
                Arguments.of("10000", "8000", "0", "0", "10"), // all compliant, within budget
                Arguments.of("10000", "10000", "0", "0", "10"), // exactly the budget is within it
                Arguments.of("10000", "7500", "2500", "0", "7.5"), // a quarter awaits the bureau
                Arguments.of("10000", "9000", "0", "1000", "9"), // a tenth refused
                Arguments.of("10000", "12500", "0", "0", "8"), // over budget: × 10000 / 12500
                Arguments.of("10000", "12500", "0", "12500", "4"), // half refused and over budget
                Arguments.of("10000", "0", "500", "0", "0")); // only a flagged expense awaiting
    }

    @ParameterizedTest
    @MethodSource("budgetCases")
    void fromBudget(String budget, String spent, String pending, String refused, String expected) {
        Rubric.Item item =
                new Rubric.Item("M1", "财务管理", d("10"), Rubric.Method.FROM_BUDGET, null, null, null, null, null, null);
        var f = new cn.sgz.finance.BudgetExecution.StationFigures(
                d(budget), d(spent), d(spent), d(pending), 0, d(refused), BigDecimal.ZERO);
        Scoring.Auto a = Scoring.fromBudget(item, f);
        if (expected == null) {
            assertThat(a.points()).isNull();
        } else {
            assertThat(a.points()).as(a.note()).isEqualByComparingTo(expected);
        }
    }

    @org.junit.jupiter.api.Test
    void fromBudgetIsAutomatic() {
        Rubric.Item item =
                new Rubric.Item("M1", "财务管理", d("10"), Rubric.Method.FROM_BUDGET, null, null, null, null, null, null);
        assertThat(item.automatic()).isTrue();
        assertThat(Scoring.fromBudget(item, null).points()).isNull();
    }

    static final Rubric.Item JUDGED = new Rubric.Item(
            "F1",
            "标牌标识",
            d("5"),
            Rubric.Method.JUDGEMENT,
            null,
            null,
            null,
            null,
            List.of(
                    new Rubric.RubricLevel("规范齐全", d("5")),
                    new Rubric.RubricLevel("基本规范", d("3")),
                    new Rubric.RubricLevel("未设置", d("0"))),
            null);

    static Stream<Arguments> judgementCases() {
        return Stream.of(
                Arguments.of("规范齐全", null, "已查看", "5", null),
                Arguments.of("基本规范", null, "缺标志", "3", null),
                Arguments.of("未设置", null, "没有标牌", "0", null),
                Arguments.of(null, "4.5", "介于两档之间", "4.5", null),
                Arguments.of("基本规范", null, null, null, "comment"),
                Arguments.of("基本规范", null, " ", null, "comment"),
                Arguments.of("很好", null, "说明", null, "level"),
                Arguments.of(null, "5.5", "超出", null, "points"),
                Arguments.of(null, "-1", "负分", null, "points"),
                Arguments.of(null, "2.25", "两位小数", null, "points"),
                Arguments.of(null, null, "没有分", null, "points"));
    }

    @ParameterizedTest
    @MethodSource("judgementCases")
    void judgement(String level, String points, String comment, String expected, String badField) {
        if (badField != null) {
            assertThatThrownBy(() -> score(level, points, comment))
                    .isInstanceOf(BusinessException.class)
                    .satisfies(e -> assertThat(
                                    ((BusinessException) e).problems().get(0).field())
                            .isEqualTo(badField));
        } else {
            assertThat(score(level, points, comment)).isEqualByComparingTo(expected);
        }
    }

    private static BigDecimal score(String level, String points, String comment) {
        return level != null
                ? Scoring.judged(JUDGED, level, comment)
                : Scoring.judgedPoints(JUDGED, d(points), comment);
    }

    static final Rubric.Item COMBINED = new Rubric.Item(
            "R1",
            "制度建设",
            d("6"),
            Rubric.Method.COMBINATION,
            null,
            null,
            null,
            null,
            null,
            List.of(
                    new Rubric.RubricPart("日常管理", d("2")),
                    new Rubric.RubricPart("档案管理", d("2")),
                    new Rubric.RubricPart("财务管理", d("2"))));

    static Stream<Arguments> combinationCases() {
        return Stream.of(
                Arguments.of(List.of("2", "2", "2"), "6", null),
                Arguments.of(List.of("1.5", "0", "2"), "3.5", null),
                Arguments.of(List.of("0", "0", "0"), "0", null),
                Arguments.of(List.of("2", "2.5", "0"), null, "parts[1]"),
                Arguments.of(List.of("2", "2"), null, "parts"),
                Arguments.of(List.of("-0.5", "1", "1"), null, "parts[0]"));
    }

    @ParameterizedTest
    @MethodSource("combinationCases")
    void combination(List<String> parts, String expected, String badField) {
        List<BigDecimal> values = parts.stream().map(BigDecimal::new).toList();
        if (badField != null) {
            assertThatThrownBy(() -> Scoring.combined(COMBINED, values))
                    .isInstanceOf(BusinessException.class)
                    .satisfies(e -> assertThat(
                                    ((BusinessException) e).problems().get(0).field())
                            .isEqualTo(badField))
                    .hasMessageContaining("制度建设");
        } else {
            assertThat(Scoring.combined(COMBINED, values)).isEqualByComparingTo(expected);
        }
    }

    static Stream<Arguments> gradeCases() {
        return Stream.of(
                Arguments.of("95", "100", "优秀"),
                Arguments.of("90", "100", "优秀"),
                Arguments.of("89.9", "100", "良好"),
                Arguments.of("75", "100", "良好"),
                Arguments.of("60", "100", "合格"),
                Arguments.of("59.5", "100", "不合格"),
                Arguments.of("45", "50", "优秀"),
                Arguments.of("0", "0", "不合格"));
    }

    @ParameterizedTest
    @MethodSource("gradeCases")
    void grade(String total, String max, String expected) {
        assertThat(Scoring.grade(d(total), d(max), Scoring.thresholds("90,75,60")))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("badThresholds")
    void thresholdsAreChecked(String text) {
        assertThatThrownBy(() -> Scoring.thresholds(text))
                .isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(
                                ((BusinessException) e).problems().get(0).field())
                        .isEqualTo("thresholds"));
    }

    static Stream<String> badThresholds() {
        return Stream.of("90,75", "60,75,90", "a,b,c", "120,75,60", "90,90,60");
    }
}
