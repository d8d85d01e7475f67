package cn.sgz.evidence.internal;

import cn.sgz.evidence.DeviceCapture;
import cn.sgz.evidence.EvidenceChanged;
import cn.sgz.evidence.FileStore;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.evidence.PhotoUpload;
import cn.sgz.evidence.PhotoView;
import cn.sgz.evidence.StoredFile;
import cn.sgz.evidence.UploadResult;
import cn.sgz.evidence.internal.CopyPrints.Prints;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.KeyReusedException;
import cn.sgz.shared.NotFoundException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The upload pipeline and photo queries behind {@link cn.sgz.evidence.EvidenceService}: size limit,
 * content sniffing, safe decoding, EXIF, hashes, files, watermark copy, duplicate index, events.
 */
@Service
public class PhotoService {

    private static final Logger log = LoggerFactory.getLogger(PhotoService.class);
    private static final DateTimeFormatter STAMP_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss EEEE", Locale.CHINA);
    private static final String SELECT =
            "SELECT p.*, o.owner_type AS dup_owner_type, o.owner_id AS dup_owner_id, c.status AS contest_status "
                    + "FROM evidence_photo p LEFT JOIN evidence_photo o ON o.id = p.duplicate_of_id "
                    // a contest of the finding (V87): only for the pair as flagged now
                    + "LEFT JOIN evidence_duplicate_contest c ON c.photo_id = p.id AND c.original_photo_id = p.duplicate_of_id ";

    private final JdbcClient jdbc;
    private final FileStore files;
    private final EvidenceSettings settings;
    private final DuplicateIndex index;
    private final Watermarker watermarker;
    private final ScopeService scopes;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate newTransaction;

    PhotoService(
            JdbcClient jdbc,
            FileStore files,
            EvidenceSettings settings,
            DuplicateIndex index,
            Watermarker watermarker,
            ScopeService scopes,
            ApplicationEventPublisher events,
            PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.files = files;
        this.settings = settings;
        this.index = index;
        this.watermarker = watermarker;
        this.scopes = scopes;
        this.events = events;
        this.newTransaction = new TransactionTemplate(tx);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Watermarker watermarker() {
        return watermarker;
    }

    public long maxPhotoBytes() {
        return settings.maxPhotoBytes;
    }

    @Transactional
    public UploadResult upload(PhotoUpload u) {
        if (!scopes.current().covers(u.orgPath())) {
            throw new NotFoundException("记录");
        }
        String key = u.uploadKey() == null || u.uploadKey().isBlank()
                ? null
                : u.uploadKey().strip();
        if (key != null && (key.length() > 80 || !key.matches("[A-Za-z0-9._:-]+"))) {
            throw BusinessException.field("uploadId", "上传编号只能包含字母、数字和 . _ : -，且不超过80个字符");
        }
        String uploader =
                scopes.findCurrentUser().map(cn.sgz.org.CurrentUser::username).orElse("system");
        if (u.content() == null) {
            // a chunked upload completed again after its photo was stored: only the stored photo can answer
            if (key == null) {
                throw BusinessException.field("file", "请选择要上传的照片");
            }
            return replay(findByUploadKey(key, uploader).orElseThrow(() -> new NotFoundException("这次上传")), u);
        }
        if (u.declaredSize() > settings.maxPhotoBytes) {
            throw tooLarge(u.declaredSize());
        }
        if (u.declaredSize() == 0) {
            throw BusinessException.field("file", "请选择要上传的照片");
        }
        Path temp = null;
        List<String> written = new ArrayList<>();
        try {
            Files.createDirectories(settings.filesDir.resolve("tmp"));
            temp = Files.createTempFile(settings.filesDir.resolve("tmp"), "upload-", ".part");
            String sha256 = copyLimited(u.content(), temp);
            long size = Files.size(temp);
            if (size == 0) {
                throw BusinessException.field("file", "上传的文件是空的，请重新选择照片");
            }
            if (key != null) {
                // keys are the uploader's own: a retry with the same key and the same bytes replays,
                // the same key with other bytes is a client error (422), never a silent mix-up
                Optional<PhotoView> existing = findByUploadKey(key, uploader);
                if (existing.isPresent()) {
                    if (!existing.get().sha256().equals(sha256)) {
                        throw new KeyReusedException("uploadId", "该上传编号已用于另一张照片：同一编号只能重试同一张照片，" + "请为新照片使用新的上传编号");
                    }
                    return replay(existing.get(), u);
                }
            }
            if (key == null) {
                // the same bytes may already be on the record more than once (stored under two keys): take the first
                Optional<PhotoView> same = jdbc
                        .sql(SELECT + "WHERE p.owner_type = ? AND p.owner_id = ? AND p.sha256 = ? "
                                + "AND p.removed_at IS NULL ORDER BY p.id")
                        .params(u.ownerType(), u.ownerId(), sha256)
                        .query(PhotoService::map)
                        .list()
                        .stream()
                        .findFirst();
                if (same.isPresent()) {
                    return new UploadResult(same.get(), false, null);
                }
            }
            ImageFormat format = sniff(temp);
            ImageLoader.Decoded decoded = ImageLoader.decode(temp, settings);
            ExifData exif = ExifData.read(temp);
            BufferedImage upright = ImageLoader.upright(decoded.image(), exif.orientation());
            Prints fp = CopyPrints.of(ImageLoader.scaled(upright, settings.decodeSide));

            OffsetDateTime now = ChinaTime.offsetNow();
            DeviceCapture device = u.device();
            OffsetDateTime captured = exif.capturedAt();
            String timeSource = captured == null ? null : "EXIF";
            if (captured == null && device != null && device.takenAt() != null && u.source() == PhotoSource.CAMERA) {
                if (device.takenAt().isAfter(now.plusMinutes(10))) {
                    throw BusinessException.field("takenAt", "手机时间比服务器时间快，请先校准手机时间再拍照");
                }
                captured = device.takenAt();
                timeSource = "DEVICE";
            }
            Double lat = exif.latitude();
            Double lon = exif.longitude();
            String positionSource = lat == null ? null : "EXIF";
            if (lat == null
                    && device != null
                    && device.latitude() != null
                    && device.longitude() != null
                    && Math.abs(device.latitude()) <= 90
                    && Math.abs(device.longitude()) <= 180) {
                lat = device.latitude();
                lon = device.longitude();
                positionSource = "DEVICE";
            }

            String base = "photos/" + now.getYear() + "/" + String.format("%02d", now.getMonthValue()) + "/"
                    + UUID.randomUUID();
            String fileKey = base + "." + format.extension;
            files.put(fileKey, temp);
            written.add(fileKey);
            temp = null;
            String thumbKey = base + "-thumb.jpg";
            files.put(thumbKey, ImageLoader.jpeg(ImageLoader.scaled(upright, settings.thumbSide), 0.8f));
            written.add(thumbKey);
            String stampedKey = null;
            String warning = null;
            if (u.source() == PhotoSource.CAMERA) {
                Watermarker.Stamped stamped = watermarker.stamp(
                        ImageLoader.scaled(upright, 1920),
                        stampLines(captured == null ? now : captured, u, lat, lon, device));
                stampedKey = base + "-stamped.jpg";
                files.put(stampedKey, ImageLoader.jpeg(stamped.image(), 0.88f));
                written.add(stampedKey);
                if (stamped.chineseOmitted()) {
                    warning = Watermarker.NO_FONT_WARNING;
                }
            }
            registerCleanupOnRollback(written);
            long id;
            try {
                var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
                jdbc.sql("INSERT INTO evidence_photo (owner_type, owner_id, org_path, purpose, source, upload_key, "
                                + "sha256, content_type, byte_size, width, height, file_key, thumb_key, stamped_key, "
                                + "original_name, captured_at, time_source, latitude, longitude, position_source, phash, "
                                + "signature, fingerprint_version, uploaded_by, uploaded_at) "
                                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                        .params(
                                u.ownerType(),
                                u.ownerId(),
                                u.orgPath(),
                                u.purpose().name(),
                                u.source().name(),
                                key,
                                sha256,
                                format.contentType,
                                size,
                                decoded.width(),
                                decoded.height(),
                                fileKey,
                                thumbKey,
                                stampedKey,
                                cut(u.originalName(), 200),
                                captured,
                                timeSource,
                                lat,
                                lon,
                                positionSource,
                                fp.stored().full(),
                                fp.stored().bytes(),
                                CopyPrints.VERSION,
                                uploader,
                                now)
                        .update(keys, "id");
                id = keys.getKey().longValue();
            } catch (DuplicateKeyException e) {
                throw new ConflictException("同一张照片正在上传中，请稍后刷新页面查看");
            }
            detectDuplicate(id, fp, sha256);
            index.add(id, fp.stored());
            events.publishEvent(new EvidenceChanged(u.ownerType(), u.ownerId(), "PHOTO_ADDED"));
            PhotoView view = get(id).orElseThrow();
            if (view.duplicate()) {
                events.publishEvent(
                        new EvidenceChanged(view.duplicateOfOwnerType(), view.duplicateOfOwnerId(), "PHOTO_REUSED"));
            }
            events.publishEvent(AuditEvent.success(
                    "PHOTO_UPLOAD",
                    "PHOTO",
                    id,
                    u.orgPath(),
                    u.ownerType() + "#" + u.ownerId() + (view.duplicate() ? " 重复照片，原图#" + view.duplicateOfId() : "")));
            reconcileAfterCommit(id, fp);
            return new UploadResult(view, true, warning);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    private UploadResult replay(PhotoView existing, PhotoUpload u) {
        if (!existing.ownerType().equals(u.ownerType()) || existing.ownerId() != u.ownerId()) {
            throw new ConflictException("该上传编号已用于另一条记录的照片，请重新选择照片上传");
        }
        return new UploadResult(existing, false, null);
    }

    private List<String> stampLines(OffsetDateTime time, PhotoUpload u, Double lat, Double lon, DeviceCapture device) {
        List<String> lines = new ArrayList<>();
        lines.add(time.atZoneSameInstant(ZoneOffset.ofHours(8)).format(STAMP_TIME));
        if (u.stationName() != null) {
            lines.add(u.stationName());
        }
        if (u.placeName() != null && !u.placeName().isBlank()) {
            lines.add("地点：" + u.placeName().strip());
        }
        if (lat != null && lon != null) {
            String acc = device != null && device.accuracyMeters() != null
                    ? String.format(" ±%.0fm", device.accuracyMeters())
                    : "";
            lines.add(String.format(Locale.ROOT, "%.5f°N %.5f°E%s", lat, lon, acc));
        } else {
            lines.add("未获取到定位");
        }
        lines.add("社工站服务管理平台·水印相机");
        return lines;
    }

    private void detectDuplicate(long id, Prints fp, String sha256) {
        Optional<Long> exact = jdbc
                .sql("SELECT id FROM evidence_photo WHERE sha256 = ? AND id < ? AND removed_at IS NULL "
                        + "ORDER BY id")
                .params(sha256, id)
                .query(Long.class)
                .list()
                .stream()
                .findFirst();
        if (exact.isPresent()) {
            flag(id, root(exact.get()), "EXACT", 0, 0.0);
            return;
        }
        index.findMatch(fp, Set.of(id))
                .filter(m -> m.photoId() < id)
                .ifPresent(m -> flag(id, root(m.photoId()), "SIMILAR", m.distance(), m.alignedDifference()));
    }

    private long root(long photoId) {
        Long up = jdbc.sql("SELECT duplicate_of_id FROM evidence_photo WHERE id = ?")
                .param(photoId)
                .query(Long.class)
                .optional()
                .orElse(null);
        return up == null ? photoId : up;
    }

    private void flag(long id, long originalId, String kind, int distance, double score) {
        jdbc.sql("UPDATE evidence_photo SET duplicate_of_id = ?, duplicate_kind = ?, duplicate_distance = ?, "
                        + "duplicate_score = ? WHERE id = ?")
                .params(originalId, kind, distance, score, id)
                .update();
    }

    /**
     * Two instances may store copies of one photo at the same moment, each before the other's row is
     * visible. After commit the newer photo looks again: whichever of a matching pair has the higher
     * id is the duplicate, so the pair is flagged no matter which transaction committed first.
     */
    private void reconcileAfterCommit(long id, Prints fp) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    newTransaction.executeWithoutResult(s -> reconcile(id, fp));
                } catch (RuntimeException e) {
                    log.warn("重复照片复查失败（照片 {}）：{}", id, e.toString());
                }
            }
        });
    }

    void reconcile(long id, Prints fp) {
        PhotoView self = get(id).orElse(null);
        if (self == null || self.removed()) {
            return;
        }
        for (DuplicateIndex.Candidate c : index.candidates(fp)) {
            if (c.photoId() <= id) {
                continue;
            }
            PhotoView later = get(c.photoId()).orElse(null);
            if (later == null || later.duplicate() || later.removed()) {
                continue;
            }
            byte[] sig = jdbc.sql("SELECT signature FROM evidence_photo WHERE id = ?")
                    .param(c.photoId())
                    .query(byte[].class)
                    .single();
            java.util.OptionalDouble score = index.score(fp, c, sig);
            if (score.isPresent()) {
                flag(
                        later.id(),
                        self.duplicate() ? self.duplicateOfId() : id,
                        "SIMILAR",
                        c.distance(),
                        score.getAsDouble());
                events.publishEvent(new EvidenceChanged(later.ownerType(), later.ownerId(), "PHOTO_DUPLICATE_LATE"));
                events.publishEvent(new EvidenceChanged(self.ownerType(), self.ownerId(), "PHOTO_REUSED"));
            }
        }
    }

    private void registerCleanupOnRollback(List<String> keys) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        List<String> copy = List.copyOf(keys);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    for (String k : copy) {
                        try {
                            files.delete(k);
                        } catch (IOException | RuntimeException ignored) {
                            // an orphan file is harmless; the row was never written
                        }
                    }
                }
            }
        });
    }

    private ImageFormat sniff(Path file) throws IOException {
        byte[] head = new byte[32];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return accepted(head, n);
    }

    /** The image type of a file's first bytes, or the clear Chinese refusal of anything that is not a photo. */
    static ImageFormat accepted(byte[] head, int n) {
        ImageFormat format = ImageFormat.sniff(head, n);
        if (format == ImageFormat.HEIC) {
            throw new BusinessException(
                    "UNSUPPORTED_HEIC",
                    "暂不支持 HEIC/HEIF 格式的照片（苹果手机默认格式）。请在手机" + "“设置→相机→格式”中选择“兼容性最佳”，或直接使用本平台的“水印相机”拍照。");
        }
        if (format == ImageFormat.UNKNOWN) {
            throw new BusinessException("UNSUPPORTED_TYPE", "文件内容不是照片：只接受 JPEG、PNG、WebP 格式的图片" + "（按文件内容识别，改扩展名无效）。");
        }
        return format;
    }

    private String copyLimited(InputStream in, Path target) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long max = settings.maxPhotoBytes;
        try (InputStream src = new DigestInputStream(in, digest);
                OutputStream out = Files.newOutputStream(target)) {
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int r;
            while ((r = src.read(buf)) != -1) {
                total += r;
                if (total > max) {
                    throw tooLarge(total);
                }
                out.write(buf, 0, r);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    BusinessException tooLarge(long size) {
        return new BusinessException(
                "PHOTO_TOO_LARGE",
                String.format(
                        "照片太大（%.1f MB），单张照片不能超过 %d MB。" + "请在手机上选择“压缩”或使用水印相机重新拍摄。",
                        size / 1048576.0, settings.maxPhotoBytes / 1048576));
    }

    // ---- queries ----------------------------------------------------------------------------

    public Optional<PhotoView> get(long id) {
        return jdbc.sql(SELECT + "WHERE p.id = ?")
                .param(id)
                .query(PhotoService::map)
                .optional();
    }

    Optional<PhotoView> findByUploadKey(String key, String uploader) {
        return jdbc.sql(SELECT + "WHERE p.upload_key = ? AND p.uploaded_by = ?")
                .params(key, uploader)
                .query(PhotoService::map)
                .optional();
    }

    public List<PhotoView> photosOf(String ownerType, long ownerId) {
        return jdbc.sql(SELECT + "WHERE p.owner_type = ? AND p.owner_id = ? ORDER BY p.id")
                .params(ownerType, ownerId)
                .query(PhotoService::map)
                .list();
    }

    /** Live photos elsewhere that were flagged as copies of this owner's photos. */
    public List<PhotoView> reusesOf(String ownerType, long ownerId) {
        return jdbc.sql(SELECT + "WHERE o.owner_type = ? AND o.owner_id = ? AND p.removed_at IS NULL "
                        + "AND (c.status IS NULL OR c.status <> 'UPHELD') ORDER BY p.id")
                .params(ownerType, ownerId)
                .query(PhotoService::map)
                .list();
    }

    public PhotoView visible(long id) {
        PhotoView p = get(id).orElseThrow(() -> new NotFoundException("照片"));
        if (!scopes.current().covers(p.orgPath())) {
            throw new NotFoundException("照片");
        }
        return p;
    }

    public StoredFile open(long id, String variant) {
        Streamed f = openStream(id, variant);
        try (InputStream in = f.content()) {
            return new StoredFile(in.readAllBytes(), f.contentType(), f.filename());
        } catch (IOException e) {
            log.error("照片 {} 的文件读取失败：{}", id, e.toString());
            throw new NotFoundException("照片文件");
        }
    }

    /** A photo file opened for streaming (the caller closes it): nothing is read into memory here. */
    public record Streamed(InputStream content, String contentType, String filename) {}

    /** Like {@link #open}, but streamed from the file store (local disk or bucket) to the caller. */
    public Streamed openStream(long id, String variant) {
        PhotoView p = visible(id);
        Row r = jdbc.sql("SELECT file_key, thumb_key, stamped_key, content_type FROM evidence_photo WHERE id = ?")
                .param(id)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single();
        String key;
        String type;
        String name;
        switch (variant) {
            case "thumb" -> {
                key = r.thumb();
                type = "image/jpeg";
                name = "photo-" + id + "-thumb.jpg";
            }
            case "stamped" -> {
                key = r.stamped() != null ? r.stamped() : r.file();
                type = r.stamped() != null ? "image/jpeg" : r.type();
                name = "photo-" + id + (r.stamped() != null ? "-watermark.jpg" : "." + ext(r.type()));
            }
            case "original" -> {
                key = r.file();
                type = r.type();
                name = "photo-" + id + "." + ext(r.type());
            }
            default -> throw new NotFoundException("照片");
        }
        InputStream in;
        try {
            in = files.open(key);
        } catch (java.nio.file.NoSuchFileException e) {
            // the row is there, the file is not (a lost object, an unfinished migration): say which, keep the 404
            log.error("照片 {} 的文件 {} 在文件存储中不存在：{}", id, key, e.getFile());
            throw new NotFoundException("照片文件");
        } catch (IOException e) {
            log.error("照片 {} 的文件 {} 读取失败：{}", id, key, e.toString());
            throw new NotFoundException("照片文件");
        }
        if (!"thumb".equals(variant)) {
            events.publishEvent(AuditEvent.success("PHOTO_DOWNLOAD", "PHOTO", id, p.orgPath(), variant));
        }
        return new Streamed(in, type, name);
    }

    private static String ext(String contentType) {
        return switch (contentType) {
            case "image/png" -> "png";
            case "image/webp" -> "webp";
            default -> "jpg";
        };
    }

    private record Row(String file, String thumb, String stamped, String type) {}

    // ---- removal ----------------------------------------------------------------------------

    @Transactional
    public PhotoView remove(long id, String ownerType, long ownerId, String reason) {
        PhotoView p = visible(id);
        if (!p.ownerType().equals(ownerType) || p.ownerId() != ownerId) {
            throw new NotFoundException("照片");
        }
        if (!p.removed()) {
            markRemoved(p, reason);
        }
        return get(id).orElseThrow();
    }

    /** Removes every live photo of an owner (e.g. when the owner record is voided). */
    @Transactional
    public int releaseOwner(String ownerType, long ownerId, String reason) {
        List<PhotoView> live =
                photosOf(ownerType, ownerId).stream().filter(p -> !p.removed()).toList();
        for (PhotoView p : live) {
            markRemoved(p, reason);
        }
        return live.size();
    }

    private void markRemoved(PhotoView p, String reason) {
        jdbc.sql("UPDATE evidence_photo SET removed_at = ?, removed_reason = ? WHERE id = ?")
                .params(ChinaTime.offsetNow(), cut(reason, 200), p.id())
                .update();
        index.remove(p.id());
        events.publishEvent(new EvidenceChanged(p.ownerType(), p.ownerId(), "PHOTO_REMOVED"));
        events.publishEvent(AuditEvent.success("PHOTO_REMOVE", "PHOTO", p.id(), p.orgPath(), cut(reason, 200)));
        // photos that copied this one are judged again: the earliest of them may now be the original
        List<Long> dependents = jdbc.sql("SELECT id FROM evidence_photo WHERE duplicate_of_id = ? ORDER BY id")
                .param(p.id())
                .query(Long.class)
                .list();
        for (long d : dependents) {
            jdbc.sql(
                            "UPDATE evidence_photo SET duplicate_of_id = NULL, duplicate_kind = NULL, duplicate_distance = NULL, "
                                    + "duplicate_score = NULL WHERE id = ?")
                    .param(d)
                    .update();
        }
        for (long d : dependents) {
            PhotoView dep = get(d).orElseThrow();
            if (!dep.removed()) {
                printsOf(d).ifPresent(prints -> detectDuplicate(d, prints, dep.sha256()));
            }
            events.publishEvent(new EvidenceChanged(dep.ownerType(), dep.ownerId(), "ORIGINAL_REMOVED"));
        }
    }

    /**
     * The fingerprints of a stored photo, computed again from its original file (EXIF orientation
     * applied, as at upload); empty when the file cannot be read.
     */
    Optional<Prints> printsOf(long photoId) {
        String fileKey = jdbc.sql("SELECT file_key FROM evidence_photo WHERE id = ?")
                .param(photoId)
                .query(String.class)
                .optional()
                .orElse(null);
        if (fileKey == null) {
            return Optional.empty();
        }
        Path tmp = null;
        try {
            Files.createDirectories(settings.filesDir.resolve("tmp"));
            tmp = Files.createTempFile(settings.filesDir.resolve("tmp"), "refp-", ".part");
            try (InputStream in = files.open(fileKey)) {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            ImageLoader.Decoded decoded = ImageLoader.decode(tmp, settings);
            ExifData exif = ExifData.read(tmp);
            BufferedImage upright = ImageLoader.upright(decoded.image(), exif.orientation());
            return Optional.of(CopyPrints.of(ImageLoader.scaled(upright, settings.decodeSide)));
        } catch (IOException | RuntimeException e) {
            log.warn("照片 {} 的文件无法重新计算指纹：{}", photoId, e.toString());
            return Optional.empty();
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    static PhotoView map(ResultSet rs, int row) throws SQLException {
        return new PhotoView(
                rs.getLong("id"),
                rs.getString("owner_type"),
                rs.getLong("owner_id"),
                rs.getString("org_path"),
                PhotoPurpose.valueOf(rs.getString("purpose")),
                PhotoSource.valueOf(rs.getString("source")),
                rs.getString("content_type"),
                rs.getLong("byte_size"),
                rs.getInt("width"),
                rs.getInt("height"),
                rs.getString("sha256"),
                rs.getObject("captured_at", OffsetDateTime.class),
                rs.getString("time_source"),
                (Double) rs.getObject("latitude"),
                (Double) rs.getObject("longitude"),
                rs.getString("position_source"),
                rs.getString("stamped_key") != null,
                (Long) rs.getObject("duplicate_of_id"),
                rs.getString("duplicate_kind"),
                rs.getString("dup_owner_type"),
                (Long) rs.getObject("dup_owner_id"),
                (Integer) rs.getObject("duplicate_distance"),
                (Double) rs.getObject("duplicate_score"),
                rs.getString("original_name"),
                rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class),
                rs.getObject("removed_at") != null,
                rs.getString("removed_reason"),
                rs.getString("contest_status"));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
