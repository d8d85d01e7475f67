package cn.sgz.evaluation.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * 评分细则: sections of items, each with its maximum points, how it is scored and the materials an evaluator
 * asks for (需提供材料). Parsed from and written back to YAML by {@link RubricYaml}.
 */
record Rubric(String code, String name, List<Section> sections) {

    Rubric {
        sections = List.copyOf(sections);
    }

    Stream<Item> items() {
        return sections.stream().flatMap(s -> s.items().stream());
    }

    BigDecimal totalPoints() {
        return items().map(Item::max).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    Item item(String code) {
        return items().filter(i -> i.code().equals(code)).findFirst().orElse(null);
    }

    record Section(String name, List<Item> items) {
        Section {
            items = List.copyOf(items);
        }

        BigDecimal max() {
            return items.stream().map(Item::max).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /**
     * One item. For FROM_INDICATOR: {@code indicator} (a catalog indicator code) and {@code by} STATUS
     * (points per status in {@code statusPoints}) or SHARE (max × actual/target, capped at max). JUDGEMENT:
     * {@code levels}. COMBINATION: {@code parts}. FROM_SATISFACTION: max × average/5.
     * FROM_BUDGET: max × the share of the station's expenses that stand (not awaiting or refused by the bureau),
     * × budget / spent when the station spent more than its budget.
     */
    record Item(
            String code,
            String name,
            BigDecimal max,
            Method method,
            String materials,
            String indicator,
            By by,
            Map<String, BigDecimal> statusPoints,
            List<RubricLevel> levels,
            List<RubricPart> parts) {
        Item {
            statusPoints = statusPoints == null ? Map.of() : Map.copyOf(statusPoints);
            levels = levels == null ? List.of() : List.copyOf(levels);
            parts = parts == null ? List.of() : List.copyOf(parts);
        }

        boolean automatic() {
            return method == Method.FROM_INDICATOR
                    || method == Method.FROM_SATISFACTION
                    || method == Method.FROM_BUDGET;
        }
    }

    record RubricLevel(String name, BigDecimal points) {}

    record RubricPart(String name, BigDecimal max) {}

    enum Method {
        FROM_INDICATOR("指标自动计分"),
        JUDGEMENT("程度分（评估人判断）"),
        COMBINATION("组合分"),
        FROM_SATISFACTION("满意度自动计分"),
        FROM_BUDGET("经费执行自动计分");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    enum By {
        STATUS,
        SHARE
    }
}
