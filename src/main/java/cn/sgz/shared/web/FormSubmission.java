package cn.sgz.shared.web;

import cn.sgz.shared.BusinessException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.ui.Model;

/**
 * Post-redirect-get for form pages: run the action and follow its redirect, or, when a domain rule
 * is broken, answer 400 with the same page re-rendered and the Chinese errors beside the fields.
 */
public final class FormSubmission {

    private FormSubmission() {}

    public static String run(
            Model model, HttpServletResponse response, Supplier<String> action, Supplier<String> redisplay) {
        try {
            return action.get();
        } catch (BusinessException e) {
            FormErrors.addTo(model, e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return redisplay.get();
        }
    }
}
