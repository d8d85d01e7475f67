package cn.sgz.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sgz.evidence.S3TestServer;
import cn.sgz.evidence.StoredFileChecksums;
import cn.sgz.evidence.TestImages;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 file store against a real S3 server (S3Proxy in its own JVM): files go in streamed from disk and come
 * back byte for byte with their content type, a ZIP archive is read back from the bucket entry by entry, a
 * missing object is reported as missing (naming bucket and key), keys that are not generated keys are refused,
 * and the local-to-bucket migration verifies checksums, reports what it could not copy and resumes.
 */
class S3FileStoreTest {

    @TempDir
    Path tmp;

    S3FileStore store;
    String bucket;

    @BeforeEach
    void setUp() {
        S3TestServer s3 = S3TestServer.get();
        bucket = "t-" + UUID.randomUUID().toString().substring(0, 8);
        store = new S3FileStore(new S3Settings(
                s3.endpoint(),
                "us-east-1",
                bucket,
                true,
                "sgz",
                S3TestServer.ACCESS_KEY,
                S3TestServer.SECRET_KEY,
                true));
        store.ensureBucket();
    }

    @Test
    void aFileGoesInStreamedAndComesBackByteForByteWithItsContentType() throws Exception {
        byte[] jpeg = TestImages.jpeg(TestImages.scene(2201), 0.9f);
        Path source = tmp.resolve("upload.part");
        Files.write(source, jpeg);
        store.put("photos/2026/12/a.jpg", source);
        assertThat(source).as("moved, as on the local disk").doesNotExist();
        try (InputStream in = store.open("photos/2026/12/a.jpg")) {
            assertThat(in.readAllBytes()).isEqualTo(jpeg);
        }
        assertThat(store.head("photos/2026/12/a.jpg").orElseThrow().contentType())
                .isEqualTo("image/jpeg");
        assertThat(store.exists("photos/2026/12/a.jpg")).isTrue();

        // a larger file (12 MB) streams in and out
        Path big = tmp.resolve("big.bin");
        Random random = new Random(22);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i < 12; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        String sha = FileStoreMigration.sha256(Files.newInputStream(big));
        store.put("archives/big.zip", big, sha);
        assertThat(store.head("archives/big.zip").orElseThrow().sha256()).isEqualTo(sha);
        assertThat(store.head("archives/big.zip").orElseThrow().size()).isEqualTo(12L << 20);
        assertThat(FileStoreMigration.sha256(store.open("archives/big.zip"))).isEqualTo(sha);

        store.delete("photos/2026/12/a.jpg");
        assertThat(store.exists("photos/2026/12/a.jpg")).isFalse();
    }

    @Test
    void anArchiveZipIsReadBackFromTheBucket() throws Exception {
        Path zip = tmp.resolve("archive.zip.part");
        byte[] photo = TestImages.jpeg(TestImages.scene(2202), 0.85f);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip), StandardCharsets.UTF_8)) {
            out.putNextEntry(new ZipEntry("沙河街道社工站/照片-1.jpg"));
            out.write(photo);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("目录.txt"));
            out.write("沙河街道社工站 1 张照片".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        store.put("archives/2026/12/job-7.zip", zip);
        assertThat(store.head("archives/2026/12/job-7.zip").orElseThrow().contentType())
                .isEqualTo("application/zip");
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(store.open("archives/2026/12/job-7.zip"), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries).containsOnlyKeys("沙河街道社工站/照片-1.jpg", "目录.txt");
        assertThat(entries.get("沙河街道社工站/照片-1.jpg")).isEqualTo(photo);
        assertThat(TestImages.read(entries.get("沙河街道社工站/照片-1.jpg")).getWidth()).isEqualTo(960);
    }

    @Test
    void aMissingObjectIsReportedAsMissingNamingBucketAndKey() {
        assertThat(store.exists("photos/2026/12/none.jpg")).isFalse();
        assertThatThrownBy(() -> store.open("photos/2026/12/none.jpg"))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("s3://" + bucket + "/sgz/photos/2026/12/none.jpg")
                .hasMessageContaining("对象存储中没有这个文件");
    }

    @Test
    void onlyGeneratedKeysAreAccepted() {
        for (String bad : List.of("../etc/passwd", "/photos/a.jpg", "photos/a b.jpg", "photos\\a.jpg", "照片.jpg", "")) {
            assertThatThrownBy(() -> store.put(bad, new byte[] {1}))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theMigrationVerifiesChecksumsReportsWhatItCouldNotCopyAndResumes() throws Exception {
        Path root = tmp.resolve("files");
        byte[] a = TestImages.jpeg(TestImages.scene(2203), 0.9f);
        byte[] b = TestImages.jpeg(TestImages.scene(2204), 0.9f);
        write(root, "photos/2026/11/a.jpg", a);
        write(root, "photos/2026/11/a-thumb.jpg", new byte[] {1, 2, 3});
        write(root, "photos/2026/11/b.jpg", b);
        write(root, "feedback/2026/11/c.jpg", "damaged".getBytes(StandardCharsets.UTF_8));
        write(root, "tmp/upload-1.part", new byte[] {9}); // unfinished uploads are not migrated
        Map<String, String> db = new HashMap<>();
        db.put("photos/2026/11/a.jpg", FileStoreMigration.sha256(new ByteArrayInputStream(a)));
        db.put("photos/2026/11/a-thumb.jpg", null);
        db.put("photos/2026/11/b.jpg", FileStoreMigration.sha256(new ByteArrayInputStream(b)));
        db.put("feedback/2026/11/c.jpg", "0".repeat(64)); // the database recorded other bytes
        db.put("photos/2026/10/lost.jpg", "1".repeat(64)); // the database points to a file that is nowhere
        StoredFileChecksums source = each -> db.forEach(each);
        FileStoreMigration migration = new FileStoreMigration(List.of(source));

        FileStoreMigration.Report first = migration.copy(root, store);
        assertThat(first.copied()).isEqualTo(3);
        assertThat(first.skipped()).isZero();
        assertThat(first.failures())
                .extracting(FileStoreMigration.Failure::key, FileStoreMigration.Failure::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("feedback/2026/11/c.jpg", "本地文件的校验值与数据库记录不一致（文件已损坏），未复制"),
                        org.assertj.core.groups.Tuple.tuple("photos/2026/10/lost.jpg", "数据库引用的文件在本地和存储桶中都不存在"));
        assertThat(store.exists("feedback/2026/11/c.jpg")).isFalse();
        assertThat(store.exists("tmp/upload-1.part")).isFalse();
        try (InputStream in = store.open("photos/2026/11/b.jpg")) {
            assertThat(in.readAllBytes()).isEqualTo(b);
        }
        assertThat(root.resolve("photos/2026/11/a.jpg"))
                .as("the local copy stays")
                .exists();

        // interrupted and run again: what is in the bucket is skipped, a new file is copied
        write(root, "photos/2026/12/d.jpg", a);
        FileStoreMigration.Report second = migration.copy(root, store);
        assertThat(second.copied()).isEqualTo(1);
        assertThat(second.skipped()).isEqualTo(3);
        assertThat(second.failures()).hasSize(2);
        assertThat(second.summary()).contains("已复制 1 个").contains("未能复制 2 个");
    }

    private static void write(Path root, String key, byte[] bytes) throws Exception {
        Path p = root.resolve(key);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
    }
}
