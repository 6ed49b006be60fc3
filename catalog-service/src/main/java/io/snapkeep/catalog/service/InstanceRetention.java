package io.snapkeep.catalog.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.snapkeep.catalog.Instance;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.mapping.DumpOptionsColumn;
import io.snapkeep.policy.Expiry;
import io.snapkeep.policy.Origin;
import io.snapkeep.policy.Policy;
import io.snapkeep.policy.RetentionPlan;
import io.snapkeep.policy.Retention;
import io.snapkeep.policy.SchedulerSettings;
import io.snapkeep.policy.SnapshotFacts;
import io.snapkeep.policy.State;

/**
 * An instance's snapshots (all but the DELETED ones, newest first) as retention sees them, with its policy and the
 * snapshots queued or running jobs read; what the policy module decides for them.
 */
public record InstanceRetention(Instance instance, Policy policy, List<Snapshot> snapshots, Set<UUID> readByJobs) {

    public RetentionPlan plan(SchedulerSettings settings) {
        return Retention.plan(policy, facts(), Set.copyOf(readByJobs.stream().map(UUID::toString).toList()),
                settings.zone());
    }

    /** The expiry of each snapshot that has a known one, by id. */
    public Map<String, Instant> expiries(SchedulerSettings settings, Instant now) {
        return Expiry.of(policy, instance.id.toString(), facts(), settings, now);
    }

    private List<SnapshotFacts> facts() {
        return snapshots.stream().map(s -> new SnapshotFacts(s.id.toString(), Origin.valueOf(s.origin.name()),
                State.valueOf(s.status.name()), s.completedAt, DumpOptionsColumn.holdsAllData(s))).toList();
    }
}
