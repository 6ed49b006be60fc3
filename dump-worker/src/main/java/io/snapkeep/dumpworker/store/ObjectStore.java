package io.snapkeep.dumpworker.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.snapkeep.worker.store.ArchiveBucket;
import software.amazon.awssdk.services.s3.S3Client;

/** The bucket the archives go to. */
@ApplicationScoped
public class ObjectStore {
    static final String ARCHIVE_CONTENT_TYPE = "application/octet-stream";

    private final S3Client s3;
    private final String bucket;

    ObjectStore(ArchiveBucket bucket) {
        this.s3 = bucket.s3();
        this.bucket = bucket.name();
    }

    public MultipartUpload startUpload(String key) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(ARCHIVE_CONTENT_TYPE))
                .uploadId();
        return new MultipartUpload(s3, bucket, key, uploadId);
    }

    public String bucket() {
        return bucket;
    }
}
