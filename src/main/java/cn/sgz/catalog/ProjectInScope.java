package cn.sgz.catalog;

import java.util.List;
import java.util.Map;

/**
 * A project as the signed-in user may evaluate it: the project, what its stations must meet, the
 * stations of it inside the user's scope (in project order) and the names of its units.
 */
public record ProjectInScope(
        Project project, List<ProjectIndicator> indicators, List<Long> visibleStationIds, Map<Long, String> unitNames) {

    public ProjectInScope {
        indicators = List.copyOf(indicators);
        visibleStationIds = List.copyOf(visibleStationIds);
        unitNames = Map.copyOf(unitNames);
    }
}
