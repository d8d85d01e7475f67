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

    /** The parameters without a platform-entry requirement. */
    public IndicatorParams(
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
            Map<String, TierParams> perTier) {
        this(
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
                null);
    }

    /** The parameters with single values only (no per-tier values). */
    public IndicatorParams(
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
            Integer eventsMin) {
        this(
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
                Map.of());
    }

    /** The parameters without a count mode or an event minimum (most indicators). */
    public IndicatorParams(
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
            String unit) {
        this(
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
                null,
                null);
    }

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

    /** The parameters as they apply to a project of this tier: per-tier values in place of the single ones. */
    public IndicatorParams forTier(String tier) {
        TierParams t = perTier.get(tier);
        if (t == null) {
            return perTier.isEmpty()
                    ? this
                    : new IndicatorParams(
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
                            Map.of(),
                            platform);
        }
        return new IndicatorParams(
                recordKinds,
                domain,
                subtype,
                entityType,
                or(t.sessionsEach(), sessionsEach),
                or(t.attendeesPerSession(), attendeesPerSession),
                or(t.certifiedMin(), certifiedMin),
                aggregate,
                condition,
                documents,
                unit,
                countMode,
                or(t.eventsMin(), eventsMin),
                Map.of(),
                platform);
    }

    private static Integer or(Integer tierValue, Integer single) {
        return tierValue != null ? tierValue : single;
    }

    public static IndicatorParams none() {
        return new IndicatorParams(
                null, null, null, null, null, null, null, null, null, null, null, null, null, Map.of(), null);
    }
}
