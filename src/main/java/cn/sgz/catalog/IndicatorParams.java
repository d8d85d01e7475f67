package cn.sgz.catalog;

import cn.sgz.shared.vocabulary.LedgerDomain;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed parameters of an indicator; which ones apply depends on the {@link RuleKind} (see
 * docs/catalog-format.md). Unused parameters are null (or empty lists).
 *
 * @param recordKinds service record kinds that count (ACTIVITY_COUNT, PER_RECIPIENT_FREQUENCY, COVERAGE, AMOUNT)
 * @param domain the ledger / service domain (服务对象类别) the records or cases belong to
 * @param subtype free-text subtype inside the domain, e.g. 留守妇女, 社区矫正对象
 * @param entityType what ENTITY_COUNT counts, COVERAGE covers or AMOUNT sums
 * @param sessionsEach CASE_QUOTA / GROUP_QUOTA: minimum session records per case or group (每个不少于 M 节)
 * @param attendeesPerSession GROUP_QUOTA: minimum attendees per session (每节不少于 K 人)
 * @param certifiedMin STAFFING: how many of the staff must hold a certificate
 * @param aggregate AMOUNT: total, each event, or average per entity
 * @param condition COVERAGE over entities: the condition that must hold, e.g. 全国志愿服务信息系统注册
 * @param documents DOCUMENT: the documents that must be present
 * @param unit unit of the target for display: 次, 个, 人, %, 元, 小时, 份
 * @param countMode ENTITY_COUNT: entities begun or active within each sub-period (default) or begun within it
 * @param eventsMin AMOUNT with {@link AmountAggregate#EVENTS_AT_LEAST}: how many events must reach the target
 * @param perTier numeric parameters given per tier code (DESIGN.md “Per-tier parameters, not per-tier
 *                indicators”); they take the place of the single values above for a project of that tier
 * @param platform ACTIVITY_COUNT: a record counts only when it is marked as entered in this national platform
 *                 (e.g. 全国志愿服务信息系统, 全国社会工作服务信息平台) — the per-record check “已录入全国平台”
 */
public record IndicatorParams(
        List<ServiceKind> recordKinds,
        LedgerDomain domain,
        String subtype,
        EntityType entityType,
        Integer sessionsEach,
        Integer attendeesPerSession,
        Integer certifiedMin,
        AmountAggregate aggregate,
        String condition,
        List<String> documents,
        String unit,
        EntityCountMode countMode,
        Integer eventsMin,
        Map<String, TierParams> perTier,
        String platform) {

    public IndicatorParams {
        recordKinds = recordKinds == null ? List.of() : List.copyOf(recordKinds);
        documents = documents == null ? List.of() : List.copyOf(documents);
        Map<String, TierParams> tiers = new LinkedHashMap<>();
        if (perTier != null) {
            perTier.forEach((tier, tp) -> {
                if (tp != null && !tp.isEmpty()) {
                    tiers.put(tier, tp);
                }
            });
        }
        perTier = Collections.unmodifiableMap(tiers);
        platform = platform == null || platform.isBlank() ? null : platform.strip();
    }

    /** The same parameters, with the platform a record must be entered in to count. */
    public IndicatorParams withPlatform(String platform) {
        return toBuilder().platform(platform).build();
    }

    /** The parameters as they apply to a project of this tier: per-tier values in place of the single ones. */
    public IndicatorParams forTier(String tier) {
        TierParams t = perTier.get(tier);
        if (t == null) {
            return perTier.isEmpty() ? this : toBuilder().perTier(Map.of()).build();
        }
        return toBuilder()
                .sessionsEach(or(t.sessionsEach(), sessionsEach))
                .attendeesPerSession(or(t.attendeesPerSession(), attendeesPerSession))
                .certifiedMin(or(t.certifiedMin(), certifiedMin))
                .eventsMin(or(t.eventsMin(), eventsMin))
                .perTier(Map.of())
                .build();
    }

    private static Integer or(Integer tierValue, Integer single) {
        return tierValue != null ? tierValue : single;
    }

    public static IndicatorParams none() {
        return builder().build();
    }

    /** Parameters naming only what applies (all others null or empty): most indicators use a few of them. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.recordKinds = recordKinds;
        b.domain = domain;
        b.subtype = subtype;
        b.entityType = entityType;
        b.sessionsEach = sessionsEach;
        b.attendeesPerSession = attendeesPerSession;
        b.certifiedMin = certifiedMin;
        b.aggregate = aggregate;
        b.condition = condition;
        b.documents = documents;
        b.unit = unit;
        b.countMode = countMode;
        b.eventsMin = eventsMin;
        b.perTier = perTier;
        b.platform = platform;
        return b;
    }

    /** Builds {@link IndicatorParams} one named parameter at a time. */
    public static final class Builder {
        private List<ServiceKind> recordKinds;
        private LedgerDomain domain;
        private String subtype;
        private EntityType entityType;
        private Integer sessionsEach;
        private Integer attendeesPerSession;
        private Integer certifiedMin;
        private AmountAggregate aggregate;
        private String condition;
        private List<String> documents;
        private String unit;
        private EntityCountMode countMode;
        private Integer eventsMin;
        private Map<String, TierParams> perTier;
        private String platform;

        private Builder() {}

        public Builder recordKinds(List<ServiceKind> v) {
            recordKinds = v;
            return this;
        }

        public Builder domain(LedgerDomain v) {
            domain = v;
            return this;
        }

        public Builder subtype(String v) {
            subtype = v;
            return this;
        }

        public Builder entityType(EntityType v) {
            entityType = v;
            return this;
        }

        public Builder sessionsEach(Integer v) {
            sessionsEach = v;
            return this;
        }

        public Builder attendeesPerSession(Integer v) {
            attendeesPerSession = v;
            return this;
        }

        public Builder certifiedMin(Integer v) {
            certifiedMin = v;
            return this;
        }

        public Builder aggregate(AmountAggregate v) {
            aggregate = v;
            return this;
        }

        public Builder condition(String v) {
            condition = v;
            return this;
        }

        public Builder documents(List<String> v) {
            documents = v;
            return this;
        }

        public Builder unit(String v) {
            unit = v;
            return this;
        }

        public Builder countMode(EntityCountMode v) {
            countMode = v;
            return this;
        }

        public Builder eventsMin(Integer v) {
            eventsMin = v;
            return this;
        }

        public Builder perTier(Map<String, TierParams> v) {
            perTier = v;
            return this;
        }

        public Builder platform(String v) {
            platform = v;
            return this;
        }

        public IndicatorParams build() {
            return new IndicatorParams(
                    recordKinds,
                    domain,
                    subtype,
                    entityType,
                    sessionsEach,
                    attendeesPerSession,
                    certifiedMin,
                    aggregate,
                    condition,
                    documents,
                    unit,
                    countMode,
                    eventsMin,
                    perTier,
                    platform);
        }
    }
}
