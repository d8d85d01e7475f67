package cn.sgz.reporting.internal;

import cn.sgz.reporting.Bulletin;
import cn.sgz.reporting.BulletinService;
import cn.sgz.reporting.CityBulletin;
import cn.sgz.reporting.NarrativeForm;
import cn.sgz.reporting.ReportContent;
import cn.sgz.reporting.ReportDetail;
import cn.sgz.reporting.ReportKind;
import cn.sgz.reporting.ReportService;
import cn.sgz.reporting.ReportView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.RestController;

/** REST API of periodic reports, their submission chain, schedules and the quarterly bulletin. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "报表与报送", description = "社工站月报/季报/半年报/年报：生成、填写、提交（站长）、审核（承接机构）、接收或退回（区县民政局）、Word/Excel；季度通报")
class ReportApiController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportService reports;
    private final BulletinService bulletins;
    private final cn.sgz.reporting.BoardExportService boards;

    ReportApiController(ReportService reports, BulletinService bulletins, cn.sgz.reporting.BoardExportService boards) {
        this.reports = reports;
        this.bulletins = bulletins;
        this.boards = boards;
    }

    @GetMapping("/boards/{projectId}/excel")
    @Operation(summary = "看板导出 Excel：缺省为区县看板（各站各指标对比），带 stationId 为社工站看板（含分期明细）")
    ResponseEntity<byte[]> boardExcel(
            @PathVariable long projectId,
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        var b = boards.board(projectId, stationId, asOf);
        return file(boards.excel(projectId, stationId, asOf), b.title() + ".xlsx", XLSX);
    }

    @GetMapping
    @Operation(summary = "项目各社工站的报告（含未开始的报告期，新的在前）")
    List<ReportView> list(
            @RequestParam long projectId,
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) ReportKind kind) {
        return reports.list(projectId, stationId, kind);
    }

    @GetMapping("/preview")
    @Operation(summary = "按报告期实时计算一个社工站的报告数据（无论是否已开始填写）")
    ReportContent preview(
            @RequestParam long projectId,
            @RequestParam long stationId,
            @RequestParam ReportKind kind,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodStart) {
        return reports.preview(projectId, stationId, kind, periodStart);
    }

    record ReportStartBody(Long projectId, Long stationId, ReportKind kind, LocalDate periodStart) {}

    @PostMapping
    @Operation(summary = "开始填写一期报告（已开始则返回该报告）；只限社工站站长和驻站社工")
    ResponseEntity<ReportView> start(@RequestBody ReportStartBody body) {
        if (body.projectId() == null || body.stationId() == null) {
            throw cn.sgz.shared.BusinessException.field(
                    body.projectId() == null ? "projectId" : "stationId",
                    body.projectId() == null ? "项目：请选择项目" : "社工站：请选择社工站");
        }
        ReportView v = reports.start(body.projectId(), body.stationId(), body.kind(), body.periodStart());
        return ResponseEntity.status(HttpStatus.CREATED).body(v);
    }

    @GetMapping("/{id}")
    @Operation(summary = "一份报告：填写内容、数据（提交后为提交时的快照）、提交后的变化、当前用户可执行的操作")
    ReportDetail get(@PathVariable long id) {
        return reports.get(id);
    }

    @GetMapping("/{id}/content")
    @Operation(summary = "报告的数据部分（提交后为快照，否则按报告期末实时计算）")
    ReportContent content(@PathVariable long id) {
        return reports.content(id);
    }

    @GetMapping("/{id}/changes")
    @Operation(summary = "提交后数据的变化（重新计算与快照逐项比较）")
    List<ReportDetail.ReportChange> changes(@PathVariable long id) {
        return reports.get(id).changes();
    }

    record ReportNarrativeBody(String summary, String highlights, String problems, String nextPlan, Long version) {}

    @PutMapping("/{id}")
    @Operation(summary = "保存工作总结、亮点与成效、存在问题、下期计划（各≤2000字；须带 version；已提交的报告返回 409）")
    ReportView save(@PathVariable long id, @RequestBody ReportNarrativeBody body) {
        return reports.saveNarrative(
                id,
                new NarrativeForm(body.summary(), body.highlights(), body.problems(), body.nextPlan()),
                body.version());
    }

    record ReportVersionBody(Long version) {}

    @PostMapping("/{id}/submit")
    @Operation(summary = "站长提交报告（报告期结束后；冻结数据快照）")
    ReportView submit(@PathVariable long id, @RequestBody ReportVersionBody body) {
        return reports.submit(id, body.version());
    }

    @PostMapping("/{id}/review")
    @Operation(summary = "承接机构负责人审核报告")
    ReportView review(@PathVariable long id, @RequestBody ReportVersionBody body) {
        return reports.review(id, body.version());
    }

    @PostMapping("/{id}/receive")
    @Operation(summary = "区县民政局接收报告")
    ReportView receive(@PathVariable long id, @RequestBody ReportVersionBody body) {
        return reports.receive(id, body.version());
    }

    record ReportReturnBody(String reason, Long version) {}

    @PostMapping("/{id}/return")
    @Operation(summary = "区县民政局退回报告并写明原因（原因保留在报告上）")
    ReportView returnReport(@PathVariable long id, @RequestBody ReportReturnBody body) {
        return reports.returnReport(id, body.reason(), body.version());
    }

    @GetMapping("/{id}/word")
    @Operation(summary = "报告 Word 文件（A4、页码、签字栏）")
    ResponseEntity<byte[]> word(@PathVariable long id) {
        byte[] bytes = reports.word(id);
        return file(bytes, reports.fileName(id) + ".docx", DOCX);
    }

    @GetMapping("/{id}/excel")
    @Operation(summary = "报告 Excel 文件（数字为数值单元格）")
    ResponseEntity<byte[]> excel(@PathVariable long id) {
        byte[] bytes = reports.excel(id);
        return file(bytes, reports.fileName(id) + ".xlsx", XLSX);
    }

    @GetMapping("/schedules/{projectId}")
    @Operation(summary = "项目的报送安排（各类报告是否启用、次月几日前报送）")
    List<ReportService.ReportScheduleLine> schedule(@PathVariable long projectId) {
        return reports.schedule(projectId);
    }

    record ReportScheduleBody(ReportKind kind, Boolean enabled, Integer dueDay, Long version) {}

    @PutMapping("/schedules/{projectId}")
    @Operation(summary = "区县民政局修改一类报告的报送安排（须带该行的 version，未保存过的为 0）")
    List<ReportService.ReportScheduleLine> saveSchedule(
            @PathVariable long projectId, @RequestBody ReportScheduleBody body) {
        return reports.saveSchedule(
                projectId, body.kind(), body.enabled() == null || body.enabled(), body.dueDay(), body.version());
    }

    @GetMapping("/attention")
    @Operation(summary = "首页提醒：逾期未报送的报告，和等待当前用户处理的报告")
    ReportService.ReportAttention attention() {
        return reports.attention();
    }

    @GetMapping("/bulletins/quarterly")
    @Operation(summary = "季度通报：各社工站并列、排名、有风险的社工站（quarterStart 为季度首日，缺省为最近的季度）")
    Bulletin bulletin(
            @RequestParam long projectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate quarterStart) {
        return bulletins.compute(projectId, quarterStart);
    }

    @GetMapping("/bulletins/quarterly/word")
    @Operation(summary = "季度通报 Word 文件（A4 横向）")
    ResponseEntity<byte[]> bulletinWord(
            @RequestParam long projectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate quarterStart) {
        Bulletin b = bulletins.compute(projectId, quarterStart);
        return file(bulletins.word(projectId, b.from()), b.bureauName() + b.quarterLabel() + "通报.docx", DOCX);
    }

    @GetMapping("/bulletins/quarterly/excel")
    @Operation(summary = "季度通报 Excel 文件")
    ResponseEntity<byte[]> bulletinExcel(
            @RequestParam long projectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate quarterStart) {
        Bulletin b = bulletins.compute(projectId, quarterStart);
        return file(bulletins.excel(projectId, b.from()), b.bureauName() + b.quarterLabel() + "通报.xlsx", XLSX);
    }

    record BulletinPublishBody(Long projectId, LocalDate quarterStart) {}

    @PostMapping("/bulletins/quarterly/published")
    @Operation(summary = "区县民政局发布季度通报（保存当时的数据；同一季度再次发布则替换）")
    ResponseEntity<BulletinService.PublishedBulletin> publish(@RequestBody BulletinPublishBody body) {
        if (body.projectId() == null) {
            throw cn.sgz.shared.BusinessException.field("projectId", "项目：请选择项目");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(bulletins.publish(body.projectId(), body.quarterStart()));
    }

    @GetMapping("/bulletins/quarterly/published")
    @Operation(summary = "已发布的季度通报")
    List<BulletinService.PublishedBulletin> published(@RequestParam long projectId) {
        return bulletins.published(projectId);
    }

    @GetMapping("/bulletins/city")
    @Operation(summary = "市级季度通报：各区县并列、排名、需关注的社工站（市民政局；cityId 缺省为本市，quarterStart 为季度首日，缺省为本季度）")
    CityBulletin cityBulletin(
            @RequestParam(required = false) Long cityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate quarterStart) {
        return bulletins.computeCity(cityId, quarterStart);
    }

    @GetMapping("/bulletins/city/word")
    @Operation(summary = "市级季度通报 Word 文件（A4 横向）")
    ResponseEntity<byte[]> cityBulletinWord(
            @RequestParam(required = false) Long cityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate quarterStart) {
        CityBulletin b = bulletins.computeCity(cityId, quarterStart);
        return file(bulletins.cityWord(b.cityId(), b.from()), b.cityName() + b.quarterLabel() + "通报.docx", DOCX);
    }

    @GetMapping("/bulletins/city/excel")
    @Operation(summary = "市级季度通报 Excel 文件")
    ResponseEntity<byte[]> cityBulletinExcel(
            @RequestParam(required = false) Long cityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate quarterStart) {
        CityBulletin b = bulletins.computeCity(cityId, quarterStart);
        return file(bulletins.cityExcel(b.cityId(), b.from()), b.cityName() + b.quarterLabel() + "通报.xlsx", XLSX);
    }

    static ResponseEntity<byte[]> file(byte[] bytes, String name, MediaType type) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(type)
                .body(bytes);
    }
}
