package cn.sgz.reporting.internal;

import cn.sgz.reporting.ArchiveJobView;
import cn.sgz.reporting.ArchiveService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of evidence archives (佐证资料包). */
@RestController
@RequestMapping("/api/v1/archives")
@Tag(name = "佐证资料包", description = "按项目（可限社工站、指标、截止日期）在后台生成佐证资料 ZIP：目录.xlsx、每条计入记录的说明和照片")
class ArchiveApiController {

    private final ArchiveService archives;

    ArchiveApiController(ArchiveService archives) {
        this.archives = archives;
    }

    record ArchiveRequestBody(Long projectId, Long stationId, Long indicatorId, LocalDate asOf) {}

    @PostMapping
    @Operation(summary = "申请生成资料包（后台生成，返回任务；用 GET 查看进度）")
    ResponseEntity<ArchiveJobView> request(@RequestBody ArchiveRequestBody body) {
        if (body.projectId() == null) {
            throw cn.sgz.shared.BusinessException.field("projectId", "项目：请选择项目");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(archives.request(body.projectId(), body.stationId(), body.indicatorId(), body.asOf()));
    }

    @GetMapping
    @Operation(summary = "项目的资料包任务")
    List<ArchiveJobView> list(@RequestParam long projectId) {
        return archives.list(projectId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "资料包任务：状态与进度")
    ArchiveJobView get(@PathVariable long id) {
        return archives.get(id);
    }

    @GetMapping("/{id}/download")
    @Operation(summary = "下载生成完成的资料包（未完成返回 409）")
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
