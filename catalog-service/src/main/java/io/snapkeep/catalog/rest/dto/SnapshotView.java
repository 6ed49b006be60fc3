package io.snapkeep.catalog.rest.dto;

import java.time.Instant;
import java.util.UUID;

/** A snapshot as the API shows it; {@code jobId} is the job that makes it, when one was just created. */
public record SnapshotView(UUID id, UUID instanceId, String name, String origin, String status, String format,
        Long sizeBytes, String sha256, String serverVersion, String toolVersion, Instant createdAt,
        Instant completedAt, Instant expiresAt, String error, UUID jobId) {
}
