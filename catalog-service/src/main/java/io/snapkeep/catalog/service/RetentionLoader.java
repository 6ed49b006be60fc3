package io.snapkeep.catalog.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Instance;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.repository.JobRepository;
import io.snapkeep.catalog.repository.SnapshotRepository;

/** Reads what retention decides on for one instance, inside the caller's session. */
@ApplicationScoped
public class RetentionLoader {
    private final SnapshotRepository snapshots;
    private final JobRepository jobs;

    public RetentionLoader(SnapshotRepository snapshots, JobRepository jobs) {
        this.snapshots = snapshots;
        this.jobs = jobs;
    }

    /** {@code changed}, when given, stands for its stored version (its change may not be flushed yet). */
    public Uni<InstanceRetention> load(Instance instance, Snapshot changed) {
        return snapshots.listLive(instance.id).chain(live -> jobs.listActiveOnArchives().map(active -> {
            List<Snapshot> all = new ArrayList<>(live.stream()
                    .filter(s -> changed == null || !s.id.equals(changed.id)).toList());
            if (changed != null) {
                all.add(0, changed);
            }
            Set<UUID> read = new HashSet<>(active.stream().map(job -> job.snapshotId).toList());
            return new InstanceRetention(instance, InstancePolicies.of(instance), all, read);
        }));
    }
}
