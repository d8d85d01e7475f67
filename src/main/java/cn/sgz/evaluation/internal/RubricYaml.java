package cn.sgz.evaluation.internal;

import cn.sgz.shared.BusinessException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The YAML form of a rubric (docs/rubric-format.md): parsed with every problem reported by line number in
 * Chinese, and written back in the same shape, so an exported rubric imports unchanged.
 */
final class RubricYaml {

    private static final Set<String> STATUSES = Set.of("MET", "ON_TRACK", "AT_RISK", "MISSED", "NOT_DUE");
    private static final int MAX_CHARS = 200_000;

    private final List<BusinessException.FieldProblem> problems = new ArrayList<>();

    private RubricYaml() {}

    /** Parses a rubric or throws a BusinessException listing every problem ("第 N 行：…"). */
    static Rubric parse(String text) {
        if (text == null || text.isBlank()) {
            throw BusinessException.field("file", "评分细则文件为空");
        }
        if (text.length() > MAX_CHARS) {
            throw BusinessException.field("file", "评分细则文件过大（超过 20 万字）");
        }
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw BusinessException.field("file", "第 " + line + " 行：YAML 格式错误（" + e.getProblem() + "），请检查缩进、冒号和引号");
        } catch (RuntimeException e) {
            throw BusinessException.field("file", "YAML 格式错误：" + e.getMessage());
        }
        RubricYaml p = new RubricYaml();
        Rubric r = p.rubric(root);
        if (!p.problems.isEmpty()) {
            throw new BusinessException("INVALID_RUBRIC", p.problems.get(0).message(), p.problems);
        }
        return r;
    }

    private Rubric rubric(Node root) {
        Map<String, Node> m = map(root, "评分细则");
        if (m == null) {
            return null;
        }
        String code = text(m, "code", root, "细则编码", true, 60);
        if (code != null && !code.matches("[A-Za-z0-9._-]+")) {
            add(m.get("code"), "细则编码只能包含字母、数字、点、横线和下划线");
        }
        String name = text(m, "name", root, "细则名称", true, 200);
        List<Rubric.Section> sections = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Node s : list(m, "sections", root, "评分部分（sections）")) {
            Map<String, Node> sm = map(s, "评分部分");
            if (sm == null) {
                continue;
            }
            String sname = text(sm, "name", s, "部分名称", true, 100);
            List<Rubric.Item> items = new ArrayList<>();
            for (Node i : list(sm, "items", s, "评分项（items）")) {
                Rubric.Item item = item(i, codes);
                if (item != null) {
                    items.add(item);
                }
            }
            sections.add(new Rubric.Section(sname, items));
        }
        return new Rubric(code, name, sections);
    }

    private Rubric.Item item(Node node, Set<String> codes) {
        Map<String, Node> m = map(node, "评分项");
        if (m == null) {
            return null;
        }
        String code = text(m, "code", node, "评分项编码", true, 40);
        if (code != null && !codes.add(code)) {
            add(m.get("code"), "评分项编码“" + code + "”重复");
        }
        String name = text(m, "name", node, "评分项名称", true, 200);
        BigDecimal max = number(m, "max", node, "满分", true);
        if (max != null && (max.signum() <= 0 || max.compareTo(new BigDecimal("1000")) > 0)) {
            add(m.get("max"), "满分应大于 0 且不超过 1000");
        }
        String materials = text(m, "materials", node, "需提供材料", false, 1000);
        String methodText = text(m, "method", node, "计分方式", true, 40);
        Rubric.Method method = null;
        if (methodText != null) {
            try {
                method = Rubric.Method.valueOf(methodText);
            } catch (IllegalArgumentException e) {
                add(
                        m.get("method"),
                        "计分方式“" + methodText
                                + "”不存在，可选：FROM_INDICATOR（指标自动计分）、JUDGEMENT（程度分）、COMBINATION（组合分）、FROM_SATISFACTION（满意度）、FROM_BUDGET（经费执行）");
            }
        }
        String indicator = null;
        Rubric.By by = null;
        Map<String, BigDecimal> statusPoints = new LinkedHashMap<>();
        List<Rubric.RubricLevel> levels = new ArrayList<>();
        List<Rubric.RubricPart> parts = new ArrayList<>();
        if (method == Rubric.Method.FROM_INDICATOR) {
            indicator = text(m, "indicator", node, "对应指标编码", true, 40);
            String byText = text(m, "by", node, "自动计分依据", true, 10);
            if (byText != null) {
                try {
                    by = Rubric.By.valueOf(byText);
                } catch (IllegalArgumentException e) {
                    add(m.get("by"), "自动计分依据应为 STATUS（按达标状态）或 SHARE（按完成比例）");
                }
            }
            if (by == Rubric.By.STATUS) {
                Node pn = m.get("points");
                Map<String, Node> pm = pn == null ? null : map(pn, "各状态得分（points）");
                if (pn == null) {
                    add(node, "按达标状态计分时须给出各状态得分（points），如 MET: 10");
                } else if (pm != null) {
                    pm.forEach((k, v) -> {
                        if (!STATUSES.contains(k)) {
                            add(v, "状态“" + k + "”不存在，可选：MET、ON_TRACK、AT_RISK、MISSED、NOT_DUE");
                        }
                        BigDecimal pts = number(pm, k, pn, "状态 " + k + " 的得分", true);
                        if (pts != null && max != null && (pts.signum() < 0 || pts.compareTo(max) > 0)) {
                            add(v, "状态 " + k + " 的得分 " + pts.toPlainString() + " 超出 0～" + max.toPlainString());
                        }
                        if (pts != null) {
                            statusPoints.put(k, pts);
                        }
                    });
                }
            }
        } else if (method == Rubric.Method.JUDGEMENT) {
            for (Node l : list(m, "levels", node, "评分档次（levels）")) {
                Map<String, Node> lm = map(l, "评分档次");
                if (lm == null) {
                    continue;
                }
                String ln = text(lm, "name", l, "档次名称", true, 100);
                BigDecimal lp = number(lm, "points", l, "档次得分", true);
                if (lp != null && max != null && (lp.signum() < 0 || lp.compareTo(max) > 0)) {
                    add(lm.get("points"), "档次“" + ln + "”的得分 " + lp.toPlainString() + " 超出 0～" + max.toPlainString());
                }
                levels.add(new Rubric.RubricLevel(ln, lp));
            }
        } else if (method == Rubric.Method.COMBINATION) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Node pnode : list(m, "parts", node, "组成部分（parts）")) {
                Map<String, Node> pm = map(pnode, "组成部分");
                if (pm == null) {
                    continue;
                }
                String pn = text(pm, "name", pnode, "组成部分名称", true, 200);
                BigDecimal pmax = number(pm, "max", pnode, "组成部分满分", true);
                if (pmax != null) {
                    if (pmax.signum() <= 0) {
                        add(pm.get("max"), "组成部分满分应大于 0");
                    }
                    sum = sum.add(pmax);
                }
                parts.add(new Rubric.RubricPart(pn, pmax));
            }
            if (max != null && !parts.isEmpty() && sum.compareTo(max) != 0) {
                add(m.get("max"), "各组成部分满分之和 " + sum.toPlainString() + " 与本项满分 " + max.toPlainString() + " 不一致");
            }
        }
        return new Rubric.Item(code, name, max, method, materials, indicator, by, statusPoints, levels, parts);
    }

    // ---- node helpers --------------------------------------------------------------------------

    private Map<String, Node> map(Node node, String what) {
        if (!(node instanceof MappingNode mn)) {
            add(node, what + "应为“键: 值”的映射");
            return null;
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : mn.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                out.put(k.getValue(), t.getValueNode());
            }
        }
        return out;
    }

    private List<Node> list(Map<String, Node> m, String key, Node owner, String what) {
        Node n = m.get(key);
        if (n == null) {
            add(owner, "缺少" + what);
            return List.of();
        }
        if (!(n instanceof SequenceNode sn)) {
            add(n, what + "应为以“- ”开头的列表");
            return List.of();
        }
        if (sn.getValue().isEmpty()) {
            add(n, what + "不能为空");
        }
        return sn.getValue();
    }

    private String text(Map<String, Node> m, String key, Node owner, String what, boolean required, int maxLen) {
        Node n = m.get(key);
        if (n == null) {
            if (required) {
                add(owner, "缺少" + what + "（" + key + "）");
            }
            return null;
        }
        if (!(n instanceof ScalarNode s)) {
            add(n, what + "应为文字");
            return null;
        }
        String v = s.getValue().strip();
        if (v.isEmpty() && required) {
            add(n, what + "不能为空");
            return null;
        }
        if (v.length() > maxLen) {
            add(n, what + "不能超过 " + maxLen + " 个字");
        }
        return v.isEmpty() ? null : v;
    }

    private BigDecimal number(Map<String, Node> m, String key, Node owner, String what, boolean required) {
        Node n = m.get(key);
        if (n == null) {
            if (required) {
                add(owner, "缺少" + what + "（" + key + "）");
            }
            return null;
        }
        if (!(n instanceof ScalarNode s)) {
            add(n, what + "应为数字");
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(s.getValue().strip());
            if (v.scale() > 2) {
                add(n, what + "最多保留两位小数");
            }
            return normalize(v);
        } catch (NumberFormatException e) {
            add(n, what + "“" + s.getValue() + "”不是数字");
            return null;
        }
    }

    /** 5.0 and 5 are the same points: numbers are kept without trailing zeros (and never in E notation). */
    static BigDecimal normalize(BigDecimal v) {
        BigDecimal n = v.stripTrailingZeros();
        return n.scale() < 0 ? n.setScale(0) : n;
    }

    private void add(Node at, String message) {
        int line =
                at == null || at.getStartMark() == null ? 1 : at.getStartMark().getLine() + 1;
        problems.add(new BusinessException.FieldProblem("file", "第 " + line + " 行：" + message));
    }

    // ---- writing ------------------------------------------------------------------------------

    /** The canonical YAML of a rubric (what is stored and exported). */
    static String write(Rubric r) {
        StringBuilder y = new StringBuilder();
        y.append("# 评分细则（格式见 docs/rubric-format.md）\n");
        y.append("code: ").append(q(r.code())).append('\n');
        y.append("name: ").append(q(r.name())).append('\n');
        y.append("sections:\n");
        for (Rubric.Section s : r.sections()) {
            y.append("  - name: ").append(q(s.name())).append('\n');
            y.append("    items:\n");
            for (Rubric.Item i : s.items()) {
                y.append("      - code: ").append(q(i.code())).append('\n');
                y.append("        name: ").append(q(i.name())).append('\n');
                y.append("        max: ").append(i.max().toPlainString()).append('\n');
                y.append("        method: ").append(i.method().name()).append('\n');
                if (i.materials() != null) {
                    y.append("        materials: ").append(q(i.materials())).append('\n');
                }
                if (i.method() == Rubric.Method.FROM_INDICATOR) {
                    y.append("        indicator: ").append(q(i.indicator())).append('\n');
                    y.append("        by: ").append(i.by().name()).append('\n');
                    if (i.by() == Rubric.By.STATUS) {
                        y.append("        points:\n");
                        i.statusPoints().entrySet().stream()
                                .sorted(Map.Entry.comparingByKey())
                                .forEach(e -> y.append("          ")
                                        .append(e.getKey())
                                        .append(": ")
                                        .append(e.getValue().toPlainString())
                                        .append('\n'));
                    }
                }
                if (i.method() == Rubric.Method.JUDGEMENT) {
                    y.append("        levels:\n");
                    for (Rubric.RubricLevel l : i.levels()) {
                        y.append("          - name: ").append(q(l.name())).append('\n');
                        y.append("            points: ")
                                .append(l.points().toPlainString())
                                .append('\n');
                    }
                }
                if (i.method() == Rubric.Method.COMBINATION) {
                    y.append("        parts:\n");
                    for (Rubric.RubricPart p : i.parts()) {
                        y.append("          - name: ").append(q(p.name())).append('\n');
                        y.append("            max: ")
                                .append(p.max().toPlainString())
                                .append('\n');
                    }
                }
            }
        }
        return y.toString();
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
