package io.snapkeep.catalog.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the next pruning of an instance would do, computed at {@code evaluatedAt}: for each snapshot (newest first)
 * {@code KEEP} or {@code DELETE} and why, with the expiry the policy gives it.
 */
public record RetentionView(UUID instanceId, String policy, Instant evaluatedAt, int toDelete,
        List<Entry> snapshots) {

    /** One snapshot's fate; {@code reasons} name the rules and guards that keep it, or why none does. */
    public record Entry(UUID snapshotId, String name, String origin, String status, Instant completedAt,
            String action, List<String> reasons, Instant expiresAt) {
    }
}
