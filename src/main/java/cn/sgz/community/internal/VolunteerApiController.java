package cn.sgz.community.internal;

import cn.sgz.community.internal.VolunteerService.ActivityView;
import cn.sgz.community.internal.VolunteerService.HoursForm;
import cn.sgz.community.internal.VolunteerService.HoursLine;
import cn.sgz.community.internal.VolunteerService.Registration;
import cn.sgz.community.internal.VolunteerService.TeamForm;
import cn.sgz.community.internal.VolunteerService.TeamView;
import cn.sgz.community.internal.VolunteerService.VolunteerDetail;
import cn.sgz.community.internal.VolunteerService.VolunteerForm;
import cn.sgz.community.internal.VolunteerService.VolunteerView;
import cn.sgz.shared.BusinessException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

/** REST API of volunteers, teams, volunteer activities with hours, certificates and the national-system export. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "志愿者", description = "志愿者登记与注册、志愿服务队、志愿服务活动时长、服务记录证明、全国系统录入表")
class VolunteerApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final VolunteerService volunteers;
    private final VolunteerPapers papers;

    VolunteerApiController(VolunteerService volunteers, VolunteerPapers papers) {
        this.volunteers = volunteers;
        this.papers = papers;
    }

    @GetMapping("/volunteers")
    @Operation(summary = "志愿者列表（电话脱敏；registered=false 只看未在全国志愿服务信息系统注册的；from–to 为加入日期范围）")
    List<VolunteerView> list(
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
                    java.time.LocalDate to) {
        return cn.sgz.shared.web.ListPage.between(
                volunteers.list(stationId, registered, teamId), VolunteerView::joinedOn, from, to);
    }

    @GetMapping("/volunteers/registration")
    @Operation(summary = "本站志愿者在全国志愿服务信息系统的注册率")
    Registration registration(@RequestParam long stationId) {
        return volunteers.registration(stationId);
    }

    @PostMapping("/volunteers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记志愿者（只存手机号，不存身份证号；填写全国系统编号即为已注册）")
    VolunteerView create(@RequestBody VolunteerForm body) {
        return volunteers.create(body);
    }

    @GetMapping("/volunteers/{id}")
    @Operation(summary = "志愿者详情：完整电话（留审计）与每次服务的时长、是否计入")
    VolunteerDetail get(@PathVariable long id) {
        return volunteers.detail(id);
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "VolunteerUpdateBody")
    record UpdateBody(VolunteerForm volunteer, Long version) {}

    @PutMapping("/volunteers/{id}")
    @Operation(summary = "修改志愿者（须带 version，过期返回 409）")
    VolunteerView update(@PathVariable long id, @RequestBody UpdateBody body) {
        if (body.volunteer() == null) {
            throw BusinessException.field("volunteer", "志愿者信息：缺少志愿者信息");
        }
        return volunteers.update(id, body.volunteer(), body.version());
    }

    @GetMapping("/volunteers/{id}/certificate")
    @Operation(summary = "志愿服务记录证明的内容（只含计入的服务）")
    VolunteerPapers.Certificate certificate(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return papers.certificate(id, from, to);
    }

    @GetMapping("/volunteers/{id}/certificate.docx")
    @Operation(summary = "下载志愿服务记录证明（Word）")
    ResponseEntity<byte[]> certificateDocx(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return Downloads.file(papers.certificateDocx(id, from, to), DOCX, "志愿服务记录证明-" + id + ".docx");
    }

    @GetMapping("/volunteers/export.xlsx")
    @Operation(summary = "导出全国志愿服务信息系统录入表（姓名、证件号/手机号、服务时间、服务时长、活动名称、服务地点；只含计入的服务）")
    ResponseEntity<byte[]> export(
            @RequestParam long stationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return Downloads.file(papers.exportXlsx(stationId, from, to), XLSX, "志愿服务时长-" + stationId + ".xlsx");
    }

    @GetMapping("/volunteer-teams")
    @Operation(summary = "志愿服务队（团队）")
    List<TeamView> teams(@RequestParam long stationId) {
        return volunteers.teams(stationId);
    }

    @PostMapping("/volunteer-teams")
    @ResponseStatus(HttpStatus.CREATED)
    TeamView createTeam(@RequestBody TeamForm body) {
        return volunteers.createTeam(body);
    }

    @GetMapping("/volunteer-activities")
    @Operation(summary = "本站志愿服务活动（社工+志愿者）及各次登记的志愿服务时长")
    List<ActivityView> activities(@RequestParam long stationId) {
        return volunteers.activities(stationId);
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "VolunteerActivityBody")
    record ActivityBody(Long stationId, RecordInput record) {}

    @PostMapping("/volunteer-activities")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建志愿服务活动（生成一条“志愿服务活动”服务记录，照片、签到在服务记录中上传）")
    ActivityView createActivity(@RequestBody ActivityBody body) {
        return volunteers.createActivity(body.stationId(), body.record());
    }

    @GetMapping("/volunteer-activities/{recordId}")
    ActivityView activity(@PathVariable long recordId) {
        return volunteers.activity(recordId);
    }

    @PostMapping("/volunteer-activities/{recordId}/hours")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记志愿者本次服务时长（记录计入后时长才计入）")
    HoursLine logHours(@PathVariable long recordId, @RequestBody HoursForm body) {
        return volunteers.logHours(recordId, body);
    }

    @DeleteMapping("/volunteer-activities/{recordId}/hours/{serviceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeHours(@PathVariable long recordId, @PathVariable long serviceId) {
        volunteers.removeHours(recordId, serviceId);
    }
}
