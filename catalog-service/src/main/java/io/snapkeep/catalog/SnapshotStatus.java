package io.snapkeep.catalog;

/**
 * Life of a snapshot: PENDING → RUNNING → COMPLETED or FAILED; DELETING while its objects leave the store (never
 * restored or exported again), DELETED once they are gone.
 */
public enum SnapshotStatus {
    PENDING, RUNNING, COMPLETED, FAILED, DELETING, DELETED
}
