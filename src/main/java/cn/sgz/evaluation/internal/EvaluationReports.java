package cn.sgz.evaluation.internal;

import cn.sgz.shared.ChinaTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts the Word evaluation report together from the round, its spot checks and its 整改 items. */
@Service
class EvaluationReports {

    private final RoundService rounds;
    private final SpotCheckService spotChecks;
    private final RectificationService rectifications;

    EvaluationReports(RoundService rounds, SpotCheckService spotChecks, RectificationService rectifications) {
        this.rounds = rounds;
        this.spotChecks = spotChecks;
        this.rectifications = rectifications;
    }

    @Transactional(readOnly = true)
    byte[] report(long roundId) {
        RoundService.ReportData data = rounds.reportData(roundId);
        List<SpotCheckService.SpotCheckView> checks = spotChecks
                .list(data.round().projectId())
                .stream()
                .filter(c -> c.roundId() != null && c.roundId() == roundId)
                .toList();
        return ReportDocx.build(data, checks, rectifications.list(roundId, null, false), ChinaTime.today());
    }
}
