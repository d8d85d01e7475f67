package cn.sgz.progress;

import cn.sgz.progress.RecordFactSource.RecordRef;
import java.time.LocalDate;
import java.util.List;

/**
 * What lies behind one figure: the records that counted, those that were excluded with their reasons,
 * for cases, groups, money, documents, staff and exemplary cases the items with their own numbers, and for
 * coverage and per-person rules the people already covered and — what a worker needs — those not yet.
 */
public record Drilldown(
        long projectId,
        long indicatorId,
        long stationId,
        String periodLabel,
        LocalDate from,
        LocalDate to,
        List<RecordRef> counted,
        List<RecordRef> excluded,
        List<String> items,
        String note,
        List<String> covered,
        List<String> notCovered) {

    public Drilldown(
            long projectId,
            long indicatorId,
            long stationId,
            String periodLabel,
            LocalDate from,
            LocalDate to,
            List<RecordRef> counted,
            List<RecordRef> excluded,
            List<String> items,
            String note) {
        this(
                projectId,
                indicatorId,
                stationId,
                periodLabel,
                from,
                to,
                counted,
                excluded,
                items,
                note,
                List.of(),
                List.of());
    }
}
