package cn.sgz.reporting;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 市级季度通报: the counties of a city side by side for one calendar quarter — each county's projects'
 * stations summed (indicators met, on track, at risk, missed, records, people served), ranked by the share
 * of evaluated indicators met — with every station at risk across the city. Figures as of the quarter's
 * end, or today while it runs; each county's figures are its county bulletins' (季度通报) figures.
 */
public record CityBulletin(
        long cityId,
        String cityName,
        String quarterLabel,
        LocalDate from,
        LocalDate to,
        LocalDate asOf,
        List<CityCounty> counties,
        List<CityRisk> atRisk) {

    public CityBulletin {
        counties = List.copyOf(counties);
        atRisk = List.copyOf(atRisk);
    }

    /** One county: its projects running in the quarter and their stations' figures summed. */
    @Schema(name = "CityBulletinCounty")
    public record CityCounty(
            int rank,
            long bureauId,
            String countyName,
            int projects,
            int stations,
            long met,
            long onTrack,
            long atRisk,
            long missed,
            long evaluated,
            BigDecimal rate,
            long counted,
            long excluded,
            long peopleServed,
            int stationsAtRisk,
            int quarterlyReportsReceived) {}

    /** A station with indicators at risk or missed, and which. */
    @Schema(name = "CityBulletinRisk")
    public record CityRisk(String countyName, String projectName, String stationName, List<String> risks) {}

    /** A calendar quarter for pickers. */
    @Schema(name = "CityBulletinQuarter")
    public record Quarter(String label, LocalDate start, LocalDate end) {}
}
