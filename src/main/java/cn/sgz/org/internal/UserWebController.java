package cn.sgz.org.internal;

import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.Role;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.web.FormSubmission;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account administration pages: list, create, disable/enable, reset password. */
@Controller
class UserWebController {

    private final UserAdminService users;
    private final AgencyService agencies;
    private final OrgDirectory directory;
    private final ScopeService scopes;

    UserWebController(UserAdminService users, AgencyService agencies, OrgDirectory directory, ScopeService scopes) {
        this.users = users;
        this.agencies = agencies;
        this.directory = directory;
        this.scopes = scopes;
    }

    @GetMapping("/users")
    String list(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("roles", scopes.currentUser().role().assignableRoles());
        List<cn.sgz.org.OrgUnitView> units = new ArrayList<>();
        for (OrgUnitType type : OrgUnitType.values()) {
            if (type != OrgUnitType.ROOM) {
                units.addAll(directory.visibleUnits(type));
            }
        }
        units.sort(cn.sgz.org.OrgUnitView.TREE_ORDER);
        model.addAttribute("units", units);
        model.addAttribute("agencies", agencies.list());
        return "org/users";
    }

    @PostMapping("/users")
    String create(
            @RequestParam String username,
            @RequestParam String password,
            @RequestParam String displayName,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) Long orgUnitId,
            @RequestParam(required = false) Long agencyId,
            @RequestParam(required = false) String phone,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    var created = users.create(new UserAdminService.UserForm(
                            username, password, displayName, role, orgUnitId, agencyId, phone));
                    flash.addFlashAttribute("notice", "已创建账号 " + created.username());
                    return "redirect:/users";
                },
                () -> list(model));
    }

    @PostMapping("/users/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes flash) {
        var user = users.setEnabled(id, enabled);
        flash.addFlashAttribute("notice", (enabled ? "已启用 " : "已停用并注销会话 ") + user.username());
        return "redirect:/users";
    }

    @PostMapping("/users/{id}/password")
    String resetPassword(
            @PathVariable long id,
            @RequestParam String password,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    var user = users.resetPassword(id, password);
                    flash.addFlashAttribute("notice", "已重置 " + user.username() + " 的密码");
                    return "redirect:/users";
                },
                () -> list(model));
    }
}
