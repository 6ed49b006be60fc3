package io.snapkeep.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds snapshot histories for retention tests. */
final class Snapshots {
    private Snapshots() {
    }

    static SnapshotFacts scheduled(Instant completedAt) {
        return new SnapshotFacts("s-" + completedAt, Origin.SCHEDULED, State.COMPLETED, completedAt, true);
    }

    static SnapshotFacts failed(Instant at) {
        return new SnapshotFacts("f-" + at, Origin.SCHEDULED, State.FAILED, null, true);
    }

    static SnapshotFacts of(Origin origin, Instant completedAt) {
        return new SnapshotFacts(origin + "-" + completedAt, origin, State.COMPLETED, completedAt, true);
    }

    /** A COMPLETED scheduled snapshot every {@code step} from {@code first} up to and with {@code last}. */
    static List<SnapshotFacts> every(Duration step, Instant first, Instant last) {
        List<SnapshotFacts> all = new ArrayList<>();
        for (Instant t = first; !t.isAfter(last); t = t.plus(step)) {
            all.add(scheduled(t));
        }
        return all;
    }

    static Set<Instant> keptTimes(RetentionPlan plan, List<SnapshotFacts> snapshots) {
        Set<String> deleted = Set.copyOf(plan.toDelete());
        return snapshots.stream().filter(s -> !deleted.contains(s.id())).map(SnapshotFacts::completedAt)
                .collect(Collectors.toSet());
    }
}
