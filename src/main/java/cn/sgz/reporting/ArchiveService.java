package cn.sgz.reporting;

import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectInScope;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.evidence.FileStore;
import cn.sgz.org.ScopeService;
import cn.sgz.reporting.internal.ArchiveBuilder;
import cn.sgz.reporting.internal.ArchiveRunner;
import cn.sgz.reporting.internal.ArchiveStore;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.NotFoundException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * 佐证资料包 for acceptance: a ZIP of a project (optionally one station, one indicator) as of a date,
 * built in the background as the user who asked (so it holds exactly what they may see), downloadable
 * when done. A job is visible to its requester and to whoever's scope covers its station (or bureau).
 */
@Service
public class ArchiveService {

    private final ArchiveStore store;
    private final ArchiveBuilder builder;
    private final ProjectQueries projects;
    private final ScopeService scopes;
    private final ArchiveRunner runner;
    private final FileStore files;
    private final ApplicationEventPublisher events;
    private final long maxBytes;

    ArchiveService(
            ArchiveStore store,
            ArchiveBuilder builder,
            ProjectQueries projects,
            ScopeService scopes,
            ArchiveRunner runner,
            FileStore files,
            ApplicationEventPublisher events,
            @Value("${sgz.archive.max-bytes:4294967296}") long maxBytes) {
        this.store = store;
        this.builder = builder;
        this.projects = projects;
        this.scopes = scopes;
        this.runner = runner;
        this.files = files;
        this.events = events;
        this.maxBytes = maxBytes;
    }

    /** The configured largest archive, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Accepts an archive request after estimating its size from the records, photos and files it will
     * hold: over {@code sgz.archive.max-bytes} it is refused before anything starts, saying the estimate
     * and the limit. The job is built in the background (any instance may finish it).
     */
    @Transactional
    public ArchiveJobView request(long projectId, Long stationId, Long indicatorId, LocalDate asOf) {
        ProjectInScope p = projects.inScope(projectId);
        Project project = p.project();
        if (stationId != null && !p.visibleStationIds().contains(stationId)) {
            throw new NotFoundException("社工站");
        }
        if (indicatorId != null
                && p.indicators().stream()
                        .noneMatch(i -> indicatorId.equals(i.indicator().id()))) {
            throw BusinessException.field("indicatorId", "指标：项目中没有该指标");
        }
        LocalDate today = ChinaTime.today();
        LocalDate date = asOf == null ? (today.isAfter(project.endDate()) ? project.endDate() : today) : asOf;
        if (date.isBefore(project.startDate()) || date.isAfter(today)) {
            throw BusinessException.field("asOf", "截止日期：须在项目开始之后、今天或以前");
        }
        ArchiveBuilder.Plan plan = builder.plan(projectId, stationId, indicatorId, date);
        long estimate = plan.estimatedBytes();
        if (estimate > maxBytes) {
            throw new BusinessException(
                    "ARCHIVE_TOO_LARGE",
                    "资料包预计约 " + megabytes(estimate) + "（" + plan.records() + " 条记录、" + plan.photos() + " 张照片），超过上限 "
                            + megabytes(maxBytes) + "，请按社工站、指标或截止日期缩小范围后重试");
        }
        String path = scopes.pathOf(stationId != null ? stationId : project.bureauId())
                .orElseThrow(() -> new NotFoundException("项目"));
        long id = store.insert(
                projectId,
                stationId,
                indicatorId,
                date,
                path,
                scopes.currentUser().username());
        store.estimated(id, estimate);
        events.publishEvent(AuditEvent.success(
                "ARCHIVE_REQUEST",
                "ARCHIVE",
                id,
                path,
                "项目 " + projectId + (stationId == null ? "" : " 社工站 " + stationId)
                        + (indicatorId == null ? "" : " 指标 " + indicatorId) + " 截至 " + date + "，预计 "
                        + megabytes(estimate)));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    runner.start(id);
                }
            });
        } else {
            runner.start(id);
        }
        return store.find(id).orElseThrow().view();
    }

    /** 1.5 MB, 320 MB, 2.1 GB */
    static String megabytes(long bytes) {
        double mb = bytes / 1024.0 / 1024.0;
        if (mb >= 1024) {
            return String.format("%.1f GB", mb / 1024);
        }
        return mb >= 10 ? Math.round(mb) + " MB" : String.format("%.1f MB", mb);
    }

    @Transactional(readOnly = true)
    public ArchiveJobView get(long id) {
        return visible(id).view();
    }

    @Transactional(readOnly = true)
    public List<ArchiveJobView> list(long projectId) {
        projects.inScope(projectId);
        String me = scopes.currentUser().username();
        var scope = scopes.current();
        return store.ofProject(projectId).stream()
                .filter(r -> me.equals(r.view().requestedBy()) || scope.covers(r.orgPath()))
                .map(ArchiveStore.Row::view)
                .toList();
    }

    /** The finished archive, from the shared file store (any instance serves it); 409 while it is built. */
    public record ArchiveFile(InputStream content, long size) {}

    @Transactional(readOnly = true)
    public ArchiveFile download(long id) {
        ArchiveStore.Row r = visible(id);
        if (!"DONE".equals(r.view().status())) {
            throw new ConflictException("资料包尚未生成完成（" + r.view().status() + "），请稍后再下载");
        }
        String key = r.view().fileName();
        if (key == null || !files.exists(key)) {
            throw new NotFoundException("资料包文件");
        }
        InputStream in;
        try {
            in = files.open(key);
        } catch (java.io.IOException e) {
            throw new NotFoundException("资料包文件");
        }
        events.publishEvent(AuditEvent.success("ARCHIVE_DOWNLOAD", "ARCHIVE", id, r.orgPath(), null));
        return new ArchiveFile(in, r.view().sizeBytes() == null ? -1 : r.view().sizeBytes());
    }

    /** 九原区…项目佐证资料包-2026-12-07.zip */
    @Transactional(readOnly = true)
    public String downloadName(long id) {
        ArchiveJobView v = visible(id).view();
        return projects.get(v.projectId()).name() + "佐证资料包-" + v.asOf() + ".zip";
    }

    private ArchiveStore.Row visible(long id) {
        ArchiveStore.Row r = store.find(id).orElseThrow(() -> new NotFoundException("资料包"));
        if (!scopes.currentUser().username().equals(r.view().requestedBy())
                && !scopes.current().covers(r.orgPath())) {
            throw new NotFoundException("资料包");
        }
        projects.inScope(r.view().projectId());
        return r;
    }
}
