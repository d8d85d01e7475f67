package cn.sgz.casework.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of groups (/api/v1/groups) and community services (/api/v1/community-services): one
 * shape, so one controller; the path says which kind.
 */
@RestController
@Tag(name = "小组与社区服务", description = "小组服务计划书、单元计划书、活动过程记录（签到人数不足的节次不计入）、评估总结报告；" + "社区服务计划书、过程记录、评估总结报告；档案导出")
class GroupApiController {

    private final GroupService groups;
    private final CaseworkExport export;

    GroupApiController(GroupService groups, CaseworkExport export) {
        this.groups = groups;
        this.export = export;
    }

    static GroupKind kindOf(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        return uri.startsWith("/api/v1/community-services") || uri.startsWith("/community-services")
                ? GroupKind.COMMUNITY
                : GroupKind.GROUP;
    }

    @GetMapping({"/api/v1/groups", "/api/v1/community-services"})
    @Operation(summary = "小组 / 社区服务列表（按社工站、阶段、服务领域、开展日期范围 from–to 筛选）")
    List<GroupView> list(
            HttpServletRequest request,
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) GroupStage stage,
            @RequestParam(required = false) cn.sgz.shared.vocabulary.LedgerDomain domain,
            @RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate from,
            @RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate to) {
        return GroupWebController.filtered(groups.list(kindOf(request), stationId, stage), domain, from, to);
    }

    @PostMapping({"/api/v1/groups", "/api/v1/community-services"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建小组（同时填写小组服务计划书）/ 社区服务（同时填写社区服务计划书）")
    GroupView create(HttpServletRequest request, @RequestBody CaseworkInputs.NewGroup body) {
        return groups.create(kindOf(request), body);
    }

    @GetMapping({"/api/v1/groups/{id}", "/api/v1/community-services/{id}"})
    @Operation(summary = "详情：计划书、单元计划书、各节活动（签到人数、是否计入及原因）、评估总结报告")
    GroupDetail get(HttpServletRequest request, @PathVariable long id) {
        return groups.detail(kindOf(request), id);
    }

    @PutMapping({"/api/v1/groups/{id}/forms/{type}", "/api/v1/community-services/{id}/forms/{type}"})
    @Operation(summary = "填写计划书或评估总结报告（GROUP_PLAN、GROUP_EVALUATION、COMMUNITY_PLAN、COMMUNITY_EVALUATION）")
    FormView saveForm(
            HttpServletRequest request,
            @PathVariable long id,
            @PathVariable String type,
            @RequestBody Map<String, String> fields) {
        return groups.saveForm(kindOf(request), id, CaseworkExport.parse(type), 0, fields);
    }

    @PutMapping("/api/v1/groups/{id}/units/{seq}")
    @Operation(summary = "填写第 seq 节的单元计划书")
    FormView saveUnit(@PathVariable long id, @PathVariable int seq, @RequestBody Map<String, String> fields) {
        return groups.saveForm(GroupKind.GROUP, id, FormType.UNIT_PLAN, seq, fields);
    }

    @PostMapping({"/api/v1/groups/{id}/sessions", "/api/v1/community-services/{id}/sessions"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "记录一节活动（过程记录表）：生成一条室内活动服务记录；attendance 每行“姓名 电话”即签到表（或“姓名 #台账编号”：台账中的人，电话取台账登记的，并记为服务对象）；"
                    + "照片通过服务记录接口上传")
    SessionView addSession(
            HttpServletRequest request, @PathVariable long id, @RequestBody CaseworkInputs.NewSession body) {
        return groups.addSession(kindOf(request), id, body, null);
    }

    @GetMapping({
        "/api/v1/groups/{id}/export.docx",
        "/api/v1/community-services/{id}/export.docx",
        "/groups/{id}/export.docx",
        "/community-services/{id}/export.docx"
    })
    @Operation(summary = "导出小组 / 社区服务档案（Word）")
    ResponseEntity<byte[]> exportFile(HttpServletRequest request, @PathVariable long id) {
        return DocxResponses.of(export.groupFile(kindOf(request), id, null, null));
    }

    @GetMapping({
        "/api/v1/groups/{id}/forms/{type}/export.docx",
        "/api/v1/community-services/{id}/forms/{type}/export.docx",
        "/groups/{id}/forms/{type}/export.docx",
        "/community-services/{id}/forms/{type}/export.docx"
    })
    @Operation(summary = "导出单张表单（Word）；单元计划书可用 seq 指定节次")
    ResponseEntity<byte[]> exportForm(
            HttpServletRequest request,
            @PathVariable long id,
            @PathVariable String type,
            @RequestParam(required = false) Integer seq) {
        return DocxResponses.of(export.groupFile(kindOf(request), id, CaseworkExport.parse(type), seq));
    }
}
