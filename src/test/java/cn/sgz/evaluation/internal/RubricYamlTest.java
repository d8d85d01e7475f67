package cn.sgz.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sgz.shared.BusinessException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rubric YAML: the built-in example parses and round-trips; bad files name their lines in Chinese. */
class RubricYamlTest {

    static String builtin() throws Exception {
        try (InputStream in = RubricYamlTest.class.getResourceAsStream(RubricService.BUILTIN_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void builtinRubricHasTheFiveEvaluationContentsAndAHundredPoints() throws Exception {
        Rubric r = RubricYaml.parse(builtin());
        assertThat(r.sections())
                .extracting(Rubric.Section::name)
                .containsExactly("服务设施", "人员配备", "服务内容", "运行管理", "服务满意度");
        assertThat(r.totalPoints()).isEqualByComparingTo("100");
        assertThat(r.items().map(Rubric.Item::method).distinct())
                .containsExactlyInAnyOrder(
                        Rubric.Method.JUDGEMENT,
                        Rubric.Method.COMBINATION,
                        Rubric.Method.FROM_INDICATOR,
                        Rubric.Method.FROM_SATISFACTION);
        // export and import again: the same rubric
        assertThat(RubricYaml.parse(RubricYaml.write(r))).isEqualTo(r);
    }

    static List<String> problems(String yaml) {
        try {
            RubricYaml.parse(yaml);
        } catch (BusinessException e) {
            return e.problems().stream()
                    .map(BusinessException.FieldProblem::message)
                    .toList();
        }
        throw new AssertionError("expected problems");
    }

    @Test
    void everyProblemIsReportedWithItsLine() {
        String yaml = String.join(
                "\n",
                "code: test", // 1
                "name: 测试细则", // 2
                "sections:", // 3
                "  - name: 服务设施", // 4
                "    items:", // 5
                "      - code: A1", // 6
                "        name: 标牌", // 7
                "        max: 5", // 8
                "        method: GUESS", // 9
                "      - code: A1", // 10
                "        name: 重复", // 11
                "        max: abc", // 12
                "        method: JUDGEMENT", // 13
                "        levels:", // 14
                "          - name: 好", // 15
                "            points: 9", // 16
                "      - code: A3", // 17
                "        name: 组合", // 18
                "        max: 4", // 19
                "        method: COMBINATION", // 20
                "        parts:", // 21
                "          - name: 甲", // 22
                "            max: 1", // 23
                "      - code: A4", // 24
                "        name: 指标", // 25
                "        max: 4", // 26
                "        method: FROM_INDICATOR", // 27
                "        by: STATUS", // 28
                "        points:", // 29
                "          MET: 5", // 30
                "          GOOD: 1"); // 31
        assertThat(problems(yaml))
                .contains(
                        "第 9 行：计分方式“GUESS”不存在，可选：FROM_INDICATOR（指标自动计分）、JUDGEMENT（程度分）、COMBINATION（组合分）、FROM_SATISFACTION（满意度）、FROM_BUDGET（经费执行）",
                        "第 10 行：评分项编码“A1”重复",
                        "第 12 行：满分“abc”不是数字",
                        "第 19 行：各组成部分满分之和 1 与本项满分 4 不一致",
                        "第 24 行：缺少对应指标编码（indicator）",
                        "第 30 行：状态 MET 的得分 5 超出 0～4",
                        "第 31 行：状态“GOOD”不存在，可选：MET、ON_TRACK、AT_RISK、MISSED、NOT_DUE");
    }

    @Test
    void brokenYamlNamesTheLine() {
        assertThatThrownBy(() -> RubricYaml.parse("code: a\nname: b\nsections:\n  - name: x\n   items: [\n"))
                .isInstanceOf(BusinessException.class)
                .hasMessageStartingWith("第 ");
        assertThatThrownBy(() -> RubricYaml.parse("")).hasMessage("评分细则文件为空");
    }
}
