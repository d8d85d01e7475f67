package cn.sgz.reporting;

import java.util.List;

/**
 * A report with its figures (the snapshot once submitted, else computed now), what changed since the
 * snapshot, and what the signed-in user may do with it (so no page offers a button that ends in 403).
 */
public record ReportDetail(
        ReportView report, ReportContent content, boolean frozen, List<ReportChange> changes, ReportActions actions) {

    /** One figure that differs between the snapshot and a fresh computation. */
    public record ReportChange(String what, String submitted, String now) {}

    public record ReportActions(boolean edit, boolean submit, boolean review, boolean receive, boolean returnIt) {}
}
