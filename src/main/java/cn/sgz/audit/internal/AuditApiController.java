package cn.sgz.audit.internal;

import cn.sgz.audit.AuditEntry;
import cn.sgz.audit.AuditQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail as JSON, scoped by {@link AuditQueryService}; errors in the API error format. */
@RestController
@Tag(name = "审计日志")
class AuditApiController {

    private final AuditQueryService audit;

    AuditApiController(AuditQueryService audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "审计日志（按管辖范围过滤，最新在前；from/to 为日期，含当天；每条带中文名称 actionLabel/targetLabel/resultLabel）")
    List<AuditEntry> api(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return audit.recent(action, actor, from, to, page, size);
    }
}
