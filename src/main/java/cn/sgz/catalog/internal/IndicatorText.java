package cn.sgz.catalog.internal;

import cn.sgz.catalog.Indicator;
import cn.sgz.catalog.IndicatorParams;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Human-readable summaries of an indicator for the pages (targets with units, parameters): {@code ${@indicatorText.target(i, tier)}}. */
@org.springframework.stereotype.Component("indicatorText")
public class IndicatorText {

    public String target(Indicator catalogIndicator, String tier) {
        Indicator ind = catalogIndicator.forTier(tier); // this tier's parameters
        BigDecimal t = ind.target(tier);
        if (t == null) {
            return ind.kind().machineEvaluated() ? "—" : "人工评定";
        }
        String unit = ind.params().unit() == null ? "" : ind.params().unit();
        String value = t.toPlainString() + unit;
        return switch (ind.kind()) {
                    case COVERAGE -> "≥" + value;
                    case CASE_QUOTA -> "≥" + value + "，每个≥" + ind.params().sessionsEach() + "节";
                    case GROUP_QUOTA ->
                        "≥" + value + "，每个≥" + ind.params().sessionsEach() + "节"
                                + (ind.params().attendeesPerSession() == null
                                        ? ""
                                        : "，每节≥" + ind.params().attendeesPerSession() + "人");
                    case STAFFING ->
                        "≥" + value
                                + (ind.params().certifiedMin() == null
                                        ? ""
                                        : "，其中持证≥" + ind.params().certifiedMin() + "人");
                    case AMOUNT ->
                        switch (ind.params().aggregate() == null
                                ? cn.sgz.catalog.AmountAggregate.SUM
                                : ind.params().aggregate()) {
                            case EACH_EVENT ->
                                (value.endsWith("/次") ? "每次≥" + value.substring(0, value.length() - 2) : "每次≥" + value);
                            case EVENTS_AT_LEAST ->
                                "至少"
                                        + (ind.params().eventsMin() == null
                                                ? 1
                                                : ind.params().eventsMin()) + "次≥" + value;
                            default -> "≥" + value;
                        };
                    default -> "≥" + value;
                }
                + (ind.period() == null ? "" : "（" + ind.period().label() + "）");
    }

    public String params(Indicator ind) {
        IndicatorParams q = ind.params();
        List<String> parts = new ArrayList<>();
        if (!q.recordKinds().isEmpty()) {
            parts.add("记录：" + q.recordKinds().stream().map(ServiceKind::label).collect(Collectors.joining("、")));
        }
        if (q.domain() != null) {
            parts.add("领域：" + q.domain().label() + (q.subtype() == null ? "" : "（" + q.subtype() + "）"));
        } else if (q.subtype() != null) {
            parts.add("对象：" + q.subtype());
        }
        if (q.entityType() != null) {
            parts.add("统计：" + q.entityType().label());
        }
        if (q.aggregate() != null) {
            parts.add("方式：" + q.aggregate().label());
        }
        if (q.countMode() != null) {
            parts.add("计数：" + q.countMode().label());
        }
        if (!q.perTier().isEmpty()) {
            parts.add("参数按档位取值");
        }
        if (q.condition() != null) {
            parts.add("条件：" + q.condition());
        }
        if (!q.documents().isEmpty()) {
            parts.add("文书：" + String.join("、", q.documents()));
        }
        if (q.platform() != null) {
            parts.add("须录入：" + q.platform() + "（未录入全国平台的记录不计入）");
        }
        return String.join("；", parts);
    }
}
