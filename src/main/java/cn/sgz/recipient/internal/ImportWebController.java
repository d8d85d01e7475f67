package cn.sgz.recipient.internal;

import cn.sgz.org.OrgUnitView;
import cn.sgz.recipient.RecipientCategory;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The import pages: upload, dry-run report with every problem, header mapping, confirm. */
@Controller
class ImportWebController {

    private final ImportService imports;
    private final RecipientAccess access;

    ImportWebController(ImportService imports, RecipientAccess access) {
        this.imports = imports;
        this.access = access;
    }

    @GetMapping("/recipients/import")
    String form(Model model) {
        access.requireWriter();
        return formPage(model);
    }

    private String formPage(Model model) {
        List<OrgUnitView> stations = access.stations();
        Long own = access.user().orgUnitId();
        model.addAttribute("stations", stations);
        model.addAttribute(
                "selectedStation", stations.stream().anyMatch(s -> own != null && s.id() == own) ? own : null);
        model.addAttribute("categories", RecipientCategory.values());
        model.addAttribute("maxRows", imports.maxRows());
        model.addAttribute("maxMb", imports.maxBytes() / 1024 / 1024);
        return "recipient/import";
    }

    @GetMapping("/recipients/import/template")
    ResponseEntity<byte[]> template() {
        return RecipientApiController.download(ImportTemplate.build(), "服务对象名单模板.xlsx", RecipientApiController.XLSX);
    }

    @PostMapping("/recipients/import")
    String upload(
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) RecipientCategory defaultCategory,
            @RequestParam(required = false) MultipartFile file,
            Model model,
            HttpServletResponse response)
            throws IOException {
        try {
            if (stationId == null) {
                throw BusinessException.field("stationId", "请选择社工站");
            }
            ImportReport report = imports.upload(
                    stationId,
                    file == null ? null : file.getOriginalFilename(),
                    file == null ? new byte[0] : file.getBytes(),
                    defaultCategory);
            return result(report, model);
        } catch (BusinessException e) {
            FormErrors.addTo(model, e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return formPage(model);
        }
    }

    @GetMapping("/recipients/import/{id}")
    String show(@PathVariable long id, Model model) {
        return result(imports.check(id), model);
    }

    @PostMapping("/recipients/import/{id}/mapping")
    String remap(@PathVariable long id, @RequestParam Map<String, String> params, Model model) {
        Map<Integer, ImportField> columns = new HashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("col") && v != null && !v.isBlank()) {
                try {
                    columns.put(Integer.parseInt(k.substring(3)), ImportField.valueOf(v));
                } catch (IllegalArgumentException ignored) {
                    // a tampered value is simply not a mapping
                }
            }
        });
        String def = params.get("defaultCategory");
        RecipientCategory defaultCategory = def == null || def.isBlank() ? null : RecipientCategory.valueOf(def);
        return result(imports.remap(id, columns, defaultCategory), model);
    }

    @PostMapping("/recipients/import/{id}/confirm")
    String confirm(@PathVariable long id, Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            ImportReport done = imports.confirm(id);
            flash.addFlashAttribute(
                    "notice", "已导入“" + done.fileName() + "”：新增 " + done.toCreate() + " 人，更新 " + done.toUpdate() + " 人");
            return "redirect:/recipients";
        } catch (ImportFailedException e) {
            model.addAttribute("formError", e.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return result(e.report(), model);
        } catch (BusinessException e) {
            model.addAttribute("formError", e.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return result(imports.check(id), model);
        }
    }

    private String result(ImportReport report, Model model) {
        model.addAttribute("report", report);
        model.addAttribute("fields", ImportField.values());
        model.addAttribute("categories", RecipientCategory.values());
        return "recipient/import-result";
    }
}
