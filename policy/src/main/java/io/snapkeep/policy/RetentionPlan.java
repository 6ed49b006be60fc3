package io.snapkeep.policy;

import java.util.List;
import java.util.Optional;

/** Retention's decision for each snapshot it was shown, in the order it was shown them. */
public record RetentionPlan(List<Decision> decisions) {

    public RetentionPlan {
        decisions = List.copyOf(decisions);
    }

    /** The ids of the snapshots to delete. */
    public List<String> toDelete() {
        return decisions.stream().filter(d -> !d.keep()).map(Decision::snapshotId).toList();
    }

    public Optional<Decision> decision(String snapshotId) {
        return decisions.stream().filter(d -> d.snapshotId().equals(snapshotId)).findFirst();
    }
}
