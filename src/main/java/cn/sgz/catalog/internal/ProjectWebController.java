package cn.sgz.catalog.internal;

import cn.sgz.catalog.Catalog;
import cn.sgz.catalog.CatalogQueries;
import cn.sgz.catalog.CatalogStatus;
import cn.sgz.catalog.CatalogSummary;
import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.evidence.EvidencePolicy;
import cn.sgz.org.CurrentUser;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.web.FormSubmission;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 购买服务项目 pages: list, detail with the indicators every station must meet, create and edit forms. */
@Controller
class ProjectWebController {

    private final ProjectQueries projects;
    private final ProjectService service;
    private final CatalogQueries catalogs;
    private final OrgDirectory directory;
    private final ScopeService scopes;

    ProjectWebController(
            ProjectQueries projects,
            ProjectService service,
            CatalogQueries catalogs,
            OrgDirectory directory,
            ScopeService scopes) {
        this.projects = projects;
        this.service = service;
        this.catalogs = catalogs;
        this.directory = directory;
        this.scopes = scopes;
    }

    @GetMapping("/projects")
    String list(Model model) {
        model.addAttribute("projects", projects.visible());
        model.addAttribute("canWrite", ProjectService.canWrite(scopes.currentUser()));
        return "catalog/projects";
    }

    @GetMapping("/projects/{id}")
    String detail(@PathVariable long id, Model model) {
        Project p = projects.get(id);
        model.addAttribute("project", p);
        model.addAttribute("names", projects.unitNames(p));
        model.addAttribute("indicators", projects.indicators(p));
        model.addAttribute("canWrite", ProjectService.canWrite(scopes.currentUser()));
        return "catalog/project";
    }

    @GetMapping("/projects/new")
    String createForm(@RequestParam(required = false) Long catalogId, Model model) {
        requireWriter();
        List<CatalogSummary> published = publishedCatalogs();
        Long chosen = catalogId != null
                ? catalogId
                : published.isEmpty() ? null : published.get(0).id();
        EvidencePolicy d = EvidencePolicy.defaults();
        var form = new ProjectService.ProjectForm(
                null,
                null,
                null,
                chosen,
                null,
                LocalDate.of(ChinaTime.today().getYear(), 1, 1),
                LocalDate.of(ChinaTime.today().getYear(), 12, 31),
                List.of(),
                List.of(),
                d.photoRequired(),
                d.maxDistanceMeters(),
                d.captureGraceDays(),
                d.minGroupAttendees(),
                d.signInRequiredIndoor(),
                d.receiptsRequired());
        return form(model, form, null);
    }

    @GetMapping("/projects/{id}/edit")
    String editForm(@PathVariable long id, @RequestParam(required = false) Long catalogId, Model model) {
        requireWriter();
        Project p = projects.get(id);
        EvidencePolicy e = p.evidencePolicy();
        var form = new ProjectService.ProjectForm(
                p.name(),
                p.bureauId(),
                p.agencyId(),
                catalogId != null ? catalogId : p.catalogId(),
                p.tier(),
                p.startDate(),
                p.endDate(),
                p.stationIds(),
                p.optionalItemIds(),
                e.photoRequired(),
                e.maxDistanceMeters(),
                e.captureGraceDays(),
                e.minGroupAttendees(),
                e.signInRequiredIndoor(),
                e.receiptsRequired());
        return form(model, form, p);
    }

    @PostMapping("/projects")
    String create(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Long bureauId,
            @RequestParam(required = false) Long agencyId,
            @RequestParam(required = false) Long catalogId,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
            @RequestParam(required = false) List<Long> stationIds,
            @RequestParam(required = false) List<Long> optionalItemIds,
            @RequestParam(defaultValue = "false") boolean photoRequired,
            @RequestParam(required = false) Integer maxDistanceMeters,
            @RequestParam(defaultValue = "0") int captureGraceDays,
            @RequestParam(required = false) Integer minGroupAttendees,
            @RequestParam(defaultValue = "false") boolean signInRequiredIndoor,
            @RequestParam(defaultValue = "false") boolean receiptsRequired,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        var form = new ProjectService.ProjectForm(
                name,
                bureauId,
                agencyId,
                catalogId,
                tier,
                startDate,
                endDate,
                stationIds,
                optionalItemIds,
                photoRequired,
                maxDistanceMeters,
                captureGraceDays,
                minGroupAttendees,
                signInRequiredIndoor,
                receiptsRequired);
        return FormSubmission.run(
                model,
                response,
                () -> {
                    Project p = service.create(form);
                    flash.addFlashAttribute("notice", "已创建项目“" + p.name() + "”");
                    return "redirect:/projects/" + p.id();
                },
                () -> form(model, form, null));
    }

    @PostMapping("/projects/{id}")
    String update(
            @PathVariable long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Long bureauId,
            @RequestParam(required = false) Long agencyId,
            @RequestParam(required = false) Long catalogId,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
            @RequestParam(required = false) List<Long> stationIds,
            @RequestParam(required = false) List<Long> optionalItemIds,
            @RequestParam(defaultValue = "false") boolean photoRequired,
            @RequestParam(required = false) Integer maxDistanceMeters,
            @RequestParam(defaultValue = "0") int captureGraceDays,
            @RequestParam(required = false) Integer minGroupAttendees,
            @RequestParam(defaultValue = "false") boolean signInRequiredIndoor,
            @RequestParam(defaultValue = "false") boolean receiptsRequired,
            @RequestParam(required = false) Long version,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        var form = new ProjectService.ProjectForm(
                name,
                bureauId,
                agencyId,
                catalogId,
                tier,
                startDate,
                endDate,
                stationIds,
                optionalItemIds,
                photoRequired,
                maxDistanceMeters,
                captureGraceDays,
                minGroupAttendees,
                signInRequiredIndoor,
                receiptsRequired);
        return FormSubmission.run(
                model,
                response,
                () -> {
                    Project p = service.update(id, form, version);
                    flash.addFlashAttribute("notice", "已保存");
                    return "redirect:/projects/" + p.id();
                },
                () -> form(model, form, projects.get(id)));
    }

    private String form(Model model, ProjectService.ProjectForm form, Project existing) {
        Catalog catalog = form.catalogId() == null
                ? null
                : catalogs.find(form.catalogId()).orElse(null);
        model.addAttribute("form", form);
        model.addAttribute("project", existing);
        model.addAttribute("catalog", catalog);
        model.addAttribute("catalogOptions", publishedCatalogs());
        model.addAttribute("bureaus", directory.visibleUnits(OrgUnitType.COUNTY_BUREAU));
        model.addAttribute("stations", directory.visibleUnits(OrgUnitType.STATION));
        model.addAttribute("agencies", directory.activeAgencies());
        return "catalog/project-form";
    }

    private List<CatalogSummary> publishedCatalogs() {
        return catalogs.list().stream()
                .filter(c -> c.status() == CatalogStatus.PUBLISHED)
                .toList();
    }

    private void requireWriter() {
        CurrentUser me = scopes.currentUser();
        if (!ProjectService.canWrite(me)) {
            throw new ForbiddenException("当前角色无权创建或修改购买服务项目");
        }
    }
}
