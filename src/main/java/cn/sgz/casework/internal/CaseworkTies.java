package cn.sgz.casework.internal;

import cn.sgz.activity.ProjectTie;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.catalog.ProjectStationsAssigned;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ForbiddenException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one project a case or group (and so its 成功案例) counts for: 本项目服务成果不得与其他政府购买社工服务项目成果重复利用.
 * Tied when opened (the only project running at the station that day, else the earliest-started, see
 * {@link ServiceRecordService#projectFor}); a bureau officer may move the tie to another project running
 * there on the opening day (audited); cases and groups opened before any project are tied when one is saved.
 */
@Component
public class CaseworkTies {

    /** A case's or group's tie as its page shows it. */
    public record Tie(
            Long projectId, String projectName, String how, String howLabel, List<Project> others, boolean canMove) {}

    private final JdbcClient jdbc;
    private final ProjectQueries projects;
    private final ScopeService scopes;
    private final ApplicationEventPublisher events;

    CaseworkTies(JdbcClient jdbc, ProjectQueries projects, ScopeService scopes, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.scopes = scopes;
        this.events = events;
    }

    /** The tie for a case or group opened at the station on the date (scoped: the user's projects). */
    ProjectTie tieFor(long stationId, LocalDate opened) {
        return ServiceRecordService.projectFor(null, opened, projects.ofStation(stationId));
    }

    /** Stores how a just-opened case or group was tied. */
    void recordHow(String table, long id, ProjectTie tie) {
        jdbc.sql("UPDATE " + table(table) + " SET project_tie = ? WHERE id = ?")
                .params(tie.how(), id)
                .update();
    }

    /** The tie of a case (table cw_case) or group (cw_group) already read and in scope. */
    Tie tie(String table, long id, long stationId, Long projectId, LocalDate opened) {
        String how = jdbc.sql("SELECT project_tie FROM " + table(table) + " WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElse(null);
        List<Project> running = running(stationId, opened);
        String name = projectId == null
                ? null
                : running.stream()
                        .filter(p -> p.id() == projectId)
                        .map(Project::name)
                        .findFirst()
                        .orElseGet(() -> projects.findUnscoped(projectId)
                                .map(Project::name)
                                .orElse("#" + projectId));
        List<Project> others = running.stream()
                .filter(p -> projectId == null || p.id() != projectId)
                .toList();
        return new Tie(
                projectId,
                name,
                how,
                ProjectTie.label(how),
                others,
                ServiceRecordService.movesTies(scopes.currentUser().role()) && !others.isEmpty());
    }

    private List<Project> running(long stationId, LocalDate on) {
        return projects.ofStation(stationId).stream()
                .filter(p -> !on.isBefore(p.startDate()) && !on.isAfter(p.endDate()))
                .toList();
    }

    /**
     * Moves a case or group (already read and in scope) to another project running at its station on its
     * opening day; audited with the reason. Not a bureau officer: 403; a project not covering it: 400.
     */
    @Transactional
    void move(String table, String ownerType, long id, String orgPath, Tie current, Long projectId, String reason) {
        if (!ServiceRecordService.movesTies(scopes.currentUser().role())) {
            throw new ForbiddenException("只有区/县民政局可以调整计入的项目");
        }
        if (projectId == null) {
            throw BusinessException.field("projectId", "请选择要计入的项目");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2 || why.length() > 200) {
            throw BusinessException.field("reason", "请填写调整原因（2～200个字）");
        }
        Project target = current.others().stream()
                .filter(p -> p.id() == projectId)
                .findFirst()
                .orElseThrow(() -> BusinessException.field("projectId", "所选项目不包含该社工站，或开始日期不在项目周期内（只能调整到在该站重叠的其他项目）"));
        jdbc.sql("UPDATE " + table(table) + " SET project_id = ?, project_tie = 'MOVED', updated_at = ?, "
                        + "version = version + 1 WHERE id = ?")
                .params(target.id(), ChinaTime.offsetNow(), id)
                .update();
        events.publishEvent(AuditEvent.success(
                ownerType + "_PROJECT_MOVE",
                ownerType,
                id,
                orgPath,
                "由《" + (current.projectName() == null ? "未计入" : current.projectName()) + "》调整到《" + target.name() + "》："
                        + why));
    }

    /** Cases and groups of a saved project's stations and dates that count for no project yet are tied to it. */
    @EventListener
    void on(ProjectStationsAssigned event) {
        projects.findUnscoped(event.projectId()).ifPresent(p -> {
            if (p.stationIds().isEmpty()) {
                return;
            }
            for (String table : List.of("cw_case", "cw_group")) {
                jdbc.sql("UPDATE " + table
                                + " SET project_id = :project, project_tie = 'LATER' WHERE project_id IS NULL "
                                + "AND station_id IN (:stations) AND opened_on BETWEEN :from AND :to")
                        .param("project", p.id())
                        .param("stations", p.stationIds())
                        .param("from", p.startDate())
                        .param("to", p.endDate())
                        .update();
            }
        });
    }

    private static String table(String table) {
        if (!table.equals("cw_case") && !table.equals("cw_group")) {
            throw new IllegalArgumentException(table);
        }
        return table;
    }
}
