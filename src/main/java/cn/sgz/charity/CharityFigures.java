package cn.sgz.charity;

import cn.sgz.charity.internal.CharityTotals;
import cn.sgz.charity.internal.CharityTotalsService;
import cn.sgz.charity.internal.Granularity;
import cn.sgz.charity.internal.TotalRow;
import cn.sgz.charity.internal.TotalsBy;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charity money of one station for a date range, for periodic reports: co-raised money in (net of
 * reversals) and relief paid out (voided relief records left out), with relief events — the same
 * figures as the charity totals page (汇总) for that station and range, summed over its periods.
 */
@Service
public class CharityFigures {

    @io.swagger.v3.oas.annotations.media.Schema(name = "CharityFigures")
    public record Figures(BigDecimal moneyIn, BigDecimal moneyOut, long reliefEvents, long promotions) {

        public static final Figures NONE = new Figures(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);
    }

    private final CharityTotalsService totals;

    CharityFigures(CharityTotalsService totals) {
        this.totals = totals;
    }

    /** 404 when the station is outside the user's scope (as the totals page). */
    @Transactional(readOnly = true)
    public Figures of(long stationId, LocalDate from, LocalDate to) {
        CharityTotals t = totals.totals(stationId, TotalsBy.STATION, Granularity.MONTH, from, to);
        BigDecimal in = BigDecimal.ZERO;
        BigDecimal out = BigDecimal.ZERO;
        long events = 0;
        long promotions = 0;
        for (TotalRow r : t.rows()) {
            if (r.stationId() != stationId) {
                continue;
            }
            in = in.add(r.coRaised());
            out = out.add(r.reliefPaid());
            events += r.reliefEvents();
            promotions += r.promotions();
        }
        return new Figures(
                in.setScale(2, java.math.RoundingMode.HALF_UP),
                out.setScale(2, java.math.RoundingMode.HALF_UP),
                events,
                promotions);
    }
}
