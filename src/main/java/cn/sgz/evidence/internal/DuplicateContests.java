package cn.sgz.evidence.internal;

import cn.sgz.evidence.ContestStatus;
import cn.sgz.evidence.DuplicateContestView;
import cn.sgz.evidence.EarlierPhoto;
import cn.sgz.evidence.EvidenceChanged;
import cn.sgz.evidence.FileStore;
import cn.sgz.evidence.PhotoView;
import cn.sgz.org.CurrentUser;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.org.Role;
import cn.sgz.org.Scope;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 重复照片申诉. The owner of a photo flagged as a copy sees a summary of the earlier photo (thumbnail, date, station —
 * nothing of the earlier record) and, as its worker or station head, may contest the finding with a reason; the county
 * bureau whose scope covers the flagged photo upholds (the photo counts as evidence again) or rejects it. Every read
 * and write is scope-checked here: the earlier photo is reached only through a flagged photo the caller may see.
 */
@Service
public class DuplicateContests {

    private static final Logger log = LoggerFactory.getLogger(DuplicateContests.class);
    static final int MAX_REASON = 500;
    private static final String SELECT =
            "SELECT c.*, o.org_path AS original_org_path FROM evidence_duplicate_contest c "
                    + "JOIN evidence_photo o ON o.id = c.original_photo_id ";

    private final JdbcClient jdbc;
    private final PhotoService photos;
    private final FileStore files;
    private final ScopeService scopes;
    private final OrgDirectory directory;
    private final ApplicationEventPublisher events;

    DuplicateContests(
            JdbcClient jdbc,
            PhotoService photos,
            FileStore files,
            ScopeService scopes,
            OrgDirectory directory,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.photos = photos;
        this.files = files;
        this.scopes = scopes;
        this.directory = directory;
        this.events = events;
    }

    // ---- the earlier photo ----------------------------------------------------------------------

    /** The summary of the photo that {@code photoId} (a photo inside the caller's scope) was found to copy. */
    @Transactional(readOnly = true)
    public EarlierPhoto earlier(long photoId) {
        PhotoView p = photos.visible(photoId);
        if (!p.duplicate()) {
            throw new NotFoundException("重复照片认定");
        }
        return summary(p, new HashMap<>());
    }

    /** Summaries for the flagged photos among {@code list} (already read inside the caller's scope), by photo id. */
    @Transactional(readOnly = true)
    public Map<Long, EarlierPhoto> earlierOf(List<PhotoView> list) {
        Map<Long, EarlierPhoto> out = new HashMap<>();
        Map<String, Station> names = new HashMap<>();
        Scope scope = scopes.current();
        for (PhotoView p : list) {
            if (p.duplicate() && scope.covers(p.orgPath())) {
                out.put(p.id(), summary(p, names));
            }
        }
        return out;
    }

    private EarlierPhoto summary(PhotoView p, Map<String, Station> names) {
        PhotoView original = photos.get(p.duplicateOfId()).orElseThrow(() -> new NotFoundException("照片"));
        Scope scope = scopes.current();
        boolean seesOriginal = scope.covers(original.orgPath());
        OffsetDateTime when = original.capturedAt() != null ? original.capturedAt() : original.uploadedAt();
        DuplicateContestView contest = contestOf(p.id(), original.id()).orElse(null);
        Role role = scope.role();
        boolean canContest = contest == null && !p.removed() && mayFile(role);
        boolean canDecide = contest != null && contest.pending() && mayDecide(role);
        return new EarlierPhoto(
                p.id(),
                original.id(),
                p.duplicateKind(),
                p.duplicateKindLabel(),
                when == null ? null : when.atZoneSameInstant(ChinaTime.ZONE).toLocalDate(),
                original.capturedAt() != null ? "拍摄" : "上传",
                station(original.orgPath(), names).name(),
                station(original.orgPath(), names)
                        .path()
                        .equals(station(p.orgPath(), names).path()),
                "/photos/" + p.id() + "/earlier-thumb",
                seesOriginal ? original.ownerType() : null,
                seesOriginal ? original.ownerId() : null,
                contest,
                canContest,
                canDecide);
    }

    /**
     * The thumbnail of the earlier photo, reached through the flagged photo: the caller must see the flagged photo, and
     * gets the thumbnail of exactly the photo it was found to copy — no other photo, and no other variant.
     */
    @Transactional(readOnly = true)
    public PhotoService.Streamed earlierThumb(long photoId) {
        PhotoView p = photos.visible(photoId);
        if (!p.duplicate()) {
            throw new NotFoundException("照片");
        }
        String key = jdbc.sql("SELECT thumb_key FROM evidence_photo WHERE id = ?")
                .param(p.duplicateOfId())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("照片"));
        try {
            InputStream in = files.open(key);
            return new PhotoService.Streamed(in, "image/jpeg", "photo-" + p.id() + "-earlier-thumb.jpg");
        } catch (IOException e) {
            log.error("照片 {} 的原图缩略图 {} 读取失败：{}", p.duplicateOfId(), key, e.toString());
            throw new NotFoundException("照片文件");
        }
    }

    // ---- contests -------------------------------------------------------------------------------

    static boolean mayFile(Role role) {
        return role == Role.SOCIAL_WORKER || role == Role.STATION_HEAD;
    }

    static boolean mayDecide(Role role) {
        return role == Role.BUREAU_OFFICER;
    }

    /** A worker or station head contests the finding on a photo of theirs. */
    @Transactional
    public DuplicateContestView file(long photoId, String reason) {
        PhotoView p = photos.visible(photoId);
        if (!p.duplicate()) {
            throw new BusinessException("NOT_DUPLICATE", "这张照片没有被认定为重复照片，无需申诉");
        }
        if (!mayFile(scopes.current().role())) {
            throw new ForbiddenException("只有驻站社工或社工站站长可以对重复照片认定提出申诉");
        }
        if (p.removed()) {
            throw new BusinessException("PHOTO_REMOVED", "这张照片已从记录中删除，无需申诉");
        }
        String why = text("reason", reason, "请填写申诉理由：说明这张照片为什么不是重复照片（如拍摄时间、地点、场景）");
        if (contestOf(p.id(), p.duplicateOfId()).isPresent()) {
            throw new ConflictException("这张照片已经提出过申诉，请查看裁定结果");
        }
        String me = scopes.currentUser().username();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        try {
            jdbc.sql(
                            "INSERT INTO evidence_duplicate_contest (photo_id, original_photo_id, owner_type, owner_id, org_path, "
                                    + "status, reason, filed_by, filed_at) VALUES (?,?,?,?,?,?,?,?,?)")
                    .params(
                            p.id(),
                            p.duplicateOfId(),
                            p.ownerType(),
                            p.ownerId(),
                            p.orgPath(),
                            ContestStatus.PENDING.name(),
                            why,
                            me,
                            ChinaTime.offsetNow())
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new ConflictException("这张照片已经提出过申诉，请查看裁定结果");
        }
        long id = keys.getKey().longValue();
        events.publishEvent(AuditEvent.success(
                "PHOTO_CONTEST_FILE",
                "PHOTO",
                p.id(),
                p.orgPath(),
                "申诉#" + id + " 原图#" + p.duplicateOfId() + "：" + why));
        return find(id).orElseThrow();
    }

    /** The bureau decides: upheld, the photo counts as evidence again; rejected, it stays a duplicate. */
    @Transactional
    public DuplicateContestView decide(long id, ContestStatus decision, String reason, Long version) {
        DuplicateContestView c = get(id);
        if (!mayDecide(scopes.current().role())) {
            throw new ForbiddenException("只有区县民政局可以裁定重复照片申诉");
        }
        List<BusinessException.FieldProblem> problems = new ArrayList<>();
        if (decision == null || decision == ContestStatus.PENDING) {
            problems.add(new BusinessException.FieldProblem("decision", "请选择裁定结果：申诉成立或申诉不成立"));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            problems.add(new BusinessException.FieldProblem("reason", "请填写裁定理由"));
        } else if (why.length() > MAX_REASON) {
            problems.add(new BusinessException.FieldProblem("reason", "裁定理由不能超过" + MAX_REASON + "字"));
        }
        if (version == null) {
            problems.add(new BusinessException.FieldProblem("version", "缺少版本号，请刷新页面后重试"));
        }
        if (!problems.isEmpty()) {
            throw new BusinessException("INVALID_INPUT", problems.get(0).message(), problems);
        }
        if (!c.pending() || c.version() != version) {
            throw new ConflictException("该申诉已由他人裁定或修改，请刷新页面后查看最新结果");
        }
        int n = jdbc.sql("UPDATE evidence_duplicate_contest SET status = ?, decision_reason = ?, decided_by = ?, "
                        + "decided_at = ?, version = version + 1 WHERE id = ? AND version = ? AND status = ?")
                .params(
                        decision.name(),
                        why,
                        scopes.currentUser().username(),
                        ChinaTime.offsetNow(),
                        id,
                        version,
                        ContestStatus.PENDING.name())
                .update();
        if (n == 0) {
            throw new ConflictException("该申诉已由他人裁定或修改，请刷新页面后查看最新结果");
        }
        events.publishEvent(AuditEvent.success(
                "PHOTO_CONTEST_DECIDE",
                "PHOTO",
                c.photoId(),
                c.orgPath(),
                "申诉#" + id + (decision == ContestStatus.UPHELD ? " 申诉成立" : " 申诉不成立") + "：" + why));
        // the owner is qualified again (an upheld contest clears the finding) and the compliance snapshot goes stale
        events.publishEvent(new EvidenceChanged(
                c.ownerType(),
                c.ownerId(),
                decision == ContestStatus.UPHELD ? "DUPLICATE_CONTEST_UPHELD" : "DUPLICATE_CONTEST_REJECTED"));
        return find(id).orElseThrow();
    }

    /** One contest inside the caller's scope (404 otherwise). */
    @Transactional(readOnly = true)
    public DuplicateContestView get(long id) {
        DuplicateContestView c = find(id).orElseThrow(() -> new NotFoundException("申诉"));
        if (!scopes.current().covers(c.orgPath())) {
            throw new NotFoundException("申诉");
        }
        return c;
    }

    /** Contests inside the caller's scope, newest first; {@code status} null = all. */
    @Transactional(readOnly = true)
    public List<DuplicateContestView> list(ContestStatus status, int limit) {
        Scope scope = scopes.current();
        List<Object> params = new ArrayList<>(scope.likePatterns());
        String sql = SELECT + "WHERE " + scope.sqlCondition("c.org_path");
        if (status != null) {
            sql += " AND c.status = ?";
            params.add(status.name());
        }
        sql += " ORDER BY c.filed_at DESC, c.id DESC";
        Map<String, Station> names = new HashMap<>();
        return jdbc.sql(sql).params(params).query(this::row).list().stream()
                .limit(Math.max(1, limit))
                .map(r -> r.view(names, this))
                .toList();
    }

    /** Of the given photos, those inside the caller's scope whose duplicate finding is contested and not yet decided. */
    @Transactional(readOnly = true)
    public java.util.Set<Long> pendingAmong(java.util.Collection<Long> photoIds) {
        if (photoIds.isEmpty()) {
            return java.util.Set.of();
        }
        Scope scope = scopes.current();
        List<Object> params = new ArrayList<>(scope.likePatterns());
        params.add(ContestStatus.PENDING.name());
        params.addAll(photoIds);
        return new java.util.HashSet<>(jdbc.sql("SELECT c.photo_id FROM evidence_duplicate_contest c WHERE "
                        + scope.sqlCondition("c.org_path") + " AND c.status = ? AND c.photo_id IN ("
                        + "?,".repeat(photoIds.size() - 1) + "?)")
                .params(params)
                .query(Long.class)
                .list());
    }

    /** How many contests wait for a decision inside the caller's scope. */
    @Transactional(readOnly = true)
    public long pendingCount() {
        Scope scope = scopes.current();
        List<Object> params = new ArrayList<>(scope.likePatterns());
        params.add(ContestStatus.PENDING.name());
        return jdbc.sql("SELECT COUNT(*) FROM evidence_duplicate_contest c WHERE " + scope.sqlCondition("c.org_path")
                        + " AND c.status = ?")
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Whether the current user decides contests (a county bureau officer). */
    public boolean decides() {
        return scopes.findCurrentUser()
                .map(CurrentUser::role)
                .filter(DuplicateContests::mayDecide)
                .isPresent();
    }

    private Optional<DuplicateContestView> contestOf(long photoId, long originalId) {
        return jdbc.sql(SELECT + "WHERE c.photo_id = ? AND c.original_photo_id = ?")
                .params(photoId, originalId)
                .query(this::row)
                .optional()
                .map(r -> r.view(new HashMap<>(), this));
    }

    private Optional<DuplicateContestView> find(long id) {
        return jdbc.sql(SELECT + "WHERE c.id = ?")
                .param(id)
                .query(this::row)
                .optional()
                .map(r -> r.view(new HashMap<>(), this));
    }

    private record Row(
            long id,
            long photoId,
            long originalPhotoId,
            String ownerType,
            long ownerId,
            String orgPath,
            String originalOrgPath,
            ContestStatus status,
            String reason,
            String filedBy,
            OffsetDateTime filedAt,
            String decisionReason,
            String decidedBy,
            OffsetDateTime decidedAt,
            long version) {

        DuplicateContestView view(Map<String, Station> names, DuplicateContests self) {
            return new DuplicateContestView(
                    id,
                    photoId,
                    ownerType,
                    ownerId,
                    self.stationName(orgPath, names),
                    originalPhotoId,
                    self.stationName(originalOrgPath, names),
                    status,
                    status.label(),
                    reason,
                    filedBy,
                    filedAt,
                    decisionReason,
                    decidedBy,
                    decidedAt,
                    version,
                    orgPath);
        }
    }

    private Row row(ResultSet rs, int i) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getLong("photo_id"),
                rs.getLong("original_photo_id"),
                rs.getString("owner_type"),
                rs.getLong("owner_id"),
                rs.getString("org_path"),
                rs.getString("original_org_path"),
                ContestStatus.valueOf(rs.getString("status")),
                rs.getString("reason"),
                rs.getString("filed_by"),
                rs.getObject("filed_at", OffsetDateTime.class),
                rs.getString("decision_reason"),
                rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class),
                rs.getLong("version"));
    }

    private static String text(String field, String value, String emptyMessage) {
        String s = value == null ? "" : value.strip();
        if (s.isEmpty()) {
            throw BusinessException.field(field, emptyMessage);
        }
        if (s.length() > MAX_REASON) {
            throw BusinessException.field(field, "申诉理由不能超过" + MAX_REASON + "字");
        }
        return s;
    }

    // ---- stations -------------------------------------------------------------------------------

    /** The 社工站 an org path lies in: its path and name (the deepest unit above a room when there is no station). */
    record Station(String path, String name) {}

    String stationName(String orgPath, Map<String, Station> cache) {
        return station(orgPath, cache).name();
    }

    /** Unscoped: a station's name is all the caller learns of another station. */
    Station station(String orgPath, Map<String, Station> cache) {
        if (orgPath == null) {
            return new Station("", "—");
        }
        return cache.computeIfAbsent(orgPath, path -> {
            List<Long> ids = new ArrayList<>();
            for (String part : path.split("/")) {
                if (!part.isBlank()) {
                    try {
                        ids.add(Long.parseLong(part));
                    } catch (NumberFormatException e) {
                        // not an id: ignore
                    }
                }
            }
            Map<Long, OrgUnitView> units = directory.units(ids);
            Station deepest = new Station(path, "—");
            for (long id : ids) {
                OrgUnitView u = units.get(id);
                if (u == null) {
                    continue;
                }
                if (u.type() == OrgUnitType.STATION) {
                    return new Station(u.path(), u.name());
                }
                if (u.type() != OrgUnitType.ROOM) {
                    deepest = new Station(u.path(), u.name());
                }
            }
            return deepest;
        });
    }
}
