package cn.sgz.evaluation.internal;

import cn.sgz.finance.BudgetExecution;
import cn.sgz.progress.IndicatorResult;
import cn.sgz.progress.IndicatorStatus;
import cn.sgz.progress.SubPeriodResult;
import cn.sgz.shared.BusinessException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The arithmetic of the scoring methods and grades: pure functions, table-tested. */
final class Scoring {

    private Scoring() {}

    /** An automatic score: points (null when it cannot be scored), the figure it came from, and why. */
    record Auto(BigDecimal points, String figure, String note) {}

    /** FROM_INDICATOR: points by status, or max × share of the target achieved (averaged over due sub-periods). */
    static Auto fromIndicator(Rubric.Item item, IndicatorResult r) {
        if (r == null) {
            return new Auto(null, "—", "本项目的服务清单中没有指标 " + item.indicator() + "，请评估人核定");
        }
        String figure = figure(r);
        if (r.status() == IndicatorStatus.NOT_CONNECTED || r.status() == IndicatorStatus.MANUAL) {
            return new Auto(null, figure, r.status().label() + "，不能自动计分");
        }
        if (item.by() == Rubric.By.STATUS) {
            BigDecimal p = item.statusPoints().getOrDefault(r.status().name(), BigDecimal.ZERO);
            return new Auto(p, figure, r.status().label() + " → " + p.toPlainString() + " 分");
        }
        List<SubPeriodResult> due = r.subPeriods().stream()
                .filter(s -> s.status() != IndicatorStatus.NOT_DUE)
                .toList();
        BigDecimal share;
        if (due.size() > 1) {
            BigDecimal sum = BigDecimal.ZERO;
            for (SubPeriodResult s : due) {
                sum = sum.add(share(s.actual(), s.target(), s.status()));
            }
            share = sum.divide(BigDecimal.valueOf(due.size()), 6, RoundingMode.HALF_UP);
        } else {
            share = share(r.actual(), r.target(), r.status());
        }
        BigDecimal points = item.max().multiply(share).setScale(1, RoundingMode.HALF_UP);
        return new Auto(
                points,
                figure,
                "完成比例 " + share.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP) + "%"
                        + (due.size() > 1 ? "（" + due.size() + " 个已到期周期的平均）" : "") + " → " + points.toPlainString()
                        + " 分");
    }

    private static BigDecimal share(BigDecimal actual, BigDecimal target, IndicatorStatus status) {
        if (target == null || target.signum() == 0) {
            return status == IndicatorStatus.MET ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (actual == null || actual.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal s = actual.divide(target, 6, RoundingMode.HALF_UP);
        return s.compareTo(BigDecimal.ONE) > 0 ? BigDecimal.ONE : s;
    }

    static String figure(IndicatorResult r) {
        String a = r.actual() == null ? "—" : r.actual().stripTrailingZeros().toPlainString();
        String t = r.target() == null
                ? ""
                : " / " + r.target().stripTrailingZeros().toPlainString();
        String unit = r.unit() == null ? "" : " " + r.unit();
        return a + t + unit + "（" + r.status().label() + "）";
    }

    /**
     * FROM_BUDGET: max × the share of the station's expenses (amounts, reversed ones left out) that stand — not
     * awaiting the bureau's review of a broken spending rule, not refused — × budget / spent when more than the
     * budget was spent. Null (the evaluator scores) without a budget or without any expense.
     */
    static Auto fromBudget(Rubric.Item item, BudgetExecution.StationFigures f) {
        if (f == null || f.budget() == null || f.budget().signum() == 0) {
            return new Auto(null, "—", "本站没有项目预算，请评估人核定");
        }
        BigDecimal all = f.spent().add(f.pending()).add(f.refused());
        if (all.signum() == 0) {
            return new Auto(null, "暂无支出", "本站还没有支出，请评估人核定");
        }
        BigDecimal share = f.spent().divide(all, 6, RoundingMode.HALF_UP);
        BigDecimal within = f.spent().compareTo(f.budget()) > 0
                ? f.budget().divide(f.spent(), 6, RoundingMode.HALF_UP)
                : BigDecimal.ONE;
        BigDecimal points = item.max().multiply(share).multiply(within).setScale(1, RoundingMode.HALF_UP);
        String figure = "已支出 " + plain(f.spent()) + " / 预算 " + plain(f.budget()) + " 元";
        String note = "合规支出占 " + percent(share) + "%"
                + (f.pending().signum() > 0 ? "（待民政局审核 " + plain(f.pending()) + " 元）" : "")
                + (f.refused().signum() > 0 ? "（被驳回 " + plain(f.refused()) + " 元）" : "")
                + (within.compareTo(BigDecimal.ONE) < 0 ? "，超出预算，按预算/支出 " + percent(within) + "% 折算" : "，未超预算")
                + " → " + points.toPlainString() + " 分";
        return new Auto(points, figure, note);
    }

    private static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }

    private static String percent(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100))
                .setScale(0, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** FROM_SATISFACTION: max × average / 5; null without any answer. */
    static Auto fromSatisfaction(Rubric.Item item, int responses, double average) {
        if (responses == 0) {
            return new Auto(null, "暂无测评", "还没有满意度测评结果");
        }
        BigDecimal avg = BigDecimal.valueOf(average).setScale(2, RoundingMode.HALF_UP);
        BigDecimal points = item.max().multiply(avg).divide(BigDecimal.valueOf(5), 1, RoundingMode.HALF_UP);
        return new Auto(
                points,
                avg.toPlainString() + " / 5（" + responses + " 份）",
                "平均 " + avg.toPlainString() + " 分（满分 5 分）→ " + points.toPlainString() + " 分");
    }

    /** JUDGEMENT: the chosen level's points; a level of the item and a comment are required. */
    static BigDecimal judged(Rubric.Item item, String levelName, String comment) {
        if (levelName == null || levelName.isBlank()) {
            throw BusinessException.field("level", "请为“" + item.name() + "”选择评分档次");
        }
        Rubric.RubricLevel level = item.levels().stream()
                .filter(l -> l.name().equals(levelName.strip()))
                .findFirst()
                .orElseThrow(() -> BusinessException.field("level", "“" + item.name() + "”没有档次“" + levelName + "”"));
        requireComment(item, comment);
        return level.points();
    }

    /** JUDGEMENT with points typed directly: inside 0..max, comment required. */
    static BigDecimal judgedPoints(Rubric.Item item, BigDecimal points, String comment) {
        inRange("points", item.name(), points, item.max());
        requireComment(item, comment);
        return points;
    }

    /** COMBINATION: every part inside 0..its max; the item's points are their sum. */
    static BigDecimal combined(Rubric.Item item, List<BigDecimal> parts) {
        if (parts == null || parts.size() != item.parts().size()) {
            throw BusinessException.field(
                    "parts", "“" + item.name() + "”应逐项填写 " + item.parts().size() + " 个组成部分的得分");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < parts.size(); i++) {
            Rubric.RubricPart part = item.parts().get(i);
            inRange("parts[" + i + "]", item.name() + "·" + part.name(), parts.get(i), part.max());
            sum = sum.add(parts.get(i));
        }
        return sum;
    }

    static void inRange(String field, String what, BigDecimal points, BigDecimal max) {
        if (points == null) {
            throw BusinessException.field(field, "请填写“" + what + "”的得分");
        }
        if (points.signum() < 0 || points.compareTo(max) > 0) {
            throw BusinessException.field(
                    field,
                    "“" + what + "”的得分 " + points.stripTrailingZeros().toPlainString() + " 超出范围 0～"
                            + max.stripTrailingZeros().toPlainString());
        }
        if (points.stripTrailingZeros().scale() > 1) {
            throw BusinessException.field(field, "“" + what + "”的得分最多保留一位小数");
        }
    }

    private static void requireComment(Rubric.Item item, String comment) {
        if (comment == null || comment.strip().length() < 2) {
            throw BusinessException.field("comment", "“" + item.name() + "”为评估人判断项，必须填写评分说明（至少 2 个字）");
        }
        if (comment.strip().length() > 2000) {
            throw BusinessException.field("comment", "评分说明不能超过 2000 个字");
        }
    }

    /** Thresholds are percentages of the full score, highest first, e.g. 90,75,60. */
    static List<BigDecimal> thresholds(String text) {
        String[] parts = text == null ? new String[0] : text.split("[,，]");
        if (parts.length != 3) {
            throw BusinessException.field("thresholds", "等级分数线应为三个百分数，如 90,75,60（优秀、良好、合格）");
        }
        try {
            List<BigDecimal> t = java.util.Arrays.stream(parts)
                    .map(s -> new BigDecimal(s.strip()))
                    .toList();
            if (t.get(0).compareTo(new BigDecimal(100)) > 0
                    || t.get(2).signum() < 0
                    || t.get(0).compareTo(t.get(1)) <= 0
                    || t.get(1).compareTo(t.get(2)) <= 0) {
                throw BusinessException.field("thresholds", "等级分数线应从高到低且在 0～100 之间，如 90,75,60");
            }
            return t;
        } catch (NumberFormatException e) {
            throw BusinessException.field("thresholds", "等级分数线应为数字，如 90,75,60");
        }
    }

    /** 优秀 / 良好 / 合格 / 不合格 by the score as a percentage of the full score. */
    static String grade(BigDecimal total, BigDecimal max, List<BigDecimal> thresholds) {
        if (max == null || max.signum() == 0) {
            return "不合格";
        }
        BigDecimal pct = total.multiply(BigDecimal.valueOf(100)).divide(max, 2, RoundingMode.HALF_UP);
        if (pct.compareTo(thresholds.get(0)) >= 0) {
            return "优秀";
        }
        if (pct.compareTo(thresholds.get(1)) >= 0) {
            return "良好";
        }
        return pct.compareTo(thresholds.get(2)) >= 0 ? "合格" : "不合格";
    }
}
