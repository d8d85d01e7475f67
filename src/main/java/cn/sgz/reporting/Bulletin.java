package cn.sgz.reporting;

import cn.sgz.progress.IndicatorStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 季度通报: every station of a project side by side for one quarter (figures as of the quarter's end,
 * or today while it runs), ranked by the share of evaluated indicators met, with the stations at risk
 * and what puts them at risk.
 */
public record Bulletin(
        long projectId,
        String projectName,
        String bureauName,
        String quarterLabel,
        LocalDate from,
        LocalDate to,
        LocalDate asOf,
        List<BulletinStation> stations,
        List<BulletinIndicator> indicators,
        List<BulletinVoice> voices) {

    public Bulletin {
        stations = List.copyOf(stations);
        indicators = List.copyOf(indicators);
        voices = voices == null ? List.of() : List.copyOf(voices); // bulletins published before it was added
    }

    /**
     * What residents said of a station in the quarter (feedback module): cases received by kind, those still open and
     * past their reply deadline, and the public questionnaire's average (null without answers).
     */
    public record BulletinVoice(
            long stationId,
            String stationName,
            long complaints,
            long suggestions,
            long praise,
            long open,
            long overdue,
            int satisfactionResponses,
            Double satisfactionAverage) {}

    /**
     * One station's line: indicators by status, {@code rate} = met ÷ evaluated (in %, evaluated leaves
     * out 未到期 and what the data cannot judge), records of the quarter, and its 季报 status.
     */
    public record BulletinStation(
            int rank,
            long stationId,
            String stationName,
            long met,
            long onTrack,
            long atRisk,
            long missed,
            long evaluated,
            BigDecimal rate,
            long counted,
            long excluded,
            long peopleServed,
            String reportStatus,
            List<String> risks) {

        public boolean atRiskStation() {
            return atRisk + missed > 0;
        }
    }

    /** One indicator across the stations, in the order of {@link #stations()}. */
    public record BulletinIndicator(String code, String name, String target, List<BulletinCell> cells) {}

    public record BulletinCell(String actual, IndicatorStatus status) {

        public String statusLabel() {
            return status == null ? "" : status.label();
        }
    }

    public List<BulletinStation> atRiskStations() {
        return stations.stream().filter(BulletinStation::atRiskStation).toList();
    }
}
