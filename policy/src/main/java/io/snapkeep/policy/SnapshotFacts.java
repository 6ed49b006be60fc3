package io.snapkeep.policy;

import java.time.Instant;

/** What retention needs to know of one snapshot; {@code completedAt} is null unless it COMPLETED. */
public record SnapshotFacts(String id, Origin origin, State state, Instant completedAt) {
}
