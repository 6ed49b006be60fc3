package io.snapkeep.worker.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.snapkeep.worker.store.ArchiveBucket;
import software.amazon.awssdk.core.exception.SdkException;

/** Ready only while the archive bucket answers a HeadBucket with these credentials. */
@Readiness
@ApplicationScoped
public class ObjectStoreHealthCheck implements HealthCheck {
    static final String NAME = "object-store";

    private final ArchiveBucket bucket;

    ObjectStoreHealthCheck(ArchiveBucket bucket) {
        this.bucket = bucket;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            bucket.probe();
            return HealthCheckResponse.named(NAME).up().withData("bucket", bucket.name()).build();
        } catch (SdkException e) {
            return HealthCheckResponse.named(NAME).down().withData("bucket", bucket.name())
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
