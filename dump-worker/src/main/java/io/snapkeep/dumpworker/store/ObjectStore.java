package io.snapkeep.dumpworker.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.snapkeep.dumpworker.config.DumpWorkerConfig;
import software.amazon.awssdk.services.s3.S3Client;

/** The bucket the archives go to. */
@ApplicationScoped
public class ObjectStore {
    static final String ARCHIVE_CONTENT_TYPE = "application/octet-stream";

    private final S3Client s3;
    private final String bucket;

    ObjectStore(S3Client s3, DumpWorkerConfig config) {
        this.s3 = s3;
        this.bucket = config.store().bucket();
    }

    public MultipartUpload startUpload(String key) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(ARCHIVE_CONTENT_TYPE))
                .uploadId();
        return new MultipartUpload(s3, bucket, key, uploadId);
    }

    /** Fails unless the bucket exists and these credentials reach it. */
    public void probe() {
        s3.headBucket(b -> b.bucket(bucket));
    }

    public String bucket() {
        return bucket;
    }
}
