package cn.sgz.progress;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One sub-period (month, quarter, …) of an indicator at one station. */
public record SubPeriodResult(
        String label, LocalDate from, LocalDate to, BigDecimal target, BigDecimal actual, IndicatorStatus status) {}
