package cn.sgz.casework.internal;

import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ConflictException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one project a case or group counts for (and so its 成功案例): read by anyone who sees the case or group,
 * moved by a bureau officer to another project running at the station on its opening day (API and page).
 */
@Controller
@Tag(name = "个案与小组")
class CaseworkTieController {

    private final CaseService cases;
    private final GroupService groups;
    private final CaseworkTies ties;

    CaseworkTieController(CaseService cases, GroupService groups, CaseworkTies ties) {
        this.cases = cases;
        this.groups = groups;
        this.ties = ties;
    }

    @Schema(name = "CaseworkTieProject")
    record ProjectOption(long id, String name, LocalDate startDate, LocalDate endDate) {}

    @Schema(name = "CaseworkProjectTie")
    record TieAnswer(
            Long projectId,
            String projectName,
            String how,
            String howLabel,
            List<ProjectOption> others,
            boolean canMove) {

        static TieAnswer of(CaseworkTies.Tie t) {
            return new TieAnswer(
                    t.projectId(),
                    t.projectName(),
                    t.how(),
                    t.howLabel(),
                    t.others().stream()
                            .map(p -> new ProjectOption(p.id(), p.name(), p.startDate(), p.endDate()))
                            .toList(),
                    t.canMove());
        }
    }

    @Schema(name = "CaseworkTieMove")
    record MoveBody(Long projectId, String reason) {}

    CaseworkTies.Tie caseTie(long id) {
        CaseView c = cases.get(id);
        return ties.tie("cw_case", c.id(), c.stationId(), c.projectId(), c.openedOn());
    }

    CaseworkTies.Tie groupTie(GroupKind kind, long id) {
        GroupView g = groups.get(kind, id);
        return ties.tie("cw_group", g.id(), g.stationId(), g.projectId(), g.openedOn());
    }

    private void moveCase(long id, Long projectId, String reason) {
        CaseView c = cases.get(id);
        CaseworkTies.Tie t = ties.tie("cw_case", c.id(), c.stationId(), c.projectId(), c.openedOn());
        ties.move("cw_case", "CASE", id, c.orgPath(), t, projectId, reason);
    }

    private void moveGroup(GroupKind kind, long id, Long projectId, String reason) {
        GroupView g = groups.get(kind, id);
        CaseworkTies.Tie t = ties.tie("cw_group", g.id(), g.stationId(), g.projectId(), g.openedOn());
        ties.move("cw_group", kind.name(), id, g.orgPath(), t, projectId, reason);
    }

    @GetMapping("/api/v1/cases/{id}/project")
    @ResponseBody
    @Operation(summary = "个案计入的项目（每个个案只计入一个项目，其成功案例亦然）及可调整到的重叠项目")
    TieAnswer caseProject(@PathVariable long id) {
        return TieAnswer.of(caseTie(id));
    }

    @PutMapping("/api/v1/cases/{id}/project")
    @ResponseBody
    @Operation(summary = "区/县民政局把个案调整到接案当日在该站重叠的另一个项目（须填原因，写审计日志；其他角色 403）")
    TieAnswer moveCaseProject(@PathVariable long id, @RequestBody MoveBody body) {
        moveCase(id, body.projectId(), body.reason());
        return TieAnswer.of(caseTie(id));
    }

    @GetMapping({"/api/v1/groups/{id}/project", "/api/v1/community-services/{id}/project"})
    @ResponseBody
    @Operation(summary = "小组 / 社区服务计入的项目及可调整到的重叠项目")
    TieAnswer groupProject(HttpServletRequest request, @PathVariable long id) {
        return TieAnswer.of(groupTie(GroupApiController.kindOf(request), id));
    }

    @PutMapping({"/api/v1/groups/{id}/project", "/api/v1/community-services/{id}/project"})
    @ResponseBody
    @Operation(summary = "区/县民政局把小组 / 社区服务调整到在该站重叠的另一个项目（须填原因，写审计日志；其他角色 403）")
    TieAnswer moveGroupProject(HttpServletRequest request, @PathVariable long id, @RequestBody MoveBody body) {
        GroupKind kind = GroupApiController.kindOf(request);
        moveGroup(kind, id, body.projectId(), body.reason());
        return TieAnswer.of(groupTie(kind, id));
    }

    @PostMapping("/cases/{id}/project")
    String moveCasePage(
            @PathVariable long id,
            @RequestParam(required = false) Long projectId,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        try {
            moveCase(id, projectId, reason);
            flash.addFlashAttribute("notice", "已调整计入的项目（已写入审计日志）");
        } catch (BusinessException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/" + id;
    }

    @PostMapping({"/groups/{id}/project", "/community-services/{id}/project"})
    String moveGroupPage(
            HttpServletRequest request,
            @PathVariable long id,
            @RequestParam(required = false) Long projectId,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        GroupKind kind = GroupApiController.kindOf(request);
        try {
            moveGroup(kind, id, projectId, reason);
            flash.addFlashAttribute("notice", "已调整计入的项目（已写入审计日志）");
        } catch (BusinessException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + (kind == GroupKind.COMMUNITY ? "/community-services/" : "/groups/") + id;
    }
}
