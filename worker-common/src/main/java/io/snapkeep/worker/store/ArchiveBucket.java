package io.snapkeep.worker.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.snapkeep.worker.config.StoreConfig;
import software.amazon.awssdk.services.s3.S3Client;

/** The bucket of the archives ({@code snapkeep.store.bucket}) and the client that reaches it. */
@ApplicationScoped
public class ArchiveBucket {
    private final S3Client s3;
    private final String name;

    ArchiveBucket(S3Client s3, StoreConfig config) {
        this.s3 = s3;
        this.name = config.bucket();
    }

    public String name() {
        return name;
    }

    public S3Client s3() {
        return s3;
    }

    /** Fails unless the bucket exists and these credentials reach it. */
    public void probe() {
        s3.headBucket(b -> b.bucket(name));
    }
}
