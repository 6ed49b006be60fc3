package io.snapkeep.dumpworker.store;

import io.snapkeep.parts.PartBuffer;
import java.util.List;

import org.jboss.logging.Logger;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/** One multipart upload in progress: the object exists only once {@link #complete} returned. */
public final class MultipartUpload {
    private static final Logger LOG = Logger.getLogger(MultipartUpload.class);

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String uploadId;

    MultipartUpload(S3Client s3, String bucket, String key, String uploadId) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.uploadId = uploadId;
    }

    public CompletedPart uploadPart(int partNumber, PartBuffer part) {
        String eTag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                .contentLength(part.size()),
                RequestBody.fromContentProvider(part.contentProvider(), part.size(), ObjectStore.ARCHIVE_CONTENT_TYPE))
                .eTag();
        return CompletedPart.builder().partNumber(partNumber).eTag(eTag).build();
    }

    public void complete(List<CompletedPart> parts) {
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
    }

    /**
     * Drops the parts uploaded so far. A failure is only logged: the parts then stay until a lifecycle rule or an
     * operator removes them.
     */
    public void abort() {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            LOG.warnf("could not abort the multipart upload %s of s3://%s/%s: %s", uploadId, bucket, key,
                    e.getMessage());
        }
    }

    public String key() {
        return key;
    }
}
