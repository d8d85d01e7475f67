package cn.sgz.progress;

import cn.sgz.catalog.RuleKind;
import cn.sgz.catalog.SubPeriod;
import java.math.BigDecimal;
import java.util.List;

/**
 * An indicator evaluated at one station as of a date. {@code actual} is the figure of the current
 * sub-period (or of the whole project for PROJECT indicators); {@code note} explains a status in
 * plain Chinese (e.g. which cases fall short, or that the data source is not connected). {@code standard},
 * {@code value} (指标值, of the project's tier) and {@code evidence} (佐证要求) are the catalog's texts verbatim,
 * so a worker sees the evidence a standard demands.
 */
public record IndicatorResult(
        long indicatorId,
        String code,
        String name,
        String itemName,
        String standard,
        RuleKind kind,
        SubPeriod period,
        BigDecimal target,
        BigDecimal actual,
        String unit,
        IndicatorStatus status,
        List<SubPeriodResult> subPeriods,
        String note,
        String value,
        String evidence) {

    public long periodsMet() {
        return subPeriods.stream()
                .filter(s -> s.status() == IndicatorStatus.MET)
                .count();
    }

    public long periodsDue() {
        return subPeriods.stream()
                .filter(s -> s.status() != IndicatorStatus.NOT_DUE)
                .count();
    }
}
