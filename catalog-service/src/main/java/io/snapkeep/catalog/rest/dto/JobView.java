package io.snapkeep.catalog.rest.dto;

import java.time.Instant;
import java.util.UUID;

/**
 * A job as the API shows it; {@code cancelRequestedBy} names who asked to cancel it, if anyone did. While it runs,
 * {@code expectedBytes} is what its worker expects to move in all (a dump: the database's size on disk, usually more
 * than its archive; a restore: the archive's size), {@code etaSeconds} the time left at the rate so far (null until
 * there is one), {@code phase} the step a restore is at. {@code retryOf} names the FAILED CLEANUP job a cleanup retries.
 */
public record JobView(UUID id, String type, UUID instanceId, UUID snapshotId, String status, int attempt,
        long progressBytes, Long expectedBytes, Long etaSeconds, String phase, String workerId, String error,
        String cancelRequestedBy, UUID retryOf, Instant createdAt, Instant startedAt, Instant finishedAt,
        Instant updatedAt) {
}
