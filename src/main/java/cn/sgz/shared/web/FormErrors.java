package cn.sgz.shared.web;

import cn.sgz.shared.BusinessException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.ui.Model;

/**
 * Puts a rule violation into a page model: a summary line, a message per field for the form, and the
 * list of every problem for pages that show them all.
 */
public final class FormErrors {

    private FormErrors() {}

    public static void addTo(Model model, BusinessException e) {
        Map<String, String> byField = new LinkedHashMap<>();
        e.problems().forEach(p -> byField.putIfAbsent(p.field(), p.message()));
        model.addAttribute("formError", e.getMessage());
        model.addAttribute("fieldErrors", byField);
        model.addAttribute(
                "allErrors",
                e.problems().stream()
                        .map(BusinessException.FieldProblem::message)
                        .toList());
    }
}
