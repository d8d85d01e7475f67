package cn.sgz.progress;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Judgements of the standards that need a person (CHECKLIST, "待评估人判断"), made by evaluators in an
 * evaluation round; implemented by the evaluation module. The latest judgement of an indicator at a
 * station replaces the MANUAL status with MET or MISSED and the evaluator's note.
 */
public interface JudgementSource {

    /** The latest judgement of each (station, indicator) of the project, for the given stations. */
    List<Judgement> judgements(long projectId, Collection<Long> stationIds);

    record Judgement(long stationId, long indicatorId, boolean met, String note, LocalDate judgedOn) {}
}
