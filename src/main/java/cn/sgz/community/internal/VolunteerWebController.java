package cn.sgz.community.internal;

import cn.sgz.community.internal.VolunteerService.HoursForm;
import cn.sgz.community.internal.VolunteerService.TeamForm;
import cn.sgz.community.internal.VolunteerService.VolunteerForm;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.web.FormSubmission;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 志愿者 pages: the roll with registration rate, a volunteer's hours and certificate, volunteer activities and hours. */
@Controller
class VolunteerWebController {

    private final VolunteerService volunteers;
    private final VolunteerPapers papers;
    private final CommunityAccess access;

    VolunteerWebController(VolunteerService volunteers, VolunteerPapers papers, CommunityAccess access) {
        this.volunteers = volunteers;
        this.papers = papers;
        this.access = access;
    }

    @GetMapping("/volunteers")
    String list(
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) Boolean registered,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate from,
            @RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Long station = access.defaultStation(stationId);
        model.addAttribute("stations", access.stations());
        model.addAttribute("stationId", station);
        model.addAttribute("registered", registered);
        model.addAttribute("teamId", teamId);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        // 注册 status, 服务队 and the date joined (加入日期) filter; 50 a page
        var all = station == null
                ? List.<VolunteerService.VolunteerView>of()
                : volunteers.list(station, registered, teamId);
        var p = cn.sgz.shared.web.ListPage.of(
                cn.sgz.shared.web.ListPage.between(all, VolunteerService.VolunteerView::joinedOn, from, to), page, 50);
        model.addAttribute("listPage", p);
        model.addAttribute("volunteers", p.items());
        model.addAttribute("registration", station == null ? null : volunteers.registration(station));
        model.addAttribute("teams", station == null ? List.of() : volunteers.teams(station));
        model.addAttribute("canWrite", access.canWrite());
        model.addAttribute("today", ChinaTime.today());
        return "community/volunteers";
    }

    @GetMapping("/volunteers/new")
    String newVolunteer(@RequestParam(required = false) Long stationId, Model model) {
        Long station = access.defaultStation(stationId);
        return form(model, new VolunteerForm(station, null, null, null, null, null, null, ChinaTime.today(), null));
    }

    /** Edits a volunteer, mostly to add the national system number once they have registered. */
    @GetMapping("/volunteers/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        var d = volunteers.detail(id);
        var v = d.volunteer();
        model.addAttribute("editId", id);
        model.addAttribute("version", v.version());
        return form(
                model,
                new VolunteerForm(
                        v.stationId(),
                        v.name(),
                        v.gender(),
                        d.phone(),
                        v.nationalNo(),
                        v.skills(),
                        v.teamId(),
                        v.joinedOn(),
                        v.leftOn()));
    }

    @PostMapping("/volunteers/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") VolunteerForm form,
            @RequestParam(required = false) Long version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    var v = volunteers.update(id, form, version);
                    flash.addFlashAttribute("notice", "已保存" + (v.registered() ? "" : "（尚未在全国志愿服务信息系统注册）"));
                    return "redirect:/volunteers/" + id;
                },
                () -> {
                    model.addAttribute("editId", id);
                    model.addAttribute("version", version);
                    return form(model, form);
                });
    }

    private String form(Model model, VolunteerForm form) {
        model.addAttribute("form", form);
        model.addAttribute("stations", access.stations());
        model.addAttribute("teams", form.stationId() == null ? List.of() : volunteers.teams(form.stationId()));
        return "community/volunteer-form";
    }

    @PostMapping("/volunteers")
    String create(
            @ModelAttribute("form") VolunteerForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    var v = volunteers.create(form);
                    flash.addFlashAttribute(
                            "notice", "已登记志愿者 " + v.name() + (v.registered() ? "" : "（尚未在全国志愿服务信息系统注册）"));
                    return "redirect:/volunteers/" + v.id();
                },
                () -> form(model, form));
    }

    @PostMapping("/volunteers/teams")
    String createTeam(
            @ModelAttribute TeamForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    volunteers.createTeam(form);
                    flash.addFlashAttribute("notice", "已成立志愿服务队：" + form.name());
                    return "redirect:/volunteers?stationId=" + form.stationId() + "#teams";
                },
                () -> list(form.stationId(), null, null, null, null, 0, model));
    }

    @GetMapping("/volunteers/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("d", volunteers.detail(id));
        model.addAttribute("canWrite", access.canWrite());
        return "community/volunteer-detail";
    }

    @GetMapping("/volunteers/{id}/certificate")
    String certificate(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        model.addAttribute("c", papers.certificate(id, from, to));
        return "community/certificate";
    }

    @GetMapping("/volunteers/{id}/certificate.docx")
    ResponseEntity<byte[]> certificateDocx(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return Downloads.file(
                papers.certificateDocx(id, from, to), VolunteerApiController.DOCX, "志愿服务记录证明-" + id + ".docx");
    }

    @GetMapping("/volunteers/export.xlsx")
    ResponseEntity<byte[]> export(
            @RequestParam Long stationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return Downloads.file(
                papers.exportXlsx(stationId, from, to), VolunteerApiController.XLSX, "志愿服务时长-" + stationId + ".xlsx");
    }

    // ---- volunteer activities -------------------------------------------------------------------

    @GetMapping("/volunteer-activities")
    String activities(@RequestParam(required = false) Long stationId, Model model) {
        Long station = access.defaultStation(stationId);
        model.addAttribute("stations", access.stations());
        model.addAttribute("stationId", station);
        model.addAttribute("activities", station == null ? List.of() : volunteers.activities(station));
        model.addAttribute("canWrite", access.canWrite());
        return "community/activities";
    }

    @GetMapping("/volunteer-activities/new")
    String newActivity(@RequestParam(required = false) Long stationId, Model model) {
        Long station = access.defaultStation(stationId);
        return activityForm(
                model,
                station,
                new RecordInput(
                        null,
                        null,
                        ChinaTime.today(),
                        null,
                        null,
                        null,
                        false,
                        access.me().displayName(),
                        null,
                        null,
                        null));
    }

    private String activityForm(Model model, Long stationId, RecordInput rec) {
        model.addAttribute("stations", access.stations());
        model.addAttribute("stationId", stationId);
        model.addAttribute("rec", rec);
        return "community/activity-form";
    }

    @PostMapping("/volunteer-activities")
    String createActivity(
            @RequestParam(required = false) Long stationId,
            @ModelAttribute("rec") RecordInput rec,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    var a = volunteers.createActivity(stationId, rec);
                    flash.addFlashAttribute("notice", "已登记志愿服务活动。请登记参加的志愿者和服务时长，并在服务记录中上传现场照片。");
                    return "redirect:/volunteer-activities/" + a.record().recordId();
                },
                () -> activityForm(model, stationId, rec));
    }

    @GetMapping("/volunteer-activities/{recordId}")
    String activity(@PathVariable long recordId, Model model) {
        var a = volunteers.activity(recordId);
        model.addAttribute("a", a);
        model.addAttribute(
                "volunteers",
                volunteers.list(a.stationId(), null, null).stream()
                        .filter(v -> v.leftOn() == null)
                        .toList());
        model.addAttribute("canWrite", access.canWrite() && !a.record().voided());
        return "community/activity";
    }

    @PostMapping("/volunteer-activities/{recordId}/hours")
    String logHours(
            @PathVariable long recordId,
            @ModelAttribute HoursForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    var h = volunteers.logHours(recordId, form);
                    flash.addFlashAttribute(
                            "notice",
                            "已登记 " + h.name() + " 服务 "
                                    + h.hours().stripTrailingZeros().toPlainString() + " 小时");
                    return "redirect:/volunteer-activities/" + recordId;
                },
                () -> activity(recordId, model));
    }
}
