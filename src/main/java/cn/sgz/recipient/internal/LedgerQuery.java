package cn.sgz.recipient.internal;

import cn.sgz.recipient.RecipientCategory;
import cn.sgz.recipient.RecipientStatus;
import cn.sgz.recipient.RiskLevel;

/**
 * A ledger filter: one category (or all), name (part), ID tail (last 4), station or village, risk
 * level, a flag/subtype code, a status (default: active people only; null shows every status but merged), and a
 * date range of the last home assessment (入户评估日期).
 */
public record LedgerQuery(
        RecipientCategory category,
        String name,
        String idTail,
        Long unitId,
        RiskLevel risk,
        String flag,
        RecipientStatus status,
        boolean allStatuses,
        java.time.LocalDate assessedFrom,
        java.time.LocalDate assessedTo) {

    /** Without a date range on the last home assessment. */
    public LedgerQuery(
            RecipientCategory category,
            String name,
            String idTail,
            Long unitId,
            RiskLevel risk,
            String flag,
            RecipientStatus status,
            boolean allStatuses) {
        this(category, name, idTail, unitId, risk, flag, status, allStatuses, null, null);
    }

    public static LedgerQuery all() {
        return new LedgerQuery(null, null, null, null, null, null, null, false);
    }

    public static LedgerQuery of(RecipientCategory category) {
        return new LedgerQuery(category, null, null, null, null, null, null, false);
    }

    /** The same filter with a date range of the last home assessment. */
    public LedgerQuery withAssessed(java.time.LocalDate from, java.time.LocalDate to) {
        return new LedgerQuery(category, name, idTail, unitId, risk, flag, status, allStatuses, from, to);
    }

    public LedgerQuery withoutCategory() {
        return new LedgerQuery(null, name, idTail, unitId, risk, flag, status, allStatuses, assessedFrom, assessedTo);
    }
}
