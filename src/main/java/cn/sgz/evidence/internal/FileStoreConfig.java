package cn.sgz.evidence.internal;

import cn.sgz.evidence.FileStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the file store by configuration: {@code sgz.files.store=local} (the embedded default, files under
 * {@code ${sgz.data-dir}/files}) or {@code s3} (an S3-compatible bucket, settings {@code sgz.files.s3.*}; see
 * docs/deployment.md). Only keys are stored in the database, so the choice changes nothing else.
 */
@Configuration(proxyBeanMethods = false)
class FileStoreConfig {

    private static final Logger log = LoggerFactory.getLogger(FileStoreConfig.class);

    @Bean
    FileStore fileStore(
            EvidenceSettings settings,
            @Value("${sgz.files.store:local}") String store,
            @Value("${sgz.files.s3.endpoint:}") String endpoint,
            @Value("${sgz.files.s3.region:us-east-1}") String region,
            @Value("${sgz.files.s3.bucket:}") String bucket,
            @Value("${sgz.files.s3.path-style:true}") boolean pathStyle,
            @Value("${sgz.files.s3.prefix:}") String prefix,
            @Value("${sgz.files.s3.access-key:}") String accessKey,
            @Value("${sgz.files.s3.secret-key:}") String secretKey,
            @Value("${sgz.files.s3.create-bucket:false}") boolean createBucket) {
        switch (store.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "local", "" -> {
                return new LocalFileStore(settings);
            }
            case "s3" -> {
                S3FileStore s3 = new S3FileStore(new S3Settings(
                        endpoint, region, bucket, pathStyle, prefix, accessKey, secretKey, createBucket));
                if (createBucket) {
                    s3.ensureBucket();
                }
                log.info("文件存储：对象存储 {}", s3.describe());
                return s3;
            }
            default -> throw new IllegalStateException("sgz.files.store 只能是 local 或 s3，当前为：" + store);
        }
    }
}
