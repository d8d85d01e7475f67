package cn.sgz.reporting.internal;

import cn.sgz.catalog.ProjectQueries;
import cn.sgz.reporting.ArchiveJobView;
import cn.sgz.reporting.ArchiveService;
import cn.sgz.shared.BusinessException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 佐证资料包 page: request an archive of the project (or one station), watch its progress, download it. */
@Controller
class ArchiveWebController {

    private final ArchiveService archives;
    private final ProjectQueries projects;

    ArchiveWebController(ArchiveService archives, ProjectQueries projects) {
        this.archives = archives;
        this.projects = projects;
    }

    @GetMapping("/reports/archives")
    String list(@RequestParam long projectId, Model model) {
        var p = projects.inScope(projectId);
        model.addAttribute("project", p.project());
        model.addAttribute(
                "stations",
                p.visibleStationIds().stream()
                        .map(id -> new Object[] {id, p.unitNames().getOrDefault(id, "—")})
                        .toList());
        model.addAttribute("jobs", archives.list(projectId));
        return "reporting/archives";
    }

    @PostMapping("/reports/archives")
    String request(
            @RequestParam long projectId, @RequestParam(required = false) Long stationId, RedirectAttributes flash) {
        try {
            ArchiveJobView job = archives.request(projectId, stationId, null, null);
            flash.addFlashAttribute("notice", "已开始生成资料包 #" + job.id() + "，完成后可在下方下载。");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/reports/archives?projectId=" + projectId;
    }

    @GetMapping("/reports/archives/{id}/download")
    ResponseEntity<Resource> download(@PathVariable long id) {
        ArchiveService.ArchiveFile file = archives.download(id);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(archives.downloadName(id), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType("application/zip"))
                .contentLength(file.size())
                .body(new InputStreamResource(file.content()));
    }
}
