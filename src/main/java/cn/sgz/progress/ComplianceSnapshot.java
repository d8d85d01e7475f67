package cn.sgz.progress;

import cn.sgz.shared.ChinaTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Stored compliance figures of the stations a user may see (home pages and boards read these instead of
 * recomputing every project on each load). {@code computedAt} is when the oldest of the figures shown was computed;
 * {@code staleSince}, when set, is the first change to the facts behind them since then (a refresh is under way or
 * at hand). Pages and the API always say how old the figures are.
 *
 * @param asOf the day the figures are computed for (the oldest shown)
 */
public record ComplianceSnapshot(
        List<StationCompliance> stations, LocalDate asOf, Instant computedAt, Instant staleSince) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public ComplianceSnapshot {
        stations = List.copyOf(stations);
    }

    /** True when facts changed after the figures were computed, or they are for an earlier day. */
    public boolean stale() {
        return staleSince != null || (asOf != null && asOf.isBefore(ChinaTime.today()));
    }

    /** When computed, as pages print times: 2026-12-07 09:30 (or "—" when nothing is stored yet). */
    public String computedAtText() {
        return computedAt == null ? "—" : TIME.format(computedAt.atZone(ChinaTime.ZONE));
    }

    /** How old the figures are, in words: 刚刚, 5 分钟前, 2 小时前, 3 天前. */
    public String ageText() {
        if (computedAt == null) {
            return "尚未计算";
        }
        long seconds = Math.max(0, Duration.between(computedAt, ChinaTime.now()).getSeconds());
        if (seconds < 60) {
            return "刚刚";
        }
        if (seconds < 3600) {
            return seconds / 60 + " 分钟前";
        }
        if (seconds < 86400) {
            return seconds / 3600 + " 小时前";
        }
        return seconds / 86400 + " 天前";
    }

    /** The one line pages show above stored figures. */
    public String freshnessText() {
        String base = "数据计算于 " + computedAtText() + "（" + ageText() + "）";
        if (asOf != null && asOf.isBefore(ChinaTime.today())) {
            return base + "，统计截至 " + asOf + "，今天的数据正在重新计算";
        }
        if (staleSince != null) {
            return base + "；此后有新的变动（" + TIME.format(staleSince.atZone(ChinaTime.ZONE)) + " 起），正在重新计算";
        }
        return base;
    }
}
