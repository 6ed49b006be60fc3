package io.snapkeep.scheduler.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot as the catalog shows it, the fields retention reads; {@code options} are null for an upload.
 */
public record SnapshotView(String id, String instanceId, String origin, String status, Instant completedAt,
        Options options) {

    /** The dump options it was taken with, those that tell whether it holds all data. */
    public record Options(boolean schemaOnly, List<String> excludeTableData) {
    }
}
