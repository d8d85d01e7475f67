package cn.sgz.audit;

import java.time.OffsetDateTime;

/** One line of the audit trail, as browsed by bureau officers. */
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
        String traceId) {}
