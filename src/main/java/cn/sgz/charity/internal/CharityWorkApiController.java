package cn.sgz.charity.internal;

import cn.sgz.activity.RecipientPicker;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.evidence.PhotoView;
import cn.sgz.evidence.UploadResponses;
import cn.sgz.evidence.UploadResult;
import cn.sgz.shared.BusinessException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API of charity projects, promotion events, relief events and the totals per period. */
@RestController
@RequestMapping("/api/v1/charity")
@Tag(name = "慈善项目与慈善救助", description = "慈善项目及推介活动、社区慈善救助（每人救助金额、领取单据）、按月/季/年汇总与导出")
class CharityWorkApiController {

    private final CharityProjectService projects;
    private final ReliefService reliefs;
    private final CharityTotalsService totals;
    private final ServiceRecordService records;

    CharityWorkApiController(
            CharityProjectService projects,
            ReliefService reliefs,
            CharityTotalsService totals,
            ServiceRecordService records) {
        this.projects = projects;
        this.reliefs = reliefs;
        this.totals = totals;
        this.records = records;
    }

    // ---- projects ---------------------------------------------------------------------------------

    @GetMapping("/projects")
    @Operation(summary = "慈善项目列表")
    List<CharityProjectView> projects(@RequestParam(required = false) Long stationId) {
        return projects.list(stationId);
    }

    @GetMapping("/projects/{id}")
    @Operation(summary = "慈善项目及其推介活动（含是否计入及原因）")
    CharityProjectView project(@PathVariable long id) {
        return projects.get(id);
    }

    @PostMapping("/projects")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记慈善项目（名称、目标、内容、预算、周期）")
    CharityProjectView createProject(@RequestBody CharityProjectForm body) {
        return projects.create(body);
    }

    record ProjectUpdate(CharityProjectForm project, Long version) {}

    @PutMapping("/projects/{id}")
    @Operation(summary = "修改慈善项目（乐观锁：须带 version）")
    CharityProjectView updateProject(@PathVariable long id, @RequestBody ProjectUpdate body) {
        if (body.project() == null) {
            throw BusinessException.field("project", "缺少项目内容");
        }
        return projects.update(id, body.project(), body.version());
    }

    @PostMapping("/projects/{id}/promotions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "添加推介活动：新建“慈善项目推介”服务记录，或用 recordId 关联已有记录")
    CharityProjectView addPromotion(@PathVariable long id, @RequestBody PromotionForm body) {
        return projects.addPromotion(id, body);
    }

    @GetMapping("/projects/{id}/photos")
    List<PhotoView> projectPhotos(@PathVariable long id) {
        return projects.photos(id);
    }

    @PostMapping(path = "/projects/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传慈善项目照片（项目计划书、展板等）")
    ResponseEntity<UploadResult> addProjectPhoto(
            @PathVariable long id,
            @RequestPart("file") MultipartFile file,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return UploadResponses.multipart(file, (name, size, in) -> projects.addPhoto(id, key, name, size, in));
    }

    // ---- relief -------------------------------------------------------------------------------------

    @GetMapping("/relief-events")
    @Operation(summary = "慈善救助列表（每次合计金额、是否计入指标及原因；status=COUNTS 计入 / EXCLUDED 不计入 / VOIDED 已作废）")
    List<ReliefView> reliefEvents(
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) Long fundId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String status) {
        return ReliefWebController.withStatus(reliefs.list(stationId, fundId, from, to), status);
    }

    @GetMapping("/relief-events/{id}")
    @Operation(summary = "一次慈善救助：救助对象、每人金额、领取情况")
    ReliefView relief(@PathVariable long id) {
        return reliefs.get(id);
    }

    @PostMapping("/relief-events")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记慈善救助：同时生成“慈善救助”服务记录（发放物品，需领取单据）；救助对象须从台账选择")
    ReliefView createRelief(@RequestBody ReliefForm body) {
        return reliefs.create(body);
    }

    record ReliefUpdate(Long fundId, String plan, Long version) {}

    @PutMapping("/relief-events/{id}")
    @Operation(summary = "修改救助计划或资金来源基金（日期、标题在服务记录中修改）")
    ReliefView updateRelief(@PathVariable long id, @RequestBody ReliefUpdate body) {
        return reliefs.update(id, body.fundId(), body.plan(), body.version());
    }

    @PostMapping("/relief-events/{id}/recipients")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "添加救助对象及救助金额")
    ReliefView addRecipient(@PathVariable long id, @RequestBody ReliefForm.Line body) {
        return reliefs.addRecipient(id, body);
    }

    @DeleteMapping("/relief-events/{id}/recipients/{lineId}")
    @Operation(summary = "移除救助对象（其领取记录一并删除）")
    ReliefView removeRecipient(@PathVariable long id, @PathVariable long lineId) {
        return reliefs.removeRecipient(id, lineId);
    }

    record ReceiptBody(String phone) {}

    @PostMapping("/relief-events/{id}/recipients/{lineId}/receipt")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记领取（领取单据）：写入服务记录的领取单据")
    ReliefView addReceipt(
            @PathVariable long id, @PathVariable long lineId, @RequestBody(required = false) ReceiptBody body) {
        return reliefs.addReceipt(id, lineId, body == null ? null : body.phone());
    }

    @GetMapping("/recipients")
    @Operation(summary = "从台账挑选救助对象（姓名或身份证后四位）")
    List<RecipientPicker.RecipientOption> recipients(
            @RequestParam long stationId, @RequestParam(required = false) String q) {
        return records.searchRecipients(stationId, q);
    }

    // ---- totals ---------------------------------------------------------------------------------------

    @GetMapping("/totals")
    @Operation(summary = "按月/季/年汇总：共募资金、救助支出、救助次数、推介活动（按社工站或按基金）")
    CharityTotals totals(
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) TotalsBy by,
            @RequestParam(required = false) Granularity granularity,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return totals.totals(stationId, by, granularity, from, to);
    }

    @GetMapping("/totals.xlsx")
    @Operation(summary = "导出汇总表（xlsx，写审计日志）")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) TotalsBy by,
            @RequestParam(required = false) Granularity granularity,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return TotalsDownload.of(totals.export(stationId, by, granularity, from, to));
    }
}
