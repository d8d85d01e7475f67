package cn.sgz.charity.internal;

import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.web.FormSubmission;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 慈善项目 pages: list, plan form, a project with its promotion events. */
@Controller
class CharityProjectWebController {

    private final CharityProjectService projects;
    private final CharityFundService funds;
    private final CharityAccess access;

    CharityProjectWebController(CharityProjectService projects, CharityFundService funds, CharityAccess access) {
        this.projects = projects;
        this.funds = funds;
        this.access = access;
    }

    @GetMapping("/charity/projects")
    String list(@RequestParam(required = false) Long stationId, Model model) {
        model.addAttribute("projects", projects.list(stationId));
        model.addAttribute("canWrite", projects.canWrite());
        return "charity/projects";
    }

    @GetMapping("/charity/projects/new")
    String newProject(Model model) {
        return form(
                model,
                new PageForms.Project(
                        access.defaultStationId(), null, null, null, null, null, ChinaTime.today(), null, null, null),
                null);
    }

    private String form(Model model, PageForms.Project form, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("projectId", id);
        model.addAttribute("stations", access.stations());
        model.addAttribute("funds", funds.list(null));
        model.addAttribute("statuses", CharityProjectStatus.values());
        return "charity/project-form";
    }

    @PostMapping("/charity/projects")
    String create(
            @ModelAttribute("form") PageForms.Project form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    CharityProjectView p = projects.create(form.toForm());
                    flash.addFlashAttribute("notice", "慈善项目已登记。每季度请添加推介活动。");
                    return "redirect:/charity/projects/" + p.id();
                },
                () -> form(model, form, null));
    }

    @GetMapping("/charity/projects/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        CharityProjectView p = projects.get(id);
        return form(
                model,
                new PageForms.Project(
                        p.stationId(),
                        p.fundId(),
                        p.name(),
                        p.goal(),
                        p.content(),
                        p.budget() == null ? null : p.budget().toPlainString(),
                        p.startDate(),
                        p.endDate(),
                        p.status(),
                        p.version()),
                id);
    }

    @PostMapping("/charity/projects/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") PageForms.Project form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            return FormSubmission.run(
                    model,
                    response,
                    () -> {
                        projects.update(id, form.toForm(), form.version());
                        flash.addFlashAttribute("notice", "已保存");
                        return "redirect:/charity/projects/" + id;
                    },
                    () -> form(model, form, id));
        } catch (ConflictException e) {
            model.addAttribute("formError", e.getMessage());
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return form(model, form, id);
        }
    }

    @GetMapping("/charity/projects/{id}")
    String detail(@PathVariable long id, Model model) {
        return page(id, model, new PageForms.Promotion(null, ChinaTime.today(), null, null, true, null, null, null));
    }

    private String page(long id, Model model, PageForms.Promotion promo) {
        CharityProjectView p = projects.get(id);
        model.addAttribute("p", p);
        model.addAttribute("photos", projects.photos(id));
        model.addAttribute("promo", promo);
        model.addAttribute("canWrite", projects.canWrite() && p.status() != CharityProjectStatus.CANCELLED);
        return "charity/project";
    }

    @PostMapping("/charity/projects/{id}/promotions")
    String addPromotion(
            @PathVariable long id,
            @ModelAttribute("promo") PageForms.Promotion form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    projects.addPromotion(id, form.toForm());
                    flash.addFlashAttribute(
                            "notice", form.recordId() != null ? "已关联推介活动" : "已登记推介活动。请在服务记录中上传现场照片并录入签到表，推介活动才计入次数。");
                    return "redirect:/charity/projects/" + id + "#promotions";
                },
                () -> page(id, model, form));
    }

    @PostMapping("/charity/projects/{id}/photos")
    String photo(
            @PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String uploadId,
            RedirectAttributes flash) {
        projects.get(id);
        CharityFundWebController.upload(flash, file, () -> {
            try {
                projects.addPhoto(id, uploadId, file.getOriginalFilename(), file.getSize(), file.getInputStream());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        return "redirect:/charity/projects/" + id + "#photos";
    }
}
