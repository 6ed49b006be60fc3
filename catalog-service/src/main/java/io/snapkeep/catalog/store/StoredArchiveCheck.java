package io.snapkeep.catalog.store;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.snapkeep.catalog.config.CatalogConfig;
import io.snapkeep.messages.ArchiveChecksum;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Checks that an archive a worker reported is in the store as reported: HEAD gives its size, and the
 * {@link ArchiveChecksum} object the worker wrote beside it gives its SHA-256. Blocking: use from worker threads only.
 */
@ApplicationScoped
public class StoredArchiveCheck {
    private final S3Client s3;
    private final String bucket;

    StoredArchiveCheck(S3Client s3, CatalogConfig config) {
        this.s3 = s3;
        this.bucket = config.store().bucket();
    }

    /**
     * What is wrong with the object {@code key}, or empty when it holds {@code size} bytes and its checksum object
     * names {@code sha256}.
     *
     * @throws StoreException when the store could not be asked
     */
    public Optional<String> mismatch(String key, long size, String sha256) {
        String where = "s3://" + bucket + "/" + key;
        try {
            Long stored = s3.headObject(b -> b.bucket(bucket).key(key)).contentLength();
            if (stored == null || stored != size) {
                return Optional.of("the archive " + where + " holds " + stored + " bytes, but the worker reported "
                        + size);
            }
            String checksum = ArchiveChecksum.sha256Of(s3.getObjectAsBytes(
                    b -> b.bucket(bucket).key(ArchiveChecksum.keyOf(key))).asUtf8String());
            if (checksum == null || !checksum.equalsIgnoreCase(sha256)) {
                return Optional.of("the archive " + where + " is stored with sha256 " + checksum
                        + ", but the worker reported " + sha256);
            }
            return Optional.empty();
        } catch (NoSuchKeyException e) {
            return Optional.of("the archive " + where + " or its checksum object is not in the store");
        } catch (SdkException e) {
            throw new StoreException("checking " + where + " failed: " + e.getMessage(), e);
        }
    }
}
