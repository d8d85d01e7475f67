package cn.sgz.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every indicator of a project at one station, as of a date. */
public record StationCompliance(
        long projectId, long stationId, String stationName, LocalDate asOf, List<IndicatorResult> indicators) {

    public Map<IndicatorStatus, Long> countByStatus() {
        return indicators.stream().collect(Collectors.groupingBy(IndicatorResult::status, Collectors.counting()));
    }

    public Map<Long, IndicatorResult> byIndicator() {
        return indicators.stream().collect(Collectors.toMap(IndicatorResult::indicatorId, Function.identity()));
    }
}
