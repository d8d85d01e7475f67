package cn.sgz.shared;

/**
 * Something worth an audit line happened. Any module publishes it through Spring's event publisher;
 * the audit module writes it once the surrounding transaction has ended.
 *
 * @param actor username, or null to take the signed-in user
 * @param action verb such as ORG_CREATE, LOGIN, VIEW_PERSONAL
 * @param targetType kind of record touched (may be null)
 * @param targetId id of the record touched (may be null)
 * @param targetOrgPath materialized path of the org unit the record belongs to, for scoped browsing
 * @param result SUCCESS, FAILURE or DENIED
 * @param detail short free text, never personal data in clear
 */
public record AuditEvent(
        String actor,
        String action,
        String targetType,
        String targetId,
        String targetOrgPath,
        String result,
        String detail) {

    public static AuditEvent success(String action, String targetType, Object targetId, String orgPath, String detail) {
        return new AuditEvent(
                null,
                action,
                targetType,
                targetId == null ? null : String.valueOf(targetId),
                orgPath,
                "SUCCESS",
                detail);
    }
}
