package cn.sgz.evidence.internal;

import cn.sgz.evidence.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Files in an S3-compatible object store (MinIO, a cloud's OSS/COS/S3), chosen with {@code sgz.files.store=s3}.
 * Keys are the same generated keys the local store uses ({@code photos/2026/05/<uuid>.jpg}), optionally under a
 * prefix; nothing a user typed ever becomes a key. Uploads stream from the temporary file (or the small in-memory
 * thumbnail), downloads stream from the object: no file is held in memory whole. Each object carries its content
 * type and, when the caller knows it, its SHA-256 as user metadata ({@code x-amz-meta-sha256}), which the migration
 * command compares. A missing object answers {@link NoSuchFileException} naming bucket and key, as a missing local
 * file does.
 */
public class S3FileStore implements FileStore, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(S3FileStore.class);
    public static final String SHA256_META = "sha256";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3FileStore(S3Settings settings) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException("sgz.files.s3.bucket 未配置：使用对象存储（sgz.files.store=s3）时必须指定存储桶");
        }
        AwsCredentialsProvider credentials =
                settings.accessKey() == null || settings.accessKey().isBlank()
                        ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofMinutes(2)))
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                // MinIO, OSS, COS and S3Proxy do not all take the SDK's newer trailing checksums: only when required
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(settings.pathStyle())
                        .build());
        if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint().strip()));
        }
        this.s3 = builder.build();
        this.bucket = settings.bucket().strip();
        String p = settings.prefix() == null ? "" : settings.prefix().strip();
        this.prefix = p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }

    /** Where the store writes, for logs and reports: {@code s3://bucket/prefix}. */
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    String objectKey(String key) {
        if (key == null
                || key.isBlank()
                || key.contains("..")
                || key.startsWith("/")
                || key.contains("\\")
                || !key.matches("[A-Za-z0-9._/-]+")) {
            throw new IllegalArgumentException("bad file key");
        }
        return prefix + key;
    }

    static String contentType(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        if (k.endsWith(".jpg") || k.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (k.endsWith(".png")) {
            return "image/png";
        }
        if (k.endsWith(".webp")) {
            return "image/webp";
        }
        if (k.endsWith(".zip")) {
            return "application/zip";
        }
        if (k.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (k.endsWith(".docx")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        if (k.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        return "application/octet-stream";
    }

    @Override
    public void put(String key, Path source) throws IOException {
        put(key, source, null);
        Files.deleteIfExists(source); // a move, as on the local disk
    }

    /** Uploads a file (streamed from disk), recording its SHA-256 when known; the source is left in place. */
    public void put(String key, Path source, String sha256) throws IOException {
        String objectKey = objectKey(key);
        long size = Files.size(source);
        try {
            s3.putObject(
                    b -> b.bucket(bucket)
                            .key(objectKey)
                            .contentType(contentType(key))
                            .contentLength(size)
                            .metadata(sha256 == null ? Map.of() : Map.of(SHA256_META, sha256)),
                    RequestBody.fromFile(source));
        } catch (SdkException e) {
            throw new IOException("写入对象存储失败 " + describe() + key + "：" + e.getMessage(), e);
        }
    }

    @Override
    public void put(String key, byte[] bytes) throws IOException {
        String objectKey = objectKey(key);
        try {
            s3.putObject(
                    b -> b.bucket(bucket).key(objectKey).contentType(contentType(key)), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw new IOException("写入对象存储失败 " + describe() + key + "：" + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        String objectKey = objectKey(key);
        try {
            return s3.getObject(b -> b.bucket(bucket).key(objectKey));
        } catch (NoSuchKeyException e) {
            log.warn("对象存储中没有文件 {}{}", describe(), key);
            throw new NoSuchFileException(describe() + key, null, "对象存储中没有这个文件");
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                log.warn("对象存储中没有文件 {}{}", describe(), key);
                throw new NoSuchFileException(describe() + key, null, "对象存储中没有这个文件");
            }
            throw new IOException("读取对象存储失败 " + describe() + key + "：" + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("读取对象存储失败 " + describe() + key + "：" + e.getMessage(), e);
        }
    }

    /** The object's size and recorded SHA-256 (null when none was recorded); empty when it does not exist. */
    public java.util.Optional<ObjectInfo> head(String key) {
        String objectKey = objectKey(key);
        try {
            HeadObjectResponse r = s3.headObject(b -> b.bucket(bucket).key(objectKey));
            return java.util.Optional.of(
                    new ObjectInfo(r.contentLength(), r.metadata().get(SHA256_META), r.contentType()));
        } catch (NoSuchKeyException e) {
            return java.util.Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return java.util.Optional.empty();
            }
            throw new UncheckedIOException(new IOException("查询对象存储失败 " + describe() + key, e));
        }
    }

    public record ObjectInfo(long size, String sha256, String contentType) {}

    @Override
    public boolean exists(String key) {
        return head(key).isPresent();
    }

    @Override
    public void delete(String key) throws IOException {
        String objectKey = objectKey(key);
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(objectKey));
        } catch (SdkException e) {
            throw new IOException("删除对象存储文件失败 " + describe() + key + "：" + e.getMessage(), e);
        }
    }

    /** Creates the bucket when it does not exist (tests, a first MinIO start); a cloud bucket is made by its console. */
    public void ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
            log.info("已创建存储桶 {}", bucket);
        }
    }

    @Override
    public void destroy() {
        s3.close();
    }
}
