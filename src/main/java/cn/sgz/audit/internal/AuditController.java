package cn.sgz.audit.internal;

import cn.sgz.audit.AuditEntry;
import cn.sgz.audit.AuditQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The audit trail as a page and as an API, both scoped by {@link AuditQueryService}. */
@Controller
@Tag(name = "审计日志")
class AuditController {

    private final AuditQueryService audit;

    AuditController(AuditQueryService audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String page(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("entries", audit.recent(action, actor, page, 50));
        model.addAttribute("action", action);
        model.addAttribute("actor", actor);
        model.addAttribute("page", page);
        return "audit/list";
    }

    @GetMapping("/api/v1/audit")
    @ResponseBody
    @Operation(summary = "审计日志（按管辖范围过滤，最新在前）")
    List<AuditEntry> api(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return audit.recent(action, actor, page, size);
    }
}
