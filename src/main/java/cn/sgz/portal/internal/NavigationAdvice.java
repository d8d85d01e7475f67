package cn.sgz.portal.internal;

import cn.sgz.org.CurrentUser;
import cn.sgz.org.ScopeService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user and their navigation into every page's model. */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    private final ScopeService scopes;
    private final cn.sgz.shared.web.RenderedFragments fragments;

    NavigationAdvice(ScopeService scopes, cn.sgz.shared.web.RenderedFragments fragments) {
        this.scopes = scopes;
        this.fragments = fragments;
    }

    @ModelAttribute
    void addNavigation(Model model, HttpServletRequest request) {
        CurrentUser me = scopes.findCurrentUser().orElse(null);
        model.addAttribute("me", me);
        // the renderer of repeated parts, as a variable: Thymeleaf refuses bean references (@name) in th:utext
        model.addAttribute("fragments", fragments);
        model.addAttribute("navItems", me == null ? List.of() : NavItem.forRole(me.role()));
        model.addAttribute(
                "currentPath",
                request.getRequestURI().substring(request.getContextPath().length()));
    }
}
