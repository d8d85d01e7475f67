package cn.sgz.org.internal;

import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.web.FormSubmission;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Org tree pages: browse the tree, open a unit, create children, rename, move, (de)activate. */
@Controller
class OrgWebController {

    private final OrgUnitService service;
    private final ScopeService scopes;

    OrgWebController(OrgUnitService service, ScopeService scopes) {
        this.service = service;
        this.scopes = scopes;
    }

    @GetMapping("/org")
    String tree(Model model) {
        model.addAttribute("units", service.visibleTree());
        model.addAttribute("canManage", scopes.currentUser().role().managesOrgTree());
        return "org/tree";
    }

    @GetMapping("/org/{id}")
    String detail(@PathVariable long id, Model model) {
        OrgUnitView unit = service.get(id);
        List<OrgUnitView> all = service.visibleTree();
        model.addAttribute("unit", unit);
        model.addAttribute(
                "children",
                all.stream()
                        .filter(u -> unit.id() == (u.parentId() == null ? -1 : u.parentId()))
                        .toList());
        model.addAttribute(
                "moveTargets",
                unit.type().parentType() == null
                        ? List.of()
                        : all.stream()
                                .filter(u -> u.type() == unit.type().parentType()
                                        && u.active()
                                        && u.id() != (unit.parentId() == null ? -1 : unit.parentId()))
                                .toList());
        model.addAttribute("childType", unit.type().childType());
        model.addAttribute("canManage", scopes.currentUser().role().managesOrgTree());
        return "org/detail";
    }

    @PostMapping("/org")
    String create(
            @RequestParam Long parentId,
            @RequestParam(required = false) OrgUnitType type,
            @RequestParam String name,
            @RequestParam(required = false) String code,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    OrgUnitView created = service.create(parentId, type, name, code);
                    flash.addFlashAttribute("notice", "已创建“" + created.name() + "”");
                    return "redirect:/org/" + created.id();
                },
                () -> detail(parentId, model));
    }

    @PostMapping("/org/{id}/rename")
    String rename(
            @PathVariable long id,
            @RequestParam String name,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) Long version,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    service.rename(id, name, code, version);
                    flash.addFlashAttribute("notice", "已保存");
                    return "redirect:/org/" + id;
                },
                () -> detail(id, model));
    }

    @PostMapping("/org/{id}/move")
    String move(
            @PathVariable long id,
            @RequestParam long parentId,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    service.move(id, parentId);
                    flash.addFlashAttribute("notice", "已移动");
                    return "redirect:/org/" + id;
                },
                () -> detail(id, model));
    }

    @PostMapping("/org/{id}/active")
    String setActive(
            @PathVariable long id,
            @RequestParam boolean active,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    service.setActive(id, active);
                    flash.addFlashAttribute("notice", active ? "已启用" : "已停用");
                    return "redirect:/org/" + id;
                },
                () -> detail(id, model));
    }
}
