package io.snapkeep.policy;

import java.util.List;

/** What retention does with one snapshot, and why: the rules and guards that keep it, or why none does. */
public record Decision(String snapshotId, boolean keep, List<String> reasons) {

    public Decision {
        reasons = List.copyOf(reasons);
    }

    /** The reasons in one sentence. */
    public String reason() {
        return String.join("; ", reasons);
    }
}
