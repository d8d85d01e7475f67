package cn.sgz.catalog.internal;

import cn.sgz.catalog.Catalog;
import cn.sgz.catalog.CatalogQueries;
import cn.sgz.catalog.CatalogSummary;
import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API of catalogs and projects. Reads of catalogs are open to every signed-in user. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "服务清单与项目", description = "服务清单（YAML/Excel 导入导出、版本）、购买服务项目")
class CatalogApiController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final CatalogQueries catalogs;
    private final CatalogService service;
    private final ProjectQueries projects;
    private final ProjectService projectService;

    CatalogApiController(
            CatalogQueries catalogs, CatalogService service, ProjectQueries projects, ProjectService projectService) {
        this.catalogs = catalogs;
        this.service = service;
        this.projects = projects;
        this.projectService = projectService;
    }

    @GetMapping("/catalogs")
    @Operation(summary = "服务清单列表（所有版本）")
    List<CatalogSummary> list() {
        return catalogs.list();
    }

    @GetMapping("/catalogs/{id}")
    @Operation(summary = "服务清单全文：任务、分项、指标、各档位目标值和原文")
    Catalog get(@PathVariable long id) {
        return catalogs.get(id);
    }

    @PostMapping(
            value = "/catalogs",
            consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"})
    @Operation(
            summary = "导入 YAML 服务清单（格式见 docs/catalog-format.md）",
            description = "新编码创建第1版草稿（201）；已发布的编码创建新版本（201）；未使用的草稿原地更新（200）；"
                    + "与最新版本相同的内容不作修改（200，outcome=UNCHANGED）。格式错误返回 400，details 中每条注明行号。")
    ResponseEntity<CatalogService.ImportResult> importYaml(@RequestBody byte[] body) {
        return answered(service.importYaml(body));
    }

    @PostMapping(value = "/catalogs/xlsx", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "导入 Excel 服务清单（模板即导出的文件）",
            description = "状态码同 YAML 导入：新建 201，草稿更新或内容未变 200。错误返回 400，details 中每条注明工作表、行和列。")
    ResponseEntity<CatalogService.ImportResult> importXlsx(@RequestParam("file") MultipartFile file)
            throws java.io.IOException {
        return answered(service.importXlsx(file.getBytes()));
    }

    /** 201 only when something was created; an update in place or an unchanged re-import answers 200. */
    private static ResponseEntity<CatalogService.ImportResult> answered(CatalogService.ImportResult r) {
        boolean created =
                r.outcome() != CatalogService.Outcome.UNCHANGED && r.outcome() != CatalogService.Outcome.DRAFT_REPLACED;
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(r);
    }

    @PostMapping("/catalogs/{id}/publish")
    @Operation(summary = "发布服务清单版本（发布后才能用于项目；已发布的版本不再修改）")
    Catalog publish(@PathVariable long id) {
        return service.publish(id);
    }

    @GetMapping("/catalogs/{id}/export.yaml")
    ResponseEntity<byte[]> exportYaml(@PathVariable long id) {
        Catalog c = catalogs.get(id);
        return file(
                service.exportYaml(id).getBytes(StandardCharsets.UTF_8),
                MediaType.parseMediaType("application/yaml;charset=UTF-8"),
                c.code() + "-v" + c.version() + ".yaml");
    }

    @GetMapping("/catalogs/{id}/export.xlsx")
    ResponseEntity<byte[]> exportXlsx(@PathVariable long id) {
        Catalog c = catalogs.get(id);
        return file(service.exportXlsx(id), XLSX, c.code() + "-v" + c.version() + ".xlsx");
    }

    @GetMapping("/projects")
    @Operation(summary = "可见的购买服务项目")
    List<Project> projects() {
        return projects.visible();
    }

    @GetMapping("/projects/{id}")
    Project project(@PathVariable long id) {
        return projects.get(id);
    }

    @GetMapping("/projects/{id}/indicators")
    @Operation(
            summary = "项目各社工站须完成的指标（必选 + 所选自选），含本项目档位的目标值",
            description = "每项写明所属任务和分项（不重复整个清单树）；指标的参数和指标值原文已按项目档位取值")
    List<ProjectIndicatorEntry> projectIndicators(@PathVariable long id) {
        return projects.indicators(id).stream().map(ProjectIndicatorEntry::of).toList();
    }

    @PostMapping("/projects")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建购买服务项目（区县民政局）")
    Project createProject(@RequestBody ProjectService.ProjectForm body) {
        return projectService.create(body);
    }

    @PutMapping("/projects/{id}")
    @Operation(summary = "修改购买服务项目", description = "body 为项目字段；须带读取时的 version（查询参数），过期返回 409")
    Project updateProject(
            @PathVariable long id,
            @RequestBody ProjectService.ProjectForm body,
            @RequestParam(required = false) Long version) {
        return projectService.update(id, body, version);
    }

    static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(type)
                .body(body);
    }
}
