package cn.sgz.community.internal;

import cn.sgz.community.internal.StationDocumentService.ChecklistEntry;
import cn.sgz.community.internal.StationDocumentService.DocumentForm;
import cn.sgz.community.internal.StationDocumentService.DocumentView;
import cn.sgz.evidence.DeviceCapture;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.evidence.UploadResponses;
import cn.sgz.evidence.UploadResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API of the station document library (制度上墙) and the checklist of documents the projects require. */
@RestController
@RequestMapping("/api/v1/station-documents")
@Tag(name = "制度上墙与资料", description = "社工站制度、组织架构图等资料（照片佐证）及项目要求的资料清单")
class StationDocumentApiController {

    private final StationDocumentService documents;

    StationDocumentApiController(StationDocumentService documents) {
        this.documents = documents;
    }

    @GetMapping
    @Operation(summary = "本站资料库（不含组织自己的制度）")
    List<DocumentView> list(@RequestParam long stationId) {
        return documents.list(stationId);
    }

    @GetMapping("/checklist")
    @Operation(summary = "本站项目的资料要求（DOCUMENT 指标）及是否齐全")
    List<ChecklistEntry> checklist(@RequestParam long stationId) {
        return documents.checklist(stationId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建资料条目（名称须与清单要求一致才计入；orgId 表示某组织的制度文件）")
    DocumentView create(@RequestBody DocumentForm body) {
        return documents.create(body);
    }

    @GetMapping("/{id}")
    DocumentView get(@PathVariable long id) {
        return documents.get(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        documents.delete(id);
    }

    @PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传资料照片（multipart；uploadId 重试不重复保存）")
    ResponseEntity<UploadResult> upload(
            @PathVariable long id,
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String uploadId) {
        return UploadResponses.multipart(
                file, (name, size, in) -> documents.addPhoto(id, PhotoSource.GALLERY, uploadId, name, size, in, null));
    }

    @PutMapping("/{id}/photos/{uploadId}")
    @Operation(summary = "上传资料照片（请求体为图片字节）")
    ResponseEntity<UploadResult> uploadRaw(
            @PathVariable long id,
            @PathVariable String uploadId,
            @Parameter(hidden = true) HttpServletRequest request) {
        try {
            return UploadResponses.of(documents.addPhoto(
                    id,
                    PhotoSource.GALLERY,
                    uploadId,
                    null,
                    request.getContentLengthLong(),
                    request.getInputStream(),
                    (DeviceCapture) null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DeleteMapping("/{id}/photos/{photoId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removePhoto(@PathVariable long id, @PathVariable long photoId) {
        documents.removePhoto(id, photoId);
    }
}
