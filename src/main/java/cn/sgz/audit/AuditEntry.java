package cn.sgz.audit;

import java.time.OffsetDateTime;

/**
 * One line of the audit trail, as browsed by bureau officers: the stored codes and their Chinese names
 * ({@code actionLabel}, {@code targetLabel}, {@code resultLabel}).
 */
public record AuditEntry(
        long id,
        OffsetDateTime occurredAt,
        String actor,
        String action,
        String targetType,
        String targetId,
        String result,
        String detail,
        String ip,
        String traceId,
        String actionLabel,
        String targetLabel,
        String resultLabel) {}
