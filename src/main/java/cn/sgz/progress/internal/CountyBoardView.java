package cn.sgz.progress.internal;

import cn.sgz.progress.IndicatorResult;
import cn.sgz.progress.IndicatorStatus;
import cn.sgz.progress.StationCompliance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The county board's comparison table and station bars, worked out in Java once per page: the template prints
 * plain strings per cell instead of evaluating expressions and including fragments for every indicator × station
 * (profiling put most of a board's time there, not in SQL).
 */
record CountyBoardView(List<Bar> bars, List<Row> rows) {

    /** One station's bar: its link and one segment per status present. */
    record Bar(long stationId, String stationName, List<Segment> segments) {}

    /** A segment of a bar: {@code style} is its width and colour, {@code text} "已达标 5". */
    record Segment(String title, String style, String text) {}

    /** One indicator with its cell at each station, in the stations' order. */
    record Row(String itemName, String name, String period, List<Cell> cells) {}

    /** A cell: the status tag and the figure ("实际 / 目标 单位"; actual "—" when not computed). */
    record Cell(String css, String label, String status, String actual, String target, String unit) {}

    static CountyBoardView of(List<StationCompliance> stations) {
        List<Bar> bars = new ArrayList<>();
        for (StationCompliance sc : stations) {
            Map<IndicatorStatus, Long> counts = sc.countByStatus();
            int total = sc.indicators().size();
            List<Segment> segments = new ArrayList<>();
            for (IndicatorStatus s : IndicatorStatus.values()) {
                Long n = counts.get(s);
                if (n != null) {
                    segments.add(new Segment(
                            s.label() + " " + n,
                            "width:" + (n * 100.0 / total) + "%;background:" + colour(s),
                            s.label() + " " + n + "　"));
                }
            }
            bars.add(new Bar(sc.stationId(), sc.stationName(), segments));
        }
        List<Row> rows = new ArrayList<>();
        if (!stations.isEmpty()) {
            List<IndicatorResult> first = stations.get(0).indicators();
            for (int i = 0; i < first.size(); i++) {
                IndicatorResult r = first.get(i);
                List<Cell> cells = new ArrayList<>(stations.size());
                for (StationCompliance sc : stations) {
                    IndicatorResult x = sc.indicators().get(i);
                    cells.add(new Cell(
                            x.status().css(),
                            x.status().label(),
                            x.status().name(),
                            plain(x.actual()),
                            plain(x.target()),
                            x.unit()));
                }
                rows.add(new Row(r.itemName(), r.name(), r.period().label(), cells));
            }
        }
        return new CountyBoardView(bars, rows);
    }

    private static String colour(IndicatorStatus s) {
        return switch (s) {
            case MET, ON_TRACK -> "#5cb85c";
            case AT_RISK -> "#f0ad4e";
            case MISSED -> "#d9534f";
            default -> "#c8ced6";
        };
    }

    private static String plain(BigDecimal n) {
        return n == null ? null : n.stripTrailingZeros().toPlainString();
    }
}
