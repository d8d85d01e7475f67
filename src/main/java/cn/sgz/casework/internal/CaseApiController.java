package cn.sgz.casework.internal;

import cn.sgz.evidence.PhotoView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API of cases: the seven forms, sessions, closure approval, reopening, referrals and Word exports. */
@RestController
@Tag(name = "个案服务", description = "接案、预估、服务协议、工作计划、过程记录、评估、结案（站长审批）、转介与档案导出")
class CaseApiController {

    private final CaseService cases;
    private final CaseDecisions decisions;
    private final CaseworkExport export;

    CaseApiController(CaseService cases, CaseDecisions decisions, CaseworkExport export) {
        this.cases = cases;
        this.decisions = decisions;
        this.export = export;
    }

    @GetMapping("/api/v1/cases")
    @Operation(summary = "个案列表（按社工站、阶段、本人负责、服务领域、接案日期范围 from–to 筛选）")
    List<CaseView> list(
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) CaseStage stage,
            @RequestParam(required = false) Boolean mine,
            @RequestParam(required = false) cn.sgz.shared.vocabulary.LedgerDomain domain,
            @RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate from,
            @RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate to) {
        return CaseWebController.filtered(cases.list(stationId, stage, Boolean.TRUE.equals(mine)), domain, from, to);
    }

    @GetMapping("/api/v1/cases/forms")
    @Operation(summary = "个案、小组、社区服务各表单的字段（字段键、名称、类型、是否必填、选项）")
    Map<String, Object> formTypes() {
        return Map.of(
                "forms",
                Arrays.stream(FormType.values())
                        .map(t -> Map.of("code", t.name(), "name", t.documentName(), "fields", t.fields()))
                        .toList());
    }

    @PostMapping("/api/v1/cases")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "接案：为台账中的服务对象开案，同时填写个案接案记录表（intake 为字段键→内容）")
    CaseView create(@RequestBody CaseworkInputs.NewCase body) {
        return cases.create(body);
    }

    @GetMapping("/api/v1/cases/{id}")
    @Operation(summary = "个案详情：各表单、服务过程（第N节是否计入及原因）、转介、历程")
    CaseDetail get(@PathVariable long id) {
        return cases.detail(id);
    }

    @PutMapping("/api/v1/cases/{id}/forms/{type}")
    @Operation(
            summary = "填写或修改表单（ASSESSMENT 预估表、AGREEMENT 服务协议、PLAN 工作计划表、EVALUATION 评估表、"
                    + "CLOSURE 结案表＝提交结案申请）。须按服务流程顺序填写")
    FormView saveForm(@PathVariable long id, @PathVariable String type, @RequestBody Map<String, String> fields) {
        return cases.saveForm(id, CaseworkExport.parse(type), fields);
    }

    @PostMapping(path = "/api/v1/cases/{id}/agreement/signature", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "服务协议签字：上传签字页照片，或现场签名图片（onScreen=true，PNG）")
    PhotoView signature(
            @PathVariable long id,
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) Boolean onScreen) {
        try {
            return cases.addAgreementSignature(
                    id,
                    new CaseworkInputs.PhotoFile(file.getOriginalFilename(), file.getSize(), file.getInputStream()),
                    Boolean.TRUE.equals(onScreen));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/api/v1/cases/{id}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "记录一次个案服务（过程记录表）：生成一条“个案服务”服务记录，照片通过服务记录接口上传；" + "该记录计入服务次数时才算第N节")
    SessionView addSession(@PathVariable long id, @RequestBody CaseworkInputs.NewSession body) {
        return cases.addSession(id, body, null);
    }

    @GetMapping("/api/v1/cases/{id}/sessions")
    @Operation(summary = "服务过程：每次服务是否计入（第N节）及不计入原因")
    List<SessionView> sessions(@PathVariable long id) {
        return cases.detail(id).sessions();
    }

    record NoteBody(String note, String reason) {}

    @PostMapping("/api/v1/cases/{id}/closure/approve")
    @Operation(summary = "站长批准结案（仅社工站站长）")
    CaseView approve(@PathVariable long id, @RequestBody(required = false) NoteBody body) {
        return decisions.approveClosure(id, body == null ? null : body.note());
    }

    @PostMapping("/api/v1/cases/{id}/closure/return")
    @Operation(summary = "站长退回结案申请（须填写原因）")
    CaseView returnClosure(@PathVariable long id, @RequestBody NoteBody body) {
        return decisions.returnClosure(id, body.reason());
    }

    @PostMapping("/api/v1/cases/{id}/reopen")
    @Operation(summary = "已结案个案重新开案（须填写原因）")
    CaseView reopen(@PathVariable long id, @RequestBody NoteBody body) {
        return decisions.reopen(id, body.reason());
    }

    @PostMapping("/api/v1/cases/{id}/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "转介到其他机构或资源")
    ReferralView refer(@PathVariable long id, @RequestBody CaseworkInputs.NewReferral body) {
        return decisions.refer(id, body);
    }

    @PostMapping("/api/v1/cases/{id}/referrals/{referralId}/follow-up")
    @Operation(summary = "转介跟进结果")
    ReferralView followUp(
            @PathVariable long id, @PathVariable long referralId, @RequestBody CaseworkInputs.ReferralFollowUp body) {
        return decisions.followUp(id, referralId, body);
    }

    @GetMapping({"/api/v1/cases/{id}/export.docx", "/cases/{id}/export.docx"})
    @Operation(summary = "导出个案档案（Word，全部表单，每表一页）")
    ResponseEntity<byte[]> exportFile(@PathVariable long id) {
        return DocxResponses.of(export.caseFile(id, null));
    }

    @GetMapping({"/api/v1/cases/{id}/forms/{type}/export.docx", "/cases/{id}/forms/{type}/export.docx"})
    @Operation(summary = "导出个案的单张表单（Word）")
    ResponseEntity<byte[]> exportForm(@PathVariable long id, @PathVariable String type) {
        return DocxResponses.of(export.caseFile(id, CaseworkExport.parse(type)));
    }
}
