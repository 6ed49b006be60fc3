package io.snapkeep.catalog.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.snapkeep.catalog.config.CatalogConfig;
import io.snapkeep.catalog.messaging.JobEventBacklog;

/**
 * Tells whether this replica has caught up with the job events and judges leases again ({@link JobEventBacklog}).
 * Always UP: a catalog catching up serves its API; only its lease checks wait.
 */
@Readiness
@ApplicationScoped
public class JobEventBacklogHealthCheck implements HealthCheck {
    private final JobEventBacklog backlog;
    private final CatalogConfig config;

    public JobEventBacklogHealthCheck(JobEventBacklog backlog, CatalogConfig config) {
        this.backlog = backlog;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("job-events").up()
                .withData("events", backlog.caughtUp() ? "caught up" : "catching up")
                .withData("leasesJudged", backlog.caughtUpFor(config.jobs().leaseDuration()))
                .build();
    }
}
