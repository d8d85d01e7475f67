package cn.sgz.activity.internal;

import cn.sgz.activity.ReceiptView;
import cn.sgz.activity.RecipientPicker;
import cn.sgz.activity.RecordFilter;
import cn.sgz.activity.RecordForm;
import cn.sgz.activity.RecordTotals;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.ServiceRecordService.RecordDetail;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.activity.SignInEntryView;
import cn.sgz.evidence.ChunkedUploads;
import cn.sgz.evidence.DeviceCapture;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.evidence.QualificationStatus;
import cn.sgz.evidence.UploadResponses;
import cn.sgz.evidence.UploadResult;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.vocabulary.ServiceField;
import cn.sgz.shared.vocabulary.ServiceKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

/** REST API of service records, their photos, sign-in sheets, receipts and qualification. */
@RestController
@RequestMapping("/api/v1/service-records")
@Tag(name = "服务记录", description = "服务记录、照片、签到表、领取单据与计数认定")
class RecordApiController {

    private final ServiceRecordService records;
    private final RecordPapers papers;
    private final ChunkedUploads chunkedUploads;
    private final RecordExport export;

    RecordApiController(
            ServiceRecordService records, RecordPapers papers, ChunkedUploads chunkedUploads, RecordExport export) {
        this.chunkedUploads = chunkedUploads;
        this.export = export;
        this.records = records;
        this.papers = papers;
    }

    static ResponseEntity<byte[]> docx(byte[] body, String filename) {
        return ResponseEntity.ok()
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(filename, java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .body(body);
    }

    @GetMapping("/{id}/sign-in-sheet")
    @Operation(summary = "签到表（docx，按记录填好：姓名、电话、签名栏）", description = "记入审计")
    ResponseEntity<byte[]> signInSheet(@PathVariable long id) {
        return docx(papers.signInSheet(id), "签到表-" + id + ".docx");
    }

    @GetMapping("/{id}/receipt-sheet")
    @Operation(summary = "物品领取单（docx，按记录填好）", description = "记入审计")
    ResponseEntity<byte[]> receiptSheet(@PathVariable long id) {
        return docx(papers.receiptSheet(id), "物品领取单-" + id + ".docx");
    }

    @GetMapping("/blank-sign-in-sheet")
    @Operation(summary = "空白签到表（docx，含电话栏，打印手填）")
    ResponseEntity<byte[]> blankSignInSheet() {
        return docx(RecordPapers.blankSignInSheet(), "签到表（空白）.docx");
    }

    @GetMapping("/blank-receipt-sheet")
    @Operation(summary = "空白物品领取单（docx，打印手填）")
    ResponseEntity<byte[]> blankReceiptSheet() {
        return docx(RecordPapers.blankReceiptSheet(), "物品领取单（空白）.docx");
    }

    @GetMapping
    @Operation(summary = "按社工站、类型、日期、登记人、认定结果查询服务记录（最多500条/页）")
    List<ServiceRecordView> list(
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) ServiceKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Boolean mine,
            @RequestParam(required = false) Long createdById,
            @RequestParam(required = false) QualificationStatus qualification,
            @RequestParam(required = false) Boolean includeVoided,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        return records.list(new RecordFilter(
                stationId, kind, from, to, mine, createdById, qualification, includeVoided, limit, offset));
    }

    @GetMapping("/totals")
    @Operation(summary = "与列表相同的筛选条件下的总条数、计入条数、不计入条数（不分页）")
    RecordTotals totals(
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) ServiceKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Boolean mine,
            @RequestParam(required = false) Long createdById,
            @RequestParam(required = false) QualificationStatus qualification,
            @RequestParam(required = false) Boolean includeVoided) {
        return records.totals(new RecordFilter(
                stationId, kind, from, to, mine, createdById, qualification, includeVoided, null, null));
    }

    @GetMapping(value = "/export", produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "导出服务记录（xlsx）", description = "与列表相同的筛选条件，导出全部符合条件的记录（不分页，上限 20000 条），含认定结果和不计入原因；记入审计")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) ServiceKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Boolean mine,
            @RequestParam(required = false) Long createdById,
            @RequestParam(required = false) QualificationStatus qualification,
            @RequestParam(required = false) Boolean includeVoided) {
        return xlsx(
                export.xlsx(new RecordFilter(
                        stationId, kind, from, to, mine, createdById, qualification, includeVoided, null, null)),
                "服务记录.xlsx");
    }

    static ResponseEntity<byte[]> xlsx(byte[] body, String filename) {
        return ResponseEntity.ok()
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(filename, java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(body);
    }

    @GetMapping("/kinds")
    @Operation(summary = "服务类型与服务领域")
    Map<String, Object> kinds() {
        return Map.of(
                "kinds",
                Arrays.stream(ServiceKind.values())
                        .map(k -> Map.of(
                                "code",
                                k.name(),
                                "label",
                                k.label(),
                                "gathering",
                                k.gathering(),
                                "handsOutGoods",
                                k.handsOutGoods(),
                                "proof",
                                k.proof().name(),
                                "recordedOnItsOwn",
                                k.recordedOnItsOwn(),
                                "defaultDomain",
                                k.defaultField().name()))
                        .toList(),
                "domains",
                Arrays.stream(ServiceField.values())
                        .map(d -> Map.of("code", d.name(), "label", d.label()))
                        .toList());
    }

    @GetMapping("/{id}")
    RecordDetail get(@PathVariable long id) {
        return records.detail(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记服务记录")
    ServiceRecordView create(@RequestBody RecordForm body) {
        return records.create(body);
    }

    /** The form plus the version that was read; a stale version answers 409 and changes nothing. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "RecordUpdateBody")
    record UpdateBody(RecordForm record, Long version) {}

    @PutMapping("/{id}")
    @Operation(summary = "修改服务记录（乐观锁：须带读取时的 version，过期返回 409）")
    ServiceRecordView update(@PathVariable long id, @RequestBody UpdateBody body) {
        if (body.record() == null) {
            throw BusinessException.field("record", "缺少记录内容");
        }
        return records.update(id, body.record(), body.version());
    }

    record VoidBody(String reason, Long version) {}

    @PostMapping("/{id}/void")
    @Operation(summary = "作废服务记录（保留记录与原因，写审计日志）")
    ServiceRecordView voidRecord(@PathVariable long id, @RequestBody VoidBody body) {
        return records.voidRecord(id, body.reason(), body.version());
    }

    /** 已录入全国平台: entered true with the date (and optionally the platform's number), or false to clear. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "PlatformEntryBody")
    record PlatformEntryBody(
            @io.swagger.v3.oas.annotations.media.Schema(description = "true：已录入全国平台；false：改为未录入")
            Boolean entered,

            @io.swagger.v3.oas.annotations.media.Schema(description = "录入日期（不早于服务日期、不晚于今天）")
            java.time.LocalDate enteredOn,

            @io.swagger.v3.oas.annotations.media.Schema(description = "平台上的编号（可选）")
            String reference,

            @io.swagger.v3.oas.annotations.media.Schema(description = "读取时的版本号（乐观锁）")
            Long version) {}

    @PutMapping("/{id}/platform-entry")
    @Operation(
            summary = "标记服务记录已录入全国平台（或改为未录入）",
            description = "要求录入全国平台的指标（服务清单参数 platform）只计入已录入的记录；须带读取时的 version，过期返回 409；写审计日志")
    ServiceRecordView platformEntry(@PathVariable long id, @RequestBody PlatformEntryBody body) {
        if (body.entered() == null) {
            throw BusinessException.field("entered", "请说明是否已录入全国平台（entered: true/false）");
        }
        return records.markPlatformEntry(id, body.entered(), body.enteredOn(), body.reference(), body.version());
    }

    /** A project a record could count for. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "TieProjectOption")
    record ProjectOption(long id, String name, java.time.LocalDate startDate, java.time.LocalDate endDate) {}

    /** The one project a record counts for, how, and the overlapping projects it may be moved to. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ServiceRecordProjectTie")
    record ProjectTieAnswer(
            Long projectId,
            String projectName,
            String how,
            String howLabel,
            List<ProjectOption> others,
            boolean canMove) {

        static ProjectTieAnswer of(ServiceRecordService.ProjectChoice c) {
            return new ProjectTieAnswer(
                    c.projectId(),
                    c.projectName(),
                    c.how(),
                    c.howLabel(),
                    c.others().stream()
                            .map(p -> new ProjectOption(p.id(), p.name(), p.startDate(), p.endDate()))
                            .toList(),
                    c.canMove());
        }
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "ProjectTieMove")
    record MoveBody(Long projectId, String reason) {}

    @GetMapping("/{id}/project")
    @Operation(summary = "记录计入的项目（每条记录只计入一个项目，不重复计算）、计入方式，以及当日在该站重叠、可调整到的其他项目")
    ProjectTieAnswer project(@PathVariable long id) {
        return ProjectTieAnswer.of(records.projectChoice(id));
    }

    @PutMapping("/{id}/project")
    @Operation(summary = "区/县民政局把记录调整到当日在该站重叠的另一个项目（须填原因，写审计日志；其他角色 403）")
    ProjectTieAnswer moveProject(@PathVariable long id, @RequestBody MoveBody body) {
        records.moveProject(id, body.projectId(), body.reason());
        return ProjectTieAnswer.of(records.projectChoice(id));
    }

    @GetMapping("/{id}/qualification")
    @Operation(summary = "计数认定结果与原因")
    Map<String, Object> qualification(@PathVariable long id) {
        ServiceRecordView r = records.get(id);
        return Map.of(
                "status",
                r.qualification(),
                "counts",
                r.counts(),
                "reasons",
                r.reasons().stream()
                        .map(x -> Map.of(
                                "code",
                                x.code().name(),
                                "label",
                                x.label(),
                                "fix",
                                x.fix(),
                                "detail",
                                x.detail() == null ? "" : x.detail(),
                                "photoId",
                                x.photoId() == null ? "" : x.photoId().toString()))
                        .toList());
    }

    @PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传照片（multipart）。带 Idempotency-Key 头或 uploadId 参数时，重试不会产生重复照片")
    ResponseEntity<UploadResult> uploadMultipart(
            @PathVariable long id,
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) PhotoPurpose purpose,
            @RequestParam(required = false) PhotoSource source,
            @RequestParam(required = false) String uploadId,
            @RequestHeader(name = "Idempotency-Key", required = false) String idem,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime takenAt,
            @RequestParam(required = false) Double latitude,
            @RequestParam(required = false) Double longitude,
            @RequestParam(required = false) Double accuracy) {
        try {
            UploadResult r = records.addPhoto(
                    id,
                    purpose,
                    source,
                    uploadId != null ? uploadId : idem,
                    file.getOriginalFilename(),
                    file.getSize(),
                    file.getInputStream(),
                    new DeviceCapture(takenAt, latitude, longitude, accuracy));
            return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PutMapping("/{id}/photos/{uploadId}")
    @Operation(summary = "上传照片（请求体为图片字节）。同一 uploadId 重试只保存一次；先检查 Content-Length 再读取")
    ResponseEntity<UploadResult> uploadRaw(
            @PathVariable long id,
            @PathVariable String uploadId,
            @Parameter(hidden = true) HttpServletRequest request,
            @RequestParam(required = false) PhotoPurpose purpose,
            @RequestParam(required = false) PhotoSource source,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime takenAt,
            @RequestParam(required = false) Double latitude,
            @RequestParam(required = false) Double longitude,
            @RequestParam(required = false) Double accuracy) {
        try {
            UploadResult r = records.addPhoto(
                    id,
                    purpose,
                    source,
                    uploadId,
                    null,
                    request.getContentLengthLong(),
                    request.getInputStream(),
                    new DeviceCapture(takenAt, latitude, longitude, accuracy));
            return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/{id}/photos/{uploadId}/complete")
    @Operation(
            summary = "完成分段上传：把 /api/v1/uploads/{uploadId} 收齐的照片加到记录上",
            description = "与整张上传同样检查内容、大小、拍摄时间与地点、重复照片；同一 uploadId 再次完成时答 200 并返回第一次保存的照片")
    ResponseEntity<UploadResult> completeChunked(
            @PathVariable long id,
            @PathVariable String uploadId,
            @RequestParam(required = false) PhotoPurpose purpose,
            @RequestParam(required = false) PhotoSource source,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime takenAt,
            @RequestParam(required = false) Double latitude,
            @RequestParam(required = false) Double longitude,
            @RequestParam(required = false) Double accuracy) {
        return UploadResponses.chunked(
                chunkedUploads,
                uploadId,
                (name, size, in) -> records.addPhoto(
                        id,
                        purpose,
                        source,
                        uploadId,
                        name,
                        size,
                        in,
                        new DeviceCapture(takenAt, latitude, longitude, accuracy)));
    }

    @DeleteMapping("/{id}/photos/{photoId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "从记录中删除照片（照片保留在审计中，不再计入证据）")
    void removePhoto(@PathVariable long id, @PathVariable long photoId) {
        records.removePhoto(id, photoId);
    }

    record PersonBody(String name, String phone, Long recipientId, String item, String quantity) {}

    @GetMapping("/{id}/sign-ins")
    List<SignInEntryView> signIns(@PathVariable long id) {
        return records.signIns(id);
    }

    @PostMapping("/{id}/sign-ins")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "签到表：添加参加人员（姓名、电话，可关联台账人员）")
    SignInEntryView addSignIn(@PathVariable long id, @RequestBody PersonBody body) {
        return records.addSignIn(id, body.name(), body.phone(), body.recipientId());
    }

    @DeleteMapping("/{id}/sign-ins/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeSignIn(@PathVariable long id, @PathVariable long entryId) {
        records.removeSignIn(id, entryId);
    }

    @GetMapping("/{id}/receipts")
    List<ReceiptView> receipts(@PathVariable long id) {
        return records.receipts(id);
    }

    @PostMapping("/{id}/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "领取单据：添加领取人、物品、数量")
    ReceiptView addReceipt(@PathVariable long id, @RequestBody PersonBody body) {
        return records.addReceipt(id, body.name(), body.item(), body.quantity(), body.phone(), body.recipientId());
    }

    @DeleteMapping("/{id}/receipts/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeReceipt(@PathVariable long id, @PathVariable long entryId) {
        records.removeReceipt(id, entryId);
    }

    @GetMapping("/recipients")
    @Operation(summary = "从台账挑选服务对象（服务对象模块接入后可用）")
    List<RecipientPicker.RecipientOption> recipients(
            @RequestParam long stationId, @RequestParam(required = false) String q) {
        return records.searchRecipients(stationId, q);
    }
}
