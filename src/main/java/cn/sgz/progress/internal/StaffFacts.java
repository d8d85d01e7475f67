package cn.sgz.progress.internal;

import cn.sgz.org.OrgDirectory;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** STAFFING facts come straight from the org module's staff ledger. */
@Component
class StaffFacts implements Facts.StaffCounts {

    private final OrgDirectory directory;

    StaffFacts(OrgDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Map<Long, Count> byStation(Collection<Long> stationIds) {
        Map<Long, Count> result = new HashMap<>();
        directory
                .staffByStation(stationIds)
                .forEach((station, c) -> result.put(station, new Count(c.total(), c.certified())));
        return result;
    }
}
