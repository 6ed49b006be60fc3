package io.snapkeep.policy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * When retention will delete each snapshot, as best known now: assuming every future slot of the schedule yields a
 * COMPLETED snapshot when it is due (and nothing else changes), a candidate expires at the first slot after which no
 * rule keeps it any more: keep-last when {@code n} newer snapshots exist; a bucket rule when a newer snapshot lands
 * in its own bucket, or when {@code n} newer buckets hold one. A candidate no rule keeps now expires now (the next
 * pruning deletes it). Guards are left out: the newest snapshot and those read by jobs are kept past this time, until
 * they are neither.
 */
public final class Expiry {
    private static final int LOOK_AHEAD = 1000;

    private Expiry() {
    }

    /**
     * @return the expiry of each candidate (a COMPLETED snapshot the policy prunes) that has a known one; a candidate
     *         kept until a newer snapshot appears while the policy takes none on schedule (free) is absent
     */
    public static Map<String, Instant> of(Policy policy, String instanceId, Collection<SnapshotFacts> snapshots,
            SchedulerSettings settings, Instant now) {
        List<SnapshotFacts> candidates = Retention.candidates(policy, snapshots);
        Map<String, Instant> expiries = new HashMap<>();
        if (candidates.isEmpty()) {
            return expiries;
        }
        Optional<Slots> slots = policy.slots(instanceId, settings);
        Map<String, Optional<Instant>> lastSlot = new HashMap<>();
        for (Rule rule : policy.keep().rules()) {
            IntFunction<Optional<Instant>> drop = slots.isEmpty() ? position -> Optional.empty()
                    : dropSlots(rule, candidates, slots.get(), now);
            RuleKeep.kept(rule, candidates, settings.zone())
                    .forEach((id, position) -> lastSlot.merge(id, drop.apply(position), Expiry::later));
        }
        for (SnapshotFacts candidate : candidates) {
            Optional<Instant> slot = lastSlot.get(candidate.id());
            if (slot == null) {
                expiries.put(candidate.id(), now);
            } else {
                slot.ifPresent(s -> expiries.put(candidate.id(), slots.orElseThrow().dueAt(s)));
            }
        }
        return expiries;
    }

    /** For a position the rule keeps: the future slot that pushes it out, or empty when beyond what is known. */
    private static IntFunction<Optional<Instant>> dropSlots(Rule rule, List<SnapshotFacts> candidates, Slots slots,
            Instant now) {
        int n = rule.count();
        if (rule.period() == null) {
            List<Instant> future = new ArrayList<>();
            Optional<Instant> next = slots.nextAfter(now);
            while (next.isPresent() && future.size() < n) {
                future.add(next.get());
                next = slots.nextAfter(next.get());
            }
            return position -> at(future, n - 1 - position);
        }
        Period period = rule.period();
        LocalDateTime newestBucket = period.bucketOf(candidates.get(0).completedAt(), slots.zone());
        Optional<Instant> first = slots.nextAfter(now);
        Optional<Instant> sameBucket = first.filter(t -> period.bucketOf(t, slots.zone()).equals(newestBucket));
        List<Instant> newBuckets = new ArrayList<>();
        LocalDateTime current = newestBucket;
        Optional<Instant> next = first;
        for (int step = 0; next.isPresent() && newBuckets.size() < n && step < n + LOOK_AHEAD; step++) {
            LocalDateTime bucket = period.bucketOf(next.get(), slots.zone());
            if (bucket.isAfter(current)) {
                newBuckets.add(next.get());
                current = bucket;
            }
            next = slots.cron().nextAtOrAfter(period.nextStart(bucket, slots.zone()), slots.zone());
        }
        return position -> position == 0 && sameBucket.isPresent() ? sameBucket : at(newBuckets, n - 1 - position);
    }

    private static Optional<Instant> at(List<Instant> list, int index) {
        return index >= 0 && index < list.size() ? Optional.of(list.get(index)) : Optional.empty();
    }

    /** The later of two drop slots; empty (not known to end) wins. */
    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return a.get().isAfter(b.get()) ? a : b;
    }
}
