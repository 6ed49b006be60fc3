package io.snapkeep.policy;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one retention computation, used by the scheduler to prune and by the catalog to preview and to date expiries.
 * <p>
 * Candidates are the COMPLETED snapshots the policy prunes (scheduled ones; every origin under the free tier), ordered
 * by completion time, hour/day/week/month buckets taken in the given zone. A candidate is kept when a rule of the
 * policy's {@link KeepCounts} keeps it. Whatever the rules say, these are kept too: the newest COMPLETED one of the
 * instance (of any origin), the newest COMPLETED one that holds all its data ({@link SnapshotFacts#full()}: when the
 * newest is schema-only, leaves out tables' data or is an upload, the full one before it stays), every snapshot a
 * queued or running job reads, and every snapshot that is not a COMPLETED
 * candidate (on-demand and uploaded ones outside the free tier, unfinished and FAILED ones: a failed snapshot neither
 * counts toward a rule nor is pruned).
 */
public final class Retention {
    static final Comparator<SnapshotFacts> NEWEST_FIRST = Comparator
            .comparing(SnapshotFacts::completedAt, Comparator.reverseOrder())
            .thenComparing(SnapshotFacts::id, Comparator.reverseOrder());

    private Retention() {
    }

    /**
     * @param snapshots the instance's snapshots (DELETED ones are left out of the plan)
     * @param readByJobs ids of snapshots that queued or running jobs read
     */
    public static RetentionPlan plan(Policy policy, Collection<SnapshotFacts> snapshots, Set<String> readByJobs,
            ZoneId zone) {
        List<SnapshotFacts> candidates = candidates(policy, snapshots);
        Map<String, List<String>> byRules = new HashMap<>();
        for (Rule rule : policy.keep().rules()) {
            RuleKeep.kept(rule, candidates, zone).forEach(
                    (id, position) -> byRules.computeIfAbsent(id, k -> new ArrayList<>()).add(rule.label(position)));
        }
        String newest = newestCompleted(snapshots, false);
        String newestFull = newestCompleted(snapshots, true);
        List<Decision> decisions = new ArrayList<>();
        for (SnapshotFacts snapshot : snapshots) {
            if (snapshot.state() == State.DELETED) {
                continue;
            }
            List<String> reasons = new ArrayList<>(byRules.getOrDefault(snapshot.id(), List.of()));
            if (snapshot.id().equals(newest)) {
                reasons.add("the newest completed snapshot");
            } else if (snapshot.id().equals(newestFull)) {
                reasons.add("the newest snapshot with all data of the instance (newer ones are partial or uploaded)");
            }
            if (readByJobs.contains(snapshot.id())) {
                reasons.add("read by a queued or running job");
            }
            unprunable(policy, snapshot).ifPresent(reasons::add);
            boolean keep = !reasons.isEmpty();
            if (!keep) {
                reasons.add("kept by no rule of " + policy.describe());
            }
            decisions.add(new Decision(snapshot.id(), keep, reasons));
        }
        return new RetentionPlan(decisions);
    }

    private static String newestCompleted(Collection<SnapshotFacts> snapshots, boolean full) {
        return snapshots.stream()
                .filter(s -> s.state() == State.COMPLETED && s.completedAt() != null && (s.full() || !full))
                .min(NEWEST_FIRST).map(SnapshotFacts::id).orElse(null);
    }

    /** The snapshots the rules decide on, newest first. */
    static List<SnapshotFacts> candidates(Policy policy, Collection<SnapshotFacts> snapshots) {
        return snapshots.stream()
                .filter(s -> s.state() == State.COMPLETED && s.completedAt() != null && policy.prunes(s.origin()))
                .sorted(NEWEST_FIRST).toList();
    }

    /** Why the rules do not decide on a snapshot, when they do not. */
    private static Optional<String> unprunable(Policy policy, SnapshotFacts snapshot) {
        return Optional.ofNullable(switch (snapshot.state()) {
            case PENDING, RUNNING -> "not finished yet";
            case FAILED -> "failed: retention neither counts nor prunes failed snapshots";
            case COMPLETED -> {
                if (!policy.prunes(snapshot.origin())) {
                    yield snapshot.origin() == Origin.UPLOADED ? "uploaded snapshots are kept until deleted"
                            : "on-demand snapshots are kept until deleted";
                }
                yield snapshot.completedAt() == null ? "no completion time recorded" : null;
            }
            case DELETED -> null;
        });
    }
}
