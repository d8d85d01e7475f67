package cn.sgz.catalog.internal;

import cn.sgz.catalog.AmountAggregate;
import cn.sgz.catalog.CatalogContent;
import cn.sgz.catalog.CatalogItem;
import cn.sgz.catalog.CatalogTask;
import cn.sgz.catalog.CatalogTier;
import cn.sgz.catalog.EntityCountMode;
import cn.sgz.catalog.EntityType;
import cn.sgz.catalog.Indicator;
import cn.sgz.catalog.IndicatorParams;
import cn.sgz.catalog.ItemCategory;
import cn.sgz.catalog.RuleKind;
import cn.sgz.catalog.SelectionGroup;
import cn.sgz.catalog.SubPeriod;
import cn.sgz.catalog.TierParams;
import cn.sgz.shared.vocabulary.Labelled;
import cn.sgz.shared.vocabulary.LedgerDomain;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The catalog text format (docs/catalog-format.md): YAML read as a node tree so that every problem is
 * reported with its line ("第12行：…"), and written back so that reading the output gives the same
 * catalog. Only plain data is read: no tags, no objects, bounded size and aliases.
 */
final class CatalogYaml {

    static final int MAX_CHARS = 2_000_000;

    private static final Set<String> CATALOG_KEYS =
            Set.of("code", "name", "region", "year", "source", "notes", "tiers", "groups", "tasks");
    private static final Set<String> TIER_KEYS = Set.of("code", "label");
    private static final Set<String> GROUP_KEYS = Set.of("code", "name", "min", "max", "rule");
    private static final Set<String> TASK_KEYS = Set.of("code", "number", "name", "items");
    private static final Set<String> ITEM_KEYS = Set.of(
            "code", "number", "name", "subtask", "category", "group", "content", "population", "note", "indicators");
    private static final Set<String> INDICATOR_KEYS =
            Set.of("code", "name", "kind", "period", "targets", "standard", "value", "evidence", "params");
    private static final Set<String> PARAM_KEYS = Set.of(
            "recordKinds",
            "domain",
            "subtype",
            "entityType",
            "sessionsEach",
            "attendeesPerSession",
            "certifiedMin",
            "aggregate",
            "condition",
            "documents",
            "unit",
            "countMode",
            "eventsMin",
            "platform");

    private CatalogYaml() {}

    /** The parser's (English) problem in words a clerk understands; the parser's text is never shown. */
    static String explain(String problem) {
        String t = problem == null ? "" : problem;
        if (t.contains("mapping values are not allowed")) {
            return "此处不能出现“字段: 值”，多半是缩进不对，或文字中含“: ”而没有加引号";
        }
        if (t.contains("could not find expected ':'")) {
            return "缺少冒号“:”，或上一行的引号没有闭合";
        }
        if (t.contains("'\\t'") || t.contains("\t") || t.contains("tab")) {
            return "不能用 Tab 键缩进，请改用空格";
        }
        if (t.contains("expected <block end>")
                || t.contains("did not find expected key")
                || t.contains("expected a block")) {
            return "缩进不一致：同一层的字段应左对齐，列表项以“- ”开头";
        }
        if (t.contains("end of the stream") || t.contains("quoted scalar") || t.contains("unexpected end")) {
            return "引号没有闭合";
        }
        if (t.contains("alias") || t.contains("anchor")) {
            return "别名（& 与 *）使用有误或过多";
        }
        if (t.contains("duplicate key")) {
            return "同一层有重复的字段";
        }
        if (t.contains("cannot start any token")) {
            return "此处含有不能作为开头的字符（如 @ 或 `），请给这段文字加引号";
        }
        return "无法解析此处的内容，请检查缩进、冒号和引号";
    }

    // ------------------------------------------------------------------ reading

    static CatalogContent parse(String text) {
        Problems p = new Problems();
        if (text == null || text.isBlank()) {
            p.add("第1行", "文件内容为空");
            p.throwIfAny("服务清单文件");
        }
        if (text.length() > MAX_CHARS) {
            p.add("", "文件过大（超过200万字符）");
            p.throwIfAny("服务清单文件");
        }
        if (text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(20);
            options.setNestingDepthLimit(20);
            options.setCodePointLimit(MAX_CHARS * 2);
            options.setAllowRecursiveKeys(false);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = m == null ? "" : "第" + (m.getLine() + 1) + "行第" + (m.getColumn() + 1) + "列";
            p.add(where, "YAML 格式错误：" + explain(e.getProblem()));
            p.throwIfAny("服务清单文件");
            return null;
        } catch (YAMLException e) {
            p.add("", "YAML 格式错误：" + explain(e.getMessage()));
            p.throwIfAny("服务清单文件");
            return null;
        }
        if (root == null) {
            p.add("第1行", "文件内容为空");
            p.throwIfAny("服务清单文件");
        }
        CatalogContent content = new Reader(p).catalog(root);
        p.throwIfAny("服务清单文件");
        return content;
    }

    private static String at(Node n) {
        return "第" + (n.getStartMark().getLine() + 1) + "行";
    }

    /** Walks the node tree, converting and checking as it goes. */
    private static final class Reader {

        private final Problems p;

        Reader(Problems p) {
            this.p = p;
        }

        CatalogContent catalog(Node root) {
            Map<String, Node> m = mapping(root, CATALOG_KEYS, "服务清单");
            if (m == null) {
                return null;
            }
            String code = str(m.get("code"));
            String where = m.containsKey("code") ? at(m.get("code")) : at(root);
            CatalogChecks.code(code, "服务清单", p, where);
            CatalogChecks.name(str(m.get("name")), "服务清单名称", p, m.containsKey("name") ? at(m.get("name")) : at(root));
            Integer year = integer(m.get("year"), "年度");
            if (year != null && (year < 1990 || year > 2100)) {
                p.add(at(m.get("year")), "年度应在1990到2100之间");
            }
            String notes = str(m.get("notes"));
            CatalogChecks.text(notes, "说明", false, p, m.containsKey("notes") ? at(m.get("notes")) : at(root));

            List<CatalogTier> tiers = new ArrayList<>();
            Map<String, Node> tierAt = new HashMap<>();
            for (Node n : sequence(m.get("tiers"), "档位（tiers）", true, root)) {
                Map<String, Node> t = mapping(n, TIER_KEYS, "档位");
                if (t != null) {
                    CatalogTier tier = new CatalogTier(str(t.get("code")), str(t.get("label")));
                    CatalogChecks.tier(tier, p, at(n));
                    if (tier.code() != null && tierAt.putIfAbsent(tier.code(), n) != null) {
                        p.add(at(n), "档位编码“" + tier.code() + "”重复（已在" + at(tierAt.get(tier.code())) + "定义）");
                    }
                    tiers.add(tier);
                }
            }

            List<SelectionGroup> groups = new ArrayList<>();
            Map<String, Node> groupAt = new LinkedHashMap<>();
            for (Node n : sequence(m.get("groups"), "选择规则（groups）", false, root)) {
                Map<String, Node> g = mapping(n, GROUP_KEYS, "选择规则");
                if (g != null) {
                    SelectionGroup group = new SelectionGroup(
                            str(g.get("code")),
                            str(g.get("name")),
                            integer(g.get("min"), "最少选择项数"),
                            integer(g.get("max"), "最多选择项数"),
                            str(g.get("rule")));
                    if (group.code() != null && groupAt.putIfAbsent(group.code(), n) != null) {
                        p.add(at(n), "选择规则编码“" + group.code() + "”重复");
                    }
                    groups.add(group);
                }
            }
            Map<String, SelectionGroup> groupsByCode = groups.stream()
                    .filter(g -> g.code() != null)
                    .collect(Collectors.toMap(SelectionGroup::code, Function.identity(), (a, b) -> a));

            List<CatalogTask> tasks = new ArrayList<>();
            Map<String, Node> codes = new HashMap<>();
            for (Node n : sequence(m.get("tasks"), "主要任务（tasks）", true, root)) {
                CatalogTask task = task(n, tiers, groupsByCode, codes);
                if (task != null) {
                    tasks.add(task);
                }
            }
            CatalogContent content = new CatalogContent(
                    code,
                    str(m.get("name")),
                    str(m.get("region")),
                    year,
                    str(m.get("source")),
                    notes,
                    tiers,
                    groups,
                    tasks);
            for (SelectionGroup g : groups) {
                long count = content.items()
                        .filter(i -> g.code() != null && g.code().equals(i.group()))
                        .count();
                CatalogChecks.group(g, count, p, at(groupAt.getOrDefault(g.code(), root)));
            }
            return content;
        }

        private CatalogTask task(
                Node n, List<CatalogTier> tiers, Map<String, SelectionGroup> groups, Map<String, Node> codes) {
            Map<String, Node> t = mapping(n, TASK_KEYS, "主要任务");
            if (t == null) {
                return null;
            }
            String code = str(t.get("code"));
            CatalogChecks.code(code, "主要任务", p, at(n));
            unique(codes, "task:" + code, n, "主要任务编码“" + code + "”");
            CatalogChecks.name(str(t.get("name")), "主要任务名称", p, at(n));
            List<CatalogItem> items = new ArrayList<>();
            for (Node in : sequence(t.get("items"), "分项任务（items）", true, n)) {
                CatalogItem item = item(in, tiers, groups, codes);
                if (item != null) {
                    items.add(item);
                }
            }
            return new CatalogTask(null, code, str(t.get("number")), str(t.get("name")), items);
        }

        private CatalogItem item(
                Node n, List<CatalogTier> tiers, Map<String, SelectionGroup> groups, Map<String, Node> codes) {
            Map<String, Node> m = mapping(n, ITEM_KEYS, "分项任务");
            if (m == null) {
                return null;
            }
            String code = str(m.get("code"));
            unique(codes, "item:" + code, n, "分项任务编码“" + code + "”");
            List<Indicator> indicators = new ArrayList<>();
            for (Node in : sequence(m.get("indicators"), "指标（indicators）", false, n)) {
                Indicator ind = indicator(in, tiers, codes);
                if (ind != null) {
                    indicators.add(ind);
                }
            }
            CatalogItem item = new CatalogItem(
                    null,
                    code,
                    str(m.get("number")),
                    str(m.get("name")),
                    enumValue(m.get("category"), ItemCategory.values(), ItemCategory::parse, "任务类别"),
                    str(m.get("group")),
                    str(m.get("content")),
                    str(m.get("population")),
                    str(m.get("note")),
                    indicators,
                    str(m.get("subtask")));
            CatalogChecks.item(item, groups, p, new CatalogChecks.Locator() {
                @Override
                public String at(String field) {
                    Node f = m.get(field);
                    return CatalogYaml.at(f == null ? n : f);
                }

                @Override
                public boolean given(String field) {
                    return m.containsKey(field);
                }
            });
            return item;
        }

        private Indicator indicator(Node n, List<CatalogTier> tiers, Map<String, Node> codes) {
            Map<String, Node> m = mapping(n, INDICATOR_KEYS, "指标");
            if (m == null) {
                return null;
            }
            String code = str(m.get("code"));
            unique(codes, "indicator:" + code, n, "指标编码“" + code + "”");
            Map<String, BigDecimal> targets = new LinkedHashMap<>();
            Node tn = m.get("targets");
            if (tn != null) {
                if (tn instanceof MappingNode tm) {
                    for (NodeTuple tuple : tm.getValue()) {
                        String tier = str(tuple.getKeyNode());
                        BigDecimal v = decimal(tuple.getValueNode(), "目标值");
                        if (tier != null && targets.containsKey(tier)) {
                            p.add(at(tuple.getKeyNode()), "档位“" + tier + "”的目标值重复");
                        } else if (tier != null && v != null) {
                            targets.put(tier, v);
                        }
                    }
                } else {
                    p.add(at(tn), "targets 应为“档位编码: 目标值”的映射，如 STANDARD: 12");
                }
            }
            IndicatorParams params = params(m.get("params"));
            // 指标值原文: one text, or one per tier ({TIER_10W: "≥1次/月", TIER_20W: "≥2次/月"})
            Node vn = m.get("value");
            Map<String, String> values = new LinkedHashMap<>();
            if (vn instanceof MappingNode vm) {
                for (NodeTuple t : vm.getValue()) {
                    String tier = str(t.getKeyNode());
                    String text = str(t.getValueNode());
                    if (tier != null && text != null) {
                        values.put(tier, text);
                    }
                }
            }
            Indicator ind = new Indicator(
                    null,
                    code,
                    str(m.get("name")),
                    enumValue(m.get("kind"), RuleKind.values(), RuleKind::parse, "规则类型"),
                    enumValue(m.get("period"), SubPeriod.values(), SubPeriod::parse, "统计周期"),
                    params,
                    targets,
                    str(m.get("standard")),
                    vn instanceof MappingNode ? null : str(vn),
                    str(m.get("evidence")),
                    values);
            // where each field is, so that a message points at the offending value
            Map<String, Node> fields = new HashMap<>(m);
            if (tn instanceof MappingNode tm) {
                tm.getValue().forEach(t -> fields.put("targets." + str(t.getKeyNode()), t.getValueNode()));
            }
            if (m.get("params") instanceof MappingNode pm) {
                pm.getValue().forEach(t -> {
                    if (t.getKeyNode() instanceof ScalarNode k) {
                        fields.put("params." + k.getValue(), t.getValueNode());
                    }
                });
            }
            CatalogChecks.indicator(ind, tiers, p, new CatalogChecks.Locator() {
                @Override
                public String at(String field) {
                    Node at = fields.get(field);
                    if (at == null && field.contains(".")) {
                        at = fields.get(field.substring(0, field.indexOf('.')));
                    }
                    return CatalogYaml.at(at == null ? n : at);
                }

                @Override
                public boolean given(String field) {
                    return fields.containsKey(field);
                }
            });
            return ind;
        }

        private IndicatorParams params(Node n) {
            if (n == null) {
                return IndicatorParams.none();
            }
            Map<String, Node> m = mapping(n, PARAM_KEYS, "参数（params）");
            if (m == null) {
                return IndicatorParams.none();
            }
            List<ServiceKind> kinds = new ArrayList<>();
            for (Node k : sequence(m.get("recordKinds"), "记录类型（recordKinds）", false, n)) {
                ServiceKind kind = enumValue(k, ServiceKind.countableValues(), ServiceKind::parseCountable, "记录类型");
                if (kind != null) {
                    kinds.add(kind);
                }
            }
            List<String> documents = new ArrayList<>();
            for (Node d : sequence(m.get("documents"), "所需文书（documents）", false, n)) {
                String doc = str(d);
                if (doc != null) {
                    documents.add(doc);
                }
            }
            // numeric parameters: a number, or a map from tier code to number (per-tier parameters)
            Map<String, Integer> sessions = perTier(m.get("sessionsEach"), "每个的节数");
            Map<String, Integer> attendees = perTier(m.get("attendeesPerSession"), "每节人数");
            Map<String, Integer> certified = perTier(m.get("certifiedMin"), "持证人数");
            Map<String, Integer> events = perTier(m.get("eventsMin"), "最少次数");
            Map<String, TierParams> tiers = new LinkedHashMap<>();
            for (String tier : List.of(sessions, attendees, certified, events).stream()
                    .flatMap(x -> x.keySet().stream())
                    .distinct()
                    .toList()) {
                tiers.put(
                        tier,
                        new TierParams(sessions.get(tier), attendees.get(tier), certified.get(tier), events.get(tier)));
            }
            return new IndicatorParams(
                    kinds,
                    enumValue(m.get("domain"), LedgerDomain.values(), LedgerDomain::parse, "服务领域"),
                    str(m.get("subtype")),
                    enumValue(m.get("entityType"), EntityType.values(), EntityType::parse, "统计对象"),
                    single(m.get("sessionsEach"), "每个的节数"),
                    single(m.get("attendeesPerSession"), "每节人数"),
                    single(m.get("certifiedMin"), "持证人数"),
                    enumValue(m.get("aggregate"), AmountAggregate.values(), AmountAggregate::parse, "汇总方式"),
                    str(m.get("condition")),
                    documents,
                    str(m.get("unit")),
                    enumValue(m.get("countMode"), EntityCountMode.values(), EntityCountMode::parse, "计数方式"),
                    single(m.get("eventsMin"), "最少次数"),
                    tiers,
                    str(m.get("platform")));
        }

        /** A numeric parameter given as one number (null when it is a per-tier map or absent). */
        private Integer single(Node n, String what) {
            return n instanceof MappingNode ? null : integer(n, what);
        }

        /** A numeric parameter given per tier: {TIER_10W: 4, TIER_20W: 5}; empty when it is a single number. */
        private Map<String, Integer> perTier(Node n, String what) {
            Map<String, Integer> out = new LinkedHashMap<>();
            if (n instanceof MappingNode mn) {
                for (NodeTuple t : mn.getValue()) {
                    String tier = str(t.getKeyNode());
                    Integer v = integer(t.getValueNode(), what);
                    if (tier != null && out.containsKey(tier)) {
                        p.add(at(t.getKeyNode()), what + "的档位“" + tier + "”重复");
                    } else if (tier != null && v != null) {
                        out.put(tier, v);
                    }
                }
            }
            return out;
        }

        private void unique(Map<String, Node> codes, String key, Node n, String what) {
            if (key.endsWith(":null")) {
                return;
            }
            Node first = codes.putIfAbsent(key, n);
            if (first != null) {
                p.add(at(n), what + "重复（已在" + at(first) + "使用）");
            }
        }

        private Map<String, Node> mapping(Node n, Set<String> allowed, String what) {
            if (!(n instanceof MappingNode mn)) {
                p.add(at(n), what + "应为“字段: 值”的映射");
                return null;
            }
            Map<String, Node> result = new LinkedHashMap<>();
            for (NodeTuple t : mn.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                if (key == null) {
                    p.add(at(t.getKeyNode()), "字段名应为文字");
                } else if (!allowed.contains(key)) {
                    p.add(
                            at(t.getKeyNode()),
                            "未知字段“" + key + "”（" + what + "可用字段："
                                    + String.join("、", allowed.stream().sorted().toList()) + "）");
                } else if (result.containsKey(key)) {
                    p.add(at(t.getKeyNode()), "字段“" + key + "”重复");
                } else {
                    result.put(key, t.getValueNode());
                }
            }
            return result;
        }

        private List<Node> sequence(Node n, String what, boolean required, Node parent) {
            if (n == null || (n instanceof ScalarNode s && s.getValue().isEmpty())) {
                if (required) {
                    p.add(at(n == null ? parent : n), what + "不能为空");
                }
                return List.of();
            }
            if (!(n instanceof SequenceNode sn)) {
                p.add(at(n), what + "应为列表（每项以“- ”开头）");
                return List.of();
            }
            if (required && sn.getValue().isEmpty()) {
                p.add(at(n), what + "不能为空");
            }
            return sn.getValue();
        }

        private String str(Node n) {
            if (n == null) {
                return null;
            }
            if (!(n instanceof ScalarNode s)) {
                p.add(at(n), "此处应为文字，而不是列表或映射");
                return null;
            }
            if (s.getTag().equals(Tag.NULL)) {
                return null;
            }
            String v = s.getValue().strip();
            return v.isEmpty() ? null : v;
        }

        private Integer integer(Node n, String what) {
            String s = str(n);
            if (s == null) {
                return null;
            }
            try {
                return Integer.valueOf(s);
            } catch (NumberFormatException e) {
                p.add(at(n), what + "应为整数，而不是“" + s + "”");
                return null;
            }
        }

        private BigDecimal decimal(Node n, String what) {
            String s = str(n);
            if (s == null) {
                p.add(at(n), what + "不能为空");
                return null;
            }
            try {
                return new BigDecimal(s.replace(",", "")).stripTrailingZeros();
            } catch (NumberFormatException e) {
                p.add(at(n), what + "应为数字，而不是“" + s + "”");
                return null;
            }
        }

        private <E extends Labelled> E enumValue(Node n, E[] values, Function<String, E> parser, String what) {
            String s = str(n);
            if (s == null) {
                return null;
            }
            E e = parser.apply(s);
            if (e == null) {
                p.add(at(n), what + "“" + s + "”无效，可选：" + Labelled.allowed(values));
            }
            return e;
        }
    }

    // ------------------------------------------------------------------ writing

    static String export(CatalogContent c) {
        List<NodeTuple> root = new ArrayList<>();
        put(root, "code", c.code());
        put(root, "name", c.name());
        put(root, "region", c.region());
        if (c.year() != null) {
            root.add(new NodeTuple(
                    key("year"),
                    new ScalarNode(Tag.INT, c.year().toString(), null, null, DumperOptions.ScalarStyle.PLAIN)));
        }
        put(root, "source", c.source());
        put(root, "notes", c.notes());
        root.add(new NodeTuple(
                key("tiers"),
                seq(c.tiers().stream()
                        .map(t -> {
                            List<NodeTuple> m = new ArrayList<>();
                            put(m, "code", t.code());
                            put(m, "label", t.label());
                            return (Node) map(m);
                        })
                        .toList())));
        if (!c.groups().isEmpty()) {
            root.add(new NodeTuple(
                    key("groups"),
                    seq(c.groups().stream()
                            .map(g -> {
                                List<NodeTuple> m = new ArrayList<>();
                                put(m, "code", g.code());
                                put(m, "name", g.name());
                                putInt(m, "min", g.min());
                                putInt(m, "max", g.max());
                                put(m, "rule", g.rule());
                                return (Node) map(m);
                            })
                            .toList())));
        }
        root.add(new NodeTuple(
                key("tasks"), seq(c.tasks().stream().map(CatalogYaml::task).toList())));

        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setSplitLines(false);
        options.setWidth(100_000);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        StringWriter out = new StringWriter();
        out.write("# 服务清单（格式说明见 docs/catalog-format.md）\n");
        new Yaml(options).serialize(map(root), out);
        return out.toString();
    }

    private static Node task(CatalogTask t) {
        List<NodeTuple> m = new ArrayList<>();
        put(m, "code", t.code());
        put(m, "number", t.no());
        put(m, "name", t.name());
        m.add(new NodeTuple(
                key("items"), seq(t.items().stream().map(CatalogYaml::item).toList())));
        return map(m);
    }

    private static Node item(CatalogItem i) {
        List<NodeTuple> m = new ArrayList<>();
        put(m, "code", i.code());
        put(m, "number", i.no());
        put(m, "name", i.name());
        put(m, "subtask", i.subtask());
        put(m, "category", i.category() == null ? null : i.category().name());
        put(m, "group", i.group());
        put(m, "content", i.content());
        put(m, "population", i.population());
        put(m, "note", i.note());
        if (!i.indicators().isEmpty()) {
            m.add(new NodeTuple(
                    key("indicators"),
                    seq(i.indicators().stream().map(CatalogYaml::indicator).toList())));
        }
        return map(m);
    }

    private static Node indicator(Indicator ind) {
        List<NodeTuple> m = new ArrayList<>();
        put(m, "code", ind.code());
        put(m, "name", ind.name());
        put(m, "kind", ind.kind() == null ? null : ind.kind().name());
        put(m, "period", ind.period() == null ? null : ind.period().name());
        if (!ind.targets().isEmpty()) {
            List<NodeTuple> t = new ArrayList<>();
            ind.targets().forEach((tier, v) -> t.add(new NodeTuple(key(tier), number(v))));
            m.add(new NodeTuple(key("targets"), map(t)));
        }
        IndicatorParams q = ind.params();
        List<NodeTuple> pm = new ArrayList<>();
        if (!q.recordKinds().isEmpty()) {
            pm.add(new NodeTuple(
                    key("recordKinds"),
                    flowSeq(q.recordKinds().stream().map(Enum::name).toList())));
        }
        put(pm, "domain", q.domain() == null ? null : q.domain().name());
        put(pm, "subtype", q.subtype());
        put(pm, "entityType", q.entityType() == null ? null : q.entityType().name());
        putTiered(pm, "sessionsEach", q.sessionsEach(), q, TierParams::sessionsEach);
        putTiered(pm, "attendeesPerSession", q.attendeesPerSession(), q, TierParams::attendeesPerSession);
        putTiered(pm, "certifiedMin", q.certifiedMin(), q, TierParams::certifiedMin);
        put(pm, "aggregate", q.aggregate() == null ? null : q.aggregate().name());
        put(pm, "condition", q.condition());
        if (!q.documents().isEmpty()) {
            pm.add(new NodeTuple(
                    key("documents"),
                    seq(q.documents().stream().map(d -> (Node) scalar(d)).toList())));
        }
        put(pm, "unit", q.unit());
        put(pm, "countMode", q.countMode() == null ? null : q.countMode().name());
        putTiered(pm, "eventsMin", q.eventsMin(), q, TierParams::eventsMin);
        put(pm, "platform", q.platform());
        if (!pm.isEmpty()) {
            m.add(new NodeTuple(key("params"), map(pm)));
        }
        put(m, "standard", ind.standard());
        if (!ind.values().isEmpty()) {
            List<NodeTuple> vt = new ArrayList<>();
            ind.values().forEach((tier, text) -> vt.add(new NodeTuple(key(tier), scalar(text))));
            m.add(new NodeTuple(key("value"), map(vt)));
        } else {
            put(m, "value", ind.value());
        }
        put(m, "evidence", ind.evidence());
        return map(m);
    }

    private static void put(List<NodeTuple> m, String k, String v) {
        if (v != null) {
            m.add(new NodeTuple(key(k), scalar(v)));
        }
    }

    private static void putInt(List<NodeTuple> m, String k, Integer v) {
        if (v != null) {
            m.add(new NodeTuple(
                    key(k), new ScalarNode(Tag.INT, v.toString(), null, null, DumperOptions.ScalarStyle.PLAIN)));
        }
    }

    /** A numeric parameter: a map from tier to number where the catalog gives it per tier, else the number. */
    private static void putTiered(
            List<NodeTuple> m,
            String k,
            Integer single,
            IndicatorParams q,
            java.util.function.Function<TierParams, Integer> get) {
        List<NodeTuple> tiers = new ArrayList<>();
        q.perTier().forEach((tier, tp) -> {
            Integer v = get.apply(tp);
            if (v != null) {
                tiers.add(new NodeTuple(key(tier), number(BigDecimal.valueOf(v))));
            }
        });
        if (tiers.isEmpty()) {
            putInt(m, k, single);
        } else {
            m.add(new NodeTuple(key(k), new MappingNode(Tag.MAP, tiers, DumperOptions.FlowStyle.FLOW)));
        }
    }

    private static Node number(BigDecimal v) {
        String s = v.toPlainString();
        return new ScalarNode(s.contains(".") ? Tag.FLOAT : Tag.INT, s, null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    private static ScalarNode key(String k) {
        return new ScalarNode(Tag.STR, k, null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    /** Multi-line text as a literal block so it reads like the source; the emitter quotes where it must. */
    private static ScalarNode scalar(String v) {
        DumperOptions.ScalarStyle style =
                v.contains("\n") ? DumperOptions.ScalarStyle.LITERAL : DumperOptions.ScalarStyle.PLAIN;
        return new ScalarNode(Tag.STR, v, null, null, style);
    }

    private static MappingNode map(List<NodeTuple> tuples) {
        return new MappingNode(Tag.MAP, tuples, DumperOptions.FlowStyle.BLOCK);
    }

    private static SequenceNode seq(List<Node> nodes) {
        return new SequenceNode(Tag.SEQ, nodes, DumperOptions.FlowStyle.BLOCK);
    }

    private static SequenceNode flowSeq(List<String> values) {
        return new SequenceNode(
                Tag.SEQ, values.stream().map(v -> (Node) key(v)).toList(), DumperOptions.FlowStyle.FLOW);
    }
}
