/**
 * 服务记录: service records of every kind, the people served, sign-in sheets and receipts, and their
 * stored qualification. Uses the evidence module's API for photos and rules, and listens to its
 * {@link cn.sgz.evidence.EvidenceChanged} events; people served come through {@link cn.sgz.activity.RecipientPicker}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "evidence", "org", "progress", "shared"},
        displayName = "服务记录")
package cn.sgz.activity;
