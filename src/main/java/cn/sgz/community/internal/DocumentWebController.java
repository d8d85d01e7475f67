package cn.sgz.community.internal;

import cn.sgz.community.internal.StationDocumentService.DocumentForm;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.web.FormSubmission;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 制度上墙 page: what the station's projects require, present or missing, and the document library with photos. */
@Controller
class DocumentWebController {

    private final StationDocumentService documents;
    private final CommunityAccess access;

    DocumentWebController(StationDocumentService documents, CommunityAccess access) {
        this.documents = documents;
        this.access = access;
    }

    @GetMapping("/station-documents")
    String page(@RequestParam(required = false) Long stationId, Model model) {
        Long station = access.defaultStation(stationId);
        model.addAttribute("stations", access.stations());
        model.addAttribute("stationId", station);
        var checklist = station == null
                ? java.util.List.<StationDocumentService.ChecklistEntry>of()
                : documents.checklist(station);
        model.addAttribute("checklist", checklist);
        model.addAttribute(
                "missing",
                checklist.stream().filter(c -> !c.present()).map(c -> c.name()).toList());
        model.addAttribute("docs", station == null ? java.util.List.of() : documents.list(station));
        model.addAttribute(
                "domains",
                java.util.Arrays.stream(cn.sgz.shared.vocabulary.LedgerDomain.values())
                        .filter(d -> d != cn.sgz.shared.vocabulary.LedgerDomain.ALL)
                        .toList());
        model.addAttribute("canWrite", access.canWrite());
        return "community/documents";
    }

    @PostMapping("/station-documents")
    String create(
            @RequestParam Long stationId,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String note,
            @RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate periodFrom,
            @RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate periodTo,
            @RequestParam(required = false) cn.sgz.shared.vocabulary.LedgerDomain domain,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    var d = documents.create(
                            new DocumentForm(stationId, null, name, note, periodFrom, periodTo, domain));
                    flash.addFlashAttribute("notice", "已添加“" + d.name() + "”，请上传照片（有照片才算已具备）。");
                    return "redirect:/station-documents?stationId=" + stationId + "#doc-" + d.id();
                },
                () -> page(stationId, model));
    }

    /** Uploads a photo of a document (station or organisation) and returns to the page it came from. */
    @PostMapping("/station-documents/{id}/photos")
    String upload(
            @PathVariable long id,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String uploadId,
            RedirectAttributes flash) {
        var d = documents.get(id);
        String back = d.orgId() != null
                ? "redirect:/community/orgs/" + d.orgId() + "#documents"
                : "redirect:/station-documents?stationId=" + d.stationId() + "#doc-" + id;
        try {
            if (file == null || file.isEmpty()) {
                throw BusinessException.field("file", "照片：请选择要上传的照片");
            }
            var r = documents.addPhoto(
                    id,
                    PhotoSource.GALLERY,
                    uploadId,
                    file.getOriginalFilename(),
                    file.getSize(),
                    file.getInputStream(),
                    null);
            flash.addFlashAttribute("notice", "照片已上传" + (r.warning() == null ? "" : "（" + r.warning() + "）"));
        } catch (BusinessException e) {
            flash.addFlashAttribute("formError", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return back;
    }
}
