package cn.sgz.reporting;

import cn.sgz.progress.IndicatorStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The generated part of a station's report, as of the period's end: the indicator table from the
 * engine, records by kind, people served and why records were left out. Stored as JSON when the report
 * is submitted (the snapshot) and compared with a fresh computation to show what changed since.
 */
public record ReportContent(
        LocalDate asOf,
        List<ReportIndicator> indicators,
        List<ReportServiceCount> services,
        long peopleServed,
        long peopleNew,
        List<ReportExclusion> exclusions,
        ReportWork work) {

    public ReportContent {
        indicators = List.copyOf(indicators);
        services = List.copyOf(services);
        exclusions = List.copyOf(exclusions);
    }

    /** People served in the period who had been served before it (复服务). */
    public long peopleRepeat() {
        return Math.max(0, peopleServed - peopleNew);
    }

    /**
     * The station's other work in the period, each figure from the module that owns it: follow-ups
     * (recipient), cases and groups (casework), organisations and volunteers (community), charity money
     * (charity). Null in snapshots taken before these figures were reported.
     */
    public record ReportWork(
            long followUpsDue,
            long followUpsDone,
            long followUpRecords,
            long followUpVisits,
            long followUpCalls,
            long casesOpened,
            long casesClosed,
            long casesOpenAtEnd,
            long groupsOpened,
            long groupsClosed,
            long communityOpened,
            long communityClosed,
            long organisations,
            long organisationsNew,
            long backbones,
            long volunteers,
            long volunteersNew,
            BigDecimal volunteerHours,
            BigDecimal volunteerHoursCounting,
            BigDecimal charityIn,
            BigDecimal charityOut,
            long reliefEvents,
            ReportMoney money) {

        private List<WorkLine> otherLines() {
            return List.of(
                    new WorkLine("跟踪回访", "应回访（人次）", BigDecimal.valueOf(followUpsDue), "人次"),
                    new WorkLine("跟踪回访", "按期完成回访（人次）", BigDecimal.valueOf(followUpsDone), "人次"),
                    new WorkLine("跟踪回访", "本期回访记录（次）", BigDecimal.valueOf(followUpRecords), "次"),
                    new WorkLine("跟踪回访", "其中上门（次）", BigDecimal.valueOf(followUpVisits), "次"),
                    new WorkLine("跟踪回访", "其中电话（次）", BigDecimal.valueOf(followUpCalls), "次"),
                    new WorkLine("个案与小组", "新开个案（个）", BigDecimal.valueOf(casesOpened), "个"),
                    new WorkLine("个案与小组", "结案（个）", BigDecimal.valueOf(casesClosed), "个"),
                    new WorkLine("个案与小组", "期末在案（个）", BigDecimal.valueOf(casesOpenAtEnd), "个"),
                    new WorkLine("个案与小组", "新开小组（个）", BigDecimal.valueOf(groupsOpened), "个"),
                    new WorkLine("个案与小组", "小组结束（个）", BigDecimal.valueOf(groupsClosed), "个"),
                    new WorkLine("个案与小组", "新开社区服务（个）", BigDecimal.valueOf(communityOpened), "个"),
                    new WorkLine("个案与小组", "社区服务结束（个）", BigDecimal.valueOf(communityClosed), "个"),
                    new WorkLine("社区组织与志愿者", "社区社会组织（个）", BigDecimal.valueOf(organisations), "个"),
                    new WorkLine("社区组织与志愿者", "其中本期新培育（个）", BigDecimal.valueOf(organisationsNew), "个"),
                    new WorkLine("社区组织与志愿者", "骨干（人）", BigDecimal.valueOf(backbones), "人"),
                    new WorkLine("社区组织与志愿者", "志愿者（人）", BigDecimal.valueOf(volunteers), "人"),
                    new WorkLine("社区组织与志愿者", "其中本期新招募（人）", BigDecimal.valueOf(volunteersNew), "人"),
                    new WorkLine("社区组织与志愿者", "志愿服务时长（小时）", volunteerHours, "小时"),
                    new WorkLine("社区组织与志愿者", "其中计入指标（小时）", volunteerHoursCounting, "小时"),
                    new WorkLine("慈善资金", "共募资金收入（元）", charityIn, "元"),
                    new WorkLine("慈善资金", "慈善救助支出（元）", charityOut, "元"),
                    new WorkLine("慈善资金", "慈善救助（次）", BigDecimal.valueOf(reliefEvents), "次"));
        }

        /**
         * The figures as labelled lines in the order the page, Word and Excel show them; the project money's
         * lines last when the snapshot has them.
         */
        public List<WorkLine> lines() {
            if (money == null) {
                return otherLines();
            }
            List<WorkLine> all = new java.util.ArrayList<>(otherLines());
            all.addAll(money.lines());
            return List.copyOf(all);
        }

        /** Share of due follow-ups done in time, in whole per cent (100 when none were due). */
        public long followUpRate() {
            return followUpsDue == 0 ? 100 : followUpsDone * 100 / followUpsDue;
        }
    }

    /**
     * The project's money at the station for the period (finance): the station's budget for the project, what
     * stands as spent in the period and up to its end, what awaits the bureau, expenses that broke a spending
     * rule, what the bureau refused, and the project's payments received in the period (the agency is paid
     * for the whole project). Null in snapshots taken before these figures were reported.
     */
    public record ReportMoney(
            BigDecimal budget,
            BigDecimal spent,
            BigDecimal spentToDate,
            BigDecimal percent,
            BigDecimal pending,
            long flagged,
            BigDecimal refused,
            BigDecimal paymentsReceived) {

        public List<WorkLine> lines() {
            return java.util.Arrays.asList(
                    new WorkLine("项目经费", "本站预算（元）", budget, "元"),
                    new WorkLine("项目经费", "本期支出（元）", spent, "元"),
                    new WorkLine("项目经费", "截至期末累计支出（元）", spentToDate, "元"),
                    new WorkLine("项目经费", "预算执行率（%）", percent, "%"),
                    new WorkLine("项目经费", "待民政局审核支出（元）", pending, "元"),
                    new WorkLine("项目经费", "触发支出规则（笔）", BigDecimal.valueOf(flagged), "笔"),
                    new WorkLine("项目经费", "民政局驳回支出（元）", refused, "元"),
                    new WorkLine("项目经费", "本期收到项目拨付（元，全项目）", paymentsReceived, "元"));
        }
    }

    /** One labelled figure of {@link ReportWork}. */
    public record WorkLine(String section, String label, BigDecimal value, String unit) {

        public String text() {
            return value == null ? "—" : value.stripTrailingZeros().toPlainString();
        }
    }

    /**
     * One indicator at the station: the target, figure and status of the engine's sub-period that
     * holds the report's last day ({@code span}, e.g. 2026年第4季度), and cumulatively how many of its
     * sub-periods due so far were met.
     */
    public record ReportIndicator(
            long indicatorId,
            String code,
            String name,
            String period,
            String span,
            BigDecimal target,
            BigDecimal actual,
            String unit,
            IndicatorStatus status,
            long periodsMet,
            long periodsDue,
            String note) {

        public String statusLabel() {
            return status == null ? "" : status.label();
        }
    }

    /** Service records of one kind in the period: counted, not counted, people taking part. */
    public record ReportServiceCount(
            String kind, String kindLabel, String domainLabel, long counted, long excluded, long participants) {}

    /** Records of the period kept out of the figures for one reason. */
    public record ReportExclusion(String code, String reason, long records) {}

    public long countedRecords() {
        return services.stream().mapToLong(ReportServiceCount::counted).sum();
    }

    public long excludedRecords() {
        return services.stream().mapToLong(ReportServiceCount::excluded).sum();
    }

    public long indicatorsWith(IndicatorStatus status) {
        return indicators.stream().filter(i -> i.status() == status).count();
    }
}
