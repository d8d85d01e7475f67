package cn.sgz.audit.internal;

import cn.sgz.audit.AuditEntry;
import cn.sgz.audit.AuditQueryService;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.web.TimeFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail as a page, scoped by {@link AuditQueryService}; the API is {@link AuditApiController}. The rows are
 * handed to the template as plain text (times already in China time) so that the table and the 187-action filter list
 * render through {@code RenderedFragments}: rendering them was most of this page's time (issue #23).
 */
@Controller
class AuditController {

    private final AuditQueryService audit;
    private final TimeFormat timeFormat;
    private final Map<String, String> actions;

    AuditController(AuditQueryService audit, AuditLabels labels, TimeFormat timeFormat) {
        this.audit = audit;
        this.timeFormat = timeFormat;
        this.actions = labels.actions();
    }

    /** One line of the page as shown: every cell as text. */
    record Row(
            String time,
            String actor,
            String actionLabel,
            String action,
            String target,
            boolean success,
            String resultLabel,
            String detail) {}

    Row row(AuditEntry e) {
        String target =
                (e.targetLabel() == null ? "" : e.targetLabel()) + (e.targetId() == null ? "" : " #" + e.targetId());
        return new Row(
                timeFormat.format(e.occurredAt(), "yyyy-MM-dd HH:mm"),
                e.actor(),
                e.actionLabel(),
                e.action(),
                target,
                "SUCCESS".equals(e.result()),
                e.resultLabel(),
                e.detail());
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
        model.addAttribute("actions", actions);
        try {
            model.addAttribute(
                    "rows",
                    audit.recent(action, actor, from, to, page, 50).stream()
                            .map(this::row)
                            .toList());
        } catch (BusinessException e) {
            model.addAttribute("rows", List.of());
            model.addAttribute("error", e.getMessage());
        }
        return "audit/list";
    }
}
