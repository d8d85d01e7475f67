package cn.sgz.evaluation.internal;

import cn.sgz.evidence.EvidenceService;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.evidence.PhotoUpload;
import cn.sgz.evidence.PhotoView;
import cn.sgz.evidence.StoredFile;
import cn.sgz.evidence.UploadResult;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos an evaluator takes for a scored item of a station's score sheet (the 现场 evidence of a judgement), kept by
 * the evidence module under the stored score: uploaded by whoever may score in the open round, seen by everyone who
 * sees the sheet, downloaded only through the sheet.
 */
@Service
public class ScorePhotoService {

    static final String PHOTO_OWNER = "EVAL_SCORE";
    static final int MAX_PHOTOS = 9;

    private final JdbcClient jdbc;
    private final EvaluationAccess access;
    private final EvidenceService evidence;
    private final ApplicationEventPublisher events;

    ScorePhotoService(
            JdbcClient jdbc, EvaluationAccess access, EvidenceService evidence, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.evidence = evidence;
        this.events = events;
    }

    private Long scoreId(long roundId, long stationId, String itemCode) {
        return jdbc.sql("SELECT id FROM eval_score WHERE round_id = ? AND station_id = ? AND item_code = ?")
                .params(roundId, stationId, itemCode)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** Adds a photo to a scored item (team or bureau, open round: 409 when closed). */
    @Transactional
    public UploadResult add(long roundId, long stationId, String itemCode, RectificationService.PhotoFile file) {
        EvaluationAccess.RoundRef ref = access.writableRound(roundId);
        access.requireStation(ref, stationId);
        Long scoreId = scoreId(roundId, stationId, itemCode);
        if (scoreId == null) {
            throw BusinessException.field("itemCode", "请先保存评分项“" + itemCode + "”的评分，再上传照片");
        }
        if (file == null || file.content() == null) {
            throw BusinessException.field("file", "请选择要上传的照片");
        }
        if (live(scoreId).size() >= MAX_PHOTOS) {
            throw BusinessException.field("file", "每个评分项最多上传 " + MAX_PHOTOS + " 张照片");
        }
        String orgPath = access.pathOf(stationId);
        UploadResult r = evidence.upload(new PhotoUpload(
                PHOTO_OWNER,
                scoreId,
                orgPath,
                PhotoPurpose.SCENE,
                PhotoSource.GALLERY,
                file.uploadKey(),
                file.name(),
                file.size(),
                file.content(),
                null,
                access.unitName(stationId),
                "评估现场"));
        if (r.created()) {
            events.publishEvent(AuditEvent.success(
                    "EVAL_SCORE_PHOTO",
                    "EVAL_ROUND",
                    roundId,
                    orgPath,
                    "站点 " + stationId + " " + itemCode + " 评分照片 #" + r.photo().id()));
        }
        return r;
    }

    private List<PhotoView> live(long scoreId) {
        return evidence.photosOf(PHOTO_OWNER, scoreId).stream()
                .filter(p -> !p.removed())
                .toList();
    }

    /** Item code → its photos, for a sheet the user sees (404 otherwise). */
    @Transactional(readOnly = true)
    public Map<String, List<PhotoView>> photos(long roundId, long stationId) {
        EvaluationAccess.RoundRef ref = access.visibleRound(roundId);
        access.requireStation(ref, stationId);
        Map<String, List<PhotoView>> out = new LinkedHashMap<>();
        jdbc.sql("SELECT id, item_code FROM eval_score WHERE round_id = ? AND station_id = ? ORDER BY id")
                .params(roundId, stationId)
                .query((rs, i) -> Map.entry(rs.getString(2), rs.getLong(1)))
                .list()
                .forEach(e -> {
                    List<PhotoView> list = live(e.getValue());
                    if (!list.isEmpty()) {
                        out.put(e.getKey(), list);
                    }
                });
        return out;
    }

    @Transactional(readOnly = true)
    public List<PhotoView> photos(long roundId, long stationId, String itemCode) {
        return photos(roundId, stationId).getOrDefault(itemCode, List.of());
    }

    /** A photo's file, only through the sheet and item it belongs to (404 otherwise). */
    @Transactional(readOnly = true)
    public StoredFile file(long roundId, long stationId, String itemCode, long photoId, String variant) {
        if (photos(roundId, stationId, itemCode).stream().noneMatch(p -> p.id() == photoId)) {
            throw new NotFoundException("照片");
        }
        return evidence.open(photoId, variant);
    }
}
