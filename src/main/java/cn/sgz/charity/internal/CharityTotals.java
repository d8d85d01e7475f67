package cn.sgz.charity.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The charity figures of a time range: one row per period and station (or fund), and one sum per
 * period over all rows (for the chart). {@code max} is the largest money figure of a period, to scale bars.
 */
public record CharityTotals(
        TotalsBy by,
        Granularity granularity,
        LocalDate from,
        LocalDate to,
        List<TotalRow> rows,
        List<TotalRow> periods,
        BigDecimal max) {}
