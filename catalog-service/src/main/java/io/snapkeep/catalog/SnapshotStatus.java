package io.snapkeep.catalog;

/** Life of a snapshot: PENDING → RUNNING → COMPLETED or FAILED; DELETED once its object is gone. */
public enum SnapshotStatus {
    PENDING, RUNNING, COMPLETED, FAILED, DELETED
}
