package cn.sgz.finance.internal;

import cn.sgz.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST API of contract money: total amount, funding sources, payment schedule, payments, closing. */
@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "合同金额与付款", description = "项目合同总额、资金来源、付款计划（条件与状态）；区/县民政局登记付款与结项")
class PaymentApiController {

    private final FinanceService finance;

    PaymentApiController(FinanceService finance) {
        this.finance = finance;
    }

    @GetMapping("/contracts/{projectId}")
    @Operation(summary = "项目的合同金额与付款计划（尚未登记时 404）")
    FinanceViews.Contract contract(@PathVariable long projectId) {
        return finance.contract(projectId).orElseThrow(() -> new NotFoundException("项目合同"));
    }

    @PutMapping("/contracts/{projectId}")
    @Operation(summary = "登记或修改合同金额与付款计划（区/县民政局；各期合计须等于合同总额；修改时带 version）")
    FinanceViews.Contract save(@PathVariable long projectId, @RequestBody FinanceForms.Contract body) {
        return finance.saveContract(projectId, body);
    }

    @PostMapping("/contracts/{projectId}/close")
    @Operation(summary = "项目结项：之后不能再登记支出（409）")
    FinanceViews.Contract close(@PathVariable long projectId, @RequestBody FinanceForms.Close body) {
        return finance.close(projectId, body);
    }

    @PostMapping("/{paymentId}/pay")
    @Operation(summary = "登记一期付款已支付（区/县民政局；带 version，过期或已支付返回 409）")
    FinanceViews.Payment pay(@PathVariable long paymentId, @RequestBody FinanceForms.Pay body) {
        return finance.recordPayment(paymentId, body);
    }
}
