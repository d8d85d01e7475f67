package cn.sgz.progress.internal;

import cn.sgz.catalog.Project;
import cn.sgz.progress.ComplianceService;
import cn.sgz.progress.ComplianceSnapshot;
import cn.sgz.progress.Drilldown;
import cn.sgz.progress.IndicatorStatus;
import cn.sgz.progress.StationCompliance;
import cn.sgz.shared.ChinaTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Contract boards (county and station), drill-down pages, and the compliance API. */
@Controller
@Tag(name = "指标进度", description = "服务清单指标的达标情况与明细")
class ProgressController {

    private final ComplianceService compliance;

    ProgressController(ComplianceService compliance) {
        this.compliance = compliance;
    }

    @GetMapping("/api/v1/projects/{projectId}/compliance")
    @ResponseBody
    @Operation(
            summary = "项目各社工站的指标达标情况",
            description = "每个指标给出目标、实际、状态（MET/ON_TRACK/AT_RISK/MISSED/NOT_DUE，数据来源未接入为 NOT_CONNECTED）和各子周期。"
                    + "统计截至今天时，若已存的计算结果之后数据无变动，直接返回已存结果（与现在计算的结果相同），否则现算；"
                    + "响应头 X-Sgz-Computed-At 为结果的计算时间，X-Sgz-Figures 为 stored（已存结果）或 computed（现算）。")
    ResponseEntity<List<StationCompliance>> api(
            @PathVariable long projectId,
            @Parameter(description = "只看一个社工站") @RequestParam(required = false) Long stationId,
            @Parameter(description = "统计截至日期，默认今天")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf) {
        ComplianceService.Figures f = compliance.figures(projectId, stationId, asOfOrToday(asOf));
        return ResponseEntity.ok()
                .header("X-Sgz-Computed-At", f.computedAt().toString())
                .header("X-Sgz-Figures", f.stored() ? "stored" : "computed")
                .body(f.stations());
    }

    @GetMapping("/api/v1/projects/{projectId}/compliance/{indicatorId}/records")
    @ResponseBody
    @Operation(summary = "指标明细：计入的记录和未计入的记录（含原因）")
    Drilldown apiDrilldown(
            @PathVariable long projectId,
            @PathVariable long indicatorId,
            @RequestParam long stationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "子周期名称，如 2026年第3季度；默认当期") @RequestParam(required = false) String period) {
        return compliance.drilldown(projectId, indicatorId, stationId, asOfOrToday(asOf), period);
    }

    @GetMapping("/api/v1/projects/{projectId}/compliance/snapshot")
    @ResponseBody
    @Operation(
            summary = "项目各社工站的指标达标情况（已存的计算结果）",
            description = "首页和看板读的是这份结果：computedAt 为计算时间，staleSince 不为空表示此后数据有变动、正在重新计算，"
                    + "asOf 早于今天表示今天的结果尚未算出。只含当前用户可见的社工站。")
    ComplianceSnapshot apiSnapshot(
            @PathVariable long projectId,
            @Parameter(description = "只看一个社工站") @RequestParam(required = false) Long stationId) {
        return compliance.board(projectId, stationId).snapshot();
    }

    @PostMapping("/api/v1/projects/{projectId}/compliance/refresh")
    @ResponseBody
    @Operation(summary = "立即重新计算项目的指标达标情况（更新已存的结果）")
    ComplianceSnapshot apiRefresh(@PathVariable long projectId) {
        return compliance.refresh(projectId);
    }

    @PostMapping("/progress/projects/{projectId}/refresh")
    String refresh(@PathVariable long projectId, @RequestParam(required = false) Long stationId) {
        compliance.refresh(projectId);
        return "redirect:/progress/projects/" + projectId + (stationId == null ? "" : "/stations/" + stationId);
    }

    @GetMapping("/progress")
    String projects(Model model) {
        List<Project> projects = compliance.visibleProjects();
        model.addAttribute("projects", projects);
        return "progress/projects";
    }

    @GetMapping("/progress/projects/{projectId}")
    String county(
            @PathVariable long projectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        LocalDate date = asOfOrToday(asOf);
        List<StationCompliance> stations;
        if (date.equals(ChinaTime.today())) {
            // today: the stored figures, with their age
            ComplianceService.Board board = compliance.board(projectId, null);
            stations = board.snapshot().stations();
            model.addAttribute("project", board.project());
            model.addAttribute("snapshot", board.snapshot());
        } else {
            stations = compliance.compute(projectId, null, date);
            model.addAttribute("project", compliance.project(projectId));
        }
        if (stations.size() == 1) {
            return "redirect:/progress/projects/" + projectId + "/stations/"
                    + stations.get(0).stationId() + (asOf == null ? "" : "?asOf=" + asOf);
        }
        model.addAttribute("stations", stations);
        // cells, bars and links worked out once here, not per cell in the template
        model.addAttribute("board", CountyBoardView.of(stations));
        model.addAttribute("boardBase", "/progress/projects/" + projectId);
        model.addAttribute("asOfQuery", asOf == null ? "" : "?asOf=" + date);
        model.addAttribute("asOf", date);
        return "progress/county";
    }

    @GetMapping("/progress/projects/{projectId}/stations/{stationId}")
    String station(
            @PathVariable long projectId,
            @PathVariable long stationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        LocalDate date = asOfOrToday(asOf);
        StationCompliance sc;
        if (date.equals(ChinaTime.today())) {
            ComplianceService.Board board = compliance.board(projectId, stationId);
            sc = board.snapshot().stations().get(0);
            model.addAttribute("project", board.project());
            model.addAttribute("snapshot", board.snapshot());
        } else {
            sc = compliance.compute(projectId, stationId, date).get(0);
            model.addAttribute("project", compliance.project(projectId));
        }
        model.addAttribute("sc", sc);
        model.addAttribute("asOf", date);
        model.addAttribute(
                "indicatorBase", "/progress/projects/" + projectId + "/stations/" + stationId + "/indicators/");
        model.addAttribute("counts", sc.countByStatus());
        model.addAttribute("statuses", List.of(IndicatorStatus.values()));
        return "progress/station";
    }

    @GetMapping("/progress/projects/{projectId}/stations/{stationId}/indicators/{indicatorId}")
    String drilldown(
            @PathVariable long projectId,
            @PathVariable long stationId,
            @PathVariable long indicatorId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String period,
            Model model) {
        LocalDate date = asOfOrToday(asOf);
        // only the indicator shown is computed, with the project read once
        ComplianceService.IndicatorPage page = compliance.indicator(projectId, stationId, indicatorId, date, period);
        model.addAttribute("sc", page.station());
        model.addAttribute("result", page.result());
        model.addAttribute("drill", page.drilldown());
        model.addAttribute("asOf", date);
        return "progress/drilldown";
    }

    private LocalDate asOfOrToday(LocalDate asOf) {
        return asOf != null ? asOf : ChinaTime.today();
    }
}
