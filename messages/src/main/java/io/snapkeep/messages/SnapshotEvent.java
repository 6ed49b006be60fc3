package io.snapkeep.messages;

import java.time.Instant;

/** On {@link Topics#SNAPSHOT_EVENTS}, keyed by instance id: a snapshot reached {@code status}. */
public record SnapshotEvent(int v, String snapshotId, String instanceId, String status, Long sizeBytes,
        String sha256, Instant at) {
}
