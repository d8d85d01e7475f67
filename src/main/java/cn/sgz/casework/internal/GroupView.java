package cn.sgz.casework.internal;

import cn.sgz.shared.vocabulary.LedgerDomain;
import java.time.LocalDate;

/**
 * A group or community service. {@code minAttendees} is the project's minimum per group session
 * (0 for community services or when the project sets none).
 */
public record GroupView(
        long id,
        GroupKind kind,
        String code,
        long stationId,
        String stationName,
        String orgPath,
        Long projectId,
        String name,
        LedgerDomain domain,
        GroupStage stage,
        long workerId,
        String workerName,
        LocalDate openedOn,
        LocalDate lastSessionOn,
        int sessions,
        int minAttendees,
        long version) {

    public GroupView with(String station, int minimum) {
        return new GroupView(
                id,
                kind,
                code,
                stationId,
                station,
                orgPath,
                projectId,
                name,
                domain,
                stage,
                workerId,
                workerName,
                openedOn,
                lastSessionOn,
                sessions,
                minimum,
                version);
    }

    public String href() {
        return "/" + kind.path() + "/" + id;
    }
}
