package cn.sgz.progress;

import cn.sgz.progress.RecordFactSource.RecordRef;
import java.time.LocalDate;
import java.util.List;

/**
 * What lies behind one figure: the records that counted, those that were excluded with their reasons,
 * and for cases, groups and money the items with their own numbers.
 */
public record Drilldown(long projectId, long indicatorId, long stationId, String periodLabel, LocalDate from,
                        LocalDate to, List<RecordRef> counted, List<RecordRef> excluded, List<String> items,
                        String note) {
}
