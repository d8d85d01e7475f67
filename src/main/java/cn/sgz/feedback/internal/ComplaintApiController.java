package cn.sgz.feedback.internal;

import cn.sgz.feedback.CaseStatus;
import cn.sgz.feedback.ComplaintService;
import cn.sgz.feedback.ComplaintService.Filter;
import cn.sgz.feedback.ComplaintStats;
import cn.sgz.feedback.ComplaintView;
import cn.sgz.feedback.FeedbackKind;
import cn.sgz.feedback.OverdueCase;
import cn.sgz.feedback.SatisfactionResults;
import cn.sgz.feedback.StationSatisfaction;
import cn.sgz.shared.BusinessException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of residents' cases for officers (scoped like the pages) and questionnaire results. */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "群众反馈与投诉（办理）",
        description = "居民免登录提交的投诉/建议/表扬/咨询：区县民政局受理、交办、要求承接机构说明、答复、回访、办结；"
                + "统计与满意度问卷结果。办理步骤均须带读取时的 version（过期返回 409）。公开提交页面见 docs/api.md「公开页面」。")
class ComplaintApiController {

    private final ComplaintService complaints;
    private final SatisfactionResults satisfaction;

    ComplaintApiController(ComplaintService complaints, SatisfactionResults satisfaction) {
        this.complaints = complaints;
        this.satisfaction = satisfaction;
    }

    @GetMapping("/complaints")
    @Operation(summary = "反馈件列表（民政局：管辖范围内全部；承接机构：仅被要求说明的件；电话仅办理的区县民政局可见完整号码）")
    List<ComplaintView> list(
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) FeedbackKind kind,
            @RequestParam(required = false) Long stationId,
            @RequestParam(defaultValue = "false") boolean overdue) {
        return complaints.list(new Filter(status, kind, stationId, overdue));
    }

    @GetMapping("/complaints/{id}")
    @Operation(summary = "一个反馈件（含办理记录和照片编号）")
    ComplaintView get(@PathVariable long id) {
        return complaints.get(id);
    }

    @GetMapping("/complaints/overdue")
    @Operation(summary = "超过答复期限的件")
    List<OverdueCase> overdue() {
        return complaints.overdue();
    }

    @Schema(name = "ComplaintStepBody", description = "办理步骤：按步骤填写相应字段，version 必填")
    record StepBody(
            String assignee,
            String note,
            String request,
            String explanation,
            String reply,
            Integer satisfaction,
            Long version) {}

    private static StepBody body(StepBody b) {
        if (b == null) {
            throw BusinessException.field("version", "缺少请求内容");
        }
        return b;
    }

    @PostMapping("/complaints/{id}/assign")
    @Operation(summary = "交办（已受理 → 办理中）：assignee、note")
    ComplaintView assign(@PathVariable long id, @RequestBody StepBody b) {
        return complaints.assign(id, body(b).assignee(), b.note(), b.version());
    }

    @PostMapping("/complaints/{id}/explanation-request")
    @Operation(summary = "要求承接机构说明情况：request")
    ComplaintView requestExplanation(@PathVariable long id, @RequestBody StepBody b) {
        return complaints.requestExplanation(id, body(b).request(), b.version());
    }

    @PostMapping("/complaints/{id}/explanation")
    @Operation(summary = "承接机构提交情况说明：explanation（仅被要求说明的机构）")
    ComplaintView explain(@PathVariable long id, @RequestBody StepBody b) {
        return complaints.explain(id, body(b).explanation(), b.version());
    }

    @PostMapping("/complaints/{id}/reply")
    @Operation(summary = "答复群众（→ 已答复）：reply；群众凭查询码可见")
    ComplaintView reply(@PathVariable long id, @RequestBody StepBody b) {
        return complaints.reply(id, body(b).reply(), b.version());
    }

    @PostMapping("/complaints/{id}/follow-up")
    @Operation(summary = "回访（→ 已回访）：satisfaction 1–5、note")
    ComplaintView followUp(@PathVariable long id, @RequestBody StepBody b) {
        return complaints.followUp(id, body(b).satisfaction(), b.note(), b.version());
    }

    @PostMapping("/complaints/{id}/close")
    @Operation(summary = "办结（→ 已办结）：note；留了电话的投诉须先回访")
    ComplaintView close(@PathVariable long id, @RequestBody StepBody b) {
        return complaints.close(id, body(b).note(), b.version());
    }

    @GetMapping("/complaints/stats")
    @Operation(summary = "按社工站、类型、月份统计（收到、未办结、逾期、已办结、回访满意度）")
    List<ComplaintStats> stats(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return complaints.stats(from, to);
    }

    @GetMapping("/satisfaction/stations")
    @Operation(summary = "满意度问卷结果（按社工站：答卷数、平均分，5分制；管辖范围外的站记 0）")
    List<StationSatisfaction> satisfaction(
            @RequestParam List<Long> stationIds,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return satisfaction.byStation(stationIds, from, to);
    }
}
