package io.snapkeep.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A policy run against a simulated clock: each slot of the schedule yields a COMPLETED snapshot when it is due, its
 * expiry is predicted at once, and retention prunes right after. Days of policy run in milliseconds.
 */
final class Simulation {
    final List<SnapshotFacts> alive = new ArrayList<>();
    final Map<String, Instant> predicted = new HashMap<>();
    final Map<String, Instant> deletedAt = new HashMap<>();
    private final Policy policy;
    private final SchedulerSettings settings;
    private final Slots slots;

    Simulation(Policy policy, ZoneId zone, Duration spread) {
        this.policy = policy;
        this.settings = new SchedulerSettings(zone, spread);
        this.slots = policy.slots("instance-1", settings).orElseThrow();
    }

    /** Runs every slot after {@code from} whose due time is at or before {@code until}. */
    Simulation run(Instant from, Instant until) {
        for (Instant slot = slots.nextAfter(from).orElseThrow(); !slots.dueAt(slot).isAfter(until);
                slot = slots.nextAfter(slot).orElseThrow()) {
            Instant now = slots.dueAt(slot);
            SnapshotFacts taken = new SnapshotFacts("s-" + now, Origin.SCHEDULED, State.COMPLETED, now, true);
            alive.add(taken);
            predicted.put(taken.id(), Expiry.of(policy, slots.instanceId(), alive, settings, now).get(taken.id()));
            List<String> doomed = Retention.plan(policy, alive, Set.of(), settings.zone()).toDelete();
            alive.removeIf(s -> doomed.contains(s.id()));
            doomed.forEach(id -> deletedAt.put(id, now));
        }
        return this;
    }

    Set<Instant> aliveTimes() {
        return Set.copyOf(alive.stream().map(SnapshotFacts::completedAt).toList());
    }
}
