package cn.sgz.community.internal;

import cn.sgz.community.internal.StaffDevelopmentService.ExamEntryForm;
import cn.sgz.community.internal.StaffDevelopmentService.SupervisionForm;
import cn.sgz.community.internal.TrainingService.AttendeeForm;
import cn.sgz.community.internal.TrainingService.TraineeForm;
import cn.sgz.community.internal.TrainingService.TrainingForm;
import cn.sgz.org.CertificateLevel;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.web.FormSubmission;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 培训督导 pages: certificate rate and exams, trainings with attendance, trainees' hours, supervision. */
@Controller
class StaffDevelopmentWebController {

    private final TrainingService trainings;
    private final StaffDevelopmentService development;
    private final CommunityOrgService orgs;
    private final CommunityAccess access;

    StaffDevelopmentWebController(
            TrainingService trainings,
            StaffDevelopmentService development,
            CommunityOrgService orgs,
            CommunityAccess access) {
        this.trainings = trainings;
        this.development = development;
        this.orgs = orgs;
        this.access = access;
    }

    @GetMapping("/development")
    String page(@RequestParam(required = false) Long stationId, Model model) {
        Long station = access.defaultStation(stationId);
        model.addAttribute("stations", access.stations());
        model.addAttribute("stationId", station);
        model.addAttribute("canWrite", access.canWrite());
        model.addAttribute(
                "levels", List.of(CertificateLevel.ASSISTANT, CertificateLevel.INTERMEDIATE, CertificateLevel.SENIOR));
        model.addAttribute("results", ExamResult.values());
        model.addAttribute("thisYear", ChinaTime.today().getYear());
        if (station != null) {
            model.addAttribute("cert", development.certification(station));
            model.addAttribute("exams", development.examEntries(station));
            model.addAttribute("trainings", trainings.list(station, null));
            model.addAttribute("trainees", trainings.trainees(station));
            model.addAttribute("supervisions", development.supervisions(station));
        }
        return "community/staff";
    }

    @PostMapping("/development/exams")
    String addExam(
            @ModelAttribute ExamEntryForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    development.addExamEntry(form);
                    flash.addFlashAttribute("notice", "已登记考试");
                    return "redirect:/development?stationId=" + form.stationId() + "#exams";
                },
                () -> page(form.stationId(), model));
    }

    @PostMapping("/development/exams/{id}/result")
    String examResult(
            @PathVariable long id,
            @RequestParam(required = false) ExamResult result,
            @RequestParam Long stationId,
            RedirectAttributes flash) {
        development.updateExamResult(id, result);
        flash.addFlashAttribute("notice", "已登记考试结果");
        return "redirect:/development?stationId=" + stationId + "#exams";
    }

    @PostMapping("/development/trainees")
    String addTrainee(
            @ModelAttribute TraineeForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    trainings.createTrainee(form);
                    flash.addFlashAttribute("notice", "已登记参训人员 " + form.name());
                    return "redirect:/development?stationId=" + form.stationId() + "#trainees";
                },
                () -> page(form.stationId(), model));
    }

    @GetMapping("/development/trainings/new")
    String newTraining(
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) TrainingAudience audience,
            @RequestParam(required = false) Long orgId,
            Model model) {
        Long station = access.defaultStation(stationId);
        return trainingForm(
                model,
                new TrainingForm(
                        station,
                        audience == null ? TrainingAudience.WORKER : audience,
                        orgId,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                new RecordInput(
                        null,
                        null,
                        ChinaTime.today(),
                        null,
                        null,
                        null,
                        true,
                        access.me().displayName(),
                        null,
                        null,
                        null));
    }

    private String trainingForm(Model model, TrainingForm form, RecordInput rec) {
        model.addAttribute("form", form);
        model.addAttribute("rec", rec);
        model.addAttribute("audiences", TrainingAudience.values());
        model.addAttribute("stations", access.stations());
        model.addAttribute("orgs", form.stationId() == null ? List.of() : orgs.list(form.stationId()));
        return "community/training-form";
    }

    @PostMapping("/development/trainings")
    String createTraining(
            @ModelAttribute("form") TrainingForm form,
            @ModelAttribute("rec") RecordInput rec,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    var t = trainings.create(new TrainingForm(
                            form.stationId(),
                            form.audience(),
                            form.orgId(),
                            form.topic(),
                            form.trainer(),
                            form.plan(),
                            form.hours(),
                            null,
                            rec));
                    flash.addFlashAttribute("notice", "已登记培训。请添加参训人员，并在服务记录中上传现场照片。");
                    return "redirect:/development/trainings/" + t.id();
                },
                () -> trainingForm(model, form, rec));
    }

    @GetMapping("/development/trainings/{id}")
    String training(@PathVariable long id, Model model) {
        var t = trainings.get(id);
        model.addAttribute("t", t);
        model.addAttribute("canWrite", access.canWrite());
        model.addAttribute("members", t.orgId() == null ? List.of() : orgs.members(t.orgId()));
        model.addAttribute("trainees", t.orgId() == null ? trainings.trainees(t.stationId()) : List.of());
        return "community/training";
    }

    @PostMapping("/development/trainings/{id}/attendees")
    String addAttendee(
            @PathVariable long id,
            @ModelAttribute AttendeeForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    var a = trainings.addAttendee(id, form);
                    flash.addFlashAttribute("notice", "已添加参训人员 " + a.name());
                    return "redirect:/development/trainings/" + id;
                },
                () -> training(id, model));
    }

    @GetMapping("/development/supervisions/new")
    String newSupervision(@RequestParam(required = false) Long stationId, Model model) {
        Long station = access.defaultStation(stationId);
        return supervisionForm(
                model,
                new SupervisionForm(station, null, null, null, null, null, null, null),
                new RecordInput(
                        null,
                        null,
                        ChinaTime.today(),
                        null,
                        null,
                        null,
                        true,
                        access.me().displayName(),
                        null,
                        null,
                        null));
    }

    private String supervisionForm(Model model, SupervisionForm form, RecordInput rec) {
        model.addAttribute("form", form);
        model.addAttribute("rec", rec);
        model.addAttribute("stations", access.stations());
        return "community/supervision-form";
    }

    @PostMapping("/development/supervisions")
    String createSupervision(
            @ModelAttribute("form") SupervisionForm form,
            @ModelAttribute("rec") RecordInput rec,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    var s = development.createSupervision(new SupervisionForm(
                            form.stationId(),
                            form.supervisor(),
                            form.supervisorOrg(),
                            form.topics(),
                            form.casesDiscussed(),
                            form.suggestions(),
                            null,
                            rec));
                    flash.addFlashAttribute("notice", "已登记督导。请在服务记录中上传现场照片和签到表。");
                    return "redirect:/records/" + s.record().recordId();
                },
                () -> supervisionForm(model, form, rec));
    }
}
