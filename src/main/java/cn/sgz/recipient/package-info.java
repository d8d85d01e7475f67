/**
 * 服务对象台账: recipients and their categories, ledgers per category, district list imports, home
 * assessments and the needs list, follow-up rosters and due lists. ID numbers are stored encrypted
 * with a keyed hash for look-ups; every read and write is scoped through {@code cn.sgz.org.ScopeService}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"activity", "catalog", "org", "progress", "shared"},
        displayName = "服务对象台账")
package cn.sgz.recipient;
