package io.snapkeep.catalog.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.snapkeep.catalog.config.CatalogConfig;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What the bucket holds under a prefix, as the store itself lists it: incomplete multipart uploads and objects, for the
 * sweeps of leftovers. Each call to the store within the call timeout. Blocking: use from worker threads only.
 */
@ApplicationScoped
public class StoreInventory {
    private final S3Client s3;
    private final String bucket;
    private final Duration callTimeout;

    public StoreInventory(S3Client s3, CatalogConfig config) {
        this.s3 = s3;
        this.bucket = config.store().bucket();
        this.callTimeout = config.store().callTimeout();
    }

    /** An incomplete multipart upload: its key, its id and when it was started. */
    public record PendingUpload(String key, String uploadId, Instant initiated) {
    }

    /** An object: its key and when it was last written. */
    public record StoredObject(String key, Instant lastModified) {
    }

    /** @throws StoreException when the store refused, could not be reached or did not answer in time */
    public List<PendingUpload> uploads(String prefix) {
        try {
            List<PendingUpload> found = new ArrayList<>();
            for (MultipartUpload upload : s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(prefix)
                    .overrideConfiguration(o -> o.apiCallTimeout(callTimeout))).uploads()) {
                found.add(new PendingUpload(upload.key(), upload.uploadId(), upload.initiated()));
            }
            return found;
        } catch (SdkException e) {
            throw new StoreException("listing the multipart uploads under s3://" + bucket + "/" + prefix + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** Aborts {@code upload}; one that is already gone (another replica's sweep, its own end) is no error. */
    public void abort(PendingUpload upload) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId())
                    .overrideConfiguration(o -> o.apiCallTimeout(callTimeout)));
        } catch (NoSuchUploadException gone) {
            return;
        } catch (SdkException e) {
            throw new StoreException("aborting the multipart upload of s3://" + bucket + "/" + upload.key() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** @throws StoreException when the store refused, could not be reached or did not answer in time */
    public List<StoredObject> objects(String prefix) {
        try {
            List<StoredObject> found = new ArrayList<>();
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)
                    .overrideConfiguration(o -> o.apiCallTimeout(callTimeout))).contents()) {
                found.add(new StoredObject(object.key(), object.lastModified()));
            }
            return found;
        } catch (SdkException e) {
            throw new StoreException("listing s3://" + bucket + "/" + prefix + " failed: " + e.getMessage(), e);
        }
    }
}
