package cn.sgz.reporting.internal;

import cn.sgz.catalog.Project;
import cn.sgz.org.Role;
import cn.sgz.org.ScopeService;
import cn.sgz.reporting.Bulletin;
import cn.sgz.reporting.BulletinService;
import cn.sgz.reporting.NarrativeForm;
import cn.sgz.reporting.ReportDetail;
import cn.sgz.reporting.ReportKind;
import cn.sgz.reporting.ReportService;
import cn.sgz.reporting.ReportView;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 报表报送 pages: the reports of a project (cards that read on a phone), one report with its figures,
 * the narrative form and the buttons of the chain the user may press, and the quarterly bulletin.
 */
@Controller
class ReportWebController {

    private final ReportService reports;
    private final BulletinService bulletins;
    private final ScopeService scopes;
    private final cn.sgz.reporting.BoardExportService boards;

    ReportWebController(
            ReportService reports,
            BulletinService bulletins,
            ScopeService scopes,
            cn.sgz.reporting.BoardExportService boards) {
        this.reports = reports;
        this.bulletins = bulletins;
        this.scopes = scopes;
        this.boards = boards;
    }

    @GetMapping("/reports")
    String list(
            @RequestParam(required = false) Long projectId,
            @RequestParam(required = false) ReportKind kind,
            @RequestParam(required = false) Long stationId,
            Model model) {
        List<Project> projects = reports.visibleProjects();
        model.addAttribute("projects", projects);
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("kind", kind);
        if (projects.isEmpty()) {
            return "reporting/list";
        }
        long pid = projectId != null ? projectId : projects.get(0).id();
        Project project = projects.stream()
                .filter(p -> p.id() == pid)
                .findFirst()
                .orElseGet(() -> {
                    reports.list(pid, null, ReportKind.MONTH); // answers 404 for an unknown or foreign project
                    return projects.get(0);
                });
        List<ReportView> list = reports.list(pid, stationId, kind);
        model.addAttribute("project", project);
        model.addAttribute("reports", list);
        model.addAttribute("stationId", stationId);
        Role role = scopes.currentUser().role();
        model.addAttribute("canStart", role == Role.STATION_HEAD || role == Role.SOCIAL_WORKER);
        model.addAttribute("canBulletin", bulletins.mayRead());
        model.addAttribute("canCityBulletin", bulletins.mayReadCity());
        model.addAttribute("canSchedule", reports.maySchedule(pid));
        model.addAttribute("schedule", reports.schedule(pid));
        return "reporting/list";
    }

    @PostMapping("/reports/start")
    String start(
            @RequestParam long projectId,
            @RequestParam long stationId,
            @RequestParam ReportKind kind,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodStart,
            RedirectAttributes flash) {
        try {
            ReportView v = reports.start(projectId, stationId, kind, periodStart);
            return "redirect:/reports/" + v.id();
        } catch (BusinessException | ForbiddenException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/reports?projectId=" + projectId;
        }
    }

    @GetMapping("/reports/{id}")
    String report(@PathVariable long id, Model model) {
        ReportDetail d = reports.get(id);
        model.addAttribute("d", d);
        model.addAttribute("r", d.report());
        model.addAttribute("c", d.content());
        if (!model.containsAttribute("form")) {
            ReportView r = d.report();
            model.addAttribute("form", new NarrativeForm(r.summary(), r.highlights(), r.problems(), r.nextPlan()));
        }
        model.addAttribute("max", NarrativeForm.MAX);
        return "reporting/report";
    }

    @PostMapping("/reports/{id}/narrative")
    String save(
            @PathVariable long id,
            @RequestParam(required = false) String summary,
            @RequestParam(required = false) String highlights,
            @RequestParam(required = false) String problems,
            @RequestParam(required = false) String nextPlan,
            @RequestParam(required = false) Long version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        NarrativeForm form = new NarrativeForm(summary, highlights, problems, nextPlan);
        try {
            reports.saveNarrative(id, form, version);
            flash.addFlashAttribute("notice", "已保存。");
            return "redirect:/reports/" + id;
        } catch (BusinessException e) {
            FormErrors.addTo(model, e);
            model.addAttribute("form", form);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return report(id, model);
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/reports/" + id;
        }
    }

    @PostMapping("/reports/{id}/submit")
    String submit(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash) {
        return step(id, flash, "已提交，等待承接机构审核。提交时的数据已保存为快照。", () -> reports.submit(id, version));
    }

    @PostMapping("/reports/{id}/review")
    String review(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash) {
        return step(id, flash, "已审核，等待区县民政局接收。", () -> reports.review(id, version));
    }

    @PostMapping("/reports/{id}/receive")
    String receive(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash) {
        return step(id, flash, "已接收。", () -> reports.receive(id, version));
    }

    @PostMapping("/reports/{id}/return")
    String returnReport(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long version,
            RedirectAttributes flash) {
        return step(id, flash, "已退回，社工站修改后可重新提交。", () -> reports.returnReport(id, reason, version));
    }

    private String step(long id, RedirectAttributes flash, String notice, Supplier<ReportView> action) {
        try {
            action.get();
            flash.addFlashAttribute("notice", notice);
        } catch (BusinessException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/reports/" + id;
    }

    @GetMapping("/reports/{id}/word")
    ResponseEntity<byte[]> word(@PathVariable long id) {
        byte[] bytes = reports.word(id);
        return ReportApiController.file(bytes, reports.fileName(id) + ".docx", ReportApiController.DOCX);
    }

    @GetMapping("/reports/{id}/excel")
    ResponseEntity<byte[]> excel(@PathVariable long id) {
        byte[] bytes = reports.excel(id);
        return ReportApiController.file(bytes, reports.fileName(id) + ".xlsx", ReportApiController.XLSX);
    }

    @PostMapping("/reports/schedule")
    String schedule(
            @RequestParam long projectId,
            @RequestParam ReportKind kind,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(required = false) Integer dueDay,
            @RequestParam(required = false) Long version,
            RedirectAttributes flash) {
        try {
            reports.saveSchedule(projectId, kind, enabled, dueDay, version);
            flash.addFlashAttribute("notice", kind.label() + "的报送安排已保存。");
        } catch (BusinessException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/reports?projectId=" + projectId + "#schedule";
    }

    // ---- 看板导出 ----

    @GetMapping("/reports/boards/{projectId}/excel")
    ResponseEntity<byte[]> boardExcel(
            @PathVariable long projectId,
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        var b = boards.board(projectId, stationId, asOf);
        return ReportApiController.file(
                boards.excel(projectId, stationId, asOf), b.title() + ".xlsx", ReportApiController.XLSX);
    }

    @GetMapping("/reports/boards/{projectId}/print")
    String boardPrint(
            @PathVariable long projectId,
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        model.addAttribute("b", boards.board(projectId, stationId, asOf));
        return "reporting/board-print";
    }

    // ---- 季度通报 -------------------------------------------------------------------------------------

    @GetMapping("/reports/bulletin")
    String bulletin(
            @RequestParam long projectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate quarter,
            Model model) {
        Bulletin b = bulletins.compute(projectId, quarter);
        model.addAttribute("b", b);
        model.addAttribute("quarters", bulletins.quarters(projectId));
        model.addAttribute("published", bulletins.published(projectId));
        model.addAttribute("canPublish", bulletins.mayPublish(projectId));
        return "reporting/bulletin";
    }

    @PostMapping("/reports/bulletin/publish")
    String publish(
            @RequestParam long projectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate quarter,
            RedirectAttributes flash) {
        var p = bulletins.publish(projectId, quarter);
        flash.addFlashAttribute("notice", p.bulletin().quarterLabel() + "通报已发布。");
        return "redirect:/reports/bulletin?projectId=" + projectId + "&quarter="
                + p.bulletin().from();
    }

    @GetMapping("/reports/bulletin/word")
    ResponseEntity<byte[]> bulletinWord(
            @RequestParam long projectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate quarter) {
        Bulletin b = bulletins.compute(projectId, quarter);
        return ReportApiController.file(
                bulletins.word(projectId, b.from()),
                b.bureauName() + b.quarterLabel() + "通报.docx",
                ReportApiController.DOCX);
    }

    @GetMapping("/reports/bulletin/excel")
    ResponseEntity<byte[]> bulletinExcel(
            @RequestParam long projectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate quarter) {
        Bulletin b = bulletins.compute(projectId, quarter);
        return ReportApiController.file(
                bulletins.excel(projectId, b.from()),
                b.bureauName() + b.quarterLabel() + "通报.xlsx",
                ReportApiController.XLSX);
    }

    // ---- 市级季度通报 -----------------------------------------------------------------------------------

    @GetMapping("/reports/city-bulletin")
    String cityBulletin(
            @RequestParam(required = false) Long cityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate quarter,
            Model model) {
        model.addAttribute("b", bulletins.computeCity(cityId, quarter));
        model.addAttribute("quarters", bulletins.cityQuarters());
        model.addAttribute("cities", bulletins.cities());
        return "reporting/city-bulletin";
    }

    @GetMapping("/reports/city-bulletin/word")
    ResponseEntity<byte[]> cityBulletinWord(
            @RequestParam(required = false) Long cityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate quarter) {
        var b = bulletins.computeCity(cityId, quarter);
        return ReportApiController.file(
                bulletins.cityWord(b.cityId(), b.from()),
                b.cityName() + b.quarterLabel() + "通报.docx",
                ReportApiController.DOCX);
    }

    @GetMapping("/reports/city-bulletin/excel")
    ResponseEntity<byte[]> cityBulletinExcel(
            @RequestParam(required = false) Long cityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate quarter) {
        var b = bulletins.computeCity(cityId, quarter);
        return ReportApiController.file(
                bulletins.cityExcel(b.cityId(), b.from()),
                b.cityName() + b.quarterLabel() + "通报.xlsx",
                ReportApiController.XLSX);
    }
}
