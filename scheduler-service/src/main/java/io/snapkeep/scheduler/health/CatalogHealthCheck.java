package io.snapkeep.scheduler.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.snapkeep.scheduler.catalog.Catalog;
import io.snapkeep.scheduler.config.SchedulerConfig;

/** Ready only when the catalog's API answers: without it the scheduler can neither schedule nor prune. */
@Readiness
@ApplicationScoped
public class CatalogHealthCheck implements HealthCheck {
    private final Catalog catalog;
    private final String url;

    public CatalogHealthCheck(Catalog catalog, SchedulerConfig config) {
        this.catalog = catalog;
        this.url = config.catalog().url();
    }

    @Override
    public HealthCheckResponse call() {
        try {
            catalog.probe();
            return HealthCheckResponse.named("catalog").up().withData("url", url).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("catalog").down().withData("url", url)
                    .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
