package cn.sgz.evaluation.internal;

import cn.sgz.shared.BusinessException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

/** REST API of evaluation rounds: team, score sheets, judgements, satisfaction, 整改, acceptance and the report. */
@RestController
@RequestMapping("/api/v1/evaluations")
@Tag(name = "评估与验收", description = "中期评估、末期评估·验收：评估小组、评分表（自动项来自指标进度）、评判类标准、满意度测评、整改事项、验收结论与评估报告（Word）")
class EvaluationApiController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private final RoundService rounds;
    private final SatisfactionService satisfaction;
    private final RectificationService rectifications;
    private final EvaluationReports reports;
    private final ScorePhotoService scorePhotos;

    EvaluationApiController(
            RoundService rounds,
            SatisfactionService satisfaction,
            RectificationService rectifications,
            EvaluationReports reports,
            ScorePhotoService scorePhotos) {
        this.scorePhotos = scorePhotos;
        this.rounds = rounds;
        this.satisfaction = satisfaction;
        this.rectifications = rectifications;
        this.reports = reports;
    }

    @GetMapping
    @Operation(summary = "可见的评估（评估人员只看到自己所在评估小组的评估）")
    List<RoundService.EvalRoundView> list(@RequestParam(required = false) Long projectId) {
        return rounds.list(projectId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发起评估（区/县民政局）：项目、评分细则、类型、起止日期、等级分数线、评估小组账号")
    RoundService.EvalRoundView create(@RequestBody RoundService.EvalRoundForm body) {
        return rounds.create(body);
    }

    @GetMapping("/{id}")
    RoundService.EvalRoundView get(@PathVariable long id) {
        return rounds.get(id);
    }

    record EvalTeamBody(List<String> team, Long version) {}

    @PutMapping("/{id}/team")
    @Operation(summary = "设置评估小组（第三方评估人员和区/县民政局人员的账号名；乐观锁 version）")
    RoundService.EvalRoundView team(@PathVariable long id, @RequestBody EvalTeamBody body) {
        return rounds.setTeam(id, body.team(), body.version());
    }

    @GetMapping("/{id}/summary")
    @Operation(summary = "各社工站总分、等级和项目平均分")
    RoundService.EvalSummary summary(@PathVariable long id) {
        return rounds.summary(id);
    }

    @GetMapping("/{id}/stations/{stationId}")
    @Operation(summary = "一个社工站的评分表：自动项（指标数值与明细链接）、判断项、组合项、评判类标准")
    RoundService.EvalScoreSheet sheet(@PathVariable long id, @PathVariable long stationId) {
        return rounds.sheet(id, stationId);
    }

    @PutMapping("/{id}/stations/{stationId}/items/{itemCode}")
    @Operation(
            summary = "为判断项或组合项评分",
            description = "判断项：level（档次名）或 points，comment 必填；组合项：parts 依次为各组成部分得分。"
                    + "得分超出范围返回 400 并指出字段；已结束的评估返回 409；修改已保存的评分须带 version。")
    RoundService.EvalScoreSheet score(
            @PathVariable long id,
            @PathVariable long stationId,
            @PathVariable String itemCode,
            @RequestBody RoundService.EvalScoreInput body) {
        return rounds.score(id, stationId, itemCode, body);
    }

    @PostMapping(
            value = "/{id}/stations/{stationId}/items/{itemCode}/photos",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "为已评分的评分项上传现场照片（评估小组；multipart file；可带 uploadId）",
            description = "按文件内容识别类型（JPEG、PNG、WebP），超过大小上限拒绝；每项最多 9 张；评估结束后 409；留审计")
    ResponseEntity<cn.sgz.evidence.UploadResult> scorePhoto(
            @PathVariable long id,
            @PathVariable long stationId,
            @PathVariable String itemCode,
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String uploadId)
            throws IOException {
        return cn.sgz.evidence.UploadResponses.of(scorePhotos.add(
                id,
                stationId,
                itemCode,
                new RectificationService.PhotoFile(
                        uploadId, file.getOriginalFilename(), file.getSize(), file.getInputStream())));
    }

    @GetMapping("/{id}/stations/{stationId}/items/{itemCode}/photos")
    @Operation(summary = "评分项的现场照片")
    List<cn.sgz.evidence.PhotoView> scorePhotos(
            @PathVariable long id, @PathVariable long stationId, @PathVariable String itemCode) {
        return scorePhotos.photos(id, stationId, itemCode);
    }

    @GetMapping("/{id}/stations/{stationId}/items/{itemCode}/photos/{photoId}/{variant:original|stamped|thumb}")
    @Operation(summary = "下载评分项照片（original / stamped / thumb）")
    ResponseEntity<byte[]> scorePhotoFile(
            @PathVariable long id,
            @PathVariable long stationId,
            @PathVariable String itemCode,
            @PathVariable long photoId,
            @PathVariable String variant) {
        return photoResponse(scorePhotos.file(id, stationId, itemCode, photoId, variant));
    }

    record EvalJudgeBody(Boolean met, String comment) {}

    @PutMapping("/{id}/stations/{stationId}/checklist/{indicatorId}")
    @Operation(summary = "判断服务清单中的评判类标准（达标/未达标 + 依据），指标进度随之显示判断结果")
    RoundService.EvalScoreSheet judge(
            @PathVariable long id,
            @PathVariable long stationId,
            @PathVariable long indicatorId,
            @RequestBody EvalJudgeBody body) {
        return rounds.judge(id, stationId, indicatorId, body.met(), body.comment());
    }

    record EvalVersionBody(Long version) {}

    @PostMapping("/{id}/close")
    @Operation(summary = "结束评分：冻结各站成绩，此后评估只读（区/县民政局）")
    RoundService.EvalRoundView close(@PathVariable long id, @RequestBody EvalVersionBody body) {
        return rounds.close(id, body.version());
    }

    record EvalDecisionBody(RoundService.Decision decision, String note, Long version) {}

    @PostMapping("/{id}/decision")
    @Operation(summary = "验收结论：PASS 通过 / PASS_AFTER_RECTIFICATION 整改后通过 / FAIL 不通过（区/县民政局签发）")
    RoundService.EvalRoundView decide(@PathVariable long id, @RequestBody EvalDecisionBody body) {
        return rounds.decide(id, body.decision(), body.note(), body.version());
    }

    @GetMapping("/{id}/report.docx")
    @Operation(summary = "评估报告（Word）：评分汇总与明细、抽查情况、整改事项、验收结论、签字栏")
    ResponseEntity<byte[]> report(@PathVariable long id) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("评估报告-" + id + ".docx", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(DOCX)
                .body(reports.report(id));
    }

    // ---- satisfaction -----------------------------------------------------------------------------

    @GetMapping("/satisfaction/questions")
    @Operation(summary = "满意度测评题目（五分制）")
    List<String> questions() {
        return SatisfactionService.QUESTIONS;
    }

    @GetMapping("/{id}/satisfaction")
    @Operation(summary = "满意度测评：各站结果（本评估面谈/电话访谈与其他来源合并）和访谈记录")
    Map<String, Object> satisfaction(@PathVariable long id, @RequestParam(required = false) Long stationId) {
        return Map.of("results", satisfaction.results(id), "interviews", satisfaction.list(id, stationId));
    }

    @GetMapping("/{id}/satisfaction/candidates")
    @Operation(summary = "从服务对象中抽取受访者（可复现；含电话，仅评估小组）")
    List<SatisfactionService.SatisfactionCandidate> candidates(
            @PathVariable long id, @RequestParam long stationId, @RequestParam(defaultValue = "5") int size) {
        return satisfaction.candidates(id, stationId, size);
    }

    @PostMapping("/{id}/satisfaction")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记一次面谈或电话访谈（五题 1～5 分 + 意见建议）")
    SatisfactionService.SatisfactionInterviewView interview(
            @PathVariable long id, @RequestBody SatisfactionService.SatisfactionInterviewForm body) {
        return satisfaction.record(id, body);
    }

    // ---- rectification ---------------------------------------------------------------------------

    @GetMapping("/rectifications")
    @Operation(summary = "整改事项（可按评估、社工站筛选，openOnly 只看未完成）")
    List<RectificationService.RectificationView> rectifications(
            @RequestParam(required = false) Long roundId,
            @RequestParam(required = false) Long stationId,
            @RequestParam(defaultValue = "false") boolean openOnly) {
        return rectifications.list(roundId, stationId, openOnly);
    }

    @PostMapping("/rectifications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "提出整改事项：针对评分项（roundId + stationId + itemCode）或未通过的抽查（spotCheckItemId）")
    RectificationService.RectificationView raise(@RequestBody RectificationService.RectificationForm body) {
        return rectifications.raise(body);
    }

    @GetMapping("/rectifications/{rid}")
    RectificationService.RectificationView rectification(@PathVariable long rid) {
        return rectifications.get(rid);
    }

    record RectificationResponseBody(String response, Long version) {}

    @PostMapping("/rectifications/{rid}/response")
    @Operation(summary = "社工站答复整改情况")
    RectificationService.RectificationView respond(
            @PathVariable long rid, @RequestBody RectificationResponseBody body) {
        return rectifications.respond(rid, body.response(), body.version());
    }

    @PostMapping(value = "/rectifications/{rid}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "社工站上传整改照片（multipart file；可带 uploadId 防止重试重复）",
            description = "答复前上传；按文件内容识别类型（只接受 JPEG、PNG、WebP），超过大小上限拒绝；每项最多 9 张；留审计")
    ResponseEntity<cn.sgz.evidence.UploadResult> rectificationPhoto(
            @PathVariable long rid,
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String uploadId)
            throws IOException {
        return cn.sgz.evidence.UploadResponses.of(rectifications.addPhoto(
                rid,
                new RectificationService.PhotoFile(
                        uploadId, file.getOriginalFilename(), file.getSize(), file.getInputStream())));
    }

    @GetMapping("/rectifications/{rid}/photos")
    @Operation(summary = "整改照片（能看到该整改事项的人可见）")
    List<cn.sgz.evidence.PhotoView> rectificationPhotos(@PathVariable long rid) {
        return rectifications.photos(rid);
    }

    @GetMapping("/rectifications/{rid}/photos/{photoId}/{variant:original|stamped|thumb}")
    @Operation(summary = "下载整改照片：original 原图，stamped 水印图，thumb 缩略图（下载原图和水印图留审计）")
    ResponseEntity<byte[]> rectificationPhotoFile(
            @PathVariable long rid, @PathVariable long photoId, @PathVariable String variant) {
        return photoResponse(rectifications.photoFile(rid, photoId, variant));
    }

    @DeleteMapping("/rectifications/{rid}/photos/{photoId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "社工站在答复前删除上传错的整改照片")
    void removeRectificationPhoto(@PathVariable long rid, @PathVariable long photoId) {
        rectifications.removePhoto(rid, photoId);
    }

    static ResponseEntity<byte[]> photoResponse(cn.sgz.evidence.StoredFile f) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.contentType()))
                .cacheControl(org.springframework.http.CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(f.filename())
                                .build()
                                .toString())
                .body(f.bytes());
    }

    record RectificationReviewBody(Boolean close, String note, Long version) {}

    @PostMapping("/rectifications/{rid}/review")
    @Operation(summary = "评估人确认整改完成（close=true）或退回重新整改（close=false，须写明原因）")
    RectificationService.RectificationView review(@PathVariable long rid, @RequestBody RectificationReviewBody body) {
        if (body.close() == null) {
            throw BusinessException.field("close", "请说明是确认完成还是退回重新整改");
        }
        return rectifications.review(rid, body.close(), body.note(), body.version());
    }
}
