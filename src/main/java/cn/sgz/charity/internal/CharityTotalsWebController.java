package cn.sgz.charity.internal;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 慈善汇总: totals per month, quarter or year per station or fund, with a bar chart and the xlsx download. */
@Controller
class CharityTotalsWebController {

    private final CharityTotalsService totals;
    private final CharityAccess access;

    CharityTotalsWebController(CharityTotalsService totals, CharityAccess access) {
        this.totals = totals;
        this.access = access;
    }

    @GetMapping("/charity/totals")
    String page(
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) TotalsBy by,
            @RequestParam(required = false) Granularity granularity,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        model.addAttribute("t", totals.totals(stationId, by, granularity, from, to));
        model.addAttribute("stations", access.stations());
        model.addAttribute("stationId", stationId);
        model.addAttribute("granularities", Granularity.values());
        model.addAttribute("bys", TotalsBy.values());
        return "charity/totals";
    }

    @GetMapping("/charity/totals.xlsx")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) TotalsBy by,
            @RequestParam(required = false) Granularity granularity,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return TotalsDownload.of(totals.export(stationId, by, granularity, from, to));
    }
}
