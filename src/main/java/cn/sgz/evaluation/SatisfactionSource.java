package cn.sgz.evaluation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Satisfaction results from outside the evaluation module (e.g. public questionnaires residents fill in
 * themselves). The evaluation module reads every bean of this type beside its own interview results when it
 * scores the 服务满意度 items of a rubric.
 */
public interface SatisfactionSource {

    /** Results per station for answers given in [from, to]; stations without answers may be left out. */
    List<SatisfactionScore> scores(Collection<Long> stationIds, LocalDate from, LocalDate to);
}
