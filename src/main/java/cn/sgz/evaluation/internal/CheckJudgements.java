package cn.sgz.evaluation.internal;

import cn.sgz.progress.JudgementSource;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** Hands the engine the evaluators' judgements of CHECKLIST standards. */
@Component
class CheckJudgements implements JudgementSource {

    private final RoundService rounds;

    CheckJudgements(RoundService rounds) {
        this.rounds = rounds;
    }

    @Override
    public List<Judgement> judgements(long projectId, Collection<Long> stationIds) {
        return rounds.judgements(projectId, stationIds);
    }

    @Override
    public java.util.Map<Long, List<Judgement>> judgements(
            java.util.Map<Long, ? extends Collection<Long>> stationsByProject) {
        return rounds.judgements(stationsByProject);
    }
}
