package cn.sgz.catalog;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 服务标准 / 指标: one machine-evaluable (or, for CHECKLIST, judged) standard of an item.
 *
 * @param id database id, null before the catalog is stored
 * @param code unique inside the catalog; stays the same across versions when the standard is unchanged
 * @param name short label shown on boards
 * @param kind rule kind
 * @param period the sub-period the target applies to
 * @param params typed parameters of the rule
 * @param targets target per tier code (e.g. STANDARD, TIER_10W, TIER_20W); empty for CHECKLIST
 * @param standard the 服务标准 text, verbatim from the source document
 * @param value the 指标值 text, verbatim, when the source gives it in its own column (e.g. "≥2次/月")
 * @param evidence the 佐证要求, verbatim, when the source states one
 * @param values the 指标值 text per tier code, verbatim, when the source has one 指标值 column per tier
 *               (“10万指标值” “20万指标值”); {@code value} is then the text shared by every tier, if any
 */
public record Indicator(
        Long id,
        String code,
        String name,
        RuleKind kind,
        SubPeriod period,
        IndicatorParams params,
        Map<String, BigDecimal> targets,
        String standard,
        String value,
        String evidence,
        Map<String, String> values) {

    public Indicator {
        params = params == null ? IndicatorParams.none() : params;
        targets = targets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Indicator(
            Long id,
            String code,
            String name,
            RuleKind kind,
            SubPeriod period,
            IndicatorParams params,
            Map<String, BigDecimal> targets,
            String standard,
            String value,
            String evidence) {
        this(id, code, name, kind, period, params, targets, standard, value, evidence, Map.of());
    }

    /**
     * The indicator as a project of this tier must meet it: per-tier parameters resolved, and the 指标值 text
     * of the tier as {@code value}. Same id and code.
     */
    public Indicator forTier(String tier) {
        if (values.isEmpty() && params.perTier().isEmpty()) {
            return this;
        }
        return new Indicator(
                id,
                code,
                name,
                kind,
                period,
                params.forTier(tier),
                targets,
                standard,
                values.getOrDefault(tier, value),
                evidence,
                Map.of());
    }

    /** The target for a tier, or null when none is set (CHECKLIST, DOCUMENT without a count). */
    public BigDecimal target(String tier) {
        return targets.get(tier);
    }

    public Indicator withoutId() {
        return new Indicator(null, code, name, kind, period, params, targets, standard, value, evidence, values);
    }
}
