package cn.sgz.evidence.internal;

import cn.sgz.evidence.ChunkedUploads;
import cn.sgz.org.CurrentUser;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.cluster.ClusterJobs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resumable photo uploads (issue 16 item 4, issue 21 item 3). Pieces are kept in the database ({@code upload_chunk}),
 * so any instance can take the next piece and the store behind {@link cn.sgz.evidence.FileStore} (local disk or S3)
 * only ever sees whole, checked photos. A piece is accepted only at the offset the server has; the bytes of a piece
 * cut off mid-way are kept, so the phone continues from the last byte that arrived. Every read and write is keyed on
 * the signed-in account: another account's upload id is simply unknown (404).
 */
@Service
public class ChunkedUploadService implements ChunkedUploads {

    private static final Logger log = LoggerFactory.getLogger(ChunkedUploadService.class);
    static final String RECEIVING = "RECEIVING";
    static final String COMPLETED = "COMPLETED";

    private final JdbcClient jdbc;
    private final ScopeService scopes;
    private final EvidenceSettings settings;
    private final ApplicationEventPublisher events;
    private final ClusterJobs cluster;
    private final TransactionTemplate tx;
    private final int maxChunkBytes;
    private final int maxOpenPerUser;
    private final Duration staleAfter;

    ChunkedUploadService(
            JdbcClient jdbc,
            ScopeService scopes,
            EvidenceSettings settings,
            ApplicationEventPublisher events,
            ClusterJobs cluster,
            PlatformTransactionManager txManager,
            @Value("${sgz.upload.max-chunk-bytes:1048576}") int maxChunkBytes,
            @Value("${sgz.upload.max-open-per-user:50}") int maxOpenPerUser,
            @Value("${sgz.upload.stale-after:48h}") Duration staleAfter) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.settings = settings;
        this.events = events;
        this.cluster = cluster;
        this.tx = new TransactionTemplate(txManager);
        this.maxChunkBytes = maxChunkBytes;
        this.maxOpenPerUser = maxOpenPerUser;
        this.staleAfter = staleAfter;
    }

    /** How far an upload has come. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "UploadStatus")
    public record Status(String uploadId, long receivedBytes, long totalBytes, boolean complete, Long photoId) {}

    /** A piece at the wrong offset: the answer says where to continue. */
    public static class OffsetMismatch extends ConflictException {
        private final transient Status status;

        OffsetMismatch(Status status, long offset) {
            super(String.format(
                    "上传位置不对：服务器已收到这张照片的 %d 字节，这一段却从第 %d 字节开始。请从第 %d 字节继续上传。",
                    status.receivedBytes(), offset, status.receivedBytes()));
            this.status = status;
        }

        public Status status() {
            return status;
        }
    }

    private record Row(long id, long total, long received, String sha256, String status, Long photoId, String name) {}

    public int maxChunkBytes() {
        return maxChunkBytes;
    }

    public Status status(String uploadId) {
        CurrentUser user = scopes.currentUser();
        return find(user.id(), checkId(uploadId), false)
                .map(r -> status(uploadId, r))
                .orElseThrow(() -> new NotFoundException("这次上传"));
    }

    /**
     * Appends one piece at {@code offset}. The first piece announces the photo's total size (checked against the
     * photo size limit before anything is read) and, optionally, its SHA-256; later pieces must announce the same.
     * A piece cut off mid-way keeps the bytes that arrived (the phone asks {@link #status} and continues there).
     */
    public Status append(
            String uploadId,
            long offset,
            long totalBytes,
            String sha256,
            String fileName,
            long contentLength,
            InputStream body) {
        CurrentUser user = scopes.currentUser();
        String id = checkId(uploadId);
        if (totalBytes <= 0) {
            throw BusinessException.field("Upload-Length", "请在 Upload-Length 中给出整张照片的字节数（大于 0）");
        }
        if (totalBytes > settings.maxPhotoBytes) {
            throw new BusinessException(
                    "PHOTO_TOO_LARGE",
                    String.format(
                            "照片太大（%.1f MB），单张照片不能超过 %d MB。请在手机上选择“压缩”或使用水印相机重新拍摄。",
                            totalBytes / 1048576.0, settings.maxPhotoBytes / 1048576));
        }
        if (offset < 0) {
            throw BusinessException.field("Upload-Offset", "Upload-Offset 不能是负数");
        }
        String sha = sha256 == null || sha256.isBlank() ? null : sha256.strip().toLowerCase(Locale.ROOT);
        if (sha != null && !sha.matches("[0-9a-f]{64}")) {
            throw BusinessException.field("Upload-Sha256", "Upload-Sha256 应为 64 位十六进制的 SHA-256 值");
        }
        if (contentLength > maxChunkBytes) {
            throw new BusinessException(
                    "CHUNK_TOO_LARGE", String.format("每一段不能超过 %d KB，请分成更小的段上传", maxChunkBytes / 1024));
        }
        if (contentLength >= 0 && offset + contentLength > totalBytes) {
            throw BusinessException.field(
                    "Upload-Offset",
                    String.format("这一段超出了照片的大小：从第 %d 字节起 %d 字节，但整张照片只有 %d 字节", offset, contentLength, totalBytes));
        }
        // a piece at the wrong place is refused before its bytes are read
        Optional<Row> before = find(user.id(), id, false);
        if (before.isPresent()) {
            checkSame(before.get(), totalBytes, sha);
            if (COMPLETED.equals(before.get().status())) {
                return status(id, before.get());
            }
            if (before.get().received() != offset) {
                throw new OffsetMismatch(status(id, before.get()), offset);
            }
        } else if (offset != 0) {
            throw new OffsetMismatch(new Status(id, 0, totalBytes, false, null), offset);
        }

        long room = totalBytes - offset;
        int limit = (int) Math.min(maxChunkBytes, room);
        ByteArrayOutputStream buf = new ByteArrayOutputStream(Math.min(limit, 256 * 1024));
        IOException cut = null;
        byte[] b = new byte[16 * 1024];
        try {
            int r;
            while ((r = body.read(b)) != -1) {
                if (buf.size() + r > limit) {
                    throw BusinessException.field(
                            "Upload-Offset",
                            String.format(
                                    "这一段超出了照片的大小或每段的上限：照片共 %d 字节，从第 %d 字节起最多还能收 %d 字节", totalBytes, offset, limit));
                }
                buf.write(b, 0, r);
            }
        } catch (IOException e) {
            cut = e; // the connection dropped mid-piece: keep what arrived
        }
        byte[] piece = buf.toByteArray();
        if (offset == 0 && piece.length > 0) {
            // the content is checked as soon as the first bytes are there, not after the whole photo was sent
            PhotoService.accepted(Arrays.copyOf(piece, Math.min(piece.length, 32)), Math.min(piece.length, 32));
        }
        Status result = tx.execute(s -> store(user, id, offset, totalBytes, sha, fileName, piece));
        if (cut != null) {
            log.debug("上传 {} 中断，已保存到第 {} 字节", id, result.receivedBytes());
            throw new UncheckedIOException(cut);
        }
        return result;
    }

    private Status store(
            CurrentUser user, String id, long offset, long total, String sha, String fileName, byte[] piece) {
        OffsetDateTime now = ChinaTime.offsetNow();
        Row row = find(user.id(), id, true).orElse(null);
        if (row == null) {
            Integer open = jdbc.sql("SELECT COUNT(*) FROM upload_session WHERE owner_user_id = ? AND status = ?")
                    .params(user.id(), RECEIVING)
                    .query(Integer.class)
                    .single();
            if (open >= maxOpenPerUser) {
                throw new BusinessException("TOO_MANY_UPLOADS", "未传完的照片太多（" + open + " 张），请先让已开始的照片传完，或稍后再试");
            }
            // the same first piece may arrive twice at once: the other request's row wins (ON CONFLICT keeps a
            // PostgreSQL transaction usable, where a caught duplicate-key error would abort it)
            jdbc.sql("INSERT INTO upload_session (upload_id, owner_user_id, owner_username, file_name, total_bytes, "
                            + "received_bytes, sha256, status, created_at, updated_at) VALUES (?,?,?,?,?,0,?,?,?,?) "
                            + "ON CONFLICT DO NOTHING")
                    .params(id, user.id(), user.username(), cut(fileName), total, sha, RECEIVING, now, now)
                    .update();
            row = find(user.id(), id, true).orElseThrow();
        }
        checkSame(row, total, sha);
        if (COMPLETED.equals(row.status())) {
            return status(id, row);
        }
        if (row.received() != offset) {
            throw new OffsetMismatch(status(id, row), offset);
        }
        if (piece.length > 0) {
            jdbc.sql("INSERT INTO upload_chunk (session_id, start_offset, byte_count, content) VALUES (?,?,?,?)")
                    .params(row.id(), offset, piece.length, piece)
                    .update();
        }
        jdbc.sql("UPDATE upload_session SET received_bytes = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(offset + piece.length, now, row.id())
                .update();
        return new Status(id, offset + piece.length, total, offset + piece.length == total, null);
    }

    private void checkSame(Row row, long total, String sha) {
        if (row.total() != total || (sha != null && row.sha256() != null && !sha.equals(row.sha256()))) {
            throw new ConflictException("该上传编号已用于另一张照片（大小或校验值不同）：同一编号只能续传同一张照片，请为新照片使用新的上传编号");
        }
    }

    /** Gives up an unfinished upload of the current user (its pieces are deleted). */
    public void discard(String uploadId) {
        CurrentUser user = scopes.currentUser();
        String id = checkId(uploadId);
        int n = jdbc.sql("DELETE FROM upload_session WHERE owner_user_id = ? AND upload_id = ? AND status = ?")
                .params(user.id(), id, RECEIVING)
                .update();
        if (n == 0 && find(user.id(), id, false).isEmpty()) {
            throw new NotFoundException("这次上传");
        }
    }

    @Override
    public Assembled assemble(String uploadId) {
        CurrentUser user = scopes.currentUser();
        String id = checkId(uploadId);
        Optional<Row> found = find(user.id(), id, false);
        if (found.isEmpty()) {
            // pieces already cleaned up after the photo was stored: the evidence module knows the photo by its key
            return new Assembled(id, null, -1, null, null);
        }
        Row row = found.get();
        if (COMPLETED.equals(row.status())) {
            return new Assembled(id, row.name(), row.total(), null, row.photoId());
        }
        if (row.received() < row.total()) {
            throw new BusinessException(
                    "UPLOAD_INCOMPLETE",
                    String.format("照片还没有传完：已收到 %d / %d 字节，请继续上传剩下的部分", row.received(), row.total()));
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path temp;
        try {
            Files.createDirectories(settings.filesDir.resolve("tmp"));
            temp = Files.createTempFile(settings.filesDir.resolve("tmp"), "chunked-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long[] written = {0};
        try (OutputStream out = Files.newOutputStream(temp)) {
            jdbc.sql("SELECT start_offset, content FROM upload_chunk WHERE session_id = ? ORDER BY start_offset")
                    .param(row.id())
                    .query(rs -> {
                        if (rs.getLong("start_offset") != written[0]) {
                            throw new IllegalStateException("上传 " + id + " 的分段不连续");
                        }
                        byte[] c = rs.getBytes("content");
                        digest.update(c);
                        try {
                            out.write(c);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        written[0] += c.length;
                    });
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new UncheckedIOException((IOException) e);
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (written[0] != row.total() || (row.sha256() != null && !row.sha256().equals(actual))) {
            deleteQuietly(temp);
            jdbc.sql("DELETE FROM upload_session WHERE id = ?").param(row.id()).update();
            throw new BusinessException("UPLOAD_CORRUPTED", "照片在传输中出错（收到的内容与手机上的不一致），请重新上传这张照片");
        }
        return new Assembled(id, row.name(), row.total(), temp, null);
    }

    @Override
    public void completed(String uploadId, long photoId) {
        CurrentUser user = scopes.currentUser();
        String id = checkId(uploadId);
        tx.executeWithoutResult(s -> find(user.id(), id, true).ifPresent(row -> {
            jdbc.sql("DELETE FROM upload_chunk WHERE session_id = ?")
                    .param(row.id())
                    .update();
            jdbc.sql(
                            "UPDATE upload_session SET status = ?, photo_id = ?, received_bytes = total_bytes, updated_at = ?, "
                                    + "version = version + 1 WHERE id = ?")
                    .params(COMPLETED, photoId, ChinaTime.offsetNow(), row.id())
                    .update();
        }));
    }

    @Scheduled(
            initialDelayString = "${sgz.upload.purge-initial-delay:7m}",
            fixedDelayString = "${sgz.upload.purge-interval:1h}")
    void scheduled() {
        cluster.runOnce("upload-purge", Duration.ofMinutes(10), this::purgeStale);
    }

    /** Deletes uploads (and their pieces) not touched for {@code sgz.upload.stale-after}; returns how many. */
    public int purgeStale() {
        OffsetDateTime before = ChinaTime.offsetNow().minus(staleAfter);
        Integer unfinished = tx.execute(s -> {
            int open = jdbc.sql("SELECT COUNT(*) FROM upload_session WHERE updated_at < ? AND status = ?")
                    .params(before, RECEIVING)
                    .query(Integer.class)
                    .single();
            jdbc.sql(
                            "DELETE FROM upload_chunk WHERE session_id IN (SELECT id FROM upload_session WHERE updated_at < ?)")
                    .param(before)
                    .update();
            jdbc.sql("DELETE FROM upload_session WHERE updated_at < ?")
                    .param(before)
                    .update();
            return open;
        });
        if (unfinished != null && unfinished > 0) {
            log.info("已清除 {} 个超过 {} 未传完的照片上传", unfinished, staleAfter);
            events.publishEvent(new AuditEvent(
                    "system",
                    "UPLOAD_PURGE",
                    "UPLOAD",
                    null,
                    null,
                    "SUCCESS",
                    "清除未传完的照片上传 " + unfinished + " 个（超过 " + staleAfter.toHours() + " 小时未续传）"));
        }
        return unfinished == null ? 0 : unfinished;
    }

    private Optional<Row> find(long userId, String uploadId, boolean lock) {
        return jdbc.sql(
                        "SELECT id, total_bytes, received_bytes, sha256, status, photo_id, file_name FROM upload_session "
                                + "WHERE owner_user_id = ? AND upload_id = ?" + (lock ? " FOR UPDATE" : ""))
                .params(userId, uploadId)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getLong("total_bytes"),
                        rs.getLong("received_bytes"),
                        rs.getString("sha256"),
                        rs.getString("status"),
                        (Long) rs.getObject("photo_id", Long.class),
                        rs.getString("file_name")))
                .optional();
    }

    private static Status status(String id, Row r) {
        boolean done = COMPLETED.equals(r.status());
        return new Status(
                id, done ? r.total() : r.received(), r.total(), done || r.received() == r.total(), r.photoId());
    }

    static String checkId(String uploadId) {
        String id = uploadId == null ? "" : uploadId.strip();
        if (id.isEmpty() || id.length() > 80 || !id.matches("[A-Za-z0-9._:-]+")) {
            throw BusinessException.field("uploadId", "上传编号只能包含字母、数字和 . _ : -，且不超过80个字符");
        }
        return id;
    }

    private static String cut(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.length() > 200 ? t.substring(0, 200) : t;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
