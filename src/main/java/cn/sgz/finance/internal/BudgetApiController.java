package cn.sgz.finance.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of budgets, budget execution and the bureau's spending rules. */
@RestController
@RequestMapping("/api/v1/budgets")
@Tag(name = "项目预算与执行", description = "按社工站、按类别的预算；预算执行（按类别/社工站/月份、预警）及 Excel 导出；区/县支出类别与支出规则")
class BudgetApiController {

    private final FinanceService finance;
    private final ExecutionService execution;

    BudgetApiController(FinanceService finance, ExecutionService execution) {
        this.finance = finance;
        this.execution = execution;
    }

    @GetMapping("/{projectId}")
    @Operation(summary = "项目预算（各社工站、各类别金额与 version）")
    FinanceViews.Budget budget(@PathVariable long projectId) {
        return finance.budget(projectId);
    }

    @PutMapping("/{projectId}/stations/{stationId}")
    @Operation(summary = "设置一个社工站的预算（区/县民政局或承接机构负责人；金额留空删除该类别；合计不得超过合同总额）")
    FinanceViews.Budget setStation(
            @PathVariable long projectId, @PathVariable long stationId, @RequestBody FinanceForms.StationBudget body) {
        return finance.setStationBudget(projectId, stationId, body);
    }

    @GetMapping("/{projectId}/execution")
    @Operation(summary = "预算执行：已支出（不含待审核、已驳回、已冲正）、待审核、执行率与预警，by=CATEGORY|STATION|MONTH")
    FinanceViews.Execution execution(
            @PathVariable long projectId, @RequestParam(required = false) ExecutionService.By by) {
        return execution.execution(projectId, by);
    }

    @GetMapping("/{projectId}/execution.xlsx")
    @Operation(summary = "导出预算执行 Excel（金额为数值单元格）")
    ResponseEntity<byte[]> export(@PathVariable long projectId) {
        return xlsx(execution.export(projectId), "预算执行.xlsx");
    }

    @GetMapping("/settings/{bureauId}")
    @Operation(summary = "区/县民政局的支出类别与支出规则（未配置时为默认规则）")
    FinanceViews.Settings settings(@PathVariable long bureauId) {
        return finance.settings(bureauId);
    }

    @PutMapping("/settings/{bureauId}")
    @Operation(summary = "配置支出类别与支出规则（区/县民政局；修改时带 version，过期返回 409）")
    FinanceViews.Settings saveSettings(@PathVariable long bureauId, @RequestBody FinanceForms.Settings body) {
        return finance.saveSettings(bureauId, body);
    }

    static ResponseEntity<byte[]> xlsx(byte[] body, String name) {
        return ResponseEntity.ok()
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
