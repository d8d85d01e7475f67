package cn.sgz.casework.internal;

import cn.sgz.casework.CaseworkOversight;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API of exemplary cases (成功案例) and the casework oversight figures. */
@RestController
@Tag(name = "成功案例与个案督导", description = "社工站申报成功案例，区/县民政局确认或不予通过；个案阶段、停滞个案与待审批结案")
class ExemplaryApiController {

    private final ExemplaryService exemplary;
    private final CaseworkOversight oversight;

    ExemplaryApiController(ExemplaryService exemplary, CaseworkOversight oversight) {
        this.exemplary = exemplary;
        this.oversight = oversight;
    }

    @GetMapping("/api/v1/exemplary")
    @Operation(summary = "成功案例列表（可按状态筛选）")
    List<ExemplaryView> list(@RequestParam(required = false) ExemplaryStatus status) {
        return exemplary.list(status);
    }

    record ProposeBody(String ownerType, Long ownerId, String summary) {}

    @PostMapping("/api/v1/exemplary")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "申报成功案例：ownerType 为 CASE（已结案个案）或 GROUP（已评估小组）")
    ExemplaryView propose(@RequestBody ProposeBody body) {
        if (body.ownerId() == null) {
            throw cn.sgz.shared.BusinessException.field("ownerId", "请指明申报的个案或小组");
        }
        return exemplary.propose(body.ownerType(), body.ownerId(), body.summary());
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "ExemplaryReasonBody")
    record ReasonBody(String reason) {}

    @PostMapping("/api/v1/exemplary/{id}/confirm")
    @Operation(summary = "区/县民政局确认成功案例")
    ExemplaryView confirm(@PathVariable long id) {
        return exemplary.confirm(id);
    }

    @PostMapping("/api/v1/exemplary/{id}/decline")
    @Operation(summary = "区/县民政局不予通过（须填写原因）")
    ExemplaryView decline(@PathVariable long id, @RequestBody ReasonBody body) {
        return exemplary.decline(id, body.reason());
    }

    @GetMapping("/api/v1/casework/oversight")
    @Operation(summary = "个案督导：各阶段个数、停滞个案（N 周无服务，默认 4 周）、待审批结案、按社工和社工站汇总")
    CaseworkOversight.Overview overview(
            @RequestParam(required = false) Long stationId, @RequestParam(required = false) Integer weeks) {
        return oversight.overview(stationId, weeks);
    }
}
