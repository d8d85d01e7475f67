package cn.sgz.community.internal;

import cn.sgz.community.internal.CommunityOrgService.MemberForm;
import cn.sgz.community.internal.CommunityOrgService.OrgForm;
import cn.sgz.community.internal.StationDocumentService.DocumentForm;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.vocabulary.ServiceKind;
import cn.sgz.shared.web.FormSubmission;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 社区社会组织 pages: the station's organisations and cultivation history, an organisation's page, forms. */
@Controller
class CommunityWebController {

    private final CommunityOrgService orgs;
    private final StationDocumentService documents;
    private final CommunityAccess access;

    CommunityWebController(CommunityOrgService orgs, StationDocumentService documents, CommunityAccess access) {
        this.orgs = orgs;
        this.documents = documents;
        this.access = access;
    }

    @GetMapping("/community")
    String list(@RequestParam(required = false) Long stationId, Model model) {
        Long station = access.defaultStation(stationId);
        model.addAttribute("stations", access.stations());
        model.addAttribute("stationId", station);
        model.addAttribute("orgs", station == null ? java.util.List.of() : orgs.list(station));
        model.addAttribute("timeline", station == null ? java.util.List.of() : orgs.timeline(station));
        model.addAttribute("canWrite", access.canWrite());
        return "community/orgs";
    }

    @GetMapping("/community/orgs/new")
    String newOrg(@RequestParam(required = false) Long stationId, Model model) {
        Long station = access.defaultStation(stationId);
        return orgForm(
                model,
                new OrgForm(station, null, null, ChinaTime.today(), FilingStatus.UNFILED, null, null, null, null, null),
                null,
                null);
    }

    private String orgForm(Model model, OrgForm form, Long id, Long version) {
        model.addAttribute("form", form);
        model.addAttribute("orgId", id);
        model.addAttribute("version", version);
        model.addAttribute("types", CommunityOrgType.values());
        model.addAttribute("statuses", FilingStatus.values());
        model.addAttribute("stations", access.stations());
        return "community/org-form";
    }

    @PostMapping("/community/orgs")
    String create(
            @ModelAttribute("form") OrgForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    long id = orgs.create(form).id();
                    flash.addFlashAttribute("notice", "已登记组织。请添加骨干成员并上传组织制度照片。");
                    return "redirect:/community/orgs/" + id;
                },
                () -> orgForm(model, form, null, null));
    }

    @GetMapping("/community/orgs/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        var o = orgs.get(id);
        return orgForm(
                model,
                new OrgForm(
                        o.stationId(),
                        o.name(),
                        o.type(),
                        o.foundedOn(),
                        o.filingStatus(),
                        o.filedOn(),
                        o.memberCount(),
                        o.leaderName(),
                        o.description(),
                        o.dissolvedOn()),
                id,
                o.version());
    }

    @PostMapping("/community/orgs/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") OrgForm form,
            @RequestParam Long version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    orgs.update(id, form, version);
                    flash.addFlashAttribute("notice", "已保存");
                    return "redirect:/community/orgs/" + id;
                },
                () -> orgForm(model, form, id, version));
    }

    @GetMapping("/community/orgs/{id}")
    String detail(@PathVariable long id, Model model) {
        var d = orgs.detail(id);
        model.addAttribute("d", d);
        model.addAttribute("o", d.org());
        model.addAttribute("canWrite", access.canWrite());
        model.addAttribute("activityKinds", CommunityOrgService.ACTIVITY_KINDS);
        model.addAttribute("today", ChinaTime.today());
        return "community/org-detail";
    }

    @PostMapping("/community/orgs/{id}/members")
    String addMember(
            @PathVariable long id,
            @ModelAttribute MemberForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    orgs.addMember(id, form);
                    flash.addFlashAttribute("notice", "已添加成员：" + form.name());
                    return "redirect:/community/orgs/" + id + "#members";
                },
                () -> detail(id, model));
    }

    @PostMapping("/community/orgs/{id}/activities")
    String addActivity(
            @PathVariable long id,
            @RequestParam(required = false) ServiceKind kind,
            @RequestParam(required = false) Long recordId,
            @ModelAttribute("rec") RecordInput rec,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    RecordRef r = recordId != null ? orgs.linkRecord(id, recordId) : orgs.addActivity(id, kind, rec);
                    flash.addFlashAttribute("notice", "已关联活动记录“" + r.title() + "”。请在服务记录中上传现场照片和签到表，记录计入后才算一次活动。");
                    flash.addFlashAttribute("recordLink", r.recordId());
                    return "redirect:/community/orgs/" + id + "#activities";
                },
                () -> detail(id, model));
    }

    @PostMapping("/community/orgs/{id}/documents")
    String addDocument(
            @PathVariable long id,
            @RequestParam(required = false) String name,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    var o = orgs.get(id);
                    documents.create(new DocumentForm(o.stationId(), id, name, null));
                    flash.addFlashAttribute("notice", "已添加制度文件“" + name + "”，请上传照片。");
                    return "redirect:/community/orgs/" + id + "#documents";
                },
                () -> detail(id, model));
    }
}
