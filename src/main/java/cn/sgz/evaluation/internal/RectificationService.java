package cn.sgz.evaluation.internal;

import cn.sgz.evaluation.RectificationBoard;
import cn.sgz.evidence.EvidenceService;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.evidence.PhotoUpload;
import cn.sgz.evidence.PhotoView;
import cn.sgz.evidence.StoredFile;
import cn.sgz.evidence.UploadResult;
import cn.sgz.org.Role;
import cn.sgz.org.Scope;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 整改事项: raised by the evaluators from a score-sheet item or a failed spot check, with a deadline; the
 * station answers with what it did; the evaluator closes it or reopens it with a note.
 */
@Service
public class RectificationService {

    /** Owner type of the photos a station sends with its answer (filed in the evidence module). */
    static final String PHOTO_OWNER = "RECTIFICATION";
    /** Photos one 整改事项 may carry. */
    static final int MAX_PHOTOS = 9;

    private final JdbcClient jdbc;
    private final EvaluationAccess access;
    private final SpotCheckService spotChecks;
    private final EvidenceService evidence;
    private final ApplicationEventPublisher events;

    RectificationService(
            JdbcClient jdbc,
            EvaluationAccess access,
            SpotCheckService spotChecks,
            EvidenceService evidence,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.spotChecks = spotChecks;
        this.evidence = evidence;
        this.events = events;
    }

    /** A photo file as it arrives (multipart part or API upload). */
    public record PhotoFile(String uploadKey, String name, long size, InputStream content) {}

    public enum Status {
        OPEN("待整改"),
        RESPONDED("已答复，待评估人确认"),
        CLOSED("已整改完成");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record RectificationForm(
            Long roundId,
            Long stationId,
            String itemCode,
            Long spotCheckItemId,
            String title,
            String requirement,
            LocalDate deadline) {}

    public record RectificationView(
            long id,
            long projectId,
            Long roundId,
            long stationId,
            String stationName,
            String sourceType,
            String sourceRef,
            String title,
            String requirement,
            LocalDate deadline,
            boolean overdue,
            String status,
            String statusLabel,
            String response,
            String respondedBy,
            OffsetDateTime respondedAt,
            String reviewNote,
            String closedBy,
            OffsetDateTime closedAt,
            String createdBy,
            OffsetDateTime createdAt,
            boolean canRespond,
            boolean canReview,
            long version) {}

    @Transactional
    public RectificationView raise(RectificationForm f) {
        long projectId;
        Long roundId;
        long stationId;
        String orgPath;
        String sourceType;
        String sourceRef;
        if (f.spotCheckItemId() != null) {
            SpotCheckService.FailedItem item = spotChecks.failedItem(f.spotCheckItemId());
            if (item.roundId() != null && !access.findRound(item.roundId()).open()) {
                throw new ConflictException("该评估已结束，不能再提出整改");
            }
            projectId = item.projectId();
            roundId = item.roundId();
            stationId = item.stationId();
            orgPath = item.orgPath();
            sourceType = "SPOT_CHECK";
            sourceRef = "抽查 #" + item.checkId() + " 记录 #" + item.recordId();
        } else {
            if (f.roundId() == null || f.stationId() == null) {
                throw BusinessException.field(f.roundId() == null ? "roundId" : "stationId", "请选择评估和社工站");
            }
            EvaluationAccess.RoundRef r = access.writableRound(f.roundId());
            access.requireStation(r, f.stationId());
            projectId = r.projectId();
            roundId = r.id();
            stationId = f.stationId();
            orgPath = access.pathOf(stationId);
            sourceType = "ITEM";
            sourceRef = f.itemCode() == null || f.itemCode().isBlank()
                    ? null
                    : f.itemCode().strip();
        }
        String title = f.title() == null ? "" : f.title().strip();
        if (title.length() < 2 || title.length() > 200) {
            throw BusinessException.field("title", "请填写整改事项（2～200个字）");
        }
        String req = f.requirement() == null ? "" : f.requirement().strip();
        if (req.length() < 2 || req.length() > 2000) {
            throw BusinessException.field("requirement", "请填写整改要求（2～2000个字）");
        }
        if (f.deadline() == null) {
            throw BusinessException.field("deadline", "请填写整改期限");
        }
        if (f.deadline().isBefore(ChinaTime.today())) {
            throw BusinessException.field("deadline", "整改期限不能早于今天");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO rectification (project_id, round_id, station_id, org_path, source_type, source_ref, title, "
                                + "requirement, deadline, status, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,'OPEN',?,?)")
                .params(
                        projectId,
                        roundId,
                        stationId,
                        orgPath,
                        sourceType,
                        sourceRef,
                        title,
                        req,
                        f.deadline(),
                        access.me().displayName(),
                        ChinaTime.offsetNow())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        events.publishEvent(AuditEvent.success(
                "RECTIFICATION_RAISE", "RECTIFICATION", id, orgPath, title + "（期限 " + f.deadline() + "）"));
        return get(id);
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("SELECT * FROM rectification WHERE id = ?").param(id).query().listOfRows().stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("整改事项"));
    }

    /** Visible: station side in scope of the station; bureau in scope; evaluators on the round's team. */
    private boolean sees(String orgPath, Long roundId) {
        Role role = access.me().role();
        if (role == Role.EVALUATOR) {
            return roundId != null && access.member(roundId);
        }
        return access.scope().covers(orgPath)
                || roundId != null && role == Role.BUREAU_OFFICER && access.member(roundId);
    }

    private boolean reviews(Long roundId, String orgPath) {
        Role role = access.me().role();
        if (roundId != null && !access.findRound(roundId).open()) {
            return false;
        }
        if (role == Role.ADMIN) {
            return true;
        }
        if (role == Role.BUREAU_OFFICER && access.scope().covers(orgPath)) {
            return true;
        }
        return (role == Role.EVALUATOR || role == Role.BUREAU_OFFICER) && roundId != null && access.member(roundId);
    }

    @Transactional(readOnly = true)
    public RectificationView get(long id) {
        Map<String, Object> r = row(id);
        Long roundId = r.get("round_id") == null ? null : ((Number) r.get("round_id")).longValue();
        if (!sees((String) r.get("org_path"), roundId)) {
            throw new NotFoundException("整改事项");
        }
        return view(r);
    }

    private RectificationView view(Map<String, Object> r) {
        Long roundId = r.get("round_id") == null ? null : ((Number) r.get("round_id")).longValue();
        String orgPath = (String) r.get("org_path");
        long stationId = ((Number) r.get("station_id")).longValue();
        Status status = Status.valueOf((String) r.get("status"));
        LocalDate deadline = date(r.get("deadline"));
        boolean stationSide = access.isStationSide() && access.scope().covers(orgPath);
        return new RectificationView(
                ((Number) r.get("id")).longValue(),
                ((Number) r.get("project_id")).longValue(),
                roundId,
                stationId,
                stationName(stationId),
                (String) r.get("source_type"),
                (String) r.get("source_ref"),
                (String) r.get("title"),
                (String) r.get("requirement"),
                deadline,
                status != Status.CLOSED && deadline.isBefore(ChinaTime.today()),
                status.name(),
                status.label(),
                (String) r.get("response"),
                (String) r.get("responded_by"),
                offset(r.get("responded_at")),
                (String) r.get("review_note"),
                (String) r.get("closed_by"),
                offset(r.get("closed_at")),
                (String) r.get("created_by"),
                offset(r.get("created_at")),
                stationSide && status == Status.OPEN,
                reviews(roundId, orgPath) && status != Status.CLOSED,
                ((Number) r.get("version")).longValue());
    }

    private String stationName(long stationId) {
        return access.unitName(stationId);
    }

    @Transactional(readOnly = true)
    public List<RectificationView> list(Long roundId, Long stationId, boolean openOnly) {
        Scope scope = access.scope();
        StringBuilder sql = new StringBuilder("SELECT * FROM rectification WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (roundId != null) {
            access.visibleRound(roundId);
            sql.append(" AND round_id = ?");
            params.add(roundId);
        }
        if (stationId != null) {
            sql.append(" AND station_id = ?");
            params.add(stationId);
        }
        if (openOnly) {
            sql.append(" AND status <> 'CLOSED'");
        }
        if (access.me().role() != Role.EVALUATOR && roundId == null) {
            sql.append(" AND ").append(scope.sqlCondition("org_path"));
            params.addAll(scope.likePatterns());
        }
        sql.append(" ORDER BY deadline, id");
        List<Map<String, Object>> rows =
                jdbc.sql(sql.toString()).params(params).query().listOfRows();
        access.preloadRounds(rows.stream()
                .filter(r -> r.get("round_id") != null)
                .map(r -> ((Number) r.get("round_id")).longValue())
                .toList());
        return rows.stream()
                .filter(r -> sees(
                        (String) r.get("org_path"),
                        r.get("round_id") == null ? null : ((Number) r.get("round_id")).longValue()))
                .map(this::view)
                .toList();
    }

    public List<RectificationBoard.OpenItem> openItems() {
        if (access.me().role() == Role.CITY_OFFICER) {
            return List.of();
        }
        return list(null, null, true).stream()
                .map(v -> new RectificationBoard.OpenItem(
                        v.id(),
                        v.stationId(),
                        v.stationName(),
                        v.title(),
                        v.deadline(),
                        v.statusLabel(),
                        v.overdue(),
                        "/rectifications/" + v.id()))
                .toList();
    }

    @Transactional
    public RectificationView respond(long id, String response, Long version) {
        return respond(id, response, version, List.of());
    }

    /**
     * The station answers with what it did and, optionally, photos of it (checked by the evidence module: content
     * type by its bytes, size); a refused photo keeps the whole answer from being saved.
     */
    @Transactional
    public RectificationView respond(long id, String response, Long version, List<PhotoFile> photos) {
        RectificationView v = answerable(id, "答复整改事项");
        String text = response == null ? "" : response.strip();
        if (text.length() < 2 || text.length() > 2000) {
            throw BusinessException.field("response", "请填写整改情况（2～2000个字）");
        }
        if (version == null) {
            throw BusinessException.field("version", "缺少版本号：请先读取整改事项，再带着读取到的 version 提交");
        }
        if (version != v.version()) {
            throw new ConflictException("保存失败：该整改事项在您打开之后已被他人修改，请刷新后重试");
        }
        for (PhotoFile f : photos) {
            storePhoto(v, f);
        }
        update(
                id,
                version,
                "UPDATE rectification SET status = 'RESPONDED', response = ?, responded_by = ?, "
                        + "responded_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                text,
                access.me().displayName(),
                ChinaTime.offsetNow());
        events.publishEvent(AuditEvent.success(
                "RECTIFICATION_RESPOND",
                "RECTIFICATION",
                id,
                row(id).get("org_path").toString(),
                text));
        return get(id);
    }

    /** A closed round is read-only, its 整改事项 included (409). */
    private void requireOpenRound(RectificationView v) {
        if (v.roundId() != null && !access.findRound(v.roundId()).open()) {
            throw new ConflictException("该整改事项所属的评估已结束，成绩已冻结，不能再修改");
        }
    }

    /** The station's own item, still waiting for its answer (404 out of scope, 403 for others, 409 when answered). */
    private RectificationView answerable(long id, String what) {
        RectificationView v = get(id);
        requireOpenRound(v);
        if (!access.isStationSide()
                || !access.scope().covers(row(id).get("org_path").toString())) {
            throw new ForbiddenException("只有该社工站可以" + what);
        }
        if (!Status.OPEN.name().equals(v.status())) {
            throw new ConflictException("该整改事项" + v.statusLabel() + "，不能再" + what);
        }
        return v;
    }

    /** Adds one photo of what was done (the station, while the item waits for its answer). */
    @Transactional
    public UploadResult addPhoto(long id, PhotoFile file) {
        return storePhoto(answerable(id, "上传整改照片"), file);
    }

    private UploadResult storePhoto(RectificationView v, PhotoFile file) {
        if (file == null || file.content() == null) {
            throw BusinessException.field("file", "请选择要上传的照片");
        }
        long existing = evidence.photosOf(PHOTO_OWNER, v.id()).stream()
                .filter(p -> !p.removed())
                .count();
        if (existing >= MAX_PHOTOS) {
            throw BusinessException.field("file", "每个整改事项最多上传 " + MAX_PHOTOS + " 张照片");
        }
        String orgPath = row(v.id()).get("org_path").toString();
        UploadResult r = evidence.upload(new PhotoUpload(
                PHOTO_OWNER,
                v.id(),
                orgPath,
                PhotoPurpose.SCENE,
                PhotoSource.GALLERY,
                file.uploadKey(),
                file.name(),
                file.size(),
                file.content(),
                null,
                v.stationName(),
                "整改佐证"));
        if (r.created()) {
            events.publishEvent(AuditEvent.success(
                    "RECTIFICATION_PHOTO",
                    "RECTIFICATION",
                    v.id(),
                    orgPath,
                    v.title() + "：整改照片 #" + r.photo().id()));
        }
        return r;
    }

    /** The photos of an item the user sees (404 otherwise). */
    @Transactional(readOnly = true)
    public List<PhotoView> photos(long id) {
        get(id);
        return evidence.photosOf(PHOTO_OWNER, id).stream()
                .filter(p -> !p.removed())
                .toList();
    }

    /** One photo's file, only through an item the user sees and only that item's photo (404 otherwise). */
    @Transactional(readOnly = true)
    public StoredFile photoFile(long id, long photoId, String variant) {
        if (photos(id).stream().noneMatch(p -> p.id() == photoId)) {
            throw new NotFoundException("照片");
        }
        return evidence.open(photoId, variant);
    }

    /** The station takes a wrong photo off the item before answering. */
    @Transactional
    public void removePhoto(long id, long photoId) {
        RectificationView v = answerable(id, "删除整改照片");
        if (photos(id).stream().noneMatch(p -> p.id() == photoId)) {
            throw new NotFoundException("照片");
        }
        evidence.remove(photoId, PHOTO_OWNER, id, "社工站删除整改照片");
        events.publishEvent(AuditEvent.success(
                "RECTIFICATION_PHOTO_REMOVE",
                "RECTIFICATION",
                id,
                row(id).get("org_path").toString(),
                v.title() + "：删除整改照片 #" + photoId));
    }

    /** The evaluator closes the item (done) or reopens it with a note (not done yet). */
    @Transactional
    public RectificationView review(long id, boolean close, String note, Long version) {
        RectificationView v = get(id);
        requireOpenRound(v);
        if (!v.canReview()) {
            throw new ForbiddenException("只有评估小组成员或区/县民政局可以确认整改");
        }
        String n = note == null ? null : note.strip();
        if (!close && (n == null || n.length() < 2)) {
            throw BusinessException.field("note", "退回重新整改须写明原因");
        }
        if (n != null && n.length() > 1000) {
            throw BusinessException.field("note", "说明不能超过1000个字");
        }
        if (close) {
            update(
                    id,
                    version,
                    "UPDATE rectification SET status = 'CLOSED', review_note = ?, closed_by = ?, closed_at = ?, "
                            + "version = version + 1 WHERE id = ? AND version = ?",
                    n,
                    access.me().displayName(),
                    ChinaTime.offsetNow());
        } else {
            update(
                    id,
                    version,
                    "UPDATE rectification SET status = 'OPEN', review_note = ?, closed_by = NULL, "
                            + "closed_at = NULL, version = version + 1 WHERE id = ? AND version = ?",
                    n);
        }
        events.publishEvent(AuditEvent.success(
                close ? "RECTIFICATION_CLOSE" : "RECTIFICATION_REOPEN",
                "RECTIFICATION",
                id,
                row(id).get("org_path").toString(),
                n));
        return get(id);
    }

    private void update(long id, Long version, String sql, Object... values) {
        if (version == null) {
            throw BusinessException.field("version", "缺少版本号：请先读取整改事项，再带着读取到的 version 提交");
        }
        List<Object> params = new ArrayList<>(java.util.Arrays.asList(values)); // a note may be null
        params.add(id);
        params.add(version);
        if (jdbc.sql(sql).params(params).update() != 1) {
            throw new ConflictException("保存失败：该整改事项在您打开之后已被他人修改，请刷新后重试");
        }
    }

    private static LocalDate date(Object o) {
        return o instanceof java.sql.Date d
                ? d.toLocalDate()
                : o instanceof LocalDate l ? l : LocalDate.parse(o.toString());
    }

    private static OffsetDateTime offset(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.ofHours(8));
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.ofHours(8));
        }
        return OffsetDateTime.parse(o.toString());
    }
}
