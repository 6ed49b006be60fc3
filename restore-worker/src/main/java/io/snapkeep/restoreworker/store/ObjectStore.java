package io.snapkeep.restoreworker.store;

import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;

import io.snapkeep.restoreworker.RestoreFailure;
import io.snapkeep.worker.store.ArchiveBucket;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The bucket the archives are read from. */
@ApplicationScoped
public class ObjectStore {
    private static final int NOT_FOUND = 404;
    private static final int PRECONDITION_FAILED = 412;

    private final S3Client s3;
    private final String bucket;

    ObjectStore(ArchiveBucket bucket) {
        this.s3 = bucket.s3();
        this.bucket = bucket.name();
    }

    /** Size and ETag of {@code key}; fails readably when there is no such object. */
    public StoredObject describe(String key) {
        try {
            var head = s3.headObject(b -> b.bucket(bucket).key(key));
            return new StoredObject(key, head.contentLength(), head.eTag());
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                throw new RestoreFailure("the archive s3://" + bucket + "/" + key + " does not exist in the store");
            }
            throw e;
        }
    }

    /**
     * The bytes of {@code object} from {@code offset} on, as long as it is still the version described (same ETag).
     * A network failure is an {@link IOException}, worth retrying; a replaced object is a {@link RestoreFailure}.
     */
    public InputStream open(StoredObject object, long offset) throws IOException {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(object.key());
        if (object.eTag() != null) {
            request.ifMatch(object.eTag());
        }
        if (offset > 0) {
            request.range("bytes=" + offset + "-");
        }
        try {
            return s3.getObject(request.build());
        } catch (S3Exception e) {
            if (e.statusCode() == PRECONDITION_FAILED) {
                throw new RestoreFailure("the archive s3://" + bucket + "/" + object.key()
                        + " was replaced in the store while it was being read");
            }
            if (e.statusCode() == NOT_FOUND) {
                throw new RestoreFailure("the archive s3://" + bucket + "/" + object.key()
                        + " was deleted from the store while it was being read");
            }
            throw new IOException("the object store answered " + e.statusCode() + ": " + e.getMessage(), e);
        } catch (SdkClientException e) {
            throw new IOException("the object store could not be reached: " + e.getMessage(), e);
        }
    }

    public String bucket() {
        return bucket;
    }
}
