package cn.sgz.evidence.internal;

/**
 * Where the S3 store writes ({@code sgz.files.s3.*}): endpoint (empty for AWS itself), region, bucket, path-style
 * addressing (MinIO and S3Proxy need it; OSS/COS/S3 take virtual-host style), an optional key prefix, and the
 * access key pair (empty: the SDK's default chain — environment, profile, instance role).
 */
public record S3Settings(
        String endpoint,
        String region,
        String bucket,
        boolean pathStyle,
        String prefix,
        String accessKey,
        String secretKey,
        boolean createBucket) {}
