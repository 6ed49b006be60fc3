package io.snapkeep.catalog.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Instance;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.SnapshotStatus;
import io.snapkeep.catalog.repository.InstanceRepository;
import io.snapkeep.catalog.repository.SnapshotRepository;
import io.snapkeep.policy.SchedulerSettings;

/**
 * Keeps {@code expiresAt} of an instance's COMPLETED snapshots current, inside the caller's transaction: each new
 * snapshot, and each change of policy, moves the others' expiry. The value is the policy module's {@link
 * io.snapkeep.policy.Expiry best known one}; null when retention never prunes the snapshot, or only once a newer
 * snapshot appears on a policy that takes none on schedule. A snapshot that is due stays dated when it fell due.
 * <p>
 * Other snapshots are updated by a statement that sets the expiry alone, and only while they are COMPLETED: a deletion
 * running meanwhile is never undone by writing back what was read before it.
 */
@ApplicationScoped
public class SnapshotExpiries {
    private static final Logger LOG = Logger.getLogger(SnapshotExpiries.class);

    private final InstanceRepository instances;
    private final SnapshotRepository snapshots;
    private final RetentionLoader loader;
    private final SchedulerSettings settings;
    private final Clock clock;

    public SnapshotExpiries(InstanceRepository instances, SnapshotRepository snapshots, RetentionLoader loader,
            SchedulerSettings settings, Clock clock) {
        this.instances = instances;
        this.snapshots = snapshots;
        this.loader = loader;
        this.settings = settings;
        this.clock = clock;
    }

    /** After {@code changed} completed. */
    public Uni<Void> refresh(Snapshot changed) {
        return instances.findById(changed.instanceId).chain(instance -> refresh(instance, changed));
    }

    /** After the instance's policy changed. */
    public Uni<Void> refresh(Instance instance) {
        return refresh(instance, null);
    }

    /** A failure to compute is logged, never passed on: the change that asked for the refresh stands. */
    private Uni<Void> refresh(Instance instance, Snapshot changed) {
        return loader.load(instance, changed).chain(retention -> {
            Instant now = clock.instant();
            Map<String, Instant> expiries;
            try {
                expiries = retention.expiries(settings, now);
            } catch (RuntimeException e) {
                LOG.warnf("expiry dates of instance %s not updated: %s", instance.name, e.toString());
                return Uni.createFrom().voidItem();
            }
            List<Uni<Integer>> updates = new ArrayList<>();
            for (Snapshot snapshot : retention.snapshots()) {
                Instant expiry = expiries.get(snapshot.id.toString());
                if (snapshot.status != SnapshotStatus.COMPLETED || unchanged(snapshot.expiresAt, expiry, now)) {
                    continue;
                }
                if (snapshot == changed) {
                    snapshot.expiresAt = expiry;
                } else {
                    updates.add(snapshots.setExpiry(snapshot.id, expiry));
                }
            }
            return Multi.createFrom().iterable(updates).onItem().transformToUniAndConcatenate(u -> u).collect()
                    .last().replaceWithVoid();
        });
    }

    /** Equal, or both due already (the earlier date stays). */
    private static boolean unchanged(Instant old, Instant expiry, Instant now) {
        return Objects.equals(old, expiry) || old != null && expiry != null && !old.isAfter(now) && !expiry.isAfter(now);
    }
}
