package io.snapkeep.catalog.rest.dto;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import io.snapkeep.messages.DumpOptions;

/**
 * A snapshot as the API shows it; {@code options} are the dump options it was taken with (null for an upload, whose
 * file was made with options nobody told); {@code jobId} is the DUMP job that made it (null for an upload). An
 * uploaded archive also shows what its header says: {@code sourceDatabase}, {@code dumpedAt} (wall-clock time of the dumping
 * machine, no zone) and {@code archiveVersion}. {@code storage} tells how the archive is kept in the store.
 */
public record SnapshotView(UUID id, UUID instanceId, String name, String origin, String status, String format,
        DumpOptions options, Long sizeBytes, String sha256, String serverVersion, String toolVersion,
        Instant createdAt, Instant completedAt, Instant expiresAt, String error, UUID jobId, String sourceDatabase,
        LocalDateTime dumpedAt, String archiveVersion, StorageView storage) {
}
