package cn.sgz.community.internal;

import cn.sgz.community.internal.StaffDevelopmentService.Certification;
import cn.sgz.community.internal.StaffDevelopmentService.ExamEntryForm;
import cn.sgz.community.internal.StaffDevelopmentService.ExamEntryView;
import cn.sgz.community.internal.StaffDevelopmentService.SupervisionForm;
import cn.sgz.community.internal.StaffDevelopmentService.SupervisionView;
import cn.sgz.community.internal.TrainingService.AttendeeForm;
import cn.sgz.community.internal.TrainingService.AttendeeView;
import cn.sgz.community.internal.TrainingService.TraineeForm;
import cn.sgz.community.internal.TrainingService.TraineeView;
import cn.sgz.community.internal.TrainingService.TrainingForm;
import cn.sgz.community.internal.TrainingService.TrainingView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API of trainings, trainees, supervision, exam entries and the certificate rate. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "培训与督导", description = "骨干培训、社区工作者专业培训与学时、专业督导、职业水平考试与持证率")
class StaffDevelopmentApiController {

    private final TrainingService trainings;
    private final StaffDevelopmentService development;

    StaffDevelopmentApiController(TrainingService trainings, StaffDevelopmentService development) {
        this.trainings = trainings;
        this.development = development;
    }

    @GetMapping("/trainings")
    @Operation(summary = "培训列表（audience：BACKBONE 骨干培训，WORKER 社区工作者专业培训）")
    List<TrainingView> trainings(
            @RequestParam(required = false) Long stationId, @RequestParam(required = false) TrainingAudience audience) {
        return trainings.list(stationId, audience);
    }

    @PostMapping("/trainings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记培训：关联已有培训记录（recordId）或同时新建培训服务记录（record）")
    TrainingView createTraining(@RequestBody TrainingForm body) {
        return trainings.create(body);
    }

    @GetMapping("/trainings/{id}")
    TrainingView training(@PathVariable long id) {
        return trainings.get(id);
    }

    @PostMapping("/trainings/{id}/attendees")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "添加参训人员与学时（骨干培训填 memberId，专业培训填 traineeId；默认同时写入签到表）")
    AttendeeView addAttendee(@PathVariable long id, @RequestBody AttendeeForm body) {
        return trainings.addAttendee(id, body);
    }

    @DeleteMapping("/trainings/{id}/attendees/{attendeeId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeAttendee(@PathVariable long id, @PathVariable long attendeeId) {
        trainings.removeAttendee(id, attendeeId);
    }

    @GetMapping("/trainees")
    @Operation(summary = "参训社区工作者及其计入的培训学时")
    List<TraineeView> trainees(@RequestParam long stationId) {
        return trainings.trainees(stationId);
    }

    @PostMapping("/trainees")
    @ResponseStatus(HttpStatus.CREATED)
    TraineeView createTrainee(@RequestBody TraineeForm body) {
        return trainings.createTrainee(body);
    }

    @GetMapping("/supervisions")
    @Operation(summary = "专业督导记录")
    List<SupervisionView> supervisions(@RequestParam long stationId) {
        return development.supervisions(stationId);
    }

    @PostMapping("/supervisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记督导：督导老师、主题、讨论的个案、意见（同时新建或关联督导服务记录）")
    SupervisionView createSupervision(@RequestBody SupervisionForm body) {
        return development.createSupervision(body);
    }

    @GetMapping("/exam-entries")
    @Operation(summary = "职业水平考试报考与结果")
    List<ExamEntryView> exams(@RequestParam long stationId) {
        return development.examEntries(stationId);
    }

    @PostMapping("/exam-entries")
    @ResponseStatus(HttpStatus.CREATED)
    ExamEntryView addExam(@RequestBody ExamEntryForm body) {
        return development.addExamEntry(body);
    }

    record ResultBody(ExamResult result) {}

    @PutMapping("/exam-entries/{id}/result")
    @Operation(summary = "登记考试结果")
    ExamEntryView result(@PathVariable long id, @RequestBody ResultBody body) {
        return development.updateExamResult(id, body.result());
    }

    @GetMapping("/staff-certification")
    @Operation(summary = "驻站人员持证率与考试通过人数同上年对比（人员取自驻站人员名单）")
    Certification certification(@RequestParam long stationId) {
        return development.certification(stationId);
    }
}
