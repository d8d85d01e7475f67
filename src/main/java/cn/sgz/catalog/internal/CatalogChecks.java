package cn.sgz.catalog.internal;

import cn.sgz.catalog.AmountAggregate;
import cn.sgz.catalog.CatalogItem;
import cn.sgz.catalog.CatalogTier;
import cn.sgz.catalog.EntityType;
import cn.sgz.catalog.Indicator;
import cn.sgz.catalog.IndicatorParams;
import cn.sgz.catalog.ItemCategory;
import cn.sgz.catalog.RuleKind;
import cn.sgz.catalog.SelectionGroup;
import cn.sgz.catalog.TierParams;
import cn.sgz.shared.BusinessException.FieldProblem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The rules a catalog must satisfy, shared by the YAML and the Excel reader. Each check reports with
 * the location the reader passes in, so the message names the line or the cell.
 */
final class CatalogChecks {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
    static final Pattern TIER_CODE = Pattern.compile("[A-Z0-9_]{1,32}");
    static final int TEXT_MAX = 4000;
    static final int NAME_MAX = 200;
    static final BigDecimal TARGET_MAX = new BigDecimal("100000000");

    private CatalogChecks() {}

    static void code(String code, String what, Problems p, String where) {
        if (code == null || code.isBlank()) {
            p.add(where, what + "编码不能为空");
        } else if (!CODE.matcher(code).matches()) {
            p.add(where, what + "编码“" + code + "”只能由字母、数字、点、下划线和短横线组成，最长64位");
        }
    }

    static void name(String name, String what, Problems p, String where) {
        if (name == null || name.isBlank()) {
            p.add(where, what + "不能为空");
        } else if (name.length() > NAME_MAX) {
            p.add(where, what + "不能超过" + NAME_MAX + "个字");
        }
    }

    static void text(String text, String what, boolean required, Problems p, String where) {
        if (text == null || text.isBlank()) {
            if (required) {
                p.add(where, what + "不能为空");
            }
        } else if (text.length() > TEXT_MAX) {
            p.add(where, what + "不能超过" + TEXT_MAX + "个字");
        }
    }

    static void tier(CatalogTier t, Problems p, String where) {
        if (t.code() == null || !TIER_CODE.matcher(t.code()).matches()) {
            p.add(where, "档位编码“" + (t.code() == null ? "" : t.code()) + "”应由大写字母、数字和下划线组成，如 TIER_10W");
        }
        name(t.label(), "档位名称", p, where);
    }

    static void group(SelectionGroup g, long itemsInGroup, Problems p, String where) {
        code(g.code(), "选择规则", p, where);
        name(g.name(), "选择规则名称", p, where);
        if (g.min() != null && g.min() < 0) {
            p.add(where, "最少选择项数不能为负数");
        }
        if (g.max() != null && g.max() < 1) {
            p.add(where, "最多选择项数至少为1");
        }
        if (g.min() != null && g.max() != null && g.max() < g.min()) {
            p.add(where, "最多选择项数（" + g.max() + "）不能小于最少选择项数（" + g.min() + "）");
        }
        if (g.min() != null && g.min() > itemsInGroup) {
            p.add(where, "“" + g.name() + "”要求至少选择" + g.min() + "项，但只有" + itemsInGroup + "项可选");
        }
    }

    static void item(CatalogItem item, Map<String, SelectionGroup> groups, Problems p, String where) {
        item(item, groups, p, new Locator() {
            @Override
            public String at(String field) {
                return where;
            }

            @Override
            public boolean given(String field) {
                return false;
            }
        });
    }

    /**
     * Checks an item; {@code at} names where its fields are ("code", "name", "category", "group", "content" …), so a
     * message points at the offending value. A category whose value was already reported unreadable is not
     * reported again as missing.
     */
    static void item(CatalogItem item, Map<String, SelectionGroup> groups, Problems p, Locator at) {
        String where = at.at("code");
        code(item.code(), "分项任务", p, where);
        name(item.name(), "分项任务名称", p, at.at("name"));
        text(item.content(), "任务内容", true, p, at.at("content"));
        text(item.population(), "服务对象", false, p, at.at("population"));
        text(item.note(), "备注", false, p, at.at("note"));
        if (item.subtask() != null) {
            name(item.subtask(), "分项任务（subtask）", p, at.at("subtask"));
        }
        if (item.category() == null && at.given("category")) {
            // unreadable: reported where it is written
        } else if (item.category() == null) {
            p.add(where, "任务类别不能为空，应为 MANDATORY（必选）、OPTIONAL（自选）或 CONDITIONAL（有条件可选，加分项）");
        } else if (item.category() == ItemCategory.OPTIONAL) {
            if (item.group() == null || item.group().isBlank()) {
                p.add(at.at("category"), "自选任务必须指明所属的选择规则（group）");
            } else if (!groups.containsKey(item.group())) {
                p.add(at.at("group"), "选择规则“" + item.group() + "”未在 groups 中定义");
            }
        } else if (item.group() != null && !item.group().isBlank()) {
            p.add(at.at("group"), item.category().label() + "任务不属于任何选择规则，请删除 group 或把类别改为 OPTIONAL（自选）");
        }
    }

    /** Where an indicator's fields are in the file. */
    interface Locator {
        /** The location of a field ("kind", "targets.TIER_10W", "params.sessionsEach" …), or its nearest parent's. */
        String at(String field);

        /** True when the field itself was written (so a problem already reported there is about its value). */
        boolean given(String field);
    }

    static void indicator(Indicator ind, List<CatalogTier> tiers, Problems p, String where) {
        indicator(ind, tiers, p, new Locator() {
            @Override
            public String at(String field) {
                return where;
            }

            @Override
            public boolean given(String field) {
                return false;
            }
        });
    }

    /** True when the field was written and its value already reported as unreadable. */
    private static boolean reported(Locator at, String field, Problems p) {
        return at.given(field) && p.has(at.at(field));
    }

    /**
     * Checks an indicator; {@code at} names where a field is in the file ("code", "kind", "targets.TIER_10W",
     * "params.sessionsEach" …), so a message points at the offending value, not the indicator's first line.
     * A field whose value was already reported as unreadable is not reported again as missing.
     */
    static void indicator(Indicator ind, List<CatalogTier> tiers, Problems p, Locator at) {
        code(ind.code(), "指标", p, at.at("code"));
        name(ind.name(), "指标名称", p, at.at("name"));
        text(ind.standard(), "服务标准原文", false, p, at.at("standard"));
        if ((ind.standard() == null || ind.standard().isBlank())
                && (ind.value() == null || ind.value().isBlank())
                && ind.values().isEmpty()) {
            p.add(at.at("code"), "服务标准原文（standard）和指标值原文（value）至少填写一项");
        }
        text(ind.value(), "指标值原文", false, p, at.at("value"));
        text(ind.evidence(), "佐证要求", false, p, at.at("evidence"));
        if (ind.period() == null && !reported(at, "period", p)) {
            p.add(at.at("period"), "统计周期不能为空");
        }
        RuleKind kind = ind.kind();
        if (kind == null) {
            if (!reported(at, "kind", p)) {
                p.add(at.at("kind"), "规则类型不能为空");
            }
            return;
        }
        for (String tier : ind.targets().keySet()) {
            if (tiers.stream().noneMatch(t -> t.code().equals(tier))) {
                p.add(at.at("targets." + tier), "档位“" + tier + "”未在 tiers 中定义");
            }
        }
        if (kind == RuleKind.CHECKLIST && !ind.targets().isEmpty()) {
            p.add(at.at("targets"), "评判项（CHECKLIST）由人工评定，不能设置目标值");
        }
        for (CatalogTier t : tiers) {
            BigDecimal target = ind.targets().get(t.code());
            String where = at.at("targets." + t.code());
            if (target == null) {
                if (kind.needsTarget() && !reported(at, "targets." + t.code(), p)) {
                    p.add(where, "缺少“" + t.label() + "”（" + t.code() + "）的目标值");
                }
            } else if (target.signum() <= 0 || target.compareTo(TARGET_MAX) > 0) {
                p.add(where, "“" + t.label() + "”的目标值应大于0且不超过1亿");
            } else if (kind == RuleKind.COVERAGE && target.compareTo(BigDecimal.valueOf(100)) > 0) {
                p.add(where, "覆盖率目标是百分比，不能超过100");
            }
        }
        IndicatorParams q = ind.params();
        ind.values().forEach((tier, text) -> {
            if (tiers.stream().noneMatch(t -> t.code().equals(tier))) {
                p.add(at.at("value"), "指标值原文（value）的档位“" + tier + "”未在 tiers 中定义");
            }
            text(text, "指标值原文", false, p, at.at("value"));
        });
        if (q.perTier().isEmpty()) {
            params(kind, q, p, at);
            return;
        }
        for (String tier : q.perTier().keySet()) {
            if (tiers.stream().noneMatch(t -> t.code().equals(tier))) {
                p.add(at.at("params"), "参数按档位给出时，档位“" + tier + "”未在 tiers 中定义");
            }
        }
        tiered(q, TierParams::sessionsEach, "sessionsEach（每个节数）", tiers, p, at.at("params.sessionsEach"));
        tiered(
                q,
                TierParams::attendeesPerSession,
                "attendeesPerSession（每节人数）",
                tiers,
                p,
                at.at("params.attendeesPerSession"));
        tiered(q, TierParams::certifiedMin, "certifiedMin（持证人数）", tiers, p, at.at("params.certifiedMin"));
        tiered(q, TierParams::eventsMin, "eventsMin（最少次数）", tiers, p, at.at("params.eventsMin"));
        // the rules of each tier's parameters, each problem once (not once per tier)
        java.util.Set<FieldProblem> seen = new java.util.LinkedHashSet<>();
        for (CatalogTier t : tiers) {
            Problems tierProblems = new Problems();
            params(kind, q.forTier(t.code()), tierProblems, at);
            seen.addAll(tierProblems.list());
        }
        seen.forEach(fp -> p.addAsIs(fp));
    }

    /** A parameter given per tier must be given for every tier (a missing one would silently use nothing). */
    private static void tiered(
            IndicatorParams q,
            Function<TierParams, Integer> get,
            String what,
            List<CatalogTier> tiers,
            Problems p,
            String where) {
        boolean any = q.perTier().values().stream().anyMatch(tp -> get.apply(tp) != null);
        if (!any) {
            return;
        }
        List<String> missing = tiers.stream()
                .filter(t -> {
                    TierParams tp = q.perTier().get(t.code());
                    return tp == null || get.apply(tp) == null;
                })
                .map(CatalogTier::label)
                .toList();
        if (!missing.isEmpty()) {
            p.add(where, what + "按档位给出时每个档位都要有值，缺少：" + String.join("、", missing));
        }
    }

    private static void params(RuleKind kind, IndicatorParams q, Problems p, Locator at) {
        positive(q.sessionsEach(), "每个个案/小组的节数（sessionsEach）", p, at.at("params.sessionsEach"));
        positive(q.attendeesPerSession(), "每节人数（attendeesPerSession）", p, at.at("params.attendeesPerSession"));
        if (q.certifiedMin() != null && q.certifiedMin() < 0) {
            p.add(at.at("params.certifiedMin"), "持证人数（certifiedMin）不能为负数");
        }
        String label = kind.name() + "（" + kind.label() + "）";
        // a parameter the kind does not apply is refused, never accepted and ignored (issue #12 item 9)
        // which parameters apply may hang on entityType: when its value was unreadable, say that once, not again
        // as a follow-on refusal of the parameters that would have applied with it
        boolean shapeUnknown = reported(at, "params.entityType", p)
                && (kind == RuleKind.COVERAGE
                        || kind == RuleKind.ENTITY_COUNT
                        || kind == RuleKind.PER_RECIPIENT_FREQUENCY);
        for (Param param : Param.values()) {
            if (param.given(q) && !param.appliesTo(kind, q) && !shapeUnknown) {
                p.add(at.at("params." + param.key), refusal(kind, q, param));
            }
        }
        if (q.eventsMin() != null && kind == RuleKind.AMOUNT && !reported(at, "params.aggregate", p)) {
            if (q.aggregate() != AmountAggregate.EVENTS_AT_LEAST) {
                p.add(at.at("params.eventsMin"), "eventsMin（最少次数）只用于汇总方式 EVENTS_AT_LEAST（达标次数），请删除或改用该汇总方式");
            } else if (q.eventsMin() < 1) {
                p.add(at.at("params.eventsMin"), "eventsMin（最少次数）应为正整数");
            }
        }
        String params = at.at("params");
        switch (kind) {
            case ACTIVITY_COUNT ->
                require(
                        !q.recordKinds().isEmpty() || reported(at, "params.recordKinds", p),
                        label + "需要指明记录类型（recordKinds）",
                        p,
                        params);
            case PER_RECIPIENT_FREQUENCY -> {
                require(
                        !q.recordKinds().isEmpty() || reported(at, "params.recordKinds", p),
                        label + "需要指明记录类型（recordKinds）",
                        p,
                        params);
                require(
                        q.domain() != null
                                || q.entityType() != null
                                || reported(at, "params.domain", p)
                                || reported(at, "params.entityType", p),
                        label + "需要指明台账（domain 服务领域或 entityType）",
                        p,
                        params);
            }
            case COVERAGE ->
                require(
                        (q.domain() != null && !q.recordKinds().isEmpty())
                                || (q.entityType() != null && q.condition() != null),
                        label + "需要指明台账和覆盖方式：domain + recordKinds，或 entityType + condition",
                        p,
                        params);
            case CASE_QUOTA, GROUP_QUOTA ->
                require(
                        q.sessionsEach() != null || reported(at, "params.sessionsEach", p),
                        label + "需要指明每个的最少节数（sessionsEach）",
                        p,
                        params);
            case AMOUNT -> {
                require(
                        q.aggregate() != null || reported(at, "params.aggregate", p),
                        label + "需要指明汇总方式（aggregate：SUM / EACH_EVENT / EVENTS_AT_LEAST / AVERAGE_PER_ENTITY）",
                        p,
                        params);
                require(
                        q.entityType() != null || reported(at, "params.entityType", p),
                        label + "需要指明金额来源（entityType：共募资金、慈善救助等）",
                        p,
                        params);
            }
            case ENTITY_COUNT -> {
                require(
                        q.entityType() != null || reported(at, "params.entityType", p),
                        label + "需要指明统计对象（entityType）",
                        p,
                        params);
            }
            case DOCUMENT ->
                require(
                        !q.documents().isEmpty() || reported(at, "params.documents", p),
                        label + "需要列出所需文书（documents）",
                        p,
                        params);
            default -> {}
        }
    }

    /**
     * Every parameter, and the kinds (and shapes) whose computation reads it — checked against
     * progress.internal.IndicatorEvaluator: a parameter outside this table would be accepted and ignored.
     */
    enum Param {
        RECORD_KINDS("recordKinds", "记录类型"),
        DOMAIN("domain", "服务领域"),
        SUBTYPE("subtype", "子类"),
        ENTITY_TYPE("entityType", "统计对象"),
        SESSIONS_EACH("sessionsEach", "每个节数"),
        ATTENDEES("attendeesPerSession", "每节人数"),
        CERTIFIED_MIN("certifiedMin", "持证人数"),
        AGGREGATE("aggregate", "汇总方式"),
        CONDITION("condition", "条件"),
        DOCUMENTS("documents", "所需文书"),
        COUNT_MODE("countMode", "计数方式"),
        EVENTS_MIN("eventsMin", "最少次数"),
        PLATFORM("platform", "须录入平台");

        final String key;
        final String label;

        Param(String key, String label) {
            this.key = key;
            this.label = label;
        }

        boolean given(IndicatorParams q) {
            return switch (this) {
                case RECORD_KINDS -> !q.recordKinds().isEmpty();
                case DOMAIN -> q.domain() != null;
                case SUBTYPE -> q.subtype() != null && !q.subtype().isBlank();
                case ENTITY_TYPE -> q.entityType() != null;
                case SESSIONS_EACH -> q.sessionsEach() != null;
                case ATTENDEES -> q.attendeesPerSession() != null;
                case CERTIFIED_MIN -> q.certifiedMin() != null;
                case AGGREGATE -> q.aggregate() != null;
                case CONDITION -> q.condition() != null;
                case DOCUMENTS -> !q.documents().isEmpty();
                case COUNT_MODE -> q.countMode() != null;
                case EVENTS_MIN -> q.eventsMin() != null;
                case PLATFORM -> q.platform() != null;
            };
        }

        /** Whether the engine reads this parameter for an indicator of the kind with these other parameters. */
        boolean appliesTo(RuleKind kind, IndicatorParams q) {
            boolean roster = q.entityType() == EntityType.FOLLOW_UP_ROSTER;
            boolean overRecords = kind == RuleKind.COVERAGE && q.entityType() == null;
            // a subtype narrows the people of a domain's ledger; without a domain there is no ledger to narrow
            boolean ledgerDomain = q.domain() != null && q.domain() != cn.sgz.shared.vocabulary.LedgerDomain.ALL;
            return switch (this) {
                case RECORD_KINDS ->
                    kind == RuleKind.ACTIVITY_COUNT || kind == RuleKind.PER_RECIPIENT_FREQUENCY || overRecords;
                case DOMAIN ->
                    switch (kind) {
                        case ACTIVITY_COUNT, PER_RECIPIENT_FREQUENCY, CASE_QUOTA, GROUP_QUOTA, EXEMPLARY, DOCUMENT ->
                            true;
                        case COVERAGE -> overRecords;
                        case ENTITY_COUNT -> roster;
                        default -> false;
                    };
                case SUBTYPE ->
                    switch (kind) {
                        case ACTIVITY_COUNT -> q.platform() == null;
                        case PER_RECIPIENT_FREQUENCY -> ledgerDomain;
                        case COVERAGE -> overRecords;
                        case ENTITY_COUNT -> roster && ledgerDomain;
                        default -> false;
                    };
                case ENTITY_TYPE ->
                    switch (kind) {
                        case COVERAGE, AMOUNT, ENTITY_COUNT -> true;
                        case PER_RECIPIENT_FREQUENCY -> roster;
                        default -> false;
                    };
                case SESSIONS_EACH -> kind == RuleKind.CASE_QUOTA || kind == RuleKind.GROUP_QUOTA;
                case ATTENDEES -> kind == RuleKind.GROUP_QUOTA;
                case CERTIFIED_MIN -> kind == RuleKind.STAFFING;
                case AGGREGATE -> kind == RuleKind.AMOUNT;
                case CONDITION -> kind == RuleKind.COVERAGE && q.entityType() != null;
                case DOCUMENTS -> kind == RuleKind.DOCUMENT;
                case COUNT_MODE -> kind == RuleKind.ENTITY_COUNT && !roster;
                case EVENTS_MIN -> kind == RuleKind.AMOUNT; // and only with EVENTS_AT_LEAST, checked below
                case PLATFORM -> kind == RuleKind.ACTIVITY_COUNT;
            };
        }
    }

    /** Why a parameter is refused, in words that say what to do instead. */
    private static String refusal(RuleKind kind, IndicatorParams q, Param param) {
        String label = kind.name() + "（" + kind.label() + "）";
        String what = param.key + "（" + param.label + "）";
        String why;
        if (param == Param.SUBTYPE
                && (kind == RuleKind.PER_RECIPIENT_FREQUENCY
                        || (kind == RuleKind.ENTITY_COUNT && q.entityType() == EntityType.FOLLOW_UP_ROSTER))) {
            why = "子类（subtype）只在指明服务领域（domain，不能是 ALL）时按该领域台账的子类筛选人员；请补写 domain，或";
        } else if (param == Param.SUBTYPE && kind == RuleKind.ACTIVITY_COUNT) {
            why = "须录入平台（platform）的活动次数暂不能再按子类（subtype）筛选，请拆成两条指标";
        } else if (kind == RuleKind.COVERAGE && q.entityType() != null) {
            why = "按统计对象（entityType）计算比例时不使用 " + what + "（它只用于按台账人员和记录类型计算的覆盖率）";
        } else if (kind == RuleKind.COVERAGE && param == Param.CONDITION) {
            why = "按台账人员计算覆盖率时不使用 " + what + "（它只与 entityType 一起使用，如志愿者的平台注册率）";
        } else if (q.entityType() == EntityType.FOLLOW_UP_ROSTER && param == Param.COUNT_MODE) {
            why = "跟踪回访人员台账按“台账是否已建立”计，不使用 " + what;
        } else if (kind == RuleKind.ENTITY_COUNT && (param == Param.DOMAIN || param == Param.SUBTYPE)) {
            why = "只有统计对象为跟踪回访人员台账（FOLLOW_UP_ROSTER）时才按 " + what + " 统计，"
                    + (q.entityType() == null ? "其他统计对象" : q.entityType().label()) + "不按服务领域或子类统计";
        } else if (kind == RuleKind.PER_RECIPIENT_FREQUENCY && param == Param.ENTITY_TYPE) {
            why = "每人服务频次的名单只能是服务领域（domain）的台账人员或跟踪回访人员台账（FOLLOW_UP_ROSTER），不使用 " + what + "“"
                    + q.entityType().label() + "”";
        } else {
            why = label + "不使用参数 " + what;
        }
        return why + (why.endsWith("或") ? "" : "，请") + "删除（不会被静默忽略）";
    }

    private static void positive(Integer value, String what, Problems p, String where) {
        if (value != null && value < 1) {
            p.add(where, what + "应为正整数");
        }
    }

    private static void require(boolean ok, String message, Problems p, String where) {
        if (!ok) {
            p.add(where, message);
        }
    }
}
