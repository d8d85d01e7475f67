package cn.sgz.audit.internal;

import cn.sgz.audit.AuditQueryService;
import cn.sgz.shared.BusinessException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail as a page, scoped by {@link AuditQueryService}; the API is {@link AuditApiController}. */
@Controller
class AuditController {

    private final AuditQueryService audit;
    private final AuditLabels labels;

    AuditController(AuditQueryService audit, AuditLabels labels) {
        this.audit = audit;
        this.labels = labels;
    }

    @GetMapping("/audit")
    String page(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("action", action);
        model.addAttribute("actor", actor);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("page", page);
        model.addAttribute("actions", labels.actions());
        try {
            model.addAttribute("entries", audit.recent(action, actor, from, to, page, 50));
        } catch (BusinessException e) {
            model.addAttribute("entries", List.of());
            model.addAttribute("error", e.getMessage());
        }
        return "audit/list";
    }
}
