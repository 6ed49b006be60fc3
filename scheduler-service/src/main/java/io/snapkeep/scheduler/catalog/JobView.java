package io.snapkeep.scheduler.catalog;

/** A job as the catalog shows it, the fields retention reads. */
public record JobView(String id, String type, String snapshotId, String status) {
}
