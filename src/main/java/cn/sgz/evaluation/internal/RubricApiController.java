package cn.sgz.evaluation.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API of scoring rubrics (评分细则). */
@RestController
@RequestMapping("/api/v1/rubrics")
@Tag(name = "评分细则", description = "评分细则的 YAML / Excel 导入（逐行、逐单元格中文报错，每次导入生成新版本）、导出（区/县民政局，留审计）和查看；内置示例细则")
class RubricApiController {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private final RubricService rubrics;

    RubricApiController(RubricService rubrics) {
        this.rubrics = rubrics;
    }

    @GetMapping
    List<RubricService.RubricSummary> list() {
        return rubrics.list();
    }

    @GetMapping("/{id}")
    RubricService.RubricDetail get(@PathVariable long id) {
        return rubrics.detail(id);
    }

    @GetMapping("/{id}/export.yaml")
    @Operation(summary = "导出 YAML（可修改后重新导入为新版本）")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        RubricService.RubricDetail d = rubrics.detail(id);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        d.summary().code() + "-v" + d.summary().versionNo() + ".yaml",
                                        StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(YAML)
                .body(rubrics.export(id).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/{id}/export.xlsx")
    @Operation(summary = "导出 Excel（工作表“细则信息”“评分细则”“填写说明”；可修改后重新导入为新版本）")
    ResponseEntity<byte[]> exportXlsx(@PathVariable long id) {
        RubricService.RubricDetail d = rubrics.detail(id);
        byte[] bytes = rubrics.exportXlsx(id);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        d.summary().code() + "-v" + d.summary().versionNo() + ".xlsx",
                                        StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(XLSX)
                .body(bytes);
    }

    @PostMapping(value = "/xlsx", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "导入 Excel 评分细则（区/县民政局；multipart file）",
            description = "同一编码再次导入即为新版本；有错误时逐项列出“工作表“评分细则”第3行 D列：…”，什么也不保存")
    RubricService.RubricDetail importXlsx(@RequestPart("file") MultipartFile file) throws IOException {
        return rubrics.importXlsx(file.getBytes());
    }

    @PostMapping(value = "/xlsx/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "检查 Excel 文件，不保存：返回解析结果或逐单元格错误")
    RubricService.RubricDetail checkXlsx(@RequestPart("file") MultipartFile file) throws IOException {
        return rubrics.checkXlsx(file.getBytes());
    }

    @PostMapping(
            value = "/check",
            consumes = {"application/yaml", "text/plain", "application/x-yaml"})
    @Operation(summary = "检查 YAML 文件，不保存：返回解析结果或逐行错误")
    RubricService.RubricDetail check(@RequestBody String yaml) {
        return rubrics.check(yaml);
    }

    @PostMapping(consumes = {"application/yaml", "text/plain", "application/x-yaml"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "导入评分细则（区/县民政局）：同一 code 再次导入即为新版本；有错误时什么也不保存")
    RubricService.RubricDetail importYaml(@RequestBody String yaml) {
        return rubrics.importYaml(yaml);
    }
}
