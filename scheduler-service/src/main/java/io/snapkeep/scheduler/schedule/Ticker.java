package io.snapkeep.scheduler.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.snapkeep.policy.Policy;
import io.snapkeep.scheduler.catalog.Catalog;
import io.snapkeep.scheduler.catalog.InstancePolicy;
import io.snapkeep.scheduler.catalog.InstanceView;
import io.snapkeep.scheduler.config.SchedulerConfig;
import io.snapkeep.scheduler.retention.Pruner;

/**
 * Every {@code snapkeep.scheduler.tick-interval}: reads the instances from the catalog, asks for each one's due slot
 * and prunes its snapshots. An instance that fails is logged and left to the next tick; the others go on. Replicas
 * may tick at the same time: both ask for the same request ids, and deletions are idempotent.
 */
@ApplicationScoped
public class Ticker {
    private static final Logger LOG = Logger.getLogger(Ticker.class);

    private final Catalog catalog;
    private final SlotTrigger trigger;
    private final Pruner pruner;
    private final Clock clock;
    private final boolean retention;

    public Ticker(Catalog catalog, SlotTrigger trigger, Pruner pruner, Clock clock, SchedulerConfig config) {
        this.catalog = catalog;
        this.trigger = trigger;
        this.pruner = pruner;
        this.clock = clock;
        this.retention = config.retention().enabled();
    }

    /** What one tick did. */
    public record Summary(int instances, int requested, int deleted, int failed) {
    }

    @Scheduled(identity = "snapkeep-tick", every = "${snapkeep.scheduler.tick-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Summary summary = tick();
            if (summary.requested() + summary.deleted() + summary.failed() > 0) {
                LOG.infof("tick: %s", summary);
            }
        } catch (RuntimeException e) {
            LOG.warnf("tick skipped, the catalog did not answer: %s", e.toString());
        }
    }

    /** One pass over every instance, at the clock's now. */
    public Summary tick() {
        Instant now = clock.instant();
        List<InstanceView> instances = catalog.instances();
        Set<String> readByJobs = retention ? catalog.snapshotsReadByJobs() : Set.of();
        int requested = 0;
        int deleted = 0;
        int failed = 0;
        for (InstanceView instance : instances) {
            try {
                Policy policy = InstancePolicy.of(instance);
                if (trigger.trigger(instance, policy, now).isPresent()) {
                    requested++;
                }
                if (retention) {
                    deleted += pruner.prune(instance, policy, readByJobs);
                }
            } catch (RuntimeException e) {
                failed++;
                LOG.warnf("instance %s left to the next tick: %s", instance.name(), e.toString());
            }
        }
        return new Summary(instances.size(), requested, deleted, failed);
    }
}
