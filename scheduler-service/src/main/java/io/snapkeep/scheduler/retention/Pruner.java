package io.snapkeep.scheduler.retention;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.snapkeep.policy.Decision;
import io.snapkeep.policy.Origin;
import io.snapkeep.policy.Policy;
import io.snapkeep.policy.Retention;
import io.snapkeep.policy.RetentionPlan;
import io.snapkeep.policy.SchedulerSettings;
import io.snapkeep.policy.SnapshotFacts;
import io.snapkeep.policy.State;
import io.snapkeep.scheduler.catalog.Catalog;
import io.snapkeep.scheduler.catalog.InstanceView;
import io.snapkeep.scheduler.catalog.SnapshotView;

/**
 * Deletes what an instance's policy no longer keeps, through the catalog's API: the catalog removes the archive from
 * the store, then marks the snapshot DELETED, and refuses when a job reads it or when its own retention, computed at
 * that moment, keeps it (the scheduler's view may be a tick old).
 */
@ApplicationScoped
public class Pruner {
    private static final Logger LOG = Logger.getLogger(Pruner.class);

    private final Catalog catalog;
    private final SchedulerSettings settings;
    private final Counter deleted;

    public Pruner(Catalog catalog, SchedulerSettings settings, MeterRegistry metrics) {
        this.catalog = catalog;
        this.settings = settings;
        this.deleted = Counter.builder("snapkeep.scheduler.deletions").description("snapshots pruned")
                .register(metrics);
    }

    /**
     * @param readByJobs ids of the snapshots queued or running jobs read
     * @return how many snapshots were deleted
     */
    public int prune(InstanceView instance, Policy policy, Set<String> readByJobs) {
        List<SnapshotFacts> snapshots = catalog.completedSnapshots(instance.id()).stream().map(Pruner::facts)
                .toList();
        RetentionPlan plan = Retention.plan(policy, snapshots, readByJobs, settings.zone());
        int count = 0;
        for (Decision decision : plan.decisions()) {
            if (decision.keep()) {
                continue;
            }
            switch (catalog.deleteForRetention(decision.snapshotId())) {
                case DELETED -> {
                    count++;
                    deleted.increment();
                    LOG.infof("deleted snapshot %s of instance %s: %s", decision.snapshotId(), instance.name(),
                            decision.reason());
                }
                case KEPT -> LOG.infof("the catalog kept snapshot %s of instance %s (in use, or kept by now)",
                        decision.snapshotId(), instance.name());
                case GONE -> LOG.debugf("snapshot %s was gone already", decision.snapshotId());
            }
        }
        return count;
    }

    private static SnapshotFacts facts(SnapshotView s) {
        Origin origin = Origin.valueOf(s.origin());
        boolean full = s.options() != null
                && SnapshotFacts.holdsAllData(origin, s.options().schemaOnly(), s.options().excludeTableData());
        return new SnapshotFacts(s.id(), origin, State.valueOf(s.status()), s.completedAt(), full);
    }
}
