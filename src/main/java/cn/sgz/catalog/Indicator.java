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
 */
public record Indicator(Long id, String code, String name, RuleKind kind, SubPeriod period, IndicatorParams params,
                        Map<String, BigDecimal> targets, String standard, String value, String evidence) {

    public Indicator {
        params = params == null ? IndicatorParams.none() : params;
        targets = targets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    }

    /** The target for a tier, or null when none is set (CHECKLIST, DOCUMENT without a count). */
    public BigDecimal target(String tier) {
        return targets.get(tier);
    }

    public Indicator withoutId() {
        return new Indicator(null, code, name, kind, period, params, targets, standard, value, evidence);
    }
}
