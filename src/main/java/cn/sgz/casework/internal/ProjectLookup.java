package cn.sgz.casework.internal;

import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.evidence.EvidencePolicy;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The purchase project a case or group belongs to: the station's project running on the day it was
 * opened. Its evidence policy decides the minimum attendance of group sessions.
 */
@Component
public class ProjectLookup {

    private final ProjectQueries projects;
    private final CaseworkTies ties;

    ProjectLookup(ProjectQueries projects, CaseworkTies ties) {
        this.projects = projects;
        this.ties = ties;
    }

    /**
     * The one project a case or group opened at the station on the date counts for (the only one running, else
     * the earliest-started); {@link #recordHow} stores how once the row exists.
     */
    public cn.sgz.activity.ProjectTie tieFor(long stationId, LocalDate opened) {
        return ties.tieFor(stationId, opened);
    }

    /** Stores how the case or group just inserted was tied. */
    public void recordHow(String table, long id, cn.sgz.activity.ProjectTie tie) {
        ties.recordHow(table, id, tie);
    }

    /** Needs a signed-in user (the project list is scoped). */
    public Optional<Project> forStation(long stationId, LocalDate on) {
        return projects.ofStation(stationId).stream()
                .filter(p -> !on.isBefore(p.startDate()) && !on.isAfter(p.endDate()))
                .min(Comparator.comparing(Project::startDate));
    }

    /** Minimum attendees per group session: the project's, or the seeds' default (6) without a project. */
    public int minGroupAttendees(Long projectId) {
        Integer min = projectId == null
                ? EvidencePolicy.defaults().minGroupAttendees()
                : projects.findUnscoped(projectId)
                        .map(p -> p.evidencePolicy().minGroupAttendees())
                        .orElse(EvidencePolicy.defaults().minGroupAttendees());
        return min == null ? 0 : min;
    }
}
