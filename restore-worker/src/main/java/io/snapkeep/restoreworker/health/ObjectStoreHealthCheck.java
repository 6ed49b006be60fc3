package io.snapkeep.restoreworker.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.snapkeep.restoreworker.store.ObjectStore;
import software.amazon.awssdk.core.exception.SdkException;

/** Ready only while the archive bucket answers a HeadBucket with these credentials. */
@Readiness
@ApplicationScoped
public class ObjectStoreHealthCheck implements HealthCheck {
    static final String NAME = "object-store";

    private final ObjectStore store;

    ObjectStoreHealthCheck(ObjectStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            store.probe();
            return HealthCheckResponse.named(NAME).up().withData("bucket", store.bucket()).build();
        } catch (SdkException e) {
            return HealthCheckResponse.named(NAME).down().withData("bucket", store.bucket())
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
