package io.snapkeep.catalog.rest.dto;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A snapshot as the API shows it; {@code jobId} is the job that makes it, when one was just created. An uploaded
 * archive also shows what its header says: {@code sourceDatabase}, {@code dumpedAt} (wall-clock time of the dumping
 * machine, no zone) and {@code archiveVersion}.
 */
public record SnapshotView(UUID id, UUID instanceId, String name, String origin, String status, String format,
        Long sizeBytes, String sha256, String serverVersion, String toolVersion, Instant createdAt,
        Instant completedAt, Instant expiresAt, String error, UUID jobId, String sourceDatabase,
        LocalDateTime dumpedAt, String archiveVersion) {
}
