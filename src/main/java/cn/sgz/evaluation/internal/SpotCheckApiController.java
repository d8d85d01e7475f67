package cn.sgz.evaluation.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API of spot checks (抽查). */
@RestController
@RequestMapping("/api/v1/spot-checks")
@Tag(name = "抽查", description = "按社工站和服务类型分层、可复现（记录随机种子、分层和数量）的随机抽查；电话名单；核实结果；未能核实的记录不再计入（SPOT_CHECK_FAILED）；社工站答复")
class SpotCheckApiController {

    private final SpotCheckService checks;

    SpotCheckApiController(SpotCheckService checks) {
        this.checks = checks;
    }

    @GetMapping
    List<SpotCheckService.SpotCheckView> list(@RequestParam(required = false) Long projectId) {
        return checks.list(projectId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "抽取样本",
            description = "projectId、sampleSize 必填；strata 为 STATION 或 STATION_KIND（默认）；"
                    + "from/to 默认项目开始至今天；seed 不填则随机生成并保存。评估人员须带 roundId（自己所在评估小组的评估）。")
    SpotCheckService.SpotCheckView draw(@RequestBody SpotCheckService.SpotCheckDrawForm body) {
        return checks.draw(body);
    }

    @GetMapping("/{id}")
    @Operation(summary = "抽查及各站汇总（抽取、已核实、属实、无法联系、未能核实、未通过率）")
    SpotCheckService.SpotCheckView get(@PathVariable long id) {
        return checks.get(id);
    }

    @GetMapping("/{id}/call-list")
    @Operation(summary = "电话名单：签到人员、领取人和服务对象；电话仅对核实人显示全号（留痕），其他人脱敏")
    SpotCheckService.SpotCheckView callList(@PathVariable long id) {
        return checks.callList(id);
    }

    @GetMapping("/{id}/redraw")
    @Operation(summary = "按保存的种子、分层、数量和抽样框重新抽取，核对与保存的样本是否一致")
    SpotCheckService.SpotCheckRedraw redraw(@PathVariable long id) {
        return checks.redraw(id);
    }

    @PutMapping("/items/{itemId}")
    @Operation(
            summary = "登记核实结果",
            description = "method：PHONE 电话核实 / FIELD 实地核实；outcome：VERIFIED / UNREACHABLE / "
                    + "NOT_VERIFIED（须写明 note，记录随即不计入）；须带 version")
    SpotCheckService.SpotCheckItemView check(
            @PathVariable long itemId, @RequestBody SpotCheckService.SpotCheckResultInput body) {
        return checks.check(itemId, body);
    }

    @org.springframework.web.bind.annotation.PostMapping(
            path = "/items/{itemId}/photos",
            consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传核实照片（multipart file；可带 uploadId 防止重试重复）")
    org.springframework.http.ResponseEntity<cn.sgz.evidence.UploadResult> photo(
            @PathVariable long itemId,
            @org.springframework.web.bind.annotation.RequestPart("file")
                    org.springframework.web.multipart.MultipartFile file,
            @RequestParam(required = false) String uploadId)
            throws java.io.IOException {
        return cn.sgz.evidence.UploadResponses.of(
                checks.addPhoto(itemId, uploadId, file.getOriginalFilename(), file.getSize(), file.getInputStream()));
    }

    @GetMapping("/items/{itemId}/photos")
    @Operation(summary = "核实照片")
    List<cn.sgz.evidence.PhotoView> photos(@PathVariable long itemId) {
        return checks.photos(itemId);
    }

    record SpotCheckAnswerBody(String answer, Long version) {}

    @PostMapping("/items/{itemId}/answer")
    @Operation(summary = "社工站答复核实结果")
    SpotCheckService.SpotCheckItemView answer(@PathVariable long itemId, @RequestBody SpotCheckAnswerBody body) {
        return checks.answer(itemId, body.answer(), body.version());
    }
}
