package io.snapkeep.catalog.store;

import io.snapkeep.parts.PartSizeSchedule;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.snapkeep.catalog.config.CatalogConfig;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** Archives in the bucket, streamed in and out. Blocking calls: use from worker threads only. */
@ApplicationScoped
public class ArchiveObjects {
    private static final Logger LOG = Logger.getLogger(ArchiveObjects.class);

    private final S3Client s3;
    private final String bucket;
    private final PartSizeSchedule schedule;
    private final ExecutorService uploadThreads;

    ArchiveObjects(S3Client s3, CatalogConfig config) {
        this.s3 = s3;
        this.bucket = config.store().bucket();
        this.schedule = new PartSizeSchedule(config.upload().partSize().asLongValue(),
                config.upload().maxPartSize().asLongValue());
        AtomicInteger count = new AtomicInteger();
        this.uploadThreads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "upload-part-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        uploadThreads.shutdownNow();
    }

    /** Starts a multipart upload to {@code key}; at most one part per upload is sent at a time. */
    public StreamingUpload startUpload(String key, String contentType) {
        return new StreamingUpload(s3, bucket, key, contentType, schedule, uploadThreads);
    }

    /**
     * The object's bytes {@code first} to {@code last} (inclusive), or all of it when {@code first} is null. Close
     * the stream, or {@link ResponseInputStream#abort()} it to stop early without reading the rest.
     */
    public ResponseInputStream<GetObjectResponse> read(String key, Long first, Long last) {
        try {
            return s3.getObject(b -> {
                b.bucket(bucket).key(key);
                if (first != null) {
                    b.range("bytes=" + first + "-" + last);
                }
            });
        } catch (SdkException e) {
            throw new StoreException("reading s3://" + bucket + "/" + key + " failed: " + e.getMessage(), e);
        }
    }

    /** Removes an object; a failure is only logged. */
    public void delete(String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            LOG.warnf("could not delete s3://%s/%s: %s", bucket, key, e.getMessage());
        }
    }

    public String bucket() {
        return bucket;
    }
}
