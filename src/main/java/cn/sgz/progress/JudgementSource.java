package cn.sgz.progress;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Judgements of the standards that need a person (CHECKLIST, "待评估人判断"), made by evaluators in an
 * evaluation round; implemented by the evaluation module. The latest judgement of an indicator at a
 * station replaces the MANUAL status with MET or MISSED and the evaluator's note.
 */
public interface JudgementSource {

    /** The latest judgement of each (station, indicator) of the project, for the given stations. */
    List<Judgement> judgements(long projectId, Collection<Long> stationIds);

    /**
     * {@link #judgements(long, Collection)} of several projects at once (one read for a city's projects); the
     * default asks per project.
     */
    default Map<Long, List<Judgement>> judgements(Map<Long, ? extends Collection<Long>> stationsByProject) {
        Map<Long, List<Judgement>> out = new java.util.HashMap<>();
        stationsByProject.forEach((project, stations) -> out.put(project, judgements(project, stations)));
        return out;
    }

    record Judgement(long stationId, long indicatorId, boolean met, String note, LocalDate judgedOn) {}
}
