package cn.sgz.activity;

import java.time.LocalDate;

/**
 * Published inside the transaction when a service record is edited or voided, for modules that keep
 * something of the record beside their own data (a relief event keeps its record's date).
 */
public record ServiceRecordChanged(long recordId, long stationId, LocalDate serviceDate, boolean voided) {}
