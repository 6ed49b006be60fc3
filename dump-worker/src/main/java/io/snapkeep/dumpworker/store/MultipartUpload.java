package io.snapkeep.dumpworker.store;

import io.snapkeep.parts.PartBuffer;

import org.jboss.logging.Logger;

import io.snapkeep.dumpworker.store.ArchiveUploader.UploadedArchive;
import io.snapkeep.messages.ArchiveChecksum;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One multipart upload in progress: the object exists only once {@link #complete} returned, and then its
 * {@link ArchiveChecksum} object beside it does too (it is written first, so no completed archive lacks one).
 */
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

    /** Stores the archive's checksum object, then completes the upload with its parts. */
    public void complete(UploadedArchive archive) {
        s3.putObject(b -> b.bucket(bucket).key(ArchiveChecksum.keyOf(key)).contentType("text/plain"),
                RequestBody.fromString(ArchiveChecksum.line(key, archive.sha256())));
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(archive.parts())));
    }

    /**
     * Drops the parts uploaded so far and the checksum object if it was written. A failure is only logged: what is
     * left then stays until the catalog's multipart sweep or an operator removes it. It runs also on a thread that was
     * interrupted (a worker stopping mid-dump): the interrupt is set aside for these two calls, which the SDK would
     * otherwise refuse at once, and set again after.
     */
    public void abort() {
        boolean interrupted = Thread.interrupted();
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            s3.deleteObject(b -> b.bucket(bucket).key(ArchiveChecksum.keyOf(key)));
        } catch (SdkException e) {
            LOG.warnf("could not abort the multipart upload %s of s3://%s/%s: %s", uploadId, bucket, key,
                    e.getMessage());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public String key() {
        return key;
    }
}
