package cn.sgz.catalog.internal;

import cn.sgz.catalog.Catalog;
import cn.sgz.catalog.CatalogQueries;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.BusinessException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 服务清单 pages: list with YAML/Excel upload, detail (tasks → items → indicators), YAML edit, export. */
@Controller
class CatalogWebController {

    private final CatalogQueries catalogs;
    private final CatalogService service;
    private final ScopeService scopes;

    CatalogWebController(CatalogQueries catalogs, CatalogService service, ScopeService scopes) {
        this.catalogs = catalogs;
        this.service = service;
        this.scopes = scopes;
    }

    @GetMapping("/catalogs")
    String list(Model model) {
        model.addAttribute("catalogs", catalogs.list());
        model.addAttribute(
                "canWrite", CatalogService.canWrite(scopes.currentUser().role()));
        return "catalog/list";
    }

    @PostMapping("/catalogs/import-yaml")
    String importYaml(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String text,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response)
            throws IOException {
        byte[] body = file != null && !file.isEmpty()
                ? file.getBytes()
                : (text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8));
        try {
            CatalogService.ImportResult r = service.importYaml(body);
            flash.addFlashAttribute("notice", r.message());
            return "redirect:/catalogs/" + r.catalogId();
        } catch (BusinessException e) {
            model.addAttribute(
                    "problems",
                    e.problems().isEmpty()
                            ? java.util.List.of(e.getMessage())
                            : e.problems().stream()
                                    .map(BusinessException.FieldProblem::message)
                                    .toList());
            model.addAttribute("yamlText", text);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return list(model);
        }
    }

    @PostMapping("/catalogs/import-xlsx")
    String importXlsx(
            @RequestParam(required = false) MultipartFile file,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response)
            throws IOException {
        try {
            CatalogService.ImportResult r = service.importXlsx(file == null ? new byte[0] : file.getBytes());
            flash.addFlashAttribute("notice", r.message());
            return "redirect:/catalogs/" + r.catalogId();
        } catch (BusinessException e) {
            model.addAttribute(
                    "problems",
                    e.problems().isEmpty()
                            ? java.util.List.of(e.getMessage())
                            : e.problems().stream()
                                    .map(BusinessException.FieldProblem::message)
                                    .toList());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return list(model);
        }
    }

    @GetMapping("/catalogs/{id}")
    String detail(@PathVariable long id, Model model) {
        Catalog c = catalogs.get(id);
        model.addAttribute("catalog", c);
        model.addAttribute("cat", c.content());
        model.addAttribute("versions", catalogs.versions(c.code()));
        model.addAttribute(
                "canWrite", CatalogService.canWrite(scopes.currentUser().role()));
        return "catalog/detail";
    }

    @GetMapping("/catalogs/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Catalog c = catalogs.get(id);
        model.addAttribute("catalog", c);
        if (!model.containsAttribute("yamlText")) {
            model.addAttribute("yamlText", service.exportYaml(id));
        }
        return "catalog/edit";
    }

    @PostMapping("/catalogs/{id}/edit")
    String saveEdit(
            @PathVariable long id,
            @RequestParam String text,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            CatalogService.ImportResult r = service.editYaml(id, text);
            flash.addFlashAttribute("notice", r.message());
            return "redirect:/catalogs/" + r.catalogId();
        } catch (BusinessException e) {
            model.addAttribute(
                    "problems",
                    e.problems().isEmpty()
                            ? java.util.List.of(e.getMessage())
                            : e.problems().stream()
                                    .map(BusinessException.FieldProblem::message)
                                    .toList());
            model.addAttribute("yamlText", text);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return edit(id, model);
        }
    }

    @PostMapping("/catalogs/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes flash) {
        Catalog c = service.publish(id);
        flash.addFlashAttribute("notice", "已发布第" + c.version() + "版，可用于项目");
        return "redirect:/catalogs/" + id;
    }

    @GetMapping("/catalogs/{id}/export.yaml")
    ResponseEntity<byte[]> exportYaml(@PathVariable long id) {
        Catalog c = catalogs.get(id);
        return CatalogApiController.file(
                service.exportYaml(id).getBytes(StandardCharsets.UTF_8),
                MediaType.parseMediaType("application/yaml;charset=UTF-8"),
                c.code() + "-v" + c.version() + ".yaml");
    }

    @GetMapping("/catalogs/{id}/export.xlsx")
    ResponseEntity<byte[]> exportXlsx(@PathVariable long id) {
        Catalog c = catalogs.get(id);
        return CatalogApiController.file(
                service.exportXlsx(id), CatalogApiController.XLSX, c.code() + "-v" + c.version() + ".xlsx");
    }
}
