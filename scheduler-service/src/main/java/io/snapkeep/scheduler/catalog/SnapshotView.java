package io.snapkeep.scheduler.catalog;

import java.time.Instant;

/** A snapshot as the catalog shows it, the fields retention reads. */
public record SnapshotView(String id, String instanceId, String origin, String status, Instant completedAt) {
}
