package io.snapkeep.catalog.store;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.snapkeep.catalog.config.CatalogConfig;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The bucket that holds snapshot archives. Blocking calls: use from worker threads only. */
@ApplicationScoped
public class ObjectStore {
    private static final Logger LOG = Logger.getLogger(ObjectStore.class);

    private final S3Client s3;
    private final String bucket;
    private final Duration callTimeout;
    private final Duration probeTimeout;

    public ObjectStore(S3Client s3, CatalogConfig config) {
        this.s3 = s3;
        this.bucket = config.store().bucket();
        this.callTimeout = config.store().callTimeout();
        this.probeTimeout = config.store().probeTimeout();
    }

    void createBucketIfMissing(@Observes StartupEvent start) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(bucket));
            LOG.infof("created bucket %s", bucket);
        }
    }

    /** Throws when the store cannot be reached within the probe timeout, or the bucket is gone. */
    public void probe() {
        s3.headBucket(b -> b.bucket(bucket).overrideConfiguration(o -> o.apiCallTimeout(probeTimeout)));
    }

    /**
     * Deletes every object under {@code prefix} (a snapshot's archive, and any an earlier attempt left) and
     * {@code key}, wherever it is; each call to the store within the call timeout.
     *
     * @throws StoreException when the store refused, could not be reached or did not answer in time
     */
    public void deleteAll(String prefix, String key) {
        try {
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)
                    .overrideConfiguration(o -> o.apiCallTimeout(callTimeout))).contents()) {
                delete(object.key());
            }
            if (key != null && !key.startsWith(prefix)) {
                delete(key);
            }
        } catch (SdkException e) {
            throw new StoreException("deleting s3://" + bucket + "/" + prefix + " failed: " + e.getMessage(), e);
        }
    }

    private void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key).overrideConfiguration(o -> o.apiCallTimeout(callTimeout)));
    }

    public String bucket() {
        return bucket;
    }
}
