package cn.sgz.recipient.internal;

import cn.sgz.recipient.AssessmentView;
import cn.sgz.recipient.DueEntry;
import cn.sgz.recipient.FollowUpView;
import cn.sgz.recipient.MemberView;
import cn.sgz.recipient.RecipientCategory;
import cn.sgz.recipient.RecipientStatus;
import cn.sgz.recipient.RecipientView;
import cn.sgz.recipient.RiskLevel;
import cn.sgz.recipient.RosterView;
import cn.sgz.shared.ChinaTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
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

/** REST API of the recipient ledgers; scope and roles are enforced by the services. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "服务对象台账", description = "服务对象、台账、名单导入、入户评估、需求清单、跟踪回访")
class RecipientApiController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RecipientService recipients;
    private final HouseholdService household;
    private final ImportService imports;
    private final AssessmentService assessments;
    private final FollowUpService followUps;
    private final RecipientPapers papers;

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    RecipientApiController(
            RecipientService recipients,
            HouseholdService household,
            ImportService imports,
            AssessmentService assessments,
            FollowUpService followUps,
            RecipientPapers papers) {
        this.papers = papers;
        this.recipients = recipients;
        this.household = household;
        this.imports = imports;
        this.assessments = assessments;
        this.followUps = followUps;
    }

    static LedgerQuery query(
            RecipientCategory category,
            String name,
            String idTail,
            Long unitId,
            RiskLevel risk,
            String flag,
            RecipientStatus status,
            boolean allStatuses) {
        return new LedgerQuery(category, name, idTail, unitId, risk, flag, status, allStatuses);
    }

    @GetMapping("/recipients")
    @Operation(summary = "台账查询（分页）", description = "按类别、姓名、身份证后四位、社工站/村社区、风险等级、标识、最近入户评估日期范围筛选；默认只列在册人员")
    RecipientService.LedgerPage list(
            @RequestParam(required = false) RecipientCategory category,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String idTail,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) RiskLevel risk,
            @RequestParam(required = false) String flag,
            @RequestParam(required = false) RecipientStatus status,
            @RequestParam(defaultValue = "false") boolean allStatuses,
            @io.swagger.v3.oas.annotations.Parameter(description = "最近入户评估日期起（含）")
                    @RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate assessedFrom,
            @io.swagger.v3.oas.annotations.Parameter(description = "最近入户评估日期止（含）")
                    @RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate assessedTo,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return recipients.ledger(
                query(category, name, idTail, unitId, risk, flag, status, allStatuses)
                        .withAssessed(assessedFrom, assessedTo),
                page,
                size);
    }

    @GetMapping("/recipients/export")
    @Operation(summary = "导出台账（xlsx）", description = "身份证号默认脱敏；fullIds=true 仅限站长、驻站社工、区县民政，且记入审计")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) RecipientCategory category,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String idTail,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) RiskLevel risk,
            @RequestParam(required = false) String flag,
            @RequestParam(required = false) RecipientStatus status,
            @io.swagger.v3.oas.annotations.Parameter(description = "最近入户评估日期起（含）")
                    @RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate assessedFrom,
            @io.swagger.v3.oas.annotations.Parameter(description = "最近入户评估日期止（含）")
                    @RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate assessedTo,
            @RequestParam(defaultValue = "false") boolean fullIds) {
        byte[] file = recipients.export(
                query(category, name, idTail, unitId, risk, flag, status, false).withAssessed(assessedFrom, assessedTo),
                fullIds);
        return download(file, (category == null ? "服务对象" : category.label()) + "台账.xlsx", XLSX);
    }

    @GetMapping("/recipients/{id}")
    RecipientView get(@PathVariable long id) {
        return recipients.get(id);
    }

    record CreateRequest(RecipientForm recipient, boolean confirmDuplicates) {}

    @PostMapping("/recipients")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "登记服务对象",
            description = "发现可能重复（同名同生日或同电话）时返回 400 POSSIBLE_DUPLICATE，确认后以 confirmDuplicates=true 重新提交")
    RecipientView create(@RequestBody CreateRequest body) {
        return recipients.create(body.recipient(), body.confirmDuplicates());
    }

    @PostMapping("/recipients/duplicate-check")
    @Operation(summary = "保存前查看可能重复的记录")
    List<RecipientView> duplicates(@RequestBody RecipientForm form, @RequestParam(required = false) Long excludeId) {
        return recipients.possibleDuplicates(form, excludeId);
    }

    record UpdateRequest(RecipientForm recipient, long version) {}

    @PutMapping("/recipients/{id}")
    RecipientView update(@PathVariable long id, @RequestBody UpdateRequest body) {
        return recipients.update(id, body.recipient(), body.version());
    }

    record StatusRequest(RecipientStatus status, LocalDate date, String note) {}

    @PutMapping("/recipients/{id}/status")
    @Operation(summary = "变更状态（在册/迁出/已故/退出），保留历史")
    RecipientView status(@PathVariable long id, @RequestBody StatusRequest body) {
        return recipients.changeStatus(id, body.status(), body.date(), body.note());
    }

    @GetMapping("/recipients/{id}/status-history")
    List<RecipientService.StatusChange> history(@PathVariable long id) {
        return recipients.history(id);
    }

    record IdNumber(String idNumber) {}

    @PostMapping("/recipients/{id}/id-number")
    @Operation(summary = "查看完整身份证号（记入审计）")
    IdNumber reveal(@PathVariable long id) {
        return new IdNumber(recipients.revealIdNumber(id));
    }

    record MergeRequest(long otherId) {}

    @PostMapping("/recipients/{id}/merge")
    @Operation(summary = "合并重复记录：otherId 的全部历史并入本记录")
    RecipientView merge(@PathVariable long id, @RequestBody MergeRequest body) {
        return recipients.merge(id, body.otherId());
    }

    @GetMapping("/recipients/{id}/members")
    List<MemberView> members(@PathVariable long id) {
        return household.members(id);
    }

    @PostMapping("/recipients/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    MemberView addMember(@PathVariable long id, @RequestBody HouseholdService.MemberForm body) {
        return household.add(id, body);
    }

    @DeleteMapping("/recipients/{id}/members/{memberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(@PathVariable long id, @PathVariable long memberId) {
        household.remove(id, memberId);
    }

    // ---- import ----------------------------------------------------------------------------------

    @PostMapping(value = "/recipient-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "上传名单并检查（不写入）", description = "xlsx 或 csv（UTF-8/GBK）；返回每一处问题的行、列和原因")
    ImportReport upload(
            @RequestParam long stationId,
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) RecipientCategory defaultCategory)
            throws IOException {
        return imports.upload(stationId, file.getOriginalFilename(), file.getBytes(), defaultCategory);
    }

    @GetMapping("/recipient-imports/{id}")
    ImportReport check(@PathVariable long id) {
        return imports.check(id);
    }

    record MappingRequest(Map<Integer, ImportField> columns, RecipientCategory defaultCategory) {}

    @PutMapping("/recipient-imports/{id}/mapping")
    @Operation(summary = "指定未识别表头对应的字段，并重新检查")
    ImportReport remap(@PathVariable long id, @RequestBody MappingRequest body) {
        return imports.remap(id, body.columns() == null ? Map.of() : body.columns(), body.defaultCategory());
    }

    @PostMapping("/recipient-imports/{id}/confirm")
    @Operation(summary = "确认导入（全部成功或全部不写入）")
    ImportReport confirm(@PathVariable long id) {
        return imports.confirm(id);
    }

    @GetMapping("/recipient-imports/template")
    @Operation(summary = "下载名单模板（xlsx）")
    ResponseEntity<byte[]> template() {
        return download(ImportTemplate.build(), "服务对象名单模板.xlsx", XLSX);
    }

    // ---- assessments, needs, follow-ups ------------------------------------------------------------

    @GetMapping("/recipients/{id}/assessments")
    List<AssessmentView> assessments(@PathVariable long id) {
        return assessments.forRecipient(id);
    }

    @PostMapping("/recipients/{id}/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "记录入户需求评估")
    AssessmentView assess(@PathVariable long id, @RequestBody AssessmentService.AssessmentForm body) {
        return assessments.record(id, body);
    }

    @GetMapping("/assessments/{id}")
    AssessmentView assessment(@PathVariable long id) {
        return assessments.get(id);
    }

    @GetMapping("/needs")
    @Operation(summary = "需求清单：在册人员最近一次评估的需求汇总与评估覆盖率")
    AssessmentService.NeedsList needs(@RequestParam(required = false) Long stationId) {
        return assessments.needsList(stationId);
    }

    @GetMapping("/needs/export")
    @Operation(summary = "导出需求清单（xlsx）", description = "每位在册人员最近一次入户评估的需求，另附各需求人数汇总；记入审计")
    ResponseEntity<byte[]> exportNeeds(@RequestParam(required = false) Long stationId) {
        return download(papers.needsList(stationId), "需求清单.xlsx", XLSX);
    }

    @GetMapping("/needs/blank")
    @Operation(summary = "空白需求清单（xlsx，打印手填）")
    ResponseEntity<byte[]> blankNeeds() {
        return download(papers.blankNeedsList(), "需求清单（空白）.xlsx", XLSX);
    }

    @GetMapping("/assessments/{id}/form")
    @Operation(summary = "入户调查记录表（docx，按评估记录填好）", description = "身份证号脱敏；记入审计")
    ResponseEntity<byte[]> assessmentForm(@PathVariable long id) {
        return download(papers.assessmentForm(id), "入户调查记录表-" + id + ".docx", DOCX);
    }

    @GetMapping("/assessments/blank-form")
    @Operation(summary = "空白入户调查记录表（docx，打印手填）")
    ResponseEntity<byte[]> blankAssessmentForm() {
        return download(papers.blankAssessmentForm(), "入户调查记录表（空白）.docx", DOCX);
    }

    @GetMapping("/followups/roster/export")
    @Operation(summary = "导出跟踪回访台账（xlsx）", description = "跟踪回访台账中的全部人员及其最近一次回访；记入审计")
    ResponseEntity<byte[]> exportRoster(@RequestParam(required = false) Long stationId) {
        return download(papers.followUpRoster(stationId), "跟踪回访台账.xlsx", XLSX);
    }

    @GetMapping("/followups/roster/blank")
    @Operation(summary = "空白跟踪回访台账（xlsx，打印手填）")
    ResponseEntity<byte[]> blankRoster() {
        return download(papers.blankFollowUpRoster(), "跟踪回访台账（空白）.xlsx", XLSX);
    }

    @GetMapping("/recipients/{id}/roster")
    List<RosterView> roster(@PathVariable long id) {
        return followUps.rosterOf(id);
    }

    @PostMapping("/recipients/{id}/roster")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "加入跟踪回访台账（默认每季度1次）")
    RosterView addToRoster(@PathVariable long id, @RequestBody FollowUpService.RosterForm body) {
        return followUps.addToRoster(id, body);
    }

    @DeleteMapping("/recipients/{id}/roster")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeFromRoster(@PathVariable long id) {
        followUps.removeFromRoster(id, null);
    }

    @GetMapping("/followups/due")
    @Operation(summary = "本期待回访名单", description = "date 默认今天；all=true 时包含本期已回访的人")
    List<DueEntry> due(
            @RequestParam(required = false) LocalDate date,
            @RequestParam(required = false) Long stationId,
            @RequestParam(defaultValue = "false") boolean all) {
        return followUps.dueList(date == null ? ChinaTime.today() : date, stationId, !all);
    }

    @GetMapping("/recipients/{id}/followups")
    List<FollowUpView> followUps(@PathVariable long id) {
        return followUps.recordsOf(id);
    }

    @PostMapping("/recipients/{id}/followups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "记录回访（上门或电话）")
    FollowUpView recordFollowUp(@PathVariable long id, @RequestBody FollowUpService.FollowUpForm body) {
        return followUps.record(id, body);
    }

    @ExceptionHandler(ImportFailedException.class)
    ResponseEntity<Map<String, Object>> importFailed(
            ImportFailedException e, jakarta.servlet.http.HttpServletRequest request) {
        return ResponseEntity.badRequest()
                .body(Map.of(
                        "code",
                        e.code(),
                        "message",
                        e.getMessage(),
                        "details",
                        e.problems(),
                        "traceId",
                        cn.sgz.shared.web.TraceIdFilter.of(request),
                        "report",
                        e.report()));
    }

    static ResponseEntity<byte[]> download(byte[] body, String filename, MediaType type) {
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
