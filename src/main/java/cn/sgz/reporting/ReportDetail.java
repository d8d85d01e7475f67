package cn.sgz.reporting;

import java.util.List;

/**
 * A report with its figures (the snapshot once submitted, else computed now), what changed since the
 * snapshot, and what the signed-in user may do with it (so no page offers a button that ends in 403).
 */
public record ReportDetail(ReportView report, ReportContent content, boolean frozen, List<Change> changes,
                           Actions actions) {

    /** One figure that differs between the snapshot and a fresh computation. */
    public record Change(String what, String submitted, String now) {
    }

    public record Actions(boolean edit, boolean submit, boolean review, boolean receive, boolean returnIt) {
    }
}
