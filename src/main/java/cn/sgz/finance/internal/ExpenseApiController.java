package cn.sgz.finance.internal;

import cn.sgz.evidence.PhotoView;
import cn.sgz.evidence.UploadResponses;
import cn.sgz.evidence.UploadResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API of expenses: entry, reversal, the bureau's review of flagged ones, invoice photos. */
@RestController
@RequestMapping("/api/v1/expenses")
@Tag(name = "项目支出", description = "登记支出（触发支出规则的需民政局审核）、冲正、批准/驳回、发票与收据照片")
class ExpenseApiController {

    private final ExpenseService expenses;

    ExpenseApiController(ExpenseService expenses) {
        this.expenses = expenses;
    }

    @GetMapping
    @Operation(summary = "项目的支出（含冲正记录，按支出日期倒序）；review=PENDING 为待民政局审核")
    List<FinanceViews.Expense> list(
            @RequestParam long projectId,
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) ReviewStatus review,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return expenses.list(projectId, stationId, review, from, to);
    }

    @GetMapping("/pending")
    @Operation(summary = "待民政局审核的支出（本人管辖范围内）")
    List<FinanceViews.Expense> pending() {
        return expenses.pending();
    }

    @GetMapping("/{id}")
    @Operation(summary = "一笔支出")
    FinanceViews.Expense get(@PathVariable long id) {
        return expenses.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记支出（承接机构负责人、站长；项目已结项返回 409）")
    FinanceViews.Expense create(@RequestBody FinanceForms.Expense body) {
        return expenses.create(body);
    }

    @PostMapping("/{id}/reverse")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "冲正一笔支出：新增负数冲正记录并写明原因，原记录保留")
    FinanceViews.Expense reverse(@PathVariable long id, @RequestBody FinanceForms.Reverse body) {
        return expenses.reverse(id, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "批准触发支出规则的支出（区/县民政局；带 version）")
    FinanceViews.Expense approve(@PathVariable long id, @RequestBody FinanceForms.Review body) {
        return expenses.approve(id, body);
    }

    @PostMapping("/{id}/refuse")
    @Operation(summary = "驳回触发支出规则的支出（区/县民政局；须写明原因；带 version）")
    FinanceViews.Expense refuse(@PathVariable long id, @RequestBody FinanceForms.Review body) {
        return expenses.refuse(id, body);
    }

    @GetMapping("/{id}/photos")
    @Operation(summary = "支出的发票 / 收据照片")
    List<PhotoView> photos(@PathVariable long id) {
        return expenses.photos(id);
    }

    @PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传发票 / 收据照片（经照片模块的类型、大小与重复检查）")
    ResponseEntity<UploadResult> addPhoto(
            @PathVariable long id,
            @RequestPart("file") MultipartFile file,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return UploadResponses.multipart(file, (name, size, in) -> expenses.addPhoto(id, key, name, size, in));
    }
}
