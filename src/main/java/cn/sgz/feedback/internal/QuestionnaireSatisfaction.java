package cn.sgz.feedback.internal;

import cn.sgz.evaluation.SatisfactionScore;
import cn.sgz.evaluation.SatisfactionSource;
import cn.sgz.feedback.SatisfactionResults;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Residents' own questionnaire answers count in an evaluation's 服务满意度 beside the evaluators' interviews: the
 * evaluation module reads every {@link SatisfactionSource}.
 */
@Component
class QuestionnaireSatisfaction implements SatisfactionSource {

    static final String SOURCE = "居民问卷（扫码填写）";

    private final SatisfactionResults results;

    QuestionnaireSatisfaction(SatisfactionResults results) {
        this.results = results;
    }

    @Override
    public List<SatisfactionScore> scores(Collection<Long> stationIds, LocalDate from, LocalDate to) {
        return results.byStation(stationIds, from, to).stream()
                .filter(s -> s.responses() > 0)
                .map(s -> new SatisfactionScore(s.stationId(), SOURCE, s.responses(), s.averageOutOf5()))
                .toList();
    }
}
