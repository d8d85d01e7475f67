package cn.sgz.charity.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The charity figures of one period for one station or one fund ({@code fundId} null when grouped by
 * station): net co-raised money, relief paid (voided relief records excluded), relief events (and how
 * many of them count toward indicators) and promotion events whose records count.
 */
public record TotalRow(
        String period,
        LocalDate periodStart,
        long stationId,
        String stationName,
        Long fundId,
        String fundName,
        BigDecimal coRaised,
        BigDecimal reliefPaid,
        int reliefEvents,
        int reliefEventsCounting,
        int promotions) {}
