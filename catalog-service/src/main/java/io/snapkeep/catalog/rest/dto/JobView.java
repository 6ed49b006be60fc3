package io.snapkeep.catalog.rest.dto;

import java.time.Instant;
import java.util.UUID;

/** A job as the API shows it; {@code cancelRequestedBy} names who asked to cancel it, if anyone did. */
public record JobView(UUID id, String type, UUID instanceId, UUID snapshotId, String status, int attempt,
        long progressBytes, String workerId, String error, String cancelRequestedBy, Instant createdAt, Instant startedAt,
        Instant finishedAt, Instant updatedAt) {
}
