package cn.sgz.casework;

import cn.sgz.casework.internal.CaseService;
import cn.sgz.casework.internal.CaseStage;
import cn.sgz.casework.internal.CaseStore;
import cn.sgz.casework.internal.CaseView;
import cn.sgz.casework.internal.CaseworkAccess;
import cn.sgz.shared.ChinaTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The head's and the bureau's view of casework in their scope: cases by stage, stalled cases (no
 * session for N weeks), closures waiting for approval, and the same per worker and per station.
 */
@Service
public class CaseworkOversight {

    private final CaseStore cases;
    private final CaseService caseService;
    private final CaseworkAccess access;
    private final int defaultWeeks;

    CaseworkOversight(
            CaseStore cases,
            CaseService caseService,
            CaseworkAccess access,
            @Value("${sgz.casework.stalled-weeks:4}") int defaultWeeks) {
        this.cases = cases;
        this.caseService = caseService;
        this.access = access;
        this.defaultWeeks = defaultWeeks;
    }

    /** One line of the per-worker or per-station table. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CaseworkOversightLine")
    public record Line(String name, long open, long stalled, long awaitingClosure, long closed) {}

    public record Overview(
            int weeks,
            LocalDate quietSince,
            Map<CaseStage, Long> byStage,
            List<CaseView> stalled,
            List<CaseView> awaitingClosure,
            List<Line> perWorker,
            List<Line> perStation) {}

    public int defaultWeeks() {
        return defaultWeeks;
    }

    @Transactional(readOnly = true)
    public Overview overview(Long stationId, Integer weeks) {
        int w = weeks == null || weeks < 1 || weeks > 52 ? defaultWeeks : weeks;
        LocalDate since = ChinaTime.today().minusWeeks(w);
        List<CaseView> all = caseService.named(cases.list(access.scope(), stationId, null, null, 1000));
        Map<CaseStage, Long> byStage = new EnumMap<>(CaseStage.class);
        for (CaseStage s : CaseStage.values()) {
            byStage.put(s, 0L);
        }
        all.forEach(c -> byStage.merge(c.stage(), 1L, Long::sum));
        List<CaseView> stalled = all.stream().filter(c -> stalled(c, since)).toList();
        List<CaseView> closing =
                all.stream().filter(c -> c.stage() == CaseStage.CLOSING).toList();
        return new Overview(
                w,
                since,
                byStage,
                stalled,
                closing,
                lines(all, CaseView::workerName, since),
                lines(all, CaseView::stationName, since));
    }

    /** Open and not waiting for the head, and nothing recorded since the cut-off (or since opening). */
    static boolean stalled(CaseView c, LocalDate since) {
        if (c.stage().frozen()) {
            return false;
        }
        LocalDate last = c.lastSessionOn() != null ? c.lastSessionOn() : c.openedOn();
        return last.isBefore(since);
    }

    private static List<Line> lines(List<CaseView> all, Function<CaseView, String> key, LocalDate since) {
        Map<String, long[]> m = new TreeMap<>();
        for (CaseView c : all) {
            long[] a = m.computeIfAbsent(key.apply(c) == null ? "—" : key.apply(c), k -> new long[4]);
            a[0] += c.stage().open() ? 1 : 0;
            a[1] += stalled(c, since) ? 1 : 0;
            a[2] += c.stage() == CaseStage.CLOSING ? 1 : 0;
            a[3] += c.stage() == CaseStage.CLOSED ? 1 : 0;
        }
        List<Line> out = new ArrayList<>();
        m.forEach((k, a) -> out.add(new Line(k, a[0], a[1], a[2], a[3])));
        return out;
    }
}
