package cn.sgz.evidence.internal;

import cn.sgz.evidence.StoredFileChecksums;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Copies the local file store into the bucket (the move to object storage, docs/deployment.md). For every file
 * under {@code ${sgz.data-dir}/files}: its SHA-256 is computed while reading it; where the database recorded one
 * (photo originals, complaint photos — {@link StoredFileChecksums}) a mismatch means the local file is damaged and
 * it is not copied; an object already in the bucket with the same size and recorded checksum is skipped (so an
 * interrupted run simply runs again); otherwise it is uploaded (streamed, with its checksum as metadata), read back
 * and its checksum compared. Keys the database points to that exist neither locally nor in the bucket are
 * reported too. Nothing is deleted from the local disk.
 */
@Component
public class FileStoreMigration {

    private static final Logger log = LoggerFactory.getLogger(FileStoreMigration.class);

    private final List<StoredFileChecksums> checksums;

    FileStoreMigration(List<StoredFileChecksums> checksums) {
        this.checksums = checksums;
    }

    /** One key that was not copied, and why (Chinese, for the operator). */
    public record Failure(String key, String reason) {}

    public record Report(int copied, int skipped, int verifiedInBucket, List<Failure> failures) {
        public String summary() {
            return "已复制 " + copied + " 个，已在存储桶中（跳过）" + skipped + " 个，仅在存储桶中且校验一致 " + verifiedInBucket + " 个，未能复制 "
                    + failures.size() + " 个";
        }
    }

    public Report copy(Path localRoot, S3FileStore target) {
        Map<String, String> expected = new HashMap<>();
        for (StoredFileChecksums source : checksums) {
            source.each((key, sha) -> {
                if (key != null) {
                    expected.merge(key, sha == null ? "" : sha, (a, b) -> a.isEmpty() ? b : a);
                }
            });
        }
        int copied = 0;
        int skipped = 0;
        List<Failure> failures = new ArrayList<>();
        Path root = localRoot.toAbsolutePath().normalize();
        if (Files.isDirectory(root)) {
            List<Path> all;
            try (Stream<Path> walk = Files.walk(root)) {
                all = walk.filter(Files::isRegularFile)
                        .filter(p -> !root.relativize(p).startsWith("tmp"))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Path file : all) {
                String key = root.relativize(file).toString().replace('\\', '/');
                String want = expected.remove(key);
                try {
                    target.objectKey(key);
                } catch (IllegalArgumentException e) {
                    failures.add(new Failure(key, "文件名不是系统生成的键，未复制"));
                    continue;
                }
                try {
                    String local = sha256(Files.newInputStream(file));
                    long size = Files.size(file);
                    if (want != null && !want.isEmpty() && !want.equals(local)) {
                        failures.add(new Failure(key, "本地文件的校验值与数据库记录不一致（文件已损坏），未复制"));
                        continue;
                    }
                    var there = target.head(key);
                    if (there.isPresent()
                            && there.get().size() == size
                            && local.equals(there.get().sha256())) {
                        skipped++;
                        continue;
                    }
                    target.put(key, file, local);
                    String remote = sha256(target.open(key));
                    if (!remote.equals(local)) {
                        failures.add(new Failure(key, "复制后存储桶中对象的校验值与本地文件不一致"));
                        continue;
                    }
                    copied++;
                    if (copied % 500 == 0) {
                        log.info("文件迁移：已复制 {} 个", copied);
                    }
                } catch (IOException | RuntimeException e) {
                    failures.add(new Failure(key, "复制失败：" + e.getMessage()));
                }
            }
        }
        int verified = 0;
        for (Map.Entry<String, String> missing :
                expected.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            String key = missing.getKey();
            try {
                var there = target.head(key);
                if (there.isEmpty()) {
                    failures.add(new Failure(key, "数据库引用的文件在本地和存储桶中都不存在"));
                    continue;
                }
                if (!missing.getValue().isEmpty()) {
                    String remote = sha256(target.open(key));
                    if (!remote.equals(missing.getValue())) {
                        failures.add(new Failure(key, "存储桶中对象的校验值与数据库记录不一致"));
                        continue;
                    }
                }
                verified++;
            } catch (IOException | RuntimeException e) {
                failures.add(new Failure(key, "检查存储桶失败：" + e.getMessage()));
            }
        }
        return new Report(copied, skipped, verified, List.copyOf(failures));
    }

    static String sha256(InputStream source) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(source, digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
